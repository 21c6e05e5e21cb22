// widgets.cpp: widgets shared by panels.
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "core/text.h"
#include "core/books.h"
#include "core/breakouts.h"
#include "core/meetings.h"
#include "ui/ui.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <unordered_map>

namespace ui {

namespace {
// The text of the field being edited: it lives here, not in the model, until the edit ends.
ImGuiID g_editing = 0;
std::string g_buffer;
}  // namespace

void (*describe_item)(unsigned id, std::string_view name, std::string_view value) = nullptr;
void (*announce_status)(std::string_view text) = nullptr;
void (*describe_text_item)(std::string_view text, bool heading) = nullptr;
void* (*draw_to_picture)(const ImDrawList& shapes, float x, float y, float w, float h, void* into) = nullptr;

void describe_text(std::string_view text) {
  if (describe_text_item) describe_text_item(text, false);
}

void heading(const char* title) {
  ImGui::SeparatorText(title);
  if (describe_text_item) describe_text_item(std::string_view(title, ImGui::FindRenderedTextEnd(title) - title), true);
}

void describe_last(std::string_view name, std::string_view value) {
  if (describe_item) describe_item(ImGui::GetItemID(), name, value);
}

namespace {
// Drawn forms by text as written, and back. Emptied at the start of a frame once large, never during
// one, so a reference shown() returned lasts the frame.
std::unordered_map<std::string, std::string> g_drawn, g_written;
int g_drawn_frame = -1;

// A field that is drawn in another form than its text (shown()) is given its text as written when it
// becomes active, with the cursor at its end: what is typed goes into the text, not the drawing.
void take_text_as_written(ImGuiID id, const std::string& text) {
  ImGuiInputTextState* st = ImGui::GetInputTextState(id);
  if (!st) return;
  st->TextW.resize(static_cast<int>(text.size()) + 1);
  st->CurLenW = ImTextStrFromUtf8(st->TextW.Data, st->TextW.Size, text.c_str(), nullptr);
  st->CurLenA = static_cast<int>(text.size());
  st->InitialTextA.resize(static_cast<int>(text.size()) + 1);
  std::memcpy(st->InitialTextA.Data, text.c_str(), text.size() + 1);
  st->TextA.resize(0);
  st->TextAIsValid = false;
  st->Stb.cursor = st->Stb.select_start = st->Stb.select_end = st->CurLenW;
  st->ScrollX = 0;
}
}  // namespace

const std::string& shown(const std::string& s) {
  if (!cv::needs_visual(s)) return s;
  if (const int frame = ImGui::GetFrameCount(); frame != g_drawn_frame) {
    g_drawn_frame = frame;
    if (g_drawn.size() > 4096) g_drawn.clear(), g_written.clear();
  }
  auto [it, added] = g_drawn.try_emplace(s);
  if (added) {
    it->second = cv::visual(s);
    g_written[it->second] = s;
  }
  return it->second;
}

const std::string* logical_of(std::string_view drawn) {
  auto it = g_written.find(std::string(drawn));
  return it == g_written.end() ? nullptr : &it->second;
}

bool begin_child(const char* id, const ImVec2& size, ImGuiChildFlags flags) {
  return ImGui::BeginChild(id, size, flags, ImGuiWindowFlags_NavFlattened);
}

namespace {
bool g_touch = false;  // set with the style: a fingertip needs targets of 44 pixels

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}
}  // namespace

bool small_button(const char* label) {
  if (!g_touch) return ImGui::SmallButton(label);
  return ImGui::Button(label, ImVec2(std::max(button_width(label), ImGui::GetFrameHeight()), 0));
}

