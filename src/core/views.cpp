// views.cpp: see views.h.
#include "core/views.h"

#include <algorithm>

#include "core/fields.h"
#include "core/text.h"

namespace cv {

// One grouping (of objectives or of skills): what it groups, and the job that groups it.
struct Regrouping {
  GroupingInput input;  // of the job running, or of the last one done
  GroupingJob job;
  bool started = false;
};

struct ViewsWork {
  Regrouping objectives, skills;
  bool built = false;  // the views were made from the finished jobs
  // What the views were built from besides the inputs: when none of it changed, an edit elsewhere
  // (a meeting, a member's contact) costs no rebuild.
  std::unordered_map<std::string, std::string> built_names;
  double built_threshold = -1;
  std::string chooser_today;  // the day v.chooser was read for
  // views_skill_matches and views_helpers: one text's answer, for one revision
  template <class T>
  struct ForText {
    uint64_t revision = 0;
    std::string community, text;
    bool read = false;
    T value;
  };
  ForText<std::vector<SkillMatch>> matches;
  ForText<std::vector<Helper>> helpers;
  // views_attendees and views_agenda, per meeting, for `meetings_revision`
  uint64_t meetings_revision = 0;
  std::unordered_map<std::string, std::vector<std::string>> attendees;
  std::unordered_map<std::string, std::vector<Block>> agendas;  // views_agenda, for the same revision
  std::unordered_map<std::string, std::vector<RoleTurn>> turns;  // views_role_turns, by meeting and slot
  std::unordered_map<std::string, std::vector<CaseView>> follow_ups;  // views_follow_ups
};

namespace {

bool same_input(const GroupingInput& a, const GroupingInput& b) {
  return a.texts == b.texts && a.pins == b.pins && a.ids == b.ids && a.members == b.members;
}

// Starts grouping `in` unless the last grouping (running or done) was of the same texts. The ids and
// members matter too (who holds a group), but only texts and pins decide how texts group. True when
// the input changed.
bool regroup(Regrouping& r, GroupingInput in) {
  if (r.started && same_input(r.input, in)) return false;
  const bool same_texts = r.started && r.job.done() && r.input.texts == in.texts && r.input.pins == in.pins;
  r.input = std::move(in);
  r.started = true;
  if (!same_texts) r.job = grouping_start(r.input.texts, r.input.pins);
  return true;
}

void build(Views& v, const Doc& d) {
  const Community& c = d.community;
  ViewsWork& w = *v.work;
  v.objectives = shared_objectives_of(c, w.objectives.input, grouping_result(w.objectives.job));
  v.skills = skills_overview_of(c, w.skills.input, grouping_result(w.skills.job), v.objectives);
  // Per member: objectives shared with others, and theirs alone, in the members' reading order.
  std::unordered_map<std::string, const ObjectiveGroup*> group_of;
  for (const auto& g : v.objectives.groups)
    for (const auto& o : g.objectives) group_of[o] = &g;
  std::unordered_map<std::string, size_t> row;
  v.per_member.clear();
  for (const auto& [id, r] : v.members) {
    row.emplace(id, v.per_member.size());
    v.per_member.push_back({id, views_name(v, id), {}, {}});
  }
  const GroupingInput& in = w.objectives.input;
  for (size_t i = 0; i < in.ids.size(); ++i) {
    auto m = row.find(in.members[i]);
    if (m == row.end()) continue;
    auto g = group_of.find(in.ids[i]);
    const bool shared = g != group_of.end() && g->second->members.size() > 1;
    (shared ? v.per_member[m->second].shared : v.per_member[m->second].alone).push_back(trim(in.texts[i]));
  }
  for (auto& p : v.per_member) {
    auto by_text = [](const std::string& a, const std::string& b) { return collate_less(a, b); };
    std::sort(p.shared.begin(), p.shared.end(), by_text);
    std::sort(p.alone.begin(), p.alone.end(), by_text);
  }
  v.per_member.erase(std::remove_if(v.per_member.begin(), v.per_member.end(),
                                    [](const MemberObjectives& p) { return p.shared.empty() && p.alone.empty(); }),
                     v.per_member.end());
  w.built = true;
  w.built_names = v.names;
  w.built_threshold = get(community_record(c), f::community_shared_threshold, 0.5);
  v.grouped = true;
}

// What depends on the day as well as the community.
void read_dated(Views& v, const Community& c) {
  v.chooser = book_chooser(c, v.today);
  v.fairness = role_fairness(c, v.today);
  v.never_presented = never_presented(v.fairness);  // before the sort: in reading order
  std::stable_sort(v.fairness.begin(), v.fairness.end(), [](const RoleFairness& a, const RoleFairness& b) {
    if (a.last != b.last) return a.last < b.last;  // "" (never) first
    return a.total < b.total;
  });
  v.work->chooser_today = v.today;
}

}  // namespace

const std::string& views_name(const Views& v, const std::string& member) {
  static const std::string kLeft = "someone who left";
  auto it = v.names.find(member);
  return it == v.names.end() ? kLeft : it->second;
}

void views_update(Views& v, const Doc& d) {
  const Community& c = d.community;
  if (v.read && v.community == c.id && v.revision == d.revision) {
    if (v.work->chooser_today != v.today) read_dated(v, c);
    return;
  }
  if (!v.work || v.community != c.id) v.work = std::make_shared<ViewsWork>();
  v.community = c.id;
  v.revision = d.revision;
  v.work->attendees.clear();
  v.work->agendas.clear();
  v.read = true;
  v.about = &community_record(c);
  v.members = live_by_name(c, kMember);
  v.names.clear();
  for (const auto& [id, r] : v.members) {
    const std::string n = get(*r, f::member_name);
    v.names.emplace(id, n.empty() ? "(no name yet)" : n);
  }
  v.tallies = tally_topics(c);
  v.earlier_rounds = earlier_rounds(c);
  v.over_budget = votes_over_budget(c);
  v.problems = live_of(c, kProblem);
  v.cases = cases(c);
  v.profiles = directory(c);
  v.threads = threads(c);
  v.thread_at.clear();
  for (size_t i = 0; i < v.threads.size(); ++i) v.thread_at[v.threads[i].id] = i;
  v.organisations = distinct_values(v.profiles, &Profile::organisation);
  v.time_zones = distinct_values(v.profiles, &Profile::time_zone);
  v.case_at.clear();
  for (size_t i = 0; i < v.cases.size(); ++i) v.case_at[v.cases[i].id] = i;
  v.helped.clear();
  for (const CaseView& k : v.cases)
    for (const CaseNote& n : k.notes) {
      if (n.kind != "suggestion" || n.member.empty()) continue;
      auto& titles = v.helped[n.member];
      if (std::find(titles.begin(), titles.end(), k.title) == titles.end()) titles.push_back(k.title);
    }
  v.meetings = meetings(c);
  v.runs.clear();
  for (const MeetingInfo& m : v.meetings)
    if (const Record* r = find_live(c, m.id)) {
      const std::string at = get(*r, f::meeting_run_block);
      if (!at.empty() && at != "end") v.runs.push_back(m.id);
    }
  v.role_history = role_history(c);
  std::reverse(v.role_history.begin(), v.role_history.end());
  v.presented.clear();
  for (const RoleHeld& h : v.role_history)
    if (h.role == "presenter") v.presented[h.member].push_back(h);
  read_dated(v, c);
  v.rounds = breakout_rounds(c);
  v.connections = new_connections(v.rounds);
  ViewsWork& w = *v.work;
  const bool objectives_changed = regroup(w.objectives, objective_input(c));
  const bool skills_changed = regroup(w.skills, skill_input(c));
  if (objectives_changed || skills_changed || w.built_names != v.names ||
      w.built_threshold != get(community_record(c), f::community_shared_threshold, 0.5))
    w.built = false;
  v.busy = !(w.objectives.job.done() && w.skills.job.done());
  // Names, the threshold or who holds what changed, and no text did: the views are made again now.
  if (!v.busy && !w.built) build(v, d);
  v.progress = v.busy ? 0.5f * (w.objectives.job.progress() + w.skills.job.progress()) : 1.0f;
}

bool views_step(Views& v, const Doc& d, size_t budget) {
  views_update(v, d);
  ViewsWork& w = *v.work;
  if (!w.objectives.job.done()) grouping_step(w.objectives.job, budget);
  else if (!w.skills.job.done()) grouping_step(w.skills.job, budget);
  v.busy = !(w.objectives.job.done() && w.skills.job.done());
  if (!v.busy && !w.built) build(v, d);
  v.progress = v.busy ? 0.5f * (w.objectives.job.progress() + w.skills.job.progress()) : 1.0f;
  return v.busy;
}

void views_complete(Views& v, const Doc& d) {
  while (views_step(v, d, static_cast<size_t>(-1) / 2)) {}
}

// Read once per meeting and revision: `read(c, meeting)` on the first ask since the community changed.
template <class T, class Read>
const T& per_meeting(const Views& v, std::unordered_map<std::string, T> ViewsWork::*cache, const Community& c,
                     const std::string& meeting, Read read) {
  ViewsWork& w = *v.work;
  if (w.meetings_revision != v.revision) {
    w.attendees.clear();
    w.agendas.clear();
    w.turns.clear();
    w.follow_ups.clear();
    w.meetings_revision = v.revision;
  }
  auto& m = w.*cache;
  auto it = m.find(meeting);
  if (it == m.end()) it = m.emplace(meeting, read(c, meeting)).first;
  return it->second;
}

const std::vector<std::string>& views_attendees(const Views& v, const Community& c, const std::string& meeting) {
  return per_meeting(v, &ViewsWork::attendees, c, meeting, attendees);
}

const std::vector<Block>& views_agenda(const Views& v, const Community& c, const std::string& meeting) {
  return per_meeting(v, &ViewsWork::agendas, c, meeting, agenda);
}

const std::vector<RoleTurn>& views_role_turns(const Views& v, const Community& c, const std::string& meeting,
                                              const RoleSlot& slot) {
  // Who holds the slot is not in the key: a change of holder is a new revision.
  return per_meeting(v, &ViewsWork::turns, c, meeting + '\x1f' + slot.role + '\x1f' + slot.block,
                     [&](const Community& cc, const std::string&) { return role_turns(cc, meeting, slot); });
}

const std::vector<CaseView>& views_follow_ups(const Views& v, const Community& c, const std::string& meeting) {
  return per_meeting(v, &ViewsWork::follow_ups, c, meeting, case_follow_ups);
}

// Read again only when the community, its revision or the text changed.
template <class T, class Read>
const T& for_text(ViewsWork::ForText<T>& cache, const Doc& d, const std::string& text, Read read) {
  if (!cache.read || cache.revision != d.revision || cache.community != d.community.id || cache.text != text) {
    cache.value = read(d.community, text);
    cache.read = true;
    cache.revision = d.revision;
    cache.community = d.community.id;
    cache.text = text;
  }
  return cache.value;
}

const std::vector<Helper>& views_helpers(const Views& v, const Doc& d, const std::string& question) {
  return for_text(v.work->helpers, d, question, [](const Community& c, const std::string& q) { return who_can_help(c, q); });
}

const std::vector<SkillMatch>& views_skill_matches(const Views& v, const Doc& d, const std::string& text) {
  return for_text(v.work->matches, d, text, skill_matches);
}

}  // namespace cv
