// sync.h: what the live sync through a Matrix room decides without the network (issue 15). First:
// who may write what. A change received from the room is records with stamped fields, as a file's;
// it is merged only in the part its sender may write. Files cannot do this (anyone holding a file
// can write as anyone); a room knows who sent each event. Like the rest of src/core: no browser, no
// clock, no network.
//  [SECTION] Who may write what
//  [SECTION] Events in the room
#pragma once
#include <string>
#include <vector>

#include "core/format.h"
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
// The live member whose Matrix ID is `sender` ("" none, or more than one).
std::string member_with_matrix_id(const Community& current, const std::string& sender);

// [SECTION] Events in the room -----------------------------------------------------------------------
// A room holds one community. Its state event kRoomState names it ({community, name}); changes go as
// kRecordsEvent messages whose "file" is a community file (compact) holding the changed records
// whole, so they are read by the same import as any file and merged by the same merge. A community's
// starting state goes as an uploaded file named by a kSnapshotEvent ({community, url, bytes}).
// Thread posts go once more as m.room.message, in Matrix threads, for other Matrix clients; their
// content names the Cultivate record (kThreadKey, kReplyKey), so Cultivate reads them only once.
inline constexpr const char* kRoomState = "org.cultivate.community";
inline constexpr const char* kRecordsEvent = "org.cultivate.records";
inline constexpr const char* kSnapshotEvent = "org.cultivate.snapshot";
inline constexpr const char* kThreadKey = "org.cultivate.thread";
inline constexpr const char* kReplyKey = "org.cultivate.reply";
// Matrix refuses an event over 65,536 bytes with its envelope (sender, ids, signatures): a content of
// at most this leaves it 5 KB.
inline constexpr size_t kMaxEventContent = 60000;

// The records of `ids` (each once, whole, as `c` has them now) as contents of kRecordsEvent, each at
// most kMaxEventContent bytes as JSON, with the ids each carries. A record that alone is larger goes
// to *too_large instead.
struct RecordsEvent {
  json content;
  std::vector<std::string> ids;
};
std::vector<RecordsEvent> records_events(const Community& c, const std::vector<std::string>& ids,
                                         std::vector<std::string>* too_large);
// One kRecordsEvent's or snapshot's content read back: the community file it carries, checked like any
// file (format, the community's id, types kept, stamps not from the future).
Parsed read_records_event(const json& content, const Community& current, int64_t now_ms);
Parsed read_snapshot(const std::string& bytes, const Community& current, int64_t now_ms);
// A message written in another Matrix client (`event`: m.room.message with a body) as Cultivate
// records: a reply to `thread` when it answers one ("" when it does not: then a new thread, its first
// line the title), by `member`. Ids and stamps come from the event alone, so every copy makes the
// same records.
Community message_as_post(const std::string& community_id, const json& event, const std::string& thread,
                          const std::string& member);
// The m.room.message contents that show a thread and a reply in other Matrix clients.
json thread_message(const Record& thread, const std::string& thread_id);
json reply_message(const Record& reply, const std::string& reply_id, const std::string& root_event);

}  // namespace cv
