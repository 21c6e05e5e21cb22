// unit-views.cpp: the views panels read are the community's, kept between frames: read again when it
// changes, regrouped in slices only when texts change.
#include <doctest/doctest.h>

#include "core/getting_started.h"
#include "core/cases.h"
#include "core/views.h"
#include "helpers.h"

using cv::json;

namespace {

using testing::Circle;

Circle community() {
  Circle x;
  const char* names[] = {"Zoë", "Ñúñez", "Jürgen", "Żaneta", "Алёна", "Παύλος"};
  for (int i = 0; i < 6; ++i) x.add("m" + std::to_string(i), names[i]);
  x.item("o1", cv::kObjective, "m0", "give better feedback");
  x.item("o2", cv::kObjective, "m1", "Giving feedback to my team");
  x.item("o3", cv::kObjective, "m2", "facilitating workshops");
  x.item("o4", cv::kObjective, "m3", "Facilitating remote meetings");
  x.item("o5", cv::kObjective, "m4", "budgets");
  x.item("s1", cv::kSkill, "m5", "feedback conversations");
  x.item("s2", cv::kSkill, "m0", "giving feedback");
  return x;
}

json groups(const cv::SharedObjectives& so) {
  json out = json::array();
  for (const auto& g : so.groups) out.push_back({g.label, g.objectives, g.members});
  return out;
}

json skills(const cv::SkillsOverview& o) {
  json out = json::array();
  for (const auto& e : o.skills) out.push_back({e.label, e.members});
  return {out, o.uncovered};
}

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("views are what the community says, read once per change") {
  Circle x = community();
  cv::Views v;
  cv::views_complete(v, x.d);
  CHECK(v.grouped);
  CHECK_FALSE(v.busy);
  CHECK(groups(v.objectives) == groups(cv::shared_objectives(x.c())));
  CHECK(skills(v.skills) == skills(cv::skills_overview(x.c())));
  REQUIRE(v.members.size() == 6);
  CHECK(v.members[0].first == "m2");  // Jürgen first, in reading order
  CHECK(cv::views_name(v, "m5") == "Παύλος");
  CHECK(cv::views_name(v, "nobody") == "someone who left");
  // Per member: Zoë shares feedback; Алёна's budgets are hers alone.
  bool seen = false;
  for (const auto& p : v.per_member)
    if (p.id == "m4") {
      seen = true;
      CHECK(p.shared.empty());
      CHECK(p.alone == std::vector<std::string>{"budgets"});
    }
  CHECK(seen);
  CHECK(v.per_member.size() == 5);  // Παύλος holds no objective
}

TEST_CASE("a new objective regroups in slices while the last groups stay; other edits do not regroup") {
  Circle x = community();
  cv::Views v;
  cv::views_complete(v, x.d);
  const json before = groups(v.objectives);

  // A member's contact: nothing grouped changes, and nothing is regrouped.
  x.apply(cv::op_set("Edit contact", "m0", cv::f::member_contact, "zoe@example.org"));
  cv::views_update(v, x.d);
  CHECK_FALSE(v.busy);
  CHECK(groups(v.objectives) == before);

  // A rename: the same groups, with the new name, at once.
  x.apply(cv::op_set("Rename", "m1", cv::f::member_name, "Nuñez Ortega"));
  cv::views_update(v, x.d);
  CHECK_FALSE(v.busy);
  CHECK(groups(v.objectives) == groups(cv::shared_objectives(x.c())));
  CHECK(cv::views_name(v, "m1") == "Nuñez Ortega");

  // A new objective: the groups shown stay the last ones until the slices are done.
  x.item("o6", cv::kObjective, "m5", "feedback skills");
  cv::views_update(v, x.d);
  CHECK(v.busy);
  CHECK(v.progress < 1);
  const json stale = groups(v.objectives);
  int slices = 0;
  while (cv::views_step(v, x.d, 3)) {
    ++slices;
    CHECK(groups(v.objectives) == stale);
  }
  CHECK(slices > 1);
  CHECK(groups(v.objectives) == groups(cv::shared_objectives(x.c())));
  CHECK(groups(v.objectives) != stale);
  CHECK(skills(v.skills) == skills(cv::skills_overview(x.c())));
}

TEST_CASE("a member who leaves takes their objectives and skills out of the views") {
  Circle x = community();
  cv::Views v;
  cv::views_complete(v, x.d);
  x.apply(cv::op_delete("Remove", "m0", cv::kMember));
  cv::views_complete(v, x.d);
  CHECK(groups(v.objectives) == groups(cv::shared_objectives(x.c())));
  CHECK(skills(v.skills) == skills(cv::skills_overview(x.c())));
  CHECK(v.members.size() == 5);
  // Undo brings them back.
  cv::doc_undo(x.d, x.t.next());
  cv::views_complete(v, x.d);
  CHECK(v.members.size() == 6);
  CHECK(groups(v.objectives) == groups(cv::shared_objectives(x.c())));
}

TEST_CASE("skill matches for a text are remembered until the community or the text changes") {
  Circle x = community();
  cv::Views v;
  cv::views_complete(v, x.d);
  const auto* first = &cv::views_skill_matches(v, x.d, "Feedback that lands");
  CHECK(first->size() == 2);
  CHECK(&cv::views_skill_matches(v, x.d, "Feedback that lands") == first);
  CHECK(cv::views_skill_matches(v, x.d, "budgets").empty());
  x.item("s3", cv::kSkill, "m3", "budget spreadsheets");
  cv::views_update(v, x.d);
  CHECK(cv::views_skill_matches(v, x.d, "budgets").size() == 1);
}

TEST_CASE("the directory, who can help, and who helped with which case are read once per change") {
  Circle x = community();
  x.apply(cv::op_set("Org", "m1", cv::f::member_organisation, std::string("Acme")));
  x.apply(cv::op_bring_case("k1", "m2", "Late starts", "How?", "", false));
  x.apply(cv::op_case_note("n1", "k1", "m3", "suggestion", "Start on time anyway", 1));
  x.apply(cv::op_case_note("n2", "k1", "m3", "suggestion", "A timekeeper", 2));
  x.apply(cv::op_case_note("n3", "k1", "m4", "question", "Who is late?", 3));
  cv::Views v;
  cv::views_complete(v, x.d);
  CHECK(v.profiles.size() == 6);
  CHECK(v.organisations == std::vector<std::string>{"Acme"});
  CHECK(v.helped.at("m3") == std::vector<std::string>{"Late starts"});  // once, however many suggestions
  CHECK(v.helped.count("m4") == 0);                                     // a question is not help given
  const auto* first = &cv::views_helpers(v, x.d, "feedback");
  CHECK(first->size() == 3);  // m0 (skill and objective), m1 (objective), m5 (skill)
  CHECK(&cv::views_helpers(v, x.d, "feedback") == first);
  x.apply(cv::op_delete("Remove", "m5", cv::kMember));
  cv::views_update(v, x.d);
  CHECK(cv::views_helpers(v, x.d, "feedback").size() == 2);
  CHECK(v.profiles.size() == 5);
}

TEST_CASE("who attends a meeting is remembered until the community changes") {
  Circle x = community();
  x.apply(cv::op_create("Add meeting", "g1", cv::kMeeting, {{"title", "First"}, {"date", "2027-01-07"}}));
  cv::Views v;
  cv::views_update(v, x.d);
  const auto* all = &cv::views_attendees(v, x.c(), "g1");
  CHECK(all->size() == 6);  // nobody ticked yet: everyone
  CHECK(&cv::views_attendees(v, x.c(), "g1") == all);
  x.apply(cv::op_attend(x.c(), "g1", "m2", true));
  cv::views_update(v, x.d);
  CHECK(cv::views_attendees(v, x.c(), "g1") == cv::attendees(x.c(), "g1"));
  CHECK(cv::views_attendees(v, x.c(), "g1") == std::vector<std::string>{"m2"});
  // The agenda too: read once per change.
  CHECK(cv::views_agenda(v, x.c(), "g1").empty());
  x.apply(cv::op_add_block(x.c(), "g1", "g1:b1", "pairs"));
  cv::views_update(v, x.d);
  REQUIRE(cv::views_agenda(v, x.c(), "g1").size() == 1);
  CHECK(cv::views_agenda(v, x.c(), "g1")[0].id == cv::agenda(x.c(), "g1")[0].id);
  // Whose turn it is for a role: read once per change, as role_turns says.
  const cv::RoleSlot facilitator = cv::meeting_roles(x.c(), "g1")[0];
  const auto* turns = &cv::views_role_turns(v, x.c(), "g1", facilitator);
  CHECK(&cv::views_role_turns(v, x.c(), "g1", facilitator) == turns);
  REQUIRE(turns->size() == cv::role_turns(x.c(), "g1", facilitator).size());
  x.apply(cv::op_set_role("g1", facilitator, (*turns)[0].member));
  cv::views_update(v, x.d);
  const cv::RoleSlot held = cv::meeting_roles(x.c(), "g1")[0];
  const auto& again = cv::views_role_turns(v, x.c(), "g1", held);
  const auto fresh = cv::role_turns(x.c(), "g1", held);
  REQUIRE(again.size() == fresh.size());
  for (size_t i = 0; i < fresh.size(); ++i) {
    CHECK(again[i].member == fresh[i].member);
    CHECK(again[i].times == fresh[i].times);
  }
}

TEST_CASE("another community opened in the same views starts afresh") {
  Circle a = community();
  cv::Views v;
  cv::views_complete(v, a.d);
  testing::FakeTime t;
  cv::Doc b = testing::new_doc("b", "c2", "Another", t);
  cv::views_complete(v, b);
  CHECK(v.members.empty());
  CHECK(v.objectives.groups.empty());
  CHECK(v.per_member.empty());
}

}  // TEST_SUITE
