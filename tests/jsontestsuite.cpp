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

}  // TEST_SUITE
