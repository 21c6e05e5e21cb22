// agenda_table.cpp: a meeting's blocks as the designer and the first meeting show them: start,
// minutes, kind, title, airtime, groups for breakouts, order (drag or buttons), a block from the
// library at the end; and the meeting's roles row.
#include <algorithm>
#include <cmath>

#include "core/breakouts.h"
#include "core/cases.h"
#include "core/format.h"
#include "core/meetings.h"
#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {


void draw_roles(const cv::Community& c, const cv::Views& v, const std::string& meeting, const std::vector<cv::Block>& blocks,
                Output& out) {
  const auto slots = cv::meeting_roles(c, meeting, &blocks);
  bool open = false;
  for (const auto& s : slots) open = open || s.member.empty();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Roles");
  const float combo_w = 170;
  for (const auto& s : slots) {
    const std::string label = cv::role_title(s.role);
    const float need = ImGui::CalcTextSize(label.c_str()).x + combo_w + 3 * ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < need) ImGui::NewLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", label.c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(combo_w);
    const std::string key = s.block.empty() ? "facilitator" : s.block;
    const std::string holder = s.member.empty() ? "open" : shown_member(c, s.member);
    if (begin_combo(("##role-" + key).c_str(), holder.c_str(), ImGuiComboFlags_HeightLarge)) {
      if (ui::selectable(("Nobody yet##turn-" + key).c_str(), s.member.empty()) && !s.member.empty())
        out.ops.push_back(cv::op_set_role(meeting, s, ""));
      const auto& turns = cv::views_role_turns(v, c, meeting, s);
      ImGuiListClipper clipper;  // a community of thousands: a screenful of them drawn
      clipper.Begin(static_cast<int>(turns.size()));
      while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
          const cv::RoleTurn& t = turns[i];
          if (ui::selectable((t.name + "##turn-" + key + "-" + t.member).c_str(), t.member == s.member) &&
              t.member != s.member)
            out.ops.push_back(cv::op_set_role(meeting, s, t.member));
          std::string why = t.times == 0 ? "never yet" : t.times == 1 ? "once" : std::to_string(t.times) + " times";
          if (!t.last.empty()) why += ", last " + t.last;
          if (t.offers) why = "offers it, " + why;
          if (t.busy) why += ", has a role here";
          if (t.declines) why = "would rather not, " + why;
          if (!t.away.empty()) why = t.away + ", " + why;
          ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.45f);
          ImGui::TextDisabled("%s", why.c_str());
        }
      ImGui::EndCombo();
    }
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!open);
  if (ImGui::Button("Rotate roles")) out.ops.push_back(cv::op_rotate_roles(c, meeting));
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Each open role to whoever's turn it is: members who offer it first, then whoever held it "
                      "longest ago or never. Nobody away or declining it is given a role.");
  // Two people trade their roles in one step.
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t a = 0; a < slots.size(); ++a)
    for (size_t b = a + 1; b < slots.size(); ++b)
      if (!slots[a].member.empty() && !slots[b].member.empty() && slots[a].member != slots[b].member) pairs.push_back({a, b});
  if (pairs.empty()) return;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(150);
  if (begin_combo("##swap-roles", "Swap two roles...", ImGuiComboFlags_HeightLarge)) {
    for (const auto& [a, b] : pairs) {
      const std::string text = cv::role_title(slots[a].role) + " (" + shown_member(c, slots[a].member) + ") and " +
                               cv::role_title(slots[b].role) + " (" + shown_member(c, slots[b].member) + ")";
      if (ui::selectable((text + "##swap-" + std::to_string(a) + "-" + std::to_string(b)).c_str()))
        out.ops.push_back(cv::op_swap_roles(meeting, slots[a], meeting, slots[b]));
    }
    ImGui::EndCombo();
  }
}

