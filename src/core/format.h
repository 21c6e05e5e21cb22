// format.h: the community file, format version 1 (described by assets/community.schema.json).
// Export is canonical: the same community always gives the same bytes. Import validates every
// byte and either returns a whole community or a message that names the place of the problem.
//  [SECTION] Limits
//  [SECTION] Export
//  [SECTION] Import
//  [SECTION] Statistics
#pragma once
#include <string>
#include <string_view>

#include "core/model.h"

namespace cv {

// [SECTION] Limits ---------------------------------------------------------------------------------
inline constexpr const char* kFormatName = "cultivate.community";
inline constexpr int kFormatVersion = 1;
// A community of 10,000 members with 60,000 records is about 20 MB; the limits leave room for years
// of posts. Measured by bench/scale: 10,000 members hold about 120 MB of WebAssembly heap.
inline constexpr size_t kMaxFileBytes = 64u << 20;     // 64 MB
inline constexpr int kMaxDepth = 32;                   // nesting of arrays and objects
inline constexpr size_t kMaxStringChars = 100000;      // characters in one text
inline constexpr size_t kMaxRecords = 1000000;
inline constexpr size_t kMaxIdChars = 64;
inline constexpr int64_t kMaxStampMs = int64_t(1) << 53;   // the largest whole number JSON readers keep
// A copy whose stamps run more than this ahead of the receiving device's clock is refused: it would
// win every later edit, and its clock would drag everyone's clock along.
inline constexpr int64_t kMaxClockSkewMs = 24 * 3600 * 1000;

// [SECTION] Export ---------------------------------------------------------------------------------

// The file as JSON: records ordered by id, fields by name.
json to_json(const Community& c);
// Canonical file bytes (two-space indented, ends with a line feed).
std::string to_file(const Community& c);
// The same bytes in parts of about `part` bytes (whole records): a stored copy of a large community
// is then never one block of the page's memory (a 41 MB block needs a gap that large, and the heap
// grows when none is left).
std::vector<std::string> to_file_parts(const Community& c, size_t part = size_t(1) << 20);
size_t bytes_of(const std::vector<std::string>& parts);  // their bytes in all
// Canonical and compact (for links).
std::string to_compact(const Community& c);

// [SECTION] Import ---------------------------------------------------------------------------------

// The result of reading a file: a community, or why not.
struct Parsed {
  bool ok = false;
  Community community;
  std::string error;  // "records[12].fields.name: expected a string"
  int duplicates = 0;  // records whose id appeared more than once (merged like two copies)
  bool newer_version = false;  // refused because a newer Cultivate wrote it (never to be overwritten)
};

// Reads a community file. Never throws; refuses anything malformed, oversized or of a newer version.
Parsed parse_file(std::string_view bytes);
// The fast JSON reader parse_file uses first, here for the tests that hold it to nlohmann/json: true
// when it read the bytes as one JSON value (to `out`), false when it leaves them to nlohmann/json.
bool fast_json_parse(std::string_view bytes, json& out);
// Checks that `incoming` may be merged into `into`: the same id must keep its record type.
// Returns "" when it may, else the message.
std::string check_compatible(const Community& into, const Community& incoming);
// Stamps more than kMaxClockSkewMs after now_ms: "" when there are none, else how many and the first.
std::string check_stamps(const Community& incoming, int64_t now_ms);
// What Cultivate writes it must read back: "" when the community's file stays within the limits,
// else by how much it does not ("65.2 MB, over the 64.0 MB a copy may have"). The file's size goes
// to *bytes when asked.
std::string check_fits(const Community& c, size_t* bytes = nullptr);
// What merging `incoming` into `c` would make, found without making it (no copy of either): the
// merged file's size and record count, and what would change, in counts (changes.by_type, .fields).
struct MergeEffect {
  size_t bytes = 0, records = 0;
  Diff changes;
  int64_t latest_ms = 0;  // the latest stamp of what came in (check_stamps says which, when too late)
};
MergeEffect merge_effect(const Community& c, const Community& incoming);

// What importing a file into an open community would do (or did).
struct Preview {
  bool ok = false;
  std::string error;              // why the file is refused; the open community is untouched
  Community community;            // the file's community (preview_import only)
  Diff diff;                      // records added, changed, removed per type
  bool other_community = false;   // the file is another community (its own name and purpose stay out)
  std::string incoming_name;
  size_t merged_bytes = 0;        // the size of the community's file after the merge
};
// Every way in (files, links, invitations, answers, sign-up sheets) runs the same checks: the file
// reads, its records keep their types, its stamps are not from the future (now_ms is the receiving
// device's clock), and the merged community still fits the limits. Changes nothing.
Preview preview_import(const Doc& d, std::string_view bytes, int64_t now_ms);
// The same checks on a community already read (leaves `community` empty: a copy of a 10,000-member
// community is 55 MB of the page's memory).
Preview preview_community(const Doc& d, const Community& incoming, int64_t now_ms);
// Reads bytes and merges them into d as one undoable step. On any problem d stays exactly as it was.
Preview import_into(Doc& d, std::string_view bytes, const std::string& label, int64_t now_ms);

// [SECTION] Statistics -----------------------------------------------------------------------------

// A short description for `cultivate stats` and the status line.
json stats(const Community& c);
// "2026-11-28 11:09 UTC" from epoch milliseconds.
std::string format_utc(int64_t ms);
// Civil dates: days since 1970-01-01 from a date, and back (Howard Hinnant's algorithms).
int64_t days_from_civil(int y, int m, int d);
void civil_from_days(int64_t days, int& y, int& m, int& d);

}  // namespace cv
