// projects.h: what members do together between meetings, and how far each got. Collaboration
// projects (a title, a goal, the help it needs; members join one record each, so members who join
// in two copies both stay; threads tagged with a project are its conversation), and objectives
// revisited at the end of a cycle: each member rates their progress on each objective and notes what
// helped, the convener reads a summary, and the next cycle starts from it (what was achieved is set
// aside, the rest carries on with its rating).
//  [SECTION] Projects
//  [SECTION] Objectives revisited
#pragma once
#include <string>
#include <vector>

#include "core/model.h"

namespace cv {

// [SECTION] Projects -----------------------------------------------------------------------------------
inline constexpr const char* kProject = "project";
inline constexpr const char* kJoining = "joining";

struct ProjectView {
  std::string id, title, goal, needs, owner;
  bool done = false;
  std::vector<std::pair<std::string, std::string>> members;  // (member, what they bring), the owner first
  std::vector<std::string> threads;                          // threads tagged with it, newest first
};
// Live projects: open ones first, then by title.
std::vector<ProjectView> projects(const Community& c);
// The projects a member started or joined.
std::vector<std::string> projects_of(const std::vector<ProjectView>& all, const std::string& member);

Op op_new_project(const std::string& id, const std::string& title, const std::string& goal, const std::string& needs,
                  const std::string& owner);
std::string joining_id(const std::string& project, const std::string& member);
Op op_join_project(const std::string& project, const std::string& member, const std::string& offer);
Op op_leave_project(const std::string& project, const std::string& member);

// [SECTION] Objectives revisited -----------------------------------------------------------------------
inline constexpr const char* kProgress = "progress";
inline constexpr const char* kRatings[] = {"not started", "a little", "halfway", "mostly", "achieved"};

// The cycle now running (0: the first).
int current_cycle(const Community& c);
// "Cycle 1" for cycle 0: people count from one.
std::string cycle_label(int cycle);
std::string progress_id(const std::string& objective, int cycle);
// A member's rating (0..4) of one objective in a cycle, and what helped.
Op op_rate_objective(const Community& c, const std::string& objective, int cycle, int rating, const std::string& helped);
// A member's rating (0..4, -1 not rated) of an objective in a cycle, and what helped.
struct Rating {
  int rating = -1;
  std::string helped;
};
Rating progress_of(const Community& c, const std::string& objective, int cycle);
// Closes the cycle now running: the next starts.
Op op_next_cycle(const Community& c);
// Objectives rated "achieved" in an earlier cycle than the one running: set aside from the
// objectives the community now works on.
bool objective_achieved(const Community& c, const std::string& objective);

struct RatedObjective {
  std::string objective, member, text;
  int rating = -1;  // -1: not rated yet
  std::string helped;
};
struct CycleSummary {
  int cycle = 0;
  int objectives = 0, rated = 0;
  int counts[5] = {0, 0, 0, 0, 0};   // objectives at each rating
  std::vector<RatedObjective> rows;  // members in reading order, their objectives in id order
  std::vector<std::string> not_rated;  // members with an objective not rated yet
};
// The objectives a cycle worked on (those not achieved before it) and how far each got.
CycleSummary cycle_summary(const Community& c, int cycle);
// "3 of 4 objectives rated: 2 achieved, 1 halfway"
std::string rated_line(const CycleSummary& s);
// What helped, as a page the convener can share: the summary in words.
std::string cycle_summary_markdown(const Community& c, const CycleSummary& s);

}  // namespace cv
