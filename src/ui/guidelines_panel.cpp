// guidelines_panel.cpp: the Guidelines tab (the list, why each matters, who acknowledged which
// version) and the guidelines a member reads and acknowledges in their invitation.
#include <algorithm>
#include <cmath>

#include "core/breakouts.h"
#include "core/format.h"
#include "core/meetings.h"
#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

void draw_guidelines_panel(const cv::Doc& doc, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  const auto list = cv::guidelines(c);
  ImGui::TextWrapped("Guidelines make the community a safe place to say what you do not know. Keep the defaults, "
                     "change them, or write your own; members acknowledge them, and a change asks again.");
  if (list.empty() && ImGui::Button("Start with the five defaults")) out.ops.push_back(cv::op_default_guidelines(c, env.new_id()));
  std::string edited;
  for (size_t i = 0; i < list.size(); ++i) {
    const cv::Guideline& g = list[i];
    ImGui::PushID(g.id.c_str());
    ImGui::Text("%zu.", i + 1);
    ImGui::SameLine();
    if (edit_text(("##guideline-" + g.id).c_str(), g.text, edited, "A guideline", ImGui::GetContentRegionAvail().x - 170))
      out.ops.push_back(cv::op_set("Edit a guideline", g.id, cv::f::guideline_text, cv::trim(edited)));
    ImGui::SameLine();
    ImGui::BeginDisabled(i == 0);
    if (ui::small_button("Up")) {
      const double before = i >= 2 ? list[i - 2].position : list[i - 1].position - 1;
      out.ops.push_back(cv::op_set("Move a guideline", g.id, cv::f::guideline_position, (before + list[i - 1].position) / 2));
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::small_button(("Remove##guideline-" + g.id).c_str())) out.ops.push_back(cv::op_delete("Remove a guideline", g.id, cv::kGuideline));
    ImGui::Indent(28);
    if (edit_text(("##why-" + g.id).c_str(), g.why, edited, "Why it matters", -FLT_MIN))
      out.ops.push_back(cv::op_set("Edit why", g.id, cv::f::guideline_why, cv::trim(edited)));
    ImGui::Unindent(28);
    ImGui::PopID();
  }
  if (input_and_add("##new-guideline", "Another guideline", st.new_guideline, "Add guideline")) {
    out.ops.push_back(cv::op_add_guideline(c, env.new_id(), st.new_guideline, ""));
    st.new_guideline.clear();
  }

  if (list.empty()) return;
  const auto acks = cv::acknowledgements(c);
  int current = 0;
  for (const auto& a : acks) current += a.state == cv::Acknowledgement::Current;
  ui::heading(("Acknowledged by " + std::to_string(current) + " of " + std::to_string(acks.size())).c_str());
  if (ui::begin_table("acks", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const auto& a : acks) {
      ImGui::PushID(a.member.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(shown(a.name).c_str());
      ImGui::TableNextColumn();
      if (a.state == cv::Acknowledgement::Current) ImGui::TextColored(kGood, "acknowledged");
      else if (a.state == cv::Acknowledgement::Earlier) ImGui::TextColored(kWarn, "acknowledged an earlier version");
      else ImGui::TextDisabled("not yet");
      ImGui::TableNextColumn();
      if (a.state != cv::Acknowledgement::Current && ui::small_button(("Acknowledge##" + a.member).c_str()))
        out.ops.push_back(cv::op_acknowledge(c, a.member));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
}

// The guidelines as a member reads them, with their own acknowledgement (the answers window).
void draw_guidelines_to_acknowledge(const cv::Doc& doc, const std::string& member, Output& out) {
  const cv::Community& c = doc.community;
  const auto list = cv::guidelines(c);
  if (list.empty()) return;
  ui::heading("How we learn together");
  for (const auto& g : list) {
    ImGui::BulletText("%s", g.text.c_str());
    if (!g.why.empty()) {
      ImGui::Indent();
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", g.why.c_str());
      ImGui::PopTextWrapPos();
      ImGui::Unindent();
    }
  }
  cv::Acknowledgement::State state = cv::Acknowledgement::None;
  for (const auto& a : cv::acknowledgements(c))
    if (a.member == member) state = a.state;
  if (state == cv::Acknowledgement::Current) {
    ImGui::TextColored(kGood, "You have acknowledged these guidelines.");
  } else {
    if (state == cv::Acknowledgement::Earlier) ImGui::TextColored(kWarn, "The guidelines changed since you acknowledged them.");
    if (ImGui::Button("I acknowledge the guidelines")) out.ops.push_back(cv::op_acknowledge(c, member));
  }
  ImGui::Spacing();
}

}  // namespace ui
