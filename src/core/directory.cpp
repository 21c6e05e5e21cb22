// directory.cpp: see directory.h.
#include "core/directory.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/agenda.h"
#include "core/cases.h"
#include "core/document.h"
#include "core/fields.h"
#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/network.h"
#include "core/similarity.h"
#include "core/text.h"

namespace cv {

// [SECTION] Profiles ---------------------------------------------------------------------------------

std::vector<Profile> directory(const Community& c) {
  std::vector<Profile> out;
  std::map<std::string, size_t> at;
  for (const auto& [id, r] : live_by_name(c, kMember)) {
    at[id] = out.size();
    out.push_back({id, get(*r, f::member_name), get(*r, f::member_pronouns), get(*r, f::member_organisation),
                   get(*r, f::member_place), get(*r, f::member_time_zone), get(*r, f::member_ask_me_about),
                   get(*r, f::member_contact), get(*r, f::member_availability), get(*r, f::member_matrix_id), {}, {}, {}, {}});
  }
  // What each brought, in one pass per type.
  auto gather = [&](const char* type, TextField member, TextField text, std::vector<std::string> Profile::*into) {
    for (const auto& [id, r] : live_of(c, type)) {
      auto it = at.find(get(*r, member));
      if (it != at.end() && !trim(get(*r, text)).empty()) (out[it->second].*into).push_back(get(*r, text));
    }
  };
  gather(kObjective, f::objective_member, f::objective_text, &Profile::objectives);
  gather(kProblem, f::problem_member, f::problem_text, &Profile::problems);
  gather(kSkill, f::skill_member, f::skill_text, &Profile::skills);
  for (Profile& p : out) {
    std::string all = p.name + '\n' + p.pronouns + '\n' + p.organisation + '\n' + p.place + '\n' + p.time_zone + '\n' +
                      p.ask_me_about + '\n' + p.contact + '\n' + p.availability + '\n' + p.matrix_id;
    for (const auto* list : {&p.objectives, &p.problems, &p.skills})
      for (const std::string& t : *list) all += '\n' + t;
    p.haystack = fold(all);
  }
  return out;
}

bool profile_matches(const Profile& p, const std::string& query, const std::string& organisation,
                     const std::string& time_zone) {
  if (!organisation.empty() && p.organisation != organisation) return false;
  if (!time_zone.empty() && p.time_zone != time_zone) return false;
  const std::string q = fold(query);
  size_t i = 0;
  while (i < q.size()) {  // every word, anywhere
    while (i < q.size() && (q[i] == ' ' || q[i] == ',')) ++i;
    size_t j = i;
    while (j < q.size() && q[j] != ' ' && q[j] != ',') ++j;
    if (j > i && p.haystack.find(q.substr(i, j - i)) == std::string::npos) return false;
    i = j;
  }
  return true;
}

std::vector<std::string> distinct_values(const std::vector<Profile>& all, std::string Profile::*field) {
  std::set<std::string> seen;
  for (const Profile& p : all)
    if (!trim(p.*field).empty()) seen.insert(p.*field);
  std::vector<std::string> out(seen.begin(), seen.end());
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return collate_less(a, b); });
  return out;
}

bool is_matrix_id(const std::string& s) {
  if (s.size() < 4 || s.size() > 255 || s[0] != '@') return false;
  const size_t colon = s.find(':');
  if (colon == std::string::npos || colon == 1 || colon + 1 == s.size()) return false;
  return std::none_of(s.begin(), s.end(), [](char ch) { return ch == ' ' || static_cast<unsigned char>(ch) < 0x21; });
}

// [SECTION] Who can help -----------------------------------------------------------------------------

