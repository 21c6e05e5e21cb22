// unit-threads.cpp: threads between meetings. Replies in order, the latest activity first, @ mentions
// (folded, the longest name, never a prefix of another), what is new since a moment, tags shown by
// what they name, replies written in two copies both kept, and threads travelling in answers.
#include <doctest/doctest.h>

#include "core/getting_started.h"
#include "core/threads.h"
#include "helpers.h"

TEST_SUITE("unit") {

TEST_CASE("threads: replies in order, latest activity first, mentions, answered, new since") {
  testing::Circle x;
  x.add("m1", "Zoë");
  x.add("m2", "Zoë Ñúñez");
  x.add("m3", "Алёна");
  x.add("m4", "Bob");
  x.add("m5", "Bobby");
  x.apply(cv::op_create("Add topic", "t1", cv::kTopic, {{"title", "Feedback"}}));
  x.apply(cv::op_start_thread("th1", "ask", "m1", " Who knows OKRs? ", "Asking @алена and @Bobby.", {"t1"}, 1000));
  x.apply(cv::op_start_thread("th2", "offer", "m3", "Spare room on Fridays", "", {}, 2000));
  x.apply(cv::op_reply("r2", "th1", "m2", "Me, @Zoë Ñúñez here. And @bob!", 4000));
  x.apply(cv::op_reply("r1", "th1", "m3", "I do.", 3000));
  auto all = cv::threads(x.c());
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == "th1");  // replied to last
  CHECK(all[0].title == "Who knows OKRs?");
  CHECK(all[0].last_at == 4000);
  REQUIRE(all[0].replies.size() == 2);
  CHECK(all[0].replies[0].body == "I do.");  // in the order written
  CHECK(all[0].mentions == std::vector<std::string>{"m3", "m5", "m2", "m4"});
  CHECK(cv::tag_label(x.c(), "t1") == "topic: Feedback");
  CHECK(cv::new_since(all[0], 2500) == 2);
  CHECK(cv::new_since(all[0], 0) == 3);
  CHECK(cv::new_since(all[1], 2000) == 0);
  CHECK(cv::mentions(x.c(), "no at sign").empty());
  CHECK(cv::mentions(x.c(), "mail me at zoe@example.org").empty());  // an address is not a mention
  x.apply(cv::op_set("Answered", "th1", cv::f::thread_answered, true));
  CHECK(cv::threads(x.c())[0].answered);
  // A removed reply leaves the thread; a reply to a removed thread is not shown.
  x.apply(cv::op_delete("Remove", "r2", cv::kReply));
  CHECK(cv::threads(x.c())[0].id == "th1");
  CHECK(cv::threads(x.c())[0].last_at == 3000);
  x.apply(cv::op_delete("Remove", "th2", cv::kThread));
  CHECK(cv::threads(x.c()).size() == 1);
}

TEST_CASE("threads merge: replies written apart both stay; a member's thread travels in their answers") {
  testing::Circle a;
  a.add("m1", "Zoë");
  a.add("m2", "Jürgen");
  a.apply(cv::op_start_thread("th1", "question", "m1", "Retro formats?", "", {}, 1000));
  cv::Doc b = a.d;
  b.clock.actor = "b";
  a.apply(cv::op_reply("ra", "th1", "m2", "Start, stop, continue", 2000));
  cv::doc_apply(b, cv::op_reply("rb", "th1", "m1", "Sailboat", 2001), a.t.next());
  cv::doc_import(a.d, b.community, "Merge");
  CHECK(cv::threads(a.c())[0].replies.size() == 2);
  const cv::Community answers = cv::member_answers(a.c(), "m1");
  CHECK(answers.records.count("th1") == 1);
  CHECK(answers.records.count("rb") == 1);
  CHECK(answers.records.count("ra") == 0);  // Jürgen's reply is his
}

}  // TEST_SUITE
