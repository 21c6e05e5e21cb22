// getting_started.cpp: see getting_started.h.
//  [SECTION] What members bring
//  [SECTION] Objectives shared by most
//  [SECTION] Topics and dot votes
//  [SECTION] Skills that can serve a topic
//  [SECTION] Agendas and the first meeting
//  [SECTION] Exports
#include "core/getting_started.h"

#include "core/document.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "core/format.h"
#include "core/similarity.h"
#include "core/text.h"

namespace cv {

// [SECTION] What members bring -------------------------------------------------------------------------

std::vector<std::pair<std::string, const Record*>> live_of(const Community& c, const std::string& type) {
  std::vector<std::pair<std::string, const Record*>> out;
  for (const auto& [id, r] : c.records)
    if (r.type == type && !r.deleted()) out.emplace_back(id, &r);
  return out;
}

std::vector<Item> items_of(const Community& c, const std::string& member, const std::string& type) {
  std::vector<Item> out;
  for (const auto& [id, r] : live_of(c, type))
    if (r->text("member") == member) out.push_back({id, r->text("text"), r->text("offer")});
  std::sort(out.begin(), out.end(), [](const Item& a, const Item& b) { return collate_less(a.text, b.text); });
  return out;
}

std::string member_name(const Community& c, const std::string& member_id) {
  const Record* r = find_live(c, member_id);
  if (!r) return "someone who left";
  const std::string n = r->text("name");
  return n.empty() ? "(no name yet)" : n;
}

static int live_member_count(const Community& c) { return static_cast<int>(live_by_name(c, kMember).size()); }

static double number(const Record& r, const std::string& field, double fallback) {
  const json& v = r.get(field);
  return v.is_number() ? v.get<double>() : fallback;
}

// [SECTION] Objectives shared by most --------------------------------------------------------------------

SharedObjectives shared_objectives(const Community& c) {
  SharedObjectives out;
  out.members = live_member_count(c);
  out.threshold = std::clamp(number(community_record(c), "shared_threshold", 0.5), 0.05, 1.0);
  out.needed = std::max(2, static_cast<int>(std::ceil(out.threshold * out.members - 1e-9)));
  // Objectives of live members only: someone who left no longer holds anything.
  std::vector<std::pair<std::string, const Record*>> objectives;
  for (const auto& o : live_of(c, kObjective))
    if (find_live(c, o.second->text("member")) && !trim(o.second->text("text")).empty()) objectives.push_back(o);
  std::vector<std::string> texts, pins;
  for (const auto& [id, r] : objectives) {
    texts.push_back(r->text("text"));
    pins.push_back(r->text("group"));
  }
  const auto groups = group_texts(texts, pins);
  Corpus corpus;
  std::vector<std::vector<std::string>> t;
  for (const auto& x : texts) {
    t.push_back(terms(x));
    corpus.add(t.back());
  }
  for (const auto& g : groups) {
    ObjectiveGroup og;
    std::set<std::string> members;
    double best = -1;
    for (int i : g) {
      og.objectives.push_back(objectives[i].first);
      members.insert(objectives[i].second->text("member"));
      og.pinned = og.pinned || !pins[i].empty();
      // The label: the objective most like the others, the shorter one when equal.
      double s = 0;
      for (int j : g)
        if (j != i) s += similarity(t[i], t[j], corpus);
      if (s > best + 1e-9 || (std::abs(s - best) < 1e-9 && texts[i].size() < og.label.size())) {
        best = s;
        og.label = trim(texts[i]);
      }
    }
    og.members.assign(members.begin(), members.end());
    std::sort(og.members.begin(), og.members.end(), [&](const std::string& a, const std::string& b) {
      return collate_less(member_name(c, a), member_name(c, b));
    });
    og.by_most = static_cast<int>(og.members.size()) >= out.needed;
    out.groups.push_back(std::move(og));
  }
  std::stable_sort(out.groups.begin(), out.groups.end(), [](const ObjectiveGroup& a, const ObjectiveGroup& b) {
    if (a.members.size() != b.members.size()) return a.members.size() > b.members.size();
    return collate_less(a.label, b.label);
  });
  return out;
}

Op op_merge_groups(const ObjectiveGroup& a, const ObjectiveGroup& b) {
  // The pin is the smallest objective id of the two: the same whoever merges, wherever.
  std::string pin = "group:";
  std::string first;
  for (const auto* g : {&a, &b})
    for (const auto& id : g->objectives)
      if (first.empty() || id < first) first = id;
  pin += first;
  Op op{"Merge objective groups", {}};
  for (const auto* g : {&a, &b})
    for (const auto& id : g->objectives) op.changes.push_back({id, kObjective, "group", pin});
  return op;
}

Op op_split_objective(const std::string& objective_id) {
  return Op{"Keep objective apart", {{objective_id, kObjective, "group", "alone:" + objective_id}}};
}

Op op_unpin_group(const ObjectiveGroup& g) {
  Op op{"Group objectives automatically", {}};
  for (const auto& id : g.objectives) op.changes.push_back({id, kObjective, "group", json()});
  return op;
}

// [SECTION] Topics and dot votes -----------------------------------------------------------------------------

int vote_budget(const Community& c) {
  return std::clamp(static_cast<int>(number(community_record(c), "vote_budget", kDefaultVoteBudget)), 1, 99);
}

std::string vote_id(const std::string& topic, const std::string& member) { return "vote:" + topic + ":" + member; }

int dots_on(const Community& c, const std::string& topic, const std::string& member) {
  const Record* v = find_live(c, vote_id(topic, member));
  return v ? std::max(0, static_cast<int>(number(*v, "dots", 0))) : 0;
}

// Dots on topics that are still open to the vote.
int dots_used(const Community& c, const std::string& member) {
  int used = 0;
  for (const auto& [id, v] : live_of(c, kVote)) {
    if (v->text("member") != member) continue;
    const Record* t = find_live(c, v->text("topic"));
    if (t && t->text("state") != "done") used += std::max(0, static_cast<int>(number(*v, "dots", 0)));
  }
  return used;
}

// Each member's dots on topics still open to the vote, counted in vote-id order up to the budget: a
// forged file (or a budget lowered after the vote) cannot give anyone more say than the budget.
static std::map<std::string, int> counted_dots(const Community& c, std::vector<OverBudget>* over) {
  std::map<std::string, int> dots, used;
  const int budget = vote_budget(c);
  std::map<std::string, int> given;
  for (const auto& [id, v] : live_of(c, kVote)) {
    const std::string member = v->text("member");
    const Record* t = find_live(c, v->text("topic"));
    if (!find_live(c, member) || !t || t->text("state") == "done") continue;
    const int n = std::max(0, static_cast<int>(number(*v, "dots", 0)));
    given[member] += n;
    const int take = std::min(n, budget - used[member]);
    if (take <= 0) continue;
    used[member] += take;
    dots[v->text("topic")] += take;
  }
  if (over)
    for (const auto& [member, n] : given)
      if (n > budget) over->push_back({member, n, budget});
  return dots;
}

std::vector<OverBudget> votes_over_budget(const Community& c) {
  std::vector<OverBudget> out;
  counted_dots(c, &out);
  return out;
}

std::vector<TopicTally> tally_topics(const Community& c) {
  std::vector<TopicTally> out;
  std::map<std::string, int> dots = counted_dots(c, nullptr);
  for (const auto& [id, t] : live_of(c, kTopic)) {
    if (t->text("state") == "done") continue;
    out.push_back({id, t->text("title"), t->text("proposed_by"), t->text("state"), dots[id], 0, false});
  }
  std::sort(out.begin(), out.end(), [](const TopicTally& a, const TopicTally& b) {
    if (a.dots != b.dots) return a.dots > b.dots;
    return collate_less(a.title, b.title);
  });
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].rank = i > 0 && out[i].dots == out[i - 1].dots ? out[i - 1].rank : static_cast<int>(i) + 1;
    out[i].tied = (i > 0 && out[i].dots == out[i - 1].dots) || (i + 1 < out.size() && out[i].dots == out[i + 1].dots);
  }
  return out;
}

