// groups.cpp: see groups.h.
// Three methods, the first that works wins:
//  - a construction: when the players are p^m (p prime) in groups of p^k with nobody absent and no
//    other rule, the groups of each round are the cosets of a k-dimensional subspace of GF(p)^m, and
//    rounds whose subspaces meet only in 0 never put a pair together twice (affine planes, partial
//    spreads: 4-4-5, 5-5-6, 8-4-9, 7-7-8, 3-3-4, ...);
//  - developments: base rounds searched for and moved along Z_m (cyclic), or also turned through
//    the classes of players (rotational, 9-4-11), or along Z_(n-1) with one fixed player and a base
//    round that adding (n-1)/(s-1) leaves as it is (one-rotational: 33 in threes, 40 in fours), so
//    that a few groups stand for a whole schedule;
//  - a search: a greedy start (players placed where they meet the fewest already-met players), then
//    tabu search over swaps of two players of one round (after Dotú and Van Hentenryck), with
//    perturbations when it stalls. All of a community's rules are costs in the same search.
//  [SECTION] Sizes
//  [SECTION] Quality and checks
//  [SECTION] The portfolio: solving in slices
// The methods are in their own files: groups_construct.cpp, groups_cyclic.cpp, groups_rotational.cpp,
// groups_tabu.h (the general search and the solver's state).
#include "core/groups.h"

#include "core/groups_tabu.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <numeric>
#include <set>