bool selectable(const char* label, bool selected, ImGuiSelectableFlags flags, ImVec2 size) {
  // A label longer than the width there is (a thread's title on a phone) is cut at the edge, not run
  // past it; in a popup the label sets the width.
  if (size.x == 0 && !(ImGui::GetCurrentWindow()->Flags & ImGuiWindowFlags_Popup)) {
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > 1 && ImGui::CalcTextSize(label, nullptr, true).x > avail) size.x = avail;
  }
  if (!g_touch) return ImGui::Selectable(label, selected, flags, size);
  // A row as tall as a button (its hit box adds the item spacing), its text in the middle.
  size.y = std::max(size.y, ImGui::GetFrameHeight() - ImGui::GetStyle().ItemSpacing.y);
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(ImGui::GetStyle().SelectableTextAlign.x, 0.5f));
  const bool pressed = ImGui::Selectable(label, selected, flags, size);
  ImGui::PopStyleVar();
  return pressed;
}

float number_width(float field) {
  return field + 2 * (ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
}

bool touch_sized() { return g_touch; }
void set_touch_sized(bool touch) { g_touch = touch; }

void begin_list_pane(const char* id, float most, float share) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.x < kNarrow) begin_child(id, ImVec2(0, avail.y * 0.45f), ImGuiChildFlags_Border);
  else begin_child(id, ImVec2(std::min(most, avail.x * share), 0), ImGuiChildFlags_Border);
}

void begin_detail_pane(const char* id) {
  if (ImGui::GetContentRegionAvail().x >= kNarrow) ImGui::SameLine();
  begin_child(id, ImVec2(0, 0));
}

bool begin_table(const char* id, int columns, ImGuiTableFlags flags, const ImVec2& size) {
  if (!ImGui::BeginTable(id, columns, flags, size)) return false;
  // A scrolling table is a child window that Dear ImGui 1.90 begins unflattened: Tab would go round
  // inside it forever. It is flattened here, as begin_child does, after the fact (BeginTable takes no
  // window flags): the window's own focus scope, which End() will not pop once flattened, is popped now.
  ImGuiTable* t = ImGui::GetCurrentTable();
  ImGuiWindow* w = t->InnerWindow;
  if (w != t->OuterWindow && !(w->Flags & ImGuiWindowFlags_NavFlattened)) {
    w->Flags |= ImGuiWindowFlags_NavFlattened;
    w->RootWindowForNav = w->ParentWindow->RootWindowForNav;
    ImGui::PopFocusScope();
    w->NavRootFocusScopeId = ImGui::GetCurrentContext()->CurrentFocusScopeId;
  }
  return true;
}

namespace {
ImGuiID g_nav_id = 0, g_nav_window = 0;  // the keyboard's focus at the end of the last frame
}

void keyboard_focus_start() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  // Escape on a widget of a panel: Dear ImGui leaves the panel's region for its parent with the focus
  // on the region itself, but a flattened region is no widget and the focus would be lost. It stays.
  ImGuiWindow* was = g_nav_window ? ImGui::FindWindowByID(g_nav_window) : nullptr;
  if (was && g.NavId != g_nav_id && g.NavId == was->ChildId && (was->Flags & ImGuiWindowFlags_NavFlattened)) {
    ImGui::FocusWindow(was);
    g.NavId = g_nav_id;
  }
}

void keyboard_focus_end() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  // The focused widget went away (a panel changed under it): Dear ImGui 1.90 then leaves Tab nothing
  // to go on from, and Tab does nothing. Hiding the dead focus makes the next Tab start at the first
  // widget, as a browser does when the focused element is removed.
  if (g.NavId != 0 && !g.NavIdIsAlive && !g.NavInitRequest && !g.NavDisableHighlight && g.ActiveId == 0)
    g.NavDisableHighlight = true;
  g_nav_id = g.NavId;
  g_nav_window = g.NavWindow ? g.NavWindow->ID : 0;
}

bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags) {
#ifdef IMGUI_ENABLE_TEST_ENGINE
  // Announced before the combo adds itself, so the test hooks pair the label with its rectangle.
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.TestEngineHookItems) ImGuiTestEngineHook_ItemInfo(&g, ImGui::GetID(label), label, 0);
#endif
  return ImGui::BeginCombo(label, preview, flags);
}

void focus_text(const char* label) {
  ImGui::ActivateItemByID(ImGui::GetID(label));
  ImGui::GetCurrentContext()->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;  // a text cursor, not a click
}

