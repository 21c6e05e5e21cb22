// unit-similarity.cpp: objectives that mean the same are grouped, others are not.
#include <doctest/doctest.h>

#include "core/similarity.h"
#include "helpers.h"

using cv::json;

TEST_SUITE("unit") {

TEST_CASE("terms: folded, without stop words, lightly stemmed") {
  CHECK(cv::terms("Giving feedback to my team!") == std::vector<std::string>{"giv", "feedback", "team"});
  CHECK(cv::terms("give better feedback") == std::vector<std::string>{"giv", "feedback"});
  CHECK(cv::terms("Facilitation techniques") == std::vector<std::string>{"facilitat", "techniqu"});
  CHECK(cv::terms("resolving conflicts; conflict resolution") == std::vector<std::string>{"resolv", "conflict", "resolut"});
  CHECK(cv::stem("facilitating") == cv::stem("facilitate"));
  CHECK(cv::stem("planning") == "plan");
  CHECK(cv::terms("Führung") == cv::terms("fuhrung"));
  CHECK(cv::terms("how to learn more").empty());
}

TEST_CASE("trigram similarity catches typos and word forms") {
  CHECK(cv::trigram_similarity("conflict", "conflcit") > 0.35);
  CHECK(cv::trigram_similarity("feedback", "feedback") == 1);
  CHECK(cv::trigram_similarity("feedback", "budget") < 0.2);
}

TEST_CASE("realistic objectives group as a person would group them (tests/data/objectives.json)") {
  const json data = json::parse(testing::read_all(std::string(CULTIVATE_SOURCE_DIR) + "/tests/data/objectives.json"));
  for (const json& c : data["cases"]) {
    std::vector<std::string> texts = c["texts"].get<std::vector<std::string>>();
    const auto groups = cv::group_texts(texts, {});
    json got = json::array();
    for (const auto& g : groups) got.push_back(g);
    INFO(c["name"].get<std::string>() << ": got " << got.dump());
    CHECK(got == c["groups"]);
  }
}

TEST_CASE("the convener's merges and splits are kept") {
  const std::vector<std::string> texts = {"give better feedback", "Giving feedback to my team", "budgets",
                                          "financial planning"};
  using G = std::vector<std::vector<int>>;
  CHECK(cv::group_texts(texts, {}) == G{{0, 1}, {2}, {3}});
  // Split: the second is kept on its own.
  CHECK(cv::group_texts(texts, {"", "alone:1", "", ""}) == G{{0}, {1}, {2}, {3}});
  // Merge: budgets and financial planning are one theme for this community.
  CHECK(cv::group_texts(texts, {"", "", "money", "money"}) == G{{0, 1}, {2, 3}});
}

}  // TEST_SUITE
