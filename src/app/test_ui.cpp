// test_ui.cpp: see test_ui.h.
#include "app/test_ui.h"

#include "core/agenda.h"
#include "core/books.h"
#include "core/cases.h"
#include "core/getting_started.h"
#include "core/live_run.h"
#include "core/meetings.h"
#include "core/text.h"

namespace app {

cv::json getting_started_test_ui(const cv::Community& c, const cv::Views& views, const ui::State& st, const ui::World& w) {
  return {
      // What the panels read (src/core/views.h): whether the groupings are done, and how many there are.
      {"views", {{"busy", views.busy}, {"grouped", views.grouped}, {"progress", views.progress},
                 {"members", views.members.size()}, {"objective_groups", views.objectives.groups.size()},
                 {"skill_groups", views.skills.skills.size()}}},
      // The Skills tab's lines of who holds each skill, as last drawn (cut to the width).
      {"skill_lines", st.skill_who},
      // What the First meeting panel warns about (the same check it draws).
      {"first_meeting_warnings", cv::check_first_meeting(cv::agenda(c, cv::community_record(c).text("first_meeting")))},
      {"groups", {{"running", w.groups_running}, {"message", w.groups_message}, {"progress", w.groups_progress},
                  {"rounds", views.rounds.size()}, {"in_view", {st.rounds_in_view[0], st.rounds_in_view[1]}}}},
  };
}

cv::json meetings_test_ui(const cv::Community& c, const cv::Views& views, const ui::State& st, int64_t now_ms) {
  cv::json out = {{"open", st.meeting}, {"live", st.live_meeting}};
  if (const cv::Record* m = cv::find_live(c, st.meeting)) {
    cv::json warnings = cv::json::array();
    for (const auto& w : cv::check_meeting(cv::agenda(c, st.meeting), cv::meeting_info(*m, st.meeting).slot))
      warnings.push_back({{"block", w.block}, {"text", w.text}});
    out["warnings"] = warnings;
    cv::json follow = cv::json::array();
    for (const cv::CaseView& k : cv::case_follow_ups(c, st.meeting)) follow.push_back(cv::follow_up_line(c, k));
    out["follow_ups"] = follow;
  }
  // Roles over time, as the Meetings tab draws them (views.h): the first rows of the fairness table.
  cv::json fairness = cv::json::array();
  for (size_t i = 0; i < views.fairness.size() && i < 20; ++i) {
    const cv::RoleFairness& f = views.fairness[i];
    auto presented = f.turns.find("presenter");
    fairness.push_back({{"member", f.member}, {"total", f.total}, {"last", f.last}, {"away", f.away},
                        {"proposed", f.proposed}, {"presented", presented == f.turns.end() ? 0 : presented->second},
                        {"last_presented", f.last_presented}});
  }
  out["fairness"] = fairness;
  out["never_presented"] = views.never_presented;
  out["history"] = views.role_history.size();
  if (const cv::Record* m = cv::find_live(c, st.live_meeting)) {
    const cv::RunView v = cv::run_view(*m, cv::agenda(c, st.live_meeting), now_ms);
    out["run"] = {{"started", v.started}, {"ended", v.ended}, {"paused", v.paused}, {"index", v.index},
                  {"remaining_ms", v.remaining_ms}, {"extra", v.extra_minutes}, {"title_px", st.live_title_px},
                  {"title_baked", st.live_title_baked}, {"cue", st.live_cue}};
    // The peer-assist or case discussion on screen (cases.h), as the live view reads it.
    const auto blocks = cv::agenda(c, st.live_meeting);
    if (v.index >= 0 && !blocks[v.index].case_id.empty()) {
      const cv::Block& b = blocks[v.index];
      const cv::PhaseView pv = cv::phase_at(b, v.elapsed_ms, v.extra_minutes);
      const cv::PeerAssist pa = cv::peer_assist(cv::case_view(c, b.case_id), st.live_meeting,
                                                cv::views_attendees(views, c, st.live_meeting));
      cv::json questions = cv::json::array(), suggestions = cv::json::array();
      for (const auto& n : pa.questions) questions.push_back(n.text);
      for (const auto& n : pa.suggestions) suggestions.push_back({{"text", n.text}, {"parked", n.parked}, {"will_try", n.will_try}});
      out["peer_assist"] = {{"case", b.case_id}, {"phase", b.kind == "peer_assist" ? cv::kPhaseTitles[static_cast<int>(pv.phase)] : ""},
                            {"phase_left_ms", pv.left_ms}, {"parked", pa.parked}, {"questions", questions},
                            {"suggestions", suggestions}, {"not_spoken", pa.not_spoken}};
    }
    const cv::MeetingReading r = cv::reading_at(c, st.live_meeting);
    out["reading"] = {{"book", r.book_title}, {"part", r.part_title}, {"questions", r.questions}};
  }
  return out;
}

cv::json member_presented_test_ui(const cv::Views& views, const ui::State& st) {
  cv::json list = cv::json::array();
  auto it = views.presented.find(st.detail_member);
  if (it != views.presented.end())
    for (const cv::RoleHeld& h : it->second) list.push_back({{"date", h.date}, {"title", h.title}});
  return list;
}

cv::json directory_test_ui(const cv::Doc& doc, const cv::Views& views, const ui::State& st) {
  cv::json rows = cv::json::array(), helpers = cv::json::array();
  for (int i : st.directory_rows) rows.push_back(views.profiles[i].id);
  if (!cv::trim(st.who_question).empty())
    for (const cv::Helper& h : cv::views_helpers(views, doc, cv::trim(st.who_question)))
      helpers.push_back({{"member", h.member}, {"name", h.name}, {"reasons", h.reasons}});
  return {{"rows", rows}, {"helpers", helpers}};
}

cv::json threads_test_ui(const cv::Views& views, const ui::State& st) {
  cv::json list = cv::json::array();
  for (const cv::ThreadView& t : views.threads) {
    cv::json replies = cv::json::array();
    for (const cv::Reply& r : t.replies) replies.push_back({{"author", r.author}, {"body", r.body}});
    list.push_back({{"id", t.id}, {"title", t.title}, {"kind", t.kind}, {"author", t.author}, {"answered", t.answered},
                    {"mentions", t.mentions}, {"replies", replies}, {"new", cv::new_since(t, st.threads_seen_before)}});
  }
  return {{"open", st.threads_open}, {"fresh", st.threads_fresh}, {"list", list}};
}

cv::json network_test_ui(const ui::State& st) {
  const cv::Network& n = st.network;
  cv::json timeline = cv::json::array();
  for (const cv::DensityPoint& p : n.timeline) timeline.push_back({{"date", p.date}, {"ties", p.ties}, {"density", p.density}});
  cv::json intros = cv::json::array(), places = cv::json::array();
  for (const cv::Introduction& x : st.introductions)
    intros.push_back({{"helper", x.helper}, {"learner", x.learner}, {"reason", x.reason}});
  cv::json tied = cv::json::array();
  for (size_t i = 0; i < st.map_run.layout.at.size() && i < 200; ++i) {
    places.push_back({st.map_run.layout.at[i].x, st.map_run.layout.at[i].y});
    tied.push_back(i < st.map_ties_of.size() ? st.map_ties_of[i].size() : 0);
  }
  // Members in view of the last frame's map, counted by trying every one (what a frame avoids).
  const float* m = st.map_view;
  size_t in_view = 0;
  for (const cv::Point& p : st.map_run.layout.at) {
    const float x = m[4] + m[6] * static_cast<float>(p.x - 0.5), y = m[5] + m[6] * static_cast<float>(p.y - 0.5);
    in_view += x >= m[0] && y >= m[1] && x <= m[2] && y <= m[3];
  }
  return {{"key", st.network_key}, {"members", n.members.size()}, {"in_view", in_view}, {"read", st.map_read}, {"ties", n.ties.size()}, {"density", n.density},
          {"least", n.least}, {"timeline", timeline}, {"introductions", intros}, {"message", st.intro_message},
          {"layout", places}, {"tied", tied}, {"view", std::vector<float>(m, m + 7)}, {"placing", st.map_run.work != nullptr}, {"introductions_for", st.intro_key},
          {"drawn", st.map_drawn.size()}, {"reused", st.map_reused}, {"reading", st.network_run.work != nullptr}, {"finding", st.intro_run.work != nullptr}};
}

cv::json projects_test_ui(const ui::State& st) {
  cv::json list = cv::json::array();
  for (const cv::ProjectView& p : st.projects) {
    cv::json members = cv::json::array();
    for (const auto& [m, offer] : p.members) members.push_back({{"member", m}, {"offer", offer}});
    list.push_back({{"id", p.id}, {"title", p.title}, {"goal", p.goal}, {"needs", p.needs}, {"owner", p.owner}, {"done", p.done},
                    {"members", members}, {"threads", p.threads}});
  }
  const cv::CycleSummary& s = st.revisit;
  cv::json rows = cv::json::array();
  for (const cv::RatedObjective& r : s.rows)
    rows.push_back({{"objective", r.objective}, {"member", r.member}, {"rating", r.rating}, {"helped", r.helped}});
  return {{"open", st.project_open}, {"list", list},
          {"revisit", {{"cycle", s.cycle}, {"objectives", s.objectives}, {"rated", s.rated}, {"counts", s.counts},
                       {"not_rated", s.not_rated}, {"rows", rows}}}};
}

}  // namespace app
