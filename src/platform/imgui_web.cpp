// imgui_web.cpp: Dear ImGui's backend for the page: keys, pointer and wheel, text input (typed,
// composed, on-screen keyboards), the clipboard, fonts at the device's pixel ratio, frames drawn only
// when something changed, and the widget table the browser tests read (test-engine hooks). The
// browser side is web/lib_cultivate.js; the platform's services are platform_web.cpp.
//  [SECTION] The JavaScript side
//  [SECTION] Keys
//  [SECTION] Input from the page
//  [SECTION] Clipboard and text input
//  [SECTION] Fonts and display
//  [SECTION] Drawing (WebGL 2)
//  [SECTION] Frames
//  [SECTION] Test interface (widget rectangles through the test-engine hooks)
//  [SECTION] Setup
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

#include "core/model.h"
#include "core/text.h"
#include "imgui.h"
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
void cvjs_a11y_changed();
void cvjs_save_display(float text_size, int high_contrast);
void cvjs_fetch_font(const char* url);
}

namespace {

platform::PageHooks g_hooks;
float g_css_w = 800, g_css_h = 600, g_dpr = 1;
platform::Display g_display;  // text_size is the zoom: Dear ImGui lays out in CSS pixels / text_size
ImVec2 g_mouse_css(-FLT_MAX, -FLT_MAX);  // the pointer's last place, in CSS pixels
float g_font_dpr = 0;      // the device pixels per layout pixel the font atlas was built for (DPR x text size)
bool g_large_fonts = false;  // the live view's fonts are in the atlas (want_large_fonts)
double g_last_frame_ms = 0;
int g_busy_frames = 0;     // frames still to draw after the last input
bool g_input = false;      // input arrived since the last frame
int g_most_vertices = 0;   // the most one window drew in the last frame (for the tests)
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
  g_mouse_css = ImVec2(x, y);
  io.AddMousePosEvent(x / g_display.text_size, y / g_display.text_size);
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
  // The page counts steps of 80 CSS pixels; a step scrolls 80 layout pixels, larger when zoomed.
  ImGui::GetIO().AddMouseWheelEvent(dx / g_display.text_size, dy / g_display.text_size);
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

// This browser's display settings (at start, from localStorage and the browser's media queries; and
// when reduced motion or contrast is asked for anew).
EMSCRIPTEN_KEEPALIVE void cv_on_display(float text_size, int high_contrast, int reduced_motion, int touch) {
  const float zoom = std::clamp(text_size > 0 ? text_size : 1.0f, 1.0f, 2.0f);
  if (zoom != g_display.text_size && g_mouse_css.x > -FLT_MAX)  // the pointer stays where it is on screen
    ImGui::GetIO().AddMousePosEvent(g_mouse_css.x / zoom, g_mouse_css.y / zoom);
  g_display.text_size = zoom;
  g_display.high_contrast = high_contrast != 0;
  g_display.reduced_motion = reduced_motion != 0;
  g_display.touch = touch != 0;
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
  const float z = g_display.text_size;
  cvjs_set_text_input(data->WantVisible, data->InputPos.x * z, data->InputPos.y * z, data->InputLineHeight * z);
}

}  // namespace

// [SECTION] Fonts and display -----------------------------------------------------------------------
namespace {

// Latin-1, Latin Extended-A and B, Greek, Cyrillic, general punctuation, a few symbols.
const ImWchar kGlyphRanges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2010, 0x205E,
                                0x20AC, 0x20AC, 0x2190, 0x2199, 0x2212, 0x2212, 0x2713, 0x2715,
                                0x25B2, 0x25BC, 0};
constexpr float kFontCssPx = 16.0f, kBigFontCssPx = 96.0f, kTitleFontCssPx = 26.0f;

