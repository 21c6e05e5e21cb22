// unit-network.cpp: the web of connections. Ties from breakout groups, peer-assists, presenting
// together and thread replies; density on known graphs; kinds and dates as filters; the least
// connected; density after each meeting; GraphML and CSV escaped for what reads them; the layout
// (deterministic, tied members close, never every pair compared); introductions as ties.
#include <doctest/doctest.h>

#include "core/breakouts.h"
#include <cmath>

#include "core/cases.h"
#include "core/directory.h"
#include "core/meetings.h"
#include "core/network.h"
#include "core/threads.h"
#include "helpers.h"

namespace {

struct Circle : testing::Circle {
  Circle() {
    const char* names[] = {"Zoë", "Ñúñez", "Jürgen", "Żaneta", "Алёна", "Παύλος"};
    for (int i = 0; i < 6; ++i) add("m" + std::to_string(i), names[i]);
  }
  void round(const std::string& id, const std::string& session, cv::Groups groups) {
    apply(cv::op_create("Round", id, cv::kBreakout, {{"session", session}, {"round", 1}, {"groups", groups}}));
  }
};

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("network: density on known graphs, ties per member, the least connected") {
  Circle x;
  cv::Network n = cv::network(x.c());
  CHECK(n.ties.empty());
  CHECK(n.density == 0);
  CHECK(n.least.size() == 5);
  // Four of six in one group: the 6 pairs among them; 15 possible.
  x.round("r1", "Spring", {{"m0", "m1", "m2", "m3"}, {"m4", "m5"}});
  n = cv::network(x.c());
  CHECK(n.ties.size() == 7);
  CHECK(n.density == doctest::Approx(7.0 / 15));
  CHECK(n.average == doctest::Approx(14.0 / 6));
  CHECK(n.degree.at("m0") == 3);
  CHECK(n.degree.at("m4") == 1);
  CHECK(n.least[0] == "m5");  // fewest ties first, then reading order (Greek before Cyrillic)
  CHECK(n.least[1] == "m4");
  CHECK(n.least[2] == "m2");  // three ties each: Jürgen first in reading order
  // Meeting again makes no new tie, only a stronger one.
  x.round("r2", "Spring", {{"m0", "m1"}, {"m2", "m3", "m4", "m5"}});
  n = cv::network(x.c());
  CHECK(n.ties.size() == 7 + 4);  // m2-m4, m2-m5, m3-m4, m3-m5 new; m2-m3, m4-m5 and m0-m1 again
  for (const cv::Tie& t : n.ties)
    if (t.a == "m0" && t.b == "m1") CHECK(t.count == 2);
  // Everyone with everyone: density 1.
  x.round("r3", "Spring", {{"m0", "m1", "m2", "m3", "m4", "m5"}});
  CHECK(cv::network(x.c()).density == doctest::Approx(1.0));
  // A member who left takes their ties.
  x.apply(cv::op_delete("Remove", "m5", cv::kMember));
  n = cv::network(x.c());
  CHECK(n.members.size() == 5);
  CHECK(n.ties.size() == 10);
  CHECK(n.density == doctest::Approx(1.0));
}

TEST_CASE("network: every kind of interaction, filtered by kind and date; density after each meeting") {
  Circle x;
  x.apply(cv::op_new_meeting(x.c(), "g1", "Peer-assist", "2027-01-07", "18:30"));
  x.apply(cv::op_new_meeting(x.c(), "g2", "Regular meeting", "2027-02-04", "18:30"));
  // Pairs in the first meeting.
  std::string pairs;
  for (const cv::Block& b : cv::agenda(x.c(), "g1"))
    if (b.kind == "pairs") pairs = b.id;
  x.round("r1", pairs, {{"m0", "m1"}, {"m2", "m3"}});
  // A peer-assist there: Żaneta brings, Алёна asks.
  x.apply(cv::op_bring_case("k1", "m3", "Late", "How?", "", true));
  const cv::CaseView k = cv::case_view(x.c(), "k1");
  x.apply(cv::op_peer_note(k, "n1", "g1", "m4", "Who is late?", cv::Phase::Questions, 1));
  x.apply(cv::op_case_note("n2", "k1", "m5", "suggestion", "Outside a meeting: no tie", 2));
  // Two presenters in the second meeting, and a thread reply.
  const auto g2 = cv::agenda(x.c(), "g2");
  x.apply(cv::op_set("Lead", g2[1].id, cv::f::block_lead, std::string("m0")));
  x.apply(cv::op_add_block(x.c(), "g2", "extra-input", "input"));
  x.apply(cv::op_set("Lead", "extra-input", cv::f::block_lead, std::string("m5")));
  x.apply(cv::op_start_thread("th", "ask", "m2", "Help?", "", {}, 1'800'000'000'000));  // 2027-01-15
  x.apply(cv::op_reply("re", "th", "m5", "Yes", 1'800'000'000'000));

  cv::Network n = cv::network(x.c());
  auto kinds = [&](const char* a, const char* b) {
    for (const cv::Tie& t : n.ties)
      if (t.a == a && t.b == b) return t.kinds;
    return std::vector<std::string>{};
  };
  CHECK(kinds("m0", "m1") == std::vector<std::string>{"breakout"});
  CHECK(kinds("m3", "m4") == std::vector<std::string>{"peer-assist"});
  CHECK(kinds("m0", "m5") == std::vector<std::string>{"co-presenting"});
  CHECK(kinds("m2", "m5") == std::vector<std::string>{"thread"});
  CHECK(kinds("m3", "m5").empty());
  CHECK(n.ties.size() == 5);
  // Density after each date: the first meeting's three ties, the thread's fourth, then the second meeting's.
  REQUIRE(n.timeline.size() == 3);
  CHECK(n.timeline[0].date == "2027-01-07");
  CHECK(n.timeline[0].ties == 3);
  CHECK(n.timeline[1].date == "2027-01-15");
  CHECK(n.timeline[1].ties == 4);
  CHECK(n.timeline[2].ties == 5);
  CHECK(n.timeline[2].density == doctest::Approx(5.0 / 15));
  CHECK(cv::network(x.c(), {"breakout"}).ties.size() == 2);
  CHECK(cv::network(x.c(), {}, "2027-01-10").ties.size() == 2);   // the thread and the second meeting
  CHECK(cv::network(x.c(), {}, "", "2027-01-07").ties.size() == 3);

  // In slices of any size (a unit is a record or an event), the same network as in one go, with
  // progress that only grows; the caller's reading order is used as given.
  for (const long long budget : {1LL, 3LL, 50LL})
    for (const std::string& from : {std::string(), std::string("2027-01-10")}) {
      const cv::Network whole = cv::network(x.c(), {}, from);
      cv::NetworkRun run = cv::network_begin(x.c(), {}, from);
      int slices = 0;
      float progress = 0;
      while (cv::network_step(run, x.c(), budget)) {
        ++slices;
        CHECK(cv::network_progress(run) >= progress);
        progress = cv::network_progress(run);
        CHECK(progress < 1);
      }
      CHECK(cv::network_progress(run) == 1);
      CHECK(slices >= (budget == 1 ? 10 : 0));
      const cv::Network& got = run.network;
      CHECK(got.members == whole.members);
      REQUIRE(got.ties.size() == whole.ties.size());
      for (size_t i = 0; i < got.ties.size(); ++i) {
        CHECK(got.ties[i].a == whole.ties[i].a);
        CHECK(got.ties[i].b == whole.ties[i].b);
        CHECK(got.ties[i].kinds == whole.ties[i].kinds);
        CHECK(got.ties[i].count == whole.ties[i].count);
        CHECK(got.ties[i].first == whole.ties[i].first);
      }
      CHECK(got.degree == whole.degree);
      CHECK(got.least == whole.least);
      CHECK(got.density == whole.density);
      REQUIRE(got.timeline.size() == whole.timeline.size());
      for (size_t i = 0; i < got.timeline.size(); ++i) CHECK(got.timeline[i].ties == whole.timeline[i].ties);
    }
  const std::vector<std::string> order{"m5", "m4", "m3", "m2", "m1", "m0"};
  cv::NetworkRun given = cv::network_begin(x.c(), {}, "", "", &order);
  while (cv::network_step(given, x.c(), 2)) {
  }
  CHECK(given.network.members == order);
  CHECK(given.network.ties.size() == n.ties.size());

  // Exports: GraphML nodes and edges; CSV that a spreadsheet will not run as a formula.
  x.apply(cv::op_set("Rename", "m0", cv::f::member_name, std::string("=HYPERLINK(\"x\") & <Zoë>")));
  n = cv::network(x.c());
  const std::string g = cv::network_graphml(x.c(), n);
  CHECK(g.find("<node id=\"m0\"><data key=\"name\">=HYPERLINK(&quot;x&quot;) &amp; &lt;Zoë&gt;</data>") != std::string::npos);
  CHECK(g.find("<edge source=\"m0\" target=\"m1\"><data key=\"kinds\">breakout</data><data key=\"weight\">1</data>"
               "<data key=\"first\">2027-01-07</data></edge>") != std::string::npos);
  const std::string csv = cv::network_csv(x.c(), n);
  CHECK(csv.rfind("Source,Target,Source name,Target name,Weight,Kinds,First\r\n", 0) == 0);
  CHECK(csv.find("m0,m1,\"'=HYPERLINK(\"\"x\"\") & <Zoë>\",Ñúñez,1,breakout,2027-01-07\r\n") != std::string::npos);
  CHECK(cv::network_json(x.c(), n).find("\"density\": 0.3333") != std::string::npos);
}

namespace {

cv::Network made(int count, const std::vector<std::pair<int, int>>& edges) {
  cv::Network n;
  for (int i = 0; i < count; ++i) n.members.push_back("m" + std::to_string(1000000 + i));
  for (const auto& [a, b] : edges) n.ties.push_back({n.members[a], n.members[b], {"breakout"}, 1, ""});
  return n;
}
double distance(const cv::Point& a, const cv::Point& b) { return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)); }

}  // namespace

