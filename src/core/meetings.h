// meetings.h: the meetings of a community, before, during and after. Guidelines members acknowledge;
// a designer of timed blocks with a rule checker that favours interaction and shows each person's
// airtime; a live run whose state is records (so it survives a reload and merges) and whose time is
// whatever clock the caller passes; actions that come back in the next meeting's review block; a
// summary and calendar files. Like getting_started.h, everything here reads the model or builds Ops.
//  [SECTION] Guidelines
//  [SECTION] Meetings and series
//  [SECTION] Block templates and meeting templates
//  [SECTION] Rule checker and airtime
//  [SECTION] Live run
//  [SECTION] Attendance, outcomes and actions
//  [SECTION] Roles that rotate
//  [SECTION] Summary and calendar
#pragma once
#include <string>
#include <vector>

#include "core/getting_started.h"
#include "core/model.h"

namespace cv {

// [SECTION] Guidelines --------------------------------------------------------------------------------
inline constexpr const char* kGuideline = "guideline";    // text, why, position
inline constexpr const char* kAck = "ack";                // member, version; id "ack:<member>"
inline constexpr const char* kAttendance = "attendance";  // meeting, member, present; id "att:<meeting>:<member>"
inline constexpr const char* kAction = "action";          // meeting, text, owner, due, done

struct Guideline {
  std::string id, text, why;
  double position = 0;
};
std::vector<Guideline> guidelines(const Community& c);  // in position order
// The five defaults with a short why each, ids derived from first_id; none when guidelines exist.
Op op_default_guidelines(const Community& c, const std::string& first_id);
Op op_add_guideline(const Community& c, const std::string& id, const std::string& text, const std::string& why);
// A fingerprint of the guidelines' texts: an acknowledgement is of one version of them.
std::string guidelines_version(const Community& c);
struct Acknowledgement {
  std::string member, name;
  enum State { None, Earlier, Current } state = None;  // not yet; an earlier version; these guidelines
};
// Every live member, by name.
std::vector<Acknowledgement> acknowledgements(const Community& c);
Op op_acknowledge(const Community& c, const std::string& member);

// [SECTION] Meetings and series -------------------------------------------------------------------------
// A meeting record: title, date (YYYY-MM-DD), time (HH:MM), place (a place or a video link), topics
// (topic ids), slot (minutes booked), every_weeks and series_count (a series), kind ("first" for the
// getting-started one), outcomes, and the run_* fields of a live run.
struct MeetingInfo {
  std::string id, title, date, time, place;
  std::vector<std::string> topics;
  int slot = 0, every_weeks = 0, series_count = 0;
};
MeetingInfo meeting_info(const Record& r, const std::string& id);
// Every live meeting, by date and time (undated last), then title.
std::vector<MeetingInfo> meetings(const Community& c);
// The dates of a series: the meeting's date, then every N weeks, series_count in all ("" when undated).
std::vector<std::string> series_dates(const MeetingInfo& m);
std::string add_days(const std::string& date, int days);  // "2026-12-31" + 1 = "2027-01-01"; "" when not a date
bool is_date(const std::string& s);  // YYYY-MM-DD, a day that exists

// [SECTION] Block templates and meeting templates -------------------------------------------------------
struct BlockTemplate {
  const char* kind;
  int minutes;
  const char* instructions;
};
// One per block kind (its title is kind_label()), with suggested minutes and instructions, in the
// order a meeting would use them.
const std::vector<BlockTemplate>& block_templates();
const BlockTemplate* block_template(const std::string& kind);
struct MeetingTemplate {
  const char* name;
  const char* description;
  std::vector<const char*> kinds;  // blocks, from block_templates(); "first" builds the first meeting
};
const std::vector<MeetingTemplate>& meeting_templates();
// A new meeting from a template (ids derived from id). When earlier meetings left open actions, a
// review block comes right after the welcome.
Op op_new_meeting(const Community& c, const std::string& id, const std::string& template_name, const std::string& date,
                  const std::string& time);
// The next meeting of a series: the same title, time, place, topics and blocks, every_weeks later.
Op op_next_in_series(const Community& c, const std::string& meeting, const std::string& new_id);
// A block of `kind` at the end of the agenda, from its template.
Op op_add_block(const Community& c, const std::string& meeting, const std::string& id, const std::string& kind);

// [SECTION] Rule checker and airtime ---------------------------------------------------------------------
bool is_breakout(const std::string& kind);    // pairs, small groups
bool is_interaction(const std::string& kind); // pairs, small groups, debrief, peer-assist
struct MeetingWarning {
  std::string block;  // the block it is about ("" for the meeting)
  std::string text;
};
// In words: a breakout with no debrief after it; interaction under half of the content time; logistics
// or technology before the content; a meeting longer than its slot (slot 0: not checked).
std::vector<MeetingWarning> check_meeting(const std::vector<Block>& blocks, int slot_minutes);
// How many people share the floor in a block (pairs: 2; small groups: the group size; the large group:
// everyone); 0 for a break.
int floor_size(const Block& b, int people);
// Minutes each person can speak: block minutes / people sharing the floor.
double airtime(const Block& b, int people);
struct AirtimeSummary {
  std::vector<double> per_block;  // agenda order
  double total = 0;               // per person, over the meeting
  double large_group_only = 0;    // the same minutes, had everything been in the large group
};
AirtimeSummary meeting_airtime(const std::vector<Block>& blocks, int people);
// Start time of each block ("" without a meeting time), in agenda order.
std::vector<std::string> start_times(const std::string& time, const std::vector<Block>& blocks);

// [SECTION] Live run -----------------------------------------------------------------------------------
// The run is four fields of the meeting: run_block (the current block's id, "" before the start,
// "end" after), run_at (ms when the current block started, moved on by pauses), run_paused (ms when
// paused, 0 when running), run_extra (minutes added to the current block).
struct RunView {
  bool started = false, ended = false, paused = false;
  int index = -1;                 // the current block in agenda order
  int64_t elapsed_ms = 0;         // in the current block
  int64_t remaining_ms = 0;       // negative: over time
  int extra_minutes = 0;
  int64_t meeting_left_ms = 0;    // to the agenda's end at this pace
  int64_t since_ms = 0;           // since the block started (moved on by pauses), or since the pause
};
RunView run_view(const Record& meeting, const std::vector<Block>& blocks, int64_t now_ms);
Op op_run_start(const std::string& meeting, const std::vector<Block>& blocks, int64_t now_ms);
Op op_run_pause(const Record& meeting, const std::string& id, int64_t now_ms);  // pauses or resumes
Op op_run_extend(const Record& meeting, const std::string& id, int minutes);
// Moves to the block `step` away (+1 next or skip, -1 back); past the last block the meeting ends.
Op op_run_move(const Record& meeting, const std::string& id, const std::vector<Block>& blocks, int step, int64_t now_ms);
std::string format_countdown(int64_t ms);  // "04:59", "-01:05"

// [SECTION] Attendance, outcomes and actions ----------------------------------------------------------
// Who attends: members ticked present; when nobody is ticked yet, every member.
std::vector<std::string> attendees(const Community& c, const std::string& meeting);
bool attendance_set(const Community& c, const std::string& meeting);  // any tick made
Op op_attend(const Community& c, const std::string& meeting, const std::string& member, bool present);
std::string attendance_id(const std::string& meeting, const std::string& member);
struct Action {
  std::string id, meeting, text, owner, due;
  bool done = false;
};
std::vector<Action> actions_of(const Community& c, const std::string& meeting);
// Actions not done from meetings before this one (by date; an undated meeting: all others).
std::vector<Action> open_actions_before(const Community& c, const std::string& meeting);

// [SECTION] Roles that rotate ----------------------------------------------------------------------------
// Members take turns: a facilitator for every meeting; a presenter for an input block, a book chooser
// for a book discussion, a case bringer for a case discussion or a peer-assist. The facilitator is the
// meeting's "facilitator" field; the others are the lead of their block (so the first meeting's
// opener counts as a presenter).
const char* block_role(const std::string& kind);  // "" for a block with no role
std::string role_title(const std::string& role);  // "book chooser" -> "Book chooser"
struct RoleSlot {
  std::string role;    // "facilitator", "presenter", "book chooser", "case bringer"
  std::string block;   // "" for the facilitator
  std::string member;  // who holds it; "" while open
};
std::vector<RoleSlot> meeting_roles(const Community& c, const std::string& meeting);  // facilitator, then agenda order
struct RoleTurn {
  std::string member, name;
  bool offers = false;  // the role is among the member's roles
  bool busy = false;    // holds another role in this meeting
  int times = 0;        // held in meetings before this one
  std::string last;     // the latest date it was held ("" never, or only in undated meetings)
};
// Everyone who could take a role of this meeting, whose turn it is first: those attending, then those
// who offer the role, then those without another role here, then whoever held it longest ago (never
// first), fewest times, by name.
std::vector<RoleTurn> role_turns(const Community& c, const std::string& meeting, const RoleSlot& slot);
Op op_set_role(const std::string& meeting, const RoleSlot& slot, const std::string& member);
// Every open role to whoever's turn it is, a different member for each while there are enough.
Op op_rotate_roles(const Community& c, const std::string& meeting);

// [SECTION] Summary and calendar -----------------------------------------------------------------------
std::string meeting_summary_markdown(const Community& c, const std::string& meeting);
std::string meeting_summary_html(const Community& c, const std::string& meeting);
// One meeting, or its whole series (a weekly RRULE with INTERVAL and COUNT).
std::string meeting_series_ics(const Community& c, const std::string& meeting, int64_t now_ms);

}  // namespace cv
