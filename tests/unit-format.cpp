// unit-format.cpp: the community file, version 1: round trips, canonical bytes, every refusal.
#include <doctest/doctest.h>

#include "core/text.h"
#include "helpers.h"

using namespace testing;
using cv::json;

namespace {

cv::Doc sample(FakeTime& t) {
  cv::Doc d = new_doc("actor1", "c1", "Peer learning — Ñúñez & co", t);
  cv::doc_apply(d, cv::op_set("Purpose", "c1", cv::kCommunity, "purpose_why", "Zoë: \"learn\"\nand grow"), t.next());
  add_member(d, "m1", "Zoë", t);
  add_member(d, "m2", "Παύλος", t);
  cv::doc_apply(d, cv::op_set("Roles", "m1", cv::kMember, "roles", json::array({"presenter", "book chooser"})),
                t.next());
  return d;
}

// The error for a file made from the sample by changing its JSON.
template <class F>
std::string error_after(F change) {
  FakeTime t;
  json j = cv::to_json(sample(t).community);
  change(j);
  return cv::parse_file(j.dump()).error;
}

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("export then import gives the same community, byte for byte") {
  FakeTime t;
  cv::Doc d = sample(t);
  const std::string file = cv::to_file(d.community);
  cv::Parsed p = cv::parse_file(file);
  REQUIRE(p.ok);
  CHECK(cv::to_file(p.community) == file);
  CHECK(file.back() == '\n');
  CHECK(file.find("\"format\": \"cultivate.community\"") != std::string::npos);
  CHECK(file.find("Ñúñez") != std::string::npos);  // text stays readable UTF-8, not \u escapes
  CHECK(cv::parse_file(cv::to_compact(d.community)).ok);
  // The hand-written canonical form is exactly the JSON of the community.
  CHECK(json::parse(file) == cv::to_json(d.community));
  CHECK(json::parse(cv::to_file(cv::Community{"empty", {}, {}})) == cv::to_json(cv::Community{"empty", {}, {}}));
  CHECK(file.find("\"id\": \"m1\",\n      \"type\": \"member\"") != std::string::npos);  // id and type lead
}

TEST_CASE("a file written in parts is the same bytes, cut between records") {
  FakeTime t;
  cv::Doc d = sample(t);
  for (int i = 0; i < 200; ++i) add_member(d, "m" + std::to_string(100 + i), i % 2 ? "Алёна Żaneta" : "Jürgen 李伟", t);
  const std::string whole = cv::to_file(d.community);
  const std::vector<std::string> parts = cv::to_file_parts(d.community, 4000);
  CHECK(parts.size() > 5);
  std::string joined;
  for (size_t i = 0; i < parts.size(); ++i) {
    joined += parts[i];
    if (i + 1 < parts.size()) {
      CHECK(parts[i].size() >= 4000);
      CHECK(parts[i].size() < 4000 + 1000);  // one record past the mark at most
      CHECK(parts[i].back() == '}');         // a record's end: every part is whole UTF-8 text
    }
    CHECK(cv::utf8_valid(parts[i]));
  }
  CHECK(joined == whole);
  CHECK(cv::bytes_of(parts) == whole.size());
  CHECK(cv::to_file_parts(cv::Community{"empty", {}, {}}).size() == 1);
  CHECK(cv::to_file_parts(cv::Community{"empty", {}, {}})[0] == cv::to_file(cv::Community{"empty", {}, {}}));
}

TEST_CASE("writers' ids read from a file are held once, and a refused file leaves none behind") {
  FakeTime t;
  json j = cv::to_json(sample(t).community);
  for (int i = 0; i < 500; ++i)  // 500 members, each by a writer of its own
    j["records"].push_back({{"id", "made" + std::to_string(i)}, {"type", "member"}, {"fields", {{"name", "Ada"}}},
                            {"stamps", {{"name", {1000, 0, "writer" + std::to_string(i)}}}}});
  const size_t before = cv::Actor::held();
  {
    cv::Parsed p = cv::parse_file(j.dump());
    REQUIRE(p.ok);
    CHECK(cv::Actor::held() == before + 500 + 1);  // and the sample's own writer
    CHECK(cv::to_file(p.community) == cv::to_file(cv::parse_file(cv::to_file(p.community)).community));
  }
  CHECK(cv::Actor::held() == before);
  j["records"].push_back({{"id", "last"}, {"type", "member"}, {"fields", {{"name", "Ada"}}}, {"stamps", json::object()}});
  CHECK_FALSE(cv::parse_file(j.dump()).ok);  // a field without its stamp, after 500 new writers
  CHECK(cv::Actor::held() == before);
}

TEST_CASE("the same community always gives the same bytes, whatever order it was built in") {
  FakeTime t;
  cv::Doc d = sample(t);
  json j = cv::to_json(d.community);
  std::reverse(j["records"].begin(), j["records"].end());
  cv::Parsed p = cv::parse_file(j.dump());
  REQUIRE(p.ok);
  CHECK(cv::to_file(p.community) == cv::to_file(d.community));
}

TEST_CASE("refusals name the place") {
  CHECK(error_after([](json& j) { j["records"][1]["fields"]["name"] = 12; }) ==
        "records[1].fields.name: expected a string, found a number");
  CHECK(error_after([](json& j) { j["records"][0]["fields"]["deleted"] = "no"; }) ==
        "records[0].fields.deleted: expected true or false, found a string");
  CHECK(error_after([](json& j) { j["records"][2]["stamps"].erase("name"); }) ==
        "records[2].stamps.name: missing: every field needs a stamp");
  CHECK(error_after([](json& j) { j["records"][2]["stamps"]["name"][1] = -1; }) ==
        "records[2].stamps.name[1]: expected a counter, a whole number from 0");
  CHECK(error_after([](json& j) { j["records"][1].erase("type"); }) == "records[1]: missing \"type\"");
  CHECK(error_after([](json& j) { j["records"][1]["id"] = "bad id!"; }) ==
        "records[1].id: \"bad id!\" is not an id (letters, digits, - _ : . only)");
  CHECK(error_after([](json& j) { j["records"][1]["fields"]["roles"] = json::array({"a", 3}); }) ==
        "records[1].fields.roles[1]: expected a string, found a number");
  CHECK(error_after([](json& j) { j["records"] = json::object(); }) == "records: expected an array, found an object");
  CHECK(error_after([](json& j) { j.erase("community"); }) == "community: missing (the community's id)");
  CHECK(error_after([](json& j) { j["records"][1]["fields"]["Name"] = "x"; }) ==
        "records[1].fields: \"Name\" is not a field name (lower-case letters, digits and _)");
}

TEST_CASE("stamps read straight from the bytes agree with stamps read the general way") {
  // Stamps of the plain shape [ms, counter, "actor"] skip the JSON array; any other shape (spaces,
  // escapes, other numbers) goes the general way. Both give the same stamp, or the same message.
  FakeTime t;
  json j = cv::to_json(sample(t).community);
  REQUIRE(j["records"][2]["id"] == "m2");
  j["records"][2]["stamps"]["name"] = "@stamp@";
  const std::string text = j.dump();
  auto read = [&](const std::string& stamp) {
    std::string file = text;
    file.replace(file.find("\"@stamp@\""), 9, stamp);
    return cv::parse_file(file);
  };
  const std::string a64(64, 'a');
  // (named from the tuple: clang cannot capture a structured binding for CAPTURE in C++17)
  for (const auto& ok : std::vector<std::tuple<std::string, int64_t, uint32_t, std::string>>{
           {"[5,7,\"ab\"]", 5, 7, "ab"},
           {" [ 5 ,\n 7 ,\t\"ab\" ] ", 5, 7, "ab"},
           {"[5,7,\"a\\u0062\"]", 5, 7, "ab"},
           {"[0,0,\"x:y.z-_1\"]", 0, 0, "x:y.z-_1"},
           {"[9007199254740992,4294967295,\"" + a64 + "\"]", int64_t(1) << 53, 4294967295u, a64}}) {
    const auto& [raw, ms, counter, actor] = ok;
    const std::string& shown = raw;
    CAPTURE(shown);
    const cv::Parsed p = read(raw);
    REQUIRE(p.ok);
    const cv::Stamp& s = p.community.records.at("m2").fields.at("name").stamp;
    CHECK(s.ms == ms);
    CHECK(s.counter == counter);
    CHECK(s.actor.str() == actor);
  }
  const std::string at = "records[2].stamps.name";
  for (const auto& bad : std::vector<std::pair<std::string, std::string>>{
           {"[5.0,7,\"ab\"]", at + "[0]: expected milliseconds, a whole number from 0"},
           {"[9007199254740993,7,\"ab\"]", at + "[0]: expected milliseconds, a whole number from 0"},
           {"[999999999999999999,7,\"ab\"]", at + "[0]: expected milliseconds, a whole number from 0"},
           {"[99999999999999999999999,7,\"ab\"]", at + "[0]: expected milliseconds, a whole number from 0"},
           {"[-5,7,\"ab\"]", at + "[0]: expected milliseconds, a whole number from 0"},
           {"[5,4294967296,\"ab\"]", at + "[1]: expected a counter, a whole number from 0"},
           {"[5,7,\"a b\"]", at + "[2]: \"a b\" is not an id (letters, digits, - _ : . only)"},
           {"[5,7,\"\"]", at + "[2]: an id has 1 to 64 characters"},
           {"[5,7,\"a" + a64 + "\"]", at + "[2]: an id has 1 to 64 characters"},
           {"[5,7]", at + ": expected a stamp [milliseconds, counter, actor]"},
           {"[5,7,\"ab\",1]", at + ": expected a stamp [milliseconds, counter, actor]"},
           {"[5,7,[\"ab\"]]", at + "[2]: expected a string id, found an array"}}) {
    CAPTURE(bad.first);
    CHECK(read(bad.first).error == bad.second);
  }
  CHECK(read("[05,7,\"ab\"]").error.rfind("not valid JSON", 0) == 0);
  CHECK(read("[5,7,\"ab\"").error.rfind("not valid JSON", 0) == 0);
}

TEST_CASE("files that are not communities say so") {
  CHECK(cv::parse_file("").error == "the file is empty");
  CHECK(cv::parse_file("  \n").error == "the file is empty");
  CHECK(cv::parse_file("[1,2]").error ==
        "not a Cultivate community: the file holds an array, not an object with \"format\": \"cultivate.community\"");
  CHECK(cv::parse_file("{\"a\":1}").error == "not a Cultivate community: \"format\" is missing");
  CHECK(cv::parse_file("{\"format\":\"other\"}").error ==
        "format: not a Cultivate community: expected \"cultivate.community\", found \"other\"");
  CHECK(cv::parse_file("{\"format\": tru}").error.rfind("not valid JSON: line 1, column", 0) == 0);
}

TEST_CASE("a file of a newer version is refused and says so") {
  CHECK(error_after([](json& j) { j["version"] = 2; }) ==
        "version: this file is format version 2, written by a newer Cultivate; this one reads version 1. "
        "Update Cultivate to open it.");
  CHECK(error_after([](json& j) { j["version"] = 0; }) == "version: expected a whole number from 1");
  CHECK(error_after([](json& j) { j["version"] = "1"; }) == "version: expected a whole number from 1");
}

TEST_CASE("limits: file size, nesting depth, string length, record count") {
  std::string big(cv::kMaxFileBytes + 1, ' ');
  CHECK(cv::parse_file(big).error == "the file is too large: more than 64.0 MB; the limit is 64.0 MB");

  std::string deep = std::string(40, '[') + std::string(40, ']');
  CHECK(cv::parse_file(deep).error == "too deeply nested: more than 32 levels of arrays and objects (at byte 32)");
  // Brackets inside strings do not count.
  CHECK(cv::parse_file("{\"a\": \"" + std::string(100, '[') + "\"}").error == "not a Cultivate community: \"format\" is missing");

  CHECK(error_after([](json& j) { j["records"][1]["fields"]["notes"] = std::string(cv::kMaxStringChars + 1, 'x'); }) ==
        "records[1].fields.notes: text is longer than 100000 characters");
  // The limit counts characters, not bytes: 100,000 Cyrillic letters are allowed.
  std::string cyr;
  for (size_t i = 0; i < cv::kMaxStringChars; ++i) cyr += "ё";
  CHECK(error_after([&](json& j) {
          j["records"][1]["fields"]["notes"] = cyr;
          j["records"][1]["stamps"]["notes"] = json::array({1, 0, "x"});
        }) == "");

  json many = {{"format", "cultivate.community"}, {"version", 1}, {"community", "c"}, {"records", json::array()}};
  for (size_t i = 0; i <= cv::kMaxRecords; ++i) many["records"].push_back(0);
  CHECK(cv::parse_file(many.dump()).error == "records: too many records: 1000001; the limit is 1000000");
}

TEST_CASE("one id twice in a file: the two are merged like two copies") {
  FakeTime t;
  cv::Doc d = sample(t);
  json j = cv::to_json(d.community);
  json older = j["records"][1];  // m1, as it was
  json newer = older;
  newer["fields"]["name"] = "Zoë Ñúñez";
  newer["stamps"]["name"] = json::array({older["stamps"]["name"][0].get<int64_t>() + 5, 0, "actor2"});
  newer["fields"]["contact"] = "zoe@example.org";
  newer["stamps"]["contact"] = json::array({1, 0, "actor2"});
  j["records"][1] = newer;
  j["records"].push_back(older);
  cv::Parsed p = cv::parse_file(j.dump());
  REQUIRE(p.ok);
  CHECK(p.duplicates == 1);
  CHECK(p.community.records.at("m1").text("name") == "Zoë Ñúñez");
  CHECK(p.community.records.at("m1").text("contact") == "zoe@example.org");
  CHECK(p.community.records.at("m1").texts("roles").size() == 2);

  json clash = cv::to_json(d.community);
  json topic = clash["records"][1];
  topic["type"] = "topic";
  clash["records"].push_back(topic);
  CHECK(cv::parse_file(clash.dump()).error == "records[3]: id \"m1\" is used twice, by a member and a topic");
}

TEST_CASE("a record's fields in any order, a name given twice keeping its last, read as when written in order") {
  FakeTime t;
  cv::Community c = sample(t).community;
  // A record of a newer Cultivate with 40 fields (more than are sorted in place).
  cv::Record& wide = c.records["x1"];
  wide.type = "newer_thing";
  for (int i = 0; i < 40; ++i) {
    const std::string name = "f" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    wide.fields[name] = cv::Field{i, cv::Stamp{t.next(), 0, "actor1"}};
  }
  const std::string in_order = cv::to_file(c);
  // Written by hand: each record's fields and stamps last name first, its first name also given at
  // the start with a value and a stamp that the later one replaces.
  auto reversed = [](const json& o, const json& dropped) {
    std::string s = "{" + json(o.begin().key()).dump() + ": " + dropped.dump();
    for (auto it = o.rbegin(); it != o.rend(); ++it)
      s += ", " + json(it.key()).dump() + ": " + it.value().dump();  // nlohmann/json's iterators run in name order
    return s + "}";
  };
  std::string text = R"({"format": "cultivate.community", "version": 1, "community": "c1", "records": [)";
  const json j = cv::to_json(c);
  for (size_t i = 0; i < j["records"].size(); ++i) {
    const json& r = j["records"][i];
    text += (i ? ", " : "") + std::string(R"({"id": )") + r["id"].dump() + R"(, "type": )" + r["type"].dump() +
            R"(, "fields": )" + reversed(r["fields"], "dropped") + R"(, "stamps": )" +
            reversed(r["stamps"], json::array({1, 0, "zz"})) + "}";
  }
  text += "]}";
  const cv::Parsed p = cv::parse_file(text);
  REQUIRE(p.error == "");
  CHECK(cv::to_file(p.community) == in_order);
}

TEST_CASE("fields and record types of a newer Cultivate are kept and merge") {
  FakeTime t;
  json j = cv::to_json(sample(t).community);
  j["records"].push_back({{"id", "t1"},
                          {"type", "topic"},
                          {"fields", {{"title", "Feedback"}, {"votes", json::array({1, 2})}}},
                          {"stamps", {{"title", {5, 0, "z"}}, {"votes", {5, 0, "z"}}}}});
  cv::Parsed p = cv::parse_file(j.dump());
  REQUIRE(p.ok);
  CHECK(p.community.records.at("t1").text("title") == "Feedback");
  CHECK(cv::to_json(p.community)["records"].size() == 4);
}

TEST_CASE("a community record must be the file's own") {
  CHECK(error_after([](json& j) { j["records"][1]["type"] = "community"; }) ==
        "records[1]: a community record for another community (\"m1\")");
  CHECK(error_after([](json& j) { j["records"][0]["type"] = "member"; }) ==
        "records[0]: the community's own id is used by a member record");
}

TEST_CASE("invalid UTF-8 and hostile text are refused or kept inert") {
  CHECK(cv::parse_file("{\"format\": \"cultivate.community\xFF\"}").error.rfind("not valid JSON", 0) == 0);
  // A name that looks like a format string is just text.
  FakeTime t;
  cv::Doc d = sample(t);
  cv::doc_apply(d, cv::op_set("Rename", "m1", cv::kMember, "name", "%s%n%x {{}} <script>"), t.next());
  cv::Parsed p = cv::parse_file(cv::to_file(d.community));
  REQUIRE(p.ok);
  CHECK(p.community.records.at("m1").text("name") == "%s%n%x {{}} <script>");
}

TEST_CASE("statistics") {
  FakeTime t;
  cv::Doc d = sample(t);
  cv::doc_apply(d, cv::op_delete("Remove", "m2", cv::kMember), t.next());
  json s = cv::stats(d.community);
  CHECK(s["records"] == 3);
  CHECK(s["types"]["member"]["live"] == 1);
  CHECK(s["types"]["member"]["deleted"] == 1);
  CHECK(s["writers"] == 1);
  CHECK(cv::format_utc(0) == "1970-01-01 00:00 UTC");
  CHECK(cv::format_utc(1795860000000) == "2026-11-28 10:00 UTC");
}

}  // TEST_SUITE

