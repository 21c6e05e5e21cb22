// similarity.h: when two people mean the same thing in different words. "give better feedback",
// "Giving feedback to my team" and "feedback skills" are one learning objective. Normalises case,
// accents and punctuation, drops stop words, stems lightly, and compares by weighted term overlap,
// counting as the same word a typo, a close word form ("presentat" ~ "present"), a synonym
// ("online" ~ "remote") and the parts of a compound ("storytelling" ~ "telling stories").
// Grouping never compares every pair: texts written the same way are compared once, and only texts
// that share a word (or a word's typo, form or synonym) are compared at all.
//  [SECTION] Terms
//  [SECTION] Similarity
//  [SECTION] Grouping
#pragma once
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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
// How much two terms are the same word: 1 for the same or one typo apart ("conflcit"), 0.9 for
// synonyms ("onlin", "remot"), the trigram similarity when it is at least 0.6, else 0.
double term_relation(const std::string& a, const std::string& b);

// Words of a collection, indexed to answer "does it hold a word related to this one?" (as
// term_relation > 0) without trying each: the word itself, its one-letter deletions, its synonym
// class, and its trigrams.
struct TermIndex {
  std::unordered_set<std::string> words;
  std::unordered_map<std::string, std::vector<int>> typo_keys, trigram_postings;
  std::vector<const std::string*> list;
  std::unordered_set<int> classes;
  mutable std::unordered_map<std::string, bool> memo;
};
TermIndex term_index(const std::vector<std::vector<std::string>>& texts_terms);
bool has_related(const TermIndex& index, const std::string& term);

// [SECTION] Similarity
// Term weights for one collection of texts (rarer terms weigh more).
struct Corpus {
  std::map<std::string, int> df;  // in how many texts each term appears
  int texts = 0;
  void add(const std::vector<std::string>& t);
  double weight(const std::string& term) const;
};
// How much two texts mean the same, 0..1: the weighted share of the shorter text's terms that the
// other has (the same word, or related by term_relation), tempered by what the longer text has
// besides, a little more when both start with the same word.
double similarity(const std::vector<std::string>& a, const std::vector<std::string>& b, const Corpus& corpus);

// [SECTION] Grouping
// Texts that mean the same, grouped by average linkage above `threshold`. `pins[i]` non-empty puts
// text i in the group of every other text with the same pin, and out of every other group: the
// convener's own merges and splits; a pin starting "alone:" keeps its text in a group of its own.
struct Grouping {
  std::vector<std::vector<int>> groups;  // indices, each sorted, groups in order of first index
  std::vector<double> centrality;        // per text: how much like the rest of its group it is
  size_t texts = 0, distinct = 0;        // texts, and distinct ways of writing them
  size_t comparisons = 0;                // pairs of distinct texts compared
};
// Grouping as a job done in slices, so a community of thousands never freezes the page.
struct GroupingWork;
struct GroupingJob {
  std::shared_ptr<GroupingWork> work;
  bool done() const;
  float progress() const;  // 0..1
};
GroupingJob grouping_start(std::vector<std::string> texts, std::vector<std::string> pins, double threshold = 0.4);
// Does about `budget` units of work (a unit is about one comparison); true when the job is done.
bool grouping_step(GroupingJob& job, size_t budget);
const Grouping& grouping_result(const GroupingJob& job);  // complete once done()
// The whole job at once.
Grouping group_all(std::vector<std::string> texts, std::vector<std::string> pins, double threshold = 0.4);
std::vector<std::vector<int>> group_texts(const std::vector<std::string>& texts, const std::vector<std::string>& pinned,
                                          double threshold = 0.4);

}  // namespace cv
