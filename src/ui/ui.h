// ui.h: the Dear ImGui interface. Panels read the model and emit Ops and Commands; they never
// change the model themselves (src/app applies what they emit).
//  [SECTION] What the UI emits
//  [SECTION] UI state (what is on screen, not in the community)
//  [SECTION] Panels
//  [SECTION] Widgets shared by panels
#pragma once
#include <string>
#include <vector>

#include "core/model.h"
#include "imgui.h"

namespace ui {

// [SECTION] What the UI emits -----------------------------------------------------------------------
enum class Command { Undo, Redo };

struct Output {
  std::vector<cv::Op> ops;
  std::vector<Command> commands;
};

// [SECTION] UI state --------------------------------------------------------------------------------
struct State {
  std::string member_filter;   // the members panel's search text
  std::string focus_record;    // a record whose first field takes the keyboard next frame
  std::string status;          // the last message for the status line
  bool status_is_error = false;
};

// What the app tells the UI about the world outside the model.
struct Env {
  std::string (*new_id)() = nullptr;  // a fresh record id
};

// [SECTION] Panels ----------------------------------------------------------------------------------
// The whole window: menu bar, panels, status line.
void draw_app(const cv::Doc& doc, State& st, const Env& env, Output& out);
void draw_community_panel(const cv::Doc& doc, State& st, Output& out);
void draw_members_panel(const cv::Doc& doc, State& st, const Env& env, Output& out);
void apply_style();

// [SECTION] Widgets shared by panels ----------------------------------------------------------------
// A text field that gives its text back once, when the person leaves it after an edit (one Op per
// edit, not one per keystroke). True when `out` holds a changed value.
// Puts the keyboard in the text field `label` (of the current ID scope) on the next frame.
void focus_text(const char* label);
bool edit_text(const char* label, const std::string& value, std::string& out, const char* hint = nullptr,
               float width = 0, bool multiline = false, float height = 0);

}  // namespace ui