namespace {

// One thing a member did or said that may answer a question, and how much it counts.
struct Source {
  std::string member, text, reason;
  double weight;
  bool offer = false;  // a skill or "ask me about": what the member offers (introductions start from these)
};

std::string quoted(const std::string& s) { return "\u201c" + s + "\u201d"; }

bool live_member(const Community& c, const std::string& m) {
  const Record* r = m.empty() ? nullptr : find_live(c, m);
  return r && r->type == kMember;
}

// What a member offers: a skill of theirs, each topic of their "ask me about".
void offer_of_skill(const Community& c, const Record& r, std::vector<Source>& out) {
  const std::string m = get(r, f::skill_member), offer = get(r, f::skill_offer), t = get(r, f::skill_text);
  if (r.deleted() || !live_member(c, m)) return;
  out.push_back({m, t, "skill: " + quoted(t) + (offer == "present" ? " (offers to present)" : offer == "lead" ? " (offers to lead)" : ""),
                 offer.empty() ? 1.0 : 1.15, true});
}
void offers_of_member(const std::string& id, const Record& r, std::vector<Source>& out) {
  if (r.deleted()) return;
  std::string part;
  const std::string all = get(r, f::member_ask_me_about) + ",";
  for (char ch : all) {
    if (ch != ',' && ch != ';' && ch != '\n') {
      part += ch;
      continue;
    }
    if (!trim(part).empty()) out.push_back({id, trim(part), "ask me about: " + quoted(trim(part)), 1.1, true});
    part.clear();
  }
}

std::vector<Source> sources(const Community& c) {
  std::vector<Source> out;
  auto live_member = [&](const std::string& m) { return cv::live_member(c, m); };
  for (const TypeIndex::Entry e : records_of(c, kSkill)) offer_of_skill(c, e->second, out);
  for (const TypeIndex::Entry e : records_of(c, kMember)) offers_of_member(e->first, e->second, out);
  // What they presented: an input block they led, with its meeting's topics.
  for (const auto& [id, r] : live_of(c, kBlock)) {
    const std::string lead = get(*r, f::block_lead);
    if (get(*r, f::block_kind) != "input" || !live_member(lead)) continue;
    const Record* m = find_live(c, get(*r, f::block_meeting));
    if (!m) continue;
    std::string text = get(*r, f::block_title);
    for (const std::string& t : get(*m, f::meeting_topics))
      if (const Record* topic = find_live(c, t)) text += ". " + get(*topic, f::topic_title);
    const bool done = get(*m, f::meeting_run_block) == "end";
    const std::string date = get(*m, f::meeting_date);
    out.push_back({lead, text,
                   std::string(done ? "presented " : "is to present ") + quoted(get(*r, f::block_title)) +
                       (date.empty() ? "" : " on " + date),
                   0.9});
  }
  // Suggestions made in peer-assists and case discussions, about the case they were made on.
  for (const auto& [id, r] : live_of(c, kCaseNote)) {
    const std::string m = get(*r, f::case_note_member);
    const Record* k = find_live(c, get(*r, f::case_note_case));
    if (get(*r, f::case_note_kind) != "suggestion" || !live_member(m) || !k) continue;
    out.push_back({m, get(*k, f::case_title) + ". " + get(*k, f::case_question) + ". " + get(*r, f::case_note_text),
                   "helped with the case " + quoted(get(*k, f::case_title)), 0.7});
  }
  for (const auto& [id, r] : live_of(c, kObjective)) {
    const std::string m = get(*r, f::objective_member), t = get(*r, f::objective_text);
    if (live_member(m)) out.push_back({m, t, "also wants to learn: " + quoted(t), 0.45});
  }
  return out;
}

// How much of the question a text answers: the weighted share of the question's words the text has
// (the same word, a typo, a form or a synonym of it), 0 when only generic words match.
double answers(const std::vector<std::string>& question, const std::vector<std::string>& text, const Corpus& corpus) {
  double got = 0, total = 0;
  bool specific = false;
  for (const std::string& q : question) {
    const double w = corpus.weight(q);
    total += w;
    double best = 0;
    for (const std::string& t : text) best = std::max(best, term_relation(q, t));
    got += w * best;
    specific = specific || (best > 0 && !is_generic(q));
  }
  return specific && total > 0 ? got / total : 0;
}

}  // namespace

