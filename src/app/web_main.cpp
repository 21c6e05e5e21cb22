// web_main.cpp: the page. Owns the open community; each frame the UI emits Ops and Commands and
// this applies them. The platform draws a frame only when something changed.
#include "core/format.h"
#include "imgui.h"
#include "platform/platform.h"
#include "ui/ui.h"

namespace {

cv::Doc g_doc;
ui::State g_ui;

std::string new_id() { return platform::new_id(); }

bool frame() {
  ui::Output out;
  ui::Env env;
  env.new_id = new_id;
  ui::draw_app(g_doc, g_ui, env, out);
  bool changed = false;
  for (const cv::Op& op : out.ops) {
    if (cv::doc_apply(g_doc, op, platform::now_ms())) {
      changed = true;
      if (op.label.rfind("Remove", 0) != 0) g_ui.status.clear();
    }
  }
  for (ui::Command c : out.commands) {
    const std::string label = c == ui::Command::Undo ? (g_doc.undo_stack.empty() ? "" : g_doc.undo_stack.back().label)
                                                     : (g_doc.redo_stack.empty() ? "" : g_doc.redo_stack.back().label);
    const bool done = c == ui::Command::Undo ? cv::doc_undo(g_doc, platform::now_ms())
                                             : cv::doc_redo(g_doc, platform::now_ms());
    if (done) {
      g_ui.status = (c == ui::Command::Undo ? "Undone: " : "Redone: ") + label;
      g_ui.status_is_error = false;
      changed = true;
    }
  }
  return changed;  // show the new state
}

std::string test_state() { return cv::to_file(g_doc.community); }

}  // namespace

int main() {
  g_doc.clock.actor = platform::new_id();
  g_doc.community = cv::new_community(platform::new_id(), "Our community", g_doc.clock, platform::now_ms());
  platform::PageHooks hooks;
  hooks.setup = ui::apply_style;
  hooks.frame = frame;
  hooks.test_state = test_state;
  platform::page_start(hooks);
  return 0;
}
