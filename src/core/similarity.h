// similarity.h: when two people mean the same thing in different words. "give better feedback",
// "Giving feedback to my team" and "feedback skills" are one learning objective. Normalises case,
// accents and punctuation, drops stop words, stems lightly, and compares by weighted token overlap
// with character-trigram matching of tokens (for typos and word forms).
//  [SECTION] Terms
//  [SECTION] Similarity
//  [SECTION] Grouping
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cv {

// [SECTION] Terms
// The content words of a text in their order, folded, stemmed, each once:
// "Giving feedback to my team!" -> {giv, feedback, team}.
std::vector<std::string> terms(std::string_view text);
// A light stem of one folded word: "giving" -> "giv", "facilitation" -> "facilitat".
std::string stem(std::string_view word);
// True for terms many objectives share without sharing a theme ("team", "manag", ...).
bool is_generic(const std::string& term);
// Character-trigram similarity (Dice) of two words, 0..1.
double trigram_similarity(std::string_view a, std::string_view b);

// [SECTION] Similarity
// Term weights for one collection of texts (rarer terms weigh more).
struct Corpus {
  std::map<std::string, int> df;  // in how many texts each term appears
  int texts = 0;
  void add(const std::vector<std::string>& t);
  double weight(const std::string& term) const;
};
// How much two texts mean the same, 0..1: the weighted share of the shorter text's terms that the
// other has (exactly, one typo apart, or as a close word form), a little more when both start with
// the same word.
double similarity(const std::vector<std::string>& a, const std::vector<std::string>& b, const Corpus& corpus);

// [SECTION] Grouping
// Groups texts that mean the same (average linkage above `threshold`). `pinned[i]` non-empty puts
// text i in the group of every other text with the same pin, and out of every other group: the
// convener's own merges and splits; a pin starting "alone:" keeps its text in a group of its own. Returns groups of indices, each sorted, in order of first index.
std::vector<std::vector<int>> group_texts(const std::vector<std::string>& texts, const std::vector<std::string>& pinned,
                                          double threshold = 0.45);

}  // namespace cv
