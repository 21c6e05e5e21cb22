// unit-ops.cpp: Ops, apply, undo and redo.
#include <doctest/doctest.h>

#include "helpers.h"

using namespace testing;

TEST_SUITE("unit") {

TEST_CASE("a record's fields: in name order, the first of a name kept, found by name") {
  cv::Fields f{{"topic", cv::Field{"b", {}}}, {"name", cv::Field{"Zoë", {}}}, {"topic", cv::Field{"c", {}}}};
  REQUIRE(f.size() == 2);
  CHECK(f.begin()->first == "name");
  CHECK(f.at("topic").value == "b");
  CHECK_FALSE(f.emplace("name", cv::Field{"Ñúñez", {}}).second);  // there already: left as it is
  CHECK(f.at("name").value == "Zoë");
  f["contact"].value = "zoe@example.org";  // added, in its place
  CHECK(f.emplace("zone", cv::Field{"Ω", {}}).second);
  std::vector<std::string> names;
  for (const auto& [name, field] : f) names.push_back(name);
  CHECK(names == std::vector<std::string>{"contact", "name", "topic", "zone"});
  CHECK(f.count("deleted") == 0);
  CHECK(f.find("deleted") == f.end());
  CHECK_THROWS_AS(f.at("deleted"), std::out_of_range);
  CHECK(f.erase("name") == 1);
  CHECK(f.erase("name") == 0);
  CHECK(f.size() == 3);
  cv::Fields g{{"zone", cv::Field{"Ω", {}}}, {"topic", cv::Field{"b", {}}}, {"contact", cv::Field{"zoe@example.org", {}}}};
  CHECK(f == g);
  g["topic"].value = "c";
  CHECK_FALSE(f == g);
}

TEST_CASE("a new community has its record and name") {
  FakeTime t;
  cv::Doc d = new_doc("a", "c1", "Feedback circle", t);
  CHECK(cv::community_record(d.community).text("name") == "Feedback circle");
  CHECK(cv::community_record(d.community).type == "community");
  CHECK(d.undo_stack.empty());
}

TEST_CASE("add, edit and remove a member, each undoable and redoable") {
  FakeTime t;
  cv::Doc d = new_doc("a", "c1", "Circle", t);
  add_member(d, "m1", "Zoë Ñúñez", t);
  CHECK(cv::live_by_name(d.community, cv::kMember).size() == 1);

  CHECK(cv::doc_apply(d, cv::op_set("Edit contact", "m1", cv::kMember, "contact", "zoe@example.org"), t.next()));
  CHECK(cv::find_live(d.community, "m1")->text("contact") == "zoe@example.org");
  CHECK(cv::doc_apply(d, cv::op_delete("Remove member", "m1", cv::kMember), t.next()));
  CHECK(cv::live_by_name(d.community, cv::kMember).empty());
  CHECK(d.undo_stack.size() == 3);

  CHECK(cv::doc_undo(d, t.next()));  // remove undone
  REQUIRE(cv::find_live(d.community, "m1"));
  CHECK(cv::find_live(d.community, "m1")->text("contact") == "zoe@example.org");
  CHECK(cv::find_live(d.community, "") == nullptr);  // no record has an empty id
  CHECK(cv::doc_undo(d, t.next()));  // contact undone
  CHECK(cv::find_live(d.community, "m1")->get("contact").is_null());
  CHECK(cv::doc_undo(d, t.next()));  // add undone
  CHECK(cv::find_live(d.community, "m1") == nullptr);
  CHECK_FALSE(cv::doc_undo(d, t.next()));

  CHECK(cv::doc_redo(d, t.next()));
  CHECK(cv::find_live(d.community, "m1")->text("name") == "Zoë Ñúñez");
  CHECK(cv::doc_redo(d, t.next()));
  CHECK(cv::doc_redo(d, t.next()));
  CHECK(cv::find_live(d.community, "m1") == nullptr);
  CHECK_FALSE(cv::doc_redo(d, t.next()));
}

TEST_CASE("an op that changes nothing is not an undo step") {
  FakeTime t;
  cv::Doc d = new_doc("a", "c1", "Circle", t);
  add_member(d, "m1", "Jürgen", t);
  const uint64_t rev = d.revision;
  CHECK_FALSE(cv::doc_apply(d, cv::op_set("Rename", "m1", cv::kMember, "name", "Jürgen"), t.next()));
  CHECK(d.revision == rev);
  CHECK(d.undo_stack.size() == 1);
}

TEST_CASE("a new edit clears redo") {
  FakeTime t;
  cv::Doc d = new_doc("a", "c1", "Circle", t);
  add_member(d, "m1", "Алёна", t);
  cv::doc_undo(d, t.next());
  CHECK(d.redo_stack.size() == 1);
  add_member(d, "m2", "Παύλος", t);
  CHECK(d.redo_stack.empty());
}

TEST_CASE("undo is a new write that merges like any edit") {
  FakeTime t;
  cv::Doc a = new_doc("a", "c1", "Circle", t);
  add_member(a, "m1", "Żaneta", t);
  cv::Doc b = a;
  b.clock.actor = "b";
  cv::doc_undo(a, t.next());  // a takes the member back
  cv::merge_into(b.community, a.community);
  CHECK(cv::find_live(b.community, "m1") == nullptr);
}

TEST_CASE("members are listed in reading order") {
  FakeTime t;
  cv::Doc d = new_doc("a", "c1", "Circle", t);
  add_member(d, "m1", "Παύλος", t);
  add_member(d, "m2", "Zoë", t);
  add_member(d, "m3", "Алёна", t);
  add_member(d, "m4", "Ñúñez", t);
  add_member(d, "m5", "Jürgen", t);
  add_member(d, "m6", "Żaneta", t);
  std::vector<std::string> order;
  for (auto& [id, r] : cv::live_by_name(d.community, cv::kMember)) order.push_back(r->text("name"));
  CHECK(order == std::vector<std::string>{"Jürgen", "Ñúñez", "Żaneta", "Zoë", "Παύλος", "Алёна"});
}

TEST_CASE("records of a type: found by the index, which follows additions, copies, merges and moves") {
  FakeTime t;
  cv::Doc d = new_doc("a", "c1", "Circle", t);
  auto ids = [](const cv::Community& c, const char* type) {
    std::vector<std::string> out;
    for (const auto* e : cv::records_of(c, type)) {
      CHECK(e->second.type == type);
      CHECK(&c.records.at(e->first) == &e->second);  // points into this community, not a copy's
      out.push_back(e->first);
    }
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(ids(d.community, cv::kMember).empty());
  add_member(d, "m2", "Zoë", t);
  add_member(d, "m1", "Jürgen", t);
  CHECK(ids(d.community, cv::kMember) == V{"m1", "m2"});
  CHECK(ids(d.community, cv::kCommunity) == V{"c1"});
  cv::doc_apply(d, cv::op_delete("Remove", "m2", cv::kMember), t.next());
  CHECK(ids(d.community, cv::kMember) == V{"m1", "m2"});  // deleted ones too: a deletion is a field
  CHECK(cv::live_by_name(d.community, cv::kMember).size() == 1);

  cv::Community copy = d.community;  // a copy reads its own records
  add_member(d, "m3", "Алёна", t);
  CHECK(ids(copy, cv::kMember) == V{"m1", "m2"});
  CHECK(ids(d.community, cv::kMember) == V{"m1", "m2", "m3"});
  cv::merge_into(copy, d.community);
  CHECK(ids(copy, cv::kMember) == V{"m1", "m2", "m3"});
  cv::Community moved = std::move(copy);
  CHECK(ids(moved, cv::kMember) == V{"m1", "m2", "m3"});
  copy = d.community;
  CHECK(ids(copy, cv::kMember) == V{"m1", "m2", "m3"});
}

}  // TEST_SUITE
