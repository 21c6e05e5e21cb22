// projects.cpp: see projects.h.
#include "core/projects.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/document.h"
#include "core/fields.h"
#include "core/getting_started.h"
#include "core/text.h"
#include "core/threads.h"

namespace cv {

// [SECTION] Projects -----------------------------------------------------------------------------------

std::vector<ProjectView> projects(const Community& c) {
  std::vector<ProjectView> out;
  std::map<std::string, size_t> at;
  for (const auto& [id, r] : live_of(c, kProject)) {
    at[id] = out.size();
    out.push_back({id, get(*r, f::project_title), get(*r, f::project_goal), get(*r, f::project_needs),
                   get(*r, f::project_owner), get(*r, f::project_done), {}, {}});
    if (!out.back().owner.empty() && find_live(c, out.back().owner)) out.back().members.push_back({out.back().owner, ""});
  }
  for (const auto& [id, r] : live_of(c, kJoining)) {
    auto it = at.find(get(*r, f::joining_project));
    const std::string m = get(*r, f::joining_member);
    if (it == at.end() || m.empty() || !find_live(c, m)) continue;
    auto& members = out[it->second].members;
    auto same = std::find_if(members.begin(), members.end(), [&](const auto& x) { return x.first == m; });
    if (same == members.end()) members.push_back({m, get(*r, f::joining_offer)});
    else same->second = get(*r, f::joining_offer);  // the owner joined too: what they bring
  }
  // Threads tagged with a project, newest first: read from their records (threads() would read every
  // reply and mention too, which a community with 50,000 posts feels on every edit).
  std::vector<std::pair<int64_t, std::pair<std::string, size_t>>> tagged;
  for (const auto& [id, t] : live_of(c, kThread))
    for (const std::string& tag : get(*t, f::thread_tags))
      if (auto it = at.find(tag); it != at.end()) tagged.push_back({get(*t, f::thread_at), {id, it->second}});
  std::stable_sort(tagged.begin(), tagged.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [when, which] : tagged) out[which.second].threads.push_back(which.first);
  std::stable_sort(out.begin(), out.end(), [](const ProjectView& a, const ProjectView& b) {
    if (a.done != b.done) return !a.done;
    return collate_less(a.title, b.title);
  });
  return out;
}

std::vector<std::string> projects_of(const std::vector<ProjectView>& all, const std::string& member) {
  std::vector<std::string> out;
  for (const ProjectView& p : all)
    if (std::any_of(p.members.begin(), p.members.end(), [&](const auto& x) { return x.first == member; })) out.push_back(p.id);
  return out;
}

Op op_new_project(const std::string& id, const std::string& title, const std::string& goal, const std::string& needs,
                  const std::string& owner) {
  Op op{"Start a project", {}};
  put_new(op, id, kProject);
  put(op, id, f::project_title, trim(title));
  put(op, id, f::project_goal, trim(goal));
  put(op, id, f::project_needs, trim(needs));
  put(op, id, f::project_owner, owner);
  return op;
}

std::string joining_id(const std::string& project, const std::string& member) { return "join:" + project + ":" + member; }

Op op_join_project(const std::string& project, const std::string& member, const std::string& offer) {
  const std::string id = joining_id(project, member);
  Op op{"Join a project", {}};
  put_new(op, id, kJoining);
  put(op, id, f::joining_project, project);
  put(op, id, f::joining_member, member);
  put(op, id, f::joining_offer, trim(offer));
  return op;
}

Op op_leave_project(const std::string& project, const std::string& member) {
  return op_delete("Leave a project", joining_id(project, member), kJoining);
}

// [SECTION] Objectives revisited -----------------------------------------------------------------------

int current_cycle(const Community& c) { return get(community_record(c), f::community_cycle); }

std::string cycle_label(int cycle) { return "Cycle " + std::to_string(cycle + 1); }

std::string progress_id(const std::string& objective, int cycle) { return "progress:" + objective + ":c" + std::to_string(cycle); }

Op op_rate_objective(const Community& c, const std::string& objective, int cycle, int rating, const std::string& helped) {
  const std::string id = progress_id(objective, cycle);
  const Record* o = find_live(c, objective);
  Op op{"Rate progress", {}};
  put_new(op, id, kProgress);
  put(op, id, f::progress_objective, objective);
  put(op, id, f::progress_member, o ? get(*o, f::objective_member) : std::string());
  put(op, id, f::progress_cycle, cycle);
  put(op, id, f::progress_rating, std::clamp(rating, 0, 4));
  put(op, id, f::progress_helped, trim(helped));
  return op;
}

Op op_next_cycle(const Community& c) {
  return op_set("Start " + cycle_label(current_cycle(c) + 1), c.id, f::community_cycle, current_cycle(c) + 1);
}

namespace {

// The latest rating of an objective before `cycle` (-1: none), read from its records by id.
int rating_before(const Community& c, const std::string& objective, int cycle) {
  for (int k = cycle - 1; k >= 0; --k)
    if (const int r = progress_of(c, objective, k).rating; r >= 0) return r;
  return -1;
}

}  // namespace

bool objective_achieved(const Community& c, const std::string& objective) {
  const int now = current_cycle(c);
  if (now == 0) return false;
  // Only an objective with a rating record can have been achieved: most have none, so look first.
  return rating_before(c, objective, now) == 4;
}

Rating progress_of(const Community& c, const std::string& objective, int cycle) {
  const Record* p = find_live(c, progress_id(objective, cycle));
  if (!p || !has(*p, f::progress_rating)) return {};
  return {get(*p, f::progress_rating), get(*p, f::progress_helped)};
}

std::string rated_line(const CycleSummary& s) {
  std::string counts;
  for (int k = 4; k >= 0; --k)
    if (s.counts[k]) counts += (counts.empty() ? "" : ", ") + std::to_string(s.counts[k]) + " " + kRatings[k];
  return std::to_string(s.rated) + " of " + std::to_string(s.objectives) + " objectives rated" +
         (counts.empty() ? "" : ": " + counts);
}

CycleSummary cycle_summary(const Community& c, int cycle) {
  CycleSummary s;
  s.cycle = cycle;
  std::map<std::string, std::vector<std::pair<std::string, const Record*>>> by_member;
  for (const auto& [id, r] : live_of(c, kObjective)) {
    if (trim(get(*r, f::objective_text)).empty() || rating_before(c, id, cycle) == 4) continue;
    by_member[get(*r, f::objective_member)].push_back({id, r});
  }
  for (const auto& [m, member] : live_by_name(c, kMember)) {
    auto it = by_member.find(m);
    if (it == by_member.end()) continue;
    bool missing = false;
    for (const auto& [id, r] : it->second) {
      const Rating got = progress_of(c, id, cycle);
      RatedObjective row{id, m, get(*r, f::objective_text), got.rating, got.helped};
      if (got.rating >= 0) {
        ++s.rated;
        ++s.counts[row.rating];
      } else {
        missing = true;
      }
      ++s.objectives;
      s.rows.push_back(std::move(row));
    }
    if (missing) s.not_rated.push_back(m);
  }
  return s;
}

std::string cycle_summary_markdown(const Community& c, const CycleSummary& s) {
  Document d;
  const std::string name = get(community_record(c), f::community_name);
  d.title = cycle_label(s.cycle) + ": objectives revisited";
  d.heading(1, name + ": " + cycle_label(s.cycle) + ", objectives revisited");
  d.paragraph({plain(rated_line(s) + ".")});
  std::vector<std::vector<Line>> rows;
  for (const RatedObjective& r : s.rows)
    rows.push_back({{plain(member_name(c, r.member))}, {plain(r.text)}, {plain(r.rating < 0 ? "not rated yet" : kRatings[r.rating])},
                    {plain(r.helped)}});
  d.table({"Member", "Objective", "Progress", "What helped"}, {false, false, false, false}, rows);
  return to_markdown(d);
}

}  // namespace cv
