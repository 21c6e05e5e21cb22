// breakouts.cpp: see breakouts.h.
//  [SECTION] Reading rounds
//  [SECTION] History and new connections
//  [SECTION] Ops
//  [SECTION] Group cards
#include "core/breakouts.h"

#include "core/directory.h"
#include "core/document.h"

#include <algorithm>
#include <set>

#include "core/getting_started.h"
#include "core/text.h"

namespace cv {

namespace {
std::pair<std::string, std::string> pair_of(const std::string& a, const std::string& b) {
  return a < b ? std::make_pair(a, b) : std::make_pair(b, a);
}
}  // namespace

// [SECTION] Reading rounds ---------------------------------------------------------------------------

std::string session_title(const Community& c, const std::string& session) {
  const Record* b = find_live(c, session);
  const Record* m = b && b->type == kBlock ? find_live(c, b->text("meeting")) : nullptr;
  return m ? m->text("title") + ": " + b->text("title") : session;
}

std::vector<BreakoutRound> breakout_rounds(const Community& c) {
  std::vector<BreakoutRound> out;
  for (const auto* e : records_of(c, kBreakout)) {
    const auto& [id, r] = *e;
    if (r.deleted()) continue;
    BreakoutRound b;
    b.id = id;
    b.session = r.text("session");
    const json& n = r.get("round");
    b.round = n.is_number() ? n.get<int>() : 0;
    const json& gs = r.get("groups");
    if (gs.is_array())
      for (const auto& g : gs) {
        std::vector<std::string> members;
        if (g.is_array())
          for (const auto& m : g)
            if (m.is_string()) members.push_back(m.get<std::string>());
        b.groups.push_back(std::move(members));
      }
    const json& lk = r.get("locked");
    if (lk.is_array())
      for (const auto& x : lk)
        if (x.is_number_integer()) b.locked.push_back(x.get<int>());
    if (auto d = r.fields.find("deleted"); d != r.fields.end()) b.made_ms = d->second.stamp.ms;
    out.push_back(std::move(b));
  }
  std::sort(out.begin(), out.end(), [](const BreakoutRound& a, const BreakoutRound& b) {
    if (a.made_ms != b.made_ms) return a.made_ms < b.made_ms;
    if (a.session != b.session) return a.session < b.session;
    return a.round != b.round ? a.round < b.round : a.id < b.id;
  });
  return out;
}

// [SECTION] History and new connections -----------------------------------------------------------------

std::map<std::pair<std::string, std::string>, int> pair_history(const Community& c, const std::string& except) {
  std::map<std::pair<std::string, std::string>, int> met;
  for (const auto& r : breakout_rounds(c)) {
    if (r.id == except) continue;
    for (const auto& g : r.groups)
      for (size_t a = 0; a < g.size(); ++a)
        for (size_t b = a + 1; b < g.size(); ++b) ++met[pair_of(g[a], g[b])];
  }
  return met;
}

Connections new_connections(const Community& c) { return new_connections(breakout_rounds(c)); }

Connections new_connections(const std::vector<BreakoutRound>& rounds) {
  Connections out;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& r : rounds) {
    int fresh = 0;
    auto& groups = out.fresh.emplace_back();
    for (const auto& g : r.groups) {
      auto& pairs = groups.emplace_back();
      for (size_t a = 0; a < g.size(); ++a)
        for (size_t b = a + 1; b < g.size(); ++b)
          if (seen.insert(pair_of(g[a], g[b])).second) {
            ++fresh;
            pairs.push_back(pair_of(g[a], g[b]));
          }
    }
    out.per_round.push_back(fresh);
  }
  out.season = static_cast<int>(seen.size());
  return out;
}

std::vector<std::pair<std::string, std::string>> first_meetings(const Community& c, const std::string& round_id,
                                                                 const std::vector<std::string>& group) {
  std::set<std::pair<std::string, std::string>> before;
  for (const auto& r : breakout_rounds(c)) {
    if (r.id == round_id) break;
    for (const auto& g : r.groups)
      for (size_t a = 0; a < g.size(); ++a)
        for (size_t b = a + 1; b < g.size(); ++b) before.insert(pair_of(g[a], g[b]));
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t a = 0; a < group.size(); ++a)
    for (size_t b = a + 1; b < group.size(); ++b)
      if (!before.count(pair_of(group[a], group[b]))) out.push_back(pair_of(group[a], group[b]));
  return out;
}