std::vector<Helper> who_can_help(const Community& c, const std::string& question, size_t limit) {
  std::vector<Helper> out;
  const std::vector<std::string> q = terms(question);
  if (q.empty()) return out;
  const std::vector<Source> all = sources(c);
  std::vector<std::vector<std::string>> t(all.size());
  Corpus corpus;
  for (size_t i = 0; i < all.size(); ++i) corpus.add(t[i] = terms(all[i].text));
  corpus.add(q);
  // Per member: the strongest source, then a little for each further one.
  std::map<std::string, std::vector<std::pair<double, const Source*>>> found;
  for (size_t i = 0; i < all.size(); ++i) {
    const double a = answers(q, t[i], corpus);
    if (a >= 0.3) found[all[i].member].push_back({a * all[i].weight, &all[i]});
  }
  for (auto& [member, list] : found) {
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    Helper h{member, member_name(c, member), list[0].first, {}};
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) h.score += 0.15 * list[i].first;
      if (h.reasons.size() < 4 && std::find(h.reasons.begin(), h.reasons.end(), list[i].second->reason) == h.reasons.end())
        h.reasons.push_back(list[i].second->reason);
    }
    out.push_back(std::move(h));
  }
  std::sort(out.begin(), out.end(), [](const Helper& a, const Helper& b) {
    if (std::abs(a.score - b.score) > 1e-9) return a.score > b.score;
    return collate_less(a.name, b.name);
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

// [SECTION] Introductions ---------------------------------------------------------------------------

// In slices: the offers (skills, "ask me about"), the needs (objectives, problems), their terms, who
// has met whom, then the learners one after another, then the few hundred best scored in full. A
// unit of the budget is a record, a text or a tie.
enum IntroPhase { kIntroSkills, kIntroMembers, kIntroObjectives, kIntroProblems, kIntroOfferTerms, kIntroNeedTerms,
                  kIntroNumbers, kIntroNetwork, kIntroMet, kIntroLearners, kIntroScore, kIntroDone };

struct IntroRun::Work {
  IntroPhase phase = kIntroSkills;
  size_t at = 0;
  size_t limit = 20;
  std::vector<TypeIndex::Entry> list;  // the records of this phase's type
  const Network* all = nullptr;
  NetworkRun own;  // when the caller has no network: read here, in slices too
  std::vector<Source> offers;
  struct Need {
    std::string member, text, reason;
  };
  std::vector<Need> needs;
  Corpus corpus;
  std::vector<std::vector<std::string>> offer_terms, need_terms;
  std::unordered_map<std::string, std::vector<int>> postings;  // term -> offers that hold it
  // Many members write the same skill or objective ("facilitation"): each text's terms are read once.
  std::unordered_map<std::string, std::vector<std::string>> read;
  // Members as numbers, pairs as one number: millions of candidate checks look up hashes, not strings.
  std::unordered_map<std::string, uint32_t> number;
  std::vector<uint32_t> offer_member;
  std::unordered_set<uint64_t> met;  // pairs with any tie have met already
  struct Candidate {
    double quick = 0;
    int need = -1, offer = -1;
  };
  std::vector<Candidate> shortlist, mine;
  std::vector<int> by_learner, slot, seen;
  std::vector<uint32_t> helpers;

  uint32_t num(const std::string& m) const {
    auto it = number.find(m);
    return it == number.end() ? UINT32_MAX : it->second;
  }
  static uint64_t key(uint32_t a, uint32_t b) { return (static_cast<uint64_t>(std::min(a, b)) << 32) | std::max(a, b); }
  const std::vector<std::string>& terms_of(const std::string& text) {
    auto it = read.find(text);
    return it != read.end() ? it->second : read.emplace(text, terms(text)).first->second;
  }
  // A total order (quick score, then need and offer), so the same few hundred are kept everywhere.
  static bool before(const Candidate& a, const Candidate& b) {
    if (a.quick != b.quick) return a.quick > b.quick;
    return a.need != b.need ? a.need < b.need : a.offer < b.offer;
  }
  size_t keep() const { return std::max<size_t>(limit * 20, 200); }
  void prune() {
    if (shortlist.size() <= keep()) return;
    std::nth_element(shortlist.begin(), shortlist.begin() + static_cast<long>(keep()), shortlist.end(), before);
    shortlist.resize(keep());
  }
  // One learner's needs: the best offer of each helper for this learner is kept in a table by helper,
  // emptied for the next learner (half a million pairs never sit in one hash map). Returns the units.
  long long learner() {
    const uint32_t who = num(needs[by_learner[at]].member);
    long long spent = 0;
    for (; at < by_learner.size() && num(needs[by_learner[at]].member) == who; ++at) {
      const size_t i = static_cast<size_t>(by_learner[at]);
      std::vector<double> weight;  // of each of the need's terms, looked up once
      double total = 0;
      for (const std::string& t : need_terms[i]) total += weight.emplace_back(corpus.weight(t));
      for (const std::string& t : need_terms[i]) {
        auto it = postings.find(t);
        if (it == postings.end()) continue;
        // A word many offer: 64 of them are enough to suggest someone (and keep the work linear),
        // from a place that depends on the learner, so that not always the same few are suggested.
        const std::vector<int>& list = it->second;
        const size_t from = (static_cast<size_t>(who) * 2654435761u) % list.size();
        for (size_t k = 0; k < list.size() && k < 64; ++k, ++spent) {
          const int h = list[(from + k) % list.size()];
          if (seen[h] == static_cast<int>(i)) continue;
          seen[h] = static_cast<int>(i);
          const uint32_t helper = offer_member[h];
          if (helper == UINT32_MAX || helper == who || met.count(key(helper, who))) continue;
          double shared = 0;
          for (size_t q = 0; q < need_terms[i].size(); ++q)
            if (std::find(offer_terms[h].begin(), offer_terms[h].end(), need_terms[i][q]) != offer_terms[h].end()) shared += weight[q];
          const double quick = total > 0 ? shared / total * offers[h].weight : 0;
          if (slot[helper] < 0) {
            slot[helper] = static_cast<int>(mine.size());
            mine.push_back({});
            helpers.push_back(helper);
          }
          Candidate& b = mine[static_cast<size_t>(slot[helper])];
          if (quick > b.quick) b = {quick, static_cast<int>(i), h};
        }
      }
    }
    for (uint32_t h : helpers) slot[h] = -1;
    for (const Candidate& cand : mine)
      if (cand.need >= 0) shortlist.push_back(cand);  // none when every shared word weighs nothing
    mine.clear();
    helpers.clear();
    if (shortlist.size() > 4 * keep()) prune();
    return spent + 1;
  }
  // The full comparison (forms, typos, synonyms) of one candidate of the shortlist.
  std::vector<Introduction> scored;
  void score(const Community& c, const Candidate& k) {
    const Need& n = needs[k.need];
    const Source& o = offers[k.offer];
    const double s = answers(need_terms[k.need], offer_terms[k.offer], corpus) * o.weight;
    if (s >= 0.35)
      scored.push_back({o.member, n.member, member_name(c, o.member) + ", " + o.reason + " \u00b7 " + member_name(c, n.member) + " " + n.reason, s});
  }
  std::vector<Introduction> best(const Community& c) {
    // A total order (score, names, ids): the same list natively and in the page.
    std::sort(scored.begin(), scored.end(), [&](const Introduction& a, const Introduction& b) {
      if (a.score != b.score) return a.score > b.score;
      const std::string ha = member_name(c, a.helper), hb = member_name(c, b.helper);
      if (ha != hb) return collate_less(ha, hb);
      const std::string la = member_name(c, a.learner), lb = member_name(c, b.learner);
      if (la != lb) return collate_less(la, lb);
      return std::make_pair(a.helper, a.learner) < std::make_pair(b.helper, b.learner);
    });
    // One suggestion per pair (whichever way round is stronger), a member in at most three.
    std::vector<Introduction> out;
    std::map<std::string, int> uses;
    std::set<std::pair<std::string, std::string>> pairs;
    for (Introduction& x : scored) {
      const auto pair = std::make_pair(std::min(x.helper, x.learner), std::max(x.helper, x.learner));
      if (out.size() >= limit) break;
      if (pairs.count(pair) || uses[x.helper] >= 3 || uses[x.learner] >= 3) continue;
      pairs.insert(pair);
      ++uses[x.helper];
      ++uses[x.learner];
      out.push_back(std::move(x));
    }
    return out;
  }
};

IntroRun::IntroRun() = default;
IntroRun::~IntroRun() = default;
IntroRun::IntroRun(IntroRun&&) noexcept = default;
IntroRun& IntroRun::operator=(IntroRun&&) noexcept = default;

IntroRun introductions_begin(const Community& c, size_t limit, const Network* all) {
  IntroRun run;
  run.work = std::make_unique<IntroRun::Work>();
  run.work->limit = limit;
  run.work->all = all;
  run.work->list = records_of(c, kSkill);
  if (!all) {
    std::vector<std::string> members;  // in id order: only the ties are read, not who is least connected
    for (const TypeIndex::Entry e : records_of(c, kMember))
      if (!e->second.deleted()) members.push_back(e->first);
    run.work->own = network_begin(c, {}, "", "", &members);
  }
  return run;
}

bool introductions_step(IntroRun& run, const Community& c, long long budget) {
  if (!run.work) return false;
  IntroRun::Work& w = *run.work;
  long long spent = 0;
  auto next = [&](IntroPhase p, const char* type) {
    w.phase = p, w.at = 0;
    w.list = type ? records_of(c, type) : std::vector<TypeIndex::Entry>{};
  };
  while (spent < budget && w.phase != kIntroDone) {
    switch (w.phase) {
      case kIntroSkills:
        if (w.at == w.list.size()) next(kIntroMembers, kMember);
        else offer_of_skill(c, w.list[w.at++]->second, w.offers), spent += 4;
        break;
      case kIntroMembers:
        if (w.at == w.list.size()) next(kIntroObjectives, kObjective);
        else offers_of_member(w.list[w.at]->first, w.list[w.at]->second, w.offers), ++w.at, spent += 4;
        break;
      case kIntroObjectives:
      case kIntroProblems: {
        if (w.at == w.list.size()) {
          if (w.phase == kIntroObjectives) {
            next(kIntroProblems, kProblem);
          } else {
            next(kIntroOfferTerms, nullptr);
            w.offer_terms.resize(w.offers.size());
            w.need_terms.resize(w.needs.size());
          }
          break;
        }
        const Record& r = w.list[w.at++]->second;
        spent += 2;
        if (r.deleted()) break;
        if (w.phase == kIntroObjectives)
          w.needs.push_back({get(r, f::objective_member), get(r, f::objective_text), "wants to learn " + quoted(get(r, f::objective_text))});
        else
          w.needs.push_back({get(r, f::problem_member), get(r, f::problem_text), "brings " + quoted(get(r, f::problem_text))});
        break;
      }
      case kIntroOfferTerms:
        if (w.at == w.offers.size()) {
          w.phase = kIntroNeedTerms, w.at = 0;
          break;
        }
        w.corpus.add(w.offer_terms[w.at] = w.terms_of(w.offers[w.at].text));
        for (const std::string& t : w.offer_terms[w.at])
          if (!is_generic(t)) w.postings[t].push_back(static_cast<int>(w.at));
        ++w.at, spent += 4;
        break;
      case kIntroNeedTerms:
        if (w.at == w.needs.size()) {
          w.read = {};
          next(kIntroNumbers, kMember);
          break;
        }
        w.corpus.add(w.need_terms[w.at] = w.terms_of(w.needs[w.at].text));
        ++w.at, spent += 4;
        break;
      case kIntroNumbers:
        if (w.at == w.list.size()) {
          w.offer_member.resize(w.offers.size());
          for (size_t i = 0; i < w.offers.size(); ++i) w.offer_member[i] = w.num(w.offers[i].member);
          spent += static_cast<long long>(w.offers.size());
          w.phase = kIntroNetwork, w.at = 0;
          break;
        }
        if (!w.list[w.at]->second.deleted()) w.number.emplace(w.list[w.at]->first, static_cast<uint32_t>(w.number.size()));
        ++w.at, ++spent;
        break;
      case kIntroNetwork:
        if (!w.all && network_step(w.own, c, std::max(1LL, budget - spent))) {
          spent = budget;
          break;
        }
        w.phase = kIntroMet;
        break;
      case kIntroMet: {
        const std::vector<Tie>& ties = (w.all ? *w.all : w.own.network).ties;
        if (w.at == ties.size()) {
          std::vector<std::pair<uint32_t, int>> learners;  // (learner, need): needs by learner, in order
          for (size_t i = 0; i < w.needs.size(); ++i)
            if (const uint32_t who = w.num(w.needs[i].member); who != UINT32_MAX) learners.push_back({who, static_cast<int>(i)});
          std::sort(learners.begin(), learners.end());
          for (const auto& [who, i] : learners) w.by_learner.push_back(i);
          spent += static_cast<long long>(w.needs.size()) * 2;
          w.slot.assign(w.number.size(), -1);
          w.seen.assign(w.offers.size(), -1);
          w.phase = kIntroLearners, w.at = 0;
          break;
        }
        const Tie& t = ties[w.at++];
        ++spent;
        const uint32_t a = w.num(t.a), b = w.num(t.b);
        if (a != UINT32_MAX && b != UINT32_MAX) w.met.insert(IntroRun::Work::key(a, b));
        break;
      }
      case kIntroLearners:
        if (w.at == w.by_learner.size()) {
          w.prune();
          w.phase = kIntroScore, w.at = 0;
        } else {
          spent += w.learner();
        }
        break;
      case kIntroScore:
        if (w.at == w.shortlist.size()) {
          run.introductions = w.best(c);
          w.phase = kIntroDone;
        } else {
          w.score(c, w.shortlist[w.at++]);
          spent += 40;  // every pair of their terms compared
        }
        break;
      case kIntroDone: break;
    }
  }
  if (w.phase != kIntroDone) return true;
  run.work.reset();
  return false;
}

float introductions_progress(const IntroRun& run) {
  return run.work ? std::min(0.99f, static_cast<float>(run.work->phase) / kIntroDone) : 1.0f;
}

std::vector<Introduction> suggested_introductions(const Community& c, size_t limit, const Network* all) {
  IntroRun run = introductions_begin(c, limit, all);
  while (introductions_step(run, c, 1ll << 60)) {
  }
  return std::move(run.introductions);
}

Op op_introduce(const std::string& a, const std::string& b, const std::string& reason, const std::string& by,
                int64_t at_ms) {
  const std::string x = std::min(a, b), y = std::max(a, b), id = "intro:" + x + ":" + y;
  Op op{"Introduce", {}};
  put_new(op, id, kIntroduction);
  put(op, id, f::introduction_a, x);
  put(op, id, f::introduction_b, y);
  put(op, id, f::introduction_reason, reason);
  put(op, id, f::introduction_by, by);
  put(op, id, f::introduction_at, at_ms);
  return op;
}

std::string introduction_message(const Community& c, const std::string& a, const std::string& b, const std::string& reason) {
  auto reach = [&](const std::string& m) {
    const Record* r = find_live(c, m);
    std::string how = r ? trim(get(*r, f::member_contact)) : "";
    const std::string matrix = r ? trim(get(*r, f::member_matrix_id)) : "";
    if (!matrix.empty()) how += (how.empty() ? "" : ", ") + std::string("Matrix ") + matrix;
    return member_name(c, m) + (how.empty() ? std::string(": ask me how to reach them") : ": " + how);
  };
  const std::string community = get(community_record(c), f::community_name);
  return "Hello " + member_name(c, a) + " and " + member_name(c, b) + ",\n\n" + "I would like you two to meet" +
         (community.empty() ? "" : " (you are both in " + community + ")") + ": " + reason +
         ".\n\nPerhaps a short call before the next meeting?\n\n" + reach(a) + "\n" + reach(b) + "\n";
}

std::vector<std::pair<std::string, std::string>> introduced_pairs(const Community& c) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [id, r] : live_of(c, kIntroduction)) {
    const std::string a = get(*r, f::introduction_a), b = get(*r, f::introduction_b);
    if (!a.empty() && !b.empty() && a != b) out.push_back({std::min(a, b), std::max(a, b)});
  }
  return out;
}

