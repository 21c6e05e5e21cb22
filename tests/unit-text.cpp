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

// What a renderer without shaping must draw, left to right, written as code points.
static std::string cps(std::initializer_list<char32_t> list) {
  std::string out;
  for (char32_t c : list) cv::utf8_append(out, c);
  return out;
}

TEST_CASE("right-to-left names are drawn in reading order; left-to-right text is left alone") {
  for (const char* name : {"Zoë Ñúñez", "Jürgen", "Żaneta", "Алёна", "Παύλος", "李伟 (Li Wei)", "김민준", "สมชาย"}) {
    CHECK_FALSE(cv::needs_visual(name));
    CHECK(cv::visual(name) == name);
  }
  CHECK(cv::visual("שלום") == "םולש");
  CHECK(cv::visual("Avi אבי") == "Avi יבא");                   // a left-to-right line: the Hebrew run turned
  CHECK(cv::visual("אבי (Avi)") == "(Avi) יבא");               // a right-to-left line: Latin kept, brackets mirrored
  CHECK(cv::visual("(שלום)") == "(םולש)");
  CHECK(cv::visual("דנה 2024") == "2024 הנד");                 // numbers read left to right inside
  CHECK(cv::visual("Room שלום 12, Dana") == "Room 12 םולש, Dana");
  CHECK(cv::visual("שלום\nAvi אבי") == "םולש\nAvi יבא");       // line by line
  CHECK(cv::visual("a\u202Eb\u200Fc") == "abc");               // an override cannot reorder what follows
}

TEST_CASE("Arabic letters are joined as written, lam-alef as one, Persian letters too") {
  // علي: ain initial, lam medial, yeh final; drawn right to left.
  CHECK(cv::visual("علي") == cps({0xFEF2, 0xFEE0, 0xFECB}));
  // سلام: seen initial, lam-alef final (joined to seen), meem isolated (alef does not join after).
  CHECK(cv::visual("سلام") == cps({0xFEE1, 0xFEFC, 0xFEB3}));
  CHECK(cv::visual("لا") == cps({0xFEFB}));
  // غرفة 12: the number after Arabic letters stays in its order, on the left of the word.
  CHECK(cv::visual("غرفة 12") == "12 " + cps({0xFE94, 0xFED3, 0xFEAE, 0xFECF}));
  // پری (Persian): peh initial, reh final, farsi yeh isolated.
  CHECK(cv::visual("پری") == cps({0xFBFC, 0xFEAE, 0xFB58}));
  // A mark between letters does not break the joining, and stays with its letter.
  CHECK(cv::visual("بَب") == cps({0xFE90, 0x064E, 0xFE91}));
  // A zero width non-joiner does: two isolated forms, and it is not drawn.
  CHECK(cv::visual("ب\u200Cب") == cps({0xFE8F, 0xFE8F}));
  CHECK(cv::visual("Li علي") == "Li " + cps({0xFEF2, 0xFEE0, 0xFECB}));
}

TEST_CASE("Devanagari's i sign is drawn before its consonant, or its conjunct") {
  CHECK(cv::visual("किरण") == cps({0x093F, 0x0915, 0x0930, 0x0923}));
  CHECK(cv::visual("स्थिति") == cps({0x093F, 0x0938, 0x094D, 0x0925, 0x093F, 0x0924}));
  CHECK(cv::visual("अनुराग") == "अनुराग");                        // no i sign: nothing moves
}

TEST_CASE("drawing order never fails on any bytes, and keeps every visible letter") {
  std::mt19937 rng(16);
  const char32_t pool[] = {'a', ' ', '(', ')', '1', '.', 0x05D0, 0x05B8, 0x0628, 0x0644, 0x0627, 0x064E, 0x0661,
                           0x0915, 0x093F, 0x094D, 0x200C, 0x202E, '\n', 0x00E9};
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) cv::utf8_append(s, pool[rng() % std::size(pool)]);
    const std::string v = cv::visual(s);
    CHECK(cv::utf8_valid(v));
    CHECK(cv::utf8_length(v) <= cv::utf8_length(s));
    CHECK(std::count(v.begin(), v.end(), '\n') == std::count(s.begin(), s.end(), '\n'));
  }
  std::string bytes;
  for (int k = 0; k < 4096; ++k) bytes += static_cast<char>(rng());
  CHECK(cv::utf8_valid(cv::visual(bytes)));
}

}  // TEST_SUITE
