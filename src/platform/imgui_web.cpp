// imgui_web.cpp: Dear ImGui's backend for the page: keys, pointer and wheel, text input (typed,
// composed, on-screen keyboards), the clipboard, fonts at the device's pixel ratio, frames drawn only
// when something changed, and the widget table the browser tests read (test-engine hooks). The
// browser side is web/lib_cultivate.js; the platform's services are platform_web.cpp.
//  [SECTION] The JavaScript side
//  [SECTION] Keys
//  [SECTION] Input from the page
//  [SECTION] Clipboard and text input
//  [SECTION] Fonts and display
//  [SECTION] Frames
//  [SECTION] Test interface (widget rectangles through the test-engine hooks)
//  [SECTION] Setup
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/text.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "platform/web_page.h"

extern const unsigned char kFontData[];
extern const size_t kFontSize;

// [SECTION] The JavaScript side ---------------------------------------------------------------------
extern "C" {
void cvjs_init();
void cvjs_request_frame();
void cvjs_wake_after(int ms);
void cvjs_set_text_input(int active, float x, float y, float h);
void cvjs_set_clipboard(const char* text);
void cvjs_set_cursor(const char* css);
int cvjs_is_mac();
double cvjs_now_ms();
}

namespace {

platform::PageHooks g_hooks;
float g_css_w = 800, g_css_h = 600, g_dpr = 1;
float g_font_dpr = 0;      // the DPR the font atlas was built for
double g_last_frame_ms = 0;
int g_busy_frames = 0;     // frames still to draw after the last input
bool g_input = false;      // input arrived since the last frame
std::string g_clipboard;   // what the page last pasted or ImGui last copied
std::string g_scratch;     // strings from JavaScript arrive here
std::string g_result;      // strings to JavaScript leave from here

}  // namespace

namespace web {
const platform::PageHooks& hooks() { return g_hooks; }
void input_arrived() {
  g_input = true;
  cvjs_request_frame();
}
}  // namespace web

// [SECTION] Keys ------------------------------------------------------------------------------------
namespace {

struct KeyName {
  const char* code;
  ImGuiKey key;
};
// DOM KeyboardEvent.code -> ImGuiKey for keys that are not letters or digits.
constexpr KeyName kKeys[] = {
    {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}, {"Insert", ImGuiKey_Insert},
    {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace}, {"Space", ImGuiKey_Space},
    {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter}, {"Escape", ImGuiKey_Escape},
    {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl}, {"ShiftLeft", ImGuiKey_LeftShift},
    {"ShiftRight", ImGuiKey_RightShift}, {"AltLeft", ImGuiKey_LeftAlt}, {"AltRight", ImGuiKey_RightAlt},
    {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper}, {"F1", ImGuiKey_F1},
    {"F2", ImGuiKey_F2}, {"F3", ImGuiKey_F3}, {"F4", ImGuiKey_F4}, {"F5", ImGuiKey_F5}, {"F6", ImGuiKey_F6},
    {"F7", ImGuiKey_F7}, {"F8", ImGuiKey_F8}, {"F9", ImGuiKey_F9}, {"F10", ImGuiKey_F10}, {"F11", ImGuiKey_F11},
    {"F12", ImGuiKey_F12}, {"Minus", ImGuiKey_Minus}, {"Equal", ImGuiKey_Equal}, {"Comma", ImGuiKey_Comma},
    {"Period", ImGuiKey_Period}, {"Slash", ImGuiKey_Slash}, {"Semicolon", ImGuiKey_Semicolon},
    {"Quote", ImGuiKey_Apostrophe}, {"BracketLeft", ImGuiKey_LeftBracket}, {"BracketRight", ImGuiKey_RightBracket},
    {"Backslash", ImGuiKey_Backslash}, {"Backquote", ImGuiKey_GraveAccent},
};

// Letters follow the layout (Ctrl+Z is the key labelled Z); other layouts fall back to the position.
ImGuiKey key_from_dom(const char* key, const char* code) {
  if (key[0] && !key[1]) {
    char c = key[0];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c >= 'a' && c <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
    if (c >= '0' && c <= '9') return static_cast<ImGuiKey>(ImGuiKey_0 + (c - '0'));
  }
  if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && !code[4])
    return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
  if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && !code[6])
    return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
  for (const KeyName& k : kKeys)
    if (std::strcmp(code, k.code) == 0) return k.key;
  return ImGuiKey_None;
}

