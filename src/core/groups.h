// groups.h: breakout groups that make the most new connections (the social golfer problem with a
// community's constraints). Rounds of pairs and small groups in which, over a season, members meet
// as many others as possible and as few twice.
// Deterministic for a seed; the time budget needs a clock, which the caller passes in.
//  [SECTION] Problem and schedule
//  [SECTION] Quality and checks
//  [SECTION] Solving
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cv {

// [SECTION] Problem and schedule ------------------------------------------------------------------
struct GroupsProblem {
  int players = 0;   // members 0..players-1
  int rounds = 1;    // a round is one breakout; a season is many
  int group_size = 0;  // either a size...
  int groups = 0;      // ...or a number of groups per round
  bool odd_bigger = true;  // when sizes cannot be equal: some groups one bigger (else one smaller)
  std::vector<std::vector<bool>> present;           // [round][player]; empty: everyone, every round
  std::vector<std::pair<int, int>> apart;           // pairs never in one group
  std::vector<std::vector<int>> together;           // sets always in one group (when present)
  std::vector<int> hosts;                           // players who host; each group gets one when enough
  std::vector<int> attribute;                       // per player, a value to spread evenly (-1: none)
  std::vector<std::vector<int>> met;                // [i][j]: times i and j already met (history)
  std::vector<std::pair<int, int>> prefer;          // pairs to seat together once when it costs no repeat
                                                    // (members introduced to each other)
  uint64_t seed = 1;
  double budget_ms = 5000;
  double (*clock_ms)() = nullptr;  // the time; without it the budget counts iterations (1 ms ~ 200)
  std::vector<std::vector<std::vector<int>>> locked;  // [round] groups to keep as they are
};

// rounds[r][g] = the players of group g in round r (hosts first, when there are hosts).
using Schedule = std::vector<std::vector<std::vector<int>>>;

// Group sizes for a round with `present` players: sizes differ by at most one.
std::vector<int> group_sizes(const GroupsProblem& p, int present);

// [SECTION] Quality and checks --------------------------------------------------------------------
struct GroupsQuality {
  int repeated_pairs = 0;      // meetings beyond the first, over all pairs (history counts)
  int distinct_pairs = 0;      // pairs that met at least once in the schedule
  int possible_pairs = 0;      // the most distinct pairs the schedule's group sizes allow
  int max_meetings = 0;        // the most times any pair met (history counts)
  int first_repeat_round = -1; // the first round (0-based) with a repeat, -1 if none
  int new_pairs = 0;           // pairs meeting for the first time ever
  int constraint_violations = 0;
  int preferred_met = 0;       // pairs of `prefer` that meet in the schedule
};
GroupsQuality evaluate(const GroupsProblem& p, const Schedule& s);
// The fewest repeated meetings any schedule of p can have, counted as evaluate() counts them (history
// included): a member's partner places beyond the others they have not met yet are repeats, each
// shared by two; and every meeting beyond the pairs not met yet is one. A schedule with this many
// is the best there is: the solver stops there (8 members in fours over 3 rounds: 8).
int repeats_lower_bound(const GroupsProblem& p);
// Every hard rule kept: who is present, sizes, apart, together, hosts, locked groups. "" when all
// hold, else the first broken one in words.
std::string check_schedule(const GroupsProblem& p, const Schedule& s);

// [SECTION] Solving -----------------------------------------------------------------------------------
struct GroupsResult {
  bool ok = false;
  std::string error;  // a problem that cannot be solved as asked (why, in words)
  Schedule schedule;
  GroupsQuality quality;
  std::string method;  // "construction", "cyclic search", "rotational search" or "search"
  int lower_bound = 0;  // repeats_lower_bound(p): quality.repeated_pairs equal to it is the fewest possible
  long long iterations = 0;
  double ms = 0;
};
GroupsResult solve_groups(const GroupsProblem& p);

// Progress for solving in slices (the page runs a slice per frame and shows progress).
struct GroupsSolver;
GroupsSolver* groups_start(const GroupsProblem& p);
// Runs for about `slice_ms`; true when done (solved or out of budget).
bool groups_step(GroupsSolver* s, double slice_ms);
double groups_progress(const GroupsSolver* s);  // 0..1 of the budget used
GroupsResult groups_finish(GroupsSolver* s);     // frees the solver

}  // namespace cv