namespace {
// A one-line field with no visible label that is not being edited, nor about to be (under the mouse,
// focused by keys, asked to take the text cursor), drawn as Dear ImGui's InputText draws an idle one,
// without InputText and without a copy of its text: the Members tab draws a hundred of them at every
// frame. False when the field needs the real widget.
bool idle_field(const char* label, ImGuiID id, const std::string& value, const char* hint) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* window = g.CurrentWindow;
  if (window->SkipItems) return true;
  if (id == g_editing || id == g.ActiveId || id == g.ActiveIdPreviousFrame || id == g.NavId || id == g.NavActivateId ||
      id == g.NavNextActivateId || ImGui::FindRenderedTextEnd(label) != label)
    return false;
  const ImGuiStyle& style = g.Style;
  const ImVec2 size = ImGui::CalcItemSize(ImVec2(0, 0), ImGui::CalcItemWidth(), g.FontSize + style.FramePadding.y * 2);
  const ImVec2 at = window->DC.CursorPos;
  const ImRect bb(at, ImVec2(at.x + size.x, at.y + size.y));
  if (ImGui::IsMouseHoveringRect(bb.Min, bb.Max)) return false;
  ImGui::ItemSize(bb, style.FramePadding.y);
  if (!ImGui::ItemAdd(bb, id, &bb, ImGuiItemFlags_Inputable)) return true;
  ImGui::RenderNavHighlight(bb, id);
  ImGui::RenderFrame(bb.Min, bb.Max, ImGui::GetColorU32(ImGuiCol_FrameBg), true, style.FrameRounding);
  const bool show_hint = value.empty() && hint;
  const std::string& drawn = shown(value);
  const char* text = show_hint ? hint : drawn.c_str();
  const char* end = show_hint ? hint + std::strlen(hint) : text + drawn.size();
  const ImVec4 clip(bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y);
  window->DrawList->AddText(g.Font, g.FontSize, ImVec2(at.x + style.FramePadding.x, at.y + style.FramePadding.y),
                            ImGui::GetColorU32(show_hint ? ImGuiCol_TextDisabled : ImGuiCol_Text), text, end, 0.0f, &clip);
  IMGUI_TEST_ENGINE_ITEM_INFO(id, label, g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Inputable);
  return true;
}
}  // namespace

bool idle_fields = true;

bool edit_text(const char* label, const std::string& value, std::string& out, const char* hint, float width,
               bool multiline, float height) {
  const ImGuiID id = ImGui::GetID(label);
  if (!multiline && idle_fields) {
    if (width != 0) ImGui::SetNextItemWidth(width);
    if (idle_field(label, id, value, hint)) {
      describe_last(hint ? std::string_view(hint) : std::string_view(), value);
      return false;
    }
    width = 0;  // set already
  }
  std::string* buf = &g_buffer;
  std::string drawn;
  if (g_editing != id) {
    drawn = shown(value);  // a field not being edited shows its text as drawn (right to left, joined)
    buf = &drawn;
  }
  if (width != 0) ImGui::SetNextItemWidth(width);
  if (multiline) {
    ImGui::InputTextMultiline(label, buf, ImVec2(width, height));
  } else if (hint) {
    ImGui::InputTextWithHint(label, hint, buf);
  } else {
    ImGui::InputText(label, buf);
  }
  if (ImGui::IsItemActivated()) {
    if (g_editing != id && drawn != value) take_text_as_written(id, value);
    g_editing = id;
    g_buffer = value;
  }
  describe_last(hint ? std::string_view(hint) : std::string_view(), g_editing == id ? g_buffer : value);
  if (ImGui::IsItemDeactivated() && g_editing == id) {
    g_editing = 0;
    if (ImGui::IsItemDeactivatedAfterEdit() && *buf != value) {
      out = *buf;
      return true;
    }
  }
  return false;
}