TEST_CASE("layout: deterministic, tied members close, everyone on the map, no pair compared by all") {
  // Two circles of six, everyone tied within, one tie between them, and one member alone.
  std::vector<std::pair<int, int>> edges;
  for (int base : {0, 6})
    for (int i = 0; i < 6; ++i)
      for (int j = i + 1; j < 6; ++j) edges.push_back({base + i, base + j});
  edges.push_back({0, 6});
  const cv::Network n = made(13, edges);
  const cv::Layout a = cv::network_layout(n), b = cv::network_layout(n);
  REQUIRE(a.at.size() == 13);
  // The same places everywhere: these, to four decimals, natively and in the WebAssembly build (this
  // file runs in both), so the page, the CLI and the tests draw one map.
  const long expected[][3] = {{0, 5210, 3325}, {5, 7114, 1580}, {6, 5799, 6963}, {12, 967, 10000}};
  for (const auto& [i, x, y] : expected) {
    CHECK(std::lround(a.at[i].x * 10000) == x);
    CHECK(std::lround(a.at[i].y * 10000) == y);
  }
  for (size_t i = 0; i < a.at.size(); ++i) {
    CHECK(a.at[i].x == b.at[i].x);  // the same places again
    CHECK(a.at[i].y == b.at[i].y);
    CHECK(a.at[i].x >= 0);
    CHECK(a.at[i].x <= 1);
    CHECK(a.at[i].y >= 0);
    CHECK(a.at[i].y <= 1);
  }
  double within = 0, across = 0;
  int nw = 0, na = 0;
  for (int i = 0; i < 12; ++i)
    for (int j = i + 1; j < 12; ++j) {
      const double d = distance(a.at[i], a.at[j]);
      if ((i < 6) == (j < 6)) within += d, ++nw;
      else across += d, ++na;
    }
  CHECK(within / nw * 1.8 < across / na);  // each circle holds together, apart from the other
  // No two members on one spot.
  for (size_t i = 0; i < a.at.size(); ++i)
    for (size_t j = i + 1; j < a.at.size(); ++j) CHECK(distance(a.at[i], a.at[j]) > 0.01);

  // 5,000 members in a ring: the pushing compares near members only (all pairs would be 12.5 million a step).
  std::vector<std::pair<int, int>> ring;
  for (int i = 0; i < 5000; ++i) ring.push_back({i, (i + 1) % 5000});
  const cv::Layout big = cv::network_layout(made(5000, ring));
  REQUIRE(big.steps > 0);
  CHECK(big.comparisons / big.steps < 60 * 5000);
  MESSAGE("5,000 members: " << big.steps << " steps, " << big.comparisons / big.steps << " comparisons a step");
  // Neighbours on the ring end up nearer than members half the ring apart, on average.
  double near = 0, far = 0;
  for (int i = 0; i < 5000; i += 50) near += distance(big.at[i], big.at[i + 1]), far += distance(big.at[i], big.at[(i + 2500) % 5000]);
  CHECK(near * 3 < far);

  // In slices (the page: a step or so a frame): the same places, whatever the slice.
  const cv::Network ringed = made(5000, ring);
  cv::LayoutRun run = cv::layout_begin(ringed);
  int slices = 0;
  float progress = 0;
  while (cv::layout_step(run, 100000)) {
    ++slices;
    CHECK(cv::layout_progress(run) > progress);  // it moves on every slice
    progress = cv::layout_progress(run);
    CHECK(progress < 1);
  }
  CHECK(cv::layout_progress(run) == 1);
  CHECK(slices >= big.steps - 1);  // a 5,000-member step is over 100,000 comparisons: one step a slice
  CHECK(run.layout.steps == big.steps);
  CHECK(run.layout.comparisons == big.comparisons);
  for (size_t i = 0; i < big.at.size(); ++i) {
    CHECK(run.layout.at[i].x == big.at[i].x);
    CHECK(run.layout.at[i].y == big.at[i].y);
  }
  // Slices of several steps each: the same places again.
  cv::LayoutRun wide = cv::layout_begin(ringed);
  int wide_slices = 0;
  while (cv::layout_step(wide, 2000000)) ++wide_slices;
  CHECK(wide_slices > 0);
  CHECK(wide_slices < big.steps / 2);
  for (size_t i = 0; i < big.at.size(); ++i) {
    CHECK(wide.layout.at[i].x == big.at[i].x);
    CHECK(wide.layout.at[i].y == big.at[i].y);
  }
}

TEST_CASE("network: an introduction is a tie of its own kind, and the CLI's JSON carries the places") {
  Circle x;
  x.apply(cv::op_introduce("m3", "m1", "Ñúñez, skill: “Retrospectives” · Żaneta wants to learn “Better retros”", "", 1'800'000'000'000));
  const cv::Network n = cv::network(x.c());
  REQUIRE(n.ties.size() == 1);
  CHECK(n.ties[0].a == "m1");
  CHECK(n.ties[0].b == "m3");
  CHECK(n.ties[0].kinds == std::vector<std::string>{"introduction"});
  CHECK(n.ties[0].first == "2027-01-15");
  CHECK(cv::network(x.c(), {"breakout"}).ties.empty());
  const cv::json j = cv::json::parse(cv::network_json(x.c(), n));
  REQUIRE(j["layout"].size() == 6);
  CHECK(j["layout"][0]["member"] == n.members[0]);
  CHECK(j["layout"][0]["x"].get<double>() >= 0);
}

}  // TEST_SUITE
