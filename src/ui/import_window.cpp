// import_window.cpp: the preview of an import (files or a link): what each file would add, change
// and remove, per record type, then "Merge into this community" or "Open as a new community".
// Files that cannot be read are listed with the reason; nothing changes until a button is pressed.
#include "ui/ui.h"

namespace ui {

namespace {

std::string counts(const cv::Diff& d) {
  std::string s;
  for (const auto& [type, c] : d.by_type) {
    std::string part;
    auto add = [&](int n, const char* what) {
      if (n) part += (part.empty() ? "" : ", ") + std::to_string(n) + " " + what;
    };
    add(c.added, "added");
    add(c.changed, "changed");
    add(c.removed, "removed");
    if (part.empty()) continue;
    const std::string plural = type == "community" ? "community" : type + "s";
    s += (s.empty() ? "" : "; ") + plural + ": " + part;
  }
  return s.empty() ? "nothing new" : s;
}

}  // namespace

void draw_import_window(const World& w, Output& out) {
  if (!w.importing) return;
  if (!ImGui::IsPopupOpen("Import")) ImGui::OpenPopup("Import");
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(360.0f, vp->WorkSize.x - 20), 0),
                                      ImVec2(std::min(640.0f, vp->WorkSize.x - 20), vp->WorkSize.y - 40));
  if (!ImGui::BeginPopupModal("Import", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::Text("Import from %s", w.import_source.c_str());
  ImGui::Separator();
  int readable = 0;
  for (const ImportFile& f : w.import_files) {
    if (f.error.empty()) {
      ++readable;
      ImGui::BulletText("%s", f.name.c_str());
      ImGui::Indent();
      ImGui::TextDisabled("%s", counts(f.diff).c_str());
      ImGui::Unindent();
    } else {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.05f, 1));
      ImGui::BulletText("%s: not imported", f.name.c_str());
      ImGui::Indent();
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 520);
      ImGui::TextWrapped("%s", f.error.c_str());
      ImGui::PopTextWrapPos();
      ImGui::Unindent();
      ImGui::PopStyleColor();
    }
  }
  ImGui::Separator();
  if (readable == 0) {
    ImGui::TextWrapped("Nothing can be imported. Your community is unchanged.");
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape)) out.command(Command::ImportCancel);
    ImGui::EndPopup();
    return;
  }
  ImGui::Text("Together: %s", counts(w.import_diff).c_str());
  if (w.import_other)
    ImGui::TextDisabled("This is another community (\"%s\"): merging takes its records, not its name and purpose.",
                        w.import_other_name.c_str());
  if (ImGui::Button("Merge into this community")) out.command(Command::ImportMerge);
  ImGui::SameLine();
  ImGui::BeginDisabled(w.import_mixed);
  if (ImGui::Button("Open as a new community")) out.command(Command::ImportAsNew);
  ImGui::EndDisabled();
  if (w.import_mixed && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("The files hold different communities: open them one at a time.");
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) out.command(Command::ImportCancel);
  ImGui::EndPopup();
}

}  // namespace ui
