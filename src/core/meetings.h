// meetings.h: the meetings of a community, before, during and after: meetings and series, meeting
// templates, attendance, and the actions that come back in the next meeting's review block. Its
// parts have their own files: agenda.h (blocks, the rule checker, airtime), guidelines.h, roles.h,
// live_run.h, and summaries.h (Markdown, printable pages, iCalendar); this header brings them all.
// Like every feature file, it reads the model or builds Ops; nothing changes the model directly.
//  [SECTION] Meetings and series
//  [SECTION] Meeting templates
//  [SECTION] Attendance and actions
#pragma once
#include <string>
#include <vector>

#include "core/agenda.h"
#include "core/guidelines.h"
#include "core/live_run.h"
#include "core/model.h"
#include "core/roles.h"
#include "core/summaries.h"

namespace cv {

inline constexpr const char* kMeeting = "meeting";        // title, date, time, place, topics, kind, slot, ...
inline constexpr const char* kAttendance = "attendance";  // meeting, member, present; id "att:<meeting>:<member>"
inline constexpr const char* kAction = "action";          // meeting, text, owner, due, done

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
// A meeting on `when` comes before one on `date`; an undated one counts as before any other.
bool meets_before(const std::string& when, const std::string& date);

// [SECTION] Meeting templates ------------------------------------------------------------------------
struct MeetingTemplate {
  const char* name;
  const char* description;
  std::vector<const char*> kinds;  // block kinds (agenda.h); "first" builds the first meeting
};
const std::vector<MeetingTemplate>& meeting_templates();
// A new meeting from a template (ids derived from id); the name must be one of meeting_templates()
// (CV_ASSERT). When earlier meetings left open actions, a review block comes right after the welcome.
Op op_new_meeting(const Community& c, const std::string& id, const std::string& template_name, const std::string& date,
                  const std::string& time);
// The next meeting of a series: the same title, time, place, topics and blocks, every_weeks later.
Op op_next_in_series(const Community& c, const std::string& meeting, const std::string& new_id);
// A block of `kind` (one of block_kinds(), CV_ASSERT) at the end of the agenda.
Op op_add_block(const Community& c, const std::string& meeting, const std::string& id, const std::string& kind);

// [SECTION] Topics from the backlog ------------------------------------------------------------------
// Who should present a topic: the member who offered to open it, else one whose skill fits and who
// offers to present, else one whose skill fits, else who proposed it; `why` says which, in words.
struct PresenterPick {
  std::string member, why;
};
PresenterPick propose_presenter(const Community& c, const std::string& topic);
// A topic from the backlog onto a meeting (chosen, and the proposed presenter on the first input
// block that has nobody yet), or off it again (back to the backlog unless done).
Op op_plan_topic(const Community& c, const std::string& meeting, const std::string& topic, bool on);
// After the meeting: its topics are done (they leave the backlog and the vote). Added to `op`, the
// step that ends the run, so one undo takes both back.
void put_topics_done(Op& op, const Community& c, const std::string& meeting);

// [SECTION] Attendance and actions -------------------------------------------------------------------
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
Op op_add_action(const std::string& id, const std::string& meeting, const std::string& text);
// Actions not done from meetings before this one (by date; an undated meeting: all others).
std::vector<Action> open_actions_before(const Community& c, const std::string& meeting);

}  // namespace cv
