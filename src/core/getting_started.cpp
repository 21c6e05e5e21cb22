// getting_started.cpp: see getting_started.h.
//  [SECTION] What members bring
//  [SECTION] Objectives shared by most
//  [SECTION] Topics and dot votes
//  [SECTION] Skills that can serve a topic
//  [SECTION] The first meeting
#include "core/getting_started.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "core/assert.h"
#include "core/fields.h"
#include "core/format.h"
#include "core/meetings.h"
#include "core/projects.h"
#include "core/registry.h"
#include "core/similarity.h"
#include "core/text.h"

namespace cv {

// [SECTION] What members bring -------------------------------------------------------------------------

std::vector<std::pair<std::string, const Record*>> live_of(const Community& c, const std::string& type) {
  std::vector<std::pair<std::string, const Record*>> out;
  for (const auto* e : records_of(c, type))
    if (!e->second.deleted()) out.emplace_back(e->first, &e->second);
  return out;
}

ItemFields item_fields(const std::string& type) {
  if (type == kProblem) return {f::problem_member, f::problem_text};
  if (type == kSkill) return {f::skill_member, f::skill_text};
  if (type == kResource) return {f::resource_member, f::resource_text};
  CV_ASSERT(type == kObjective, "items_of: a type that is not one of what members bring");
  return {f::objective_member, f::objective_text};
}

std::vector<Item> items_of(const Community& c, const std::string& member, const std::string& type) {
  std::vector<Item> out;
  const ItemFields fs = item_fields(type);
  for (const auto& [id, r] : live_of(c, type))
    if (get(*r, fs.member) == member)
      out.push_back({id, get(*r, fs.text), type == kSkill ? get(*r, f::skill_offer) : std::string()});
  std::sort(out.begin(), out.end(), [](const Item& a, const Item& b) { return collate_less(a.text, b.text); });
  return out;
}

Op op_add_item(const std::string& type, const std::string& id, const std::string& member, const std::string& text) {
  const ItemFields fs = item_fields(type);
  Op op = op_new(std::string("Add ") + (type == kObjective ? "an objective" : type == kProblem ? "a problem"
                                         : type == kSkill ? "a skill" : "a resource"), id, fs.member.type);
  put(op, id, fs.member, member);
  put(op, id, fs.text, text);
  return op;
}

Op op_propose_topic(const std::string& id, const std::string& title, const std::string& proposed_by,
                    const std::string& source) {
  Op op = op_new(source.empty() ? "Propose topic" : "Make a topic", id, kTopic);
  put(op, id, f::topic_title, title);
  if (!proposed_by.empty()) put(op, id, f::topic_proposed_by, proposed_by);
  if (!source.empty()) put(op, id, f::topic_source, source);
  put(op, id, f::topic_state, "backlog");
  return op;
}

Op op_park(const std::string& id, const std::string& meeting, const std::string& text) {
  Op op = op_new("Park a question", id, kParking);
  put(op, id, f::parking_meeting, meeting);
  put(op, id, f::parking_text, text);
  return op;
}

Community invitation_of(const Community& c) {
  Community out;
  out.id = c.id;
  out.records.emplace(c.id, community_record(c));
  for (const auto* e : records_of(c, kGuideline))
    if (!e->second.deleted()) out.records.emplace(e->first, e->second);
  return out;
}

Community member_answers(const Community& c, const std::string& member) {
  Community out;
  out.id = c.id;
  for (const auto& [id, r] : c.records) {
    if (r.type == kCommunity) continue;
    const RecordDecl* d = record_decl(r.type);
    // A record is theirs when the registry's owner field names them (or it is their member record).
    const bool mine = id == member || (d && *d->owner && std::string(d->owner) != "id" && r.text(d->owner) == member);
    if (mine) out.records.emplace(id, r);
  }
  return out;
}

std::string member_name(const Community& c, const std::string& member_id) {
  const Record* r = find_live(c, member_id);
  if (!r) return "someone who left";
  const std::string n = get(*r, f::member_name);
  return n.empty() ? "(no name yet)" : n;
}

std::pair<int, std::string> name_nameless(Community& incoming) {
  std::pair<int, std::string> out{0, ""};
  for (auto& [id, r] : incoming.records) {
    if (r.type != kMember || r.deleted() || !trim(r.text("name")).empty()) continue;
    // The stamp of her making, copied before "name" is added (which moves the fields).
    auto made_at = r.fields.find("deleted");
    const bool made = made_at != r.fields.end();
    const Stamp made_stamp = made ? made_at->second.stamp : Stamp{};
    Field& name = r.fields["name"];
    if (name.stamp.actor.empty() && made) name.stamp = made_stamp;  // never written
    const int64_t ms = made ? made_stamp.ms : name.stamp.ms;
    name.value = "Member who answered on " + (ms > 0 ? format_utc(ms).substr(0, 10) : std::string("an unknown day"));
    ++name.stamp.counter;  // after her empty name, before anything she writes later
    if (out.first++ == 0) out.second = name.value.get<std::string>();
  }
  return out;
}

static int live_member_count(const Community& c) { return static_cast<int>(live_by_name(c, kMember).size()); }

// [SECTION] Objectives shared by most --------------------------------------------------------------------

// Member ids to their place in reading order (names folded once, not at every comparison).
static std::unordered_map<std::string, size_t> reading_order(const Community& c) {
  std::unordered_map<std::string, size_t> order;
  for (const auto& [id, r] : live_by_name(c, kMember)) order.emplace(id, order.size());
  return order;
}

GroupingInput objective_input(const Community& c) {
  GroupingInput in;
  // Objectives of live members only: someone who left no longer holds anything.
  for (const auto& [id, r] : live_of(c, kObjective)) {
    const std::string member = get(*r, f::objective_member), text = get(*r, f::objective_text);
    if (!find_live(c, member) || trim(text).empty() || objective_achieved(c, id)) continue;
    in.ids.push_back(id);
    in.members.push_back(member);
    in.texts.push_back(text);
    in.pins.push_back(get(*r, f::objective_group));
  }
  return in;
}

SharedObjectives shared_objectives_of(const Community& c, const GroupingInput& in, const Grouping& grouping) {
  SharedObjectives out;
  const auto order = reading_order(c);
  out.members = static_cast<int>(order.size());
  out.threshold = std::clamp(get(community_record(c), f::community_shared_threshold, 0.5), 0.05, 1.0);
  out.needed = std::max(2, static_cast<int>(std::ceil(out.threshold * out.members - 1e-9)));
  auto rank = [&](const std::string& m) {
    auto it = order.find(m);
    return it == order.end() ? order.size() : it->second;
  };
  for (const auto& g : grouping.groups) {
    ObjectiveGroup og;
    std::set<std::string> members;
    double best = -1;
    for (int i : g) {
      og.objectives.push_back(in.ids[i]);
      members.insert(in.members[i]);
      og.pinned = og.pinned || !in.pins[i].empty();
      // The label: the objective most like the others, the shorter one when equal.
      const double s = grouping.centrality[i];
      if (s > best + 1e-9 || (std::abs(s - best) < 1e-9 && in.texts[i].size() < og.label.size())) {
        best = s;
        og.label = trim(in.texts[i]);
      }
    }
    og.members.assign(members.begin(), members.end());
    std::sort(og.members.begin(), og.members.end(), [&](const std::string& a, const std::string& b) {
      return rank(a) < rank(b);
    });
    og.by_most = static_cast<int>(og.members.size()) >= out.needed;
    out.groups.push_back(std::move(og));
  }
  std::vector<std::pair<std::string, size_t>> keys;  // labels folded once
  for (size_t i = 0; i < out.groups.size(); ++i) keys.emplace_back(collate_key(out.groups[i].label), i);
  std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
    const size_t ma = out.groups[a.second].members.size(), mb = out.groups[b.second].members.size();
    if (ma != mb) return ma > mb;
    return a.first < b.first;
  });
  std::vector<ObjectiveGroup> sorted;
  sorted.reserve(keys.size());
  for (const auto& k : keys) sorted.push_back(std::move(out.groups[k.second]));
  out.groups = std::move(sorted);
  return out;
}

