// app_window.cpp: the window that fills the page: menu bar, panels, status line, shortcuts.
#include "imgui_internal.h"
#include "ui/ui.h"

namespace ui {

namespace {

bool shortcut_mod() {
  const ImGuiIO& io = ImGui::GetIO();
  return io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl;
}

// Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo community edits; inside a text field they belong
// to the field.
void handle_shortcuts(Output& out) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || !shortcut_mod()) return;
  if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) out.commands.push_back(io.KeyShift ? Command::Redo : Command::Undo);
  else if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) out.commands.push_back(Command::Redo);
}

void draw_menu(const cv::Doc& doc, Output& out) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("Edit")) {
    const std::string undo = doc.undo_stack.empty() ? "Undo" : "Undo " + doc.undo_stack.back().label;
    const std::string redo = doc.redo_stack.empty() ? "Redo" : "Redo " + doc.redo_stack.back().label;
    const bool mac = ImGui::GetIO().ConfigMacOSXBehaviors;
    if (ImGui::MenuItem((undo + "###undo").c_str(), mac ? "Cmd+Z" : "Ctrl+Z", false, !doc.undo_stack.empty()))
      out.commands.push_back(Command::Undo);
    if (ImGui::MenuItem((redo + "###redo").c_str(), mac ? "Cmd+Shift+Z" : "Ctrl+Y", false, !doc.redo_stack.empty()))
      out.commands.push_back(Command::Redo);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::TextUnformatted("Cultivate: a workbench for communities of practice.");
    ImGui::TextDisabled("Everything stays in this browser until you share it.");
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

void draw_status(const cv::Doc& doc, const State& st) {
  ImGui::Separator();
  if (!st.status.empty()) {
    if (st.status_is_error) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));
    ImGui::TextUnformatted(st.status.c_str());
    if (st.status_is_error) ImGui::PopStyleColor();
  } else if (!doc.undo_stack.empty()) {
    ImGui::TextDisabled("Last change: %s", doc.undo_stack.back().label.c_str());
  } else {
    ImGui::TextDisabled("Ready.");
  }
}

}  // namespace

void apply_style() {
  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowPadding = ImVec2(14, 10);
  s.FramePadding = ImVec2(8, 5);
  s.ItemSpacing = ImVec2(10, 7);
  s.CellPadding = ImVec2(6, 4);
  s.FrameRounding = 4;
  s.GrabRounding = 4;
  s.PopupRounding = 4;
  s.ScrollbarSize = 14;
  s.WindowBorderSize = 0;
  s.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1);
  s.Colors[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.92f, 0.89f, 1);
  s.Colors[ImGuiCol_Button] = ImVec4(0.27f, 0.52f, 0.38f, 0.85f);
  s.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.27f, 0.58f, 0.41f, 1);
  s.Colors[ImGuiCol_ButtonActive] = ImVec4(0.20f, 0.44f, 0.31f, 1);
  s.Colors[ImGuiCol_Text] = ImVec4(0.10f, 0.11f, 0.10f, 1);
  s.Colors[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
  s.Colors[ImGuiCol_Header] = ImVec4(0.27f, 0.52f, 0.38f, 0.25f);
  s.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.27f, 0.52f, 0.38f, 0.35f);
  s.Colors[ImGuiCol_HeaderActive] = ImVec4(0.27f, 0.52f, 0.38f, 0.5f);
  s.Colors[ImGuiCol_TableRowBgAlt] = ImVec4(0.2f, 0.3f, 0.2f, 0.04f);
}

void draw_app(const cv::Doc& doc, State& st, const Env& env, Output& out) {
  handle_shortcuts(out);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("Cultivate", nullptr, flags);
  draw_menu(doc, out);

  const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float body_h = avail.y - status_h;
  if (avail.x >= 820) {
    // Wide: the community beside its members.
    const float left_w = std::max(300.0f, avail.x * 0.34f);
    ImGui::BeginChild("community", ImVec2(left_w, body_h), ImGuiChildFlags_None);
    draw_community_panel(doc, st, out);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("members", ImVec2(0, body_h), ImGuiChildFlags_None);
    draw_members_panel(doc, st, env, out);
    ImGui::EndChild();
  } else {
    // Narrow (a phone): one column that scrolls.
    ImGui::BeginChild("body", ImVec2(0, body_h), ImGuiChildFlags_None);
    draw_community_panel(doc, st, out);
    ImGui::BeginChild("members", ImVec2(0, std::max(320.0f, body_h * 0.8f)), ImGuiChildFlags_None);
    draw_members_panel(doc, st, env, out);
    ImGui::EndChild();
    ImGui::EndChild();
  }
  draw_status(doc, st);
  ImGui::End();
}

}  // namespace ui
