// meetings_panel.cpp: the convener's meetings, before, during and after.
//  [SECTION] Guidelines
//  [SECTION] The meeting designer
//  [SECTION] After the meeting
//  [SECTION] The live view
// The live view's clock is World::now_ms (the platform clock): a tab in the background or a reload
// loses no time, because nothing here counts frames.
#include <algorithm>
#include <cmath>

#include "core/breakouts.h"
#include "core/format.h"
#include "core/meetings.h"
#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

namespace {

const ImVec4 kWarn(0.62f, 0.25f, 0.0f, 1);
const ImVec4 kGood(0.15f, 0.5f, 0.28f, 1);

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
    const cv::json req = {{"present", cv::attendees(c, meeting)}, {"size", b.kind == "pairs" ? 2 : (b.group_size > 1 ? b.group_size : 4)},
                          {"groups", 0}, {"rounds", 1}, {"bigger", true}, {"session", b.id}};
    out.command(Command::GenerateGroups, req.dump());
  }
}

}  // namespace

// [SECTION] Guidelines ---------------------------------------------------------------------------------

void draw_guidelines_panel(const cv::Doc& doc, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  const auto list = cv::guidelines(c);
  ImGui::TextWrapped("Guidelines make the community a safe place to say what you do not know. Keep the defaults, "
                     "change them, or write your own; members acknowledge them, and a change asks again.");
  if (list.empty() && ImGui::Button("Start with the five defaults")) out.ops.push_back(cv::op_default_guidelines(c, env.new_id()));
  std::string edited;
  for (size_t i = 0; i < list.size(); ++i) {
    const cv::Guideline& g = list[i];
    ImGui::PushID(g.id.c_str());
    ImGui::Text("%zu.", i + 1);
    ImGui::SameLine();
    if (edit_text(("##guideline-" + g.id).c_str(), g.text, edited, "A guideline", ImGui::GetContentRegionAvail().x - 170))
      out.ops.push_back(cv::op_set("Edit a guideline", g.id, cv::kGuideline, "text", cv::trim(edited)));
    ImGui::SameLine();
    ImGui::BeginDisabled(i == 0);
    if (ImGui::SmallButton("Up")) {
      const double before = i >= 2 ? list[i - 2].position : list[i - 1].position - 1;
      out.ops.push_back(cv::op_set("Move a guideline", g.id, cv::kGuideline, "position", (before + list[i - 1].position) / 2));
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::SmallButton(("Remove##guideline-" + g.id).c_str())) out.ops.push_back(cv::op_delete("Remove a guideline", g.id, cv::kGuideline));
    ImGui::Indent(28);
    if (edit_text(("##why-" + g.id).c_str(), g.why, edited, "Why it matters", -FLT_MIN))
      out.ops.push_back(cv::op_set("Edit why", g.id, cv::kGuideline, "why", cv::trim(edited)));
    ImGui::Unindent(28);
    ImGui::PopID();
  }
  if (input_and_add("##new-guideline", "Another guideline", st.new_guideline, "Add guideline")) {
    out.ops.push_back(cv::op_add_guideline(c, env.new_id(), st.new_guideline, ""));
    st.new_guideline.clear();
  }

  if (list.empty()) return;
  const auto acks = cv::acknowledgements(c);
  int current = 0;
  for (const auto& a : acks) current += a.state == cv::Acknowledgement::Current;
  ImGui::SeparatorText(("Acknowledged by " + std::to_string(current) + " of " + std::to_string(acks.size())).c_str());
  if (ImGui::BeginTable("acks", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const auto& a : acks) {
      ImGui::PushID(a.member.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(a.name.c_str());
      ImGui::TableNextColumn();
      if (a.state == cv::Acknowledgement::Current) ImGui::TextColored(kGood, "acknowledged");
      else if (a.state == cv::Acknowledgement::Earlier) ImGui::TextColored(kWarn, "acknowledged an earlier version");
      else ImGui::TextDisabled("not yet");
      ImGui::TableNextColumn();
      if (a.state != cv::Acknowledgement::Current && ImGui::SmallButton(("Acknowledge##" + a.member).c_str()))
        out.ops.push_back(cv::op_acknowledge(c, a.member));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
}

// The guidelines as a member reads them, with their own acknowledgement (the answers window).
void draw_guidelines_to_acknowledge(const cv::Doc& doc, const std::string& member, Output& out) {
  const cv::Community& c = doc.community;
  const auto list = cv::guidelines(c);
  if (list.empty()) return;
  ImGui::SeparatorText("How we learn together");
  for (const auto& g : list) {
    ImGui::BulletText("%s", g.text.c_str());
    if (!g.why.empty()) {
      ImGui::Indent();
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", g.why.c_str());
      ImGui::PopTextWrapPos();
      ImGui::Unindent();
    }
  }
  cv::Acknowledgement::State state = cv::Acknowledgement::None;
  for (const auto& a : cv::acknowledgements(c))
    if (a.member == member) state = a.state;
  if (state == cv::Acknowledgement::Current) {
    ImGui::TextColored(kGood, "You have acknowledged these guidelines.");
  } else {
    if (state == cv::Acknowledgement::Earlier) ImGui::TextColored(kWarn, "The guidelines changed since you acknowledged them.");
    if (ImGui::Button("I acknowledge the guidelines")) out.ops.push_back(cv::op_acknowledge(c, member));
  }
  ImGui::Spacing();
}

// [SECTION] The meeting designer ---------------------------------------------------------------------------

namespace {

void draw_meeting_header(const cv::Community& c, const cv::MeetingInfo& m, State& st, Output& out) {
  std::string edited;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (edit_text("##meeting-title", m.title, edited, "Title", avail))
    out.ops.push_back(cv::op_set("Rename meeting", m.id, cv::kMeeting, "title", cv::trim(edited)));
  const float w = std::min(150.0f, avail / 4 - 8);
  if (edit_text("##meeting-date", m.date, edited, "Date: 2026-12-03", w)) {
    const std::string d = cv::trim(edited);
    if (d.empty() || cv::is_date(d)) out.ops.push_back(cv::op_set("Set the date", m.id, cv::kMeeting, "date", d));
    else st.status = "\"" + d + "\" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-03.", st.status_is_error = true;
  }
  ImGui::SameLine();
  if (edit_text("##meeting-time", m.time, edited, "Time: 18:30", w * 0.7f))
    out.ops.push_back(cv::op_set("Set the time", m.id, cv::kMeeting, "time", cv::trim(edited)));
  ImGui::SameLine();
  if (edit_text("##meeting-place", m.place, edited, "Place or video link", -FLT_MIN))
    out.ops.push_back(cv::op_set("Set the place", m.id, cv::kMeeting, "place", cv::trim(edited)));

  int slot = m.slot;
  ImGui::SetNextItemWidth(120);
  if (ImGui::InputInt("minutes booked##slot", &slot, 15, 30) && slot >= 0 && slot <= 24 * 60)
    out.ops.push_back(cv::op_set("Set the slot", m.id, cv::kMeeting, "slot", slot));
  ImGui::SameLine();
  int every = m.every_weeks;
  ImGui::SetNextItemWidth(110);
  if (ImGui::InputInt("repeat every N weeks##every", &every) && every >= 0 && every <= 52)
    out.ops.push_back(cv::op_set("Set the series", m.id, cv::kMeeting, "every_weeks", every));
  if (m.every_weeks > 0) {
    ImGui::SameLine();
    int count = std::max(1, m.series_count);
    ImGui::SetNextItemWidth(110);
    if (ImGui::InputInt("meetings##count", &count) && count >= 1 && count <= 520)
      out.ops.push_back(cv::op_set("Set the series", m.id, cv::kMeeting, "series_count", count));
  }
  // Topics: a combo of checkboxes.
  std::string preview;
  for (const auto& t : m.topics)
    if (const cv::Record* r = cv::find_live(c, t)) preview += (preview.empty() ? "" : "; ") + r->text("title");
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (begin_combo("##topics", preview.empty() ? "Topics: none chosen" : ("Topics: " + preview).c_str())) {
    for (const auto& [id, t] : cv::live_of(c, cv::kTopic)) {
      bool on = std::find(m.topics.begin(), m.topics.end(), id) != m.topics.end();
      if (ImGui::Checkbox((t->text("title") + "##topic-" + id).c_str(), &on)) {
        std::vector<std::string> next = m.topics;
        if (on) next.push_back(id);
        else next.erase(std::remove(next.begin(), next.end(), id), next.end());
        out.ops.push_back(cv::op_set("Choose topics", m.id, cv::kMeeting, "topics", next));
      }
    }
    ImGui::EndCombo();
  }
}

void draw_attendance(const cv::Community& c, const std::string& meeting, Output& out, int columns) {
  const auto here = cv::attendees(c, meeting);
  if (ImGui::BeginTable("attendance", columns)) {
    for (const auto& [id, m] : cv::live_by_name(c, cv::kMember)) {
      ImGui::TableNextColumn();
      bool present = std::find(here.begin(), here.end(), id) != here.end();
      if (ImGui::Checkbox((m->text("name") + "##attends-" + id).c_str(), &present))
        out.ops.push_back(cv::op_attend(c, meeting, id, present));
    }
    ImGui::EndTable();
  }
}

}  // namespace

// Each combo lists whose turn it is first, with why.
void draw_roles(const cv::Community& c, const std::string& meeting, Output& out) {
  const auto slots = cv::meeting_roles(c, meeting);
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
    const std::string holder = s.member.empty() ? "open" : cv::member_name(c, s.member);
    if (begin_combo(("##role-" + key).c_str(), holder.c_str(), ImGuiComboFlags_HeightLarge)) {
      if (ImGui::Selectable(("Nobody yet##turn-" + key).c_str(), s.member.empty()) && !s.member.empty())
        out.ops.push_back(cv::op_set_role(meeting, s, ""));
      for (const cv::RoleTurn& t : cv::role_turns(c, meeting, s)) {
        if (ImGui::Selectable((t.name + "##turn-" + key + "-" + t.member).c_str(), t.member == s.member) &&
            t.member != s.member)
          out.ops.push_back(cv::op_set_role(meeting, s, t.member));
        std::string why = t.times == 0 ? "never yet" : t.times == 1 ? "once" : std::to_string(t.times) + " times";
        if (!t.last.empty()) why += ", last " + t.last;
        if (t.offers) why = "offers it, " + why;
        if (t.busy) why += ", has a role here";
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
                      "longest ago or never.");
}

void draw_agenda_table(const cv::Community& c, const World& w, const cv::MeetingInfo& m, const std::vector<cv::Block>& blocks,
                       const std::vector<cv::MeetingWarning>& warnings, int people, const Env& env, Output& out) {
  const auto starts = cv::start_times(m.time, blocks);
  const auto air = cv::meeting_airtime(blocks, people);
  const auto rounds = cv::breakout_rounds(c);
  const auto open = cv::open_actions_before(c, m.id);
  std::string edited;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("blocks", 6, flags)) return;
  ImGui::TableSetupColumn("Start", ImGuiTableColumnFlags_WidthFixed, 60);
  ImGui::TableSetupColumn("Minutes", ImGuiTableColumnFlags_WidthFixed, 110);
  ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, 150);
  ImGui::TableSetupColumn("Block", ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("Airtime", ImGuiTableColumnFlags_WidthFixed, 80);
  ImGui::TableSetupColumn("##order", ImGuiTableColumnFlags_WidthFixed, 185);
  ImGui::TableHeadersRow();
  for (size_t i = 0; i < blocks.size(); ++i) {
    const cv::Block& b = blocks[i];
    ImGui::PushID(b.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    // The handle: drag it onto another row to move the block there.
    ImGui::Selectable((starts[i].empty() ? "::##drag-" + b.id : starts[i] + "##drag-" + b.id).c_str(), false);
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
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputInt(("##minutes-" + b.id).c_str(), &minutes, 5, 10) && minutes >= 0 && minutes <= 600)
      out.ops.push_back(cv::op_set("Change minutes", b.id, cv::kBlock, "minutes", minutes));
    ImGui::TableNextColumn();
    // The kind, with its instructions on hover: one line per block.
    ImGui::TextDisabled("%s", cv::kind_label(b.kind));
    if (!b.notes.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", b.notes.c_str());
    ImGui::TableNextColumn();
    if (edit_text(("##block-title-" + b.id).c_str(), b.title, edited, "Title", -FLT_MIN))
      out.ops.push_back(cv::op_set("Rename block", b.id, cv::kBlock, "title", edited));
    for (const auto& warn : warnings)
      if (warn.block == b.id) {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(("! " + warn.text).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
      }
    if (b.kind == "review") {
      if (open.empty()) ImGui::TextDisabled("No open actions from earlier meetings.");
      for (const auto& a : open) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s (%s%s)", a.text.c_str(), a.owner.empty() ? "nobody yet" : cv::member_name(c, a.owner).c_str(),
                           a.due.empty() ? "" : (", due " + a.due).c_str());
      }
    }
    if (b.kind == "small_groups") {
      int size = b.group_size > 1 ? b.group_size : 4;
      ImGui::SetNextItemWidth(110);
      if (ImGui::InputInt(("per group##size-" + b.id).c_str(), &size) && size >= 2 && size <= 12)
        out.ops.push_back(cv::op_set("Set the group size", b.id, cv::kBlock, "group_size", size));
    }
    if (cv::is_breakout(b.kind)) {
      const cv::BreakoutRound* made = round_for(rounds, b.id);
      if (b.kind == "small_groups") ImGui::SameLine();
      groups_button(c, w, b, m.id, made, out);
      if (made) draw_groups_line(c, *made);
    }
    ImGui::TableNextColumn();
    if (b.kind == "break") ImGui::TextDisabled("-");
    else ImGui::Text("%.1f min", air.per_block[i]);
    ImGui::TableNextColumn();
    block_order_buttons(blocks, i, out);
    ImGui::PopID();
  }
  ImGui::EndTable();
  // A block from the library, at the end.
  if (begin_combo("##add-block", "Add a block...", ImGuiComboFlags_HeightLarge)) {
    for (const cv::BlockKind& k : cv::block_kinds()) {
      const std::string label = std::string(k.label) + " (" + std::to_string(k.minutes) + " min)##add-" + k.kind;
      if (ImGui::Selectable(label.c_str())) out.ops.push_back(cv::op_add_block(c, m.id, env.new_id(), k.kind));
      if (k.instructions[0] && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", k.instructions);
    }
    ImGui::EndCombo();
  }
}

namespace {

// [SECTION] After the meeting ---------------------------------------------------------------------------

void draw_after(const cv::Community& c, const cv::MeetingInfo& m, State& st, const Env& env, Output& out) {
  const cv::Record* r = cv::find_live(c, m.id);
  std::string edited;
  ImGui::TextUnformatted("Outcomes");
  if (edit_text("##outcomes", r ? r->text("outcomes") : "", edited, nullptr, -FLT_MIN, true, 70))
    out.ops.push_back(cv::op_set("Write outcomes", m.id, cv::kMeeting, "outcomes", edited));
  const auto members = cv::live_by_name(c, cv::kMember);
  const auto actions = cv::actions_of(c, m.id);
  if (!actions.empty() && ImGui::BeginTable("actions", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
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
      if (ImGui::Checkbox(("##done-" + a.id).c_str(), &done)) out.ops.push_back(cv::op_set(done ? "Action done" : "Action open again", a.id, cv::kAction, "done", done));
      ImGui::TableNextColumn();
      if (edit_text(("##action-" + a.id).c_str(), a.text, edited, "What", -FLT_MIN))
        out.ops.push_back(cv::op_set("Edit an action", a.id, cv::kAction, "text", cv::trim(edited)));
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-FLT_MIN);
      if (begin_combo(("##owner-" + a.id).c_str(), a.owner.empty() ? "Owner" : cv::member_name(c, a.owner).c_str())) {
        for (const auto& [id, mm] : members)
          if (ImGui::Selectable((mm->text("name") + "##owner-" + id).c_str(), id == a.owner))
            out.ops.push_back(cv::op_set("Set the owner", a.id, cv::kAction, "owner", id));
        ImGui::EndCombo();
      }
      ImGui::TableNextColumn();
      if (edit_text(("##due-" + a.id).c_str(), a.due, edited, "2026-12-10", -FLT_MIN)) {
        const std::string d = cv::trim(edited);
        if (d.empty() || cv::is_date(d)) out.ops.push_back(cv::op_set("Set the due date", a.id, cv::kAction, "due", d));
      }
      ImGui::TableNextColumn();
      if (ImGui::SmallButton(("Remove##action-" + a.id).c_str())) out.ops.push_back(cv::op_delete("Remove an action", a.id, cv::kAction));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (input_and_add("##new-action", "An action: who does what by when", st.new_action, "Add action")) {
    out.ops.push_back(cv::op_create("Add an action", env.new_id(), cv::kAction,
                                    {{"meeting", m.id}, {"text", st.new_action}, {"done", false}}));
    st.new_action.clear();
  }
}

}  // namespace

void draw_meetings_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  const auto list = cv::meetings(c);
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
  const float left_w = std::min(280.0f, ImGui::GetContentRegionAvail().x * 0.3f);
  ImGui::BeginChild("meeting-list", ImVec2(left_w, 0), ImGuiChildFlags_Border);
  ImGui::SeparatorText("New meeting");
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (begin_combo("##template", st.meeting_template.c_str())) {
    for (const auto& t : cv::meeting_templates()) {
      if (ImGui::Selectable((std::string(t.name) + "##tpl").c_str(), st.meeting_template == t.name)) st.meeting_template = t.name;
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
  ImGui::SeparatorText("Meetings");
  if (list.empty()) ImGui::TextDisabled("None yet.");
  for (const auto& m : list) {
    const std::string label = (m.date.empty() ? std::string("(no date)") : m.date) + "  " + m.title + "##meeting-" + m.id;
    if (ImGui::Selectable(label.c_str(), st.meeting == m.id)) st.meeting = m.id;
  }
  ImGui::EndChild();
  ImGui::SameLine();

  ImGui::BeginChild("meeting", ImVec2(0, 0));
  const cv::Record* r = cv::find_live(c, st.meeting);
  if (!r) {
    ImGui::TextWrapped("Meetings are mostly interaction: pairs and small groups, each debriefed in the large group. "
                       "Choose a template on the left and create one.");
    ImGui::EndChild();
    return;
  }
  const cv::MeetingInfo m = cv::meeting_info(*r, st.meeting);
  ImGui::PushID(m.id.c_str());
  draw_meeting_header(c, m, st, out);

  const auto blocks = cv::agenda(c, m.id);
  const auto here = cv::attendees(c, m.id);
  const int people = static_cast<int>(here.size());
  if (ImGui::CollapsingHeader(("Who attends: " + std::to_string(people)).c_str())) draw_attendance(c, m.id, out, 3);
  draw_roles(c, m.id, out);

  // The rule checker, in words; the block ones are shown on their rows too.
  const auto warnings = cv::check_meeting(blocks, m.slot);
  for (const auto& warn : warnings) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(("! " + warn.text).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  const int total = cv::agenda_minutes(blocks);
  const auto air = cv::meeting_airtime(blocks, people);
  ImGui::TextDisabled("%d minutes%s. Each of the %d people can speak about %.0f minutes; in the large group only, it "
                      "would be %.0f.", total, m.slot ? (" of " + std::to_string(m.slot) + " booked").c_str() : "", people,
                      air.total, air.large_group_only);
  draw_agenda_table(c, w, m, blocks, warnings, people, env, out);

  ImGui::SeparatorText("Run it, share it");
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

  ImGui::SeparatorText("After the meeting: outcomes and actions");
  draw_after(c, m, st, env, out);
  ImGui::PopID();
  ImGui::EndChild();
}

// [SECTION] The live view -------------------------------------------------------------------------------

// A run in progress opens the live view by itself (after a reload, it resumes where it was). A run
// nobody touched for three hours was left unended, not in progress: it does not take the window (a
// copy merged in from someone else's old meeting, say); its meeting offers to resume it instead.
std::string meeting_in_progress(const cv::Community& c, int64_t now_ms) {
  for (const auto& [id, r] : cv::live_of(c, cv::kMeeting)) {
    const std::string at = r->text("run_block");
    if (at.empty() || at == "end") continue;  // called every frame: no agenda for meetings not running
    const cv::RunView v = cv::run_view(*r, cv::agenda(c, id), now_ms);
    if (v.started && !v.ended && v.since_ms < 3 * 3600 * 1000LL) return id;
  }
  return {};
}

void draw_live_view(const cv::Doc& doc, const World& w, State& st, Output& out) {
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
  ImGui::Text("%s", r->text("title").c_str());
  if (!r->text("facilitator").empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("facilitated by %s", cv::member_name(c, r->text("facilitator")).c_str());
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
      const auto rounds = cv::breakout_rounds(c);
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
      out.ops.push_back(cv::op_set("Note debrief points", b.id, cv::kBlock, "debrief", edited));
    if (v.index + 1 < static_cast<int>(blocks.size())) {
      const cv::Block& next = blocks[v.index + 1];
      ImGui::TextDisabled("Next: %s (%d min)", next.title.c_str(), next.minutes);
    }
  }
  ImGui::SeparatorText(("Here: " + std::to_string(cv::attendees(c, id).size())).c_str());
  draw_attendance(c, id, out, 4);
  ImGui::PopID();
}

}  // namespace ui
