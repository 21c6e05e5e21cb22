// breakouts.h: breakout rounds as records, so they merge and count as history. A round is a record
// of type "breakout": session (the meeting it belongs to), round (its number), groups (lists of
// member ids), locked (indexes of groups to keep when regenerating). Who has met whom over the
// season comes from all of them.
//  [SECTION] Reading rounds
//  [SECTION] History and new connections
//  [SECTION] Ops
//  [SECTION] Group cards
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/groups.h"
#include "core/model.h"

namespace cv {

inline constexpr const char* kBreakout = "breakout";

// [SECTION] Reading rounds ------------------------------------------------------------------------
struct BreakoutRound {
  std::string id, session;
  int round = 0;
  std::vector<std::vector<std::string>> groups;  // member ids (members who left are kept, shown as such)
  std::vector<int> locked;
  int64_t made_ms = 0;                           // when it was made (its stamp), for the season's order
};
// What a session is called: a meeting's breakout block is "<meeting>: <block>"; any other session is
// its own name.
std::string session_title(const Community& c, const std::string& session);
// Every live round, in the order they were made (then session, then round number).
std::vector<BreakoutRound> breakout_rounds(const Community& c);

// [SECTION] History and new connections -----------------------------------------------------------
// How many times each pair met in breakouts, skipping the round `except` (when regenerating it).
std::map<std::pair<std::string, std::string>, int> pair_history(const Community& c, const std::string& except = {});
struct Connections {
  std::vector<int> per_round;  // new pairs each round made, in breakout_rounds() order
  int season = 0;              // distinct pairs that have met
  // Per round, per group: the pairs meeting for the first time there (first_meetings of each group).
  std::vector<std::vector<std::vector<std::pair<std::string, std::string>>>> fresh;
};
Connections new_connections(const Community& c);
// The same for rounds already read (one pass over the season).
Connections new_connections(const std::vector<BreakoutRound>& rounds);
// The pairs in `group` meeting for the first time (before the round `round_id`, in season order).
std::vector<std::pair<std::string, std::string>> first_meetings(const Community& c, const std::string& round_id,
                                                                 const std::vector<std::string>& group);
// What moving `member` into group `to` of a round would add in repeated meetings (can be negative).
int move_cost(const Community& c, const BreakoutRound& r, const std::string& member, size_t to);

// [SECTION] Ops -----------------------------------------------------------------------------------
// New rounds from a schedule (indexes into `members`); ids derived from `first_id`.
Op op_breakouts(const std::string& first_id, const std::string& session, int first_round, const Schedule& schedule,
                const std::vector<std::string>& members);
Op op_move_member(const BreakoutRound& r, const std::string& member, size_t to);
Op op_lock_group(const BreakoutRound& r, int group, bool lock);
Op op_replace_groups(const BreakoutRound& r, const Schedule& one_round, const std::vector<std::string>& members);
// The problem for regenerating one round: its locked groups kept, the rest history.
GroupsProblem regenerate_problem(const Community& c, const BreakoutRound& r, std::vector<std::string>& members);
// What a person asks the groups generator for: who is here, groups of `size` (or `groups` groups),
// over `rounds` rounds, odd groups bigger or smaller, written as rounds of `session`.
struct GroupsRequest {
  std::vector<std::string> present;  // member ids
  int size = 0, groups = 0, rounds = 1;
  bool bigger = true;
  std::string session;
};
// The problem for new rounds: the members present who still exist (their ids in `members`, in the
// solver's order), with everyone who met in earlier breakouts counted as having met.
GroupsProblem groups_problem(const Community& c, const GroupsRequest& req, std::vector<std::string>& members);
// The number the next round of a session gets.
int next_round(const Community& c, const std::string& session);

// [SECTION] Group cards ----------------------------------------------------------------------------
// A printable page: one card per group, with the names and who meets whom for the first time.
std::string group_cards_html(const Community& c, const std::string& session);

}  // namespace cv