bool input_and_add(const char* label, const char* hint, std::string& text, const char* button) {
  // Room for the button beside it, at this style's padding.
  ImGui::SetNextItemWidth(std::min(460.0f, ImGui::GetContentRegionAvail().x - button_width(button) - ImGui::GetStyle().ItemSpacing.x));
  const bool enter = ImGui::InputTextWithHint(label, hint, &text, ImGuiInputTextFlags_EnterReturnsTrue);
  describe_last(hint, text);
  ImGui::SameLine();
  const bool clicked = ImGui::Button(button);
  if (!(clicked || enter)) return false;
  text = cv::trim(text);
  return !text.empty();
}

void block_order_buttons(const std::vector<cv::Block>& blocks, size_t i, Output& out) {
  const cv::Block& b = blocks[i];
  ImGui::BeginDisabled(i == 0);
  if (ui::small_button(("Up##" + b.id).c_str())) out.ops.push_back(cv::op_move_block(blocks, i, i - 1));
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(i + 1 == blocks.size());
  if (ui::small_button(("Down##" + b.id).c_str())) out.ops.push_back(cv::op_move_block(blocks, i, i + 1));
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ui::small_button(("Remove##" + b.id).c_str())) out.ops.push_back(cv::op_delete("Remove block", b.id, cv::kBlock));
}

// Breakout groups in the agenda table and the live view.
// The newest breakout round made for a block, or nullptr.
const cv::BreakoutRound* round_for(const std::vector<cv::BreakoutRound>& rounds, const std::string& block) {
  const cv::BreakoutRound* out = nullptr;
  for (const auto& r : rounds)
    if (r.session == block) out = &r;
  return out;
}

void draw_groups_line(const cv::Community& c, const cv::BreakoutRound& r) {
  for (size_t g = 0; g < r.groups.size(); ++g) {
    std::string names;
    for (const auto& m : r.groups[g]) names += (names.empty() ? "" : ", ") + shown_member(c, m);
    ImGui::BulletText("Group %zu: %s", g + 1, names.c_str());
  }
}

// Make (or remake) the groups of a breakout block from who attends.
void groups_button(const cv::Community& c, const World& w, const cv::Block& b, const std::string& meeting,
                   const cv::BreakoutRound* made, Output& out) {
  if (w.groups_running) {
    ImGui::TextDisabled("finding groups...");
    return;
  }
  if (made) {
    if (ui::small_button(("Regenerate groups##" + b.id).c_str())) out.command(Command::RegenerateRound, made->id);
    return;
  }
  if (ui::small_button(("Make groups##" + b.id).c_str())) {
    cv::GroupsRequest req;
    req.present = cv::attendees(c, meeting);
    req.size = cv::group_size_of(b);
    req.session = b.id;
    out.generate_groups(std::move(req));
  }
}

// Who attends a meeting: a checkbox per member, in columns, a screenful of rows at a time.
void draw_attendance(const cv::Community& c, const cv::Views& v, const std::string& meeting, Output& out, int columns) {
  std::vector<std::string> here = cv::views_attendees(v, c, meeting);
  std::sort(here.begin(), here.end());
  member_checkboxes("attendance", v.members, columns, [&](const std::string& id) {
    return std::binary_search(here.begin(), here.end(), id);
  }, [&](const std::string& id, bool present) { out.ops.push_back(cv::op_attend(c, meeting, id, present)); }, "attends");
}

// "presenter, book chooser; case bringer" -> ["presenter", "book chooser", "case bringer"]
cv::json split_roles(const std::string& text) {
  cv::json roles = cv::json::array();
  std::string part;
  auto flush = [&] {
    std::string t = cv::trim(part);
    part.clear();
    if (t.empty()) return;
    for (const auto& r : roles)
      if (cv::fold(r.get<std::string>()) == cv::fold(t)) return;
    roles.push_back(t);
  };
  for (char ch : text) {
    if (ch == ',' || ch == ';' || ch == '\n') flush();
    else part += ch;
  }
  flush();
  return roles;
}

std::string join_roles(const std::vector<std::string>& roles) {
  std::string s;
  for (const std::string& r : roles) s += (s.empty() ? "" : ", ") + r;
  return s;
}