SharedObjectives shared_objectives(const Community& c) {
  const GroupingInput in = objective_input(c);
  return shared_objectives_of(c, in, group_all(in.texts, in.pins));
}

Op op_merge_groups(const ObjectiveGroup& a, const ObjectiveGroup& b) {
  // The pin is the smallest objective id of the two: the same whoever merges, wherever.
  std::string pin = "group:";
  std::string first;
  for (const auto* g : {&a, &b})
    for (const auto& id : g->objectives)
      if (first.empty() || id < first) first = id;
  pin += first;
  Op op{"Merge objective groups", {}};
  for (const auto* g : {&a, &b})
    for (const auto& id : g->objectives) put(op, id, f::objective_group, pin);
  return op;
}

Op op_split_objective(const std::string& objective_id) {
  return op_set("Keep objective apart", objective_id, f::objective_group, "alone:" + objective_id);
}

Op op_unpin_group(const ObjectiveGroup& g) {
  Op op{"Group objectives automatically", {}};
  for (const auto& id : g.objectives) op.changes.push_back(unset(id, f::objective_group));
  return op;
}

// [SECTION] Topics and dot votes -----------------------------------------------------------------------------

int vote_budget(const Community& c) {
  return std::clamp(get(community_record(c), f::community_vote_budget, kDefaultVoteBudget), 1, 99);
}

