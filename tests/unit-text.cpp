// unit-text.cpp: every person's name folds, sorts and is found.
#include <algorithm>
#include <random>

#include <doctest/doctest.h>
#include <vector>

#include "core/text.h"

TEST_SUITE("unit") {

TEST_CASE("fold removes case and accents in Latin, Greek and Cyrillic") {
  CHECK(cv::fold("Zoë") == "zoe");
  CHECK(cv::fold("Ñúñez") == "nunez");
  CHECK(cv::fold("Jürgen") == "jurgen");
  CHECK(cv::fold("Żaneta") == "zaneta");
  CHECK(cv::fold("Алёна") == "алена");
  CHECK(cv::fold("Παύλος") == "παυλοσ");
  CHECK(cv::fold("STRAßE Œuvre Łódź") == "strasse oeuvre lodz");
  CHECK(cv::lower("ÀÉÎÕÜ Ÿ ĄĆĘŁŃ") == "àéîõü ÿ ąćęłń");
  CHECK(cv::lower("ΆΈΉΊΌΎΏ ΣΑΣ") == "άέήίόύώ σασ");
  CHECK(cv::lower("ЁЖИК Її") == "ёжик її");
}

TEST_CASE("names sort as a reader expects") {
  std::vector<std::string> names = {"Παύλος", "Żaneta", "zoe", "Алёна", "Ñúñez", "Jürgen", "Zoë", "alena",
                                    "Nunez", "Zoe", "Juergen", "Алена", "Аня"};
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return cv::collate_less(a, b);
  });
  const std::vector<std::string> expected = {"alena", "Juergen", "Jürgen", "Nunez", "Ñúñez", "Żaneta",
                                             "Zoe",   "zoe",     "Zoë",    "Παύλος", "Алена", "Алёна", "Аня"};
  CHECK(names == expected);
  // Sorting by keys is the same order, each name folded once.
  std::shuffle(names.begin(), names.end(), std::mt19937(7));
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return cv::collate_key(a) < cv::collate_key(b);
  });
  CHECK(names == expected);
  CHECK(cv::collate_key("Zo") < cv::collate_key("Zoë"));
}

TEST_CASE("search ignores case and accents, both ways") {
  CHECK(cv::search_match("Zoë Ñúñez", "zoe"));
  CHECK(cv::search_match("Zoë Ñúñez", "NUÑ"));
  CHECK(cv::search_match("Алёна", "алена"));
  CHECK(cv::search_match("Παύλος", "παυλ"));
  CHECK(cv::search_match("Żaneta", " zan "));
  CHECK_FALSE(cv::search_match("Jürgen", "jorgen"));
}

TEST_CASE("UTF-8 is checked and cleaned") {
  CHECK(cv::utf8_valid("Żaneta Алёна Παύλος"));
  CHECK_FALSE(cv::utf8_valid("\xC3"));
  CHECK_FALSE(cv::utf8_valid("\xED\xA0\x80"));  // a surrogate
  CHECK_FALSE(cv::utf8_valid("\xC0\xAF"));      // overlong
  CHECK(cv::utf8_valid("\xEF\xBF\xBD"));        // U+FFFD itself is fine
  CHECK(cv::utf8_sanitize("a\xFF" "b\x01" "c") == "a\xEF\xBF\xBD" "bc");
  CHECK(cv::utf8_length("Алёна") == 5);
  CHECK(cv::trim("  Zoë \n") == "Zoë");
}

TEST_CASE("community names become safe file names") {
  CHECK(cv::filename_safe("Feedback circle: Zoë & Алёна") == "Feedback circle- Zoë & Алёна");
  CHECK(cv::filename_safe("a/b\\c*?\"<>|") == "a-b-c------");
  CHECK(cv::filename_safe("  ..hidden ") == "hidden");
  CHECK(cv::filename_safe("") == "community");
  CHECK(cv::filename_safe("\x01\x02") == "community");
  CHECK(cv::utf8_length(cv::filename_safe(std::string(200, 'x'))) == 80);
}

}  // TEST_SUITE
