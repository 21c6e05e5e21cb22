// similarity.cpp: see similarity.h.
//  [SECTION] Terms
//  [SECTION] Similarity
//  [SECTION] Grouping
#include "core/similarity.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>
#include <set>
#include <unordered_map>

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

namespace {

std::vector<std::string> trigrams(std::string_view w) {
  std::vector<std::string> g;
  const std::string padded = " " + std::string(w) + " ";
  for (size_t i = 0; i + 3 <= padded.size(); ++i) g.push_back(padded.substr(i, 3));
  std::sort(g.begin(), g.end());
  return g;
}

// Words people use for the same thing in learning objectives, by their stems. Kept short on purpose:
// a synonym that is not one ("coach" ~ "mentor") would join themes a convener keeps apart.
const std::unordered_map<std::string, int>& synonym_class() {
  static const std::unordered_map<std::string, int> classes = [] {
    const std::vector<std::vector<const char*>> groups = {
        {"online", "remote", "virtual", "distance", "distributed", "hybrid"},
        {"workshop", "session", "meeting", "webinar"},
        {"persuade", "convince", "influence", "persuasive"},
        {"story", "stories", "narrative"},
        {"conflict", "disagreement", "dispute", "konflikt", "conflicto", "conflit"},
        {"hire", "hiring", "recruit", "recruiting", "recruitment"},
        {"feedback", "retroalimentacion", "ruckmeldung"},
        {"leadership", "leading", "fuhrung", "liderazgo"},
        {"negotiate", "negotiation", "negotiating", "bargaining", "verhandlung", "negociacion", "negociar"},
        {"delegate", "delegation", "delegating", "delegieren", "delegar", "deleguer"},
        {"time", "zeit", "tiempo", "temps"},
        {"speak", "speaking", "speaker", "talk", "talks"},
        {"write", "writing", "written"},
        {"mentor", "mentoring", "mentorship", "mentorat"},
        {"onboard", "onboarding", "induction", "einarbeitung"},
    };
    std::unordered_map<std::string, int> m;
    for (size_t g = 0; g < groups.size(); ++g)
      for (const char* w : groups[g]) m.emplace(stem(fold(w)), static_cast<int>(g));
    return m;
  }();
  return classes;
}

bool synonyms(const std::string& a, const std::string& b) {
  const auto& cls = synonym_class();
  auto x = cls.find(a), y = cls.find(b);
  return x != cls.end() && y != cls.end() && x->second == y->second;
}

}  // namespace

double trigram_similarity(std::string_view a, std::string_view b) {
  if (a == b) return 1;
  const auto ga = trigrams(a), gb = trigrams(b);
  std::vector<std::string> both;
  std::set_intersection(ga.begin(), ga.end(), gb.begin(), gb.end(), std::back_inserter(both));
  return ga.empty() && gb.empty() ? 0 : 2.0 * both.size() / (ga.size() + gb.size());
}

double term_relation(const std::string& a, const std::string& b) {
  if (a == b || one_typo_apart(a, b)) return 1;
  if (synonyms(a, b)) return 0.9;
  const double s = trigram_similarity(a, b);
  return s >= 0.6 ? s : 0;  // word forms the stemmer missed: "presentat" ~ "present"
}

TermIndex term_index(const std::vector<std::vector<std::string>>& texts_terms) {
  TermIndex x;
  for (const auto& t : texts_terms)
    for (const std::string& w : t) {
      auto [it, fresh] = x.words.insert(w);
      if (!fresh) continue;
      const int k = static_cast<int>(x.list.size());
      x.list.push_back(&*it);
      if (w.size() >= 5)
        for (size_t d = 0; d < w.size(); ++d) x.typo_keys[w.substr(0, d) + w.substr(d + 1)].push_back(k);
      for (const std::string& g : trigrams(w)) {
        auto& p = x.trigram_postings[g];
        if (p.empty() || p.back() != k) p.push_back(k);
      }
      if (auto c = synonym_class().find(w); c != synonym_class().end()) x.classes.insert(c->second);
    }
  return x;
}