int vote_round(const Community& c) { return get(community_record(c), f::community_vote_round); }

std::string vote_id(const std::string& topic, const std::string& member, int round) {
  return round > 0 ? "vote:r" + std::to_string(round) + ":" + topic + ":" + member : "vote:" + topic + ":" + member;
}

int dots_on(const Community& c, const std::string& topic, const std::string& member) {
  const int round = vote_round(c);
  const Record* v = find_live(c, vote_id(topic, member, round));
  return v && get(*v, f::vote_round) == round ? get(*v, f::vote_dots) : 0;
}

std::unordered_map<std::string, int> dots_by_topic(const Community& c, const std::string& member) {
  // A vote's id is its round's prefix, the topic and ":" and the member (vote_id), so the topic between
  // them is the one dots_on would find this vote for.
  std::unordered_map<std::string, int> out;
  const int round = vote_round(c);
  const std::string head = round > 0 ? "vote:r" + std::to_string(round) + ":" : "vote:", tail = ":" + member;
  for (const auto* e : records_of(c, kVote)) {
    const std::string& id = e->first;
    if (id.size() < head.size() + tail.size() || id.compare(0, head.size(), head) != 0 ||
        id.compare(id.size() - tail.size(), tail.size(), tail) != 0)
      continue;
    const Record& v = e->second;
    if (v.deleted() || get(v, f::vote_round) != round) continue;
    out[id.substr(head.size(), id.size() - head.size() - tail.size())] = get(v, f::vote_dots);
  }
  return out;
}

// Dots on topics that are still open to the vote, in the open round.
int dots_used(const Community& c, const std::string& member) {
  int used = 0;
  const int round = vote_round(c);
  for (const auto& [id, v] : live_of(c, kVote)) {
    if (get(*v, f::vote_member) != member || get(*v, f::vote_round) != round) continue;
    const Record* t = find_live(c, get(*v, f::vote_topic));
    if (t && get(*t, f::topic_state) != "done") used += get(*v, f::vote_dots);
  }
  return used;
}

// Each member's dots on topics still open to the vote, counted in vote-id order up to the budget: a
// forged file (or a budget lowered after the vote) cannot give anyone more say than the budget.
// Each round counts apart: `round` -1 counts every round before the open one, keyed by round.
static std::map<std::string, int> counted_dots(const Community& c, std::vector<OverBudget>* over, int round = -2,
                                               std::map<int, std::map<std::string, int>>* earlier = nullptr,
                                               std::map<int, std::set<std::string>>* voters = nullptr) {
  if (round == -2) round = vote_round(c);
  std::map<std::string, int> dots;
  std::map<std::pair<int, std::string>, int> used;
  const int budget = vote_budget(c);
  const int open = vote_round(c);
  std::map<std::string, int> given;
  for (const auto& [id, v] : live_of(c, kVote)) {
    const std::string member = get(*v, f::vote_member);
    const int in = get(*v, f::vote_round);
    if (round >= 0 ? in != round : in >= open) continue;
    const Record* t = find_live(c, get(*v, f::vote_topic));
    if (!find_live(c, member) || !t || (round >= 0 && get(*t, f::topic_state) == "done")) continue;
    if (round < 0) {
      const int take = std::min(get(*v, f::vote_dots), budget - used[{in, member}]);
      if (take <= 0) continue;
      used[{in, member}] += take;
      (*earlier)[in][get(*v, f::vote_topic)] += take;
      (*voters)[in].insert(member);
      continue;
    }
    const int n = get(*v, f::vote_dots);
    given[member] += n;
    const int take = std::min(n, budget - used[{in, member}]);
    if (take <= 0) continue;
    used[{in, member}] += take;
    dots[get(*v, f::vote_topic)] += take;
  }
  if (over)
    for (const auto& [member, n] : given)
      if (n > budget) over->push_back({member, n, budget});
  return dots;
}

