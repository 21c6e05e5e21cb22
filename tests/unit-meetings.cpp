// unit-meetings.cpp: guidelines and acknowledgements, meetings from templates and series, the rule
// checker's four rules, airtime sums, the live run's clock arithmetic, attendance, actions that come
// back in the next meeting, roles that rotate, and the summary and calendar exports.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/getting_started.h"
#include "core/live_run.h"
#include "core/meetings.h"
#include "core/text.h"
#include "helpers.h"

using cv::json;

namespace {

// Eight members with the names the standards name.
struct Circle : testing::Circle {
  Circle() {
    const char* names[] = {"Zoë", "Ñúñez", "Jürgen", "Żaneta", "Алёна", "Παύλος", "Amara", "Bo"};
    for (int i = 0; i < 8; ++i) add("m" + std::to_string(i), names[i]);
  }
};

cv::Block blk(const char* kind, int minutes, const std::string& id = {}) {
  cv::Block b;
  b.id = id.empty() ? kind : id;
  b.kind = kind;
  b.title = cv::kind_label(kind);
  b.minutes = minutes;
  return b;
}

bool mentions(const std::vector<cv::MeetingWarning>& w, const std::string& words) {
  for (const auto& x : w)
    if (x.text.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("guidelines: five defaults with a why each, acknowledged per version") {
  Circle x;
  REQUIRE(x.apply(cv::op_default_guidelines(x.c(), "g")));
  const auto g = cv::guidelines(x.c());
  REQUIRE(g.size() == 5);
  CHECK(g[0].text == "We learn with and from one another.");
  for (const auto& one : g) CHECK_FALSE(one.why.empty());
  CHECK(cv::op_default_guidelines(x.c(), "again").changes.empty());  // never seeded twice

  for (const auto& a : cv::acknowledgements(x.c())) CHECK(a.state == cv::Acknowledgement::None);
  x.apply(cv::op_acknowledge(x.c(), "m0"));
  x.apply(cv::op_acknowledge(x.c(), "m4"));
  int current = 0;
  for (const auto& a : cv::acknowledgements(x.c())) current += a.state == cv::Acknowledgement::Current;
  CHECK(current == 2);

  // A changed guideline: the two acknowledged an earlier version, and it shows.
  const std::string before = cv::guidelines_version(x.c());
  x.apply(cv::op_set("Edit", g[3].id, cv::kGuideline, "text", "Share airtime: everyone gets a turn."));
  CHECK(cv::guidelines_version(x.c()) != before);
  for (const auto& a : cv::acknowledgements(x.c()))
    CHECK(a.state == (a.member == "m0" || a.member == "m4" ? cv::Acknowledgement::Earlier : cv::Acknowledgement::None));
  // Undo brings the version back, and the acknowledgements with it.
  cv::doc_undo(x.d, x.t.next());
  CHECK(cv::guidelines_version(x.c()) == before);

  x.apply(cv::op_add_guideline(x.c(), "g6", "Phones away.", "Attention is the gift we give each other."));
  CHECK(cv::guidelines(x.c()).back().text == "Phones away.");
}

TEST_CASE("the rule checker: debriefs, interaction, logistics last, the slot") {
  // A good meeting: nothing to say.
  std::vector<cv::Block> good = {blk("welcome", 10), blk("input", 15), blk("pairs", 15, "p"), blk("debrief", 10, "d1"),
                                 blk("small_groups", 20, "s"), blk("debrief", 10, "d2"), blk("logistics", 5),
                                 blk("closing", 5)};
  CHECK(cv::check_meeting(good, 90).empty());

  // A breakout with no debrief after it (before the next breakout): named, with its block.
  auto no_debrief = good;
  no_debrief.erase(no_debrief.begin() + 3);
  auto w = cv::check_meeting(no_debrief, 90);
  REQUIRE(w.size() == 1);
  CHECK(w[0].block == "p");
  CHECK(w[0].text.find("no large-group debrief") != std::string::npos);
  // ... and the warning goes away when a debrief follows again.
  no_debrief.insert(no_debrief.begin() + 3, blk("debrief", 10, "back"));
  CHECK(cv::check_meeting(no_debrief, 90).empty());
  // The last breakout needs one too.
  auto last = good;
  last.erase(last.begin() + 5);
  CHECK(cv::check_meeting(last, 90).at(0).block == "s");

  // Interaction under half of the content time.
  std::vector<cv::Block> lecture = {blk("input", 45), blk("pairs", 10), blk("debrief", 10)};
  w = cv::check_meeting(lecture, 0);
  REQUIRE(w.size() == 1);
  CHECK(mentions(w, "20 of 65 content minutes, under half"));
  lecture[0].minutes = 40;  // 25 of 65: more than a third, still under half
  lecture[1].minutes = 15;
  CHECK(mentions(cv::check_meeting(lecture, 0), "25 of 65 content minutes, under half"));
  lecture[0].minutes = 20;  // 20 of 40: exactly half is enough
  lecture[1].minutes = 10;
  CHECK(cv::check_meeting(lecture, 0).empty());

  // Logistics or technology before the content.
  std::vector<cv::Block> early = {blk("technology", 5, "tech"), blk("pairs", 15), blk("debrief", 10)};
  w = cv::check_meeting(early, 0);
  REQUIRE(w.size() == 1);
  CHECK(w[0].block == "tech");
  CHECK(mentions(w, "keep technology for the end"));

  // Overrunning the slot, by how much.
  CHECK(mentions(cv::check_meeting(good, 80), "90 minutes, 10 more than the 80-minute slot"));
  CHECK(cv::check_meeting(good, 0).empty());  // no slot set: not checked
}

TEST_CASE("airtime: block minutes over the people sharing the floor") {
  const int people = 12;
  cv::Block pairs = blk("pairs", 20), groups = blk("small_groups", 20), large = blk("debrief", 24), rest = blk("break", 10);
  CHECK(cv::floor_size(pairs, people) == 2);
  CHECK(cv::airtime(pairs, people) == doctest::Approx(10));
  CHECK(cv::airtime(groups, people) == doctest::Approx(5));  // groups of 4 by default
  groups.group_size = 3;
  CHECK(cv::airtime(groups, people) == doctest::Approx(20.0 / 3));
  CHECK(cv::airtime(large, people) == doctest::Approx(2));
  CHECK(cv::airtime(rest, people) == 0);
  CHECK(cv::airtime(pairs, 1) == 20);  // alone: the floor is one's own
  const auto s = cv::meeting_airtime({pairs, groups, large, rest}, people);
  REQUIRE(s.per_block.size() == 4);
  CHECK(s.total == doctest::Approx(10 + 20.0 / 3 + 2));
  CHECK(s.large_group_only == doctest::Approx(64.0 / 12));
  CHECK(s.total > 3 * s.large_group_only);  // the point of pairs and small groups

  const auto times = cv::start_times("18:30", {pairs, groups, large, rest});
  CHECK(times == std::vector<std::string>{"18:30", "18:50", "19:10", "19:34"});
  CHECK(cv::start_times("", {pairs}) == std::vector<std::string>{""});
}

TEST_CASE("meetings from templates, a series, dates across months and years") {
  Circle x;
  REQUIRE(x.apply(cv::op_new_meeting(x.c(), "mt1", "Regular meeting", "2026-12-29", "18:30")));
  const auto blocks = cv::agenda(x.c(), "mt1");
  REQUIRE(blocks.size() == 8);
  CHECK(blocks[0].kind == "welcome");
  CHECK(blocks.back().kind == "closing");
  const cv::Record* m = cv::find_live(x.c(), "mt1");
  REQUIRE(m);
  int total = 0;
  for (const auto& b : blocks) total += b.minutes;
  CHECK(m->get("slot").get<int>() >= total);
  CHECK(cv::check_meeting(blocks, m->get("slot").get<int>()).empty());  // every template passes its own rules
  for (const auto& t : cv::meeting_templates()) {
    if (std::string(t.name) == "First meeting") continue;
    Circle y;
    y.apply(cv::op_new_meeting(y.c(), "t", t.name, "", ""));
    CHECK_MESSAGE(cv::check_meeting(cv::agenda(y.c(), "t"), 0).empty(), std::string(t.name));
  }

  x.apply(cv::op_set("Series", "mt1", cv::kMeeting, "every_weeks", 2));
  x.apply(cv::op_set("Series", "mt1", cv::kMeeting, "series_count", 3));
  const auto info = cv::meeting_info(*cv::find_live(x.c(), "mt1"), "mt1");
  CHECK(cv::series_dates(info) == std::vector<std::string>{"2026-12-29", "2027-01-12", "2027-01-26"});
  CHECK(cv::add_days("2028-02-28", 1) == "2028-02-29");
  CHECK(cv::add_days("2026-02-30", 1) == "");
  CHECK(cv::add_days("next week", 1) == "");

  REQUIRE(x.apply(cv::op_next_in_series(x.c(), "mt1", "mt2")));
  const cv::Record* next = cv::find_live(x.c(), "mt2");
  REQUIRE(next);
  CHECK(next->text("date") == "2027-01-12");
  CHECK(next->text("time") == "18:30");
  CHECK(cv::agenda(x.c(), "mt2").size() == blocks.size());
  CHECK(cv::meetings(x.c()).front().id == "mt1");

  const std::string ics = cv::meeting_series_ics(x.c(), "mt1", 1'790'000'000'000);
  CHECK(ics.find("RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3\r\n") != std::string::npos);
  CHECK(ics.find("DTSTART:20261229T183000") != std::string::npos);
  CHECK(cv::meeting_series_ics(x.c(), "mt2", 0).find("RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=2") != std::string::npos);
}

TEST_CASE("the live run: countdown, pause, extend, skip, back, end; time only from the caller") {
  Circle x;
  x.apply(cv::op_new_meeting(x.c(), "mt", "Regular meeting", "2026-12-03", "18:30"));
  const auto blocks = cv::agenda(x.c(), "mt");
  const int64_t t0 = 1'800'000'000'000;
  auto view = [&](int64_t now) { return cv::run_view(*cv::find_live(x.c(), "mt"), blocks, now); };
  CHECK_FALSE(view(t0).started);
  REQUIRE(x.apply(cv::op_run_start("mt", blocks, t0)));
  auto v = view(t0 + 60'000);
  CHECK(v.index == 0);
  CHECK(v.remaining_ms == 9 * 60'000);  // welcome: 10 minutes
  CHECK(cv::format_countdown(v.remaining_ms) == "09:00");
  CHECK(cv::format_countdown(v.remaining_ms - 1) == "09:00");
  CHECK(cv::format_countdown(-65'000) == "-01:05");

  // Paused for 5 minutes: the countdown stands still, and carries on after the resume.
  x.apply(cv::op_run_pause(*cv::find_live(x.c(), "mt"), "mt", t0 + 120'000));
  CHECK(view(t0 + 420'000).remaining_ms == 8 * 60'000);
  CHECK(view(t0 + 420'000).paused);
  x.apply(cv::op_run_pause(*cv::find_live(x.c(), "mt"), "mt", t0 + 420'000));
  CHECK(view(t0 + 480'000).remaining_ms == 7 * 60'000);
  CHECK(view(t0 + 480'000).since_ms == 180'000);  // since the block's start, moved on by the pause

  // Over time, then a minute more.
  CHECK(view(t0 + 1'000'000).remaining_ms < 0);
  x.apply(cv::op_run_extend(*cv::find_live(x.c(), "mt"), "mt", 1));
  CHECK(view(t0 + 480'000).remaining_ms == 8 * 60'000);

  // Next, back, past the end.
  x.apply(cv::op_run_move(*cv::find_live(x.c(), "mt"), "mt", blocks, +1, t0 + 600'000));
  v = view(t0 + 600'000);
  CHECK(v.index == 1);
  CHECK(v.extra_minutes == 0);
  CHECK(v.remaining_ms == blocks[1].minutes * 60'000);
  x.apply(cv::op_run_move(*cv::find_live(x.c(), "mt"), "mt", blocks, -1, t0 + 610'000));
  CHECK(view(t0 + 610'000).index == 0);
  for (size_t i = 0; i < blocks.size(); ++i)
    x.apply(cv::op_run_move(*cv::find_live(x.c(), "mt"), "mt", blocks, +1, t0 + 700'000));
  CHECK(view(t0 + 700'000).ended);
  // Every step is an undoable change.
  cv::doc_undo(x.d, x.t.next());
  CHECK(view(t0 + 700'000).index == static_cast<int>(blocks.size()) - 1);
}

TEST_CASE("planning from the backlog: the topic's presenter proposed, the topic done when the meeting ends") {
  Circle x;
  auto topic = [&](const char* id, const char* title, const char* by) {
    x.apply(cv::op_create("Add topic", id, cv::kTopic, {{"title", title}, {"state", "backlog"}, {"proposed_by", by}}));
  };
  topic("t1", "Feedback that lands", "m0");
  topic("t2", "Budget spreadsheets", "m1");
  topic("t3", "Knitting", "m7");
  x.item("s1", cv::kSkill, "m2", "giving feedback in code reviews");
  x.item("s2", cv::kSkill, "m4", "feedback conversations", "present");
  x.item("s3", cv::kSkill, "m6", "budget spreadsheets");
  // Who offered to open it first; then a skill that fits and offers to present; then any that fits; then who proposed it.
  CHECK(cv::propose_presenter(x.c(), "t1").member == "m4");
  CHECK(cv::propose_presenter(x.c(), "t1").why == "offers to present: feedback conversations");
  CHECK(cv::propose_presenter(x.c(), "t2").member == "m6");
  CHECK(cv::propose_presenter(x.c(), "t2").why.rfind("knows about it", 0) == 0);
  CHECK(cv::propose_presenter(x.c(), "t3").member == "m7");
  CHECK(cv::propose_presenter(x.c(), "t3").why == "proposed it");
  x.apply(cv::op_set("Offer", "t1", cv::f::topic_owner, std::string("m5")));
  CHECK(cv::propose_presenter(x.c(), "t1").member == "m5");
  CHECK(cv::propose_presenter(x.c(), "t1").why == "offered to open it");

  x.apply(cv::op_new_meeting(x.c(), "g1", "Regular meeting", "2027-01-07", "18:30"));
  CHECK(x.apply(cv::op_plan_topic(x.c(), "g1", "t1", true)));
  const cv::Record& g = *cv::find_live(x.c(), "g1");
  CHECK(cv::get(g, cv::f::meeting_topics) == std::vector<std::string>{"t1"});
  CHECK(cv::get(*cv::find_live(x.c(), "t1"), cv::f::topic_state) == "chosen");
  const auto blocks = cv::agenda(x.c(), "g1");
  const auto input = std::find_if(blocks.begin(), blocks.end(), [](const cv::Block& b) { return b.kind == "input"; });
  REQUIRE(input != blocks.end());
  CHECK(input->lead == "m5");
  CHECK(input->title == "Feedback that lands");
  // A second topic leaves the presenter already set alone; taking it off returns it to the backlog.
  x.apply(cv::op_plan_topic(x.c(), "g1", "t2", true));
  CHECK(cv::agenda(x.c(), "g1")[1].lead == "m5");
  x.apply(cv::op_plan_topic(x.c(), "g1", "t2", false));
  CHECK(cv::get(*cv::find_live(x.c(), "t2"), cv::f::topic_state) == "backlog");
  CHECK(cv::op_plan_topic(x.c(), "g1", "t2", false).changes.empty());
  // Ending the run marks its topics done, in the same step.
  const auto now = cv::agenda(x.c(), "g1");
  x.apply(cv::op_run_start("g1", now, 1'000));
  cv::Op end = cv::op_run_move(*cv::find_live(x.c(), "g1"), "g1", now, static_cast<int>(now.size()), 2'000);
  cv::put_topics_done(end, x.c(), "g1");
  x.apply(end);
  CHECK(cv::get(*cv::find_live(x.c(), "t1"), cv::f::topic_state) == "done");
  CHECK(cv::tally_topics(x.c()).size() == 2);  // out of the backlog
  CHECK(cv::doc_undo(x.d, x.t.next()));
  CHECK(cv::get(*cv::find_live(x.c(), "t1"), cv::f::topic_state) == "chosen");
}

TEST_CASE("attendance ticks and actions that come back in the next meeting's review") {
  Circle x;
  x.apply(cv::op_new_meeting(x.c(), "a", "Regular meeting", "2026-12-03", "18:30"));
  CHECK(cv::attendees(x.c(), "a").size() == 8);  // nobody ticked: everyone
  x.apply(cv::op_attend(x.c(), "a", "m7", false));
  const auto here = cv::attendees(x.c(), "a");
  CHECK(here.size() == 7);
  CHECK(std::find(here.begin(), here.end(), "m7") == here.end());
  x.apply(cv::op_attend(x.c(), "a", "m7", true));
  CHECK(cv::attendees(x.c(), "a").size() == 8);

  x.apply(cv::op_create("Add an action", "act1", cv::kAction,
                        {{"meeting", "a"}, {"text", "Try the feedback model with my team"}, {"owner", "m1"}, {"due", "2026-12-10"}}));
  x.apply(cv::op_create("Add an action", "act2", cv::kAction,
                        {{"meeting", "a"}, {"text", "Share the book list"}, {"owner", "m4"}, {"done", true}}));
  CHECK(cv::actions_of(x.c(), "a").size() == 2);
  CHECK(cv::open_actions_before(x.c(), "a").empty());  // its own actions are not "before"

  // The next meeting gets a review block, right after the welcome, listing the open one.
  x.apply(cv::op_new_meeting(x.c(), "b", "Case clinic", "2026-12-17", "18:30"));
  const auto blocks = cv::agenda(x.c(), "b");
  REQUIRE(blocks.size() >= 2);
  CHECK(blocks[1].kind == "review");
  const auto open = cv::open_actions_before(x.c(), "b");
  REQUIRE(open.size() == 1);
  CHECK(open[0].id == "act1");
  // A meeting dated before does not review later actions.
  x.apply(cv::op_new_meeting(x.c(), "z", "Case clinic", "2026-11-01", ""));
  CHECK(cv::agenda(x.c(), "z")[1].kind != "review");
  CHECK(cv::open_actions_before(x.c(), "z").empty());
  // Done: nothing left to review.
  x.apply(cv::op_set("Done", "act1", cv::kAction, "done", true));
  CHECK(cv::open_actions_before(x.c(), "b").empty());
}

TEST_CASE("the summary: who came, the agenda with debrief notes, outcomes, actions") {
  Circle x;
  x.apply(cv::op_new_meeting(x.c(), "a", "Regular meeting", "2026-12-03", "18:30"));
  const auto blocks = cv::agenda(x.c(), "a");
  x.apply(cv::op_set("Note", blocks[3].id, cv::kBlock, "debrief", "Feedback lands when it is <specific> | kind"));
  x.apply(cv::op_set("Outcomes", "a", cv::kMeeting, "outcomes", "We keep the pairs format."));
  x.apply(cv::op_attend(x.c(), "a", "m7", false));
  x.apply(cv::op_create("Add an action", "act1", cv::kAction,
                        {{"meeting", "a"}, {"text", "Try it with my team"}, {"owner", "m4"}, {"due", "2026-12-10"}}));
  const std::string md = cv::meeting_summary_markdown(x.c(), "a");
  CHECK(md.find("# Regular meeting") != std::string::npos);
  CHECK(md.find("Present (7): ") != std::string::npos);
  CHECK(md.find("Zoë") != std::string::npos);
  CHECK(md.find("Bo") == std::string::npos);  // ticked absent
  CHECK(md.find("| 18:30 | 10 |") != std::string::npos);
  CHECK(md.find("Feedback lands when it is &lt;specific&gt; \\| kind") != std::string::npos);
  CHECK(md.find("We keep the pairs format.") != std::string::npos);
  CHECK(md.find("| Try it with my team | Алёна | 2026-12-10 |  |") != std::string::npos);
  const std::string page = cv::meeting_summary_html(x.c(), "a");
  CHECK(page.find("&lt;specific&gt;") != std::string::npos);
  CHECK(page.find("<specific>") == std::string::npos);
  CHECK(page.find("Алёна") != std::string::npos);
}

TEST_CASE("roles rotate: whoever offers a role and held it longest ago (or never) is next") {
  Circle x;
  // Żaneta and Bo offer to choose books; Jürgen offers to facilitate.
  x.apply(cv::op_set("Roles", "m3", cv::kMember, "roles", json::array({"Book chooser", "presenter"})));
  x.apply(cv::op_set("Roles", "m7", cv::kMember, "roles", json::array({" book chooser "})));
  x.apply(cv::op_set("Roles", "m2", cv::kMember, "roles", json::array({"facilitator"})));
  x.apply(cv::op_new_meeting(x.c(), "a", "Book discussion", "2026-12-03", "18:30"));
  auto slots = cv::meeting_roles(x.c(), "a");
  REQUIRE(slots.size() == 2);
  CHECK(slots[0].role == "facilitator");
  CHECK(slots[0].block.empty());
  CHECK(slots[1].role == "book chooser");
  CHECK(cv::agenda(x.c(), "a")[3].id == slots[1].block);  // the book block holds it

  // Nobody held the book role yet: those who offer it, by name (Bo before Żaneta).
  auto t = cv::role_turns(x.c(), "a", slots[1]);
  REQUIRE(t.size() == 8);
  CHECK(t[0].name == "Bo");
  CHECK(t[1].name == "Żaneta");
  CHECK_FALSE(t[2].offers);
  CHECK(cv::role_turns(x.c(), "a", slots[0])[0].name == "Jürgen");

  // Rotating fills both, with different members, in one undoable Op.
  const cv::Op rot = cv::op_rotate_roles(x.c(), "a");
  CHECK(rot.label == "Rotate roles");
  REQUIRE(x.apply(rot));
  slots = cv::meeting_roles(x.c(), "a");
  CHECK(slots[0].member == "m2");
  CHECK(slots[1].member == "m7");
  CHECK(cv::op_rotate_roles(x.c(), "a").changes.empty());  // nothing open: a held role is never moved

  // The next meeting: Bo chose last time, so it is Żaneta's turn; then Bo's again (longest ago).
  x.apply(cv::op_new_meeting(x.c(), "b", "Book discussion", "2026-12-17", "18:30"));
  x.apply(cv::op_rotate_roles(x.c(), "b"));
  CHECK(cv::meeting_roles(x.c(), "b")[1].member == "m3");
  t = cv::role_turns(x.c(), "b", cv::meeting_roles(x.c(), "b")[1]);
  CHECK(t[0].member == "m3");  // holds it here; her history is before this meeting only
  CHECK(t[0].times == 0);
  CHECK(t[1].member == "m7");
  CHECK(t[1].times == 1);
  CHECK(t[1].last == "2026-12-03");
  x.apply(cv::op_new_meeting(x.c(), "c", "Book discussion", "2027-01-07", ""));
  x.apply(cv::op_rotate_roles(x.c(), "c"));
  CHECK(cv::meeting_roles(x.c(), "c")[1].member == "m7");
  // The facilitator rotates too: Jürgen offered, but after two turns the one who held it longest ago
  // among those who offer is still him (he is the only one); someone else when he is absent.
  CHECK(cv::meeting_roles(x.c(), "c")[0].member == "m2");
  x.apply(cv::op_new_meeting(x.c(), "d", "Case clinic", "2027-01-21", ""));
  x.apply(cv::op_attend(x.c(), "d", "m2", false));
  x.apply(cv::op_rotate_roles(x.c(), "d"));
  slots = cv::meeting_roles(x.c(), "d");
  REQUIRE(slots.size() == 2);
  CHECK(slots[1].role == "case bringer");
  CHECK(slots[0].member != "m2");
  CHECK(slots[0].member != slots[1].member);
  // A meeting dated earlier than all of them has no history: it does not count later turns.
  x.apply(cv::op_new_meeting(x.c(), "z", "Book discussion", "2026-11-01", ""));
  for (const auto& turn : cv::role_turns(x.c(), "z", cv::meeting_roles(x.c(), "z")[1])) CHECK(turn.times == 0);

  // Who holds which role shows in the summary.
  const std::string md = cv::meeting_summary_markdown(x.c(), "b");
  CHECK(md.find("Roles: Facilitator: Jürgen; Book chooser: Żaneta") != std::string::npos);
  CHECK(cv::meeting_summary_html(x.c(), "b").find("Book chooser: Żaneta") != std::string::npos);
}

TEST_CASE("roles: with fewer members than roles, some hold two; a peer-assist and an input each have one") {
  testing::Circle x;
  x.add("p", "Παύλος");
  x.apply(cv::op_new_meeting(x.c(), "a", "Regular meeting", "2026-12-03", "18:30"));
  x.apply(cv::op_add_block(x.c(), "a", "pa", "peer_assist"));
  const auto slots = cv::meeting_roles(x.c(), "a");
  REQUIRE(slots.size() == 3);
  CHECK(slots[1].role == "presenter");
  CHECK(slots[2].role == "case bringer");
  x.apply(cv::op_rotate_roles(x.c(), "a"));
  for (const auto& s : cv::meeting_roles(x.c(), "a")) CHECK(s.member == "p");
  // Cleared: open again. A member removed leaves their roles open, and rotation fills them.
  x.apply(cv::op_set_role("a", slots[1], ""));
  CHECK(cv::meeting_roles(x.c(), "a")[1].member.empty());
  x.add("z", "Zoë");
  x.apply(cv::op_delete("Remove member", "p", cv::kMember));
  for (const auto& s : cv::meeting_roles(x.c(), "a")) CHECK(s.member.empty());
  x.apply(cv::op_rotate_roles(x.c(), "a"));
  for (const auto& s : cv::meeting_roles(x.c(), "a")) CHECK(s.member == "z");
}

}  // TEST_SUITE
