// app_window.cpp: the window that fills the page: menu bar, panels, status line, shortcuts.
#include <cmath>
#include <cstdio>

#include "core/format.h"
#include "core/getting_started.h"
#include "imgui_internal.h"
#include "ui/ui.h"

namespace ui {

namespace {

bool shortcut_mod() {
  const ImGuiIO& io = ImGui::GetIO();
  return io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl;
}

// Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo community edits (inside a text field they belong to
// the field); Ctrl+S saves a file, Ctrl+O imports.
void handle_shortcuts(Output& out) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || !shortcut_mod()) return;
  if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) out.command(io.KeyShift ? Command::Redo : Command::Undo);
  else if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) out.command(Command::Redo);
  else if (ImGui::IsKeyPressed(ImGuiKey_S, false)) out.command(Command::ExportFile);
  else if (ImGui::IsKeyPressed(ImGuiKey_O, false)) out.command(Command::ImportFiles);
}

void draw_menu(const cv::Doc& doc, const World& w, State& st, Output& out) {
  if (!ImGui::BeginMenuBar()) return;
  // Menus and their items are selectable rows, as tall as the text and the spacing around it: on a
  // touch screen that spacing makes them 44 pixels tall.
  const ImGuiStyle& style = ImGui::GetStyle();
  if (touch_sized())
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, ImGui::GetFrameHeight() - ImGui::GetFontSize()));
  const bool mac = ImGui::GetIO().ConfigMacOSXBehaviors;
  if (ImGui::BeginMenu("Community")) {
    if (ImGui::MenuItem("New community")) out.command(Command::NewCommunity);
    if (ImGui::MenuItem("Communities...")) st.show_communities = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Rename")) st.focus_name = true;
    if (ImGui::MenuItem("Copy invitation link")) out.command(Command::CopyInviteLink);
    if (ImGui::MenuItem("Connect to a Matrix room...")) st.live_open = true;
    if (ImGui::MenuItem("Duplicate")) out.command(Command::DuplicateCommunity, doc.community.id);
    if (ImGui::MenuItem("Move to bin...")) st.confirm_trash = doc.community.id;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    const std::string undo = doc.undo_stack.empty() ? "Undo" : "Undo " + doc.undo_stack.back().label;
    const std::string redo = doc.redo_stack.empty() ? "Redo" : "Redo " + doc.redo_stack.back().label;
    if (ImGui::MenuItem((undo + "###undo").c_str(), mac ? "Cmd+Z" : "Ctrl+Z", false, !doc.undo_stack.empty()))
      out.command(Command::Undo);
    if (ImGui::MenuItem((redo + "###redo").c_str(), mac ? "Cmd+Shift+Z" : "Ctrl+Y", false, !doc.redo_stack.empty()))
      out.command(Command::Redo);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Share")) {
    if (ImGui::MenuItem("Export file", mac ? "Cmd+S" : "Ctrl+S")) out.command(Command::ExportFile);
    if (ImGui::MenuItem("Import files...", mac ? "Cmd+O" : "Ctrl+O")) out.command(Command::ImportFiles);
    if (ImGui::MenuItem("Import a sign-up sheet (CSV)...")) out.command(Command::ImportCsv);
    ImGui::Separator();
    if (ImGui::MenuItem("Copy share link")) out.command(Command::ShareLink);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::BeginMenu("Text size")) {
      for (int pct = 100; pct <= 200; pct += 25) {
        const std::string label = std::to_string(pct) + "%";
        if (ImGui::MenuItem(label.c_str(), nullptr, static_cast<int>(std::lround(w.text_size * 100)) == pct))
          out.command(Command::SetTextSize, std::to_string(pct / 100.0));
      }
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("High contrast", nullptr, w.high_contrast)) out.command(Command::ToggleContrast);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::TextUnformatted("Cultivate: a workbench for communities of practice.");
    ImGui::TextDisabled("Everything stays in this browser until you share it:");
    ImGui::TextDisabled("Share > Export file, or Share > Copy share link.");
    ImGui::TextDisabled("Drop files on the page to import them.");
    ImGui::EndMenu();
  }
  if (touch_sized()) ImGui::PopStyleVar();
  ImGui::EndMenuBar();
}