// Scripts the UI font lacks (Hebrew, Arabic, Devanagari, Thai, Chinese, Japanese, Korean) come from fonts served beside the page
// (fonts/*.ttf, from Debian's packages, subset at set-up), each fetched the first time a character of
// its own is on screen; only the characters seen are added to the atlas, so it stays small. What is on
// screen is read from the frame's widgets (labels, and the fields' text as described).
struct Fallback {
  const char* file;
  std::vector<std::pair<char32_t, char32_t>> blocks;  // what it is asked for
  bool whole;                                        // all its blocks added at once (a small script, and
                                                     // joined forms no label spells out)
  std::vector<unsigned char> font;                   // its bytes, once fetched
  bool asked = false;                                // fetched (or being fetched)
  std::vector<ImWchar> have, want;                   // in the atlas; seen and not in it yet (sorted)
  ImVector<ImWchar> ranges;                          // the atlas's ranges for `have` (kept while built)
};
Fallback g_fallbacks[] = {
    // Hebrew and Arabic (with the presentation forms cv::visual draws): DejaVu Sans, the UI font's own
    {"fonts/rtl.ttf", {{0x0590, 0x06FF}, {0xFB1D, 0xFDFF}, {0xFE70, 0xFEFF}}, true, {}, false, {}, {}, {}},
    {"fonts/devanagari.ttf", {{0x0900, 0x097F}, {0xA8E0, 0xA8FF}}, true, {}, false, {}, {}, {}},  // Lohit Devanagari
    {"fonts/thai.ttf", {{0x0E00, 0x0E7F}}, true, {}, false, {}, {}, {}},                          // Loma (TLWG)
    {"fonts/hangul.ttf", {{0x1100, 0x11FF}, {0x3130, 0x318F}, {0xAC00, 0xD7AF}}, false, {}, false, {}, {}, {}},  // Nanum Gothic
    {"fonts/cjk.ttf",  // Chinese and Japanese: Droid Sans Fallback
     {{0x2E80, 0x2FDF}, {0x3000, 0x30FF}, {0x31F0, 0x31FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0xFF00, 0xFFEF}},
     false, {}, false, {}, {}, {}},
};

Fallback* fallback_for(char32_t c) {
  for (Fallback& f : g_fallbacks)
    for (const auto& [lo, hi] : f.blocks)
      if (c >= lo && c <= hi) return &f;
  return nullptr;
}

// After a frame: characters on screen the atlas lacks and a fallback has. True when the atlas should
// be built again (a font is here with new ones).
bool glyphs_seen(std::string_view text) {
  bool rebuild = false;
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0xD6) {  // below U+0590: none of the fallbacks'
      ++i;
      continue;
    }
    const char32_t c = cv::utf8_next(text, i);
    Fallback* f = fallback_for(c);
    if (!f) continue;
    const ImWchar w = static_cast<ImWchar>(c);
    if (f->whole && (!f->have.empty() || !f->want.empty())) continue;  // all of it, once it is here
    if (std::binary_search(f->have.begin(), f->have.end(), w)) continue;
    if (auto at = std::lower_bound(f->want.begin(), f->want.end(), w); at == f->want.end() || *at != w) f->want.insert(at, w);
    if (!f->asked) {
      f->asked = true;
      cvjs_fetch_font(f->file);
    }
    rebuild = rebuild || !f->font.empty();
  }
  return rebuild;
}

// The UI font's height, ascent to descent, in ems (DejaVu Sans's hhea): a fallback is sized so its em
// is the UI font's em.
constexpr float kUiFontHeightInEm = (1901.0f + 483.0f) / 2048.0f;

// A TrueType font's height (ascent to descent, from its hhea table) in ems (its head table's units
// per em); the UI font's when the tables cannot be read.
float height_in_em(const std::vector<unsigned char>& ttf) {
  auto u16 = [&](size_t at) { return at + 2 <= ttf.size() ? (ttf[at] << 8) | ttf[at + 1] : 0; };
  auto u32 = [&](size_t at) { return (static_cast<uint32_t>(u16(at)) << 16) | static_cast<uint32_t>(u16(at + 2)); };
  size_t hhea = 0, head = 0;
  for (int i = 0, n = u16(4); i < n; ++i) {
    const size_t rec = 12 + 16 * static_cast<size_t>(i);
    if (rec + 16 > ttf.size()) break;
    if (std::memcmp(&ttf[rec], "hhea", 4) == 0) hhea = u32(rec + 8);
    if (std::memcmp(&ttf[rec], "head", 4) == 0) head = u32(rec + 8);
  }
  const int per_em = u16(head + 18), ascent = static_cast<int16_t>(u16(hhea + 4)), descent = static_cast<int16_t>(u16(hhea + 6));
  if (!hhea || !head || per_em <= 0 || ascent - descent <= 0) return kUiFontHeightInEm;
  return static_cast<float>(ascent - descent) / static_cast<float>(per_em);
}

