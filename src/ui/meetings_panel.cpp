// meetings_panel.cpp: the Meetings tab: the designer (when, where, topics, who attends, the agenda
// table, roles), and what comes after (outcomes, actions, summaries, the next meeting).
//  [SECTION] The meeting designer
//  [SECTION] After the meeting
#include <algorithm>
#include <cmath>

#include "core/breakouts.h"
#include "core/format.h"
#include "core/meetings.h"
#include "core/roles.h"
#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

// [SECTION] The meeting designer ---------------------------------------------------------------------------

namespace {

void draw_meeting_header(const cv::Community& c, const cv::Views& v, const cv::MeetingInfo& m, State& st, Output& out) {
  std::string edited;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (edit_text("##meeting-title", m.title, edited, "Title", avail))
    out.ops.push_back(cv::op_set("Rename meeting", m.id, cv::f::meeting_title, cv::trim(edited)));
  // Date, time and place on a line; on a phone, date and time share one and the place has the next.
  const bool narrow = avail < kNarrow;
  const float w = narrow ? (avail - ImGui::GetStyle().ItemSpacing.x) / 2 : std::min(150.0f, avail / 4 - 8);
  if (edit_text("##meeting-date", m.date, edited, "Date: 2026-12-03", w)) {
    const std::string d = cv::trim(edited);
    if (d.empty() || cv::is_date(d)) out.ops.push_back(cv::op_set("Set the date", m.id, cv::f::meeting_date, d));
    else st.status = "\"" + d + "\" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-03.", st.status_is_error = true;
  }
  ImGui::SameLine();
  if (edit_text("##meeting-time", m.time, edited, "Time: 18:30", narrow ? w : w * 0.7f))
    out.ops.push_back(cv::op_set("Set the time", m.id, cv::f::meeting_time, cv::trim(edited)));
  if (!narrow) ImGui::SameLine();
  if (edit_text("##meeting-place", m.place, edited, "Place or video link", -FLT_MIN))
    out.ops.push_back(cv::op_set("Set the place", m.id, cv::f::meeting_place, cv::trim(edited)));

  int slot = m.slot;
  ImGui::SetNextItemWidth(number_width(60));
  if (ImGui::InputInt("minutes booked##slot", &slot, 15, 30) && slot >= 0 && slot <= 24 * 60)
    out.ops.push_back(cv::op_set("Set the slot", m.id, cv::f::meeting_slot, slot));
  if (!narrow) ImGui::SameLine();
  int every = m.every_weeks;
  ImGui::SetNextItemWidth(number_width(50));
  if (ImGui::InputInt("repeat every N weeks##every", &every) && every >= 0 && every <= 52)
    out.ops.push_back(cv::op_set("Set the series", m.id, cv::f::meeting_every_weeks, every));
  if (m.every_weeks > 0) {
    same_line_if_fits(number_width(50) + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize("meetings").x);
    int count = std::max(1, m.series_count);
    ImGui::SetNextItemWidth(number_width(50));
    if (ImGui::InputInt("meetings##count", &count) && count >= 1 && count <= 520)
      out.ops.push_back(cv::op_set("Set the series", m.id, cv::f::meeting_series_count, count));
  }
  // Topics: a combo of checkboxes.
  std::string preview;
  for (const auto& t : m.topics)
    if (const cv::Record* r = cv::find_live(c, t)) preview += (preview.empty() ? "" : "; ") + cv::get(*r, cv::f::topic_title);
  ImGui::SetNextItemWidth(-FLT_MIN);
  // From the backlog, most dots first: a topic ticked brings its proposed presenter to the input block.
  if (begin_combo("##topics", preview.empty() ? "Topics: none chosen" : ("Topics: " + preview).c_str(), ImGuiComboFlags_HeightLarge)) {
    for (const auto& t : m.topics)  // those on the meeting that left the backlog (done) stay untickable here
      if (const cv::Record* r = cv::find_live(c, t); r && cv::get(*r, cv::f::topic_state) == "done") {
        bool on = true;
        if (ImGui::Checkbox((cv::get(*r, cv::f::topic_title) + " (done)##topic-" + t).c_str(), &on))
          out.ops.push_back(cv::op_plan_topic(c, m.id, t, false));
      }
    const auto& backlog = v.tallies;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(backlog.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const cv::TopicTally& t = backlog[i];
        bool on = std::find(m.topics.begin(), m.topics.end(), t.id) != m.topics.end();
        const std::string label = t.title + "  (" + std::to_string(t.dots) + (t.dots == 1 ? " dot" : " dots") +
                                  (t.owner.empty() ? "" : ", " + shown_name(v, t.owner) + " opens it") + ")##topic-" + t.id;
        if (ImGui::Checkbox(label.c_str(), &on)) out.ops.push_back(cv::op_plan_topic(c, m.id, t.id, on));
      }
    ImGui::EndCombo();
  }
}


}  // namespace

