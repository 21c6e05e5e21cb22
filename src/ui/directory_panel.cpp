// directory_panel.cpp: the Directory tab, who knows what between meetings. "Who can help with ..."
// ranks members with the reasons in words; the directory below filters by any word (accents
// folded), organisation and time zone; a member opens their page; the directory exports as a
// printable page and as vCards.
#include <algorithm>

#include "core/directory.h"
#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

namespace {

constexpr float kFilterWidth = 190;

// A filter combo over the distinct values of one field ("" for any).
void value_combo(const char* label, const char* any, const std::vector<std::string>& values, std::string& chosen) {
  ImGui::SetNextItemWidth(kFilterWidth);
  if (!begin_combo(label, chosen.empty() ? any : chosen.c_str(), ImGuiComboFlags_HeightLarge)) return;
  if (ui::selectable((std::string(any) + "##any").c_str(), chosen.empty())) chosen.clear();
  for (const std::string& v : values)
    if (ui::selectable((v + "##value").c_str(), v == chosen)) chosen = v;
  ImGui::EndCombo();
}

}  // namespace

void draw_directory_panel(const cv::Doc& doc, State& st, const Env& env, Output& out) {
  const cv::Views& v = *env.views;
  if (v.profiles.empty()) {
    ImGui::TextWrapped("Add members first: the directory is who knows what, and whom to call between meetings.");
    return;
  }
  // Who can help: the ranking is read again only when the question or the community changes.
  ui::heading("Who can help with...");
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##who-can-help", "A question or a topic: \"giving feedback\", \"budgets\"", &st.who_question);
  if (!cv::trim(st.who_question).empty()) {
    const auto& helpers = cv::views_helpers(v, doc, cv::trim(st.who_question));
    if (helpers.empty()) ImGui::TextDisabled("Nobody yet: no skill, topic or case in the community mentions it.");
    for (const cv::Helper& h : helpers) {
      ImGui::PushID(h.member.c_str());
      if (ui::small_button((shown(h.name) + "##helper").c_str())) st.detail_member = h.member;
      ImGui::SameLine();
      std::string why;
      for (const std::string& r : h.reasons) why += (why.empty() ? "" : "; ") + r;
      ImGui::TextWrapped("%s", why.c_str());
      ImGui::PopID();
    }
  }

  // The directory, filtered.
  ui::heading(("Directory (" + std::to_string(v.profiles.size()) + " members)").c_str());
  ImGui::SetNextItemWidth(std::min(320.0f, ImGui::GetContentRegionAvail().x * 0.4f));
  ImGui::InputTextWithHint("##directory-search", "Find: a name, a skill, an objective...", &st.directory_filter);
  same_line_if_fits(kFilterWidth);
  value_combo("##directory-org", "Any organisation", v.organisations, st.directory_org);
  same_line_if_fits(kFilterWidth);
  value_combo("##directory-tz", "Any time zone", v.time_zones, st.directory_tz);
  same_line_if_fits("Directory (printable)");
  if (ImGui::Button("Directory (printable)")) out.command(Command::ExportDirectoryHtml);
  same_line_if_fits("Directory (vCard)");
  if (ImGui::Button("Directory (vCard)")) out.command(Command::ExportDirectoryVcf);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A .vcf file: every member as a contact, for an address book.");

  // The rows that pass the filter, found again only when the filter or the community changes.
  const std::string key = std::to_string(v.revision) + '\x1f' + v.community + '\x1f' + st.directory_filter + '\x1f' +
                          st.directory_org + '\x1f' + st.directory_tz;
  if (key != st.directory_key) {
    st.directory_key = key;
    st.directory_rows.clear();
    for (size_t i = 0; i < v.profiles.size(); ++i)
      if (cv::profile_matches(v.profiles[i], st.directory_filter, st.directory_org, st.directory_tz))
        st.directory_rows.push_back(static_cast<int>(i));
    st.directory_lines.assign(st.directory_rows.size(), {});
  }
  if (st.directory_rows.empty()) {
    ImGui::TextDisabled("Nobody matches.");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ui::begin_table("directory", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Organisation", ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableSetupColumn("Where", ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableSetupColumn("Ask me about", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn("Skills", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(st.directory_rows.size()));
  while (clipper.Step())
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const cv::Profile& p = v.profiles[st.directory_rows[r]];
      auto& [where, skills] = st.directory_lines[r];
      if (where.empty() && skills.empty()) {  // first on screen since the rows were found (or both empty)
        where = p.place + (p.place.empty() || p.time_zone.empty() ? "" : " · ") + p.time_zone;
        for (const std::string& s : p.skills) skills += (skills.empty() ? "" : "; ") + s;
      }
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      // The name drawn (right to left as read) each frame: the mirror tells the name as written from it.
      const std::string name = (p.name.empty() ? std::string("(no name yet)") : p.name) +
                               (p.pronouns.empty() ? "" : " (" + p.pronouns + ")");
      if (ui::selectable((shown(name) + "##dir-" + p.id).c_str())) st.detail_member = p.id;
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.organisation.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(where.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.ask_me_about.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(skills.c_str());
    }
  ImGui::EndTable();
}

}  // namespace ui
