// bench/bare/bare_main.cpp: a bare Dear ImGui page, for bench/scale to compare Cultivate's load with:
// the same toolchain, compile and link flags, Dear ImGui build and WebGL 2 backend, drawing a window with
// a table each frame. window.bareFrames counts the frames drawn (the first one is "ready").
#include <emscripten.h>
#include <emscripten/html5.h>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"

// The Dear ImGui build is the page's, with its test-engine hooks: here they do nothing (the page's
// record every widget for its tests, a cost the bare page does not pay).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

namespace {

void frame() {
  int w = 0, h = 0;
  emscripten_get_canvas_element_size("#canvas", &w, &h);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("Bare", nullptr, ImGuiWindowFlags_NoDecoration);
  ImGui::TextUnformatted("A bare Dear ImGui page");
  if (ImGui::BeginTable("rows", 3, ImGuiTableFlags_RowBg)) {
    for (int i = 0; i < 30; ++i) {
      ImGui::TableNextColumn();
      ImGui::Text("Row %d", i);
      ImGui::TableNextColumn();
      ImGui::SmallButton("Button");
      ImGui::TableNextColumn();
      ImGui::TextDisabled("some text");
    }
    ImGui::EndTable();
  }
  ImGui::End();
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  EM_ASM(window.bareFrames = (window.bareFrames || 0) + 1);
}

}  // namespace

int main() {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  emscripten_set_canvas_element_size("#canvas", 1280, 800);
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
  emscripten_webgl_make_context_current(gl);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplOpenGL3_Init("#version 300 es");
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