// The fallbacks' glyphs seen so far, merged into the font just added.
void merge_fallbacks(float size_px) {
  for (Fallback& f : g_fallbacks) {
    if (f.font.empty() || f.have.empty()) continue;
    if (f.ranges.empty() && f.whole) {
      for (const auto& [lo, hi] : f.blocks) f.ranges.push_back(static_cast<ImWchar>(lo)), f.ranges.push_back(static_cast<ImWchar>(hi));
      f.ranges.push_back(0);
    } else if (f.ranges.empty()) {
      ImFontGlyphRangesBuilder b;
      for (ImWchar c : f.have) b.AddChar(c);
      b.BuildRanges(&f.ranges);
    }
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    // Sized by the em: fonts with room for stacked marks (Devanagari, Thai: 1.6 em tall) would be drawn
    // a third smaller by their height.
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(f.font.data(), static_cast<int>(f.font.size()),
                                               size_px * height_in_em(f.font) / kUiFontHeightInEm, &cfg, f.ranges.Data);
  }
}

}  // namespace

// A fallback font's bytes (fonts/<file>), fetched when a character it has was first on screen.
extern "C" EMSCRIPTEN_KEEPALIVE void cv_on_font(const char* file, const unsigned char* data, int size) {
  for (Fallback& f : g_fallbacks)
    if (std::strcmp(f.file, file) == 0) f.font.assign(data, data + size);
  input_arrived();
}

namespace {

// Glyphs are drawn at the device's pixel size and scaled back, so text is crisp at any DPR and text
// size. The text size is a zoom of the whole interface: Dear ImGui lays out in CSS pixels divided by
// it, and draws with as many more device pixels, so every width grows with the text.
void build_font() {
  const float px = g_dpr * g_display.text_size;  // device pixels per layout pixel
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kFontData), static_cast<int>(kFontSize),
                                 std::round(kFontCssPx * px), &cfg, kGlyphRanges);
  merge_fallbacks(std::round(kFontCssPx * px));
  // The live view's fonts, once it is shown (a thousand glyphs again: half of every load's atlas).
  // Fonts[1]: its countdown, digits only, drawn large and crisp (not a scaled atlas). Fonts[2]: its
  // block title, every script, at its own size (a projector shows it).
  if (g_large_fonts) {
    static const ImWchar kDigits[] = {0x20, 0x20, 0x2D, 0x3A, 0};
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kFontData), static_cast<int>(kFontSize),
                                   std::round(kBigFontCssPx * px), &cfg, kDigits);
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kFontData), static_cast<int>(kFontSize),
                                   std::round(kTitleFontCssPx * px), &cfg, kGlyphRanges);
    merge_fallbacks(std::round(kTitleFontCssPx * px));
  }
  io.FontGlobalScale = 1.0f / px;
  g_font_dpr = px;
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

