// cases_panel.cpp: the Cases tab, the community's case library. A member brings a case (the question
// first, then the situation), possibly without their name; everyone notes questions and suggestions;
// the bringer says what they tried and what happened; a case exports as a page to share.
#include <algorithm>

#include "core/cases.h"
#include "core/meetings.h"
#include "core/views.h"
#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

namespace {

void draw_bring(State& st, const Env& env, Output& out) {
  CaseDraft& d = st.case_draft;
  const cv::Views& v = *env.views;
  if (d.bringer.empty() && !v.members.empty()) d.bringer = v.members[0].first;
  ui::heading("Bring a case");
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##case-title", "A short title: \"The silent retro\"", &d.title);
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##case-question", "The question you want help with", &d.question);
  ImGui::InputTextMultiline("##case-context", &d.context, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3.5f));
  ImGui::SetNextItemWidth(220);
  member_combo("##case-bringer", "Brought by " + shown_name(v, d.bringer), v, d.bringer, d.bringer, "bringer-");
  ImGui::Checkbox("Share without my name##case-anonymous", &d.anonymous);
  ImGui::BeginDisabled(cv::trim(d.title).empty() || d.bringer.empty());
  if (ImGui::Button("Bring the case")) {
    const std::string id = env.new_id();
    out.ops.push_back(cv::op_bring_case(id, d.bringer, cv::trim(d.title), cv::trim(d.question), cv::trim(d.context), d.anonymous));
    st.case_open = id;
    d = CaseDraft{};
  }
  ImGui::EndDisabled();
}

void draw_case(const cv::Community& c, const World& w, const cv::CaseView& k, State& st, const Env& env, Output& out) {
  const cv::Views& v = *env.views;
  std::string edited;
  ImGui::PushID(k.id.c_str());
  if (edit_text("##open-title", k.title, edited, "Title", -FLT_MIN))
    out.ops.push_back(cv::op_set("Rename a case", k.id, cv::f::case_title, cv::trim(edited)));
  ImGui::TextDisabled("Brought by %s", cv::case_bringer_shown(c, k).c_str());
  if (k.anonymous) {
    ImGui::SameLine();
    ImGui::TextDisabled("(shared without the name: exports leave it out)");
  }
  ImGui::SetNextItemWidth(160);
  if (begin_combo("##case-status", ("Status: " + k.status).c_str())) {
    for (const char* s : cv::kCaseStatuses)
      if (ui::selectable((std::string(s) + "##status").c_str(), k.status == s) && k.status != s)
        out.ops.push_back(cv::op_set("Set the case's status", k.id, cv::f::case_status, std::string(s)));
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  bool anonymous = k.anonymous;
  if (ImGui::Checkbox("Without the bringer's name##open-anonymous", &anonymous))
    out.ops.push_back(cv::op_set("Share a case without the name", k.id, cv::f::case_anonymous, anonymous));
  ImGui::TextUnformatted("The question");
  if (edit_text("##open-question", k.question, edited, "What do you want help with?", -FLT_MIN))
    out.ops.push_back(cv::op_set("Edit a case", k.id, cv::f::case_question, cv::trim(edited)));
  ImGui::TextUnformatted("The situation");
  if (edit_text("##open-context", k.context, edited, "What is going on", -FLT_MIN, true, ImGui::GetTextLineHeight() * 3.5f))
    out.ops.push_back(cv::op_set("Edit a case", k.id, cv::f::case_context, edited));

  // Where it came up, and a meeting to add.
  std::string came;
  for (const std::string& m : k.meetings)
    if (const cv::Record* r = cv::find_live(c, m)) came += (came.empty() ? "" : "; ") + cv::get(*r, cv::f::meeting_date) + " " + cv::get(*r, cv::f::meeting_title);
  ImGui::TextDisabled("Came up in: %s", came.empty() ? "no meeting yet" : came.c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(200);
  if (begin_combo("##case-meeting", "It came up in...", ImGuiComboFlags_HeightLarge)) {
    const auto& list = v.meetings;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
        if (ui::selectable((list[i].date + " " + list[i].title + "##came-" + list[i].id).c_str()))
          out.ops.push_back(cv::op_case_came_up(c, k.id, list[i].id));
    ImGui::EndCombo();
  }

  // Questions first, then suggestions: one record each, noted by whoever is at the keyboard.
  ui::heading("Questions and suggestions");
  for (const cv::CaseNote& n : k.notes)
    if (n.kind == "question") ImGui::BulletText("Q: %s", n.text.c_str());
  for (const cv::CaseNote& n : k.notes)
    if (n.kind != "question") ImGui::BulletText("Suggestion: %s%s", n.text.c_str(), n.will_try ? "  (will try)" : "");
  if (ImGui::RadioButton("Question##note-kind", st.case_note_question)) st.case_note_question = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("Suggestion##note-kind", !st.case_note_question)) st.case_note_question = false;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(180);
  member_combo("##note-by", st.case_note_by.empty() ? "By: not noted" : "By " + shown_name(v, st.case_note_by), v,
               st.case_note_by, st.case_note_by, "note-by-");
  if (input_and_add("##case-note", st.case_note_question ? "A question that helps the bringer see the problem"
                                                         : "A suggestion",
                    st.case_note, "Note it"))
  {
    out.ops.push_back(cv::op_case_note(env.new_id(), k.id, st.case_note_by, st.case_note_question ? "question" : "suggestion",
                                       st.case_note, w.now_ms));
    st.case_note.clear();
  }
  ui::heading("Afterwards");
  ImGui::TextUnformatted("What the bringer tried");
  if (edit_text("##open-tried", k.tried, edited, "What I tried", -FLT_MIN))
    out.ops.push_back(cv::op_set("Note what was tried", k.id, cv::f::case_tried, cv::trim(edited)));
  ImGui::TextUnformatted("What happened");
  if (edit_text("##open-outcome", k.outcome, edited, "What happened (asked at the next meeting)", -FLT_MIN))
    out.ops.push_back(cv::op_set("Note what happened", k.id, cv::f::case_outcome, cv::trim(edited)));
  if (ImGui::Button("Case (Markdown)")) out.command(Command::ExportCaseMarkdown, k.id);
  ImGui::SameLine();
  if (ImGui::Button("Case (printable)")) out.command(Command::ExportCaseHtml, k.id);
  ImGui::SameLine();
  if (ImGui::Button("Remove the case")) {
    out.ops.push_back(cv::op_delete("Remove a case", k.id, cv::kCase));
    out.status = "Removed the case " + k.title + ". Undo brings it back (Ctrl+Z).";
  }
  ImGui::PopID();
}

}  // namespace