void draw_agenda_table(const cv::Community& c, const World& w, const cv::MeetingInfo& m, const std::vector<cv::Block>& blocks,
                       const std::vector<cv::MeetingWarning>& warnings, int people, const Env& env, Output& out) {
  const auto starts = cv::start_times(m.time, blocks);
  const auto air = cv::meeting_airtime(blocks, people);
  const auto& rounds = env.views->rounds;
  const auto open = cv::open_actions_before(c, m.id);
  std::string edited;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  // On a phone each block is a card beside its start: minutes and kind, title, airtime and order.
  const bool narrow = ImGui::GetContentRegionAvail().x < kNarrow;
  if (!ui::begin_table("blocks", narrow ? 2 : 6, flags)) return;
  ImGui::TableSetupColumn("Start", ImGuiTableColumnFlags_WidthFixed, 60);
  if (!narrow) {
    ImGui::TableSetupColumn("Minutes", ImGuiTableColumnFlags_WidthFixed, 110);
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, 150);
  }
  ImGui::TableSetupColumn("Block", ImGuiTableColumnFlags_WidthStretch, 3);
  if (!narrow) {
    ImGui::TableSetupColumn("Airtime", ImGuiTableColumnFlags_WidthFixed, 80);
    ImGui::TableSetupColumn("##order", ImGuiTableColumnFlags_WidthFixed, 185);
  }
  ImGui::TableHeadersRow();
  for (size_t i = 0; i < blocks.size(); ++i) {
    const cv::Block& b = blocks[i];
    ImGui::PushID(b.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    // The handle: drag it onto another row to move the block there.
    ui::selectable((starts[i].empty() ? "::##drag-" + b.id : starts[i] + "##drag-" + b.id).c_str(), false);
    if (ImGui::BeginDragDropSource()) {
      const int from = static_cast<int>(i);
      ImGui::SetDragDropPayload("CULTIVATE_BLOCK", &from, sizeof from);
      ImGui::Text("Move \"%s\"", b.title.c_str());
      ImGui::EndDragDropSource();
    }
    if (ImGui::BeginDragDropTarget()) {
      if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload("CULTIVATE_BLOCK")) {
        const int from = *static_cast<const int*>(p->Data);
        if (from >= 0 && from < static_cast<int>(blocks.size())) out.ops.push_back(cv::op_move_block(blocks, from, i));
      }
      ImGui::EndDragDropTarget();
    }
    ImGui::TableNextColumn();
    int minutes = b.minutes;
    ImGui::SetNextItemWidth(narrow ? number_width(50) : -FLT_MIN);
    if (ImGui::InputInt(("##minutes-" + b.id).c_str(), &minutes, 5, 10) && minutes >= 0 && minutes <= 600)
      out.ops.push_back(cv::op_set("Change minutes", b.id, cv::f::block_minutes, minutes));
    if (narrow) {
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
    } else {
      ImGui::TableNextColumn();
    }
    // The kind, with its instructions on hover: one line per block.
    ImGui::TextDisabled("%s", cv::kind_label(b.kind));
    if (!b.notes.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", b.notes.c_str());
    if (!narrow) ImGui::TableNextColumn();
    if (edit_text(("##block-title-" + b.id).c_str(), b.title, edited, "Title", -FLT_MIN))
      out.ops.push_back(cv::op_set("Rename block", b.id, cv::f::block_title, edited));
    for (const auto& warn : warnings)
      if (warn.block == b.id) {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(("! " + warn.text).c_str());
        describe_text("Warning: " + warn.text);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
      }
    if (b.kind == "peer_assist" || b.kind == "case") {
      ImGui::SetNextItemWidth(-FLT_MIN);
      case_picker(*env.views, b, out);
    }
    if (b.kind == "peer_assist") {
      int from = cv::phase_starts(b)[2] / 60;
      ImGui::SetNextItemWidth(number_width(50));
      if (ImGui::InputInt(("suggestions from minute##suggest-" + b.id).c_str(), &from) && from >= 0 && from <= b.minutes)
        out.ops.push_back(cv::op_suggestions_from(b, from));
      if (from * 2 < b.minutes) {
        ImGui::SameLine();
        ImGui::TextColored(kWarn, "before half the time: little room for questions");
      }
    }
    if (b.kind == "welcome" || b.kind == "review") draw_follow_ups(c, *env.views, m.id);
    if (b.kind == "review") {
      if (open.empty()) ImGui::TextDisabled("No open actions from earlier meetings.");
      for (const auto& a : open) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s (%s%s)", a.text.c_str(), a.owner.empty() ? "nobody yet" : shown_member(c, a.owner).c_str(),
                           a.due.empty() ? "" : (", due " + a.due).c_str());
      }
    }
    if (b.kind == "small_groups") {
      int size = b.group_size > 1 ? b.group_size : 4;
      ImGui::SetNextItemWidth(number_width(50));
      if (ImGui::InputInt(("per group##size-" + b.id).c_str(), &size) && size >= 2 && size <= 12)
        out.ops.push_back(cv::op_set("Set the group size", b.id, cv::f::block_group_size, size));
    }
    if (cv::is_breakout(b.kind)) {
      const cv::BreakoutRound* made = round_for(rounds, b.id);
      if (b.kind == "small_groups") ImGui::SameLine();
      groups_button(c, w, b, m.id, made, out);
      if (made) draw_groups_line(c, *made);
    }
    if (!narrow) ImGui::TableNextColumn();
    else ImGui::AlignTextToFramePadding();
    if (b.kind == "break") ImGui::TextDisabled("-");
    else ImGui::Text(narrow ? "%.1f min each" : "%.1f min", air.per_block[i]);
    if (!narrow) ImGui::TableNextColumn();
    else ImGui::SameLine();
    block_order_buttons(blocks, i, out);
    ImGui::PopID();
  }
  ImGui::EndTable();
  // A block from the library, at the end.
  if (begin_combo("##add-block", "Add a block...", ImGuiComboFlags_HeightLarge)) {
    for (const cv::BlockKind& k : cv::block_kinds()) {
      const std::string label = std::string(k.label) + " (" + std::to_string(k.minutes) + " min)##add-" + k.kind;
      if (ui::selectable(label.c_str())) out.ops.push_back(cv::op_add_block(c, m.id, env.new_id(), k.kind));
      if (k.instructions[0] && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", k.instructions);
    }
    ImGui::EndCombo();
  }
}

}  // namespace ui
