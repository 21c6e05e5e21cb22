// similarity.cpp: see similarity.h.
//  [SECTION] Terms
//  [SECTION] Similarity
//  [SECTION] Grouping
#include "core/similarity.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/text.h"

namespace cv {

// [SECTION] Terms ----------------------------------------------------------------------------------

namespace {

// Words that say nothing about what someone wants to learn, in the languages members often write.
const std::set<std::string>& stop_words() {
  static const std::set<std::string> words = {
      // English, including what every learning objective says ("learn how to get better at...")
      "a", "an", "the", "to", "of", "for", "in", "on", "at", "with", "and", "or", "my", "our", "me", "i", "we",
      "us", "how", "what", "when", "why", "be", "is", "are", "am", "get", "getting", "more", "better", "improve",
      "improving", "learn", "learning", "about", "from", "by", "as", "into", "so", "it", "its", "that", "this",
      "them", "their", "they", "you", "your", "skill", "skills", "able", "can", "could", "way", "ways", "want",
      "wants", "need", "needs", "good", "do", "doing", "make", "making", "other", "others", "own", "some",
      "especially", "also", "really", "well", "without", "through", "new", "like", "would", "should", "around",
      "all", "each", "one", "people", "others", "s", "t", "etc", "e", "g", "ie", "eg", "become",
      // German, Spanish, French, Dutch: the commonest function words
      "der", "die", "das", "und", "zu", "mit", "fur", "ich", "wie", "ein", "eine", "mein", "meine", "el", "la",
      "los", "las", "de", "y", "para", "con", "mi", "como", "un", "una", "del", "en", "le", "les", "et", "pour",
      "avec", "mon", "ma", "comment", "des", "du", "het", "een", "en", "van", "mijn", "hoe", "met", "voor",
  };
  return words;
}

// Words that many objectives share without sharing their theme: they count, but little.
const std::set<std::string>& generic_terms() {
  static const std::set<std::string> words = {"team", "manag", "deal", "handl", "work", "develop", "us", "build",
                                              "memb", "group", "effectiv", "confidenc", "colleagu", "help",
                                              "understand", "start", "peopl", "staff", "role"};
  return words;
}

// One typo apart: a letter missing, added, or two letters swapped ("feeback", "conflcit"). A letter
// changed is not counted: "present" and "prevent" are different words.
bool one_typo_apart(std::string_view a, std::string_view b) {
  if (a.size() < 5 || b.size() < 5) return false;
  if (a.size() == b.size()) {
    size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
  }
  if (a.size() + 1 == b.size()) std::swap(a, b);
  if (b.size() + 1 != a.size()) return false;
  size_t i = 0;
  while (i < b.size() && a[i] == b[i]) ++i;
  return a.substr(i + 1) == b.substr(i);
}

}  // namespace

bool is_generic(const std::string& term) { return generic_terms().count(term) > 0; }

std::string stem(std::string_view w) {
  std::string s(w);
  auto ends = [&](const char* suffix) {
    const size_t n = std::char_traits<char>::length(suffix);
    return s.size() > n + 2 && s.compare(s.size() - n, n, suffix) == 0;
  };
  auto cut = [&](size_t n) { s.erase(s.size() - n); };
  if (ends("'s")) cut(2);
  if (ends("ations")) cut(4);       // facilitations -> facilitat
  else if (ends("ation")) cut(3);   // facilitation -> facilitat
  else if (ends("ution")) cut(3);   // resolution -> resolut
  else if (ends("ings")) cut(4);
  else if (ends("ing")) cut(3);     // giving -> giv
  else if (ends("ies")) { cut(3); s += 'y'; }
  else if (ends("ness")) cut(4);
  else if (ends("ment")) cut(4);
  else if (ends("ers")) cut(3);
  else if (ends("er") && s.size() > 5) cut(2);  // speaker -> speak
  else if (ends("ed")) cut(2);
  else if (ends("es") && !ends("ses")) cut(1);
  else if (ends("s") && !ends("ss")) cut(1);
  if (ends("ly")) cut(2);
  if (s.size() > 3 && s.back() == 'e') s.pop_back();  // give, facilitate
  if (s.size() > 4 && s[s.size() - 1] == s[s.size() - 2] && std::string("bdgmnprt").find(s.back()) != std::string::npos)
    s.pop_back();  // planning -> plann -> plan
  return s;
}

std::vector<std::string> terms(std::string_view text) {
  std::vector<std::string> out;
  const std::string folded = fold(text);
  std::string word;
  auto flush = [&] {
    if (!word.empty() && !stop_words().count(word)) {
      std::string s = stem(word);
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
    word.clear();
  };
  for (size_t i = 0; i < folded.size();) {
    const size_t at = i;
    const char32_t c = utf8_next(folded, i);
    const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0xC0;
    if (letter) word.append(folded, at, i - at);
    else if (c == '\'' && !word.empty()) continue;  // "team's" stays one word
    else flush();
  }
  flush();
  return out;
}

static std::vector<std::string> trigrams(std::string_view w) {
  std::vector<std::string> g;
  const std::string padded = " " + std::string(w) + " ";
  for (size_t i = 0; i + 3 <= padded.size(); ++i) g.push_back(padded.substr(i, 3));
  std::sort(g.begin(), g.end());
  return g;
}

double trigram_similarity(std::string_view a, std::string_view b) {
  if (a == b) return 1;
  const auto ga = trigrams(a), gb = trigrams(b);
  std::vector<std::string> both;
  std::set_intersection(ga.begin(), ga.end(), gb.begin(), gb.end(), std::back_inserter(both));
  return ga.empty() && gb.empty() ? 0 : 2.0 * both.size() / (ga.size() + gb.size());
}

// [SECTION] Similarity -------------------------------------------------------------------------------

void Corpus::add(const std::vector<std::string>& t) {
  ++texts;
  for (const auto& term : t) ++df[term];
}

double Corpus::weight(const std::string& term) const {
  auto it = df.find(term);
  const int n = it == df.end() ? 0 : it->second;
  return std::log(1.0 + (texts + 1.0) / (n + 1.0)) * (is_generic(term) ? 0.3 : 1.0);
}

double similarity(const std::vector<std::string>& a, const std::vector<std::string>& b, const Corpus& corpus) {
  if (a.empty() || b.empty()) return 0;
  const auto& small = a.size() <= b.size() ? a : b;
  const auto& large = a.size() <= b.size() ? b : a;
  double matched = 0, total = 0;
  for (const auto& t : small) {
    const double w = corpus.weight(t);
    total += w;
    double best = 0;
    for (const auto& u : large) {
      if (t == u || one_typo_apart(t, u)) { best = 1; break; }
      const double s = trigram_similarity(t, u);
      if (s >= 0.6) best = std::max(best, s);  // word forms the stemmer missed: "presentat" ~ "present"
    }
    matched += w * best;
  }
  // The share of the shorter text found in the longer, tempered by how much of the longer is left
  // unmatched ("feedback" is not quite "feedback on budgets and contracts").
  double large_total = 0;
  for (const auto& u : large) large_total += corpus.weight(u);
  const double coverage = total > 0 ? matched / total : 0;
  const double balance = large_total > 0 ? matched / large_total : 0;
  // What a text is about usually comes first: "facilitating workshops", "facilitation techniques".
  const bool same_head = a[0] == b[0] || one_typo_apart(a[0], b[0]) || trigram_similarity(a[0], b[0]) >= 0.6;
  return std::min(1.0, 0.75 * coverage + 0.25 * balance + (same_head ? 0.15 : 0.0));
}

// [SECTION] Grouping ---------------------------------------------------------------------------------

std::vector<std::vector<int>> group_texts(const std::vector<std::string>& texts, const std::vector<std::string>& pinned,
                                          double threshold) {
  const int n = static_cast<int>(texts.size());
  std::vector<std::vector<std::string>> t(n);
  Corpus corpus;
  for (int i = 0; i < n; ++i) {
    t[i] = terms(texts[i]);
    corpus.add(t[i]);
  }
  std::vector<std::vector<double>> sim(n, std::vector<double>(n, 0));
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j) {
      double s = similarity(t[i], t[j], corpus);
      if (t[i].empty() || t[j].empty()) s = trigram_similarity(fold(texts[i]), fold(texts[j]));  // only stop words
      sim[i][j] = sim[j][i] = s;
    }
  // Start from the convener's pins: every pin is one cluster, which automatic grouping leaves alone.
  std::vector<std::vector<int>> clusters;
  std::vector<bool> fixed, closed;  // closed: "alone:" pins, kept apart from everything
  std::map<std::string, int> by_pin;
  for (int i = 0; i < n; ++i) {
    const std::string pin = i < static_cast<int>(pinned.size()) ? pinned[i] : std::string();
    if (pin.empty()) {
      clusters.push_back({i});
      fixed.push_back(false);
      closed.push_back(false);
    } else if (auto it = by_pin.find(pin); it != by_pin.end()) {
      clusters[it->second].push_back(i);
    } else {
      by_pin[pin] = static_cast<int>(clusters.size());
      clusters.push_back({i});
      fixed.push_back(true);
      closed.push_back(pin.rfind("alone:", 0) == 0);
    }
  }
  auto linkage = [&](const std::vector<int>& x, const std::vector<int>& y) {
    double s = 0;
    for (int i : x)
      for (int j : y) s += sim[i][j];
    return s / (x.size() * y.size());
  };
  // Average linkage: join the most similar pair while it is similar enough. Two pinned clusters
  // never join; a free text may join a pinned one.
  for (;;) {
    double best = threshold;
    int bi = -1, bj = -1;
    for (size_t i = 0; i < clusters.size(); ++i)
      for (size_t j = i + 1; j < clusters.size(); ++j) {
        if ((fixed[i] && fixed[j]) || closed[i] || closed[j]) continue;
        if ((fixed[i] || fixed[j]) && std::min(clusters[i].size(), clusters[j].size()) > 1) continue;
        const double s = linkage(clusters[i], clusters[j]);
        if (s >= best) {
          best = s;
          bi = static_cast<int>(i);
          bj = static_cast<int>(j);
        }
      }
    if (bi < 0) break;
    clusters[bi].insert(clusters[bi].end(), clusters[bj].begin(), clusters[bj].end());
    fixed[bi] = fixed[bi] || fixed[bj];
    clusters.erase(clusters.begin() + bj);
    fixed.erase(fixed.begin() + bj);
    closed.erase(closed.begin() + bj);
  }
  for (auto& c : clusters) std::sort(c.begin(), c.end());
  std::sort(clusters.begin(), clusters.end());
  return clusters;
}

}  // namespace cv