bool has_related(const TermIndex& x, const std::string& t) {
  if (x.words.count(t)) return true;
  if (auto m = x.memo.find(t); m != x.memo.end()) return m->second;
  bool found = false;
  if (auto c = synonym_class().find(t); c != synonym_class().end()) found = x.classes.count(c->second) > 0;
  // One typo apart: a deletion of one equals the other, or both with one letter deleted.
  if (!found && t.size() >= 4) {
    std::vector<std::string> keys{t};
    for (size_t d = 0; d < t.size(); ++d) keys.push_back(t.substr(0, d) + t.substr(d + 1));
    for (size_t k = 0; k < keys.size() && !found; ++k) {
      if (k > 0 && x.words.count(keys[k])) found = one_typo_apart(t, keys[k]);
      if (auto it = x.typo_keys.find(keys[k]); it != x.typo_keys.end())
        for (int u : it->second)
          if (one_typo_apart(t, *x.list[u])) { found = true; break; }
    }
  }
  // Trigram similarity of at least 0.6: candidates share a trigram; count shared trigrams per candidate.
  if (!found) {
    const auto grams = trigrams(t);
    std::unordered_map<int, int> shared;
    for (const std::string& g : grams)
      if (auto it = x.trigram_postings.find(g); it != x.trigram_postings.end())
        for (int u : it->second) ++shared[u];
    for (const auto& [u, n] : shared) {
      // Dice >= 0.6 needs 2n >= 0.6 (|t| + |u|) >= 0.6 (|t| + n): most candidates end here.
      if (n < 0.6 * static_cast<double>(grams.size()) / 1.4) continue;
      if (term_relation(t, *x.list[u]) > 0) { found = true; break; }
    }
  }
  x.memo.emplace(t, found);
  return found;
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

namespace {

// The measure itself, over any term representation: `weight(t)` and `relation(t, u)` (1 for the same
// term). Shared by the string form below and the grouping's interned terms.
template <class T, class Weight, class Relation>
double similarity_of(const std::vector<T>& a, const std::vector<T>& b, Weight weight, Relation relation) {
  if (a.empty() || b.empty()) return 0;
  const auto& small = a.size() <= b.size() ? a : b;
  const auto& large = a.size() <= b.size() ? b : a;
  double matched = 0, total = 0;
  for (const auto& t : small) {
    const double w = weight(t);
    total += w;
    double best = 0;
    for (const auto& u : large) {
      best = std::max(best, relation(t, u));
      if (best >= 1) break;
    }
    matched += w * best;
  }
  // The share of the shorter text found in the longer, tempered by how much of the longer is left
  // unmatched ("feedback" is not quite "feedback on budgets and contracts").
  double large_total = 0;
  for (const auto& u : large) large_total += weight(u);
  const double coverage = total > 0 ? matched / total : 0;
  const double balance = large_total > 0 ? matched / large_total : 0;
  // What a text is about usually comes first: "facilitating workshops", "facilitation techniques".
  const bool same_head = relation(a[0], b[0]) > 0;
  return std::min(1.0, 0.75 * coverage + 0.25 * balance + (same_head ? 0.15 : 0.0));
}

}  // namespace

double similarity(const std::vector<std::string>& a, const std::vector<std::string>& b, const Corpus& corpus) {
  return similarity_of(a, b, [&](const std::string& t) { return corpus.weight(t); }, term_relation);
}

// [SECTION] Grouping ---------------------------------------------------------------------------------
// In five phases, each resumable: terms of every text; how the words relate (typos, word forms,
// synonyms, compounds), found through indexes rather than by trying every pair of words; distinct
// texts ("nodes"); comparisons of nodes that share a word, or a related word, through an inverted
// index (a word most texts share is compared along a window of similar texts, so no phase grows with
// the square of the texts); average linkage over those comparisons, with a heap.

namespace {

constexpr size_t kHub = 96;    // a word in more distinct texts than this is compared along a window
constexpr size_t kWindow = 24;  // texts on each side of a text in a long posting list
constexpr double kTrigramMin = 0.6;

enum Phase { kTerms, kRelate, kNodes, kCompare, kCluster, kDone };

struct Node {
  std::vector<int> terms;  // interned terms, in the text's order
  std::vector<int> texts;  // the texts written this way (with this pin)
  std::string pin, folded;  // folded: the whole text, for texts of stop words only
  double total_weight = 0;
};

struct Cluster {
  std::vector<int> nodes;
  double size = 0;  // texts
  int first = 0;    // smallest text index
  bool fixed = false, closed = false, alive = true;
  std::unordered_map<int, double> links;  // other cluster -> sum of similarities between their texts
};

struct Candidate {
  double link;
  int a, b;
  int lo, hi;  // the clusters' first texts, for an order that does not depend on the heap
};
struct CandidateOrder {
  bool operator()(const Candidate& x, const Candidate& y) const {
    if (x.link != y.link) return x.link < y.link;
    if (x.lo != y.lo) return x.lo > y.lo;
    return x.hi > y.hi;
  }
};

}  // namespace

struct GroupingWork {
  std::vector<std::string> texts, pins;
  double threshold = 0.4;
  Phase phase = kTerms;
  size_t at = 0;  // where the phase is
  // Terms
  std::unordered_map<std::string, int> vocab;
  std::vector<std::string> words;
  std::vector<std::vector<int>> text_terms;
  std::vector<std::vector<std::pair<int, float>>> related;  // per term, sorted by term
  std::vector<std::vector<int>> split;                      // per term: its parts when a compound
  std::unordered_map<std::string, std::vector<int>> typo_keys;
  std::unordered_map<int, std::vector<int>> trigram_prefix;
  std::vector<std::vector<int>> trigram_tokens;             // per term, rarest first
  std::vector<double> weight;
  // Nodes and their comparisons
  std::vector<Node> nodes;
  std::vector<std::vector<int>> postings;                   // term -> nodes, in node order
  std::vector<int> empty_nodes;
  std::vector<std::vector<std::pair<int, float>>> edges;
  std::vector<size_t> mark;
  size_t stamp = 0;
  // Clusters
  std::vector<Cluster> clusters;
  std::vector<int> cluster_of;  // per node
  std::priority_queue<Candidate, std::vector<Candidate>, CandidateOrder> heap;
  Grouping result;

  int intern(const std::string& w) {
    auto [it, fresh] = vocab.emplace(w, static_cast<int>(words.size()));
    if (fresh) words.push_back(w);
    return it->second;
  }
  float relation(int t, int u) const {
    if (t == u) return 1;
    const auto& r = related[t];
    auto it = std::lower_bound(r.begin(), r.end(), std::make_pair(u, -1.0f));
    return it != r.end() && it->first == u ? it->second : 0.0f;
  }
  double node_similarity(int i, int j) const {
    const Node &a = nodes[i], &b = nodes[j];
    return similarity_of(a.terms, b.terms, [&](int t) { return weight[t]; },
                         [&](int t, int u) { return static_cast<double>(relation(t, u)); });
  }
  void relate(int t, int u, float s) {
    auto add = [&](int x, int y) {
      auto& r = related[x];
      auto it = std::lower_bound(r.begin(), r.end(), std::make_pair(y, -1.0f));
      if (it != r.end() && it->first == y) it->second = std::max(it->second, s);
      else r.insert(it, {y, s});
    };
    add(t, u);
    add(u, t);
  }
  void link(int a, int b) {
    const Cluster &x = clusters[a], &y = clusters[b];
    auto it = x.links.find(b);
    if (it == x.links.end()) return;
    const double l = it->second / (x.size * y.size);
    if (l >= threshold) heap.push({l, a, b, std::min(x.first, y.first), std::max(x.first, y.first)});
  }
};

bool GroupingJob::done() const { return !work || work->phase == kDone; }

float GroupingJob::progress() const {
  if (!work) return 1;
  const GroupingWork& w = *work;
  auto part = [](size_t at, size_t of) { return of ? std::min(1.0f, static_cast<float>(at) / of) : 1.0f; };
  switch (w.phase) {
    case kTerms: return 0.15f * part(w.at, w.texts.size());
    case kRelate: return 0.15f + 0.15f * part(w.at, w.words.size());
    case kNodes: return 0.3f;
    case kCompare: return 0.35f + 0.5f * part(w.at, w.nodes.size());
    case kCluster: return 0.85f + 0.15f * part(w.at, w.nodes.size());
    case kDone: return 1;
  }
  return 1;
}

GroupingJob grouping_start(std::vector<std::string> texts, std::vector<std::string> pins, double threshold) {
  GroupingJob j;
  j.work = std::make_shared<GroupingWork>();
  j.work->texts = std::move(texts);
  j.work->pins = std::move(pins);
  j.work->pins.resize(j.work->texts.size());
  j.work->threshold = threshold;
  j.work->result.texts = j.work->texts.size();
  return j;
}

const Grouping& grouping_result(const GroupingJob& job) {
  static const Grouping none;
  return job.work ? job.work->result : none;
}

namespace {

// The indexes that find related words without trying every pair: a word and its one-letter
// deletions (typos), and the rarest trigrams of each word (prefix filtering: two words with a trigram
// similarity of at least kTrigramMin must share one of them). Compounds split where both parts are
// words of the collection ("storytell" -> "story" + "tell").
void index_words(GroupingWork& w) {
  const size_t n = w.words.size();
  w.related.assign(n, {});
  w.split.assign(n, {});
  std::unordered_map<std::string, int> token_id;
  std::vector<int> token_count;
  w.trigram_tokens.assign(n, {});
  for (size_t t = 0; t < n; ++t) {
    const std::string& s = w.words[t];
    // Trigrams, each occurrence its own token (so repeated trigrams count as Dice counts them).
    std::map<std::string, int> seen;
    for (const std::string& g : trigrams(s)) {
      const std::string key = g + static_cast<char>('0' + std::min(seen[g]++, 9));
      auto [it, fresh] = token_id.emplace(key, static_cast<int>(token_count.size()));
      if (fresh) token_count.push_back(0);
      ++token_count[it->second];
      w.trigram_tokens[t].push_back(it->second);
    }
    if (s.size() >= 5) {
      w.typo_keys[s].push_back(static_cast<int>(t));
      for (size_t k = 0; k < s.size(); ++k) w.typo_keys[s.substr(0, k) + s.substr(k + 1)].push_back(static_cast<int>(t));
    }
    // A compound of two words of the collection, each at least four letters.
    if (s.size() >= 8) {
      size_t best = 0;
      for (size_t k = 4; k + 4 <= s.size(); ++k) {
        if ((static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) continue;
        if (w.vocab.count(s.substr(0, k)) && w.vocab.count(s.substr(k)) &&
            std::min(k, s.size() - k) > std::min(best, s.size() - best))
          best = k;
      }
      if (best) w.split[t] = {w.vocab.at(s.substr(0, best)), w.vocab.at(s.substr(best))};
    }
  }
  for (size_t t = 0; t < n; ++t) {
    auto& tok = w.trigram_tokens[t];
    std::sort(tok.begin(), tok.end(), [&](int a, int b) {
      return token_count[a] != token_count[b] ? token_count[a] < token_count[b] : a < b;
    });
    const size_t o_min = static_cast<size_t>(std::ceil(kTrigramMin / (2 - kTrigramMin) * tok.size() - 1e-9));
    const size_t prefix = tok.size() - std::min(tok.size(), o_min) + 1;
    tok.resize(std::min(prefix, tok.size()));
    for (int k : tok) w.trigram_prefix[k].push_back(static_cast<int>(t));
  }
  // Synonyms present in the collection: every pair within a class (classes are small).
  std::map<int, std::vector<int>> by_class;
  for (size_t t = 0; t < n; ++t)
    if (auto it = synonym_class().find(w.words[t]); it != synonym_class().end()) by_class[it->second].push_back(static_cast<int>(t));
  for (const auto& [cls, members] : by_class)
    for (size_t a = 0; a < members.size(); ++a)
      for (size_t b = a + 1; b < members.size(); ++b) w.relate(members[a], members[b], 0.9f);
}

// Related words of word t among the words after it; about as many units of work as candidates.
size_t relate_word(GroupingWork& w, int t, std::vector<size_t>& seen, size_t stamp) {
  size_t units = 1;
  const std::string& s = w.words[t];
  auto consider = [&](int u) {
    if (u <= t || seen[u] == stamp) return;
    seen[u] = stamp;
    ++units;
    if (one_typo_apart(s, w.words[u])) return w.relate(t, u, 1.0f);
    const double g = trigram_similarity(s, w.words[u]);
    if (g >= kTrigramMin) w.relate(t, u, static_cast<float>(g));
  };
  if (s.size() >= 5) {
    auto probe = [&](const std::string& key) {
      if (auto it = w.typo_keys.find(key); it != w.typo_keys.end())
        for (int u : it->second) consider(u);
    };
    probe(s);
    for (size_t k = 0; k < s.size(); ++k) probe(s.substr(0, k) + s.substr(k + 1));
  }
  for (int k : w.trigram_tokens[t])
    if (auto it = w.trigram_prefix.find(k); it != w.trigram_prefix.end())
      for (int u : it->second) consider(u);
  return units;
}

// Distinct texts (same terms in the same order, same pin), ordered so that texts alike sit together:
// by their terms, rarest first. Weights of terms from how many texts hold them.
void make_nodes(GroupingWork& w) {
  // Compounds become their parts.
  for (auto& t : w.text_terms) {
    std::vector<int> out;
    for (int x : t) {
      const auto& parts = w.split[x].empty() ? std::vector<int>{x} : w.split[x];
      for (int p : parts)
        if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
    t = std::move(out);
  }
  std::vector<int> df(w.words.size(), 0);
  for (const auto& t : w.text_terms)
    for (int x : t) ++df[x];
  w.weight.assign(w.words.size(), 0);
  const double n = static_cast<double>(w.texts.size());
  for (size_t x = 0; x < w.words.size(); ++x)
    w.weight[x] = std::log(1.0 + (n + 1.0) / (df[x] + 1.0)) * (is_generic(w.words[x]) ? 0.3 : 1.0);

  std::unordered_map<std::string, int> by_key;
  for (size_t i = 0; i < w.texts.size(); ++i) {
    const auto& t = w.text_terms[i];
    std::string key = w.pins[i] + '\x1f';
    if (t.empty()) key += '\x1e' + fold(w.texts[i]);
    else
      for (int x : t) key += std::to_string(x) + ',';
    auto [it, fresh] = by_key.emplace(key, static_cast<int>(w.nodes.size()));
    if (fresh) {
      Node node;
      node.terms = t;
      node.pin = w.pins[i];
      if (t.empty()) node.folded = fold(w.texts[i]);
      for (int x : t) node.total_weight += w.weight[x];
      w.nodes.push_back(std::move(node));
    }
    w.nodes[it->second].texts.push_back(static_cast<int>(i));
  }
  auto signature = [&](const Node& node) {
    std::vector<int> s = node.terms;
    std::sort(s.begin(), s.end(), [&](int a, int b) { return df[a] != df[b] ? df[a] < df[b] : a < b; });
    return s;
  };
  std::vector<std::vector<int>> sig(w.nodes.size());
  for (size_t i = 0; i < w.nodes.size(); ++i) sig[i] = signature(w.nodes[i]);
  std::vector<int> order(w.nodes.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return sig[a] != sig[b] ? sig[a] < sig[b] : w.nodes[a].texts[0] < w.nodes[b].texts[0];
  });
  std::vector<Node> sorted;
  sorted.reserve(order.size());
  for (int k : order) sorted.push_back(std::move(w.nodes[k]));
  w.nodes = std::move(sorted);
  w.postings.assign(w.words.size(), {});
  for (size_t i = 0; i < w.nodes.size(); ++i) {
    for (int x : w.nodes[i].terms) w.postings[x].push_back(static_cast<int>(i));
    if (w.nodes[i].terms.empty()) w.empty_nodes.push_back(static_cast<int>(i));
  }
  w.edges.assign(w.nodes.size(), {});
  w.mark.assign(w.nodes.size(), 0);
  w.result.distinct = w.nodes.size();
}

// Node i against the nodes after it that share a word or a related word.
size_t compare_node(GroupingWork& w, int i) {
  size_t units = 1;
  ++w.stamp;
  auto compare = [&](int j, double s) {
    ++w.result.comparisons;
    ++units;
    if (s <= 0) return;
    w.edges[i].push_back({j, static_cast<float>(s)});
    w.edges[j].push_back({i, static_cast<float>(s)});
  };
  auto range = [&](const std::vector<int>& list, auto&& each) {
    size_t from = 0, to = list.size();
    if (list.size() > kHub) {
      const size_t pos = std::lower_bound(list.begin(), list.end(), i) - list.begin();
      from = pos > kWindow ? pos - kWindow : 0;
      to = std::min(list.size(), pos + kWindow + 1);
    }
    for (size_t k = from; k < to; ++k) {
      const int j = list[k];
      if (j <= i || w.mark[j] == w.stamp) continue;
      w.mark[j] = w.stamp;
      each(j);
    }
  };
  const Node& node = w.nodes[i];
  if (node.terms.empty()) {
    // Only stop words ("how to get better"): compared as whole texts with the others like it.
    range(w.empty_nodes, [&](int j) { compare(j, trigram_similarity(node.folded, w.nodes[j].folded)); });
    return units;
  }
  for (int t : node.terms) {
    range(w.postings[t], [&](int j) { compare(j, w.node_similarity(i, j)); });
    for (const auto& [u, s] : w.related[t]) range(w.postings[u], [&](int j) { compare(j, w.node_similarity(i, j)); });
  }
  return units;
}

// Clusters from the convener's pins (each pin one cluster) and one per other node; their links from
// the comparisons; the heap of pairs similar enough to join.
void start_clusters(GroupingWork& w) {
  std::map<std::string, int> by_pin;
  w.cluster_of.assign(w.nodes.size(), -1);
  for (size_t i = 0; i < w.nodes.size(); ++i) {
    const Node& node = w.nodes[i];
    int c = -1;
    if (!node.pin.empty()) {
      if (auto it = by_pin.find(node.pin); it != by_pin.end()) c = it->second;
      else by_pin[node.pin] = c = -2;
    }
    if (c < 0) {
      Cluster cl;
      cl.first = node.texts[0];
      cl.fixed = !node.pin.empty();
      cl.closed = node.pin.rfind("alone:", 0) == 0;
      const int id = static_cast<int>(w.clusters.size());
      if (c == -2) by_pin[node.pin] = id;
      w.clusters.push_back(std::move(cl));
      c = id;
    }
    Cluster& cl = w.clusters[c];
    cl.nodes.push_back(static_cast<int>(i));
    cl.size += static_cast<double>(node.texts.size());
    cl.first = std::min(cl.first, node.texts[0]);
    w.cluster_of[i] = c;
  }
  for (size_t i = 0; i < w.nodes.size(); ++i)
    for (const auto& [j, s] : w.edges[i]) {
      const int a = w.cluster_of[i], b = w.cluster_of[j];
      if (a == b || static_cast<int>(i) > j) continue;
      const double add = s * static_cast<double>(w.nodes[i].texts.size() * w.nodes[j].texts.size());
      w.clusters[a].links[b] += add;
      w.clusters[b].links[a] += add;
    }
  for (size_t a = 0; a < w.clusters.size(); ++a)
    for (const auto& [b, s] : w.clusters[a].links)
      if (static_cast<int>(a) < b) w.link(static_cast<int>(a), b);
}

// The most similar pair joins, while one is similar enough. Two pinned clusters never join; a free
// text may join a pinned one. Returns the units of work.
size_t join_next(GroupingWork& w) {
  while (!w.heap.empty()) {
    const Candidate c = w.heap.top();
    w.heap.pop();
    Cluster &x = w.clusters[c.a], &y = w.clusters[c.b];
    if (!x.alive || !y.alive) continue;
    auto it = x.links.find(c.b);
    if (it == x.links.end() || it->second / (x.size * y.size) != c.link) continue;  // changed since
    if ((x.fixed && y.fixed) || x.closed || y.closed) continue;
    if ((x.fixed || y.fixed) && std::min(x.size, y.size) > 1) continue;
    // The one with more links keeps its table; the other's links move over.
    const int keep = x.links.size() >= y.links.size() ? c.a : c.b, gone = keep == c.a ? c.b : c.a;
    Cluster &k = w.clusters[keep], &g = w.clusters[gone];
    k.nodes.insert(k.nodes.end(), g.nodes.begin(), g.nodes.end());
    k.size += g.size;
    k.first = std::min(k.first, g.first);
    k.fixed = k.fixed || g.fixed;
    k.links.erase(gone);
    for (const auto& [z, s] : g.links) {
      if (z == keep) continue;
      k.links[z] += s;
      auto& zl = w.clusters[z].links;
      zl.erase(gone);
      zl[keep] = k.links[z];
    }
    g.links.clear();
    g.alive = false;
    for (int n : g.nodes) w.cluster_of[n] = keep;
    g.nodes.clear();
    for (const auto& [z, s] : k.links) w.link(keep, z);
    return 1 + k.links.size();
  }
  return 0;
}

void finish(GroupingWork& w) {
  Grouping& r = w.result;
  r.centrality.assign(w.texts.size(), 0);
  for (const Cluster& cl : w.clusters) {
    if (!cl.alive) continue;
    std::vector<int> g;
    for (int n : cl.nodes) g.insert(g.end(), w.nodes[n].texts.begin(), w.nodes[n].texts.end());
    std::sort(g.begin(), g.end());
    r.groups.push_back(std::move(g));
  }
  std::sort(r.groups.begin(), r.groups.end());
  // Centrality: the similarities of a text to the others of its group that it was compared with
  // (texts written the same way count 1 each).
  for (size_t i = 0; i < w.nodes.size(); ++i) {
    const Node& node = w.nodes[i];
    double s = static_cast<double>(node.texts.size()) - 1;
    for (const auto& [j, sim] : w.edges[i])
      if (w.cluster_of[j] == w.cluster_of[i]) s += sim * static_cast<double>(w.nodes[j].texts.size());
    for (int t : node.texts) r.centrality[t] = s;
  }
  w.phase = kDone;
  // What only the job needed.
  w.edges = {};
  w.postings = {};
  w.related = {};
  w.typo_keys = {};
  w.trigram_prefix = {};
  w.clusters = {};
}

}  // namespace

bool grouping_step(GroupingJob& job, size_t budget) {
  if (!job.work) return true;
  GroupingWork& w = *job.work;
  size_t used = 0;
  while (w.phase != kDone && used < budget) {
    switch (w.phase) {
      case kTerms:
        if (w.at == 0) w.text_terms.assign(w.texts.size(), {});
        for (; w.at < w.texts.size() && used < budget; ++w.at, used += 4)
          for (const std::string& t : terms(w.texts[w.at])) w.text_terms[w.at].push_back(w.intern(t));
        if (w.at == w.texts.size()) {
          w.phase = kRelate;
          w.at = 0;
          index_words(w);
          used += w.words.size() * 4;
          w.mark.assign(w.words.size(), 0);
        }
        break;
      case kRelate:
        for (; w.at < w.words.size() && used < budget; ++w.at)
          used += relate_word(w, static_cast<int>(w.at), w.mark, ++w.stamp);
        if (w.at == w.words.size()) {
          w.phase = kNodes;
          w.at = 0;
        }
        break;
      case kNodes:
        make_nodes(w);
        used += w.texts.size();
        w.phase = kCompare;
        break;
      case kCompare:
        for (; w.at < w.nodes.size() && used < budget; ++w.at) used += compare_node(w, static_cast<int>(w.at));
        if (w.at == w.nodes.size()) {
          start_clusters(w);
          used += w.nodes.size();
          w.phase = kCluster;
          w.at = 0;
        }
        break;
      case kCluster:
        while (used < budget) {
          const size_t u = join_next(w);
          if (u == 0) {
            finish(w);
            break;
          }
          used += u;
          ++w.at;
        }
        break;
      case kDone: break;
    }
  }
  if (w.phase == kDone && !w.texts.empty()) {
    // Only the result is kept: a community of thousands holds no index between regroupings.
    Grouping result = std::move(w.result);
    const double threshold = w.threshold;
    w = GroupingWork{};
    w.result = std::move(result);
    w.threshold = threshold;
    w.phase = kDone;
  }
  return w.phase == kDone;
}

Grouping group_all(std::vector<std::string> texts, std::vector<std::string> pins, double threshold) {
  GroupingJob job = grouping_start(std::move(texts), std::move(pins), threshold);
  while (!grouping_step(job, static_cast<size_t>(-1) / 2)) {}
  return job.work->result;
}

std::vector<std::vector<int>> group_texts(const std::vector<std::string>& texts, const std::vector<std::string>& pinned,
                                          double threshold) {
  return group_all(texts, pinned, threshold).groups;
}

}  // namespace cv
