// communities_window.cpp: every community kept in this browser: open, duplicate, move to the bin
// (with a confirmation), and the bin, from which a community comes back or is deleted for good.
#include "ui/ui.h"

namespace ui {

namespace {

// "Are you sure?" for `pending` (a community id): the command on yes, nothing on no or Escape.
void confirm(const char* title, const std::string& question, const char* detail, const char* yes,
             Command::Kind kind, std::string& pending, Output& out) {
  if (!pending.empty()) ImGui::OpenPopup(title);
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextUnformatted(question.c_str());
  ImGui::TextDisabled("%s", detail);
  const bool accept = ImGui::Button(yes);
  same_line_if_fits("Keep it");
  const bool cancel = ImGui::Button((std::string("Keep it##") + title).c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape);
  if (accept) out.command(kind, pending);
  if (accept || cancel) {
    pending.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void confirm_popups(const World& w, State& st, Output& out) {
  auto name_of = [&](const std::string& id) {
    for (const auto& e : w.communities)
      if (e.id == id) return e.name;
    return std::string("this community");
  };
  confirm("Move to bin?", "Move \"" + name_of(st.confirm_trash) + "\" to the bin?",
          "It stays in the bin until you restore it or delete it for good.", "Move to bin", Command::TrashCommunity,
          st.confirm_trash, out);
  confirm("Delete for good?", "Delete \"" + name_of(st.confirm_purge) + "\" for good?",
          "This cannot be undone. Export it first if anyone may need it.", "Delete for good", Command::PurgeCommunity,
          st.confirm_purge, out);
}

// The name and the date share what the buttons leave: the buttons' column is as wide as the buttons
// in one line, or half the window on a narrow screen (where they wrap).
void actions_column(std::initializer_list<const char*> buttons) {
  float w = 0;
  for (const char* b : buttons) w += ImGui::CalcTextSize(b).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
  ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableSetupColumn("when", ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableSetupColumn("actions", ImGuiTableColumnFlags_WidthFixed, std::min(w, ImGui::GetContentRegionAvail().x * 0.5f));
}

}  // namespace

void draw_communities_window(const cv::Doc& doc, const World& w, State& st, Output& out) {
  confirm_popups(w, st, out);
  if (!st.show_communities) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(std::min(620.0f, vp->WorkSize.x - 20), std::min(480.0f, vp->WorkSize.y - 40)),
                           ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::Begin("Communities", &st.show_communities, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  if (ImGui::Button("New community")) out.command(Command::NewCommunity);
  same_line_if_fits("Import files...");
  if (ImGui::Button("Import files...")) out.command(Command::ImportFiles);

  int in_bin = 0;
  ui::heading("In this browser");
  if (ui::begin_table("communities", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    actions_column({"Open", "Duplicate", "Move to bin"});
    for (const CommunityEntry& e : w.communities) {
      if (e.trashed_ms) {
        ++in_bin;
        continue;
      }
      ImGui::PushID(e.id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const bool open = e.id == doc.community.id;
      ImGui::TextUnformatted(e.name.empty() ? "Untitled community" : e.name.c_str());
      if (open) {
        ImGui::SameLine();
        ImGui::TextDisabled("(open)");
      }
      ImGui::TableNextColumn();
      ImGui::TextDisabled("saved %s, %s", human_age(e.saved_ms, w.now_ms).c_str(), human_bytes(double(e.bytes)).c_str());
      ImGui::TableNextColumn();
      ImGui::BeginDisabled(open);
      if (ui::small_button(("Open##" + e.id).c_str())) out.command(Command::OpenCommunity, e.id);  // findable per row
      ImGui::EndDisabled();
      same_line_if_fits("Duplicate");
      if (ui::small_button("Duplicate")) out.command(Command::DuplicateCommunity, e.id);
      same_line_if_fits("Move to bin");
      if (ui::small_button("Move to bin")) st.confirm_trash = e.id;
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (in_bin) {
    ui::heading("Bin");
    if (ui::begin_table("bin", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
      actions_column({"Restore", "Delete for good"});
      for (const CommunityEntry& e : w.communities) {
        if (!e.trashed_ms) continue;
        ImGui::PushID(e.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.name.empty() ? "Untitled community" : e.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextDisabled("in the bin since %s", human_age(e.trashed_ms, w.now_ms).c_str());
        ImGui::TableNextColumn();
        if (ui::small_button(("Restore##" + e.id).c_str())) out.command(Command::RestoreCommunity, e.id);
        same_line_if_fits("Delete for good");
        if (ui::small_button(("Delete for good##" + e.id).c_str())) st.confirm_purge = e.id;
        ImGui::PopID();
      }
      ImGui::EndTable();
    }
  }
  if (!w.recovery.empty()) {
    ui::heading("Recovery copies");
    ImGui::TextWrapped("Stored copies that could not be read when they were about to be replaced (damaged, or "
                       "written by another program). They are kept as they were: download one to look at it.");
    for (const RecoveryEntry& e : w.recovery) {
      ImGui::PushID(e.key.c_str());
      ImGui::Bullet();
      ImGui::TextUnformatted(e.name.empty() ? "Untitled community" : e.name.c_str());
      ImGui::Indent();
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("kept %s, %s: %s", human_age(e.at_ms, w.now_ms).c_str(), human_bytes(double(e.bytes)).c_str(),
                          e.reason.c_str());
      ImGui::PopTextWrapPos();
      if (ui::small_button("Download")) out.command(Command::DownloadRecovery, e.key);
      same_line_if_fits("Discard");
      if (ui::small_button("Discard")) out.command(Command::DropRecovery, e.key);
      ImGui::Unindent();
      ImGui::PopID();
    }
  }
  ImGui::End();
}

}  // namespace ui
