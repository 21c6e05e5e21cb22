// sync.h: what the live sync through a Matrix room decides without the network (issue 15). First:
// who may write what. A change received from the room is records with stamped fields, as a file's;
// it is merged only in the part its sender may write. Files cannot do this (anyone holding a file
// can write as anyone); a room knows who sent each event. Like the rest of src/core: no browser, no
// clock, no network.
//  [SECTION] Who may write what
#pragma once
#include <string>
#include <vector>

#include "core/model.h"

namespace cv {

// [SECTION] Who may write what -----------------------------------------------------------------------
// `sender`: the Matrix user who sent the change ("@zoe:example.org"); `moderator`: their power level
// in the room is 50 or more. Moderators may write everything. Anyone else writes as the member whose
// Matrix ID is theirs (a live member of this copy, or a member record the change itself adds with
// their ID: someone answering an invitation), and may write only the fields the registry declares a
// member may write about themselves (`self`), of records that belong to that member (the record
// type's owner field names them as this copy has it, or as the change sets it for a record this copy
// does not have yet), and delete such records. Everything else is refused, field by field, with the
// reason in words. A field exactly as this copy has it (value and stamp) is neither: whole records
// may be sent.
struct Refused {
  std::string id, type, field;  // field "" when the whole record is refused
  std::string reason;           // "belongs to another member", "only moderators may write it", ...
};
struct SenderCheck {
  Community accepted;            // the part of the change the sender may write (records with no
                                 // accepted field left out)
  std::vector<Refused> refused;  // the rest, for the "refused changes" log
  std::string member;            // the member the sender writes as ("" none)
};
SenderCheck check_sender(const Community& current, const Community& change, const std::string& sender, bool moderator);

}  // namespace cv
