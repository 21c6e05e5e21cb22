// views.h: what the panels show that is read from the whole community, kept between frames and
// brought up to date when the community changes, never per frame. Cheap views (members in reading
// order, topic tallies) are read again at once on a change; the groupings of objectives and skills
// start again only when their texts change, and run in slices between frames (views_step) while the
// last result stays on screen with a progress bar. Like the rest of src/core: no UI, no clock.
//  [SECTION] Views
//  [SECTION] Keeping them up to date
#pragma once
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/books.h"
#include "core/breakouts.h"
#include "core/cases.h"
#include "core/directory.h"
#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/roles.h"
#include "core/threads.h"
#include "core/model.h"

namespace cv {

// [SECTION] Views -------------------------------------------------------------------------------------
// One member's objectives, split as the Objectives tab shows them.
struct MemberObjectives {
  std::string id, name;
  std::vector<std::string> shared, alone;  // texts
};

struct ViewsWork;
struct Views {
  std::string community;  // what they were read from
  uint64_t revision = 0;
  bool read = false;
  // Members, live, in reading order; their names as shown, by id.
  std::vector<std::pair<std::string, const Record*>> members;
  std::unordered_map<std::string, std::string> names;
  // The community's own record (its name, purpose, vote round, first topic): a frame reads it here, as
  // a lookup among 60,000 records costs microseconds of cache misses at every frame.
  const Record* about = nullptr;
  // Objectives shared by most and per member, and the skills overview: the last complete result
  // (one change behind while `busy`).
  SharedObjectives objectives;
  std::vector<MemberObjectives> per_member;
  SkillsOverview skills;
  bool busy = false;     // a grouping is running
  float progress = 1;    // of the groupings, 0..1
  bool grouped = false;  // objectives and skills have been grouped at least once
  // Topics and dot votes.
  std::vector<TopicTally> tallies;
  std::vector<VoteRound> earlier_rounds;
  std::vector<OverBudget> over_budget;
  // Breakout rounds of the season, and the connections they made.
  std::vector<BreakoutRound> rounds;
  Connections connections;
  // Meetings in date order; whose turn it is to choose the next book (from `today`, which the app sets).
  std::vector<MeetingInfo> meetings;
  std::vector<std::string> runs;  // meetings whose live run has started and not ended (a frame checks these only)
  std::string today;
  ChooserTurn chooser;
  // Roles over time: who held what, newest first; turns per member up to `today`, whose turn has been
  // longest in coming first (never, then the oldest last turn, then the fewest turns).
  std::vector<RoleHeld> role_history;
  std::vector<RoleFairness> fairness;
  std::vector<std::string> never_presented;  // names, in reading order
  std::unordered_map<std::string, std::vector<RoleHeld>> presented;  // each member's turns as presenter, newest first
  // The case library (cases()), and where each case is in it by id (a frame looks up the open one).
  std::vector<CaseView> cases;
  std::map<std::string, size_t> case_at;
  std::unordered_map<std::string, std::vector<std::string>> helped;  // per member: cases they suggested on (titles)
  // The member directory (directory.h), in reading order.
  std::vector<Profile> profiles;
  std::vector<ThreadView> threads;  // latest activity first
  std::map<std::string, size_t> thread_at;  // where each is in `threads`, by id
  std::vector<std::string> organisations, time_zones;  // their distinct values, for the filter
  // Real problems members brought, live, in id order.
  std::vector<std::pair<std::string, const Record*>> problems;
  std::shared_ptr<ViewsWork> work;
};

// [SECTION] Keeping them up to date --------------------------------------------------------------------
// Call before drawing: reads the cheap views again when the community changed, and starts a new
// grouping when objectives or skills changed (until it is done, the last result stays).
void views_update(Views& v, const Doc& d);
// About `budget` units of grouping work (a unit is about one comparison of two texts). True while
// more remains: the page asks for another frame.
bool views_step(Views& v, const Doc& d, size_t budget);
// Everything at once (the command line, tests).
void views_complete(Views& v, const Doc& d);
// Members whose skills match a text (skill_matches), remembered until the community or the text changes.
const std::vector<SkillMatch>& views_skill_matches(const Views& v, const Doc& d, const std::string& text);
// Who can help with a question (who_can_help), remembered until the community or the question changes.
const std::vector<Helper>& views_helpers(const Views& v, const Doc& d, const std::string& question);
// Who attends a meeting (attendees) in the community the views were last read from (views_update),
// remembered until it changes.
const std::vector<std::string>& views_attendees(const Views& v, const Community& c, const std::string& meeting);
// A meeting's agenda (agenda), remembered like views_attendees.
const std::vector<Block>& views_agenda(const Views& v, const Community& c, const std::string& meeting);
// Whose turn it is for one role of a meeting (role_turns), remembered like views_attendees: an open
// role's list is drawn every frame, and reads every member.
const std::vector<RoleTurn>& views_role_turns(const Views& v, const Community& c, const std::string& meeting,
                                              const RoleSlot& slot);
// Cases a meeting follows up (case_follow_ups), remembered like views_attendees.
const std::vector<CaseView>& views_follow_ups(const Views& v, const Community& c, const std::string& meeting);
// The name of a member as shown ("someone who left" when not a live member).
const std::string& views_name(const Views& v, const std::string& member);

}  // namespace cv