namespace cv {

// [SECTION] Sizes -----------------------------------------------------------------------------------

std::vector<int> group_sizes(const GroupsProblem& p, int present) {
  if (present <= 0) return {};
  int g = p.groups;
  if (g <= 0) {
    const int s = std::max(1, p.group_size);
    g = p.odd_bigger ? std::max(1, present / s) : (present + s - 1) / s;
  }
  g = std::clamp(g, 1, present);
  std::vector<int> sizes(g, present / g);
  for (int i = 0; i < present % g; ++i) ++sizes[i];
  return sizes;
}

// [SECTION] Quality and checks ---------------------------------------------------------------------

GroupsQuality evaluate(const GroupsProblem& p, const Schedule& s) {
  GroupsQuality q;
  const int n = p.players;
  std::vector<int> count(static_cast<size_t>(n) * n, 0);
  for (size_t r = 0; r < s.size(); ++r) {
    bool repeat = false;
    for (const auto& g : s[r]) {
      q.possible_pairs += 0;
      for (size_t a = 0; a < g.size(); ++a)
        for (size_t b = a + 1; b < g.size(); ++b) {
          const int i = std::min(g[a], g[b]), j = std::max(g[a], g[b]);
          int& c = count[static_cast<size_t>(i) * n + j];
          if (c == 0 && met_before(p, i, j) == 0) ++q.new_pairs;
          if (c == 0) ++q.distinct_pairs;
          ++c;
          if (c + met_before(p, i, j) > 1) {
            ++q.repeated_pairs;
            repeat = true;
          }
          q.max_meetings = std::max(q.max_meetings, c + met_before(p, i, j));
        }
    }
    if (repeat && q.first_repeat_round < 0) q.first_repeat_round = static_cast<int>(r);
  }
  std::set<std::pair<int, int>> preferred;
  for (const auto& [a, b] : p.prefer)
    if (a >= 0 && b >= 0 && a < n && b < n && a != b) preferred.insert({std::min(a, b), std::max(a, b)});
  for (const auto& [i, j] : preferred) q.preferred_met += count[static_cast<size_t>(i) * n + j] > 0;
  // The most distinct pairs: every meeting in the schedule a new pair, capped by all pairs of the
  // players who take part.
  int meetings = 0;
  std::set<int> taking_part;
  for (const auto& round : s)
    for (const auto& g : round) {
      meetings += static_cast<int>(g.size() * (g.size() - 1) / 2);
      taking_part.insert(g.begin(), g.end());
    }
  const int m = static_cast<int>(taking_part.size());
  q.possible_pairs = std::min(meetings, m * (m - 1) / 2);
  q.constraint_violations = check_schedule(p, s).empty() ? 0 : 1;
  return q;
}

std::string check_schedule(const GroupsProblem& p, const Schedule& s) {
  if (static_cast<int>(s.size()) != p.rounds) return "the schedule has " + std::to_string(s.size()) + " rounds, not " + std::to_string(p.rounds);
  for (int r = 0; r < p.rounds; ++r) {
    const std::string where = "round " + std::to_string(r + 1) + ": ";
    std::vector<int> seen(p.players, 0);
    std::vector<int> sizes;
    for (const auto& g : s[r]) {
      sizes.push_back(static_cast<int>(g.size()));
      for (int x : g) {
        if (x < 0 || x >= p.players) return where + "player " + std::to_string(x) + " does not exist";
        if (!present_in(p, r, x)) return where + "player " + std::to_string(x) + " is absent but placed";
        if (seen[x]++) return where + "player " + std::to_string(x) + " is placed twice";
      }
    }
    int present = 0;
    for (int x = 0; x < p.players; ++x) {
      if (present_in(p, r, x)) ++present;
      if (present_in(p, r, x) && !seen[x]) return where + "player " + std::to_string(x) + " is present but not placed";
    }
    std::vector<int> want = group_sizes(p, present);
    std::sort(sizes.begin(), sizes.end());
    std::sort(want.begin(), want.end());
    if (sizes != want) return where + "group sizes differ by more than one, or the number of groups is not the one asked";
    for (const auto& g : s[r]) {
      std::set<int> in(g.begin(), g.end());
      for (const auto& [a, b] : p.apart)
        if (in.count(a) && in.count(b)) return where + "players " + std::to_string(a) + " and " + std::to_string(b) + " are kept apart but share a group";
      for (const auto& set : p.together) {
        int inside = 0, here = 0;
        for (int x : set) {
          if (!present_in(p, r, x)) continue;
          ++here;
          inside += in.count(x) > 0;
        }
        if (inside > 0 && inside < here) return where + "a set kept together is split";
      }
    }
    if (!p.hosts.empty()) {
      int hosts_here = 0;
      for (int h : p.hosts) hosts_here += present_in(p, r, h) ? 1 : 0;
      for (const auto& g : s[r]) {
        int h = 0;
        for (int x : g) h += std::find(p.hosts.begin(), p.hosts.end(), x) != p.hosts.end();
        if (hosts_here >= static_cast<int>(s[r].size()) && h == 0) return where + "a group has no host";
        if (hosts_here < static_cast<int>(s[r].size()) && h > 1) return where + "a group has two hosts while another has none";
      }
    }
    if (r < static_cast<int>(p.locked.size()))
      for (const auto& lg : p.locked[r]) {
        std::set<int> want_set(lg.begin(), lg.end());
        bool found = false;
        for (const auto& g : s[r]) found = found || std::set<int>(g.begin(), g.end()) == want_set;
        if (!found) return where + "a locked group was changed";
      }
  }
  return {};
}

int repeats_lower_bound(const GroupsProblem& p) {
  const int n = p.players;
  if (n < 2 || (p.group_size <= 0 && p.groups <= 0)) return 0;
  std::vector<long long> places(n, 0);  // partner places per member, at least
  long long meetings = 0;
  for (int r = 0; r < p.rounds; ++r) {
    int present = 0;
    for (int x = 0; x < n; ++x) present += present_in(p, r, x);
    const std::vector<int> sizes = group_sizes(p, present);
    if (sizes.empty()) continue;
    const int smallest = *std::min_element(sizes.begin(), sizes.end());
    for (int s : sizes) meetings += static_cast<long long>(s) * (s - 1) / 2;
    for (int x = 0; x < n; ++x)
      if (present_in(p, r, x)) places[x] += smallest - 1;
  }
  long long excess = 0, fresh_pairs = 0;
  for (int i = 0; i < n; ++i) {
    long long fresh = 0;  // others i has not met before
    for (int j = 0; j < n; ++j)
      if (j != i && std::max(met_before(p, i, j), met_before(p, j, i)) == 0) ++fresh;
    excess += std::max(0LL, places[i] - fresh);
    fresh_pairs += fresh;
  }
  return static_cast<int>(std::max((excess + 1) / 2, meetings - fresh_pairs / 2));
}

// A problem the construction can serve: everyone present, equal groups, no other rule.
bool plain(const GroupsProblem& p) {
  if (!p.apart.empty() || !p.together.empty() || !p.hosts.empty() || !p.locked.empty() || !p.prefer.empty()) return false;
  for (int a : p.attribute)
    if (a >= 0) return false;
  for (const auto& row : p.met)
    for (int c : row)
      if (c) return false;
  for (const auto& row : p.present)
    for (bool b : row)
      if (!b) return false;
  const auto sizes = group_sizes(p, p.players);
  return std::all_of(sizes.begin(), sizes.end(), [&](int s) { return s == sizes[0]; });
}

// [SECTION] The portfolio: solving in slices -------------------------------------------------------------------------

namespace {

double clock_or_iterations(const GroupsSolver* s) {
  return s->p.clock_ms ? s->p.clock_ms() : s->iter / 200.0;
}

std::string validate(const GroupsProblem& p) {
  if (p.players < 2) return "at least two members are needed to make groups";
  if (p.players > 2000) return "at most 2000 members can be grouped at once";
  if (p.rounds < 1 || p.rounds > 200) return "the number of rounds must be from 1 to 200";
  if (p.group_size <= 0 && p.groups <= 0) return "say the group size or the number of groups";
  if (p.group_size == 1) return "a group needs at least two members";
  for (const auto& [a, b] : p.apart)
    if (a < 0 || b < 0 || a >= p.players || b >= p.players) return "a pair kept apart names a member who is not in the list";
  for (const auto& set : p.together)
    for (int x : set)
      if (x < 0 || x >= p.players) return "a set kept together names a member who is not in the list";
  return {};
}

}  // namespace

GroupsSolver* groups_start(const GroupsProblem& p) {
  auto* s = new GroupsSolver;
  s->p = p;
  s->error = validate(p);
  if (!s->error.empty()) {
    s->done = true;
    return s;
  }
  s->started = p.clock_ms ? p.clock_ms() : 0;
  s->rng.s = p.seed * 0x2545F4914F6CDD1Dull + 1;
  s->best_cost = -1;
  s->bound_cost = GroupsSolver::kRepeat * static_cast<long long>(repeats_lower_bound(p));
  // A perfect season from the numbers: from subspaces, or a product of two (45 in threes from 3 and
  // 15); its factors may take the solver a moment (at most 80% of the budget: where a product is
  // possible the general search on the whole never gets there in the rest, and a factor's search
  // varies from seed to seed: KTS(21) in wasm took 50 ms to 2.3 s).
  if (plain(p)) {
    const int q = group_sizes(p, p.players)[0];
    if (q >= 2 && p.players % q == 0 && p.rounds <= (p.players - 1) / (q - 1))
      s->designed = perfect_season(p.players, q, p.seed, p.budget_ms * 0.8, p.clock_ms);
  }
  s->fresh_start();
  if (s->cost <= s->bound_cost) s->done = true;
  // The cyclic searches join unless the construction already reaches all but one round (then the
  // general search, restarted often, is the better bet: 8-4-10 from the 9 rounds of a partial spread).
  int constructed_rounds = 0;
  if (const GaloisField f = plain(p) ? field_for(p.players, group_sizes(p, p.players)[0]) : GaloisField{}; f.p) {
    Rng probe{p.seed};
    constructed_rounds = static_cast<int>(partial_spread(f, p.rounds, probe, 60).size());
  }
  if (!s->done && plain(p) && constructed_rounds < p.rounds - 1) s->cyclics = cyclic_developments(p, p.seed, 4);
  if (!s->done && plain(p)) s->rotations = rotational_developments(p, p.seed);
  // The rotational searches go first: they are over in milliseconds, found or not.
  if (!s->rotations.empty()) s->turn = 1 + s->cyclics.size();
  s->turn_left = s->turn_length;
  return s;
}

namespace {

// Loads a whole schedule into the general search (to go on from a cyclic search's near miss).
void load(GroupsSolver* s, const Schedule& sched) {
  for (int r = 0; r < s->R; ++r) {
    auto& rd = s->rounds[r];
    for (size_t g = 0; g < rd.groups.size(); ++g) s->meet(r, static_cast<int>(g), -1);
    rd.groups = sched[r];
    std::fill(rd.group_of.begin(), rd.group_of.end(), -1);
    for (size_t g = 0; g < rd.groups.size(); ++g) {
      for (int x : rd.groups[g]) rd.group_of[x] = static_cast<int>(g);
      s->meet(r, static_cast<int>(g), +1);
    }
  }
  s->cost = s->run_best = s->full_cost();
  s->run_start = s->last_better = s->iter;
  if (s->cost < s->best_cost) {
    s->best_cost = s->cost;
    s->best = s->snapshot();
  }
  std::fill(s->tabu.begin(), s->tabu.end(), 0);
}

// One iteration of whichever search has the turn.
void portfolio_step(GroupsSolver* s) {
  if (s->turn_left-- <= 0) {
    s->turn = (s->turn + 1) % (s->cyclics.size() + s->rotations.size() + 1);
    if (s->turn == 0) {
      s->turn_length = s->turn_length * 3 / 2;
      // The general search goes on from the best near miss of the cyclic searches, if better.
      const Development* nearest = nullptr;
      for (const auto& c : s->cyclics)
        if (!nearest || c->repeats() < nearest->repeats()) nearest = c.get();
      if (nearest && nearest->repeats() * GroupsSolver::kRepeat < s->best_cost) load(s, nearest->develop());
    }
    s->turn_left = s->turn_length;
    // A general search far behind a cyclic one gets short turns (9-4-11: the cyclic search is the
    // one that gets there).
    if (s->turn == 0)
      for (const auto& c : s->cyclics)
        if (c->repeats() * GroupsSolver::kRepeat * 4 < s->run_best) s->turn_left = s->turn_length / 8;
  }
  if (s->turn == 0) {
    s->step();
    return;
  }
  Development& d = s->turn > s->cyclics.size() ? *s->rotations[s->turn - 1 - s->cyclics.size()] : *s->cyclics[s->turn - 1];
  d.step();
  ++s->iter;
  if (d.repeats() == 0) {
    s->best = d.develop();
    s->best_cost = 0;
    s->method = d.method();
  }
}

}  // namespace

bool groups_step(GroupsSolver* s, double slice_ms) {
  if (s->done) return true;
  const double slice_start = clock_or_iterations(s);
  while (!s->done) {
    for (int k = 0; k < 16 && s->best_cost > s->bound_cost; ++k) portfolio_step(s);
    const double now = clock_or_iterations(s);
    // No schedule has fewer repeats than the bound: one that reaches it is done.
    if (s->best_cost <= s->bound_cost || now - s->started >= s->p.budget_ms) s->done = true;
    // A community's own problem (absences, rules) rarely has a perfect schedule: stop once the best
    // has not moved for long, rather than spend the whole budget proving nothing.
    if (!plain(s->p) && s->iter - s->best_at > 20000 + 200LL * s->n) s->done = true;
    if (now - slice_start >= slice_ms) break;
  }
  return s->done;
}

double groups_progress(const GroupsSolver* s) {
  if (s->done) return 1;
  return std::clamp((clock_or_iterations(s) - s->started) / std::max(1.0, s->p.budget_ms), 0.0, 1.0);
}

GroupsResult groups_finish(GroupsSolver* s) {
  GroupsResult r;
  r.error = s->error;
  if (r.error.empty()) {
    r.ok = true;
    r.schedule = s->best;
    r.quality = evaluate(s->p, r.schedule);
    r.method = s->method;
    r.lower_bound = static_cast<int>(s->bound_cost / GroupsSolver::kRepeat);
    r.iterations = s->iter;
    r.ms = clock_or_iterations(s) - s->started;
  }
  delete s;
  return r;
}

GroupsResult solve_groups(const GroupsProblem& p) {
  GroupsSolver* s = groups_start(p);
  while (!groups_step(s, 1e18)) {
  }
  return groups_finish(s);
}

}  // namespace cv