TEST_SUITE("unit") {

TEST_CASE("values a hostile or broken file may hold are refused with the place") {
  // A NUL cuts a label on screen but not an export: never stored.
  CHECK(error_after([](json& j) { j["records"][1]["fields"]["name"] = std::string("Zo\0ë", 5); }) ==
        "records[1].fields.name: the text holds a control character (U+0000), which Cultivate does not store");
  CHECK(error_after([](json& j) { j["records"][1]["fields"]["name"] = "a\x1b[2Jb"; }).find("control character") !=
        std::string::npos);
  // Tab and line breaks are text.
  CHECK(error_after([](json& j) { j["records"][1]["fields"]["notes"] = "a\tb\r\nc";
                                  j["records"][1]["stamps"]["notes"] = json::array({1, 0, "x"}); }) == "");
  // Numbers out of their field's range never reach an int.
  auto with_field = [](const char* type, const char* field, json v) {
    return error_after([&](json& j) {
      j["records"].push_back({{"id", "x1"}, {"type", type}, {"fields", {{field, v}}},
                              {"stamps", {{field, json::array({1, 0, "x"})}}}});
    });
  };
  CHECK(with_field("block", "minutes", 1e308) ==
        "records[3].fields.minutes: expected a whole number from 0 to 1440, found 1e+308");
  CHECK(with_field("block", "minutes", -5) == "records[3].fields.minutes: expected a whole number from 0 to 1440, found -5");
  CHECK(with_field("block", "minutes", 7.5) == "records[3].fields.minutes: expected a whole number from 0 to 1440, found 7.5");
  CHECK(with_field("block", "minutes", 30.0) == "");  // a whole number written as 30.0
  CHECK(with_field("vote", "dots", 1000000) == "records[3].fields.dots: expected a whole number from 0 to 100, found 1000000");
  CHECK(with_field("block", "group_size", "4") ==
        "records[3].fields.group_size: expected a whole number from 0 to 100, found a string");
  CHECK(with_field("community", "shared_threshold", 2) == "records[3].fields.shared_threshold: expected a number from 0 to 1, found 2");
  // Fields the registry declares that the old hand-kept table missed.
  CHECK(with_field("meeting", "facilitator", 12) == "records[3].fields.facilitator: expected an id (a string), found a number");
  CHECK(with_field("breakout", "groups", json::array({json::array({"m1", 3})})) ==
        "records[3].fields.groups[0][1]: expected an id (a string), found a number");
  CHECK(with_field("breakout", "locked", json::array({1, -1})) ==
        "records[3].fields.locked[1]: expected a whole number from 0 to 10000, found -1");
  CHECK(with_field("meeting", "topics", json::array({"t1", "not an id!"})) ==
        "records[3].fields.topics[1]: expected an id (up to 64 letters, digits, - _ : .)");
  // A field or type this version does not know is kept, but its strings are checked too.
  CHECK(with_field("book", "title", "Any text") == "");
  CHECK(with_field("book", "parts", json::array({json::object({{"x", std::string("a\0b", 3)}})})) ==
        "records[3].fields.parts[0].x: the text holds a control character (U+0000), which Cultivate does not store");
}

// Before the streaming reader, this file held 650-940 MB. Now only nlohmann/json's lexer keeps the run
// of characters since the last string or number (about the file's size, for a file with none).
TEST_CASE("a 16 MB file of empty objects under a key nobody reads costs no more than the file's size") {
  std::string hostile = "{\"format\": \"cultivate.community\", \"version\": 1, \"community\": \"c1\", \"records\": [], \"x\": [";
  while (hostile.size() < (16u << 20) - 10) hostile += "{},";
  hostile += "{}]}";
  if (!alloc_counting()) {
    MESSAGE("skipped: this build counts no allocations (a sanitizer build)");
    return;
  }
  alloc_reset_peak();
  const size_t base = alloc_now();
  const cv::Parsed p = cv::parse_file(hostile);
  const size_t peak = alloc_peak() - base;
  CHECK(p.ok);  // a key this version does not know is no error
  MESSAGE("parsing " << hostile.size() / 1024 << " KB of {}: at most " << peak / 1024 << " KB held");
  CHECK(peak < 2 * hostile.size());
  // The same objects inside one record are capped, not built.
  std::string in_record = "{\"format\": \"cultivate.community\", \"version\": 1, \"community\": \"c1\", \"records\": "
                          "[{\"id\": \"x\", \"type\": \"note\", \"fields\": {\"f\": [";
  while (in_record.size() < 4000000) in_record += "{},";
  in_record += "{}]}, \"stamps\": {}}]}";
  alloc_reset_peak();
  const cv::Parsed q = cv::parse_file(in_record);
  CHECK(q.error == "records[0]: more than 100000 values in one record");
  CHECK(alloc_peak() - base < 64u * 1024 * 1024);
}

TEST_CASE("the community id may follow the records in a file written by hand") {
  FakeTime t;
  const std::string file = cv::to_file(sample(t).community);
  json j = json::parse(file);
  // nlohmann/json orders keys; write the records first by hand.
  const std::string reordered = "{\"records\": " + j["records"].dump() + ", \"community\": \"c1\", \"version\": 1, "
                                "\"format\": \"cultivate.community\"}";
  const cv::Parsed p = cv::parse_file(reordered);
  REQUIRE(p.ok);
  CHECK(cv::to_file(p.community) == file);
  // ...and a community record of another id is still found.
  const std::string other = "{\"records\": [{\"id\": \"c9\", \"type\": \"community\", \"fields\": {}, \"stamps\": {}}], "
                            "\"community\": \"c1\", \"version\": 1, \"format\": \"cultivate.community\"}";
  CHECK(cv::parse_file(other).error == "records: a community record for another community (\"c9\")");
  // "community" given twice: the last wins, and the records are checked against it, not the first.
  const std::string twice = "{\"format\": \"cultivate.community\", \"version\": 1, \"community\": \"a1\", "
                            "\"records\": [{\"id\": \"b1\", \"type\": \"member\", \"fields\": {}, \"stamps\": {}}], "
                            "\"community\": \"b1\"}";
  CHECK(cv::parse_file(twice).error == "records: the community's own id is used by a member record");
}

// The import preview counts the merged file's bytes without writing it: the count must be the size of
// the file written, for every kind of value (escapes, text in every script, fractions, lists).
TEST_CASE("the preview's count of the merged file's bytes is the written file's size") {
  FakeTime t;
  cv::Doc d = sample(t);
  const std::vector<json> values = {
      "plain", "", "quote \" backslash \\ slash /", "tab\tline\nreturn\rbell\x07 escape\x1b del\x7f",
      "Zoë Ñúñez Jürgen Żaneta Алёна Παύλος 李伟 مرحبا 😀", "\x01\x02\x03\x04\x05\x06\x07\x08\x09 eight+",
      std::string("bad \xFF utf-8"), 0, -1, 42, INT64_MIN, UINT64_MAX, 0.5, -1e-7, 3.141592653589793, 1e300, true,
      false, nullptr, json::array(), json::array({1, "two", json::array({3.5})}), json::object(),
      json{{"k\"ey", {1, 2}}, {"Ünïcode", "é"}}};
  int i = 0;
  for (const json& v : values) {
    const std::string id = "x" + std::to_string(i++);
    cv::Record r;
    r.type = "future_thing";  // a type a newer Cultivate may write: any value goes
    r.fields["value"] = cv::Field{v, cv::Stamp{t.next(), static_cast<uint32_t>(i * 1000), "actor" + std::to_string(i)}};
    d.community.records[id] = r;
  }
  cv::Community incoming = d.community;
  incoming.records["x0"].fields["other"] = cv::Field{"new", cv::Stamp{t.next(), 0, "zz"}};
  for (const cv::Community* into : {&d.community}) {
    const cv::MergeEffect e = cv::merge_effect(*into, incoming);
    CHECK(e.bytes == cv::to_file(cv::merge(*into, incoming)).size());
    cv::Community empty;
    empty.id = into->id;
    CHECK(cv::merge_effect(empty, incoming).bytes == cv::to_file(cv::merge(empty, incoming)).size());
  }
}

}  // TEST_SUITE
