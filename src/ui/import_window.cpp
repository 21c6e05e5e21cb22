// import_window.cpp: the preview of an import (files or a link): what each file would add, change
// and remove, per record type, then "Merge into this community" or "Open as a new community".
// Files that cannot be read are listed with the reason; nothing changes until a button is pressed.
#include "core/registry.h"
#include "ui/ui.h"

namespace ui {

namespace {

// "members: 2 added; learning objectives: 3 added, 1 changed" (the registry's names).
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
    s += (s.empty() ? "" : "; ") + cv::plural_label(type) + ": " + part;
  }
  return s.empty() ? "nothing new" : s;
}

void error_text(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.05f, 1));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 520);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

// An invitation: what the community is, and one choice: answer it in this browser.
void draw_invitation(const World& w, Output& out) {
  const ImportFile* f = w.import_files.empty() ? nullptr : &w.import_files[0];
  if (!f || !f->error.empty() || !w.import_error.empty()) {
    ImGui::TextUnformatted("This invitation cannot be opened.");
    error_text(f && !f->error.empty() ? f->error : w.import_error);
    ImGui::TextWrapped("Nothing was changed. Ask the convener for a new invitation link.");
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape)) out.command(Command::ImportCancel);
    return;
  }
  ImGui::Text("You are invited to join %s", f->incoming_name.c_str());
  if (!w.invite_purpose.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 520);
    ImGui::TextDisabled("%s", w.invite_purpose.c_str());
    ImGui::PopTextWrapPos();
  }
  if (w.invite_guidelines) ImGui::Text("It has %d guidelines to read.", w.invite_guidelines);
  ImGui::TextWrapped("You will answer as a new member in this browser: what you want to learn, the problems you "
                     "bring, what you can offer. Nothing leaves this browser until you send your answers.");
  if (ImGui::Button("Answer the invitation")) out.command(Command::AnswerInvitation);
  same_line_if_fits("Not now");
  if (ImGui::Button("Not now") || ImGui::IsKeyPressed(ImGuiKey_Escape)) out.command(Command::ImportCancel);
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
  if (w.import_invitation) {
    draw_invitation(w, out);
    ImGui::EndPopup();
    return;
  }
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
  if (!w.import_error.empty()) {
    error_text("These cannot be merged into this community: " + w.import_error);
  } else {
    ImGui::Text("Together: %s", counts(w.import_diff).c_str());
    if (w.import_other)
      ImGui::TextDisabled("This is another community (\"%s\"): merging takes its records, not its name and purpose.",
                          w.import_other_name.c_str());
    if (ImGui::Button("Merge into this community")) out.command(Command::ImportMerge);
    same_line_if_fits("Open as a new community");
  }
  ImGui::BeginDisabled(w.import_mixed);
  if (ImGui::Button("Open as a new community")) out.command(Command::ImportAsNew);
  ImGui::EndDisabled();
  if (w.import_mixed && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("The files hold different communities: open them one at a time.");
  same_line_if_fits("Cancel");
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) out.command(Command::ImportCancel);
  ImGui::EndPopup();
}

}  // namespace ui