// [SECTION] Accessibility mirror ----------------------------------------------------------------
// Dear ImGui draws on a canvas, where a screen reader finds nothing. The widgets the test-engine hooks
// report each frame (label, kind, state, rectangle, window, table cell), with what the UI describes
// that they do not (a field's hint and text: ui::describe_item) and the status line, are the model of
// a hidden DOM tree the page keeps (web/lib_a11y.js). After a frame whose widgets differ from what the
// page last read, the page is told (cvjs_a11y_changed) and reads them (cv_a11y_items) in its own time,
// not inside the frame. Activating a mirrored element activates its widget; focusing one moves Dear
// ImGui's navigation focus to it; its text goes to the active field like any typed text.
namespace {

// A widget's label is kept in one buffer of the frame's labels, not a string of its own: a screenful
// of widgets is a few hundred, every frame. What else the mirror needs of it comes with it.
// Item::kind (a window reports itself; text and headings are told by the UI, platform::describe_text)
enum : unsigned char { kButton, kCheckbox, kTextbox, kTab, kMenuItem, kWindow, kText, kHeading };
enum : unsigned char { kChecked = 1, kExpandable = 2, kExpanded = 4, kDisabled = 8, kSelected = 16, kSecret = 32 };  // Item::state
struct Item {
  size_t at, len;  // the label in g_labels
  ImRect rect;
  ImGuiID id = 0, window = 0, table = 0;  // the widget, its root window, the table it is in (0: none)
  int row = -1, column = -1;
  unsigned char kind = kButton, state = 0;
  bool cut = false;  // partly outside its window or region: rect is the part on screen, whole all of it
  ImRect whole;
};
std::vector<Item> g_items_building, g_items;  // this frame's widgets; the last frame's
ImGuiStorage g_texts_seen;  // this frame's texts by id (a sorted vector, kept): the same text again is told apart
std::string g_labels_building, g_labels;

struct Described {
  ImGuiID id;
  size_t name_at, name_len, value_at, value_len;  // in g_labels(_building)
};
std::vector<Described> g_described_building, g_described;
std::string g_status_building, g_status;
uint64_t g_a11y_hash = 0, g_a11y_read = 0;  // this frame's mirror; the one the page last read
ImGuiID g_a11y_activate = 0, g_a11y_focus = 0;  // asked by the page, done at the next frame

// A change detector, not a checksum: eight bytes a step (a frame hashes every label on screen).
uint64_t mix(uint64_t h, const void* data, size_t n) {
  const unsigned char* p = static_cast<const unsigned char*>(data);
  for (uint64_t w; n >= 8; p += 8, n -= 8) std::memcpy(&w, p, 8), h = (h ^ w) * 0x9E3779B97F4A7C15ull, h ^= h >> 29;
  for (; n > 0; ++p, --n) h = (h ^ *p) * 1099511628211ull;
  return h;
}

void a11y_before_frame() {
  g_described_building.clear();
  g_status_building.clear();
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g_a11y_focus) {
    // The item's window from the last frame: navigation focus moves there, highlighted as by keys.
    for (const Item& it : g_items)
      if (it.id == g_a11y_focus)
        if (ImGuiWindow* w = ImGui::FindWindowByID(it.window); w && g.NavId != it.id) {
          ImGuiWindow* inner = w;
          for (ImGuiWindow* c : g.Windows)  // the (child) window that holds the item: its last item ids
            if (c->RootWindow == w && c->Active && c->IDStack.Size && c->OuterRectClipped.Contains(it.rect)) inner = c;
          ImGui::FocusWindow(inner);
          ImGui::SetFocusID(it.id, inner);
          g.NavDisableHighlight = false;
          g.NavDisableMouseHover = true;
          break;
        }
    g_a11y_focus = 0;
  }
  if (g_a11y_activate) {
    ImGui::ActivateItemByID(g_a11y_activate);
    for (const Item& it : g_items)  // a field takes the text cursor, not a click
      if (it.id == g_a11y_activate && it.kind == kTextbox) g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    g_a11y_activate = 0;
  }
}