// A failed save stays on screen until a save succeeds: the community is safe in memory meanwhile.
void draw_save_banner(const World& w, Output& out) {
  if (w.update_ready) {
    // A new version installed itself: the person chooses when to reload (edits are stored first).
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.86f, 0.93f, 0.88f, 1));
    begin_child("update-banner", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + 12), ImGuiChildFlags_Border);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("A new version of Cultivate is ready.");
    ImGui::SameLine();
    if (ImGui::Button("Reload")) out.command(Command::Reload);
    ImGui::EndChild();
    ImGui::PopStyleColor();
  }
  if (w.save_error.empty() && w.storage_ok && w.save_blocked.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.98f, 0.88f, 0.85f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.05f, 0.02f, 1));
  const float h = ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetFrameHeightWithSpacing() + 12;
  begin_child("save-banner", ImVec2(0, h), ImGuiChildFlags_Border);
  if (!w.storage_ok) {
    ImGui::TextWrapped("This browser does not let Cultivate keep data (%s). Your community lives in this tab only: "
                       "export it before you close the tab.", w.storage_error.c_str());
  } else if (!w.save_blocked.empty()) {
    ImGui::TextWrapped("Not saved: %s", w.save_blocked.c_str());
  } else {
    ImGui::TextWrapped("Saving failed: %s. Nothing is lost: your community is kept in this tab. "
                       "Export it to be safe, or free some space.", w.save_error.c_str());
  }
  ImGui::PopStyleColor();
  if (ImGui::Button("Export now")) out.command(Command::ExportFile);
  if (w.storage_ok && w.save_blocked.empty()) {
    same_line_if_fits("Retry now");
    if (ImGui::Button("Retry now")) out.command(Command::RetrySave);
    if (w.retry_at_ms > w.now_ms) {
      ImGui::SameLine();
      ImGui::TextDisabled("Retrying in %d s", static_cast<int>((w.retry_at_ms - w.now_ms + 999) / 1000));
    }
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void draw_status(const cv::Doc& doc, const World& w, State& st) {
  ImGui::Separator();
  // The status line is announced to screen readers when it changes (describe: announce_status).
  std::string said;
  if (!st.status.empty()) {
    // An error is not told by its colour alone: it says so in words first.
    said = st.status_is_error && st.status.rfind("Error", 0) != 0 ? "Error: " + st.status : st.status;
    if (st.status_is_error) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));
    ImGui::TextUnformatted(shown(said).c_str());  // drawn in display order; announced as written
    if (st.status_is_error) ImGui::PopStyleColor();
  } else if (!w.fetching.empty()) {
    said = "Fetching " + w.fetching + " ...";
    ImGui::TextDisabled("%s", shown(said).c_str());
  } else if (!doc.undo_stack.empty()) {
    said = "Last change: " + doc.undo_stack.back().label;
    ImGui::TextDisabled("%s", shown(said).c_str());
  } else {
    said = "Ready.";
    ImGui::TextDisabled("Ready.");
  }
  if (announce_status) announce_status(said);
  // What follows on the right starts after the status text (in window coordinates), never over it.
  const float free_from = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x * 3;
  const float right_end = ImGui::GetWindowContentRegionMax().x;
  // Right side: where the data is, with the details a click away.
  std::string where = !w.storage_ok ? "Not stored in this browser"
                      : !w.save_error.empty() || !w.save_blocked.empty() ? "Not saved"
                      : w.dirty || w.saving ? "Saving..."
                      : "Saved in this browser";
  const std::string where_short = where;  // when the details do not fit
  if (w.storage_ok && w.persisted >= 0) where += w.persisted ? " · persistent storage" : " · storage may be cleared";
  if (w.quota > 0) where += " · " + human_bytes(w.usage) + " of " + human_bytes(w.quota);
  // The room's sync, when the community is connected to one, at the right edge: a click shows it.
  // The storage's word changes with every save ("Saving...", then the details), so it stands to the
  // room's left, and the room's button never moves under the pointer.
  float storage_end = right_end;
  if (w.live.phase != 0) {
    const std::string room = "Matrix room: " + w.live.status + "##live-status";
    const float room_w = ImGui::CalcTextSize(room.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    if (right_end - room_w > free_from) {
      ImGui::SameLine(right_end - room_w);
      ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
      if (w.live.phase != 5) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      else ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));
      if (ui::small_button(room.c_str())) st.live_open = true;
      ImGui::PopStyleColor(2);
      storage_end = right_end - room_w - ImGui::GetStyle().ItemSpacing.x;
    }
  }
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  if (storage_end - (ImGui::CalcTextSize(where.c_str()).x + pad.x * 2) < free_from) where = where_short;
  const std::string label = where + "##storage";
  const float width = ImGui::CalcTextSize(where.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
  if (storage_end - width > free_from) {
    ImGui::SameLine(storage_end - width);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (ui::small_button(label.c_str())) ImGui::OpenPopup("storage-details");
    ImGui::PopStyleColor(2);
  }
  if (ImGui::BeginPopup("storage-details")) {
    ImGui::TextUnformatted("Your communities are kept in this browser's storage (IndexedDB).");
    if (w.persisted == 1) ImGui::TextUnformatted("The browser granted persistent storage: it will not clear it on its own.");
    else if (w.persisted == 0)
      ImGui::TextWrapped("The browser did not grant persistent storage: under pressure for space it may clear it. "
                         "Export your communities from time to time (Share > Export file).");
    if (w.quota > 0) ImGui::Text("Used: %s of %s available.", human_bytes(w.usage).c_str(), human_bytes(w.quota).c_str());
    if (w.last_saved_ms) ImGui::Text("Last saved: %s.", human_age(w.last_saved_ms, w.now_ms).c_str());
    ImGui::EndPopup();
  }
}