Op op_vote(const Community& c, const std::string& topic, const std::string& member, int delta) {
  const int now = dots_on(c, topic, member);
  const int next = now + delta;
  Op op{delta > 0 ? "Vote" : "Take a vote back", {}};
  if (next < 0 || (delta > 0 && dots_used(c, member) + delta > vote_budget(c))) return op;
  const std::string id = vote_id(topic, member);
  if (!find_live(c, id)) {
    op.changes.push_back({id, kVote, "deleted", false});
    op.changes.push_back({id, kVote, "topic", topic});
    op.changes.push_back({id, kVote, "member", member});
  }
  op.changes.push_back({id, kVote, "dots", next});
  return op;
}

Op op_choose_first_topic(const Community& c, const std::string& topic) {
  Op op{"Choose the first meeting's topic", {}};
  const std::string before = community_record(c).text("first_topic");
  if (!before.empty() && before != topic && find_live(c, before))
    op.changes.push_back({before, kTopic, "state", "backlog"});
  op.changes.push_back({topic, kTopic, "state", "chosen"});
  op.changes.push_back({c.id, kCommunity, "first_topic", topic});
  return op;
}

// [SECTION] Skills that can serve a topic -----------------------------------------------------------------------

// The words of a text as written.
static std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char ch = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalnum(ch) || ch >= 0x80 || ch == '-') w += static_cast<char>(ch);
    else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  return out;
}

