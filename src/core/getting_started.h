// getting_started.h: the first weeks of a community. What each member brings (objectives,
// problems, topics, skills, resources), the objectives shared by most, topics voted with dots, the
// skills that can serve a topic, and a first meeting that is mostly content with logistics last.
// Everything here reads the model or builds Ops; nothing changes the model directly.
//  [SECTION] Record types and fields
//  [SECTION] What members bring
//  [SECTION] Objectives shared by most
//  [SECTION] Topics and dot votes
//  [SECTION] Skills that can serve a topic
//  [SECTION] The first meeting
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "core/agenda.h"
#include "core/fields.h"
#include "core/model.h"
#include "core/similarity.h"

namespace cv {

// [SECTION] Record types and fields -------------------------------------------------------------------
inline constexpr const char* kObjective = "objective";  // member, text, group (the convener's pin)
inline constexpr const char* kProblem = "problem";      // member, text
inline constexpr const char* kTopic = "topic";          // title, description, proposed_by, source, state
inline constexpr const char* kVote = "vote";            // topic, member, dots; id "vote:<topic>:<member>"
inline constexpr const char* kSkill = "skill";          // member, text, offer ("present", "lead" or "")
inline constexpr const char* kResource = "resource";    // member, text

// [SECTION] What members bring ------------------------------------------------------------------------
// A member's item of one type (objective, problem, skill, resource): id, text, and offer for skills.
struct Item {
  std::string id, text, offer;
};
std::vector<Item> items_of(const Community& c, const std::string& member, const std::string& type);
// The fields of what a member brings, by type (objective, problem, skill, resource).
struct ItemFields {
  TextField member, text;
};
ItemFields item_fields(const std::string& type);
// A member's new objective, problem, skill or resource.
Op op_add_item(const std::string& type, const std::string& id, const std::string& member, const std::string& text);
// A topic proposed by a member (or by nobody: ""), possibly from an objective or problem (`source`).
Op op_propose_topic(const std::string& id, const std::string& title, const std::string& proposed_by,
                    const std::string& source = {});
// A logistics question kept for the end of a meeting.
Op op_park(const std::string& id, const std::string& meeting, const std::string& text);
// Live records of a type, by id.
std::vector<std::pair<std::string, const Record*>> live_of(const Community& c, const std::string& type);
std::string member_name(const Community& c, const std::string& member_id);
// Members in an incoming copy without a name (answers sent before the page asked for one): each
// named "Member who answered on <date>", the day their record was made, so that nobody is an empty
// row. The name is stamped just after their own empty one, so a name they write later still wins a
// merge, and the same copy imported twice names them the same. Returns how many, and the first name.
std::pair<int, std::string> name_nameless(Community& incoming);

// What an invitation carries: the community's own record (name, purpose) and its guidelines, to read
// and acknowledge; nothing about its members.
Community invitation_of(const Community& c);
// A member's answers to an invitation: their member record and what they brought or proposed.
Community member_answers(const Community& c, const std::string& member);

// [SECTION] Objectives shared by most ------------------------------------------------------------------
struct ObjectiveGroup {
  std::string label;                    // the objective that says it best
  std::vector<std::string> objectives;  // ids
  std::vector<std::string> members;     // ids of the members who hold it, in reading order
  bool by_most = false;                 // held by at least the community's threshold of members
  bool pinned = false;                  // the convener merged or split it
};
struct SharedObjectives {
  std::vector<ObjectiveGroup> groups;  // most members first, then by label
  int members = 0;                     // live members
  int needed = 0;                      // members a group needs to count as "held by most"
  double threshold = 0.5;
};
// Threshold: the community's shared_threshold (default one half of the members).
SharedObjectives shared_objectives(const Community& c);
// The same in two steps, for a grouping done in slices (views.h): what is grouped (objectives of
// live members, with the convener's pins), then the groups made of a grouping of those texts.
struct GroupingInput {
  std::vector<std::string> ids, members, texts, pins;
};
GroupingInput objective_input(const Community& c);
SharedObjectives shared_objectives_of(const Community& c, const GroupingInput& in, const Grouping& grouping);
// The convener's hand: one group from two; an objective on its own; back to automatic.
Op op_merge_groups(const ObjectiveGroup& a, const ObjectiveGroup& b);
Op op_split_objective(const std::string& objective_id);
Op op_unpin_group(const ObjectiveGroup& g);

// [SECTION] Topics and dot votes -------------------------------------------------------------------------
inline constexpr int kDefaultVoteBudget = 3;
struct TopicTally {
  std::string id, title, proposed_by, state, owner;  // owner: the member who offers to open it
  int dots = 0;
  int rank = 0;       // 1 for the most dots; equal dots share a rank
  bool tied = false;  // another topic has the same dots
};
// A member whose votes add up to more dots than the budget: only the budget counts.
struct OverBudget {
  std::string member;
  int given = 0, counted = 0;
};
std::vector<OverBudget> votes_over_budget(const Community& c);
// Topics that are not chosen or done, most dots first; ties shown as ties. A member's dots beyond
// the budget do not count (see votes_over_budget).
// Only the dots of the round now open count (vote_round).
std::vector<TopicTally> tally_topics(const Community& c);
int vote_budget(const Community& c);
int vote_round(const Community& c);  // 0 for the first
int dots_used(const Community& c, const std::string& member);
int dots_on(const Community& c, const std::string& topic, const std::string& member);
// dots_on for every topic the member gave dots to, in one pass over the votes (a tab of many topics
// reads them once per change, not with two lookups per row and frame).
std::unordered_map<std::string, int> dots_by_topic(const Community& c, const std::string& member);
std::string vote_id(const std::string& topic, const std::string& member, int round = 0);
// A new round of dots: every member has the whole budget again; the earlier rounds' votes stay.
Op op_new_vote_round(const Community& c);
// The rounds before the open one, newest first: the topics that got dots then, most first (done
// topics included: they are history), and how many members voted.
struct VoteRound {
  int round = 0;
  int voters = 0;
  std::vector<TopicTally> topics;
};
std::vector<VoteRound> earlier_rounds(const Community& c);
// One dot more (+1) or one taken back (-1); an Op with no changes when the budget or zero says no.
Op op_vote(const Community& c, const std::string& topic, const std::string& member, int delta);
// Choose a topic for the first meeting; the others stay in the backlog.
Op op_choose_first_topic(const Community& c, const std::string& topic);

// [SECTION] Skills that can serve a topic -------------------------------------------------------------
struct SkillMatch {
  std::string member, name, skill, offer;  // offer: "present", "lead" or ""
  std::vector<std::string> why;            // the words of the skill that match
  double score = 0;
};
// Members whose skills match a text, those who offered to present or lead first.
std::vector<SkillMatch> skill_matches(const Community& c, const std::string& text);
struct SkillsOverview {
  struct Entry {
    std::string label;
    std::vector<std::string> members;
  };
  std::vector<Entry> skills;           // the community's skills, grouped like objectives
  std::vector<std::string> uncovered;  // objective groups (labels) no member's skill covers yet
};
SkillsOverview skills_overview(const Community& c);
GroupingInput skill_input(const Community& c);  // skills of live members
SkillsOverview skills_overview_of(const Community& c, const GroupingInput& in, const Grouping& grouping,
                                  const SharedObjectives& objectives);

// [SECTION] The first meeting ---------------------------------------------------------------------------
// The first meeting, made from the chosen topic and the people: mostly content, logistics last.
// Blocks get ids derived from the meeting's.
Op op_first_meeting(const Community& c, const std::string& meeting_id);
// What is wrong with an agenda, in words (empty when nothing): logistics or technology before the
// content, or more than a fifth of the time.
std::vector<std::string> check_first_meeting(const std::vector<Block>& blocks);

}  // namespace cv