void a11y_after_frame() {
  g_described.swap(g_described_building);
  g_status.swap(g_status_building);
  ImGuiContext& g = *ImGui::GetCurrentContext();
  uint64_t h = 1469598103934665603ull;
  for (const Item& it : g_items) {
    const int box[4] = {static_cast<int>(it.rect.Min.x), static_cast<int>(it.rect.Min.y), static_cast<int>(it.rect.Max.x),
                        static_cast<int>(it.rect.Max.y)};
    const uint32_t fixed[8] = {it.id, it.kind, it.state, static_cast<uint32_t>(it.row), static_cast<uint32_t>(box[0]),
                               static_cast<uint32_t>(box[1]), static_cast<uint32_t>(box[2]), static_cast<uint32_t>(box[3])};
    h = mix(h, fixed, sizeof fixed);
    h = mix(h, g_labels.data() + it.at, it.len);
  }
  for (const Described& d : g_described) h = mix(h, g_labels.data() + d.name_at, d.name_len + d.value_len);
  h = mix(h, g_status.data(), g_status.size());
  h = mix(h, &g.NavId, sizeof g.NavId);
  h = mix(h, &g.ActiveId, sizeof g.ActiveId);
  if (g.InputTextState.ID && g.InputTextState.ID == g.ActiveId)
    h = mix(h, g.InputTextState.TextA.Data, static_cast<size_t>(g.InputTextState.TextA.Size));
  g_a11y_hash = h;
  if (g_a11y_hash != g_a11y_read) cvjs_a11y_changed();
}

const char* window_kind(const ImGuiWindow* w, const ImGuiWindow* main) {
  if (w == main) return "main";
  if (w->Flags & ImGuiWindowFlags_Tooltip) return "tooltip";
  if (w->Flags & (ImGuiWindowFlags_ChildMenu) || std::strncmp(w->Name, "##Menu_", 7) == 0) return "menu";
  if (std::strncmp(w->Name, "##Combo_", 8) == 0) return "listbox";
  return "dialog";
}

// Labels drawn in display order (right to left, joined) are told to a screen reader as written.
const std::string* (*g_logical)(std::string_view drawn) = nullptr;
std::string as_written(std::string drawn) {
  const std::string* written = g_logical ? g_logical(drawn) : nullptr;
  return written ? *written : drawn;
}

}  // namespace

namespace platform {
void describe_item(unsigned id, std::string_view name, std::string_view value) {
  const size_t at = g_labels_building.size();
  g_labels_building.append(name).append(value);
  g_described_building.push_back({id, at, name.size(), at + name.size(), value.size()});
}
void announce(std::string_view status) { g_status_building.assign(status); }
void set_logical_text(const std::string* (*lookup)(std::string_view drawn)) { g_logical = lookup; }
Display display() { return g_display; }
void set_display(float text_size, bool high_contrast) {
  cv_on_display(text_size, high_contrast, g_display.reduced_motion, g_display.touch);
  cvjs_save_display(g_display.text_size, g_display.high_contrast);
}
void want_large_fonts() {
  if (std::exchange(g_large_fonts, true)) return;
  g_font_dpr = 0;  // built again at the next frame
  request_frame();
}
}  // namespace platform