// How much of `wanted` (a topic, an objective) a text covers: the weighted share of the wanted
// terms it has, counting only terms that are not generic ("team", "manage", ...).
static double covers(const std::vector<std::string>& have, const std::vector<std::string>& wanted, const Corpus& corpus,
                     std::vector<std::string>* shared = nullptr) {
  double got = 0, total = 0;
  for (const auto& w : wanted) {
    const double weight = corpus.weight(w);
    total += weight;
    if (is_generic(w)) continue;  // never enough on its own
    for (const auto& h : have)
      if (h == w || trigram_similarity(h, w) >= 0.6) {
        got += weight;
        if (shared) shared->push_back(h);
        break;
      }
  }
  return total > 0 ? got / total : 0;
}

std::vector<SkillMatch> skill_matches(const Community& c, const std::string& text) {
  std::vector<SkillMatch> out;
  const auto wanted = terms(text);
  if (wanted.empty()) return out;
  Corpus corpus;
  const auto skills = live_of(c, kSkill);
  for (const auto& [id, s] : skills) corpus.add(terms(s->text("text")));
  corpus.add(wanted);
  for (const auto& [id, s] : skills) {
    const std::string member = s->text("member");
    if (!find_live(c, member)) continue;
    std::vector<std::string> shared;
    const double score = covers(terms(s->text("text")), wanted, corpus, &shared);
    if (score <= 0) continue;
    SkillMatch m{member, member_name(c, member), s->text("text"), s->text("offer"), {}, score};
    // Why: the member's own words (not their stems) that the topic also has.
    for (const std::string& word : split_words(s->text("text"))) {
      const auto t = terms(word);
      if (!t.empty() && std::find(shared.begin(), shared.end(), t[0]) != shared.end()) m.why.push_back(word);
    }
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const SkillMatch& a, const SkillMatch& b) {
    const bool ao = !a.offer.empty(), bo = !b.offer.empty();
    if (ao != bo) return ao;
    if (std::abs(a.score - b.score) > 1e-9) return a.score > b.score;
    return collate_less(a.name, b.name);
  });
  return out;
}

SkillsOverview skills_overview(const Community& c) {
  SkillsOverview out;
  std::vector<std::pair<std::string, const Record*>> skills;
  for (const auto& s : live_of(c, kSkill))
    if (find_live(c, s.second->text("member"))) skills.push_back(s);
  std::vector<std::string> texts;
  for (const auto& [id, s] : skills) texts.push_back(s->text("text"));
  for (const auto& g : group_texts(texts, {})) {
    SkillsOverview::Entry e;
    std::set<std::string> members;
    for (int i : g) {
      if (e.label.empty() || texts[i].size() < e.label.size()) e.label = trim(texts[i]);
      members.insert(member_name(c, skills[i].second->text("member")));
    }
    e.members.assign(members.begin(), members.end());
    std::sort(e.members.begin(), e.members.end(), [](const auto& a, const auto& b) { return collate_less(a, b); });
    out.skills.push_back(std::move(e));
  }
  std::sort(out.skills.begin(), out.skills.end(), [](const auto& a, const auto& b) {
    if (a.members.size() != b.members.size()) return a.members.size() > b.members.size();
    return collate_less(a.label, b.label);
  });
  for (const auto& g : shared_objectives(c).groups)
    if (skill_matches(c, g.label).empty()) out.uncovered.push_back(g.label);
  return out;
}