std::vector<OverBudget> votes_over_budget(const Community& c) {
  std::vector<OverBudget> out;
  counted_dots(c, &out);
  return out;
}

// Most dots first, then by title; equal dots share a rank and are marked as ties.
static void rank_topics(std::vector<TopicTally>& out) {
  std::sort(out.begin(), out.end(), [](const TopicTally& a, const TopicTally& b) {
    if (a.dots != b.dots) return a.dots > b.dots;
    return collate_less(a.title, b.title);
  });
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].rank = i > 0 && out[i].dots == out[i - 1].dots ? out[i - 1].rank : static_cast<int>(i) + 1;
    out[i].tied = (i > 0 && out[i].dots == out[i - 1].dots) || (i + 1 < out.size() && out[i].dots == out[i + 1].dots);
  }
}

std::vector<TopicTally> tally_topics(const Community& c) {
  std::vector<TopicTally> out;
  std::map<std::string, int> dots = counted_dots(c, nullptr);
  for (const auto& [id, t] : live_of(c, kTopic)) {
    if (get(*t, f::topic_state) == "done") continue;
    out.push_back({id, get(*t, f::topic_title), get(*t, f::topic_proposed_by), get(*t, f::topic_state),
                   get(*t, f::topic_owner), dots[id], 0, false});
  }
  rank_topics(out);
  return out;
}

std::vector<VoteRound> earlier_rounds(const Community& c) {
  std::map<int, std::map<std::string, int>> by_round;
  std::map<int, std::set<std::string>> voters;
  counted_dots(c, nullptr, -1, &by_round, &voters);
  std::vector<VoteRound> out;
  for (auto it = by_round.rbegin(); it != by_round.rend(); ++it) {
    VoteRound r{it->first, static_cast<int>(voters[it->first].size()), {}};
    for (const auto& [topic, n] : it->second) {
      const Record* t = find_live(c, topic);
      r.topics.push_back({topic, get(*t, f::topic_title), get(*t, f::topic_proposed_by), get(*t, f::topic_state),
                          get(*t, f::topic_owner), n, 0, false});
    }
    rank_topics(r.topics);
    out.push_back(std::move(r));
  }
  return out;
}

Op op_new_vote_round(const Community& c) {
  return op_set("Start a new round of dots", c.id, f::community_vote_round, vote_round(c) + 1);
}

Op op_vote(const Community& c, const std::string& topic, const std::string& member, int delta) {
  const int now = dots_on(c, topic, member);
  const int next = now + delta;
  Op op{delta > 0 ? "Vote" : "Take a vote back", {}};
  if (next < 0 || (delta > 0 && dots_used(c, member) + delta > vote_budget(c))) return op;
  const int round = vote_round(c);
  const std::string id = vote_id(topic, member, round);
  if (!find_live(c, id)) {
    put_new(op, id, kVote);
    put(op, id, f::vote_topic, topic);
    put(op, id, f::vote_member, member);
    if (round > 0) put(op, id, f::vote_round, round);
  }
  put(op, id, f::vote_dots, next);
  return op;
}

Op op_choose_first_topic(const Community& c, const std::string& topic) {
  Op op{"Choose the first meeting's topic", {}};
  const std::string before = get(community_record(c), f::community_first_topic);
  if (!before.empty() && before != topic && find_live(c, before)) put(op, before, f::topic_state, "backlog");
  put(op, topic, f::topic_state, "chosen");
  put(op, c.id, f::community_first_topic, topic);
  return op;
}

// [SECTION] Skills that can serve a topic -----------------------------------------------------------------------

// The words of a text as written.
static std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char ch = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalnum(ch) || ch >= 0x80 || ch == '-') w += static_cast<char>(ch);
    else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  return out;
}

// How much of `wanted` (a topic, an objective) a text covers: the weighted share of the wanted
// terms it has, counting only terms that are not generic ("team", "manage", ...).
static double covers(const std::vector<std::string>& have, const std::vector<std::string>& wanted, const Corpus& corpus,
                     std::vector<std::string>* shared = nullptr) {
  double got = 0, total = 0;
  for (const auto& w : wanted) {
    const double weight = corpus.weight(w);
    total += weight;
    if (is_generic(w)) continue;  // never enough on its own
    for (const auto& h : have)
      if (term_relation(h, w) > 0) {
        got += weight;
        if (shared) shared->push_back(h);
        break;
      }
  }
  return total > 0 ? got / total : 0;
}

