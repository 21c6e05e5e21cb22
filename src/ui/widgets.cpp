// widgets.cpp: widgets shared by panels.
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "core/text.h"
#include "core/books.h"
#include "core/breakouts.h"
#include "core/meetings.h"
#include "ui/ui.h"

namespace ui {

namespace {
// The text of the field being edited: it lives here, not in the model, until the edit ends.
ImGuiID g_editing = 0;
std::string g_buffer;
}  // namespace

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

bool edit_text(const char* label, const std::string& value, std::string& out, const char* hint, float width,
               bool multiline, float height) {
  const ImGuiID id = ImGui::GetID(label);
  std::string* buf = &g_buffer;
  std::string shown;
  if (g_editing != id) {
    shown = value;
    buf = &shown;
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
    g_editing = id;
    g_buffer = value;
  } else if (ImGui::IsItemActive() && g_editing == id) {
    // The buffer already follows the widget.
  }
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
  ImGui::SetNextItemWidth(std::min(460.0f, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(button).x - 30));
  const bool enter = ImGui::InputTextWithHint(label, hint, &text, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  const bool clicked = ImGui::Button(button);
  if (!(clicked || enter)) return false;
  text = cv::trim(text);
  return !text.empty();
}

void block_order_buttons(const std::vector<cv::Block>& blocks, size_t i, Output& out) {
  const cv::Block& b = blocks[i];
  ImGui::BeginDisabled(i == 0);
  if (ImGui::SmallButton(("Up##" + b.id).c_str())) out.ops.push_back(cv::op_move_block(blocks, i, i - 1));
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(i + 1 == blocks.size());
  if (ImGui::SmallButton(("Down##" + b.id).c_str())) out.ops.push_back(cv::op_move_block(blocks, i, i + 1));
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::SmallButton(("Remove##" + b.id).c_str())) out.ops.push_back(cv::op_delete("Remove block", b.id, cv::kBlock));
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
    for (const auto& m : r.groups[g]) names += (names.empty() ? "" : ", ") + cv::member_name(c, m);
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
    if (ImGui::SmallButton(("Regenerate groups##" + b.id).c_str())) out.command(Command::RegenerateRound, made->id);
    return;
  }
  if (ImGui::SmallButton(("Make groups##" + b.id).c_str())) {
    cv::GroupsRequest req;
    req.present = cv::attendees(c, meeting);
    req.size = cv::group_size_of(b);
    req.session = b.id;
    out.generate_groups(std::move(req));
  }
}

// Who attends a meeting: a checkbox per member, in columns.
void draw_attendance(const cv::Community& c, const std::string& meeting, Output& out, int columns) {
  const auto here = cv::attendees(c, meeting);
  if (ImGui::BeginTable("attendance", columns)) {
    for (const auto& [id, m] : cv::live_by_name(c, cv::kMember)) {
      ImGui::TableNextColumn();
      bool present = std::find(here.begin(), here.end(), id) != here.end();
      if (ImGui::Checkbox((cv::get(*m, cv::f::member_name) + "##attends-" + id).c_str(), &present))
        out.ops.push_back(cv::op_attend(c, meeting, id, present));
    }
    ImGui::EndTable();
  }
}

void draw_meeting_reading(const cv::Community& c, const std::string& meeting) {
  const cv::MeetingReading r = cv::reading_at(c, meeting);
  if (r.book_title.empty()) return;
  ImGui::TextWrapped("Reading: %s, %s", r.book_title.c_str(), r.part_title.c_str());
  for (const std::string& q : r.questions) ImGui::BulletText("%s", q.c_str());
}

}  // namespace ui
