// bench/similarity.cpp: how well and how fast texts that mean the same are grouped. Not a pass/fail
// test (the unit tests hold the floors).
//   bench_similarity quality FILE [T]  pairwise precision and recall on a labelled set
//                                      (tests/data/objectives-labelled.json), per set and overall
//   bench_similarity scale N...        N distinct synthetic objectives: milliseconds, distinct texts,
//                                      comparisons, and the share of all pairs they are
// Uses group_texts only, so the same file builds against an older similarity.cpp for "before".
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/similarity.h"

namespace {

struct Score {
  double tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp > 0 ? tp / (tp + fp) : 1; }
  double recall() const { return tp + fn > 0 ? tp / (tp + fn) : 1; }
};

// Pairs in one found group and one labelled theme.
Score score(const std::vector<std::vector<int>>& groups, const std::vector<std::string>& theme) {
  std::vector<int> group_of(theme.size(), -1);
  for (size_t g = 0; g < groups.size(); ++g)
    for (int i : groups[g]) group_of[i] = static_cast<int>(g);
  Score s;
  for (size_t i = 0; i < theme.size(); ++i)
    for (size_t j = i + 1; j < theme.size(); ++j) {
      const bool same = group_of[i] == group_of[j], want = theme[i] == theme[j];
      s.tp += same && want;
      s.fp += same && !want;
      s.fn += !same && want;
    }
  return s;
}

int quality(const char* path, double threshold) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  const nlohmann::json data = nlohmann::json::parse(ss.str());
  Score all;
  std::printf("%-70s %6s %9s %7s\n", "set", "texts", "precision", "recall");
  for (const auto& set : data["sets"]) {
    std::vector<std::string> texts, theme;
    for (const auto& it : set["items"]) {
      texts.push_back(it["text"].get<std::string>());
      theme.push_back(it["theme"].get<std::string>());
    }
    const Score s = score(cv::group_texts(texts, {}, threshold), theme);
    all.tp += s.tp;
    all.fp += s.fp;
    all.fn += s.fn;
    std::printf("%-70s %6zu %9.3f %7.3f\n", set["name"].get<std::string>().c_str(), texts.size(), s.precision(), s.recall());
  }
  std::printf("%-70s %6s %9.3f %7.3f\n", "all sets (pairs pooled)", "", all.precision(), all.recall());
  return 0;
}

// Objectives as a large network writes them: an aim, a theme, a setting; every text distinct.
std::vector<std::string> synthetic(size_t n) {
  const char* aims[] = {"learn", "get better at", "improve my", "practise", "understand", "start with", "grow in",
                        "become confident in", "help my team with", "find tools for"};
  const char* themes[] = {"giving feedback", "online facilitation", "storytelling", "public speaking", "delegation",
                          "time management", "coaching conversations", "conflict resolution", "retrospectives",
                          "technical writing", "negotiation", "onboarding new colleagues", "data visualisation",
                          "change management", "mentoring juniors", "hiring interviews", "budget planning",
                          "stakeholder communication", "decision making", "remote team rituals", "design thinking",
                          "user research", "accessibility testing", "risk assessment", "grant writing",
                          "volunteer coordination", "community moderation", "release management", "incident response",
                          "product discovery", "sales conversations", "customer interviews", "pricing strategy",
                          "mental health at work", "inclusive language", "running workshops", "visual notes",
                          "project planning", "quality assurance", "knowledge sharing"};
  const char* settings[] = {"for my team", "in a hospital", "with volunteers", "when time is short", "in a new role",
                            "across time zones", "in a small charity", "with senior leaders", "in a startup",
                            "in schools", "with clients", "in open source", "in public services", "at a distance",
                            "in a second language", "with engineers", "during a merger", "in a union",
                            "with students", "in the field", "for beginners", "under pressure", "on a tight budget",
                            "in a large company", "for night shifts"};
  std::vector<std::string> out;
  const size_t A = std::size(aims), T = std::size(themes), S = std::size(settings);
  for (size_t i = 0; out.size() < n; ++i) {
    const size_t k = i * 7919 % (A * T * S);
    std::string t = std::string(aims[k % A]) + " " + themes[k / A % T] + " " + settings[k / (A * T) % S];
    if (i >= A * T * S) t += " (" + std::to_string(i / (A * T * S)) + ")";
    out.push_back(t);
  }
  return out;
}

int scale(const std::vector<size_t>& sizes) {
  std::printf("%8s %9s %9s %12s %12s %10s\n", "texts", "ms", "distinct", "comparisons", "all pairs", "share");
  for (size_t n : sizes) {
    const auto texts = synthetic(n);
    const auto t0 = std::chrono::steady_clock::now();
    const cv::Grouping g = cv::group_all(texts, {});
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const double pairs = static_cast<double>(g.distinct) * (g.distinct - 1) / 2;
    std::printf("%8zu %9.1f %9zu %12zu %12.0f %9.2f%%   (%zu groups)\n", n, ms, g.distinct, g.comparisons, pairs,
                100.0 * g.comparisons / pairs, g.groups.size());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string what = argc > 1 ? argv[1] : "";
  if (what == "quality" && argc > 2) return quality(argv[2], argc > 3 ? std::strtod(argv[3], nullptr) : 0.4);
  if (what == "scale") {
    std::vector<size_t> sizes;
    for (int i = 2; i < argc; ++i) sizes.push_back(std::strtoul(argv[i], nullptr, 10));
    if (sizes.empty()) sizes = {1000, 5000, 20000};
    return scale(sizes);
  }
  std::fprintf(stderr, "usage: bench_similarity quality FILE [THRESHOLD] | scale N...\n");
  return 2;
}
