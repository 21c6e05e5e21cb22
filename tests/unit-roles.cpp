// unit-roles.cpp: roles with a memory. Who held what and when, turns per member, a swap in one step,
// and members who are away or decline a role, which the turn order honours.
#include <doctest/doctest.h>

#include "core/fields.h"
#include "core/meetings.h"
#include "core/roles.h"
#include "helpers.h"

using cv::json;

namespace {

testing::Circle five() {
  testing::Circle x;
  const char* names[] = {"Zoë", "Ñúñez", "Jürgen", "Żaneta", "Алёна"};
  for (int i = 0; i < 5; ++i) x.add("m" + std::to_string(i), names[i]);
  return x;
}

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("a member away until a date takes no role before it; one who declines a role is passed by") {
  testing::Circle x = five();
  x.apply(cv::op_set("Away", "m2", cv::f::member_away_until, "2027-03-01"));
  x.apply(cv::op_set("Away", "m2", cv::f::member_away_reason, "parental leave"));
  x.apply(cv::op_set("Declines", "m0", cv::f::member_declines, json::array({"Facilitator"})));
  x.apply(cv::op_new_meeting(x.c(), "a", "Book discussion", "2027-02-04", "18:30"));
  const auto slots = cv::meeting_roles(x.c(), "a");
  REQUIRE(slots.size() == 2);
  // Jürgen (m2) would be first by name; he is away, so he comes last, with the reason.
  auto t = cv::role_turns(x.c(), "a", slots[1]);
  REQUIRE(t.size() == 5);
  CHECK(t[0].member != "m2");
  CHECK(t.back().member == "m2");
  CHECK(t.back().away == "away until 2027-03-01 (parental leave)");
  // Zoë declines facilitating: passed by, after everyone who can (with Jürgen, who is away).
  t = cv::role_turns(x.c(), "a", slots[0]);
  CHECK(t[0].member != "m0");
  CHECK(t[3].member == "m2");
  CHECK(t[4].member == "m0");
  CHECK(t[4].declines);
  CHECK(t[4].away.empty());
  // Rotation gives neither of them a role.
  x.apply(cv::op_rotate_roles(x.c(), "a"));
  for (const auto& s : cv::meeting_roles(x.c(), "a")) {
    CHECK(s.member != "m2");
    CHECK_FALSE(s.member.empty());
  }
  CHECK(cv::meeting_roles(x.c(), "a")[0].member != "m0");
  // From the day he is back, his turn comes as any other's.
  x.apply(cv::op_new_meeting(x.c(), "b", "Book discussion", "2027-03-01", "18:30"));
  CHECK(cv::role_turns(x.c(), "b", cv::meeting_roles(x.c(), "b")[1])[0].member == "m2");
  CHECK(cv::away_on(*cv::find_live(x.c(), "m2"), "2027-03-01").empty());
}

TEST_CASE("everyone away: the role stays open rather than go to someone who cannot") {
  testing::Circle x;
  x.add("p", "Παύλος");
  x.apply(cv::op_set("Away", "p", cv::f::member_away_until, "2099-01-01"));
  x.apply(cv::op_new_meeting(x.c(), "a", "Regular meeting", "2027-01-07", "18:30"));
  CHECK(cv::op_rotate_roles(x.c(), "a").changes.empty());
}

TEST_CASE("two roles change hands in one undoable step") {
  testing::Circle x = five();
  x.apply(cv::op_new_meeting(x.c(), "a", "Book discussion", "2027-01-07", "18:30"));
  x.apply(cv::op_new_meeting(x.c(), "b", "Book discussion", "2027-01-21", "18:30"));
  x.apply(cv::op_rotate_roles(x.c(), "a"));
  x.apply(cv::op_rotate_roles(x.c(), "b"));
  const auto a = cv::meeting_roles(x.c(), "a"), b = cv::meeting_roles(x.c(), "b");
  // Within a meeting: the facilitator and the book chooser change places.
  REQUIRE(x.apply(cv::op_swap_roles("a", a[0], "a", a[1])));
  CHECK(cv::meeting_roles(x.c(), "a")[0].member == a[1].member);
  CHECK(cv::meeting_roles(x.c(), "a")[1].member == a[0].member);
  CHECK(x.d.undo_stack.back().label == "Swap facilitator and book chooser");
  cv::doc_undo(x.d, x.t.next());
  CHECK(cv::meeting_roles(x.c(), "a")[0].member == a[0].member);
  // Across meetings: this week's chooser takes the next one's turn.
  x.apply(cv::op_swap_roles("a", a[1], "b", b[1]));
  CHECK(cv::meeting_roles(x.c(), "a")[1].member == b[1].member);
  CHECK(cv::meeting_roles(x.c(), "b")[1].member == a[1].member);
}

TEST_CASE("the memory of roles: who held what and when, and turns per member") {
  testing::Circle x = five();
  x.apply(cv::op_new_meeting(x.c(), "b", "Book discussion", "2027-01-21", "18:30"));
  x.apply(cv::op_new_meeting(x.c(), "a", "Book discussion", "2027-01-07", "18:30"));
  x.apply(cv::op_new_meeting(x.c(), "c", "Regular meeting", "2027-02-04", "18:30"));
  x.apply(cv::op_set_role("a", cv::meeting_roles(x.c(), "a")[0], "m4"));
  x.apply(cv::op_set_role("a", cv::meeting_roles(x.c(), "a")[1], "m1"));
  x.apply(cv::op_set_role("b", cv::meeting_roles(x.c(), "b")[0], "m4"));
  x.apply(cv::op_set_role("c", cv::meeting_roles(x.c(), "c")[0], "m1"));
  const auto h = cv::role_history(x.c());
  REQUIRE(h.size() == 4);
  CHECK(h[0].meeting == "a");  // by date, not by id or creation
  CHECK(h[0].role == "facilitator");
  CHECK(h[0].member == "m4");
  CHECK(h[1].role == "book chooser");
  CHECK(h[2].meeting == "b");
  CHECK(h[3].date == "2027-02-04");

  // Up to 2027-01-31: c is planned, not yet held.
  const auto f = cv::role_fairness(x.c(), "2027-01-31");
  REQUIRE(f.size() == 5);
  CHECK(f[0].name == "Jürgen");  // reading order
  CHECK(f[0].total == 0);
  CHECK(f[0].last.empty());
  const cv::RoleFairness* alena = nullptr;
  const cv::RoleFairness* nunez = nullptr;
  for (const auto& r : f) {
    if (r.member == "m4") alena = &r;
    if (r.member == "m1") nunez = &r;
  }
  REQUIRE(alena);
  REQUIRE(nunez);
  CHECK(alena->turns.at("facilitator") == 2);
  CHECK(alena->total == 2);
  CHECK(alena->last == "2027-01-21");
  CHECK(nunez->total == 1);
  CHECK(nunez->turns.count("facilitator") == 0);
  CHECK(cv::role_fairness(x.c(), "").at(1).total == 2);  // all meetings: Ñúñez facilitates c too
}

// Members own the group: per member, the topics they proposed and when they last presented; the
// convener sees who has not presented yet.
TEST_CASE("who proposed topics, who presented and when, and who has not presented yet") {
  testing::Circle x = five();
  x.apply(cv::op_create("Topic", "t1", "topic", {{"title", "Feedback"}, {"proposed_by", "m1"}, {"state", "backlog"}}));
  x.apply(cv::op_create("Topic", "t2", "topic", {{"title", "Coaching"}, {"proposed_by", "m1"}, {"state", "backlog"}}));
  x.apply(cv::op_create("Topic", "t3", "topic", {{"title", "Gone"}, {"proposed_by", "m3"}, {"state", "backlog"}}));
  x.apply(cv::op_delete("Delete", "t3", "topic"));
  x.apply(cv::op_new_meeting(x.c(), "a", "Regular meeting", "2027-01-07", "18:30"));
  x.apply(cv::op_rotate_roles(x.c(), "a"));
  std::string presenter;
  for (const cv::RoleSlot& s : cv::meeting_roles(x.c(), "a"))
    if (s.role == "presenter") presenter = s.member;
  REQUIRE_FALSE(presenter.empty());

  const auto f = cv::role_fairness(x.c(), "2027-02-01");
  REQUIRE(f.size() == 5);
  std::vector<std::string> expected_never;
  for (const cv::RoleFairness& r : f) {
    CHECK(r.proposed == (r.member == "m1" ? 2 : 0));  // a deleted topic does not count
    if (r.member == presenter) {
      CHECK(r.turns.at("presenter") == 1);
      CHECK(r.last_presented == "2027-01-07");
    } else {
      CHECK(r.last_presented.empty());
      expected_never.push_back(r.name);
    }
  }
  CHECK(cv::never_presented(f) == expected_never);
  CHECK(expected_never.size() == 4);
  // Before the meeting was held, nobody has presented.
  CHECK(cv::never_presented(cv::role_fairness(x.c(), "2027-01-01")).size() == 5);
}

}  // TEST_SUITE
