// members_panel.cpp: the people of the community: a table to add, edit, find and remove members.
#include <algorithm>

#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

namespace {

bool matches(const cv::Record& r, const std::string& filter) {
  if (cv::trim(filter).empty()) return true;
  for (const char* f : {"name", "contact", "notes"})
    if (cv::search_match(r.text(f), filter)) return true;
  return cv::search_match(join_roles(cv::get(r, cv::f::member_roles)), filter);
}

}  // namespace

void draw_members_panel(const cv::Doc&, State& st, const Env& env, Output& out) {
  const cv::Views& v = *env.views;
  const auto& members = v.members;
  // Who matches the search: found again when the community or the search changes, not every frame.
  static std::vector<std::pair<std::string, const cv::Record*>> shown;
  static std::string shown_filter, shown_focus, shown_community;
  static uint64_t shown_revision = 0;
  if (shown_revision != v.revision || shown_community != v.community || shown_filter != st.member_filter ||
      shown_focus != st.focus_record) {
    shown.clear();
    for (const auto& m : members)
      if (matches(*m.second, st.member_filter) || m.first == st.focus_record) shown.push_back(m);
    shown_revision = v.revision;
    shown_community = v.community;
    shown_filter = st.member_filter;
    shown_focus = st.focus_record;
  }

  ui::heading(members.empty() ? "Members" : ("Members (" + std::to_string(members.size()) + ")").c_str());
  if (ImGui::Button("Add member")) {
    const std::string id = env.new_id();
    cv::Op add = cv::op_new("Add member", id, cv::kMember);
    cv::put(add, id, cv::f::member_name, "");
    out.ops.push_back(add);
    st.focus_record = id;
    st.member_filter.clear();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(260.0f, ImGui::GetContentRegionAvail().x));
  ImGui::InputTextWithHint("##member-search", "Find a member", &st.member_filter);
  describe_last("Find a member", st.member_filter);

  if (members.empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped("No members yet. Add the people of your community: their names, how to reach them, and "
                       "the roles they take (presenter, book chooser, case bringer).");
    return;
  }
  if (shown.empty()) {
    ImGui::TextDisabled("No member matches \"%s\".", st.member_filter.c_str());
    return;
  }

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_NoBordersInBodyUntilResize | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  // A phone's width has room for the name and the buttons: contact, roles and notes are in Details.
  const bool narrow = ImGui::GetContentRegionAvail().x < kNarrow;
  if (!ui::begin_table("members", narrow ? 2 : 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  if (!narrow) {
    ImGui::TableSetupColumn("Contact", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Roles", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Notes", ImGuiTableColumnFlags_WidthStretch, 1.6f);
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("Details Remove").x + style.FramePadding.x * 4 + style.ItemSpacing.x +
                              style.CellPadding.x);
  ImGui::TableHeadersRow();

  int focus_index = -1;
  for (size_t i = 0; !st.focus_record.empty() && i < shown.size(); ++i)
    if (shown[i].first == st.focus_record) focus_index = static_cast<int>(i);

  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(shown.size()));
  if (focus_index >= 0) clipper.IncludeItemByIndex(focus_index);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const std::string& id = shown[i].first;
      const cv::Record& m = *shown[i].second;
      std::string edited;
      ImGui::PushID(id.c_str());
      ImGui::TableNextRow();

      ImGui::TableNextColumn();
      // Labels carry the member's id, so tests (and screen readers of the future) can tell rows apart;
      // kept from row to row, so a row allocates none.
      static std::string name_label, contact_label, roles_label, notes_label;
      name_label.assign("##name-").append(id), contact_label.assign("##contact-").append(id);
      roles_label.assign("##roles-").append(id), notes_label.assign("##notes-").append(id);
      if (i == focus_index) {
        ImGui::SetScrollHereY();
        focus_text(name_label.c_str());
        st.focus_record.clear();
      }
      if (edit_text(name_label.c_str(), cv::get(m, cv::f::member_name), edited, "Name", -FLT_MIN))
        out.ops.push_back(cv::op_set("Rename member", id, cv::f::member_name, cv::trim(edited)));
      if (!narrow) {
        ImGui::TableNextColumn();
        if (edit_text(contact_label.c_str(), cv::get(m, cv::f::member_contact), edited, "Email or phone", -FLT_MIN))
          out.ops.push_back(cv::op_set("Edit contact", id, cv::f::member_contact, cv::trim(edited)));
        ImGui::TableNextColumn();
        if (edit_text(roles_label.c_str(), join_roles(cv::get(m, cv::f::member_roles)), edited, "presenter, case bringer",
                      -FLT_MIN))
          out.ops.push_back(cv::op_set("Edit roles", id, cv::f::member_roles, split_roles(edited)));
        ImGui::TableNextColumn();
        if (edit_text(notes_label.c_str(), cv::get(m, cv::f::member_notes), edited, "Notes", -FLT_MIN))
          out.ops.push_back(cv::op_set("Edit notes", id, cv::f::member_notes, edited));
      }
      ImGui::TableNextColumn();
      if (ui::small_button("Details")) st.detail_member = id;
      ImGui::SameLine();
      if (ui::small_button("Remove")) {
        const std::string name = cv::get(m, cv::f::member_name).empty() ? "member" : cv::get(m, cv::f::member_name);
        out.ops.push_back(cv::op_delete("Remove " + name, id, cv::kMember));
        out.status = "Removed " + name + ". Undo brings them back (Ctrl+Z).";
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace ui
