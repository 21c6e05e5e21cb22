// unit-books.cpp: the book circle: proposals and support, the chooser's pick, the reading plan with
// questions, the shelf with what each member kept, and the plan's exports.
#include <doctest/doctest.h>

#include "core/books.h"
#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/summaries.h"
#include "helpers.h"

using namespace testing;

namespace {

// A circle with three members and a book discussion meeting whose book chooser is Żaneta.
struct BookCircle : Circle {
  BookCircle() {
    add("m1", "Zoë");
    add("m2", "Żaneta");
    add("m3", "Алёна");
    apply(cv::op_new_meeting(c(), "mt", "Book discussion", "2027-02-04", "18:30"));
    for (const cv::RoleSlot& s : cv::meeting_roles(c(), "mt"))
      if (s.role == "book chooser") apply(cv::op_set_role("mt", s, "m2"));
  }
};

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("members propose books and support them; the most supported come first") {
  BookCircle x;
  x.apply(cv::op_propose_book("b1", "m1", "Radical Candor", "Kim Scott", "978-1250103505", "Feedback that lands"));
  x.apply(cv::op_propose_book("b2", "m3", "Дети Арбата", "", "", ""));
  x.apply(cv::op_support_book("b2", "m1", true));
  x.apply(cv::op_support_book("b2", "m2", true));
  x.apply(cv::op_support_book("b1", "m3", true));
  auto list = cv::books(x.c());
  REQUIRE(list.size() == 2);
  CHECK(list[0].id == "b2");
  CHECK(list[0].support == 2);
  CHECK(list[1].author == "Kim Scott");
  CHECK(list[1].state == "proposed");
  x.apply(cv::op_support_book("b2", "m1", false));  // taken back
  CHECK(cv::book_view(x.c(), "b2").support == 1);
  CHECK(cv::supports(x.c(), "b1", "m3"));
  // A removed member's support no longer counts.
  x.apply(cv::op_delete("Remove", "m3", cv::kMember));
  CHECK(cv::book_view(x.c(), "b1").support == 0);
}

TEST_CASE("the book chooser of the round picks; the plan has parts per meeting with members' questions") {
  BookCircle x;
  x.apply(cv::op_propose_book("b1", "m1", "Radical Candor", "Kim Scott", "", ""));
  x.apply(cv::op_propose_book("b2", "m3", "Thinking in Systems", "Donella Meadows", "", ""));
  const cv::ChooserTurn turn = cv::book_chooser(x.c(), "2027-01-01");
  CHECK(turn.member == "m2");
  CHECK(turn.meeting == "mt");
  CHECK(cv::book_chooser(x.c(), "2027-03-01").member.empty());  // no book meeting after March
  x.apply(cv::op_pick_book(x.c(), "b2", turn.member, "2027-01-10"));
  CHECK(cv::current_book(x.c()) == "b2");
  x.apply(cv::op_pick_book(x.c(), "b1", turn.member, "2027-01-11"));  // changed mind: b2 goes back
  CHECK(cv::current_book(x.c()) == "b1");
  CHECK(cv::book_view(x.c(), "b2").state == "proposed");
  x.apply(cv::op_add_part(x.c(), "p1", "b1", "Chapters 1-3", "mt"));
  x.apply(cv::op_add_part(x.c(), "p2", "b1", "Chapters 4-6", ""));
  x.apply(cv::op_add_question("q1", "p1", "m3", "Is candor cultural?"));
  x.apply(cv::op_add_question("q2", "p1", "m1", "Where does care end?"));
  const auto plan = cv::reading_plan(x.c(), "b1");
  REQUIRE(plan.size() == 2);
  CHECK(plan[0].title == "Chapters 1-3");
  CHECK(plan[0].date == "2027-02-04");
  CHECK(plan[0].questions.size() == 2);
  const cv::MeetingReading at = cv::reading_at(x.c(), "mt");
  CHECK(at.book_title == "Radical Candor");
  CHECK(at.part_title == "Chapters 1-3");
  CHECK(at.questions == std::vector<std::string>{"Is candor cultural? (Алёна)", "Where does care end? (Zoë)"});
  const std::string md = cv::reading_plan_markdown(x.c(), "b1");
  CHECK(md.find("# Reading plan: Radical Candor") == 0);
  CHECK(md.find("chosen by Żaneta") != std::string::npos);
  CHECK(md.find("*Q: Is candor cultural? (Алёна)*") != std::string::npos);
  CHECK(cv::reading_plan_html(x.c(), "b1").find("<strong>Chapters 1-3</strong>") != std::string::npos);
}

TEST_CASE("reading dates go into the series' calendar file, within the series only") {
  BookCircle x;
  x.apply(cv::op_propose_book("b1", "m1", "Radical Candor", "Kim Scott", "", ""));
  x.apply(cv::op_pick_book(x.c(), "b1", "m2", "2027-01-10"));
  x.apply(cv::op_set("Series", "mt", cv::f::meeting_every_weeks, 2));
  x.apply(cv::op_set("Series", "mt", cv::f::meeting_series_count, 3));  // 2027-02-04, 02-18, 03-04
  x.apply(cv::op_new_meeting(x.c(), "mt2", "Book discussion", "2027-02-18", "18:30"));
  x.apply(cv::op_new_meeting(x.c(), "mt3", "Book discussion", "2027-06-03", "18:30"));  // after the series
  x.apply(cv::op_add_part(x.c(), "p1", "b1", "Chapters 1-3", "mt"));
  x.apply(cv::op_add_part(x.c(), "p2", "b1", "Chapters 4-6, \"Care\"", "mt2"));
  x.apply(cv::op_add_part(x.c(), "p3", "b1", "Chapters 7-9", "mt3"));
  x.apply(cv::op_add_part(x.c(), "p4", "b1", "Epilogue", ""));
  const std::string ics = cv::meeting_series_ics(x.c(), "mt", 1'790'000'000'000);
  CHECK(ics.find("RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3") != std::string::npos);
  CHECK(ics.find("UID:p1@c1.cultivate\r\n") != std::string::npos);
  CHECK(ics.find("DTSTART;VALUE=DATE:20270204\r\nSUMMARY:Read Chapters 1-3 of \u201cRadical Candor\u201d\r\n") !=
        std::string::npos);
  CHECK(ics.find("DTSTART;VALUE=DATE:20270218") != std::string::npos);
  CHECK(ics.find("Chapters 4-6\\, \"Care\"") != std::string::npos);  // escaped as RFC 5545 asks
  CHECK(ics.find("Chapters 7-9") == std::string::npos);  // not in the series
  CHECK(ics.find("Epilogue") == std::string::npos);      // no meeting, no date
  size_t events = 0;
  for (size_t at = ics.find("BEGIN:VEVENT"); at != std::string::npos; at = ics.find("BEGIN:VEVENT", at + 1)) ++events;
  CHECK(events == 3);
  CHECK(ics.rfind("END:VCALENDAR\r\n") == ics.size() - 15);
  // A single meeting's file has no reading events.
  CHECK(cv::meeting_ics(x.c(), "mt", 1'790'000'000'000).find("VALUE=DATE") == std::string::npos);
}

TEST_CASE("the shelf keeps the books read, when, who chose them, and a sentence each member kept") {
  BookCircle x;
  x.apply(cv::op_propose_book("b1", "m1", "Radical Candor", "Kim Scott", "", ""));
  x.apply(cv::op_pick_book(x.c(), "b1", "m2", "2027-01-10"));
  x.apply(cv::op_finish_book("b1", "2027-03-04"));
  x.apply(cv::op_keep_sentence("b1", "m3", "Care personally, challenge directly."));
  x.apply(cv::op_keep_sentence("b1", "m1", "Praise in public."));
  x.apply(cv::op_keep_sentence("b1", "m1", "Praise in public, criticise in private."));  // one per member
  const auto s = cv::shelf(x.c());
  REQUIRE(s.size() == 1);
  CHECK(s[0].book.read_on == "2027-03-04");
  CHECK(s[0].book.chosen_by == "m2");
  REQUIRE(s[0].kept.size() == 2);
  CHECK(s[0].kept[0].name == "Zoë");
  CHECK(s[0].kept[0].text == "Praise in public, criticise in private.");
  CHECK(cv::current_book(x.c()).empty());
}

TEST_CASE("a member's book proposal and support travel in their answers and merge") {
  BookCircle convener;
  Circle member;  // the same community, the member's own copy
  member.d = convener.d;
  member.d.clock.actor = "member";
  cv::doc_apply(member.d, cv::op_propose_book("b9", "m3", "Дети Арбата", "Анатолий Рыбаков", "", "Why not"),
                member.t.next());
  cv::doc_apply(member.d, cv::op_support_book("b9", "m3", true), member.t.next());
  const cv::Community answers = cv::member_answers(member.c(), "m3");
  CHECK(answers.records.count("b9"));
  CHECK(answers.records.count(cv::book_vote_id("b9", "m3")));
  REQUIRE(cv::preview_community(convener.d, answers, member.t.ms).ok);
  cv::doc_import(convener.d, answers, "Import answers");
  CHECK(cv::book_view(convener.c(), "b9").support == 1);
}

}  // TEST_SUITE