bool member_combo(const char* label, const std::string& preview, const cv::Views& v, const std::string& selected,
                  std::string& picked, const char* item_tag, ImGuiComboFlags flags) {
  if (!begin_combo(label, preview.c_str(), flags | ImGuiComboFlags_HeightLarge)) return false;
  // Many members: a field to find one, and the list drawn a screenful at a time.
  static std::string filter;
  static std::vector<int> shown;
  static std::string shown_for;
  static uint64_t shown_revision = 0;
  if (ImGui::IsWindowAppearing()) {
    filter.clear();
    shown_for = "\x01";
    if (v.members.size() > 12) ImGui::SetKeyboardFocusHere();
  }
  if (v.members.size() > 12) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##find-member", "Find a member", &filter);
    describe_last("Find a member", filter);
  }
  if (shown_for != filter || shown_revision != v.revision) {
    shown.clear();
    for (size_t i = 0; i < v.members.size(); ++i)
      if (filter.empty() || cv::search_match(cv::views_name(v, v.members[i].first), filter)) shown.push_back(static_cast<int>(i));
    shown_for = filter;
    shown_revision = v.revision;
  }
  bool changed = false;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(shown.size()));
  while (clipper.Step())
    for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
      const std::string& id = v.members[shown[k]].first;
      if (ui::selectable((shown_name(v, id) + "##" + item_tag + id).c_str(), id == selected) &&
          id != selected) {
        picked = id;
        changed = true;
      }
    }
  if (shown.empty()) ImGui::TextDisabled("No member matches.");
  ImGui::EndCombo();
  return changed;
}

void member_checkboxes(const char* table, const std::vector<std::pair<std::string, const cv::Record*>>& members,
                       int columns, const std::function<bool(const std::string&)>& checked,
                       const std::function<void(const std::string&, bool)>& toggled, const char* tag) {
  if (!ImGui::BeginTable(table, columns)) return;
  const int rows = static_cast<int>((members.size() + columns - 1) / columns);
  ImGuiListClipper clipper;
  clipper.Begin(rows);
  while (clipper.Step())
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      ImGui::TableNextRow();
      for (int col = 0; col < columns; ++col) {
        const size_t i = static_cast<size_t>(row) * columns + col;
        if (i >= members.size()) break;
        ImGui::TableSetColumnIndex(col);
        const std::string& id = members[i].first;
        const std::string name = cv::get(*members[i].second, cv::f::member_name);
        bool on = checked(id);
        if (ImGui::Checkbox(((name.empty() ? "(no name yet)" : name) + "##" + tag + "-" + id).c_str(), &on))
          toggled(id, on);
      }
    }
  ImGui::EndTable();
}

void draw_meeting_reading(const cv::Community& c, const std::string& meeting) {
  const cv::MeetingReading r = cv::reading_at(c, meeting);
  if (r.book_title.empty()) return;
  ImGui::TextWrapped("Reading: %s, %s", r.book_title.c_str(), r.part_title.c_str());
  for (const std::string& q : r.questions) ImGui::BulletText("%s", q.c_str());
}

void same_line_if_fits(float next_width) {
  // The cursor is at the start of the next line now: the width from there is the cell's or the window's.
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next_width <= right) ImGui::SameLine();
}

void same_line_if_fits(const char* next) { same_line_if_fits(button_width(next)); }

int button_lines(std::initializer_list<const char*> labels) {
  const float width = ImGui::GetContentRegionAvail().x, gap = ImGui::GetStyle().ItemSpacing.x;
  int lines = 0;
  float x = 0;
  for (const char* l : labels) {
    const float w = button_width(l);
    if (lines == 0 || x + gap + w > width) ++lines, x = w;
    else x += gap + w;
  }
  return lines;
}

void default_acting_as(const World& w, const cv::Views& v, State& st) {
  // The views name every live member: a lookup there, not among all the community's records.
  if (!st.acting_as.empty() && v.names.count(st.acting_as)) return;
  for (const std::string* who : {&w.me, &w.self})
    if (!who->empty() && v.names.count(*who)) {
      st.acting_as = *who;
      return;
    }
  st.acting_as = v.members.empty() ? std::string() : v.members[0].first;
}

}  // namespace ui