// Each combo lists whose turn it is first, with why.

namespace {

// [SECTION] After the meeting ---------------------------------------------------------------------------

void draw_after(const cv::Community& c, const cv::MeetingInfo& m, State& st, const Env& env, Output& out) {
  const cv::Record* r = cv::find_live(c, m.id);
  std::string edited;
  ImGui::TextUnformatted("Outcomes");
  if (edit_text("##outcomes", r ? cv::get(*r, cv::f::meeting_outcomes) : "", edited, nullptr, -FLT_MIN, true, 70))
    out.ops.push_back(cv::op_set("Write outcomes", m.id, cv::f::meeting_outcomes, edited));
  const auto actions = cv::actions_of(c, m.id);
  if (!actions.empty() && ui::begin_table("actions", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Done", ImGuiTableColumnFlags_WidthFixed, 50);
    ImGui::TableSetupColumn("Action", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthFixed, 150);
    ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, 120);
    ImGui::TableSetupColumn("##remove", ImGuiTableColumnFlags_WidthFixed, 70);
    ImGui::TableHeadersRow();
    for (const auto& a : actions) {
      ImGui::PushID(a.id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      bool done = a.done;
      if (ImGui::Checkbox(("##done-" + a.id).c_str(), &done)) out.ops.push_back(cv::op_set(done ? "Action done" : "Action open again", a.id, cv::f::action_done, done));
      ImGui::TableNextColumn();
      if (edit_text(("##action-" + a.id).c_str(), a.text, edited, "What", -FLT_MIN))
        out.ops.push_back(cv::op_set("Edit an action", a.id, cv::f::action_text, cv::trim(edited)));
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-FLT_MIN);
      std::string owner;
      if (member_combo(("##owner-" + a.id).c_str(), a.owner.empty() ? "Owner" : shown_name(*env.views, a.owner),
                       *env.views, a.owner, owner, "owner-"))
        out.ops.push_back(cv::op_set("Set the owner", a.id, cv::f::action_owner, owner));
      ImGui::TableNextColumn();
      if (edit_text(("##due-" + a.id).c_str(), a.due, edited, "2026-12-10", -FLT_MIN)) {
        const std::string d = cv::trim(edited);
        if (d.empty() || cv::is_date(d)) out.ops.push_back(cv::op_set("Set the due date", a.id, cv::f::action_due, d));
      }
      ImGui::TableNextColumn();
      if (ui::small_button(("Remove##action-" + a.id).c_str())) out.ops.push_back(cv::op_delete("Remove an action", a.id, cv::kAction));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (input_and_add("##new-action", "An action: who does what by when", st.new_action, "Add action")) {
    out.ops.push_back(cv::op_add_action(env.new_id(), m.id, st.new_action));
    st.new_action.clear();
  }
}

// Who held which role and when, and whose turn has been longest in coming: the memory that keeps
// rotation fair.
void draw_roles_over_time(const cv::Views& v) {
  if (!ImGui::CollapsingHeader("Roles over time")) return;
  const char* roles[] = {"facilitator", "presenter", "book chooser", "case bringer"};
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  // Members own the group: the convener sees at a glance who has not presented yet.
  if (v.never_presented.empty()) {
    ImGui::TextWrapped("Everyone has presented at least once.");
  } else {
    std::string names;
    for (size_t i = 0; i < v.never_presented.size() && i < 12; ++i) names += (i ? ", " : "") + v.never_presented[i];
    if (v.never_presented.size() > 12) names += " and " + std::to_string(v.never_presented.size() - 12) + " more";
    ImGui::TextWrapped("Not presented yet (%d of %d): %s", static_cast<int>(v.never_presented.size()),
                       static_cast<int>(v.fairness.size()), names.c_str());
  }
  ImGui::TextDisabled("Turns per member, whose turn has been longest in coming first (never, then longest ago).");
  if (ui::begin_table("fairness", 9, flags, ImVec2(0, 260))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Member", ImGuiTableColumnFlags_WidthStretch, 2);
    for (const char* r : roles) ImGui::TableSetupColumn(cv::role_title(r).c_str(), ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Turns", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn("Topics proposed", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("Last turn", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Note", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(v.fairness.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const cv::RoleFairness& f = v.fairness[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(f.name.empty() ? "(no name yet)" : shown(f.name).c_str());
        for (const char* r : roles) {
          ImGui::TableNextColumn();
          auto it = f.turns.find(r);
          const int n = it == f.turns.end() ? 0 : it->second;
          // A presenter's turns say when they last presented.
          if (std::string(r) == "presenter" && !f.last_presented.empty())
            ImGui::Text("%d (%s)", n, f.last_presented.c_str());
          else
            ImGui::Text("%d", n);
        }
        ImGui::TableNextColumn();
        ImGui::Text("%d", f.total);
        ImGui::TableNextColumn();
        ImGui::Text("%d", f.proposed);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(f.last.empty() ? "never" : f.last.c_str());
        ImGui::TableNextColumn();
        std::string note = f.away;
        if (!f.declines.empty()) note += (note.empty() ? "" : "; ") + std::string("would rather not: ") + f.declines;
        ImGui::TextDisabled("%s", note.c_str());
      }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("Who held what, newest first.");
  if (ui::begin_table("role-history", 4, flags, ImVec2(0, 200))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Meeting", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Member", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(v.role_history.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const cv::RoleHeld& h = v.role_history[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(h.date.empty() ? "(no date)" : h.date.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(h.title.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(cv::role_title(h.role).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(shown_name(v, h.member).c_str());
      }
    ImGui::EndTable();
  }
}

}  // namespace

void draw_meetings_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  const auto& list = env.views->meetings;
  if (!st.meeting.empty() && !cv::find_live(c, st.meeting)) st.meeting.clear();
  if (st.meeting.empty() && !list.empty()) {
    // The next meeting from today, else the last one.
    st.meeting = list.back().id;
    const std::string today = cv::format_utc(w.now_ms).substr(0, 10);
    for (const auto& m : list)
      if (!m.date.empty() && m.date >= today) {
        st.meeting = m.id;
        break;
      }
  }

  // The meetings, and a new one from a template.
  begin_list_pane("meeting-list", 280, 0.3f);
  ui::heading("New meeting");
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (begin_combo("##template", st.meeting_template.c_str())) {
    for (const auto& t : cv::meeting_templates()) {
      if (ui::selectable((std::string(t.name) + "##tpl").c_str(), st.meeting_template == t.name)) st.meeting_template = t.name;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.description);
    }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##new-date", "Date: 2026-12-03", &st.meeting_date);
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##new-time", "Time: 18:30", &st.meeting_time);
  const std::string date = cv::trim(st.meeting_date);
  const bool date_ok = date.empty() || cv::is_date(date);
  if (!date_ok) ImGui::TextColored(kWarn, "\"%s\" is not a date (YYYY-MM-DD).", date.c_str());
  ImGui::BeginDisabled(!date_ok);
  if (ImGui::Button("Create meeting")) {
    const std::string id = env.new_id();
    out.ops.push_back(cv::op_new_meeting(c, id, st.meeting_template, date, cv::trim(st.meeting_time)));
    st.meeting = id;
  }
  ImGui::EndDisabled();
  ui::heading("Meetings");
  if (list.empty()) ImGui::TextDisabled("None yet.");
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(list.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const cv::MeetingInfo& m = list[i];
      const std::string label = (m.date.empty() ? std::string("(no date)") : m.date) + "  " + m.title + "##meeting-" + m.id;
      if (ui::selectable(label.c_str(), st.meeting == m.id)) st.meeting = m.id;
    }
  ImGui::EndChild();
  begin_detail_pane("meeting");
  const cv::Record* r = cv::find_live(c, st.meeting);
  if (!r) {
    ImGui::TextWrapped("Meetings are mostly interaction: pairs and small groups, each debriefed in the large group. "
                       "Choose a template on the left and create one.");
    ImGui::EndChild();
    return;
  }
  const cv::MeetingInfo m = cv::meeting_info(*r, st.meeting);
  ImGui::PushID(m.id.c_str());
  draw_meeting_header(c, *env.views, m, st, out);

  const auto& blocks = cv::views_agenda(*env.views, c, m.id);
  const auto& here = cv::views_attendees(*env.views, c, m.id);
  const int people = static_cast<int>(here.size());
  if (ImGui::CollapsingHeader(("Who attends: " + std::to_string(people)).c_str())) draw_attendance(c, *env.views, m.id, out, 3);
  draw_roles(c, *env.views, m.id, blocks, out);
  draw_meeting_reading(c, m.id);

  // The rule checker, in words; the block ones are shown on their rows too.
  const auto warnings = cv::check_meeting(blocks, m.slot);
  for (const auto& warn : warnings) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(("! " + warn.text).c_str());
    describe_text("Warning: " + warn.text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  const int total = cv::agenda_minutes(blocks);
  const auto air = cv::meeting_airtime(blocks, people);
  ImGui::TextDisabled("%d minutes%s. Each of the %d people can speak about %.0f minutes; in the large group only, it "
                      "would be %.0f.", total, m.slot ? (" of " + std::to_string(m.slot) + " booked").c_str() : "", people,
                      air.total, air.large_group_only);
  draw_agenda_table(c, w, m, blocks, warnings, people, env, out);

  ui::heading("Run it, share it");
  const cv::RunView run = cv::run_view(*r, blocks, w.now_ms);
  ImGui::BeginDisabled(blocks.empty());
  if (ImGui::Button(run.started && !run.ended ? "Resume the live view" : "Run the meeting")) {
    st.live_meeting = m.id;
    st.live_dismissed.clear();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Summary (Markdown)")) out.command(Command::ExportSummaryMarkdown, m.id);
  ImGui::SameLine();
  if (ImGui::Button("Summary (printable)")) out.command(Command::ExportSummaryHtml, m.id);
  ImGui::SameLine();
  ImGui::BeginDisabled(m.date.empty());
  const bool series = m.every_weeks > 0 && m.series_count > 1;
  if (ImGui::Button(series ? "Calendar: the series (.ics)" : "Calendar (.ics)")) out.command(Command::ExportSeriesIcs, m.id);
  if (series) {
    ImGui::SameLine();
    if (ImGui::Button("Calendar: this meeting (.ics)")) out.command(Command::ExportAgendaIcs, m.id);
  }
  if (ImGui::Button("Plan the next meeting")) {
    const std::string id = env.new_id();
    out.ops.push_back(cv::op_next_in_series(c, m.id, id));
    st.meeting = id;
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Delete meeting")) out.ops.push_back(cv::op_delete("Delete meeting", m.id, cv::kMeeting));

  ui::heading("After the meeting: outcomes and actions");
  draw_after(c, m, st, env, out);
  draw_roles_over_time(*env.views);
  ImGui::PopID();
  ImGui::EndChild();
}

}  // namespace ui