int move_cost(const Community& c, const BreakoutRound& r, const std::string& member, size_t to) {
  const auto met = pair_history(c, r.id);
  auto times = [&](const std::string& a, const std::string& b) {
    auto it = met.find(pair_of(a, b));
    return it == met.end() ? 0 : it->second;
  };
  int cost = 0;
  for (size_t g = 0; g < r.groups.size(); ++g) {
    const bool here = std::find(r.groups[g].begin(), r.groups[g].end(), member) != r.groups[g].end();
    if (here && g == to) return 0;
    for (const auto& x : r.groups[g]) {
      if (x == member) continue;
      if (here) cost -= times(member, x) > 0;  // a repeat it leaves
      if (g == to) cost += times(member, x) > 0;  // a repeat it joins
    }
  }
  return cost;
}

// [SECTION] Ops ------------------------------------------------------------------------------------------

static json groups_json(const Schedule& one, size_t round, const std::vector<std::string>& members) {
  json gs = json::array();
  for (const auto& g : one[round]) {
    json ids = json::array();
    for (int x : g) ids.push_back(members[x]);
    gs.push_back(ids);
  }
  return gs;
}

Op op_breakouts(const std::string& first_id, const std::string& session, int first_round, const Schedule& schedule,
                const std::vector<std::string>& members) {
  Op op{"Make breakout groups", {}};
  for (size_t r = 0; r < schedule.size(); ++r) {
    const std::string id = first_id + ":r" + std::to_string(r + 1);
    op.changes.push_back({id, kBreakout, "deleted", false});
    op.changes.push_back({id, kBreakout, "session", session});
    op.changes.push_back({id, kBreakout, "round", first_round + static_cast<int>(r)});
    op.changes.push_back({id, kBreakout, "groups", groups_json(schedule, r, members)});
  }
  return op;
}

Op op_move_member(const BreakoutRound& r, const std::string& member, size_t to) {
  json gs = json::array();
  for (size_t g = 0; g < r.groups.size(); ++g) {
    json ids = json::array();
    for (const auto& x : r.groups[g])
      if (x != member) ids.push_back(x);
    if (g == to) ids.push_back(member);
    gs.push_back(ids);
  }
  return Op{"Move to another group", {{r.id, kBreakout, "groups", gs}}};
}

Op op_lock_group(const BreakoutRound& r, int group, bool lock) {
  std::set<int> locked(r.locked.begin(), r.locked.end());
  if (lock) locked.insert(group);
  else locked.erase(group);
  return Op{lock ? "Lock group" : "Unlock group", {{r.id, kBreakout, "locked", json(std::vector<int>(locked.begin(), locked.end()))}}};
}

Op op_replace_groups(const BreakoutRound& r, const Schedule& one_round, const std::vector<std::string>& members) {
  // Locked groups come back at their old places; the new ones fill the rest.
  json gs = json::array();
  const auto fresh = groups_json(one_round, 0, members);
  std::vector<bool> used(fresh.size(), false);
  for (size_t g = 0; g < r.groups.size(); ++g) {
    const bool lock = std::find(r.locked.begin(), r.locked.end(), static_cast<int>(g)) != r.locked.end();
    if (lock) {
      gs.push_back(r.groups[g]);
      for (size_t k = 0; k < fresh.size(); ++k) {
        std::set<std::string> a(r.groups[g].begin(), r.groups[g].end());
        std::set<std::string> b;
        for (const auto& x : fresh[k]) b.insert(x.get<std::string>());
        if (!used[k] && a == b) {
          used[k] = true;
          break;
        }
      }
    } else {
      gs.push_back(nullptr);
    }
  }
  size_t k = 0;
  for (auto& g : gs) {
    if (!g.is_null()) continue;
    while (k < fresh.size() && used[k]) ++k;
    g = k < fresh.size() ? fresh[k++] : json::array();
  }
  for (; k < fresh.size(); ++k)
    if (!used[k]) gs.push_back(fresh[k]);
  return Op{"Regenerate groups", {{r.id, kBreakout, "groups", gs}}};
}