// The member whose intake (objectives, problems, skills...) the convener is filling in.
void draw_member_window(const cv::Doc& doc, State& st, const Env& env, Output& out) {
  if (st.detail_member.empty()) return;
  const cv::Record* m = cv::find_live(doc.community, st.detail_member);
  if (!m) {
    st.detail_member.clear();
    return;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(std::min(620.0f, vp->WorkSize.x - 20), std::min(700.0f, vp->WorkSize.y - 40)),
                           ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  bool open = true;
  const std::string name = cv::get(*m, cv::f::member_name);
  const std::string title = (name.empty() ? std::string("New member") : name) + "###member-details";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    // What they brought scrolls; Done stays in view below it.
    begin_child("member-intake", ImVec2(0, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() - 4));
    draw_member_intake(doc, st.detail_member, false, st, env, out);
    ImGui::EndChild();
    // Every edit is already kept; Done (or Escape) only closes the window.
    if (ImGui::Button("Done##member-details") ||
        (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGuiKey_Escape) &&
         !ImGui::GetIO().WantTextInput))
      open = false;
  }
  ImGui::End();
  if (!open) st.detail_member.clear();
}

void draw_save_banner_window(const World& w, Output& out) {
  if (w.save_error.empty() && w.storage_ok && w.save_blocked.empty() && !w.update_ready) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y), ImGuiCond_Always, ImVec2(0, 1));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, 0));
  ImGui::Begin("##save-problem", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
  draw_save_banner(w, out);
  ImGui::End();
}

}  // namespace

