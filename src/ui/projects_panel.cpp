// projects_panel.cpp: what members do together between meetings, and how far each got.
//  [SECTION] The Projects tab: start a project, join it with what you bring, its threads
//  [SECTION] Objectives revisited (drawn in the Objectives tab): ratings, what helped, the next cycle
#include <algorithm>

#include "core/projects.h"
#include "core/text.h"
#include "core/threads.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

// [SECTION] The Projects tab ----------------------------------------------------------------------------

namespace {

void draw_project(const cv::ProjectView& p, State& st, const Env& env, Output& out) {
  const cv::Views& v = *env.views;
  ImGui::PushID(p.id.c_str());
  ImGui::TextWrapped("%s", p.title.c_str());
  ImGui::TextDisabled("Started by %s%s", shown_name(v, p.owner).c_str(), p.done ? ", finished" : "");
  std::string title = p.title, goal = p.goal, needs = p.needs;
  if (edit_text("Title##project-title-edit", p.title, title))
    out.ops.push_back(cv::op_set("Rename a project", p.id, cv::f::project_title, cv::trim(title)));
  if (edit_text("Goal##project-goal-edit", p.goal, goal, "What it wants to achieve"))
    out.ops.push_back(cv::op_set("Change a project's goal", p.id, cv::f::project_goal, cv::trim(goal)));
  if (edit_text("Needs##project-needs-edit", p.needs, needs, "What help it needs: a translator, a venue..."))
    out.ops.push_back(cv::op_set("Change what a project needs", p.id, cv::f::project_needs, cv::trim(needs)));
  bool done = p.done;
  if (ImGui::Checkbox("Finished##project-done", &done))
    out.ops.push_back(cv::op_set(done ? "Finish a project" : "Reopen a project", p.id, cv::f::project_done, done));

  ui::heading(("Who is in it (" + std::to_string(p.members.size()) + ")").c_str());
  bool in = false;
  for (const auto& [m, offer] : p.members) {
    in = in || m == st.acting_as;
    ImGui::BulletText("%s%s%s", shown_name(v, m).c_str(), offer.empty() ? "" : ": ", offer.c_str());
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  member_combo("##project-as", "Acting as " + shown_name(v, st.acting_as), v, st.acting_as, st.acting_as, "as-");
  const std::string hint = "What " + shown_name(v, st.acting_as) + " brings to it";
  if (input_and_add("##project-offer", hint.c_str(), st.project_offer, in ? "Change" : "Join")) {
    out.ops.push_back(cv::op_join_project(p.id, st.acting_as, st.project_offer));
    st.project_offer.clear();
  }
  if (in && st.acting_as != p.owner) {
    ImGui::SameLine();
    if (ImGui::Button("Leave##project-leave")) out.ops.push_back(cv::op_leave_project(p.id, st.acting_as));
  }

  ui::heading(("Threads about it (" + std::to_string(p.threads.size()) + ")").c_str());
  if (p.threads.empty()) ImGui::TextDisabled("Tag a thread with this project in the Threads tab to talk about it here.");
  for (const std::string& t : p.threads)
    if (auto it = v.thread_at.find(t); it != v.thread_at.end()) {
      const cv::ThreadView& tv = v.threads[it->second];
      ImGui::BulletText("%s (%s, %zu %s%s)", tv.title.c_str(), shown_name(v, tv.author).c_str(), tv.replies.size(),
                        tv.replies.size() == 1 ? "reply" : "replies", tv.answered ? ", answered" : "");
    }
  ImGui::PopID();
}

}  // namespace

void draw_projects_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  const cv::Views& v = *env.views;
  if (v.members.empty()) {
    ImGui::TextWrapped("Add members first: a project is something members do together between meetings.");
    return;
  }
  default_acting_as(w, v, st);
  const std::string key = std::to_string(v.revision) + '\x1f' + v.community;
  if (key != st.projects_key) {
    st.projects_key = key;
    st.projects = cv::projects(c);
    st.project_rows.clear();
    for (const cv::ProjectView& p : st.projects)
      st.project_rows.push_back(p.title + "  (" + std::to_string(p.members.size()) + (p.members.size() == 1 ? " member" : " members") +
                                (p.needs.empty() ? "" : ", needs help") + (p.done ? ", finished" : "") + ")###project-" + p.id);
  }
  begin_list_pane("project-list", 380, 0.42f);
  ui::heading("Start a project");
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##project-title", "A title: \"A glossary in four languages\"", &st.project_title);
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##project-goal", "The goal", &st.project_goal);
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##project-needs", "What help it needs", &st.project_needs);
  ImGui::BeginDisabled(cv::trim(st.project_title).empty());
  if (ImGui::Button(("Start it as " + shown_name(v, st.acting_as) + "###project-start").c_str())) {
    const std::string id = env.new_id();
    out.ops.push_back(cv::op_new_project(id, st.project_title, st.project_goal, st.project_needs, st.acting_as));
    st.project_open = id;
    st.project_title.clear();
    st.project_goal.clear();
    st.project_needs.clear();
  }
  ImGui::EndDisabled();
  ui::heading(("Projects (" + std::to_string(st.projects.size()) + ")").c_str());
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(st.projects.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const cv::ProjectView& p = st.projects[i];
      if (ui::selectable(st.project_rows[i].c_str(), st.project_open == p.id)) st.project_open = p.id;
    }
  ImGui::EndChild();
  begin_detail_pane("project");
  auto open = std::find_if(st.projects.begin(), st.projects.end(), [&](const cv::ProjectView& p) { return p.id == st.project_open; });
  if (open == st.projects.end())
    ImGui::TextWrapped("Pick a project on the left, or start one: a glossary, a joint workshop, a visit. Members join "
                       "with what they bring; threads tagged with it are its conversation.");
  else draw_project(*open, st, env, out);
  ImGui::EndChild();
}

