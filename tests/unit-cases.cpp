// unit-cases.cpp: the case library. Cases in status order, questions and suggestions noted one record
// each (so two copies' notes both stay), a case that came up in a meeting, and a case shared without
// the bringer's name, which no export names. The peer-assist: advice told from questions, its phases,
// advice parked during the questions, the bringer's choice, and the follow-up at the next meeting.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/cases.h"
#include "core/format.h"
#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/roles.h"
#include "core/summaries.h"
#include "helpers.h"

TEST_SUITE("unit") {

TEST_CASE("cases: brought, listed open first, noted, discussed in a meeting, exported") {
  testing::Circle x;
  x.add("m1", "Żaneta");
  x.add("m2", "Алёна");
  x.apply(cv::op_bring_case("k1", "m1", "The silent retro", "How do I get people to speak?", "Six engineers, remote.", false));
  x.apply(cv::op_bring_case("k2", "m2", "A budget cut", "What do we drop first?", "", false));
  x.apply(cv::op_set("Status", "k2", cv::f::case_status, "resolved"));
  x.apply(cv::op_bring_case("k3", "m2", "An angry client", "How to answer?", "", false));
  auto list = cv::cases(x.c());
  REQUIRE(list.size() == 3);
  CHECK(list[0].title == "An angry client");  // open ones first, by title
  CHECK(list[1].title == "The silent retro");
  CHECK(list[2].status == "resolved");

  x.apply(cv::op_case_note("n2", "k1", "m2", "suggestion", "Start with pairs", 2000));
  x.apply(cv::op_case_note("n1", "k1", "m2", "question", " What have you tried? ", 1000));
  x.apply(cv::op_case_note("n3", "k1", "", "suggestion", "Silent writing first", 3000));
  const cv::CaseView k = cv::case_view(x.c(), "k1");
  CHECK(cv::note_texts(k, "question") == std::vector<std::string>{"What have you tried?"});
  // in the order noted
  CHECK(cv::note_texts(k, "suggestion") == std::vector<std::string>{"Start with pairs", "Silent writing first"});
  // The library, read in one pass, says the same.
  for (const cv::CaseView& one : cv::cases(x.c()))
    if (one.id == "k1") CHECK(cv::note_texts(one, "suggestion") == cv::note_texts(k, "suggestion"));

  x.apply(cv::op_new_meeting(x.c(), "g1", "Case clinic", "2027-01-07", "18:30"));
  x.apply(cv::op_case_came_up(x.c(), "k1", "g1"));
  CHECK(cv::case_view(x.c(), "k1").status == "discussed");
  CHECK(cv::case_view(x.c(), "k1").meetings == std::vector<std::string>{"g1"});
  x.apply(cv::op_case_came_up(x.c(), "k1", "g1"));  // once is enough
  CHECK(cv::case_view(x.c(), "k1").meetings.size() == 1);

  const std::string md = cv::case_markdown(x.c(), "k1");
  CHECK(md.find("# Case: The silent retro") != std::string::npos);
  CHECK(md.find("brought by Żaneta") != std::string::npos);
  CHECK(md.find("- Start with pairs") != std::string::npos);
  CHECK(md.find("2027-01-07 Case clinic") != std::string::npos);
  CHECK(cv::case_html(x.c(), "k1").find("Żaneta") != std::string::npos);
  CHECK(cv::case_markdown(x.c(), "nothing").empty());
}

TEST_CASE("a case shared without the bringer's name: no export names them") {
  testing::Circle x;
  x.add("m1", "Żaneta Kowalska");
  x.apply(cv::op_bring_case("k1", "m1", "A hard conversation", "How do I tell my manager?", "My manager <b>shouts</b>.", true));
  x.apply(cv::op_case_note("n1", "k1", "m1", "suggestion", "Write it down first", 1000));
  for (const std::string& out : {cv::case_markdown(x.c(), "k1"), cv::case_html(x.c(), "k1")}) {
    CHECK(out.find("Żaneta") == std::string::npos);
    CHECK(out.find("Kowalska") == std::string::npos);
    CHECK(out.find("brought by a member") != std::string::npos);
    CHECK(out.find("<b>shouts") == std::string::npos);  // their words are escaped, never markup
  }
  CHECK(cv::case_bringer_shown(x.c(), cv::case_view(x.c(), "k1")) == "a member");
  // A peer-assist on it: the agenda and the summary say "a member" where they would name who leads.
  x.add("m2", "Jürgen");
  x.apply(cv::op_new_meeting(x.c(), "g1", "Peer-assist", "2027-01-07", "18:30"));
  for (const cv::Block& b : cv::agenda(x.c(), "g1"))
    if (b.kind == "peer_assist") x.apply(cv::op_pick_case(b, cv::case_view(x.c(), "k1")));
  for (const cv::RoleSlot& r : cv::meeting_roles(x.c(), "g1"))
    if (r.role == "facilitator") x.apply(cv::op_set_role("g1", r, "m2"));
  const std::string agenda = cv::agenda_markdown(x.c(), "g1");
  CHECK(agenda.find("Żaneta") == std::string::npos);
  CHECK(agenda.find("| a member |") != std::string::npos);
  const std::string summary = cv::meeting_summary_markdown(x.c(), "g1");
  CHECK(summary.find("Case bringer: a member") != std::string::npos);
  CHECK(summary.find("Facilitator: Jürgen") != std::string::npos);  // other roles keep their names
  CHECK(summary.find("Case bringer: Żaneta") == std::string::npos);
  // Shared with the name again: named again.
  x.apply(cv::op_set("Named", "k1", cv::f::case_anonymous, false));
  CHECK(cv::meeting_summary_markdown(x.c(), "g1").find("Case bringer: Żaneta Kowalska") != std::string::npos);
}

TEST_CASE("cases merge: notes added in two copies both stay; a member's case travels in their answers") {
  testing::Circle a;
  a.add("m1", "Zoë");
  a.apply(cv::op_bring_case("k1", "m1", "Late meetings", "How to end on time?", "", false));
  cv::Doc b = a.d;
  b.clock.actor = "b";
  a.apply(cv::op_case_note("na", "k1", "m1", "suggestion", "A timekeeper", 1000));
  cv::doc_apply(b, cv::op_case_note("nb", "k1", "m1", "suggestion", "A hard stop", 1001), a.t.next());
  cv::doc_import(a.d, b.community, "Merge");
  CHECK(cv::note_texts(cv::case_view(a.c(), "k1"), "suggestion") == std::vector<std::string>{"A timekeeper", "A hard stop"});
  // A member's answers carry the cases they bring and their notes.
  const cv::Community answers = cv::member_answers(a.c(), "m1");
  CHECK(answers.records.count("k1") == 1);
  CHECK(answers.records.count("na") == 1);
}

TEST_CASE("peer-assist: advice reads as advice in four languages, and clarifying questions do not") {
  for (const char* advice : {
           "You should talk to her first.", "Have you tried asking the team?", "Why don't you split the meeting?",
           "I would start with the budget", "What if you said no?", "Maybe you could ask him", "I\u2019d ask HR",
           "So have you considered a pilot?", "Try a silent round first", "Why not ask her?", "If I were you, I'd wait",
           "Du solltest mit ihr reden.", "Hast du schon mit dem Team gesprochen?", "Ich würde das Budget halbieren",
           "Tu devrais lui parler.", "Avez-vous essayé de déléguer ?", "Pourquoi ne pas commencer petit ?",
           "Et si tu demandais ?", "Deberías hablar con ella.", "¿Has probado a delegar?", "Yo haría una prueba",
           "¿Y si lo intentas mañana?", "DU SOLLTEST es versuchen"})
    CHECK_MESSAGE(cv::reads_as_advice(advice), std::string(advice));
  for (const char* question : {
           "What have you tried so far?", "What did you try?", "Who decides the budget?", "How does the team feel?",
           "Why did it not work?", "Could you say more about the client?", "What would success look like for you?",
           "Ali would know, would he not?", "Was hast du schon versucht?", "Wer entscheidet das?",
           "Qu'est-ce que tu as essayé ?", "Qui décide ?", "¿Qué has probado ya?", "¿Quién decide?",
           "Trying to understand: who pays?", "Ζωή, τι δοκίμασες;", "Алёна, что ты пробовала?", ""})
    CHECK_MESSAGE(!cv::reads_as_advice(question), std::string(question));
}

TEST_CASE("peer-assist: four phases, suggestions from half the time, moved on and given time by the facilitator") {
  cv::Block b;
  b.id = "b1";
  b.minutes = 40;
  CHECK(cv::phase_starts(b) == std::array<int, 4>{0, 600, 1200, 2100});
  CHECK(cv::phase_at(b, 0, 0).phase == cv::Phase::Case);
  CHECK(cv::phase_at(b, 599'999, 0).phase == cv::Phase::Case);
  CHECK(cv::phase_at(b, 600'000, 0).phase == cv::Phase::Questions);
  CHECK(cv::phase_at(b, 600'000, 0).left_ms == 600'000);
  CHECK(cv::phase_at(b, 1'199'000, 0).phase == cv::Phase::Questions);
  CHECK(cv::phase_at(b, 1'200'000, 0).phase == cv::Phase::Suggestions);  // never before half the time
  const cv::PhaseView last = cv::phase_at(b, 2'400'000 + 60'000, 2);  // two minutes added, one used
  CHECK(last.phase == cv::Phase::Reflection);
  CHECK(last.left_ms == 60'000);
  CHECK(last.length_ms == (5 + 2) * 60'000);
  b.minutes = 7;  // in seconds: no minute is split unevenly
  CHECK(cv::phase_starts(b) == std::array<int, 4>{0, 105, 210, 368});
  b.minutes = 40;

  // The facilitator starts the suggestions early, at 15:00.
  testing::Circle x;
  x.add("m1", "Żaneta");
  x.apply(cv::op_new_meeting(x.c(), "g1", "Peer-assist", "2027-01-07", "18:30"));
  cv::Block pa;
  for (const cv::Block& one : cv::agenda(x.c(), "g1"))
    if (one.kind == "peer_assist") pa = one;
  REQUIRE(!pa.id.empty());
  x.apply(cv::op_next_phase(pa, 15 * 60'000 + 400));
  for (const cv::Block& one : cv::agenda(x.c(), "g1"))
    if (one.id == pa.id) pa = one;
  CHECK(pa.phases == std::vector<int>{600, 900, 2100});
  CHECK(cv::phase_at(pa, 15 * 60'000 + 500, 0).phase == cv::Phase::Suggestions);
  CHECK(cv::op_next_phase(pa, 36 * 60'000).changes.empty());  // nothing after the reflection
  // During the case, "next" starts the questions now; later phases keep their starts.
  CHECK(cv::get(cv::Record{}, cv::f::block_phases).empty());
  const cv::Op early = cv::op_next_phase(pa, 60'000);
  REQUIRE(early.changes.size() == 1);
  CHECK(early.changes[0].value == cv::json::array({60, 900, 2100}));
  // Two more minutes for the questions: later phases move, the block grows, the reflection keeps its time.
  cv::Block q = pa;
  q.phases = {600, 1200, 2100};
  const cv::Record& meeting = *cv::find_live(x.c(), "g1");
  const cv::Op more = cv::op_more_phase_time(q, meeting, "g1", 700'000, 2);
  REQUIRE(more.changes.size() == 2);
  CHECK(more.changes[0].value == cv::json::array({600, 1320, 2220}));
  CHECK(more.changes[1].field == "run_extra");
  CHECK(more.changes[1].value == 2);
  // The designer's setting keeps the order.
  CHECK(cv::op_suggestions_from(q, 5).changes[0].value == cv::json::array({300, 300, 2100}));
  CHECK(cv::op_suggestions_from(q, 38).changes[0].value == cv::json::array({600, 2280, 2280}));
  // Phases a forged file holds out of order are not used.
  q.phases = {1200, 600, 2100};
  CHECK(cv::phase_starts(q) == std::array<int, 4>{0, 600, 1200, 2100});
}

TEST_CASE("peer-assist: advice during the questions is parked and comes back first; the bringer's choice is kept") {
  testing::Circle x;
  x.add("m1", "Żaneta");
  x.add("m2", "Jürgen");
  x.add("m3", "Алёна");
  x.add("m4", "Παύλος");
  x.apply(cv::op_bring_case("k1", "m1", "The silent retro", "How do I get people to speak?", "", false));
  x.apply(cv::op_new_meeting(x.c(), "g1", "Peer-assist", "2027-01-07", "18:30"));
  auto k = [&] { return cv::case_view(x.c(), "k1"); };
  // The first contribution notes that the case came up here.
  x.apply(cv::op_peer_note(k(), "n1", "g1", "m2", "What have you tried?", cv::Phase::Questions, 1000));
  CHECK(k().status == "discussed");
  CHECK(k().meetings == std::vector<std::string>{"g1"});
  const cv::Op again = cv::op_peer_note(k(), "n2", "g1", "m3", "You should ban laptops.", cv::Phase::Questions, 2000);
  CHECK(again.changes.size() == 8);  // the note only: the meeting is already noted
  CHECK(again.label == "Park a suggestion for later");
  x.apply(again);
  x.apply(cv::op_peer_note(k(), "n3", "g1", "m3", "Have you tried a silent round?", cv::Phase::Case, 2500));
  x.apply(cv::op_peer_note(k(), "n4", "g1", "m2", "Pairs before the plenary", cv::Phase::Suggestions, 3000));
  x.apply(cv::op_peer_note(k(), "n5", "g1", "m2", "Who speaks most?", cv::Phase::Suggestions, 3500));
  x.apply(cv::op_case_note("n6", "k1", "m4", "suggestion", "Another meeting's idea", 500));

  cv::PeerAssist pa = cv::peer_assist(k(), "g1", {"m1", "m2", "m3", "m4"});
  CHECK(pa.parked == 2);
  REQUIRE(pa.questions.size() == 2);
  CHECK(pa.questions[0].text == "What have you tried?");
  CHECK(pa.questions[1].text == "Who speaks most?");  // a question in the suggestions phase stays one
  REQUIRE(pa.suggestions.size() == 3);
  CHECK(pa.suggestions[0].text == "You should ban laptops.");  // parked ones come back first
  CHECK(pa.suggestions[1].text == "Have you tried a silent round?");
  CHECK(pa.suggestions[2].text == "Pairs before the plenary");
  CHECK(pa.not_spoken == std::vector<std::string>{"m4"});  // the bringer apart; m4's note was another meeting's

  // Not advice after all; the bringer will try one suggestion.
  x.apply(cv::op_keep_as_question("n3"));
  x.apply(cv::op_will_try("n2", true));
  pa = cv::peer_assist(k(), "g1", {"m1", "m2", "m3", "m4"});
  CHECK(pa.parked == 1);
  CHECK(pa.questions.size() == 3);
  CHECK(pa.suggestions[0].will_try);
  const std::string md = cv::case_markdown(x.c(), "k1");
  CHECK(md.find("## What the bringer will try\n\n- You should ban laptops.") != std::string::npos);

  // Undo takes the parking back like any edit.
  CHECK(cv::doc_undo(x.d, x.t.next()));
  CHECK(!cv::case_view(x.c(), "k1").notes[2].will_try);
}

TEST_CASE("peer-assist: the next meeting asks the bringer what happened, until it is noted") {
  testing::Circle x;
  x.add("m1", "Żaneta");
  x.add("m2", "Jürgen");
  x.apply(cv::op_bring_case("k1", "m1", "The silent retro", "How?", "", false));
  x.apply(cv::op_bring_case("k2", "m2", "A secret", "How?", "", true));
  x.apply(cv::op_bring_case("k3", "m2", "Never discussed", "How?", "", false));
  x.apply(cv::op_new_meeting(x.c(), "g1", "Peer-assist", "2027-01-07", "18:30"));
  x.apply(cv::op_new_meeting(x.c(), "g2", "Regular meeting", "2027-02-04", "18:30"));
  x.apply(cv::op_case_came_up(x.c(), "k1", "g1"));
  x.apply(cv::op_case_came_up(x.c(), "k2", "g1"));
  CHECK(cv::case_follow_ups(x.c(), "g1").empty());  // not in the meeting that discussed it
  auto ups = cv::case_follow_ups(x.c(), "g2");
  REQUIRE(ups.size() == 2);
  std::vector<std::string> lines = {cv::follow_up_line(x.c(), ups[0]), cv::follow_up_line(x.c(), ups[1])};
  std::sort(lines.begin(), lines.end());
  CHECK(lines[0] == "Ask its bringer what happened with \u201cA secret\u201d");  // no name for a case shared without it
  CHECK(lines[1] == "Ask Żaneta what happened with \u201cThe silent retro\u201d");
  x.apply(cv::op_set("Outcome", "k1", cv::f::case_outcome, std::string("They spoke.")));
  x.apply(cv::op_set("Status", "k2", cv::f::case_status, std::string("resolved")));
  CHECK(cv::case_follow_ups(x.c(), "g2").empty());
}

}  // TEST_SUITE