// [SECTION] Agendas and the first meeting --------------------------------------------------------------------

bool is_content(const std::string& k) {
  return k == "input" || k == "pairs" || k == "small_groups" || k == "debrief" || k == "peer_assist" ||
         k == "book" || k == "case";
}
bool is_logistics(const std::string& k) { return k == "logistics" || k == "technology"; }

const char* kind_label(const std::string& k) {
  static const std::map<std::string, const char*> labels = {
      {"welcome", "Welcome and check-in"}, {"input", "Input or presentation"}, {"pairs", "Pairs"},
      {"small_groups", "Small groups"},   {"debrief", "Large-group debrief"},  {"peer_assist", "Peer-assist"},
      {"book", "Book discussion"},        {"case", "Case discussion"},        {"break", "Break"},
      {"logistics", "Logistics"},         {"technology", "Technology"},       {"closing", "Closing"},
      {"review", "Review of open actions"}};
  auto it = labels.find(k);
  return it == labels.end() ? "Block" : it->second;
}

std::vector<Block> agenda(const Community& c, const std::string& meeting) {
  std::vector<Block> out;
  for (const auto& [id, r] : live_of(c, kBlock)) {
    if (r->text("meeting") != meeting) continue;
    out.push_back({id, r->text("kind"), r->text("title"), r->text("notes"), r->text("lead"),
                   static_cast<int>(number(*r, "minutes", 0)), number(*r, "position", 0),
                   static_cast<int>(number(*r, "group_size", 0)), r->text("debrief")});
  }
  std::sort(out.begin(), out.end(), [](const Block& a, const Block& b) {
    return a.position != b.position ? a.position < b.position : a.id < b.id;
  });
  return out;
}

std::vector<std::string> parking_lot(const Community& c, const std::string& meeting) {
  std::vector<std::string> out;
  for (const auto& [id, r] : live_of(c, kParking))
    if (r->text("meeting") == meeting) out.push_back(r->text("text"));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return collate_less(a, b); });
  return out;
}