extern "C" {

// The mirror's model as JSON: {status, focus, windows: [{id, name, kind}], items: [{id, kind, label,
// name, value, state..., x, y, w, h, window, table, row, column}]}, in CSS pixels, in the order drawn.
EMSCRIPTEN_KEEPALIVE const char* cv_a11y_items() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  static const char* const kKinds[] = {"button", "checkbox", "textbox", "tab", "menuitem", "window", "text", "heading"};
  const float zoom = g_display.text_size;  // rectangles in CSS pixels
  cv::json windows = cv::json::array(), items = cv::json::array();
  std::vector<ImGuiID> seen;
  const ImGuiWindow* main = nullptr;
  for (const Item& it : g_items) {
    if (it.kind == kWindow || std::find(seen.begin(), seen.end(), it.window) != seen.end()) continue;
    seen.push_back(it.window);
    const ImGuiWindow* w = ImGui::FindWindowByID(it.window);
    if (!w) continue;
    if (!main) main = w;
    std::string name = w->Name;
    name = as_written(name.substr(0, name.find("##")));
    windows.push_back({{"id", it.window}, {"name", name}, {"kind", window_kind(w, main)}});
  }
  for (const Item& it : g_items) {
    if (it.kind == kWindow) continue;
    std::string label = g_labels.substr(it.at, it.len);
    if (it.kind != kText && it.kind != kHeading) label = label.substr(0, label.find("##"));
    cv::json o = {{"id", it.id}, {"kind", kKinds[it.kind]}, {"label", as_written(label)},
                  {"x", it.rect.Min.x * zoom}, {"y", it.rect.Min.y * zoom}, {"w", it.rect.GetWidth() * zoom},
                  {"h", it.rect.GetHeight() * zoom},
                  {"window", it.window}};
    if (it.state & kChecked) o["checked"] = true;
    if (it.state & kExpandable) o["expanded"] = (it.state & kExpanded) != 0;
    if (it.state & kDisabled) o["disabled"] = true;
    if (it.state & kSelected) o["selected"] = true;
    if (it.table) o["table"] = it.table, o["row"] = it.row, o["column"] = it.column;
    for (const Described& d : g_described)
      if (d.id == it.id) {
        o["name"] = g_labels.substr(d.name_at, d.name_len);
        o["value"] = g_labels.substr(d.value_at, d.value_len);
      }
    // The field being edited, as typed so far (Dear ImGui keeps the last field's text after it is
    // left: only while active). A password is never copied into the page.
    const bool secret = it.kind == kTextbox && (it.state & kSecret);
    if (secret) o["secret"] = true, o.erase("value");
    else if (it.kind == kTextbox && g.ActiveId == it.id && g.InputTextState.ID == it.id && g.InputTextState.TextA.Size > 0)
      o["value"] = std::string(g.InputTextState.TextA.Data);
    if (g.ActiveId == it.id) o["active"] = true;
    items.push_back(std::move(o));
  }
  cv::json out = {{"status", g_status}, {"focus", g.NavId}, {"windows", windows}, {"items", items}};
  g_a11y_read = g_a11y_hash;
  g_result = out.dump(-1, ' ', false, cv::json::error_handler_t::replace);
  return g_result.c_str();
}

// A screen reader (or the keyboard, through the mirror) activated or focused a mirrored widget.
EMSCRIPTEN_KEEPALIVE void cv_a11y_activate(double id) {
  g_a11y_activate = static_cast<ImGuiID>(id);
  web::input_arrived();
}
EMSCRIPTEN_KEEPALIVE void cv_a11y_focus(double id) {
  g_a11y_focus = static_cast<ImGuiID>(id);
  web::input_arrived();
}

}  // extern "C"

