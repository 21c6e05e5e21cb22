// unit-merge.cpp: two copies edited apart merge with both people's edits kept.
#include <doctest/doctest.h>

#include "helpers.h"

using namespace testing;

TEST_SUITE("unit") {

TEST_CASE("two copies edited apart keep both people's edits") {
  FakeTime t;
  cv::Doc convener = new_doc("convener", "c1", "Design circle", t);
  add_member(convener, "m1", "Zoë", t);
  // The member takes a copy home as a file and edits offline.
  cv::Doc member;
  member.clock.actor = "member";
  cv::doc_open(member, cv::parse_file(cv::to_file(convener.community)).community);

  cv::doc_apply(convener, cv::op_set("Purpose", "c1", cv::kCommunity, "purpose_why", "Learn from practice"), t.next());
  add_member(convener, "m2", "Jürgen", t);
  cv::doc_apply(member, cv::op_set("Contact", "m1", cv::kMember, "contact", "zoe@example.org"), t.next());
  add_member(member, "m3", "Алёна", t);

  cv::import_into(convener, cv::to_file(member.community), "Import", t.ms);
  cv::import_into(member, cv::to_file(convener.community), "Import", t.ms);
  CHECK(canon(convener) == canon(member));
  CHECK(cv::community_record(convener.community).text("purpose_why") == "Learn from practice");
  CHECK(cv::find_live(convener.community, "m1")->text("contact") == "zoe@example.org");
  CHECK(cv::live_by_name(convener.community, cv::kMember).size() == 3);
}

TEST_CASE("concurrent edits to different fields of one record both survive") {
  FakeTime t;
  cv::Doc a = new_doc("a", "c1", "Circle", t);
  add_member(a, "m1", "Ñúñez", t);
  cv::Doc b = a;
  b.clock.actor = "b";
  const int64_t same_time = t.next();
  cv::doc_apply(a, cv::op_set("Contact", "m1", cv::kMember, "contact", "+34 600 000 000"), same_time);
  cv::doc_apply(b, cv::op_set("Notes", "m1", cv::kMember, "notes", "Brings cases from the clinic"), same_time);
  cv::Community ab = cv::merge(a.community, b.community);
  CHECK(ab.records.at("m1").text("contact") == "+34 600 000 000");
  CHECK(ab.records.at("m1").text("notes") == "Brings cases from the clinic");
}

TEST_CASE("concurrent edits to one field: the later stamp wins on every copy") {
  FakeTime t;
  cv::Doc a = new_doc("a", "c1", "Circle", t);
  add_member(a, "m1", "Pavlos", t);
  cv::Doc b = a;
  b.clock.actor = "b";
  cv::doc_apply(a, cv::op_set("Rename", "m1", cv::kMember, "name", "Παύλος"), t.next());
  cv::doc_apply(b, cv::op_set("Rename", "m1", cv::kMember, "name", "Pavlos K."), t.next());
  CHECK(cv::merge(a.community, b.community).records.at("m1").text("name") == "Pavlos K.");
  CHECK(cv::merge(b.community, a.community).records.at("m1").text("name") == "Pavlos K.");
}

TEST_CASE("a delete survives re-import of an older file that still has the record") {
  FakeTime t;
  cv::Doc d = new_doc("a", "c1", "Circle", t);
  add_member(d, "m1", "Żaneta", t);
  const std::string older = cv::to_file(d.community);
  cv::doc_apply(d, cv::op_delete("Remove member", "m1", cv::kMember), t.next());
  cv::Preview p = cv::import_into(d, older, "Import", t.ms);
  REQUIRE(p.ok);
  CHECK(p.diff.empty());
  CHECK(cv::find_live(d.community, "m1") == nullptr);
}

TEST_CASE("merge is commutative, associative and idempotent on three edited copies") {
  FakeTime t;
  cv::Doc a = new_doc("a", "c1", "Circle", t);
  add_member(a, "m1", "Zoë", t);
  cv::Doc b = a, c = a;
  b.clock.actor = "b";
  c.clock.actor = "c";
  add_member(a, "m2", "Jürgen", t);
  cv::doc_apply(b, cv::op_set("Rename", "m1", cv::kMember, "name", "Zoë N."), t.next());
  cv::doc_apply(c, cv::op_delete("Remove", "m1", cv::kMember), t.next());
  auto f = [](const cv::Community& x) { return cv::to_file(x); };
  const auto &A = a.community, &B = b.community, &C = c.community;
  CHECK(f(cv::merge(A, B)) == f(cv::merge(B, A)));
  CHECK(f(cv::merge(cv::merge(A, B), C)) == f(cv::merge(A, cv::merge(B, C))));
  CHECK(f(cv::merge(A, A)) == f(A));
  CHECK(f(cv::merge(cv::merge(A, B), B)) == f(cv::merge(A, B)));
}

TEST_CASE("importing a file is one undoable step") {
  FakeTime t;
  cv::Doc a = new_doc("a", "c1", "Circle", t);
  cv::Doc b = a;
  b.clock.actor = "b";
  add_member(b, "m1", "Zoë", t);
  add_member(b, "m2", "Алёна", t);
  cv::doc_apply(b, cv::op_set("Purpose", "c1", cv::kCommunity, "purpose_learn", "Feedback"), t.next());
  cv::Preview p = cv::import_into(a, cv::to_file(b.community), "Import file", t.ms);
  REQUIRE(p.ok);
  CHECK(p.diff.by_type["member"].added == 2);
  CHECK(p.diff.by_type["community"].changed == 1);
  CHECK(a.undo_stack.size() == 1);
  cv::doc_undo(a, t.next());
  CHECK(cv::live_by_name(a.community, cv::kMember).empty());
  CHECK(cv::community_record(a.community).get("purpose_learn").is_null());
  cv::doc_redo(a, t.next());
  CHECK(cv::live_by_name(a.community, cv::kMember).size() == 2);
}

TEST_CASE("another tab's save is taken in without an undo step") {
  FakeTime t;
  cv::Doc mine = new_doc("a", "c1", "Circle", t);
  cv::Doc other = mine;
  add_member(mine, "m1", "Zoë", t);
  add_member(other, "m2", "Jürgen", t);
  CHECK(cv::doc_absorb(mine, other.community));
  CHECK(cv::live_by_name(mine.community, cv::kMember).size() == 2);
  CHECK(mine.undo_stack.size() == 1);  // only this person's own edit
  CHECK_FALSE(cv::doc_absorb(mine, other.community));
}

TEST_CASE("a preview counts what would change and changes nothing") {
  FakeTime t;
  cv::Doc a = new_doc("a", "c1", "Circle", t);
  add_member(a, "m1", "Zoë", t);
  add_member(a, "m2", "Jürgen", t);
  cv::Doc b = a;
  b.clock.actor = "b";
  cv::doc_apply(b, cv::op_delete("Remove", "m1", cv::kMember), t.next());
  cv::doc_apply(b, cv::op_set("Notes", "m2", cv::kMember, "notes", "Lead"), t.next());
  add_member(b, "m3", "Παύλος", t);
  const std::string before = canon(a);
  cv::Preview p = cv::preview_import(a, cv::to_file(b.community), t.ms);
  REQUIRE(p.ok);
  CHECK(p.diff.by_type["member"].added == 1);
  CHECK(p.diff.by_type["member"].changed == 1);
  CHECK(p.diff.by_type["member"].removed == 1);
  CHECK(canon(a) == before);
}

TEST_CASE("another community's file keeps its own community record out") {
  FakeTime t;
  cv::Doc a = new_doc("a", "c1", "Circle", t);
  cv::Doc other = new_doc("b", "c2", "Other circle", t);
  add_member(other, "m9", "Ñúñez", t);
  cv::Preview p = cv::import_into(a, cv::to_file(other.community), "Import", t.ms);
  REQUIRE(p.ok);
  CHECK(p.other_community);
  CHECK(p.incoming_name == "Other circle");
  CHECK(cv::community_record(a.community).text("name") == "Circle");
  CHECK(a.community.records.count("c2") == 0);
  CHECK(cv::find_live(a.community, "m9"));
}

TEST_CASE("a record whose type differs between copies is refused whole") {
  FakeTime t;
  cv::Doc a = new_doc("a", "c1", "Circle", t);
  add_member(a, "x1", "Zoë", t);
  cv::Doc b = new_doc("b", "c1", "Circle", t);
  cv::doc_apply(b, cv::op_create("Add", "x1", "topic", {{"name", "Feedback"}}), t.next());
  const std::string before = canon(a);
  cv::Preview p = cv::import_into(a, cv::to_file(b.community), "Import", t.ms);
  CHECK_FALSE(p.ok);
  CHECK(p.error == "record \"x1\" is a member here but a topic in the file");
  CHECK(canon(a) == before);
}

}  // TEST_SUITE

