// unit-cases.cpp: the case library. Cases in status order, questions and suggestions noted one record
// each (so two copies' notes both stay), a case that came up in a meeting, and a case shared without
// the bringer's name, which no export names.
#include <doctest/doctest.h>

#include "core/cases.h"
#include "core/format.h"
#include "core/getting_started.h"
#include "core/meetings.h"
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
  CHECK(k.questions == std::vector<std::string>{"What have you tried?"});
  CHECK(k.suggestions == std::vector<std::string>{"Start with pairs", "Silent writing first"});  // in the order noted
  // The library, read in one pass, says the same.
  for (const cv::CaseView& one : cv::cases(x.c()))
    if (one.id == "k1") CHECK(one.suggestions == k.suggestions);

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
  CHECK(cv::case_view(a.c(), "k1").suggestions == std::vector<std::string>{"A timekeeper", "A hard stop"});
  // A member's answers carry the cases they bring and their notes.
  const cv::Community answers = cv::member_answers(a.c(), "m1");
  CHECK(answers.records.count("k1") == 1);
  CHECK(answers.records.count("na") == 1);
}

}  // TEST_SUITE
