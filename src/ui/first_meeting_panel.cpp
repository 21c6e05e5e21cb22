// first_meeting_panel.cpp: the first meeting, generated from the chosen topic and the people, then
// the convener's to edit: date, time and place; blocks (in the meeting designer's table); a rule checker that
// explains in words when logistics crowd out content; a parking lot for logistics questions; exports
// as Markdown, a printable page and an .ics calendar file.
#include <algorithm>

#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

void draw_first_meeting_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  const std::string topic = cv::get(*env.views->about, cv::f::community_first_topic);
  const std::string meeting = cv::get(*env.views->about, cv::f::community_first_meeting);
  const cv::Record* m = cv::find_live(c, meeting);
  if (!cv::find_live(c, topic)) {
    ImGui::TextWrapped("Choose a topic for the first meeting first (Topics > Choose for the first meeting).");
    return;
  }
  if (!m) {
    ImGui::TextWrapped("The first meeting is made from the chosen topic and the people: introductions around "
                       "everyone's learning objectives, the topic opened by a member whose skills match it, "
                       "discussion in pairs or small groups, a large-group debrief, and logistics at the end.");
    if (ImGui::Button("Make the first meeting")) out.ops.push_back(cv::op_first_meeting(c, env.new_id()));
    return;
  }
  std::string edited;
  ImGui::TextUnformatted(cv::get(*m, cv::f::meeting_title).c_str());
  ImGui::SameLine();
  if (ui::small_button("Make it again")) out.ops.push_back(cv::op_first_meeting(c, meeting));
  const float fw = std::min(170.0f, ImGui::GetContentRegionAvail().x / 3 - 10);
  if (edit_text("##meeting-date", cv::get(*m, cv::f::meeting_date), edited, "Date: 2026-12-03", fw))
    out.ops.push_back(cv::op_set("Set the date", meeting, cv::f::meeting_date, cv::trim(edited)));
  ImGui::SameLine();
  if (edit_text("##meeting-time", cv::get(*m, cv::f::meeting_time), edited, "Time: 18:30", fw * 0.7f))
    out.ops.push_back(cv::op_set("Set the time", meeting, cv::f::meeting_time, cv::trim(edited)));
  ImGui::SameLine();
  if (edit_text("##meeting-place", cv::get(*m, cv::f::meeting_place), edited, "Place or video link", -FLT_MIN))
    out.ops.push_back(cv::op_set("Set the place", meeting, cv::f::meeting_place, cv::trim(edited)));

  const auto& blocks = cv::views_agenda(*env.views, c, meeting);
  draw_roles(c, *env.views, meeting, blocks, out);

  // The rule checker, in words.
  const auto problems = cv::check_first_meeting(blocks);
  for (const auto& p : problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.62f, 0.25f, 0.0f, 1));
    ImGui::TextWrapped("! %s", p.c_str());
    ImGui::PopStyleColor();
  }
  const int total = cv::agenda_minutes(blocks);
  int content = 0;
  for (const auto& b : blocks)
    if (cv::is_content(b.kind)) content += b.minutes;
  ImGui::TextDisabled("%d minutes; %d of them content (%d%%).", total, content, total ? content * 100 / total : 0);

  // The designer's table: start times, minutes, order by drag, airtime, groups for the breakouts.
  draw_agenda_table(c, w, cv::meeting_info(*m, meeting), blocks, {}, static_cast<int>(cv::views_attendees(*env.views, c, meeting).size()), env,
                    out);

  ui::heading("Parking lot: logistics questions, answered at the end");
  for (const std::string& p : cv::parking_lot(c, meeting)) ImGui::BulletText("%s", p.c_str());
  if (input_and_add("##new-parking", "When do we meet? Which video tool?", st.new_parking, "Park it")) {
    out.ops.push_back(cv::op_park(env.new_id(), meeting, st.new_parking));
    st.new_parking.clear();
  }

  ui::heading("Share the agenda");
  if (ImGui::Button("Export Markdown")) out.command(Command::ExportAgendaMarkdown, meeting);
  ImGui::SameLine();
  if (ImGui::Button("Printable page")) out.command(Command::ExportAgendaHtml, meeting);
  ImGui::SameLine();
  const bool dated = !cv::get(*m, cv::f::meeting_date).empty();
  ImGui::BeginDisabled(!dated);
  if (ImGui::Button("Calendar file (.ics)")) out.command(Command::ExportAgendaIcs, meeting);
  ImGui::EndDisabled();
  if (!dated) {
    ImGui::SameLine();
    ImGui::TextDisabled("(set a date first)");
  }
}

}  // namespace ui