// [SECTION] Frames ----------------------------------------------------------------------------------
namespace {

ImGuiID g_last_add_id = 0;
ImRect g_last_add_rect;
ImRect g_last_add_whole;

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE int cv_frame() {
  ImGuiIO& io = ImGui::GetIO();
  const float zoom = g_display.text_size;
  for (Fallback& f : g_fallbacks)
    if (!f.want.empty() && !f.font.empty()) {  // characters seen that the atlas lacks: built again with them
      f.have.insert(f.have.end(), f.want.begin(), f.want.end());
      std::sort(f.have.begin(), f.have.end());
      f.want.clear();
      f.ranges.clear();
      g_font_dpr = 0;
    }
  if (g_font_dpr != g_dpr * zoom) {
    build_font();
    web::gl_fonts();
  }
  const double now = cvjs_now_ms();
  io.DeltaTime = g_last_frame_ms > 0 ? static_cast<float>(std::max(0.001, (now - g_last_frame_ms) / 1000.0)) : 1.0f / 60;
  g_last_frame_ms = now;
  io.DisplaySize = ImVec2(g_css_w / zoom, g_css_h / zoom);
  io.DisplayFramebufferScale = ImVec2(g_dpr * zoom, g_dpr * zoom);

  g_items_building.clear();
  g_labels_building.clear();
  g_texts_seen.Data.resize(0);
  a11y_before_frame();
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
  web::gl_draw(ImGui::GetDrawData());
  g_items.swap(g_items_building);
  g_labels.swap(g_labels_building);
  a11y_after_frame();
  const bool in_labels = glyphs_seen(g_labels), in_status = glyphs_seen(g_status);  // both read
  if (in_labels || in_status) cvjs_request_frame();
  g_most_vertices = 0;
  for (const ImDrawList* list : ImGui::GetDrawData()->CmdLists) g_most_vertices = std::max(g_most_vertices, list->VtxBuffer.Size);

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
Item g_pending_item;

// The table cell the item is in, if any.
void in_table_cell(ImGuiContext* ctx, Item& it) {
  ImGuiTable* t = ctx->CurrentTable;
  ImGuiWindow* w = ctx->CurrentWindow;
  if (t && w && (t->InnerWindow == w || t->OuterWindow == w)) it.table = t->ID, it.row = t->CurrentRow, it.column = t->CurrentColumn;
  else it.table = 0, it.row = it.column = -1;
}

// What kind of widget the item being reported is, and its state, for the accessibility mirror.
void classify(ImGuiContext* ctx, ImGuiID id, ImGuiItemStatusFlags status, Item& it) {
  ImGuiWindow* w = ctx->CurrentWindow;
  it.id = id;
  it.window = w ? w->RootWindow->ID : 0;
  it.state = (ctx->CurrentItemFlags & ImGuiItemFlags_Disabled) ? kDisabled : 0;
  if (status & ImGuiItemStatusFlags_Openable) it.state |= kExpandable | ((status & ImGuiItemStatusFlags_Opened) ? kExpanded : 0);
  const bool menu = w && ((w->Flags & ImGuiWindowFlags_ChildMenu) || w->DC.NavLayerCurrent == ImGuiNavLayer_Menu ||
                          ((w->Flags & ImGuiWindowFlags_Popup) && std::strncmp(w->Name, "##Menu_", 7) == 0));
  if (w && id == w->ID) {
    it.kind = kWindow;
  } else if (ctx->CurrentTabBar && ImGui::TabBarFindTabByID(ctx->CurrentTabBar, id)) {
    it.kind = kTab;
    if (ctx->CurrentTabBar->SelectedTabId == id) it.state |= kSelected;
  } else if (menu) {
    it.kind = kMenuItem;
    if (status & ImGuiItemStatusFlags_Checked) it.state |= kChecked;
  } else if (status & ImGuiItemStatusFlags_Inputable) {
    it.kind = kTextbox;
    if (ctx->InputTextState.ID == id && (ctx->InputTextState.Flags & ImGuiInputTextFlags_Password)) it.state |= kSecret;
  } else if (status & ImGuiItemStatusFlags_Checkable) {
    it.kind = kCheckbox;
    if (status & ImGuiItemStatusFlags_Checked) it.state |= kChecked;
  } else {
    it.kind = kButton;
  }
  in_table_cell(ctx, it);
}

void record_item(std::string_view label, const ImRect& r, const ImRect& whole, Item it) {
  if (r.GetWidth() <= 0 || r.GetHeight() <= 0) return;  // clipped away
  it.cut = r.Min.x != whole.Min.x || r.Min.y != whole.Min.y || r.Max.x != whole.Max.x || r.Max.y != whole.Max.y;
  it.whole = whole;
  it.at = g_labels_building.size();
  it.len = label.size();
  it.rect = r;
  g_items_building.push_back(it);
  g_labels_building += label;
}

}  // namespace

namespace platform {
void describe_text(std::string_view text, bool heading) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* w = g.CurrentWindow;
  if (!w || text.empty() || !(g.LastItemData.StatusFlags & ImGuiItemStatusFlags_Visible)) return;
  Item it{};
  it.kind = heading ? kHeading : kText;
  it.window = w->RootWindow->ID;
  in_table_cell(&g, it);
  // An id that stays while the text does (its element is kept): the text under the ID stack (a row's
  // PushID), salted apart from widgets' ids; the same text again in that place gets the next one.
  ImGuiID id = ImHashStr(text.data(), text.size(), ImHashStr("#text", 0, w->IDStack.back()));
  const int again = (*g_texts_seen.GetIntRef(id, 0))++;
  it.id = again ? ImHashData(&again, sizeof again, id) : id;
  ImRect r = g.LastItemData.Rect;
  r.ClipWithFull(w->ClipRect);
  record_item(text, r, g.LastItemData.Rect, it);
}
}  // namespace platform

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
  ImGuiWindow* w = ctx->CurrentWindow;
  ImRect r = bb;
  if (w) r.ClipWithFull(w->ClipRect);
  g_last_add_id = id;
  g_last_add_rect = r;
  g_last_add_whole = bb;
  if (id != 0 && id == g_pending_info_id) {
    record_item(g_pending_label, r, bb, g_pending_item);
    g_pending_info_id = 0;
  }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags status) {
  if (!label) return;
  Item it{};
  classify(ctx, id, status, it);
  if (id == g_last_add_id) {
    record_item(label, g_last_add_rect, g_last_add_whole, it);
  } else {
    g_pending_info_id = id;
    g_pending_label = label;
    g_pending_item = it;
  }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

extern "C" {

// [{label, id, key, x, y, w, h, focused}] of the last frame's visible widgets (not its texts), in CSS pixels. "label"
// is the visible text (before "##"), "id" the whole label string, "key" Dear ImGui's id (two widgets
// can have the same label: the fields of two number inputs); "focused" marks the keyboard's focus
// (Dear ImGui's navigation, shown as the focus frame); "cut": partly hidden by its window or region,
// "whole": then its whole rectangle [x, y, w, h].
EMSCRIPTEN_KEEPALIVE const char* cv_test_items() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  cv::json out = cv::json::array();
  for (const Item& it : g_items) {
    if (it.kind == kText || it.kind == kHeading) continue;  // widgets only
    const std::string label = g_labels.substr(it.at, it.len);
    const size_t hash = label.find("##");
    out.push_back({{"label", label.substr(0, hash)},
                   {"id", label},
                   {"key", it.id},
                   {"x", it.rect.Min.x * g_display.text_size},
                   {"y", it.rect.Min.y * g_display.text_size},
                   {"w", it.rect.GetWidth() * g_display.text_size},
                   {"h", it.rect.GetHeight() * g_display.text_size}});
    if (it.id == g.NavId && !g.NavDisableHighlight) out.back()["focused"] = true;
    if (it.cut) {
      const float k = g_display.text_size;
      out.back()["cut"] = true;
      out.back()["whole"] = {it.whole.Min.x * k, it.whole.Min.y * k, it.whole.GetWidth() * k, it.whole.GetHeight() * k};
    }
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

// The most vertices one window drew in the last frame, and the bits of an index into them.
EMSCRIPTEN_KEEPALIVE int cv_test_most_vertices() { return g_most_vertices; }
EMSCRIPTEN_KEEPALIVE int cv_test_index_bits() { return static_cast<int>(8 * sizeof(ImDrawIdx)); }
// The size the UI font's glyphs were drawn at, in device pixels (crisp text: DPR x text size x 16).
EMSCRIPTEN_KEEPALIVE float cv_test_font_px() { return ImGui::GetIO().Fonts->Fonts[0]->FontSize; }

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
  attrs.enableExtensionsByDefault = false;  // WebGL 2 itself is enough; enabling them all took 70 ms of the load
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
  emscripten_webgl_make_context_current(gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is not persisted in a file; the page has no file system
  io.ConfigInputTextCursorBlink = false;  // a blinking cursor would draw frames forever
  io.ConfigMacOSXBehaviors = cvjs_is_mac() != 0;
  // Every widget can be reached with the keyboard: Tab and the arrows move, Space and Enter act.
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.BackendPlatformName = "cultivate_web";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  io.SetPlatformImeDataFn = set_ime_data;
  ImGui::GetCurrentContext()->TestEngineHookItems = true;
  io.BackendRendererName = "cultivate_webgl2";
  web::gl_init();
  if (g_hooks.setup) g_hooks.setup();
  cvjs_init();  // listeners, size; asks for the first frame
}

}  // namespace platform