std::vector<SkillMatch> skill_matches(const Community& c, const std::string& text) {
  std::vector<SkillMatch> out;
  const auto wanted = terms(text);
  if (wanted.empty()) return out;
  Corpus corpus;
  const auto skills = live_of(c, kSkill);
  for (const auto& [id, s] : skills) corpus.add(terms(get(*s, f::skill_text)));
  corpus.add(wanted);
  for (const auto& [id, s] : skills) {
    const std::string member = get(*s, f::skill_member);
    if (!find_live(c, member)) continue;
    std::vector<std::string> shared;
    const double score = covers(terms(get(*s, f::skill_text)), wanted, corpus, &shared);
    if (score <= 0) continue;
    SkillMatch m{member, member_name(c, member), get(*s, f::skill_text), get(*s, f::skill_offer), {}, score};
    // Why: the member's own words (not their stems) that the topic also has.
    for (const std::string& word : split_words(get(*s, f::skill_text))) {
      const auto t = terms(word);
      if (!t.empty() && std::find(shared.begin(), shared.end(), t[0]) != shared.end()) m.why.push_back(word);
    }
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const SkillMatch& a, const SkillMatch& b) {
    const bool ao = !a.offer.empty(), bo = !b.offer.empty();
    if (ao != bo) return ao;
    if (std::abs(a.score - b.score) > 1e-9) return a.score > b.score;
    return collate_less(a.name, b.name);
  });
  return out;
}

GroupingInput skill_input(const Community& c) {
  GroupingInput in;
  for (const auto& [id, r] : live_of(c, kSkill)) {
    const std::string member = get(*r, f::skill_member);
    if (!find_live(c, member)) continue;
    in.ids.push_back(id);
    in.members.push_back(member);
    in.texts.push_back(get(*r, f::skill_text));
  }
  in.pins.assign(in.ids.size(), "");
  return in;
}

SkillsOverview skills_overview_of(const Community& c, const GroupingInput& in, const Grouping& grouping,
                                  const SharedObjectives& objectives) {
  SkillsOverview out;
  for (const auto& g : grouping.groups) {
    SkillsOverview::Entry e;
    std::set<std::string> members;
    for (int i : g) {
      if (e.label.empty() || in.texts[i].size() < e.label.size()) e.label = trim(in.texts[i]);
      members.insert(member_name(c, in.members[i]));
    }
    e.members.assign(members.begin(), members.end());
    std::sort(e.members.begin(), e.members.end(), [](const auto& a, const auto& b) { return collate_less(a, b); });
    out.skills.push_back(std::move(e));
  }
  std::vector<std::pair<std::string, size_t>> keys;
  for (size_t i = 0; i < out.skills.size(); ++i) keys.emplace_back(collate_key(out.skills[i].label), i);
  std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
    const size_t ma = out.skills[a.second].members.size(), mb = out.skills[b.second].members.size();
    if (ma != mb) return ma > mb;
    return a.first < b.first;
  });
  std::vector<SkillsOverview::Entry> sorted;
  for (const auto& k : keys) sorted.push_back(std::move(out.skills[k.second]));
  out.skills = std::move(sorted);
  // Uncovered: no skill has a word related to any of the objective's own (not generic) words; the
  // same rule as skill_matches, through an index of the skills' words rather than skill by skill.
  std::vector<std::vector<std::string>> skill_terms;
  for (const std::string& t : in.texts) skill_terms.push_back(terms(t));
  const TermIndex index = term_index(skill_terms);
  for (const auto& g : objectives.groups) {
    bool covered = false;
    for (const std::string& w : terms(g.label))
      if (!is_generic(w) && has_related(index, w)) {
        covered = true;
        break;
      }
    if (!covered) out.uncovered.push_back(g.label);
  }
  return out;
}

SkillsOverview skills_overview(const Community& c) {
  const GroupingInput in = skill_input(c);
  return skills_overview_of(c, in, group_all(in.texts, in.pins), shared_objectives(c));
}

// [SECTION] The first meeting ---------------------------------------------------------------------------