// Introductions between members who have not met in a breakout since: pairs the solver prefers to seat
// together (once), so an introduction becomes a conversation.
static void prefer_introduced(const Community& c, const std::vector<std::string>& members,
                       const std::map<std::pair<std::string, std::string>, int>& met, GroupsProblem& p) {
  std::map<std::string, int> index;
  for (size_t i = 0; i < members.size(); ++i) index[members[i]] = static_cast<int>(i);
  for (const auto& [a, b] : introduced_pairs(c)) {
    auto x = index.find(a), y = index.find(b);
    if (x != index.end() && y != index.end() && !met.count({a, b})) p.prefer.push_back({x->second, y->second});
  }
}

GroupsProblem regenerate_problem(const Community& c, const BreakoutRound& r, std::vector<std::string>& members) {
  members.clear();
  for (const auto& g : r.groups)
    for (const auto& m : g) members.push_back(m);
  GroupsProblem p;
  p.players = static_cast<int>(members.size());
  p.rounds = 1;
  p.groups = static_cast<int>(r.groups.size());
  const auto met = pair_history(c, r.id);
  p.met.assign(p.players, std::vector<int>(p.players, 0));
  for (int i = 0; i < p.players; ++i)
    for (int j = 0; j < p.players; ++j)
      if (i != j)
        if (auto it = met.find(pair_of(members[i], members[j])); it != met.end()) p.met[i][j] = it->second;
  std::vector<std::vector<int>> locked;
  for (int g : r.locked)
    if (g >= 0 && g < static_cast<int>(r.groups.size())) {
      std::vector<int> ids;
      for (const auto& m : r.groups[g]) ids.push_back(static_cast<int>(std::find(members.begin(), members.end(), m) - members.begin()));
      locked.push_back(ids);
    }
  if (!locked.empty()) p.locked = {locked};
  prefer_introduced(c, members, met, p);
  // Sizes as they are now, so locked groups fit: the solver's own sizes differ by at most one.
  return p;
}

GroupsProblem groups_problem(const Community& c, const GroupsRequest& req, std::vector<std::string>& members) {
  GroupsProblem p;
  members.clear();
  for (const std::string& id : req.present)
    if (find_live(c, id) && std::find(members.begin(), members.end(), id) == members.end()) members.push_back(id);
  p.players = static_cast<int>(members.size());
  p.group_size = req.size;
  p.groups = req.groups;
  p.rounds = req.rounds;
  p.odd_bigger = req.bigger;
  // Everyone who met in earlier breakouts has met: the history counts by itself.
  const auto met = pair_history(c);
  p.met.assign(p.players, std::vector<int>(p.players, 0));
  for (int i = 0; i < p.players; ++i)
    for (int j = 0; j < p.players; ++j) {
      const auto key = members[i] < members[j] ? std::make_pair(members[i], members[j]) : std::make_pair(members[j], members[i]);
      if (auto it = met.find(key); i != j && it != met.end()) p.met[i][j] = it->second;
    }
  prefer_introduced(c, members, met, p);
  return p;
}

int next_round(const Community& c, const std::string& session) {
  int next = 1;
  for (const auto& br : breakout_rounds(c))
    if (br.session == session) next = std::max(next, br.round + 1);
  return next;
}

// [SECTION] Group cards ------------------------------------------------------------------------------------

std::string group_cards_html(const Community& c, const std::string& session) {
  const std::string title = session_title(c, session);
  Document d;
  d.title = "Groups: " + title;
  d.heading(1, community_record(c).text("name") + ": " + title);
  for (const auto& r : breakout_rounds(c)) {
    if (r.session != session) continue;
    d.heading(2, "Round " + std::to_string(r.round));
    std::vector<Card> cards;
    for (size_t g = 0; g < r.groups.size(); ++g) {
      Card card{"Group " + std::to_string(g + 1), {}, ""};
      for (const auto& m : r.groups[g]) card.items.push_back(member_name(c, m));
      card.note = std::to_string(first_meetings(c, r.id, r.groups[g]).size()) + " first meetings";
      cards.push_back(std::move(card));
    }
    d.cards(std::move(cards));
  }
  return to_html(d);
}

}  // namespace cv