void set_mods(int mods) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, mods & 1);
  io.AddKeyEvent(ImGuiMod_Shift, mods & 2);
  io.AddKeyEvent(ImGuiMod_Alt, mods & 4);
  io.AddKeyEvent(ImGuiMod_Super, mods & 8);
}

void input_arrived() { web::input_arrived(); }

}  // namespace

// [SECTION] Input from the page ---------------------------------------------------------------------
extern "C" {

// A buffer JavaScript writes a UTF-8 string into before calling one of the functions below.
EMSCRIPTEN_KEEPALIVE char* cv_scratch(int bytes) {
  g_scratch.assign(static_cast<size_t>(bytes) + 1, '\0');
  return g_scratch.data();
}

EMSCRIPTEN_KEEPALIVE void cv_on_resize(float css_w, float css_h, float dpr) {
  g_css_w = css_w;
  g_css_h = css_h;
  g_dpr = dpr > 0 ? dpr : 1;
  input_arrived();
}

// source: 0 mouse, 1 touch, 2 pen
EMSCRIPTEN_KEEPALIVE void cv_on_pointer_move(float x, float y, int source) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(static_cast<ImGuiMouseSource>(source));
  io.AddMousePosEvent(x, y);
  input_arrived();
}

EMSCRIPTEN_KEEPALIVE void cv_on_pointer_button(int button, int down, int source) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(static_cast<ImGuiMouseSource>(source));
  if (button >= 0 && button < 5) io.AddMouseButtonEvent(button, down != 0);
  input_arrived();
}

EMSCRIPTEN_KEEPALIVE void cv_on_pointer_leave() {
  ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  input_arrived();
}

EMSCRIPTEN_KEEPALIVE void cv_on_wheel(float dx, float dy) {
  ImGui::GetIO().AddMouseWheelEvent(dx, dy);
  input_arrived();
}

// The key and code strings are in the scratch buffer: "key\0code\0".
EMSCRIPTEN_KEEPALIVE void cv_on_key(int down, int mods) {
  const char* key = g_scratch.c_str();
  const char* code = key + std::strlen(key) + 1;
  set_mods(mods);
  ImGuiKey k = key_from_dom(key, code);
  if (k != ImGuiKey_None) ImGui::GetIO().AddKeyEvent(k, down != 0);
  input_arrived();
}

// Typed, composed (dead keys, IME) or on-screen-keyboard text, in the scratch buffer.
EMSCRIPTEN_KEEPALIVE void cv_on_text() {
  ImGui::GetIO().AddInputCharactersUTF8(g_scratch.c_str());
  input_arrived();
}

// A key the on-screen keyboard sent only as an edit (Backspace, Enter).
EMSCRIPTEN_KEEPALIVE void cv_on_key_tap(int which) {
  ImGuiKey k = which == 0 ? ImGuiKey_Backspace : which == 1 ? ImGuiKey_Enter : ImGuiKey_Delete;
  ImGui::GetIO().AddKeyEvent(k, true);
  ImGui::GetIO().AddKeyEvent(k, false);
  input_arrived();
}

// Pasted text (from the page's paste event) in the scratch buffer: ImGui pastes it at the cursor.
EMSCRIPTEN_KEEPALIVE void cv_on_paste() {
  g_clipboard = g_scratch.c_str();
  ImGuiIO& io = ImGui::GetIO();
  const ImGuiKey mod = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
  io.AddKeyEvent(mod, true);
  io.AddKeyEvent(ImGuiKey_V, true);
  io.AddKeyEvent(ImGuiKey_V, false);
  io.AddKeyEvent(mod, false);
  input_arrived();
}

EMSCRIPTEN_KEEPALIVE void cv_on_focus(int focused) {
  ImGui::GetIO().AddFocusEvent(focused != 0);
  input_arrived();
}

}  // extern "C"