void apply_style(bool high_contrast, bool touch) {
  set_touch_sized(touch);
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();  // from the defaults: high contrast turned off leaves nothing of itself
  ImGui::StyleColorsLight(&s);
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
  s.Colors[ImGuiCol_TableHeaderBg] = ImVec4(0.85f, 0.90f, 0.86f, 1);
  s.Colors[ImGuiCol_PopupBg] = ImVec4(0.99f, 0.99f, 0.98f, 1);
  if (touch) {  // a fingertip: frames 16 + 2 x 14 = 44 pixels tall, and room between them
    s.FramePadding = ImVec2(12, 14);
    s.ItemSpacing = ImVec2(12, 10);
    s.ItemInnerSpacing = ImVec2(10, 8);
    s.ScrollbarSize = 22;
    s.GrabMinSize = 22;
  }
  if (!high_contrast) return;
  // High contrast: black on white; every frame, button and window outlined; what is disabled or a
  // hint still dark enough to read (at least 7:1); the focus and selection marked by a thick outline
  // and a strong colour, not a tint.
  const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), grey(0.30f, 0.30f, 0.30f, 1), blue(0.0f, 0.25f, 0.65f, 1),
      light_blue(0.80f, 0.87f, 1.0f, 1), lighter_blue(0.90f, 0.94f, 1.0f, 1);
  s.FrameBorderSize = 1;
  s.WindowBorderSize = 1;
  s.PopupBorderSize = 2;
  s.TabBorderSize = 1;
  for (ImVec4& c : s.Colors) c = white;
  for (ImGuiCol c : {ImGuiCol_Text, ImGuiCol_Border, ImGuiCol_CheckMark, ImGuiCol_SliderGrab, ImGuiCol_Separator,
                     ImGuiCol_PlotLines, ImGuiCol_PlotHistogram, ImGuiCol_ScrollbarGrab, ImGuiCol_TableBorderStrong,
                     ImGuiCol_TableBorderLight, ImGuiCol_ResizeGrip})
    s.Colors[c] = black;
  s.Colors[ImGuiCol_TextDisabled] = grey;
  for (ImGuiCol c : {ImGuiCol_ButtonHovered, ImGuiCol_FrameBgHovered, ImGuiCol_HeaderHovered, ImGuiCol_TabHovered,
                     ImGuiCol_ScrollbarGrabHovered})
    s.Colors[c] = lighter_blue;
  for (ImGuiCol c : {ImGuiCol_ButtonActive, ImGuiCol_FrameBgActive, ImGuiCol_HeaderActive, ImGuiCol_Header, ImGuiCol_TabActive,
                     ImGuiCol_TextSelectedBg, ImGuiCol_ScrollbarGrabActive})
    s.Colors[c] = light_blue;
  for (ImGuiCol c : {ImGuiCol_NavHighlight, ImGuiCol_DragDropTarget, ImGuiCol_SeparatorActive, ImGuiCol_SliderGrabActive}) s.Colors[c] = blue;
  s.Colors[ImGuiCol_TableHeaderBg] = ImVec4(0.88f, 0.88f, 0.88f, 1);
  s.Colors[ImGuiCol_TableRowBgAlt] = ImVec4(0, 0, 0, 0.05f);
  s.Colors[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.5f);
  s.Colors[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.3f);
}