// [SECTION] Exports -----------------------------------------------------------------------------------

std::string directory_html(const Community& c) {
  Document d;
  const std::string name = get(community_record(c), f::community_name);
  d.title = "Directory: " + name;
  d.heading(1, "Directory: " + name);
  std::vector<Card> cards;
  for (const Profile& p : directory(c)) {
    Card k;
    k.title = p.name.empty() ? "(no name yet)" : p.name;
    if (!p.pronouns.empty()) k.title += " (" + p.pronouns + ")";
    auto line = [&](const char* label, const std::string& v) {
      if (!trim(v).empty()) k.items.push_back(std::string(label) + ": " + v);
    };
    auto join = [](const std::vector<std::string>& v) {
      std::string s;
      for (const std::string& x : v) s += (s.empty() ? "" : "; ") + x;
      return s;
    };
    line("Organisation", p.organisation);
    line("Ask me about", p.ask_me_about);
    line("Skills", join(p.skills));
    line("Wants to learn", join(p.objectives));
    line("Brings", join(p.problems));
    line("Reach", p.contact);
    line("When", p.availability);
    line("Matrix", p.matrix_id);
    k.note = p.place + (p.place.empty() || p.time_zone.empty() ? "" : " · ") + p.time_zone;
    cards.push_back(std::move(k));
  }
  d.cards(std::move(cards));
  return to_html(d);
}