Op op_first_meeting(const Community& c, const std::string& meeting_id) {
  const std::string topic_id = community_record(c).text("first_topic");
  const Record* topic = find_live(c, topic_id);
  const std::string title = topic ? topic->text("title") : std::string("our first topic");
  const int people = live_member_count(c);
  Op op{"Make the first meeting", {}};
  auto set = [&](const std::string& id, const std::string& type, const std::string& f, json v) {
    op.changes.push_back({id, type, f, std::move(v)});
  };
  set(meeting_id, kMeeting, "deleted", false);
  set(meeting_id, kMeeting, "title", "First meeting: " + title);
  set(meeting_id, kMeeting, "kind", "first");
  set(meeting_id, kMeeting, "topic", topic_id);
  set(c.id, kCommunity, "first_meeting", meeting_id);

  // Who opens the topic: someone whose skills match it, who offered to present or lead if anyone did.
  std::string lead, lead_why;
  const auto matches = skill_matches(c, title + " " + (topic ? topic->text("description") : ""));
  if (!matches.empty()) {
    lead = matches[0].member;
    lead_why = matches[0].name + " offers \"" + matches[0].skill + "\"" +
               (matches[0].offer.empty() ? "" : " and offered to " + matches[0].offer);
  }
  std::string shared;
  const auto so = shared_objectives(c);
  for (size_t i = 0; i < so.groups.size() && i < 3; ++i)
    if (so.groups[i].members.size() > 1) shared += (shared.empty() ? "" : "; ") + so.groups[i].label;
  // Real problems members brought that touch the topic: worked on in the small groups.
  std::string problems;
  const auto topic_terms = terms(title);
  Corpus corpus;
  for (const auto& [id, p] : live_of(c, kProblem)) corpus.add(terms(p->text("text")));
  corpus.add(topic_terms);
  for (const auto& [id, p] : live_of(c, kProblem))
    if (covers(terms(p->text("text")), topic_terms, corpus) > 0) problems += (problems.empty() ? "" : "; ") + p->text("text");
  const bool pairs = people <= 6;
  struct Plan {
    const char* kind;
    std::string title, notes, lead;
    int minutes;
  };
  const std::vector<Plan> plan = {
      {"welcome", "Welcome and introductions",
       "Each person: their name and one learning objective they bring." +
           (shared.empty() ? std::string() : " Objectives many of us share: " + shared + "."),
       "", 15},
      {"input", title,  // its presenter is the lead, a role that can change hands, so not in the title
       lead.empty() ? "Nobody's skills match this topic yet: ask who would open it." : lead_why + ".", lead, 15},
      {pairs ? "pairs" : "small_groups", pairs ? "Pairs: " + title : "Small groups of 3 or 4: " + title,
       "Everyone talks: what do you know, what do you not know yet?" +
           (problems.empty() ? std::string() : " Real problems to work on: " + problems + "."),
       "", 25},
      {"debrief", "Large-group debrief", "Each " + std::string(pairs ? "pair" : "group") +
                                             " shares one insight and one open question.", "", 15},
      {"logistics", "Logistics: how often, when, which technology",
       "Kept for the end on purpose. Questions parked during the meeting are answered here.", "", 10},
      {"closing", "Closing", "What do I take away? What will I try before we meet again?", "", 5},
  };
  // Replace blocks made before for this meeting.
  for (const auto& b : agenda(c, meeting_id)) set(b.id, kBlock, "deleted", true);
  for (size_t i = 0; i < plan.size(); ++i) {
    const std::string id = meeting_id + ":b" + std::to_string(i + 1);
    set(id, kBlock, "deleted", false);
    set(id, kBlock, "meeting", meeting_id);
    set(id, kBlock, "kind", plan[i].kind);
    set(id, kBlock, "title", plan[i].title);
    set(id, kBlock, "notes", plan[i].notes);
    set(id, kBlock, "lead", plan[i].lead);
    set(id, kBlock, "minutes", plan[i].minutes);
    set(id, kBlock, "position", static_cast<double>(i + 1));
  }
  return op;
}

int agenda_minutes(const std::vector<Block>& blocks) {
  int total = 0;
  for (const auto& b : blocks) total += b.minutes;
  return total;
}

std::vector<std::pair<size_t, std::string>> logistics_before_content(const std::vector<Block>& blocks) {
  std::vector<std::pair<size_t, std::string>> out;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!is_logistics(blocks[i].kind)) continue;
    if (std::any_of(blocks.begin() + static_cast<long>(i), blocks.end(), [](const Block& b) { return is_content(b.kind); }))
      out.push_back({i, "\"" + blocks[i].title + "\" comes before the content. People came to learn: keep " +
                            std::string(blocks[i].kind == "technology" ? "technology" : "logistics") +
                            " for the end, and park questions about it until then."});
  }
  return out;
}

std::vector<std::string> check_first_meeting(const std::vector<Block>& blocks) {
  std::vector<std::string> out;
  const int total = agenda_minutes(blocks);
  int logistics = 0;
  for (const auto& b : blocks)
    if (is_logistics(b.kind)) logistics += b.minutes;
  if (const auto early = logistics_before_content(blocks); !early.empty()) out.push_back(early[0].second);  // the first says it
  if (total > 0 && logistics * 5 > total)
    out.push_back("Logistics and technology take " + std::to_string(logistics) + " of " + std::to_string(total) +
                  " minutes, more than a fifth of the meeting. Keep them short so the meeting is mostly content.");
  if (std::none_of(blocks.begin(), blocks.end(), [](const Block& b) { return is_content(b.kind); }))
    out.push_back("There is no content yet: add a presentation, pairs or small groups.");
  return out;
}

Op op_move_block(const std::vector<Block>& blocks, size_t from, size_t to) {
  Op op{"Move block", {}};
  if (from >= blocks.size() || to >= blocks.size() || from == to) return op;
  // The new neighbours once the block is taken out.
  std::vector<const Block*> rest;
  for (size_t i = 0; i < blocks.size(); ++i)
    if (i != from) rest.push_back(&blocks[i]);
  const double before = to == 0 ? rest[0]->position - 1 : rest[to - 1]->position;
  const double after = to >= rest.size() ? rest.back()->position + 1 : rest[to]->position;
  op.changes.push_back({blocks[from].id, kBlock, "position", (before + after) / 2});
  return op;
}