namespace {
void draw_app_windows(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out) {
  handle_shortcuts(out);
  if (w.ready && !w.me.empty() && cv::find_live(doc.community, w.me)) {
    // Someone who opened an invitation: their answers, and only that.
    draw_answers_window(doc, w, st, env, out);
    draw_share_window(w, out);
    draw_live_window(doc, w, st, out);
    draw_save_banner_window(w, out);
    return;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("Cultivate", nullptr, flags);
  if (!w.ready) {
    ImGui::TextDisabled("Opening your communities...");
    ImGui::End();
    return;
  }
  draw_menu(doc, w, st, out);
  draw_save_banner(w, out);

  const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  // A meeting being run takes the whole window (and comes back after a reload).
  if (st.live_meeting.empty()) {
    const std::string running = meeting_in_progress(doc.community, *env.views, w.now_ms);
    if (!running.empty() && running != st.live_dismissed) st.live_meeting = running;
  }
  if (!st.live_meeting.empty()) {
    begin_child("live", ImVec2(0, ImGui::GetContentRegionAvail().y - status_h), ImGuiChildFlags_None);
    draw_live_view(doc, w, st, env, out);
    ImGui::EndChild();
  } else if (ImGui::BeginTabBar("areas", ImGuiTabBarFlags_FittingPolicyScroll |
                                            // a finger swipes the tabs along; the arrows would be 14 pixels wide
                                            (touch_sized() ? ImGuiTabBarFlags_NoTabListScrollingButtons : 0))) {
    const float body_h = ImGui::GetContentRegionAvail().y - status_h - ImGui::GetFrameHeightWithSpacing();
    if (ImGui::BeginTabItem("Members")) {
      const ImVec2 avail = ImGui::GetContentRegionAvail();
      const float h = avail.y - status_h;
      if (avail.x >= 820) {
        // Wide: the community beside its members.
        const float left_w = std::max(300.0f, avail.x * 0.34f);
        begin_child("community", ImVec2(left_w, h), ImGuiChildFlags_None);
        draw_community_panel(doc, st, env, out);
        ImGui::EndChild();
        ImGui::SameLine();
        begin_child("members", ImVec2(0, h), ImGuiChildFlags_None);
        draw_members_panel(doc, st, env, out);
        ImGui::EndChild();
      } else {
        // Narrow (a phone): one column that scrolls.
        begin_child("body", ImVec2(0, h), ImGuiChildFlags_None);
        draw_community_panel(doc, st, env, out, true);
        begin_child("members", ImVec2(0, std::max(320.0f, h * 0.8f)), ImGuiChildFlags_None);
        draw_members_panel(doc, st, env, out);
        ImGui::EndChild();
        ImGui::EndChild();
      }
      ImGui::EndTabItem();
    }
    struct Area {
      const char* name;
      int which;
    };
    for (const Area& a : {Area{"Objectives", 0}, Area{"Topics", 1}, Area{"Skills", 2}, Area{"First meeting", 3},
                          Area{"Guidelines", 5}, Area{"Meetings", 6}, Area{"Groups", 4}, Area{"Books", 7},
                          Area{"Cases", 8}, Area{"Directory", 9}, Area{"Threads", 10},
                          Area{"Projects", 12}, Area{"Connections", 11}}) {
      if (!ImGui::BeginTabItem(a.name)) {
        if (a.which == 10 && st.threads_open) {  // leaving the tab: what was read there is not new next time
          st.threads_open = false;
          out.command(Command::ThreadsSeen);
        }
        continue;
      }
      begin_child(a.name, ImVec2(0, ImGui::GetContentRegionAvail().y - status_h), ImGuiChildFlags_None);
      switch (a.which) {
        case 0: draw_objectives_panel(doc, st, env, out); break;
        case 1: draw_topics_panel(doc, st, env, out); break;
        case 2: draw_skills_panel(doc, st, env, out); break;
        case 3: draw_first_meeting_panel(doc, w, st, env, out); break;
        case 5: draw_guidelines_panel(doc, st, env, out); break;
        case 6: draw_meetings_panel(doc, w, st, env, out); break;
        case 7: draw_books_panel(doc, w, st, env, out); break;
        case 8: draw_cases_panel(doc, w, st, env, out); break;
        case 9: draw_directory_panel(doc, st, env, out); break;
        case 10: draw_threads_panel(doc, w, st, env, out); break;
        case 11: draw_network_panel(doc, st, env, out); break;
        case 12: draw_projects_panel(doc, w, st, env, out); break;
        default: draw_groups_panel(doc, w, st, env, out); break;
      }
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    (void)body_h;
    ImGui::EndTabBar();
  }
  draw_status(doc, w, st);
  ImGui::End();
  draw_member_window(doc, st, env, out);
  draw_communities_window(doc, w, st, out);
  draw_import_window(w, out);
  draw_csv_window(w, out);
  draw_share_window(w, out);
  draw_live_window(doc, w, st, out);
}
}  // namespace

void draw_app(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out) {
  keyboard_focus_start();
  draw_app_windows(doc, w, st, env, out);
  keyboard_focus_end();
}

std::string human_bytes(double b) {
  char buf[32];
  if (b >= 1e9) std::snprintf(buf, sizeof buf, "%.1f GB", b / 1e9);
  else if (b >= 1e6) std::snprintf(buf, sizeof buf, "%.1f MB", b / 1e6);
  else if (b >= 1e3) std::snprintf(buf, sizeof buf, "%.0f KB", b / 1e3);
  else std::snprintf(buf, sizeof buf, "%.0f bytes", b);
  return buf;
}

std::string human_age(int64_t then_ms, int64_t now_ms) {
  if (then_ms <= 0) return "never";
  const int64_t s = (now_ms - then_ms) / 1000;
  if (s < 60) return "just now";
  if (s < 3600) return std::to_string(s / 60) + (s < 120 ? " minute ago" : " minutes ago");
  if (s < 86400) return std::to_string(s / 3600) + (s < 7200 ? " hour ago" : " hours ago");
  return cv::format_utc(then_ms).substr(0, 10);
}

}  // namespace ui