void case_picker(const cv::Views& v, const cv::Block& b, Output& out) {
  auto at = v.case_at.find(b.case_id);
  const std::string preview = at == v.case_at.end() ? std::string("Pick a case...") : "Case: " + v.cases[at->second].title;
  if (!begin_combo(("##case-pick-" + b.id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) return;
  if (v.cases.empty()) ImGui::TextDisabled("No cases yet: members bring them in the Cases tab.");
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(v.cases.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const cv::CaseView& k = v.cases[i];
      const std::string label = k.title + "  (" + k.status + ")##pick-" + k.id;
      if (ui::selectable(label.c_str(), k.id == b.case_id) && k.id != b.case_id) out.ops.push_back(cv::op_pick_case(b, k));
    }
  ImGui::EndCombo();
}

void draw_follow_ups(const cv::Community& c, const cv::Views& v, const std::string& meeting) {
  for (const cv::CaseView& k : cv::views_follow_ups(v, c, meeting)) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", cv::follow_up_line(c, k).c_str());
  }
}

void draw_cases_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  if (env.views->members.empty()) {
    ImGui::TextWrapped("Add members first: cases are real situations members bring for the others' help.");
    return;
  }
  const std::vector<cv::CaseView>& list = env.views->cases;
  begin_list_pane("case-list", 340, 0.38f);
  draw_bring(st, env, out);
  ui::heading(("The library (" + std::to_string(list.size()) + ")").c_str());
  if (list.empty()) ImGui::TextDisabled("No cases yet.");
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(list.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const cv::CaseView& k = list[i];
      const std::string label = k.title + "  (" + k.status + ", " + cv::case_bringer_shown(c, k) + ")##case-" + k.id;
      if (ui::selectable(label.c_str(), st.case_open == k.id)) st.case_open = k.id;
    }
  ImGui::EndChild();
  begin_detail_pane("case");
  auto open = env.views->case_at.find(st.case_open);
  if (open == env.views->case_at.end())
    ImGui::TextWrapped("Pick a case on the left, or bring one. Ask questions first; suggestions come later.");
  else
    draw_case(c, w, list[open->second], st, env, out);
  ImGui::EndChild();
}

}  // namespace ui
