// unit-breakouts.cpp: breakout rounds as records: history, new connections, moves, locks.
#include <doctest/doctest.h>

#include "core/breakouts.h"
#include "helpers.h"

using testing::FakeTime;

TEST_SUITE("unit") {

TEST_CASE("rounds become records; history and new connections come from them") {
  FakeTime t;
  cv::Doc d = testing::new_doc("a", "c1", "Circle", t);
  const std::vector<std::string> ids = {"m0", "m1", "m2", "m3"};
  for (const auto& id : ids) testing::add_member(d, id, id, t);
  const cv::Schedule s = {{{0, 1}, {2, 3}}, {{0, 2}, {1, 3}}};
  cv::doc_apply(d, cv::op_breakouts("b1", "Meeting 1", 1, s, ids), t.next());
  auto rounds = cv::breakout_rounds(d.community);
  REQUIRE(rounds.size() == 2);
  CHECK(rounds[0].groups == std::vector<std::vector<std::string>>{{"m0", "m1"}, {"m2", "m3"}});
  CHECK(rounds[1].round == 2);
  // A second meeting: one pair new (m0-m3), one met before (m1-m3 in round 2).
  cv::doc_apply(d, cv::op_breakouts("b2", "Meeting 2", 1, {{{0, 1}, {2, 3}}}, {"m0", "m3", "m1", "m3"}), t.next());
  const cv::Connections cx = cv::new_connections(d.community);
  CHECK(cx.per_round == std::vector<int>{2, 2, 1});
  CHECK(cx.season == 5);
  rounds = cv::breakout_rounds(d.community);
  CHECK(cv::first_meetings(d.community, rounds[2].id, rounds[2].groups[0]).size() == 1);  // m0-m3 is new
  CHECK(cv::first_meetings(d.community, rounds[2].id, rounds[2].groups[1]).empty());      // m1-m3 met
  // The season in one pass says the same of every group.
  REQUIRE(cx.fresh.size() == rounds.size());
  for (size_t r = 0; r < rounds.size(); ++r)
    for (size_t g = 0; g < rounds[r].groups.size(); ++g)
      CHECK(cx.fresh[r][g] == cv::first_meetings(d.community, rounds[r].id, rounds[r].groups[g]));
  const auto met = cv::pair_history(d.community);
  CHECK(met.at({"m1", "m3"}) == 2);
  CHECK(met.at({"m0", "m1"}) == 1);
}

TEST_CASE("moving a member shows and applies its cost; locked groups survive regeneration") {
  FakeTime t;
  cv::Doc d = testing::new_doc("a", "c1", "Circle", t);
  const std::vector<std::string> ids = {"m0", "m1", "m2", "m3", "m4", "m5"};
  for (const auto& id : ids) testing::add_member(d, id, id, t);
  cv::doc_apply(d, cv::op_breakouts("b1", "M1", 1, {{{0, 1, 2}, {3, 4, 5}}, {{0, 3, 4}, {1, 2, 5}}}, ids), t.next());
  auto r2 = cv::breakout_rounds(d.community)[1];
  // Round 1 had {m0 m1 m2} {m3 m4 m5}. m0 into {m1 m2 m5} joins two it met; m5 into {m0 m3 m4} too.
  CHECK(cv::move_cost(d.community, r2, "m0", 1) == 2);
  CHECK(cv::move_cost(d.community, r2, "m5", 0) == 2);
  CHECK(cv::move_cost(d.community, r2, "m3", 1) == 0);  // leaves a repeat (m4), joins one (m5)
  CHECK(cv::move_cost(d.community, r2, "m0", 0) == 0);
  cv::doc_apply(d, cv::op_move_member(r2, "m5", 0), t.next());
  r2 = cv::breakout_rounds(d.community)[1];
  CHECK(r2.groups[0] == std::vector<std::string>{"m0", "m3", "m4", "m5"});
  cv::doc_apply(d, cv::op_lock_group(r2, 0, true), t.next());
  r2 = cv::breakout_rounds(d.community)[1];
  CHECK(r2.locked == std::vector<int>{0});
  std::vector<std::string> members;
  cv::GroupsProblem p = cv::regenerate_problem(d.community, r2, members);
  CHECK(p.players == 6);
  REQUIRE(p.locked.size() == 1);
  CHECK(p.locked[0].size() == 1);
  // The regenerated round keeps the locked group where it was.
  cv::doc_apply(d, cv::op_replace_groups(r2, {{{4, 5, 2, 3}, {0, 1}}}, members), t.next());
  CHECK(cv::breakout_rounds(d.community)[1].groups[0] == std::vector<std::string>{"m0", "m3", "m4", "m5"});
}

}  // TEST_SUITE