// [SECTION] Clipboard and text input ----------------------------------------------------------------
namespace {

const char* get_clipboard(void*) { return g_clipboard.c_str(); }

void set_clipboard(void*, const char* text) {
  g_clipboard = text;
  cvjs_set_clipboard(text);
}

// Dear ImGui says where the active text field is: the page moves its hidden text field there, so
// phones show their keyboard and IMEs show their candidate window in the right place.
void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
  cvjs_set_text_input(data->WantVisible, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

}  // namespace

// [SECTION] Fonts and display -----------------------------------------------------------------------
namespace {

// Latin-1, Latin Extended-A and B, Greek, Cyrillic, general punctuation, a few symbols.
const ImWchar kGlyphRanges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2010, 0x205E,
                                0x20AC, 0x20AC, 0x2190, 0x2199, 0x2212, 0x2212, 0x2713, 0x2715,
                                0x25B2, 0x25BC, 0};
constexpr float kFontCssPx = 16.0f;
constexpr float kBigFontCssPx = 96.0f;
constexpr float kTitleFontCssPx = 26.0f;

// Glyphs are drawn at the device's pixel size and scaled back, so text is crisp at any DPR.
void build_font() {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kFontData), static_cast<int>(kFontSize),
                                 std::round(kFontCssPx * g_dpr), &cfg, kGlyphRanges);
  // Fonts[1]: the live view's countdown, digits only, drawn large and crisp (not a scaled atlas).
  static const ImWchar kDigits[] = {0x20, 0x20, 0x2D, 0x3A, 0};
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kFontData), static_cast<int>(kFontSize),
                                 std::round(kBigFontCssPx * g_dpr), &cfg, kDigits);
  // Fonts[2]: the live view's block title, every script, at its own size (a projector shows it).
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kFontData), static_cast<int>(kFontSize),
                                 std::round(kTitleFontCssPx * g_dpr), &cfg, kGlyphRanges);
  io.FontGlobalScale = 1.0f / g_dpr;
  g_font_dpr = g_dpr;
}

const char* css_cursor(ImGuiMouseCursor c) {
  switch (c) {
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    case ImGuiMouseCursor_None: return "none";
    default: return "default";
  }
}

}  // namespace

