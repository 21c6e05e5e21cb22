// unit-groups-job.cpp: finding groups in slices, as the page does between frames; the rounds it
// writes, cancelling, and one round made again with its locked groups kept.
#include <doctest/doctest.h>

#include "app/groups_job.h"
#include "helpers.h"

using namespace testing;

namespace {
double g_ms = 0;
double fake_clock() { return g_ms += 1; }  // a millisecond per look: the budget is never the limit here
}  // namespace

TEST_SUITE("unit") {

TEST_CASE("new rounds come in slices, with progress, and are written as one Op") {
  Circle x;
  std::vector<std::string> ids;
  for (int i = 0; i < 8; ++i) ids.push_back(x.add("m" + std::to_string(i), "Member " + std::to_string(i)));
  app::GroupsJob job;
  cv::GroupsRequest req;
  req.present = ids;
  req.present.push_back("nobody");  // not a member: left out
  req.size = 4;
  req.rounds = 2;
  req.session = "s1";
  app::groups_start(job, x.c(), req, 7, fake_clock);
  CHECK(job.running());
  CHECK(job.members.size() == 8);
  cv::Op op;
  int slices = 0;
  while (!app::groups_slice(job, x.c(), "r", op) && slices < 100000) ++slices;
  CHECK_FALSE(job.running());
  REQUIRE_FALSE(op.changes.empty());
  x.apply(op);
  const auto rounds = cv::breakout_rounds(x.c());
  REQUIRE(rounds.size() == 2);
  CHECK(rounds[0].groups.size() == 2);
  CHECK(job.message.find("new connections") != std::string::npos);
  // The next request for the session continues its numbering.
  CHECK(cv::next_round(x.c(), "s1") == 3);
}

TEST_CASE("cancel stops the search and writes nothing; a round made again keeps its locked groups") {
  Circle x;
  std::vector<std::string> ids;
  for (int i = 0; i < 12; ++i) ids.push_back(x.add("m" + std::to_string(i), "Member " + std::to_string(i)));
  app::GroupsJob job;
  cv::GroupsRequest req;
  req.present = ids;
  req.size = 3;
  req.session = "s";
  app::groups_start(job, x.c(), req, 1, fake_clock);
  app::groups_cancel(job);
  CHECK_FALSE(job.running());
  CHECK(job.message == "Cancelled.");
  cv::Op op;
  CHECK_FALSE(app::groups_slice(job, x.c(), "r", op));
  app::groups_start(job, x.c(), req, 1, fake_clock);
  while (!app::groups_slice(job, x.c(), "r", op)) {}
  x.apply(op);
  cv::BreakoutRound round = cv::breakout_rounds(x.c())[0];
  x.apply(cv::op_lock_group(round, 0, true));
  round = cv::breakout_rounds(x.c())[0];
  const auto kept = round.groups[0];
  app::groups_regenerate(job, x.c(), round.id, 2, fake_clock);
  REQUIRE(job.running());
  while (!app::groups_slice(job, x.c(), "r2", op)) {}
  x.apply(op);
  CHECK(cv::breakout_rounds(x.c())[0].groups[0] == kept);
}

}  // TEST_SUITE
