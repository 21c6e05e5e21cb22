// skills_panel.cpp: the skills that can serve a topic or a problem (who offered to present or lead
// first, and why they match), the community's skills, and wanted objectives no skill covers yet.
#include "core/getting_started.h"
#include "ui/ui.h"

namespace ui {

void draw_skills_panel(const cv::Doc& doc, State& st, Output&) {
  const cv::Community& c = doc.community;
  // For which topic or problem: the one picked with "Who can help", else the chosen topic.
  std::string target = st.match_for;
  if (!cv::find_live(c, target)) target = cv::get(cv::community_record(c), cv::f::community_first_topic);
  const cv::Record* t = cv::find_live(c, target);
  if (t) {
    const std::string text = t->type == cv::kTopic ? cv::get(*t, cv::f::topic_title) : cv::get(*t, cv::f::problem_text);
    ImGui::SeparatorText(("Who can help with \"" + text + "\"").c_str());
    const auto matches =
        cv::skill_matches(c, text + " " + (t->type == cv::kTopic ? cv::get(*t, cv::f::topic_description) : std::string()));
    if (matches.empty()) ImGui::TextDisabled("No member's skills match it yet.");
    for (const auto& m : matches) {
      std::string why;
      for (const auto& w : m.why) why += (why.empty() ? "" : ", ") + w;
      ImGui::BulletText("%s", m.name.c_str());
      ImGui::SameLine();
      if (!m.offer.empty()) {
        ImGui::TextColored(ImVec4(0.15f, 0.5f, 0.28f, 1), "would %s", m.offer.c_str());
        ImGui::SameLine();
      }
      ImGui::TextDisabled("offers \"%s\" (matches: %s)", m.skill.c_str(), why.c_str());
    }
  } else {
    ImGui::TextDisabled("Pick \"Who can help\" on a topic or a problem, or choose a first topic.");
  }
  const cv::SkillsOverview o = cv::skills_overview(c);
  ImGui::SeparatorText("Skills in the community");
  if (o.skills.empty()) ImGui::TextDisabled("No skills yet: add them per member (Members > Details).");
  for (const auto& e : o.skills) {
    std::string who;
    for (const auto& m : e.members) who += (who.empty() ? "" : ", ") + m;
    ImGui::BulletText("%s", e.label.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", who.c_str());
  }
  ImGui::SeparatorText("Wanted, and no member's skill covers it yet");
  if (o.uncovered.empty()) ImGui::TextDisabled("Every objective has someone who can help.");
  for (const auto& u : o.uncovered) ImGui::BulletText("%s", u.c_str());
}

}  // namespace ui