// [SECTION] Frames ----------------------------------------------------------------------------------
namespace {

struct Item {
  std::string label;
  ImRect rect;
};
std::vector<Item> g_items_building, g_items;  // this frame's widgets; the last frame's
ImGuiID g_last_add_id = 0;
ImRect g_last_add_rect;

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE int cv_frame() {
  ImGuiIO& io = ImGui::GetIO();
  if (g_font_dpr != g_dpr) {
    build_font();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  const double now = cvjs_now_ms();
  io.DeltaTime = g_last_frame_ms > 0 ? static_cast<float>(std::max(0.001, (now - g_last_frame_ms) / 1000.0)) : 1.0f / 60;
  g_last_frame_ms = now;
  io.DisplaySize = ImVec2(g_css_w, g_css_h);
  io.DisplayFramebufferScale = ImVec2(g_dpr, g_dpr);

  g_items_building.clear();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  const bool app_wants_more = g_hooks.frame();
  static ImGuiMouseCursor last_cursor = -1;
  if (ImGui::GetMouseCursor() != last_cursor) {
    last_cursor = ImGui::GetMouseCursor();
    cvjs_set_cursor(css_cursor(last_cursor));
  }
  ImGui::Render();
  glViewport(0, 0, static_cast<int>(std::round(g_css_w * g_dpr)), static_cast<int>(std::round(g_css_h * g_dpr)));
  glClearColor(0.95f, 0.95f, 0.94f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  g_items.swap(g_items_building);

  // A few frames after any input let Dear ImGui settle (hover, focus, auto-sized windows); queued
  // events (a press and release in one browser event) trickle in over the next frames.
  if (g_input) g_busy_frames = 3;
  else if (g_busy_frames > 0) --g_busy_frames;
  g_input = false;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  // A tooltip waits for the mouse to rest: look again until its delay has passed.
  if (g.HoveredId != 0 && g.HoveredIdTimer < 1.0f) cvjs_wake_after(150);
  // Focus and keyboard-navigation requests take effect over the next frames.
  bool window_settling = false;  // a window that appeared is hidden for a frame while it sizes itself
  for (ImGuiWindow* w : g.Windows)
    if (w->Active && (w->Appearing || w->HiddenFramesCanSkipItems > 0 || w->HiddenFramesCannotSkipItems > 0))
      window_settling = true;
  const bool nav_pending = g.NavMoveSubmitted || g.NavMoveScoringItems || g.NavInitRequest || g.NavActivateId != 0 ||
                           g.NavNextActivateId != 0;
  return app_wants_more || g_busy_frames > 0 || g.InputEventsQueue.Size > 0 || nav_pending || window_settling;
}

// [SECTION] Test interface --------------------------------------------------------------------------

// Called by Dear ImGui for every item it lays out (IMGUI_ENABLE_TEST_ENGINE). Most widgets report
// their rectangle (ItemAdd) and then their label (ItemInfo); tabs report the label first.
namespace {
ImGuiID g_pending_info_id = 0;
std::string g_pending_label;

void record_item(const std::string& label, const ImRect& r) {
  if (r.GetWidth() <= 0 || r.GetHeight() <= 0) return;  // clipped away
  g_items_building.push_back({label, r});
}
}  // namespace

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
  ImGuiWindow* w = ctx->CurrentWindow;
  ImRect r = bb;
  if (w) r.ClipWithFull(w->ClipRect);
  g_last_add_id = id;
  g_last_add_rect = r;
  if (id != 0 && id == g_pending_info_id) {
    record_item(g_pending_label, r);
    g_pending_info_id = 0;
  }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  if (!label) return;
  if (id == g_last_add_id) {
    record_item(label, g_last_add_rect);
  } else {
    g_pending_info_id = id;
    g_pending_label = label;
  }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

extern "C" {

// [{label, id, x, y, w, h}] of the last frame's visible widgets, in CSS pixels. "label" is the
// visible text (before "##"), "id" the whole label string.
EMSCRIPTEN_KEEPALIVE const char* cv_test_items() {
  cv::json out = cv::json::array();
  for (const Item& it : g_items) {
    const size_t hash = it.label.find("##");
    out.push_back({{"label", it.label.substr(0, hash)},
                   {"id", it.label},
                   {"x", it.rect.Min.x},
                   {"y", it.rect.Min.y},
                   {"w", it.rect.GetWidth()},
                   {"h", it.rect.GetHeight()}});
  }
  g_result = out.dump(-1, ' ', false, cv::json::error_handler_t::replace);
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* cv_test_ui() {
  g_result = g_hooks.test_ui ? g_hooks.test_ui() : std::string("null");
  return g_result.c_str();
}

// How many characters of `text` (in the scratch buffer) the UI font cannot draw.
EMSCRIPTEN_KEEPALIVE int cv_test_missing_glyphs() {
  ImFont* font = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
  if (!font) return -1;
  int missing = 0;
  const std::string text = g_scratch.c_str();
  for (size_t i = 0; i < text.size();) {
    const char32_t c = cv::utf8_next(text, i);
    if (c > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) ++missing;
  }
  return missing;
}

EMSCRIPTEN_KEEPALIVE const char* cv_test_state() {
  g_result = g_hooks.test_state ? g_hooks.test_state() : std::string("null");
  return g_result.c_str();
}

}  // extern "C"

// [SECTION] Setup -----------------------------------------------------------------------------------
namespace platform {

void page_start(const PageHooks& hooks) {
  g_hooks = hooks;
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = false;
  attrs.depth = false;
  attrs.stencil = false;
  attrs.antialias = false;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
  emscripten_webgl_make_context_current(gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is not persisted in a file; the page has no file system
  io.ConfigInputTextCursorBlink = false;  // a blinking cursor would draw frames forever
  io.ConfigMacOSXBehaviors = cvjs_is_mac() != 0;
  io.BackendPlatformName = "cultivate_web";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  io.SetPlatformImeDataFn = set_ime_data;
  ImGui::GetCurrentContext()->TestEngineHookItems = true;
  ImGui_ImplOpenGL3_Init("#version 300 es");
  if (g_hooks.setup) g_hooks.setup();
  cvjs_init();  // listeners, size; asks for the first frame
}

}  // namespace platform
