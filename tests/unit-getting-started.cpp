// unit-getting-started.cpp: shared objectives, dot votes, skills for a topic, the first meeting, and
// members who answered without a name named by their day.
#include <doctest/doctest.h>

#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/text.h"
#include "helpers.h"

using cv::json;

namespace {

struct Circle : testing::Circle {
  void topic(const std::string& id, const std::string& title) {
    cv::doc_apply(d, cv::op_create("Add topic", id, cv::kTopic, {{"title", title}, {"state", "backlog"}}), t.next());
  }
};

// Eight members; feedback is wanted by five of them, facilitation by two.
Circle eight() {
  Circle x;
  const char* names[] = {"Zoë", "Ñúñez", "Jürgen", "Żaneta", "Алёна", "Παύλος", "Amara", "Bo"};
  for (int i = 0; i < 8; ++i) x.add("m" + std::to_string(i), names[i]);
  x.item("o1", cv::kObjective, "m0", "give better feedback");
  x.item("o2", cv::kObjective, "m1", "Giving feedback to my team");
  x.item("o3", cv::kObjective, "m2", "feedback skills");
  x.item("o4", cv::kObjective, "m3", "receiving feedback");
  x.item("o5", cv::kObjective, "m4", "feedback that lands");
  x.item("o6", cv::kObjective, "m5", "facilitating workshops");
  x.item("o7", cv::kObjective, "m6", "facilitation techniques");
  x.item("o8", cv::kObjective, "m7", "budgets");
  return x;
}

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("members who answered without a name are named by the day they answered; a name they write later wins") {
  Circle x;
  x.add("m1", "Zoë");
  x.add("m2", "");
  const int64_t made = x.t.ms;
  x.add("m3", "   ");
  // A form that never wrote a name at all: the name is added, stamped as her making was.
  x.apply(cv::Op{"Join", {{"m4", cv::kMember, "deleted", false}}});
  cv::Community incoming = x.c();
  const cv::Stamp m4_made = incoming.records.at("m4").fields.at("deleted").stamp;
  const auto [count, first] = cv::name_nameless(incoming);
  CHECK(count == 3);
  CHECK(first == "Member who answered on " + cv::format_utc(made).substr(0, 10));
  CHECK(incoming.records.at("m1").text("name") == "Zoë");
  CHECK(incoming.records.at("m3").text("name").rfind("Member who answered on ", 0) == 0);
  const cv::Field& m4_name = incoming.records.at("m4").fields.at("name");
  CHECK(m4_name.value == "Member who answered on " + cv::format_utc(m4_made.ms).substr(0, 10));
  CHECK(m4_name.stamp.ms == m4_made.ms);
  CHECK(m4_name.stamp.counter == m4_made.counter + 1);
  CHECK(m4_name.stamp.actor == m4_made.actor);
  // Named twice, the same: importing the same answers again changes nothing.
  cv::Community again = x.c();
  cv::name_nameless(again);
  CHECK(cv::to_file(again) == cv::to_file(incoming));
  // She writes her name in her own copy afterwards: her name wins over the one given on import.
  x.apply(cv::op_set("Rename", "m2", cv::f::member_name, std::string("Алёна")));
  cv::Community convener = incoming;
  cv::merge_into(convener, x.c());
  CHECK(convener.records.at("m2").text("name") == "Алёна");
  // And the other way round: the named copy merged into hers keeps her name too.
  cv::Community hers = x.c();
  cv::merge_into(hers, incoming);
  CHECK(hers.records.at("m2").text("name") == "Алёна");
}

TEST_CASE("objectives shared by most: grouped, ranked, marked against half of the members") {
  Circle x = eight();
  const cv::SharedObjectives so = cv::shared_objectives(x.c());
  CHECK(so.members == 8);
  CHECK(so.needed == 4);
  REQUIRE(so.groups.size() == 3);
  CHECK(so.groups[0].members.size() == 5);
  CHECK(so.groups[0].by_most);
  CHECK(so.groups[0].label == "feedback skills");
  CHECK(so.groups[1].members.size() == 2);
  CHECK_FALSE(so.groups[1].by_most);
  CHECK(so.groups[2].label == "budgets");
  // The threshold is the community's to set.
  x.apply(cv::op_set("Threshold", "c1", cv::kCommunity, "shared_threshold", 0.25));
  CHECK(cv::shared_objectives(x.c()).needed == 2);
  CHECK(cv::shared_objectives(x.c()).groups[1].by_most);
  // A member who left no longer holds anything.
  x.apply(cv::op_delete("Remove", "m0", cv::kMember));
  CHECK(cv::shared_objectives(x.c()).groups[0].members.size() == 4);
}

TEST_CASE("the convener merges and splits groups, and that choice merges like any edit") {
  Circle x = eight();
  auto so = cv::shared_objectives(x.c());
  x.apply(cv::op_merge_groups(so.groups[1], so.groups[2]));  // facilitation + budgets, for this community
  so = cv::shared_objectives(x.c());
  REQUIRE(so.groups.size() == 2);
  CHECK(so.groups[1].members.size() == 3);
  CHECK(so.groups[1].pinned);
  // Another copy splits "feedback that lands" off; both choices survive the merge.
  cv::Doc other = x.d;
  other.clock.actor = "b";
  cv::doc_apply(other, cv::op_split_objective("o5"), x.t.next());
  cv::merge_into(x.d.community, other.community);
  so = cv::shared_objectives(x.c());
  REQUIRE(so.groups.size() == 3);
  CHECK(so.groups[0].members.size() == 4);
  // And back to automatic.
  x.apply(cv::op_unpin_group(so.groups[1]));
  CHECK(cv::shared_objectives(x.c()).groups.size() == 4);
}

TEST_CASE("dot votes: a budget per member, votes taken back, ties shown as ties") {
  Circle x = eight();
  x.topic("t1", "Feedback that lands");
  x.topic("t2", "Facilitation");
  x.topic("t3", "Budgets");
  CHECK(cv::vote_budget(x.c()) == 3);
  CHECK(x.apply(cv::op_vote(x.c(), "t1", "m0", +1)));
  CHECK(x.apply(cv::op_vote(x.c(), "t1", "m0", +1)));
  CHECK(x.apply(cv::op_vote(x.c(), "t2", "m0", +1)));
  CHECK(cv::op_vote(x.c(), "t3", "m0", +1).changes.empty());  // no dots left
  CHECK(cv::dots_used(x.c(), "m0") == 3);
  CHECK(x.apply(cv::op_vote(x.c(), "t1", "m0", -1)));          // taken back
  CHECK(x.apply(cv::op_vote(x.c(), "t3", "m0", +1)));
  CHECK(cv::op_vote(x.c(), "t2", "m1", -1).changes.empty());   // nothing to take back
  auto tally = cv::tally_topics(x.c());
  REQUIRE(tally.size() == 3);
  for (const auto& t : tally) CHECK(t.dots == 1);
  for (const auto& t : tally) CHECK(t.rank == 1);
  for (const auto& t : tally) CHECK(t.tied);
  x.apply(cv::op_vote(x.c(), "t2", "m1", +1));
  tally = cv::tally_topics(x.c());
  CHECK(tally[0].id == "t2");
  CHECK_FALSE(tally[0].tied);
  CHECK(tally[1].rank == 2);
  CHECK(tally[2].rank == 2);
  CHECK(tally[1].tied);
  // Two people voting offline touch different records; the same person on two devices, the same one.
  CHECK(cv::vote_id("t1", "m0") == "vote:t1:m0");
  // The budget is the convener's to set.
  x.apply(cv::op_set("Budget", "c1", cv::kCommunity, "vote_budget", 5));
  CHECK(x.apply(cv::op_vote(x.c(), "t3", "m0", +1)));
}

TEST_CASE("dot votes in rounds: a new round starts everyone's dots afresh, earlier rounds are kept") {
  Circle x = eight();
  x.topic("t1", "Feedback that lands");
  x.topic("t2", "Facilitation");
  x.topic("t3", "Budgets");
  x.apply(cv::op_vote(x.c(), "t1", "m0", +1));
  x.apply(cv::op_vote(x.c(), "t1", "m0", +1));
  x.apply(cv::op_vote(x.c(), "t1", "m0", +1));
  x.apply(cv::op_vote(x.c(), "t2", "m1", +1));
  CHECK(cv::vote_round(x.c()) == 0);
  CHECK(cv::earlier_rounds(x.c()).empty());
  x.apply(cv::op_new_vote_round(x.c()));
  CHECK(cv::vote_round(x.c()) == 1);
  CHECK(cv::dots_used(x.c(), "m0") == 0);  // the whole budget again
  CHECK(cv::dots_on(x.c(), "t1", "m0") == 0);
  for (const auto& t : cv::tally_topics(x.c())) CHECK(t.dots == 0);
  const cv::Op v = cv::op_vote(x.c(), "t3", "m0", +1);
  CHECK(v.changes[0].record == "vote:r1:t3:m0");  // a record of its own: round one's vote stays as it was
  x.apply(v);
  x.apply(cv::op_vote(x.c(), "t3", "m2", +1));
  auto tally = cv::tally_topics(x.c());
  CHECK(tally[0].id == "t3");
  CHECK(tally[0].dots == 2);
  CHECK(cv::dots_used(x.c(), "m0") == 1);
  // The first round, as it ended: Feedback 3, Facilitation 1, two members voted.
  auto earlier = cv::earlier_rounds(x.c());
  REQUIRE(earlier.size() == 1);
  CHECK(earlier[0].round == 0);
  CHECK(earlier[0].voters == 2);
  REQUIRE(earlier[0].topics.size() == 2);
  CHECK(earlier[0].topics[0].title == "Feedback that lands");
  CHECK(earlier[0].topics[0].dots == 3);
  CHECK(earlier[0].topics[1].dots == 1);
  // A topic done since still shows in its round's history; the open round no longer lists it.
  x.apply(cv::op_set("Done", "t3", cv::f::topic_state, std::string("done")));
  x.apply(cv::op_new_vote_round(x.c()));
  earlier = cv::earlier_rounds(x.c());
  REQUIRE(earlier.size() == 2);
  CHECK(earlier[0].round == 1);  // newest first
  CHECK(earlier[0].topics[0].id == "t3");
  CHECK(earlier[0].topics[0].state == "done");
  CHECK(cv::tally_topics(x.c()).size() == 2);
  // Undo takes the round back: round two's dots count again.
  CHECK(cv::doc_undo(x.d, x.t.next()));
  CHECK(cv::vote_round(x.c()) == 1);
}

TEST_CASE("a member's dots on every topic, read in one pass over the votes, are what dots_on gives each") {
  Circle x = eight();
  x.topic("t1", "Feedback that lands");
  x.topic("t2", "Facilitation");
  x.topic("t3", "Budgets");
  x.topic("r1:t3", "A topic whose id looks like a later round's");
  auto same_as_dots_on = [&](const char* when) {
    INFO(when);
    for (const char* m : {"m0", "m1", "m2", "m3"}) {
      const auto mine = cv::dots_by_topic(x.c(), m);
      int given = 0;
      for (const char* t : {"t1", "t2", "t3", "r1:t3", "t9"}) {
        const auto it = mine.find(t);
        CHECK(cv::dots_on(x.c(), t, m) == (it == mine.end() ? 0 : it->second));
        given += cv::dots_on(x.c(), t, m);
      }
      int read = 0;
      for (const auto& [t, dots] : mine) read += dots;
      CHECK(read == given);  // no dots read for a topic dots_on would not find them on
    }
  };
  x.apply(cv::op_vote(x.c(), "t1", "m0", +1));
  x.apply(cv::op_vote(x.c(), "t1", "m0", +1));
  x.apply(cv::op_vote(x.c(), "t2", "m0", +1));
  x.apply(cv::op_vote(x.c(), "r1:t3", "m0", +1));
  x.apply(cv::op_vote(x.c(), "t2", "m1", +1));
  // A vote whose fields say another topic and member than its id: dots_on goes by the id.
  cv::Op forged = cv::op_new("Forged vote", "vote:t3:m2", cv::kVote);
  cv::put(forged, "vote:t3:m2", cv::f::vote_topic, std::string("t1"));
  cv::put(forged, "vote:t3:m2", cv::f::vote_member, std::string("m3"));
  cv::put(forged, "vote:t3:m2", cv::f::vote_dots, 2);
  x.apply(forged);
  // A vote taken away (deleted) counts for nothing.
  x.apply(cv::op_vote(x.c(), "t3", "m1", +1));
  x.apply(cv::op_delete("Remove vote", "vote:t3:m1", cv::kVote));
  CHECK(cv::dots_by_topic(x.c(), "m0").at("t1") == 2);
  CHECK(cv::dots_by_topic(x.c(), "m2").at("t3") == 2);
  CHECK(cv::dots_by_topic(x.c(), "m1").count("t3") == 0);
  same_as_dots_on("round one");
  // Round two's votes have their round in their ids ("vote:r1:t2:m0"); round one's count no more.
  x.apply(cv::op_new_vote_round(x.c()));
  CHECK(cv::dots_by_topic(x.c(), "m0").empty());
  x.apply(cv::op_vote(x.c(), "t2", "m0", +1));
  x.apply(cv::op_vote(x.c(), "t1", "m1", +1));
  CHECK(cv::dots_by_topic(x.c(), "m0").size() == 1);
  same_as_dots_on("round two");
}

TEST_CASE("choosing the first meeting's topic; the others stay in the backlog") {
  Circle x = eight();
  x.topic("t1", "Feedback");
  x.topic("t2", "Facilitation");
  x.apply(cv::op_choose_first_topic(x.c(), "t1"));
  CHECK(cv::find_live(x.c(), "t1")->text("state") == "chosen");
  x.apply(cv::op_choose_first_topic(x.c(), "t2"));
  CHECK(cv::find_live(x.c(), "t1")->text("state") == "backlog");
  CHECK(cv::find_live(x.c(), "t2")->text("state") == "chosen");
  CHECK(cv::community_record(x.c()).text("first_topic") == "t2");
}

TEST_CASE("skills that can serve a topic: those who offered to present or lead first, with why") {
  Circle x = eight();
  x.item("s1", cv::kSkill, "m2", "giving feedback in code reviews");
  x.item("s2", cv::kSkill, "m4", "feedback conversations", "present");
  x.item("s3", cv::kSkill, "m6", "budget spreadsheets", "lead");
  const auto m = cv::skill_matches(x.c(), "Feedback that lands");
  REQUIRE(m.size() == 2);
  CHECK(m[0].name == "Алёна");
  CHECK(m[0].offer == "present");
  CHECK(m[0].why == std::vector<std::string>{"feedback"});
  CHECK(m[1].name == "Jürgen");
  const cv::SkillsOverview o = cv::skills_overview(x.c());
  CHECK(o.skills.size() == 3);
  // Facilitation is wanted, and no member offers it yet.
  CHECK(std::find(o.uncovered.begin(), o.uncovered.end(), "facilitating workshops") != o.uncovered.end());
  CHECK(std::find(o.uncovered.begin(), o.uncovered.end(), "feedback skills") == o.uncovered.end());
}

TEST_CASE("uncovered objectives, found through an index of skill words, are those no skill matches") {
  Circle x = eight();
  // Skills whose words relate to objectives by a typo, a synonym, a word form, or not at all.
  x.item("s1", cv::kSkill, "m1", "feeback on writing");
  x.item("s2", cv::kSkill, "m2", "remote collaboration");
  x.item("s3", cv::kSkill, "m3", "presentations");
  x.item("s4", cv::kSkill, "m4", "negotiating contracts");
  x.item("s5", cv::kSkill, "m5", "team rituals");
  const char* wanted[] = {"online facilitation", "presenting to executives", "negotiation basics",
                          "giving feedback", "budget planning", "team management", "конфликты", "Storytelling",
                          "grant writing for charities", "feedback"};
  int n = 0;
  for (const char* w : wanted) {
    x.item("w" + std::to_string(n), cv::kObjective, "m" + std::to_string(n % 8), w);
    ++n;
  }
  const cv::SkillsOverview o = cv::skills_overview(x.c());
  std::vector<std::string> expected;
  for (const auto& g : cv::shared_objectives(x.c()).groups)
    if (cv::skill_matches(x.c(), g.label).empty()) expected.push_back(g.label);
  INFO("uncovered: " << json(o.uncovered).dump());
  CHECK(o.uncovered == expected);
  CHECK(std::find(o.uncovered.begin(), o.uncovered.end(), "Storytelling") != o.uncovered.end());
  CHECK(std::find(o.uncovered.begin(), o.uncovered.end(), "online facilitation") == o.uncovered.end());
  CHECK(std::find(o.uncovered.begin(), o.uncovered.end(), "team management") != o.uncovered.end());  // generic
}

TEST_CASE("the first meeting: mostly content, opened by a matched member, logistics last") {
  Circle x = eight();
  x.item("s2", cv::kSkill, "m4", "feedback conversations", "present");
  x.item("p1", cv::kProblem, "m1", "my team never gives feedback in retros");
  x.topic("t1", "Feedback that lands");
  x.apply(cv::op_choose_first_topic(x.c(), "t1"));
  x.apply(cv::op_first_meeting(x.c(), "mt1"));
  const auto blocks = cv::agenda(x.c(), "mt1");
  REQUIRE(blocks.size() == 6);
  std::vector<std::string> kinds;
  int total = 0, content = 0;
  for (const auto& b : blocks) {
    kinds.push_back(b.kind);
    total += b.minutes;
    if (cv::is_content(b.kind)) content += b.minutes;
  }
  CHECK(kinds == std::vector<std::string>{"welcome", "input", "small_groups", "debrief", "logistics", "closing"});
  CHECK(content * 2 > total);
  CHECK(blocks[1].lead == "m4");
  CHECK(blocks[1].title == "Feedback that lands");
  CHECK(cv::meeting_roles(x.c(), "mt1")[1].member == "m4");  // the presenter, as a role
  CHECK(blocks[2].notes.find("my team never gives feedback in retros") != std::string::npos);
  CHECK(blocks[0].notes.find("feedback skills") != std::string::npos);
  CHECK(cv::check_first_meeting(blocks).empty());
  CHECK(cv::find_live(x.c(), "mt1")->text("title") == "First meeting: Feedback that lands");
}

TEST_CASE("the rule checker explains, in words, logistics first or too long") {
  using B = cv::Block;
  std::vector<B> blocks = {{"b1", "logistics", "How often do we meet", "", "", 10, 1, 0, "", "", {}},
                           {"b2", "input", "Feedback", "", "", 20, 2, 0, "", "", {}},
                           {"b3", "pairs", "Pairs", "", "", 20, 3, 0, "", "", {}}};
  auto msgs = cv::check_first_meeting(blocks);
  REQUIRE(msgs.size() == 1);
  CHECK(msgs[0] == "\"How often do we meet\" comes before the content. People came to learn: keep logistics for the "
                   "end, and park questions about it until then.");
  blocks[0].minutes = 30;
  blocks[0].position = 9;
  std::sort(blocks.begin(), blocks.end(), [](const B& a, const B& b) { return a.position < b.position; });
  msgs = cv::check_first_meeting(blocks);
  REQUIRE(msgs.size() == 1);
  CHECK(msgs[0] == "Logistics and technology take 30 of 70 minutes, more than a fifth of the meeting. Keep them short "
                   "so the meeting is mostly content.");
  blocks.back().kind = "technology";
  blocks.back().minutes = 5;
  CHECK(cv::check_first_meeting(blocks).empty());
}

TEST_CASE("moving a block writes one position between its new neighbours") {
  using B = cv::Block;
  const std::vector<B> blocks = {{"a", "welcome", "", "", "", 5, 1, 0, "", "", {}}, {"b", "input", "", "", "", 5, 2, 0, "", "", {}},
                                 {"c", "logistics", "", "", "", 5, 3, 0, "", "", {}}};
  cv::Op op = cv::op_move_block(blocks, 2, 0);
  REQUIRE(op.changes.size() == 1);
  CHECK(op.changes[0].value.get<double>() == 0.5);
  op = cv::op_move_block(blocks, 0, 2);
  CHECK(op.changes[0].value.get<double>() == 3.5);
  op = cv::op_move_block(blocks, 0, 1);
  CHECK(op.changes[0].value.get<double>() == 2.5);
}

TEST_CASE("exports carry a topic and a place in any script as written: Markdown, HTML and iCalendar") {
  Circle x = eight();
  const std::string title = "علي سلام: नेतृत्व ในทีม 李伟", place = "בית הספר, חדר 2";
  x.topic("t1", title);
  x.apply(cv::op_choose_first_topic(x.c(), "t1"));
  x.apply(cv::op_first_meeting(x.c(), "mt1"));
  x.apply(cv::op_set("Date", "mt1", cv::kMeeting, "date", "2026-12-03"));
  x.apply(cv::op_set("Time", "mt1", cv::kMeeting, "time", "18:30"));
  x.apply(cv::op_set("Place", "mt1", cv::kMeeting, "place", place));
  CHECK(cv::agenda_markdown(x.c(), "mt1").find("# First meeting: " + title + "\n") == 0);
  CHECK(cv::agenda_html(x.c(), "mt1").find("<h1>First meeting: " + title + "</h1>") != std::string::npos);
  const std::string cal = cv::meeting_ics(x.c(), "mt1", 1795860000000);
  std::string unfolded = cal;
  for (size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(at, 3);
  CHECK(unfolded.find("LOCATION:" + cv::ics_text(place) + "\r\n") != std::string::npos);
  CHECK(unfolded.find(title) != std::string::npos);
  CHECK(cv::utf8_valid(cal));
}

TEST_CASE("exports: Markdown, printable HTML and iCalendar, with the text escaped") {
  Circle x = eight();
  x.topic("t1", "Feedback | that <lands>");
  x.apply(cv::op_choose_first_topic(x.c(), "t1"));
  x.apply(cv::op_first_meeting(x.c(), "mt1"));
  x.apply(cv::op_set("Date", "mt1", cv::kMeeting, "date", "2026-12-03"));
  x.apply(cv::op_set("Time", "mt1", cv::kMeeting, "time", "18:30"));
  x.apply(cv::op_set("Place", "mt1", cv::kMeeting, "place", "Library, room 2; ground floor"));
  x.apply(cv::op_create("Park", "pk1", cv::kParking, {{"meeting", "mt1"}, {"text", "Zoom or Jitsi?"}}));
  const std::string md = cv::agenda_markdown(x.c(), "mt1");
  CHECK(md.rfind("# First meeting: Feedback \\| that &lt;lands&gt;\n", 0) == 0);
  CHECK(md.find("| 18:30 | 15 | **Welcome and introductions**") != std::string::npos);
  CHECK(md.find("| 19:50 | 5 | **Closing**") != std::string::npos);
  // No member's skills match: the topic's row has no lead and asks who would open it.
  CHECK(md.find("**Feedback \\| that &lt;lands&gt;**<br>*Nobody's skills match this topic yet: ask who would open it.* |  |") !=
        std::string::npos);
  CHECK(md.find("<lands>") == std::string::npos);
  CHECK(md.find("- Zoom or Jitsi?") != std::string::npos);
  CHECK(md.find("Total: 85 minutes.") != std::string::npos);
  const std::string page = cv::agenda_html(x.c(), "mt1");
  CHECK(page.find("<h1>First meeting: Feedback | that &lt;lands&gt;</h1>") != std::string::npos);
  CHECK(page.find("<lands>") == std::string::npos);
  const std::string ics = cv::agenda_markdown(x.c(), "none");
  CHECK(ics.empty());
  const std::string cal = cv::meeting_ics(x.c(), "mt1", 1795860000000);
  CHECK(cal.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  CHECK(cal.find("DTSTART:20261203T183000\r\n") != std::string::npos);
  CHECK(cal.find("DURATION:PT85M\r\n") != std::string::npos);
  CHECK(cal.find("DTSTAMP:20261128T100000Z\r\n") != std::string::npos);
  CHECK(cal.find("LOCATION:Library\\, room 2\\; ground floor\r\n") != std::string::npos);
  // No line longer than 75 octets, and folds never split a character.
  size_t start = 0;
  while (start < cal.size()) {
    const size_t end = cal.find("\r\n", start);
    CHECK(end - start <= 75);
    CHECK(cv::utf8_valid(cal.substr(start, end - start)));
    start = end + 2;
  }
}

}  // TEST_SUITE

TEST_SUITE("unit") {

TEST_CASE("a member's dots beyond the budget do not count, and the tally says whose") {
  testing::Circle x;
  x.add("m1", "Ñúñez");
  x.add("m2", "Zoë");
  for (const char* t : {"t1", "t2", "t3"}) x.apply(cv::op_create("Propose", t, cv::kTopic, {{"title", t}, {"state", "backlog"}}));
  // A forged file: Ñúñez gives 9 dots to t2 and 4 to t3 (the budget is 3).
  for (auto [topic, dots] : {std::pair<const char*, int>{"t2", 9}, {"t3", 4}})
    x.apply(cv::Op{"Forged", {{cv::vote_id(topic, "m1"), cv::kVote, "deleted", false},
                              {cv::vote_id(topic, "m1"), cv::kVote, "topic", topic},
                              {cv::vote_id(topic, "m1"), cv::kVote, "member", "m1"},
                              {cv::vote_id(topic, "m1"), cv::kVote, "dots", dots}}});
  x.apply(cv::op_vote(x.c(), "t1", "m2", 1));
  x.apply(cv::op_vote(x.c(), "t1", "m2", 1));
  const auto tally = cv::tally_topics(x.c());
  REQUIRE(tally.size() == 3);
  int total = 0;
  for (const auto& t : tally) total += t.dots;
  CHECK(total == 3 + 2);                  // 3 of Ñúñez's 13, and Zoë's 2
  CHECK(tally[0].id == "t2");             // counted in vote-id order: t2 first, up to the budget
  CHECK(tally[0].dots == 3);
  const auto over = cv::votes_over_budget(x.c());
  REQUIRE(over.size() == 1);
  CHECK(over[0].member == "m1");
  CHECK(over[0].given == 13);
  CHECK(over[0].counted == 3);
}

}  // TEST_SUITE