namespace {

bool looks_like_email(const std::string& s) {
  const size_t at = s.find('@');
  return at != std::string::npos && at > 0 && s.find('.', at) != std::string::npos && s.find(' ') == std::string::npos;
}

bool looks_like_phone(const std::string& s) {
  int digits = 0;
  for (char ch : s) {
    if (std::isdigit(static_cast<unsigned char>(ch))) ++digits;
    else if (!std::strchr("+-() ./", ch)) return false;
  }
  return digits >= 6;
}

}  // namespace

std::string directory_vcf(const Community& c) {
  const std::string community = get(community_record(c), f::community_name);
  std::string out;
  for (const Profile& p : directory(c)) {
    const std::string name = p.name.empty() ? "(no name yet)" : p.name;
    out += "BEGIN:VCARD\r\nVERSION:3.0\r\n";
    out += ics_fold("UID:" + ics_text(p.id));
    out += ics_fold("FN:" + ics_text(name));
    out += ics_fold("N:;" + ics_text(name) + ";;;");  // one name as written: no guess at which part is the family's
    if (!p.organisation.empty()) out += ics_fold("ORG:" + ics_text(p.organisation));
    // The contact as written: each part that is an address or a number gets its own line.
    std::string other, part;
    for (char ch : p.contact + ",") {
      if (ch != ',' && ch != ';' && ch != '\n') {
        part += ch;
        continue;
      }
      const std::string t = trim(part);
      part.clear();
      if (t.empty()) continue;
      if (looks_like_email(t)) out += ics_fold("EMAIL;TYPE=INTERNET:" + ics_text(t));
      else if (looks_like_phone(t)) out += ics_fold("TEL:" + ics_text(t));
      else other += (other.empty() ? "" : ", ") + t;
    }
    if (is_matrix_id(p.matrix_id)) out += ics_fold("IMPP:matrix:" + p.matrix_id);
    std::string note;
    auto add = [&](const char* label, const std::string& v) {
      if (!trim(v).empty()) note += (note.empty() ? "" : "\n") + std::string(label) + ": " + v;
    };
    add("Pronouns", p.pronouns);
    add("Place", p.place);
    add("Time zone", p.time_zone);
    add("Ask me about", p.ask_me_about);
    std::string skills;
    for (const std::string& s : p.skills) skills += (skills.empty() ? "" : "; ") + s;
    add("Skills", skills);
    add("Reach", other);
    add("When", p.availability);
    add("Community", community);
    out += ics_fold("NOTE:" + ics_text(note));
    out += "END:VCARD\r\n";
  }
  return out;
}

}  // namespace cv
