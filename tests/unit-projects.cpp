// unit-projects.cpp: collaboration projects (members who join in two copies both stay, threads tagged
// with a project are its conversation) and objectives revisited at the end of a cycle (ratings, what
// helped, the summary, and the next cycle starting from what is not achieved yet).
#include <doctest/doctest.h>

#include "core/getting_started.h"
#include "core/projects.h"
#include "core/threads.h"
#include "helpers.h"

namespace {

struct Circle : testing::Circle {
  Circle() {
    add("m1", "Zoë");
    add("m2", "Jürgen");
    add("m3", "Алёна");
    add("m4", "Παύλος");
  }
};

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("projects: members join one record each, so joins from two copies both stay") {
  Circle x;
  x.apply(cv::op_new_project("p1", "  A glossary of facilitation words ", "One page, four languages", "Translators", "m2"));
  x.apply(cv::op_new_project("p2", "Archive of retros", "", "", "m1"));
  x.apply(cv::op_set("Finish", "p2", cv::f::project_done, true));
  // Two copies: Алёна joins in one, Παύλος in the other; merged, both are in.
  cv::Doc other = x.d;
  other.clock.actor = "b";
  cv::doc_apply(other, cv::op_join_project("p1", "m4", "Greek"), x.t.next());
  x.apply(cv::op_join_project("p1", "m3", "Russian and Ukrainian"));
  cv::merge_into(x.d.community, other.community);
  x.apply(cv::op_start_thread("t1", "ask", "m3", "Who knows a word for 'debrief'?", "", {"p1"}, 5000));
  x.apply(cv::op_start_thread("t2", "offer", "m1", "Unrelated", "", {}, 6000));

  const auto all = cv::projects(x.c());
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == "p1");  // open before finished
  CHECK(all[0].title == "A glossary of facilitation words");
  CHECK(all[1].done);
  REQUIRE(all[0].members.size() == 3);
  CHECK(all[0].members[0].first == "m2");  // who started it first
  CHECK(all[0].members[1] == std::make_pair(std::string("m3"), std::string("Russian and Ukrainian")));
  CHECK(all[0].members[2] == std::make_pair(std::string("m4"), std::string("Greek")));
  CHECK(all[0].threads == std::vector<std::string>{"t1"});
  CHECK(cv::tag_label(x.c(), "p1") == "project: A glossary of facilitation words");
  CHECK(cv::projects_of(all, "m4") == std::vector<std::string>{"p1"});
  CHECK(cv::projects_of(all, "m1") == std::vector<std::string>{"p2"});
  // Leaving, and a member who left the community, take them out.
  x.apply(cv::op_leave_project("p1", "m4"));
  x.apply(cv::op_delete("Remove", "m3", cv::kMember));
  CHECK(cv::projects(x.c())[0].members.size() == 1);
}

TEST_CASE("objectives revisited: ratings and what helped, the summary, and the next cycle starts from it") {
  Circle x;
  x.item("o1", cv::kObjective, "m1", "Facilitate online workshops");
  x.item("o2", cv::kObjective, "m1", "Give feedback that lands");
  x.item("o3", cv::kObjective, "m2", "Facilitating remote meetings");
  x.item("o4", cv::kObjective, "m3", "Storytelling");
  CHECK(cv::current_cycle(x.c()) == 0);
  CHECK(cv::cycle_label(0) == "Cycle 1");
  x.apply(cv::op_rate_objective(x.c(), "o1", 0, 4, "The peer-assist with Jürgen"));
  x.apply(cv::op_rate_objective(x.c(), "o2", 0, 2, ""));
  x.apply(cv::op_rate_objective(x.c(), "o3", 0, 9, "clamped"));  // out of range: held to "achieved"
  CHECK(cv::get(*cv::find_live(x.c(), "progress:o1:c0"), cv::f::progress_member) == "m1");

  cv::CycleSummary s = cv::cycle_summary(x.c(), 0);
  CHECK(s.objectives == 4);
  CHECK(s.rated == 3);
  CHECK(s.counts[4] == 2);
  CHECK(s.counts[2] == 1);
  CHECK(s.not_rated == std::vector<std::string>{"m3"});
  REQUIRE(s.rows.size() == 4);
  // Members in reading order (Latin, then Cyrillic), each one's objectives in id order.
  CHECK(s.rows[0].member == "m2");
  CHECK(s.rows[1].objective == "o1");
  CHECK(s.rows[2].objective == "o2");
  CHECK(s.rows[3].member == "m3");
  CHECK(s.rows[3].rating == -1);
  const std::string md = cv::cycle_summary_markdown(x.c(), s);
  CHECK(md.find("3 of 4 objectives rated: 2 achieved, 1 halfway.") != std::string::npos);
  CHECK(md.find("| Zoë | Facilitate online workshops | achieved | The peer-assist with Jürgen |") != std::string::npos);

  // Rating again in the same cycle changes the one record.
  x.apply(cv::op_rate_objective(x.c(), "o2", 0, 3, "Reading group"));
  CHECK(cv::cycle_summary(x.c(), 0).counts[3] == 1);
  // Nothing is set aside while the cycle runs.
  CHECK(!cv::objective_achieved(x.c(), "o1"));
  CHECK(cv::objective_input(x.c()).ids.size() == 4);

  // The next cycle: what was achieved is set aside, the rest carries on.
  x.apply(cv::op_next_cycle(x.c()));
  CHECK(cv::current_cycle(x.c()) == 1);
  CHECK(cv::objective_achieved(x.c(), "o1"));
  CHECK(cv::objective_achieved(x.c(), "o3"));
  CHECK(!cv::objective_achieved(x.c(), "o2"));
  CHECK(cv::objective_input(x.c()).ids == std::vector<std::string>{"o2", "o4"});
  s = cv::cycle_summary(x.c(), 1);
  CHECK(s.objectives == 2);
  CHECK(s.rated == 0);
  // The closed cycle still reads as it was.
  CHECK(cv::cycle_summary(x.c(), 0).objectives == 4);
  // Undo brings the first cycle back.
  CHECK(cv::doc_undo(x.d, x.t.next()));
  CHECK(cv::current_cycle(x.c()) == 0);
}

}  // TEST_SUITE