// [SECTION] Exports ---------------------------------------------------------------------------------------

// The agenda as a document: time, minutes, block (with its notes), lead; then the parking lot.
static Document agenda_document(const Community& c, const Record& m, const std::string& meeting) {
  Document d;
  d.title = m.text("title");
  d.heading(1, m.text("title"));
  Line where = {strong(community_record(c).text("name"))};
  const std::string when = trim(m.text("date") + " " + m.text("time"));
  if (!when.empty()) where.push_back(plain(" · " + when));
  if (!m.text("place").empty()) where.push_back(plain(" · " + m.text("place")));
  d.paragraph(where);
  const auto blocks = agenda(c, meeting);
  std::vector<std::vector<Line>> rows;
  int at = 0;
  for (const auto& b : blocks) {
    const std::string t = clock_time(m.text("time"), at);
    Line block = {strong(b.title)};
    if (!b.notes.empty()) block.push_back(small(b.notes));
    rows.push_back({{plain(t.empty() ? "+" + std::to_string(at) + " min" : t)},
                    {plain(std::to_string(b.minutes))},
                    block,
                    {plain(b.lead.empty() ? "" : member_name(c, b.lead))}});
    at += b.minutes;
  }
  d.table({"Time", "Minutes", "Block", "Lead"}, {false, true, false, false}, rows);
  d.paragraph({plain("Total: " + std::to_string(agenda_minutes(blocks)) + " minutes.")});
  const auto parked = parking_lot(c, meeting);
  if (!parked.empty()) {
    d.heading(2, "Parking lot (for the logistics block)");
    std::vector<Line> items;
    for (const auto& p : parked) items.push_back({plain(p)});
    d.list(items);
  }
  return d;
}

std::string agenda_markdown(const Community& c, const std::string& meeting) {
  const Record* m = find_live(c, meeting);
  return m ? to_markdown(agenda_document(c, *m, meeting)) : std::string();
}

std::string agenda_html(const Community& c, const std::string& meeting) {
  const Record* m = find_live(c, meeting);
  return m ? to_html(agenda_document(c, *m, meeting)) : std::string();
}

std::string meeting_ics(const Community& c, const std::string& meeting, int64_t now_ms) {
  const Record* m = find_live(c, meeting);
  if (!m) return {};
  int minutes = 0;
  std::string description;
  for (const auto& b : agenda(c, meeting)) {
    minutes += b.minutes;
    description += std::to_string(b.minutes) + " min: " + b.title + "\n";
  }
  int y = 0, mo = 0, d = 0, h = 18, mi = 0;
  const bool dated = std::sscanf(m->text("date").c_str(), "%d-%d-%d", &y, &mo, &d) == 3;
  std::sscanf(m->text("time").c_str(), "%d:%d", &h, &mi);
  std::string stamp = format_utc(now_ms);  // "2026-11-28 11:09 UTC"
  stamp = stamp.substr(0, 4) + stamp.substr(5, 2) + stamp.substr(8, 2) + "T" + stamp.substr(11, 2) + stamp.substr(14, 2) + "00Z";
  char start[32];
  std::snprintf(start, sizeof start, "%04d%02d%02dT%02d%02d00", y, mo, d, h, mi);
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cultivate//Community of practice//EN\r\n"
                    "CALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\n";
  out += ics_fold("UID:" + meeting + "@" + c.id + ".cultivate");
  out += ics_fold("DTSTAMP:" + stamp);
  if (dated) {
    out += ics_fold(std::string("DTSTART:") + start);
    out += ics_fold("DURATION:PT" + std::to_string(std::max(minutes, 15)) + "M");
  }
  out += ics_fold("SUMMARY:" + ics_text(m->text("title")));
  if (!m->text("place").empty()) out += ics_fold("LOCATION:" + ics_text(m->text("place")));
  out += ics_fold("DESCRIPTION:" + ics_text(community_record(c).text("name") + "\n\n" + description));
  out += "END:VEVENT\r\nEND:VCALENDAR\r\n";
  return out;
}

}  // namespace cv
