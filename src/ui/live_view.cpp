// live_view.cpp: the facilitator's view of a running meeting, in place of the tabs: the countdown,
// the next block, the groups, debrief notes and attendance, a chime and a flash when a block ends.
// Its clock is World::now_ms (the platform clock): a tab in the background or a reload loses no time,
// because nothing here counts frames.
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

// A run in progress opens the live view by itself (after a reload, it resumes where it was). A run
// nobody touched for three hours was left unended, not in progress: it does not take the window (a
// copy merged in from someone else's old meeting, say); its meeting offers to resume it instead.
// Called every frame: only the meetings whose run is under way (read once per change) are looked at.
std::string meeting_in_progress(const cv::Community& c, const cv::Views& views, int64_t now_ms) {
  for (const std::string& id : views.runs) {
    const cv::Record* r = cv::find_live(c, id);
    if (!r) continue;
    const cv::RunView v = cv::run_view(*r, cv::views_agenda(views, c, id), now_ms);
    if (v.started && !v.ended && v.since_ms < 3 * 3600 * 1000LL) return id;
  }
  return {};
}

void draw_live_case(const cv::Community& c, const World& w, State& st, const Env& env, const cv::Record& meeting,
                    const std::string& meeting_id, const cv::Block& b, int64_t elapsed_ms, bool paused, Output& out) {
  const cv::Views& v = *env.views;
  const bool phased = b.kind == "peer_assist";
  ui::heading(phased ? "Peer-assist" : "The case");
  case_picker(v, b, out);
  auto at = v.case_at.find(b.case_id);
  if (at == v.case_at.end()) {
    ImGui::TextDisabled("Pick the case this block works on; its bringer presents it.");
    return;
  }
  const cv::CaseView& k = v.cases[at->second];
  ImGui::SameLine();
  ImGui::TextDisabled("brought by %s", cv::case_bringer_shown(c, k).c_str());
  ImGui::PushTextWrapPos(0);
  if (!k.question.empty()) ImGui::Text("The question: %s", k.question.c_str());
  if (!k.context.empty()) ImGui::TextDisabled("%s", k.context.c_str());
  ImGui::PopTextWrapPos();

  // The phases: each with its own countdown, the current one marked in words and colour.
  cv::Phase phase = cv::Phase::Suggestions;  // a case discussion: questions and suggestions as they come
  if (phased) {
    const cv::PhaseView pv = cv::phase_at(b, elapsed_ms, cv::get(meeting, cv::f::meeting_run_extra));
    phase = pv.phase;
    const int p = static_cast<int>(phase);
    for (int i = 0; i < 4; ++i) {
      if (i) ImGui::SameLine();
      const std::string label = std::to_string(i + 1) + " " + cv::kPhaseTitles[i];
      if (i == p) ImGui::TextColored(kGood, "[%s]", label.c_str());
      else ImGui::TextDisabled("%s", label.c_str());
    }
    ImGui::Text("%s: %s %s", cv::kPhaseTitles[p], cv::format_countdown(pv.left_ms).c_str(),
                paused ? "(paused)" : p < 3 ? "to the next phase" : "to the end");
    ImGui::TextWrapped("%s", cv::kPhaseHints[p]);
    if (p < 3) {
      if (ImGui::Button(("Start " + std::string(cv::kPhaseTitles[p + 1]) + " now").c_str()))
        out.ops.push_back(cv::op_next_phase(b, elapsed_ms));
      ImGui::SameLine();
      if (ImGui::Button("+2 min for this phase"))
        out.ops.push_back(cv::op_more_phase_time(b, meeting, meeting_id, elapsed_ms, 2));
    }
  }
  const auto& present = cv::views_attendees(v, c, meeting_id);
  const cv::PeerAssist pa = cv::peer_assist(k, meeting_id, present);
  std::string quiet;
  for (size_t i = 0; i < pa.not_spoken.size() && i < 12; ++i) quiet += (i ? ", " : "") + shown_name(v, pa.not_spoken[i]);
  if (pa.not_spoken.size() > 12) quiet += " and " + std::to_string(pa.not_spoken.size() - 12) + " more";
  ImGui::Text("Questions asked: %zu · Suggestions parked: %d · Not spoken yet: %s", pa.questions.size(), pa.parked,
              quiet.empty() ? "everyone has" : quiet.c_str());

  // Logging a contribution: who, then the words. Advice during the questions is parked.
  if (phase != cv::Phase::Reflection) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Who:");
    if (present.size() <= 16) {
      for (const std::string& m : present) {
        if (m == k.bringer) continue;
        ImGui::SameLine();
        if (ImGui::RadioButton((shown_name(v, m) + "##pa-by-" + m).c_str(), st.pa_by == m)) st.pa_by = m;
      }
    } else {
      ImGui::SameLine();
      ImGui::SetNextItemWidth(220);
      member_combo("##pa-by", st.pa_by.empty() ? "not noted" : shown_name(v, st.pa_by), v, st.pa_by, st.pa_by, "pa-by-");
    }
    const char* hint = phase == cv::Phase::Suggestions ? "A suggestion (or a question)" : "A question that helps the bringer see the problem";
    if (input_and_add("##pa-words", hint, st.pa_words, "Note it")) {
      const cv::NoteKind nk = cv::note_kind_in(phase, st.pa_words);
      out.ops.push_back(cv::op_peer_note(k, env.new_id(), meeting_id, st.pa_by, st.pa_words, phase, w.now_ms));
      if (nk.parked) out.status = "That reads as advice: parked until the suggestions phase.";
      st.pa_words.clear();
    }
  }

  // What was offered in this meeting. Parked advice waits, greyed, until the suggestions begin.
  const bool suggestions_open = phase == cv::Phase::Suggestions || phase == cv::Phase::Reflection;
  auto who = [&](const cv::CaseNote& n) { return n.member.empty() ? std::string() : " (" + shown_name(v, n.member) + ")"; };
  for (const cv::CaseNote& n : pa.questions) ImGui::BulletText("Q: %s%s", n.text.c_str(), who(n).c_str());
  if (pa.parked && !suggestions_open) ui::heading(("Parked for the suggestions (" + std::to_string(pa.parked) + ")").c_str());
  if (pa.parked && suggestions_open) ui::heading("Parked during the questions, now's the time");
  bool rest = false;
  for (const cv::CaseNote& n : pa.suggestions) {
    if (!n.parked && !rest) {
      if (!suggestions_open) break;
      ui::heading("Suggestions");
      rest = true;
    }
    ImGui::PushID(n.id.c_str());
    if (phase == cv::Phase::Reflection) {
      bool yes = n.will_try;
      if (ImGui::Checkbox(("Will try: " + n.text + who(n) + "##will-try").c_str(), &yes)) out.ops.push_back(cv::op_will_try(n.id, yes));
    } else if (!suggestions_open) {
      ImGui::Bullet();
      ImGui::TextDisabled("%s%s", n.text.c_str(), who(n).c_str());
      ImGui::SameLine();
      if (ui::small_button("Not advice: keep as a question")) out.ops.push_back(cv::op_keep_as_question(n.id));
    } else {
      ImGui::BulletText("%s%s", n.text.c_str(), who(n).c_str());
    }
    ImGui::PopID();
  }
  if (ImGui::Button("Case (Markdown)")) out.command(Command::ExportCaseMarkdown, k.id);
  ImGui::SameLine();
  if (ImGui::Button("Case (printable)")) out.command(Command::ExportCaseHtml, k.id);
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
  describe_text(cv::get(*r, cv::f::meeting_title));
  if (!cv::get(*r, cv::f::meeting_facilitator).empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("facilitated by %s", shown_member(c, cv::get(*r, cv::f::meeting_facilitator)).c_str());
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
  // With reduced motion asked for, the end is a calm cue instead: a steady line that says so, for as
  // long as the block is over its time (no timer, no frames of its own).
  const bool flashing = !w.reduced_motion && w.now_ms < st.flash_until && ((st.flash_until - w.now_ms) / 500) % 2 == 0;
  const bool calm = w.reduced_motion && v.started && !v.ended && !v.paused && v.remaining_ms <= 0;
  st.live_cue = calm ? "calm" : !w.reduced_motion && w.now_ms < st.flash_until ? "flash" : "";

  if (!v.started || blocks.empty()) {
    const std::string intro = std::to_string(blocks.size()) + " blocks, " + std::to_string(cv::agenda_minutes(blocks)) +
                              " minutes. Start when everyone is here; the countdown runs from the clock, so a reload or "
                              "a tab in the background loses no time.";
    ImGui::TextWrapped("%s", intro.c_str());
    describe_text(intro);
    ImGui::BeginDisabled(blocks.empty());
    if (ImGui::Button("Start the meeting")) out.ops.push_back(cv::op_run_start(id, blocks, w.now_ms));
    ImGui::EndDisabled();
  } else if (v.ended) {
    ImGui::TextUnformatted("The meeting has ended. Outcomes and actions are in the meeting's page.");
    describe_text("The meeting has ended. Outcomes and actions are in the meeting's page.");
    if (ImGui::Button("Back to the last block")) out.ops.push_back(cv::op_run_move(*r, id, blocks, -1, w.now_ms));
  } else {
    const cv::Block& b = blocks[v.index];
    ui::heading(("Block " + std::to_string(v.index + 1) + " of " + std::to_string(blocks.size())).c_str());
    // The title in a font baked at its size (the platform's third), crisp on a projector; scaled
    // only where there is none. The platform builds it when first asked (not at every page's load).
    ImFont* title = ImGui::GetIO().Fonts->Fonts.Size > 2 ? ImGui::GetIO().Fonts->Fonts[2] : nullptr;
    if (!title) out.command(Command::LargeFonts);
    if (title) ImGui::PushFont(title);
    else ImGui::SetWindowFontScale(1.6f);
    ImGui::TextUnformatted(b.title.c_str());
    describe_text(b.title);
    st.live_title_px = ImGui::GetFontSize();
    st.live_title_baked = ImGui::GetFont()->FontSize / ImGui::GetFontSize();
    if (title) ImGui::PopFont();
    else ImGui::SetWindowFontScale(1.0f);
    std::string kind = b.title == cv::kind_label(b.kind) ? "" : cv::kind_label(b.kind);
    if (v.extra_minutes) kind += (kind.empty() ? "" : ", ") + std::to_string(v.extra_minutes) + " min added";
    if (!kind.empty()) ImGui::TextDisabled("%s", kind.c_str());
    if (*cv::block_role(b.kind) && !b.lead.empty())
      ImGui::TextDisabled("%s: %s", cv::role_title(cv::block_role(b.kind)).c_str(), shown_member(c, b.lead).c_str());
    if (b.kind == "book") draw_meeting_reading(c, id);
    if (b.kind == "welcome" || b.kind == "review") draw_follow_ups(c, *env.views, id);
    // The countdown, large: digits from the big font when the platform loaded one.
    ImFont* big = ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : nullptr;
    const std::string count = cv::format_countdown(v.remaining_ms);
    if (flashing) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.1f, 0.1f, 1));
    else if (v.remaining_ms < 0) ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
    else ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    if (big) ImGui::PushFont(big);
    ImGui::TextUnformatted(count.c_str());
    const char* left = v.paused ? "paused" : v.remaining_ms < 0 ? "over time" : "left";
    describe_text(count + " " + left);  // read as one: "04:59 left"
    if (big) ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", left);
    if (calm) ImGui::TextColored(kWarn, "Time is up for this block.");
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
    if (ImGui::Button(last ? "End the meeting" : v.remaining_ms <= 0 ? "Next block" : "Skip to the next block")) {
      cv::Op op = cv::op_run_move(*r, id, blocks, +1, w.now_ms);
      if (last) cv::put_topics_done(op, c, id);  // its topics leave the backlog
      out.ops.push_back(std::move(op));
    }
    ImGui::SameLine();
    const std::string to_end = std::to_string((v.meeting_left_ms + 59999) / 60000) + " min to the end";
    ImGui::TextDisabled("%s", to_end.c_str());
    describe_text(to_end);

    if (!b.notes.empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(b.notes.c_str());
      ImGui::PopTextWrapPos();
    }
    if (cv::is_breakout(b.kind)) {
      const auto& rounds = env.views->rounds;
      const cv::BreakoutRound* made = round_for(rounds, b.id);
      ui::heading("Groups");
      if (made) draw_groups_line(c, *made);
      groups_button(c, w, b, id, made, out);
    }
    if (b.kind == "peer_assist" || b.kind == "case") draw_live_case(c, w, st, env, *r, id, b, v.elapsed_ms, v.paused, out);
    if (b.kind == "review")
      for (const auto& a : cv::open_actions_before(c, id))
        ImGui::BulletText("%s (%s)", a.text.c_str(), a.owner.empty() ? "nobody yet" : shown_member(c, a.owner).c_str());
    ui::heading("Notes for this block (debrief points)");
    std::string edited;
    if (edit_text(("##debrief-" + b.id).c_str(), b.debrief, edited, nullptr, -FLT_MIN, true, 90))
      out.ops.push_back(cv::op_set("Note debrief points", b.id, cv::f::block_debrief, edited));
    if (v.index + 1 < static_cast<int>(blocks.size())) {
      const cv::Block& next = blocks[v.index + 1];
      ImGui::TextDisabled("Next: %s (%d min)", next.title.c_str(), next.minutes);
    }
  }
  ui::heading(("Here: " + std::to_string(cv::views_attendees(*env.views, c, id).size())).c_str());
  draw_attendance(c, *env.views, id, out, 4);
  ImGui::PopID();
}

}  // namespace ui