Op op_first_meeting(const Community& c, const std::string& meeting_id) {
  const std::string topic_id = get(community_record(c), f::community_first_topic);
  const Record* topic = find_live(c, topic_id);
  const std::string title = topic ? get(*topic, f::topic_title) : std::string("our first topic");
  const int people = live_member_count(c);
  Op op{"Make the first meeting", {}};
  put_new(op, meeting_id, kMeeting);
  put(op, meeting_id, f::meeting_title, "First meeting: " + title);
  put(op, meeting_id, f::meeting_kind, "first");
  put(op, meeting_id, f::meeting_topic, topic_id);
  put(op, c.id, f::community_first_meeting, meeting_id);

  // Who opens the topic: someone whose skills match it, who offered to present or lead if anyone did.
  std::string lead, lead_why;
  const auto matches = skill_matches(c, title + " " + (topic ? get(*topic, f::topic_description) : ""));
  if (!matches.empty()) {
    lead = matches[0].member;
    lead_why = matches[0].name + " offers \"" + matches[0].skill + "\"" +
               (matches[0].offer.empty() ? "" : " and offered to " + matches[0].offer);
  }
  std::string shared;
  const auto so = shared_objectives(c);
  for (size_t i = 0; i < so.groups.size() && i < 3; ++i)
    if (so.groups[i].members.size() > 1) shared += (shared.empty() ? "" : "; ") + so.groups[i].label;
  // Real problems members brought that touch the topic: worked on in the small groups.
  std::string problems;
  const auto topic_terms = terms(title);
  Corpus corpus;
  for (const auto& [id, p] : live_of(c, kProblem)) corpus.add(terms(get(*p, f::problem_text)));
  corpus.add(topic_terms);
  for (const auto& [id, p] : live_of(c, kProblem))
    if (covers(terms(get(*p, f::problem_text)), topic_terms, corpus) > 0)
      problems += (problems.empty() ? "" : "; ") + get(*p, f::problem_text);
  const bool pairs = people <= 6;
  struct Plan {
    const char* kind;
    std::string title, notes, lead;
    int minutes;
  };
  const std::vector<Plan> plan = {
      {"welcome", "Welcome and introductions",
       "Each person: their name and one learning objective they bring." +
           (shared.empty() ? std::string() : " Objectives many of us share: " + shared + "."),
       "", 15},
      {"input", title,  // its presenter is the lead, a role that can change hands, so not in the title
       lead.empty() ? "Nobody's skills match this topic yet: ask who would open it." : lead_why + ".", lead, 15},
      {pairs ? "pairs" : "small_groups", pairs ? "Pairs: " + title : "Small groups of 3 or 4: " + title,
       "Everyone talks: what do you know, what do you not know yet?" +
           (problems.empty() ? std::string() : " Real problems to work on: " + problems + "."),
       "", 25},
      {"debrief", "Large-group debrief", "Each " + std::string(pairs ? "pair" : "group") +
                                             " shares one insight and one open question.", "", 15},
      {"logistics", "Logistics: how often, when, which technology",
       "Kept for the end on purpose. Questions parked during the meeting are answered here.", "", 10},
      {"closing", "Closing", "What do I take away? What will I try before we meet again?", "", 5},
  };
  // Replace blocks made before for this meeting.
  for (const auto& b : agenda(c, meeting_id)) op.changes.push_back({b.id, kBlock, kDeletedField, true});
  for (size_t i = 0; i < plan.size(); ++i) {
    const std::string id = meeting_id + ":b" + std::to_string(i + 1);
    put_block(op, meeting_id, id, plan[i].kind, plan[i].title, plan[i].minutes, plan[i].notes, static_cast<double>(i + 1));
    put(op, id, f::block_lead, plan[i].lead);
  }
  return op;
}

std::vector<std::string> check_first_meeting(const std::vector<Block>& blocks) {
  std::vector<std::string> out;
  const int total = agenda_minutes(blocks);
  int logistics = 0;
  for (const auto& b : blocks)
    if (is_logistics(b.kind)) logistics += b.minutes;
  if (const auto early = logistics_before_content(blocks); !early.empty()) out.push_back(early[0].second);  // the first says it
  if (total > 0 && logistics * 5 > total)
    out.push_back("Logistics and technology take " + std::to_string(logistics) + " of " + std::to_string(total) +
                  " minutes, more than a fifth of the meeting. Keep them short so the meeting is mostly content.");
  if (std::none_of(blocks.begin(), blocks.end(), [](const Block& b) { return is_content(b.kind); }))
    out.push_back("There is no content yet: add a presentation, pairs or small groups.");
  return out;
}

}  // namespace cv