TEST_SUITE("unit") {

TEST_CASE("a merge that changes only stamps still takes the newer stamps, without an undo step") {
  // Two copies hold the same value under different stamps (both undid the same name, say). The newer
  // stamp must travel, or the copies would later settle an edit differently.
  FakeTime t;
  cv::Doc a = new_doc("a", "c1", "Circle", t);
  add_member(a, "m1", "Zoë", t);
  cv::Doc b = a;
  b.clock.actor = "b";
  cv::doc_apply(a, cv::op_set("Clear", "m1", cv::kMember, "contact", nullptr), t.next());
  cv::doc_apply(a, cv::op_set("Set", "m1", cv::kMember, "notes", "x"), t.next());
  cv::doc_apply(b, cv::op_set("Set", "m1", cv::kMember, "notes", "x"), t.next());  // same value, newer stamp
  const uint64_t revision = a.revision;
  const size_t undo = a.undo_stack.size();
  const cv::Preview p = cv::import_into(a, cv::to_file(b.community), "Import", t.ms);
  REQUIRE(p.ok);
  CHECK(p.diff.empty());                               // no value changed...
  CHECK(canon(a) == cv::to_file(cv::merge(a.community, b.community)));
  CHECK(a.community.records.at("m1").fields.at("notes").stamp.actor == "b");  // ...but the newer stamp came
  CHECK(a.revision > revision);                        // so the copy is saved again
  CHECK(a.undo_stack.size() == undo);                  // and there is nothing to undo
  // Another tab's save: the same.
  cv::Doc c = new_doc("c", "c1", "Circle", t);
  c.community = b.community;
  cv::doc_apply(c, cv::op_set("Set", "m1", cv::kMember, "notes", "x"), t.next());  // no value change: skipped
  cv::doc_apply(c, cv::op_set("Set", "m1", cv::kMember, "notes", "y"), t.next());
  cv::doc_apply(c, cv::op_set("Set", "m1", cv::kMember, "notes", "x"), t.next());  // back to x, newest stamp
  CHECK(cv::doc_absorb(a, c.community));
  CHECK(a.community.records.at("m1").fields.at("notes").stamp.actor == "c");
  CHECK_FALSE(cv::doc_absorb(a, c.community));  // nothing new the second time
}

TEST_CASE("a copy whose stamps are far in the future is refused, with how many and where") {
  FakeTime t;
  cv::Doc mine = new_doc("a", "c1", "Circle", t);
  add_member(mine, "m1", "Zoë", t);
  const std::string before = canon(mine);
  cv::Doc theirs = mine;
  theirs.clock.actor = "b";
  // A device whose clock says the year 3000 (32503680000000 ms) edits two fields.
  cv::doc_apply(theirs, cv::op_set("Rename", "m1", cv::kMember, "name", "Zoë (3000)"), 32503680000000);
  cv::doc_apply(theirs, cv::op_set("Notes", "m1", cv::kMember, "notes", "x"), 32503680000000);
  const cv::Preview p = cv::import_into(mine, cv::to_file(theirs.community), "Import", t.ms);
  CHECK_FALSE(p.ok);
  CHECK(p.error.rfind("2 changes are dated more than a day after this device's clock (the first: member \"Zoë (3000)\", "
                      "field name, dated 3000-01-01 00:00 UTC)", 0) == 0);
  CHECK(canon(mine) == before);
  CHECK(mine.clock.ms < 32503680000000);  // the clock did not follow
  // Up to a day ahead is a clock that runs a little fast: accepted.
  cv::Doc close = mine;
  close.clock.actor = "c";
  cv::doc_apply(close, cv::op_set("Notes", "m1", cv::kMember, "notes", "soon"), t.ms + 23 * 3600 * 1000);
  CHECK(cv::import_into(mine, cv::to_file(close.community), "Import", t.ms).ok);
  // The largest stamp a file may hold is refused the same way, not taken.
  cv::json j = cv::to_json(theirs.community);
  for (auto& r : j["records"])
    for (auto& s : r["stamps"]) s = cv::json::array({cv::kMaxStampMs, 4294967295u, "b"});
  const cv::Preview q = cv::preview_import(mine, j.dump(), t.ms);
  CHECK_FALSE(q.ok);
  CHECK(q.error.find("changes are dated more than a day after") != std::string::npos);
}

TEST_CASE("an import that would make the community too large to reopen is refused before it is made") {
  FakeTime t;
  cv::Doc mine = new_doc("a", "c1", "Circle", t);
  cv::Doc theirs = new_doc("b", "c1", "Circle", t);
  // Two halves of 33 MB each: each reads alone, together they would not.
  const std::string long_text(90000, 'x');
  for (int i = 0; i < 380; ++i) {
    cv::doc_apply(mine, cv::op_create("Add", "a" + std::to_string(i), "problem", {{"text", long_text}}), t.next());
    cv::doc_apply(theirs, cv::op_create("Add", "b" + std::to_string(i), "problem", {{"text", long_text}}), t.next());
  }
  const std::string before = canon(mine);
  REQUIRE(cv::check_fits(mine.community).empty());
  REQUIRE(cv::parse_file(cv::to_file(theirs.community)).ok);
  const cv::Preview p = cv::import_into(mine, cv::to_file(theirs.community), "Import", t.ms);
  CHECK_FALSE(p.ok);
  CHECK(p.error.rfind("this would make the community too large to store and open again (6", 0) == 0);
  CHECK(p.error.find("over the 64.0 MB a copy may have") != std::string::npos);
  CHECK(canon(mine) == before);
}

// Equal stamps (a tampered file) are settled by the value: one of two different values always wins,
// whichever side it is on, even for texts that are not UTF-8 and print alike.
TEST_CASE("equal stamps: exactly one of two different values wins, on either side") {
  const cv::Stamp s{1000, 1, "a"};
  const std::vector<std::pair<cv::json, cv::json>> pairs = {
      {"Zoë", "Zoe"}, {1, 2}, {std::string("\xFF"), std::string("\xFE")}, {cv::json::array({1}), "1"}};
  for (const auto& [x, y] : pairs) {
    const cv::Field a{x, s}, b{y, s};
    CHECK(cv::wins(a, b) != cv::wins(b, a));
    CHECK_FALSE(cv::wins(a, a));
  }
}

}  // TEST_SUITE
