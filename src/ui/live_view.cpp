// live_view.cpp: the facilitator's view of a running meeting, in place of the tabs: the countdown,
// the next block, the groups, debrief notes and attendance, a chime and a flash when a block ends.
// Its clock is World::now_ms (the platform clock): a tab in the background or a reload loses no time,
// because nothing here counts frames.
#include <algorithm>
#include <cmath>

#include "core/breakouts.h"
#include "core/format.h"
#include "core/meetings.h"
#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

// A run in progress opens the live view by itself (after a reload, it resumes where it was). A run
// nobody touched for three hours was left unended, not in progress: it does not take the window (a
// copy merged in from someone else's old meeting, say); its meeting offers to resume it instead.
std::string meeting_in_progress(const cv::Community& c, int64_t now_ms) {
  for (const auto& [id, r] : cv::live_of(c, cv::kMeeting)) {
    const std::string at = cv::get(*r, cv::f::meeting_run_block);
    if (at.empty() || at == "end") continue;  // called every frame: no agenda for meetings not running
    const cv::RunView v = cv::run_view(*r, cv::agenda(c, id), now_ms);
    if (v.started && !v.ended && v.since_ms < 3 * 3600 * 1000LL) return id;
  }
  return {};
}

void draw_live_view(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  const cv::Record* r = cv::find_live(c, st.live_meeting);
  if (!r) {
    st.live_meeting.clear();
    return;
  }
  const std::string& id = st.live_meeting;
  const auto blocks = cv::agenda(c, id);
  const cv::RunView v = cv::run_view(*r, blocks, w.now_ms);
  ImGui::PushID("live");
  ImGui::Text("%s", cv::get(*r, cv::f::meeting_title).c_str());
  if (!cv::get(*r, cv::f::meeting_facilitator).empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("facilitated by %s", cv::member_name(c, cv::get(*r, cv::f::meeting_facilitator)).c_str());
  }
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - 150);
  if (ImGui::Button("Leave the live view")) {
    st.live_dismissed = id;
    st.live_meeting.clear();
  }

  // The end of a block: a chime and a flash, once, when the countdown crosses zero in this view.
  const std::string current = v.index >= 0 ? blocks[v.index].id : std::string(v.ended ? "end" : "");
  if (v.started && !v.ended && !v.paused && current == st.live_block && st.live_remaining > 0 && v.remaining_ms <= 0) {
    out.command(Command::Chime);
    st.flash_until = w.now_ms + 3000;
  }
  st.live_block = current;
  st.live_remaining = v.remaining_ms;
  const bool flashing = w.now_ms < st.flash_until && ((st.flash_until - w.now_ms) / 500) % 2 == 0;

  if (!v.started || blocks.empty()) {
    ImGui::TextWrapped("%zu blocks, %d minutes. Start when everyone is here; the countdown runs from the clock, so a "
                       "reload or a tab in the background loses no time.", blocks.size(),
                       cv::agenda_minutes(blocks));
    ImGui::BeginDisabled(blocks.empty());
    if (ImGui::Button("Start the meeting")) out.ops.push_back(cv::op_run_start(id, blocks, w.now_ms));
    ImGui::EndDisabled();
  } else if (v.ended) {
    ImGui::TextUnformatted("The meeting has ended. Outcomes and actions are in the meeting's page.");
    if (ImGui::Button("Back to the last block")) out.ops.push_back(cv::op_run_move(*r, id, blocks, -1, w.now_ms));
  } else {
    const cv::Block& b = blocks[v.index];
    ImGui::SeparatorText(("Block " + std::to_string(v.index + 1) + " of " + std::to_string(blocks.size())).c_str());
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextUnformatted(b.title.c_str());
    ImGui::SetWindowFontScale(1.0f);
    std::string kind = b.title == cv::kind_label(b.kind) ? "" : cv::kind_label(b.kind);
    if (v.extra_minutes) kind += (kind.empty() ? "" : ", ") + std::to_string(v.extra_minutes) + " min added";
    if (!kind.empty()) ImGui::TextDisabled("%s", kind.c_str());
    if (*cv::block_role(b.kind) && !b.lead.empty())
      ImGui::TextDisabled("%s: %s", cv::role_title(cv::block_role(b.kind)).c_str(), cv::member_name(c, b.lead).c_str());
    if (b.kind == "book") draw_meeting_reading(c, id);
    // The countdown, large: digits from the big font when the platform loaded one.
    ImFont* big = ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : nullptr;
    const std::string count = cv::format_countdown(v.remaining_ms);
    if (flashing) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.1f, 0.1f, 1));
    else if (v.remaining_ms < 0) ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
    else ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    if (big) ImGui::PushFont(big);
    ImGui::TextUnformatted(count.c_str());
    if (big) ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextDisabled(v.paused ? "paused" : v.remaining_ms < 0 ? "over time" : "left");
    const float total_ms = static_cast<float>(b.minutes + v.extra_minutes) * 60000.0f;
    ImGui::ProgressBar(total_ms > 0 ? std::clamp(static_cast<float>(v.elapsed_ms) / total_ms, 0.0f, 1.0f) : 1.0f, ImVec2(-FLT_MIN, 0), "");
    if (ImGui::Button(v.paused ? "Resume" : "Pause")) out.ops.push_back(cv::op_run_pause(*r, id, w.now_ms));
    ImGui::SameLine();
    if (ImGui::Button("+1 minute")) out.ops.push_back(cv::op_run_extend(*r, id, 1));
    ImGui::SameLine();
    ImGui::BeginDisabled(v.index == 0);
    if (ImGui::Button("Back")) out.ops.push_back(cv::op_run_move(*r, id, blocks, -1, w.now_ms));
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool last = v.index + 1 == static_cast<int>(blocks.size());
    if (ImGui::Button(last ? "End the meeting" : v.remaining_ms <= 0 ? "Next block" : "Skip to the next block"))
      out.ops.push_back(cv::op_run_move(*r, id, blocks, +1, w.now_ms));
    ImGui::SameLine();
    ImGui::TextDisabled("%lld min to the end", static_cast<long long>((v.meeting_left_ms + 59999) / 60000));

    if (!b.notes.empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(b.notes.c_str());
      ImGui::PopTextWrapPos();
    }
    if (cv::is_breakout(b.kind)) {
      const auto& rounds = env.views->rounds;
      const cv::BreakoutRound* made = round_for(rounds, b.id);
      ImGui::SeparatorText("Groups");
      if (made) draw_groups_line(c, *made);
      groups_button(c, w, b, id, made, out);
    }
    if (b.kind == "review")
      for (const auto& a : cv::open_actions_before(c, id))
        ImGui::BulletText("%s (%s)", a.text.c_str(), a.owner.empty() ? "nobody yet" : cv::member_name(c, a.owner).c_str());
    ImGui::SeparatorText("Notes for this block (debrief points)");
    std::string edited;
    if (edit_text(("##debrief-" + b.id).c_str(), b.debrief, edited, nullptr, -FLT_MIN, true, 90))
      out.ops.push_back(cv::op_set("Note debrief points", b.id, cv::f::block_debrief, edited));
    if (v.index + 1 < static_cast<int>(blocks.size())) {
      const cv::Block& next = blocks[v.index + 1];
      ImGui::TextDisabled("Next: %s (%d min)", next.title.c_str(), next.minutes);
    }
  }
  ImGui::SeparatorText(("Here: " + std::to_string(cv::views_attendees(*env.views, c, id).size())).c_str());
  draw_attendance(c, *env.views, id, out, 4);
  ImGui::PopID();
}

}  // namespace ui