// [SECTION] Objectives revisited -----------------------------------------------------------------------

bool rating_combo(const char* label, int rating, int& out) {
  bool changed = false;
  if (begin_combo(label, rating < 0 ? "not rated" : cv::kRatings[rating])) {
    for (int k = 0; k < 5; ++k)
      if (ui::selectable((std::string(cv::kRatings[k]) + "##rating-" + std::to_string(k)).c_str(), k == rating) && k != rating) {
        out = k;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

void draw_objectives_revisited(const cv::Doc& doc, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  const cv::Views& v = *env.views;
  const int now = cv::current_cycle(c);
  if (st.revisit_cycle > now) st.revisit_cycle = -1;
  const int cycle = st.revisit_cycle < 0 ? now : st.revisit_cycle;
  if (!ImGui::CollapsingHeader(("Objectives revisited: " + cv::cycle_label(now) + "###revisit").c_str())) return;
  const std::string key = std::to_string(v.revision) + '\x1f' + v.community + '\x1f' + std::to_string(cycle);
  if (key != st.revisit_key) {
    st.revisit_key = key;
    st.revisit = cv::cycle_summary(c, cycle);
  }
  const cv::CycleSummary& s = st.revisit;
  ImGui::TextWrapped("At the end of a cycle, each member rates how far they got with each objective and notes what "
                     "helped: in their answers, or here for them. Starting the next cycle sets aside what was achieved; "
                     "the rest carries on.");
  if (now > 0) {
    ImGui::SetNextItemWidth(160);
    if (begin_combo("##revisit-cycle", cv::cycle_label(cycle).c_str())) {
      for (int k = now; k >= 0; --k)
        if (ui::selectable((cv::cycle_label(k) + "##revisit-cycle-" + std::to_string(k)).c_str(), k == cycle))
          st.revisit_cycle = k == now ? -1 : k;
      ImGui::EndCombo();
    }
    ImGui::SameLine();
  }
  ImGui::TextUnformatted(cv::rated_line(s).c_str());
  if (!s.not_rated.empty()) {
    const std::string names = some_names(s.not_rated, [&](const std::string& id) { return shown_name(v, id); });
    ImGui::TextColored(kWarn, "Not rated yet: %s", names.c_str());
  }
  if (ImGui::Button("Summary (Markdown)##revisit-export")) out.command(Command::ExportCycleSummary, std::to_string(cycle));
  if (cycle == now) {
    ImGui::SameLine();
    if (ImGui::Button(("Start " + cv::cycle_label(now + 1) + "###next-cycle").c_str())) {
      out.ops.push_back(cv::op_next_cycle(c));
      out.status = "Started " + cv::cycle_label(now + 1) + ": " + std::to_string(s.counts[4]) +
                   " achieved objectives set aside, " + std::to_string(s.objectives - s.counts[4]) + " carry on.";
    }
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  const float h = std::min(ImGui::GetTextLineHeightWithSpacing() * (s.rows.size() + 2) + 20, 420.0f);
  if (!s.rows.empty() && ui::begin_table("revisit", 4, flags, ImVec2(0, h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Member", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Objective", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Progress", ImGuiTableColumnFlags_WidthFixed, 130);
    ImGui::TableSetupColumn("What helped", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.rows.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const cv::RatedObjective& r = s.rows[i];
        ImGui::PushID(r.objective.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(shown_name(v, r.member).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", r.text.c_str());
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        int rating = r.rating;
        if (rating_combo(("##rate-" + r.objective).c_str(), r.rating, rating))
          out.ops.push_back(cv::op_rate_objective(c, r.objective, cycle, rating, r.helped));
        ImGui::TableNextColumn();
        std::string helped;
        ImGui::BeginDisabled(r.rating < 0);
        if (edit_text(("##helped-" + r.objective).c_str(), r.helped, helped, r.rating < 0 ? "rate it first" : "What helped", -FLT_MIN))
          out.ops.push_back(cv::op_rate_objective(c, r.objective, cycle, r.rating, helped));
        ImGui::EndDisabled();
        ImGui::PopID();
      }
    ImGui::EndTable();
  }
}

}  // namespace ui
