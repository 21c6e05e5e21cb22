// jsontestsuite.cpp: all 318 files of nst/JSONTestSuite through the import path. Every n_ file is
// refused as JSON, every y_ file parses and is then refused as not a community, and each i_ file's
// outcome is the one recorded below. No crash, no hang.
#include <doctest/doctest.h>

#include <algorithm>
#include <dirent.h>
#include <map>
#include <vector>

#include "core/text.h"
#include "helpers.h"

using namespace testing;
using cv::json;

namespace {

std::vector<std::string> list_dir(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d))
      if (e->d_name[0] != '.') names.push_back(e->d_name);
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// i_ files: the implementation may accept or refuse them as JSON. Ours (nlohmann/json, strict
// UTF-8, depth limited) does this; a change of outcome is a change of behaviour worth seeing.
// "json": parsed as JSON (then refused as not a community). "refused": refused as not JSON.
const std::map<std::string, std::string> kImplementationDefined = {
#include "jsontestsuite_outcomes.inc"
};

}  // namespace

TEST_SUITE("jsontestsuite") {

TEST_CASE("JSONTestSuite test_parsing through the import path") {
  const std::string dir = testdata_dir() + "/JSONTestSuite/test_parsing";
  const std::vector<std::string> files = list_dir(dir);
  INFO("test data in " << dir);
  REQUIRE(files.size() == 318);
  int y = 0, n = 0, i = 0;
  for (const std::string& name : files) {
    const std::string bytes = read_all(dir + "/" + name);
    const cv::Parsed p = cv::parse_file(bytes);
    INFO(name << ": " << p.error);
    CHECK_FALSE(p.ok);             // none of them is a community
    CHECK_FALSE(p.error.empty());  // and each says why
    CHECK(cv::utf8_valid(p.error));
    const bool parsed_as_json = p.error.rfind("not a Cultivate community", 0) == 0 ||
                                p.error.rfind("format: not a Cultivate community", 0) == 0;
    if (name[0] == 'y') {
      ++y;
      CHECK(parsed_as_json);
    } else if (name[0] == 'n') {
      ++n;
      CHECK_FALSE(parsed_as_json);
    } else {
      ++i;
      auto it = kImplementationDefined.find(name);
      REQUIRE(it != kImplementationDefined.end());
      CHECK(it->second == (parsed_as_json ? "json" : "refused"));
    }
  }
  CHECK(y == 95);
  CHECK(n == 188);
  CHECK(i == 35);
  MESSAGE("JSONTestSuite: " << y << " y_, " << n << " n_, " << i << " i_ files");
}

// The fast reader parse_file uses first accepts only what nlohmann/json accepts, and reads it to the
// same value; what it leaves, nlohmann/json reads again. Every file of the suite, and variations.
TEST_CASE("the fast JSON reader reads what nlohmann/json reads, to the same value, and nothing else") {
  const std::string dir = testdata_dir() + "/JSONTestSuite/test_parsing";
  std::vector<std::string> docs;
  for (const std::string& name : list_dir(dir)) docs.push_back(read_all(dir + "/" + name));
  REQUIRE(docs.size() == 318);
  // Numbers at the edges of each kind, escapes, surrogates, UTF-8 at its limits, whitespace.
  for (const char* d : {"18446744073709551615", "18446744073709551616", "-9223372036854775808",
                        "-9223372036854775809", "-0", "0.5e-400", "1e309", "[1,2 ,3 ]", " {\"a\" : [ ] } ",
                        "\"\\ud83d\\ude00 \\u00e9 \\u0000 \\/ \\b\\f\\n\\r\\t\"", "\"\\ud83d\"", "\"\\ude00\"",
                        "\"\xF4\x8F\xBF\xBF\"", "\"\xF4\x90\x80\x80\"", "\"\xED\xA0\x80\"", "\"\xE0\x9F\xBF\"",
                        "\"Zoë Ñúñez Алёна Παύλος 李伟\"", "\"12345678\\\"abcdefgh\"", "{\"a\":1,\"a\":2}", "01", "1.", "-",
                        "[1,]", "{\"a\":1,}", "\xEF\xBB\xBF{}", "{} x", "\"tab\there\"", "nul", "[[[[]]]]"})
    docs.push_back(d);
  int fast = 0, accepted = 0;
  for (const std::string& doc : docs) {
    INFO(doc.substr(0, 80));
    json mine;
    const bool read = cv::fast_json_parse(doc, mine);
    json theirs = json::parse(doc, nullptr, false);
    accepted += theirs.is_discarded() ? 0 : 1;
    // What nlohmann/json reads and the fast reader leaves to it: a byte order mark, a NUL (where
    // nlohmann/json stops reading) or more nesting than a community file may have; nothing else.
    if (!read && !theirs.is_discarded())
      CHECK((doc.rfind("\xEF\xBB\xBF", 0) == 0 || doc.find('\0') != std::string::npos || doc.size() > 500));
    if (read) {
      ++fast;
      REQUIRE_FALSE(theirs.is_discarded());
      CHECK(mine == theirs);
      CHECK(mine.dump() == theirs.dump());
    }
  }
  MESSAGE("the fast reader read " << fast << " of " << docs.size() << "; nlohmann/json " << accepted);
}

}  // TEST_SUITE
