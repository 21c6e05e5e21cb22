// saver.h: keeping the browser's storage in step with the communities being edited, as a plain state
// machine: events in (the doc changed, a write landed, a conflict, a failure), commands out (write
// these bytes if the stored copy is still the one I know; journal these bytes now). It knows nothing
// of the browser; src/app/web_main.cpp carries its commands to the platform, and tests/unit-saver.cpp
// runs it against a dummy storage.
// What it guarantees:
//  - a write never overwrites a copy it has not seen: each write names the etag it replaces; another
//    tab's write in between comes back as a conflict, is merged, and written again;
//  - a stored copy it cannot read (damaged, or another program's) is kept aside as a recovery copy
//    before it is replaced; a copy from a newer Cultivate is never replaced;
//  - a community too large to reopen is not stored (it stays in memory, and the person is told);
//  - leaving a community (New, Open, an invitation, Move to bin) writes its last edits first;
//  - a failed write says why, keeps the data in memory, and is retried with back-off;
//  - a community deleted for good in another tab is not brought back.
//  [SECTION] Commands and events
//  [SECTION] The saver
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/model.h"

namespace app {

// [SECTION] Commands and events ---------------------------------------------------------------------

// A command: store the file's parts, joined, as community `id` if the stored copy's etag is `expect` ("" when none is
// stored; "*" when none may be stored, else it must be merged first).
struct Write {
  std::string id, name;
  std::vector<std::string> parts;  // the file's bytes in parts (cv::to_file_parts), stored as one text
  std::string expect, etag;
  int seq = 0;
  uint64_t revision = 0;       // the open community's revision the bytes hold (journals it covers)
  bool keep_aside = false;     // the stored copy could not be read: keep it as a recovery copy first
  std::string reason;          // why it could not be read
};

// A command for a page being hidden or closed: the open community's text, stored at once.
struct Journal {
  std::string id, name;
  std::vector<std::string> parts;  // the file's bytes in parts, as in a Write
  uint64_t revision = 0;
};

// What storage answered to a Write.
struct WriteResult {
  enum Kind { Saved, Conflict, Failed } kind = Saved;
  std::string id;
  int seq = 0;
  std::string etag;            // Saved: the new copy's; Conflict: the stored copy's ("#purged" for a tombstone)
  bool purged = false;         // Conflict: the community was deleted for good
  std::string stored;          // Conflict: the stored copy's text
  std::string error;           // Failed: why, in words
  std::string kept_aside;      // Saved: the key of a recovery copy made first, or ""
};

// [SECTION] The saver -------------------------------------------------------------------------------

struct Saver {
  std::string tab;                     // this tab; etags are "<tab>.<n>"
  int64_t delay_ms = 700;              // a write at most about a second behind the last edit

  // The open community.
  std::string id, name;
  std::string etag;                    // what storage holds for it, as far as this tab knows
  uint64_t saved_revision = 0;         // the doc revision storage holds
  int64_t due_ms = 0;                  // when the debounced write is due (0: not scheduled)
  int busy_seq = 0;                    // a write of it in flight (0: none)
  uint64_t busy_revision = 0;
  bool keep_aside = false;             // the next write keeps the stored copy aside (it was unreadable)
  std::string aside_reason, aside_expect;
  int failures = 0;
  int64_t retry_at_ms = 0;
  std::string error;                   // the last failed write, until one lands
  std::string blocked;                 // why it is not stored at all (too large; a newer version stored it)
  uint64_t blocked_revision = 0;       // too large: checked again when the revision moves
  bool purged = false;                 // deleted for good elsewhere: the app opens another community

  // Communities that are not open, with a write pending (one just left, a copy, an answered invitation).
  struct Other {
    cv::Community c;
    std::string expect = "*";
    int seq = 0;                       // in flight (0: not)
    int64_t retry_at_ms = 0;
    bool keep_aside = false;
    std::string reason;
  };
  std::map<std::string, Other> others;

  int seq = 0, etags = 0;
  // Out: commands for the platform, and sentences for the status line.
  std::vector<Write> writes;
  std::vector<Journal> journals;
  std::vector<std::string> notices;
};

// A community was opened: `etag` is what storage holds for it ("" when it is not stored yet) and
// `revision` the doc revision that matches it (0 for a community not stored yet: it is saved soon).
void saver_open(Saver& s, const std::string& id, const std::string& etag, uint64_t revision);
// The open community is being left (another opens): its last edits are written first.
void saver_leave(Saver& s, const cv::Doc& doc);
// Stores a community that is not open (merged with whatever is stored under its id).
void saver_store(Saver& s, const cv::Community& c);
// Each frame or tick: writes what is due. flush: now, without waiting (the page is being hidden).
// Returns the milliseconds until it wants to be stepped again (-1: nothing to wait for).
int64_t saver_step(Saver& s, const cv::Doc& doc, int64_t now_ms, bool flush = false);
// The page is being hidden or closed: a journal of the open community, then a write.
void saver_hide(Saver& s, const cv::Doc& doc, int64_t now_ms);
// A write's outcome. A conflict on the open community merges the stored copy into doc (no undo step).
void saver_result(Saver& s, cv::Doc& doc, const WriteResult& r, int64_t now_ms);
// Another tab stored the open community (the copy it loaded, with its etag): take its edits in.
// True when the doc changed.
bool saver_absorb(Saver& s, cv::Doc& doc, const std::string& stored, const std::string& etag);
// True while the open community has edits that are not stored yet.
bool saver_dirty(const Saver& s, const cv::Doc& doc);

}  // namespace app
