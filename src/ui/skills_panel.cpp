// skills_panel.cpp: the skills that can serve a topic or a problem (who offered to present or lead
// first, and why they match), the community's skills, and wanted objectives no skill covers yet.
#include <algorithm>

#include "core/directory.h"
#include "core/getting_started.h"
#include "core/text.h"
#include "ui/ui.h"

namespace ui {

constexpr size_t kShownMatches = 30;
constexpr size_t kShownHolders = 12;  // names shown on a skill's line; the rest are counted

void draw_skills_panel(const cv::Doc& doc, State& st, const Env& env, Output&) {
  const cv::Community& c = doc.community;
  const cv::Views& v = *env.views;
  draw_regrouping(v);
  // For which topic or problem: the one picked with "Who can help", else the chosen topic.
  std::string target = st.match_for;
  if (!cv::find_live(c, target)) target = cv::get(*v.about, cv::f::community_first_topic);
  const cv::Record* t = cv::find_live(c, target);
  if (t) {
    const std::string text = t->type == cv::kTopic ? cv::get(*t, cv::f::topic_title) : cv::get(*t, cv::f::problem_text);
    ui::heading(("Who can help with \"" + text + "\"").c_str());
    const auto& matches = cv::views_skill_matches(
        v, doc, text + " " + (t->type == cv::kTopic ? cv::get(*t, cv::f::topic_description) : std::string()));
    if (matches.empty()) ImGui::TextDisabled("No member's skills match it yet.");
    // The best first; a topic many can help with shows the first ones.
    for (size_t i = 0; i < matches.size() && i < kShownMatches; ++i) {
      const cv::SkillMatch& m = matches[i];
      std::string why;
      for (const auto& w : m.why) why += (why.empty() ? "" : ", ") + w;
      ImGui::BulletText("%s", shown(m.name).c_str());
      ImGui::SameLine();
      if (!m.offer.empty()) {
        ImGui::TextColored(ImVec4(0.15f, 0.5f, 0.28f, 1), "would %s", m.offer.c_str());
        ImGui::SameLine();
      }
      ImGui::TextDisabled("offers \"%s\" (matches: %s)", m.skill.c_str(), why.c_str());
    }
    if (matches.size() > kShownMatches) ImGui::TextDisabled("and %zu more skills match", matches.size() - kShownMatches);
    // The directory's ranking (directory.h) adds who asked to be asked about it, presented it, or
    // helped with a case like it: the same answer as the Directory tab's "Who can help".
    const std::string owner = t->type == cv::kProblem ? cv::get(*t, cv::f::problem_member) : std::string();
    bool heading = false;
    for (const cv::Helper& h : cv::views_helpers(v, doc, text)) {
      const bool by_skill = std::any_of(matches.begin(), matches.end(), [&](const cv::SkillMatch& m) { return m.member == h.member; });
      if (by_skill || h.member == owner) continue;
      if (!heading) ImGui::TextDisabled("Also:");
      heading = true;
      std::string why;
      for (const std::string& r : h.reasons) why += (why.empty() ? "" : "; ") + r;
      ImGui::BulletText("%s", shown(h.name).c_str());
      ImGui::SameLine();
      ImGui::TextDisabled("%s", why.c_str());
    }
  } else {
    ImGui::TextDisabled("Pick \"Who can help\" on a topic or a problem, or choose a first topic.");
  }
  const cv::SkillsOverview& o = v.skills;
  ui::heading("Skills in the community");
  if (o.skills.empty()) ImGui::TextDisabled("No skills yet: add them per member (Members > Details).");
  // Long lists scroll in their own region, drawn a screenful at a time.
  const float h = ImGui::GetContentRegionAvail().y;
  if (!o.skills.empty() && begin_child("skills-list", ImVec2(0, std::max(120.0f, h * 0.55f)))) {
    // How many hold a skill comes first, then as many names as fit the width, cut between names; a
    // screen reader is told the line whole. Written once per change of the overview or the width.
    const float room = ImGui::GetContentRegionAvail().x;
    const std::string key = std::to_string(v.revision) + '\x1f' + v.community + (v.busy ? "\x1f" "busy\x1f" : "\x1f") +
                            std::to_string(room) + '\x1f' + std::to_string(ImGui::GetFontSize());
    if (key != st.skill_lines_key) {
      st.skill_lines_key = key;
      st.skill_who.clear();
      st.skill_said.clear();
      const float before = ImGui::GetTreeNodeToLabelSpacing(), gap = ImGui::GetStyle().ItemSpacing.x;
      const float more = ImGui::CalcTextSize(", ...").x;
      for (const auto& e : o.skills) {
        const size_t n = e.members.size();
        const std::string count = std::to_string(n) + (n == 1 ? " member: " : " members: ");
        const std::string all = some_names(e.members, [](const std::string& name) { return name; }, kShownHolders);
        std::string who = count + all;
        const float fits = room - before - ImGui::CalcTextSize(e.label.c_str()).x - gap;
        if (ImGui::CalcTextSize(who.c_str()).x > fits) {
          // The names that fit whole, with room for ", ..." after them.
          float at = ImGui::CalcTextSize(count.c_str()).x;
          size_t k = 0;
          for (who = count; k < n && k < kShownHolders; ++k) {
            const std::string name = (k ? ", " : "") + e.members[k];
            const float w = ImGui::CalcTextSize(name.c_str()).x;
            if (k > 0 && at + w + more > fits) break;
            who += name;
            at += w;
          }
          if (k < n) who += ", ...";
        }
        st.skill_said.push_back(e.label + ", " + count + all);
        st.skill_who.push_back(cv::needs_visual(who) ? cv::visual(who) : std::move(who));  // right-to-left names as read
      }
    }
    const ImVec4 dim = ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(o.skills.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        ImGui::Bullet();
        ImGui::TextUnformatted(shown(o.skills[i].label).c_str());
        describe_text(st.skill_said[i]);
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, dim);
        ImGui::TextUnformatted(st.skill_who[i].c_str());
        ImGui::PopStyleColor();
      }
  }
  if (!o.skills.empty()) ImGui::EndChild();
  ui::heading("Wanted, and no member's skill covers it yet");
  if (o.uncovered.empty()) ImGui::TextDisabled("Every objective has someone who can help.");
  else if (begin_child("uncovered-list", ImVec2(0, 0))) {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(o.uncovered.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) ImGui::BulletText("%s", o.uncovered[i].c_str());
  }
  if (!o.uncovered.empty()) ImGui::EndChild();
}

}  // namespace ui
