// unit-registry.cpp: record types declared once. The registry drives validation and the JSON Schema;
// the schema file in assets/ is exactly what the registry generates.
#include <doctest/doctest.h>

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
  CHECK(cv::count_label("book", 2) == "2 book records");  // a type of a newer version
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
