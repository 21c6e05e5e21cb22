// unit-registry.cpp: record types declared once. The registry drives validation and the JSON Schema;
// the schema file in assets/ is exactly what the registry generates.
#include <doctest/doctest.h>

#include "core/fields.h"
#include "core/registry.h"
#include "helpers.h"

using namespace testing;

TEST_SUITE("unit") {

TEST_CASE("assets/community.schema.json is what the registry generates (regenerate: cultivate schema)") {
  const std::string file = read_all(std::string(CULTIVATE_SOURCE_DIR) + "/assets/community.schema.json");
  const std::string generated = cv::file_schema().dump(2, ' ', false, cv::json::error_handler_t::replace) + "\n";
  CHECK(file == generated);
}

TEST_CASE("every declared field is in the schema with its kind, and every type has a label") {
  const cv::json s = cv::file_schema();
  const cv::json& all_of = s["$defs"]["record"]["allOf"];
  REQUIRE(all_of.size() == cv::record_types().size());
  for (size_t i = 0; i < all_of.size(); ++i) {
    const cv::RecordDecl& r = cv::record_types()[i];
    CHECK(all_of[i]["if"]["properties"]["type"]["const"] == r.type);
    const cv::json& props = all_of[i]["then"]["properties"]["fields"]["properties"];
    CHECK(props.size() == r.fields.size());
    for (const cv::FieldDecl& f : r.fields) {
      INFO(r.type << "." << f.name);
      REQUIRE(props.contains(f.name));
      if (f.kind == cv::FieldKind::Number) {
        CHECK(props[f.name]["minimum"].get<double>() == f.min);
        CHECK(props[f.name]["maximum"].get<double>() == f.max);
      }
    }
    CHECK(std::string(r.label).size() > 0);
    CHECK(cv::count_label(r.type, 2).find(r.plural) != std::string::npos);
  }
  CHECK(cv::count_label("member", 1) == "1 member");
  CHECK(cv::count_label("block", 3) == "3 agenda blocks");
  CHECK(cv::count_label("reflection", 2) == "2 reflection records");  // a type of a newer version
}

TEST_CASE("every field is declared with the typed constant of its own record type") {
  size_t fields = 0;
  for (const cv::RecordDecl& r : cv::record_types())
    for (const cv::FieldDecl& f : r.fields) {
      INFO(r.type << "." << f.name);
      CHECK(std::string(f.type) == r.type);
      ++fields;
    }
  CHECK(fields >= 76);
  // The typed readers clamp what a forged file could hold to the declared range.
  cv::Record block;
  block.type = "block";
  block.fields["minutes"] = cv::Field{1e308, {}};
  CHECK(cv::get(block, cv::f::block_minutes) == 1440);
  block.fields["minutes"] = cv::Field{"ten", {}};
  CHECK(cv::get(block, cv::f::block_minutes, 7) == 7);
}

TEST_CASE("which fields a member may write about themselves") {
  CHECK(cv::field_decl("vote", "dots")->self);
  CHECK(cv::field_decl("member", "name")->self);
  CHECK_FALSE(cv::field_decl("member", "notes")->self);       // the convener's notes
  CHECK_FALSE(cv::field_decl("objective", "group")->self);    // the convener's pin
  CHECK_FALSE(cv::field_decl("meeting", "title")->self);      // the community's, moderators write it
  CHECK(std::string(cv::record_decl("vote")->owner) == "member");
  CHECK(std::string(cv::record_decl("member")->owner) == "id");
  CHECK(std::string(cv::record_decl("meeting")->owner).empty());
}

}  // TEST_SUITE

TEST_SUITE("unit") {

TEST_CASE("an edit is checked as an import would check it: what is stored reads back") {
  CHECK(cv::check_op(cv::op_set("Notes", "m1", "member", "notes", "fine")).empty());
  CHECK(cv::check_op(cv::op_set("Notes", "m1", "member", "notes", std::string(100001, 'x'))) ==
        "notes: text is longer than 100000 characters");
  CHECK(cv::check_op(cv::op_set("Minutes", "b1", "block", "minutes", 5000)) ==
        "minutes: expected a whole number from 0 to 1440, found 5000");
  CHECK(cv::check_op(cv::op_set("Name", "m1", "member", "name", std::string("a\0b", 3))) ==
        "name: the text holds a control character (U+0000), which Cultivate does not store");
  // And a community made only of checked edits always reads back.
  testing::Circle x;
  x.add("m1", "Zoë");
  const cv::Op long_notes = cv::op_set("Notes", "m1", "member", "notes", std::string(100001, 'x'));
  REQUIRE_FALSE(cv::check_op(long_notes).empty());
  cv::Doc copy = x.d;
  cv::doc_apply(copy, long_notes, x.t.next());
  CHECK_FALSE(cv::parse_file(cv::to_file(copy.community)).ok);  // why the check must come first
}

}  // TEST_SUITE
