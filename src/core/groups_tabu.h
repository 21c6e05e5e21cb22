// groups_tabu.h: the general search, and the state the portfolio keeps: a greedy start (players
// placed where they meet the fewest already-met players), then tabu search over swaps of two players
// of one round (after Dotú and Van Hentenryck), with perturbations when it stalls. All of a
// community's rules are costs in the same search. Private to the core's groups files.
#pragma once
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <memory>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "core/groups_internal.h"

namespace cv {

// [SECTION] Search state --------------------------------------------------------------------------------

struct GroupsSolver {
  GroupsProblem p;
  Rng rng{1};
  int n = 0, R = 0;
  static constexpr int kHard = 1000;  // a broken rule weighs more than any number of repeats
  static constexpr int kRepeat = 2;
  static constexpr int kPrefer = 1;   // a preferred pair that never meets: less than a repeat
  // Per round: groups, where each player is, which groups are locked, hosts and attribute counts.
  struct Round {
    std::vector<std::vector<int>> groups;
    std::vector<int> group_of;  // -1: absent
    std::vector<char> locked;
    std::vector<int> hosts;     // per group
    std::vector<std::vector<int>> attr;  // [group][value]
    int hosts_present = 0;
  };
  std::vector<Round> rounds;
  std::vector<int> total;      // n*n meetings, history included
  std::vector<int> hist;       // n*n history
  std::vector<int> rule;       // n*n: cost change when the pair shares a group (apart +, together -)
  std::vector<std::vector<int>> pref_of;  // per player: preferred partners (empty when none)
  std::vector<char> is_host;
  std::vector<int> attr;
  int attr_values = 0;
  std::vector<int> attr_lo, attr_hi;  // per round*value: the fair range of a group's count
  std::vector<int> tabu;       // per round*player: iteration until which the player stays
  long long cost = 0, best_cost = 0, iter = 0, last_better = 0;
  long long bound_cost = 0;    // kRepeat times repeats_lower_bound(p): no schedule costs less
  // This run's best; runs restart fresh after restart_after steps. Short runs win: on 8-4-10 (100 seeds,
  // native) 600 steps took 362 ms on average and 1.3 s at worst, 1500 steps 718 ms and 3.6 s (40 seeds).
  long long run_best = 0, run_start = 0, restart_after = 600;
  long long best_at = 0;  // iteration of the last improvement of the best schedule
  Schedule best;
  double started = 0;
  bool done = false;
  // A portfolio on plain problems: the general search and one cyclic search per parameter choice
  // take turns of a growing number of iterations (counted, not timed, so a seed always gives the
  // same schedule).
  std::vector<std::unique_ptr<Development>> cyclics;
  std::vector<std::unique_ptr<Development>> rotations;  // turns after the cyclic searches
  size_t turn = 0;
  long long turn_left = 0, turn_length = 300;
  std::string method = "search";
  Schedule designed;  // a perfect season built from the numbers (perfect_season), when there is one
  std::string error;

  int& T(int i, int j) { return total[static_cast<size_t>(i) * n + j]; }
  int H(int i, int j) const { return hist[static_cast<size_t>(i) * n + j]; }
  int Rule(int i, int j) const { return rule[static_cast<size_t>(i) * n + j]; }
  bool Pref(int i, int j) const {
    return !pref_of.empty() && std::find(pref_of[i].begin(), pref_of[i].end(), j) != pref_of[i].end();
  }
  // A preferred pair's cost when one meeting is added (-1: they meet at last) or removed (+1: no longer).
  int pref_add(int i, int j) { return Pref(i, j) && T(i, j) - H(i, j) == 0 ? -kPrefer : 0; }
  int pref_remove(int i, int j) { return Pref(i, j) && T(i, j) - H(i, j) == 1 ? kPrefer : 0; }

  // Repeats: what adding or removing one meeting of a pair costs (history counts, see evaluate()).
  int add_cost(int i, int j) { const int c = T(i, j) - H(i, j); return c > 0 ? 1 : H(i, j); }
  int remove_cost(int i, int j) { const int c = T(i, j) - H(i, j); return c >= 2 ? -1 : -H(i, j); }

  int host_penalty(const Round& rd, int h) const {
    const int groups = static_cast<int>(rd.groups.size());
    if (is_host.empty() || rd.hosts_present == 0) return 0;
    if (rd.hosts_present >= groups) return h == 0 ? kHard : 0;
    return h > 1 ? kHard * (h - 1) : 0;
  }
  int attr_penalty(int r, int v, int count) const {
    const int lo = attr_lo[r * attr_values + v], hi = attr_hi[r * attr_values + v];
    return std::max(0, count - hi) + std::max(0, lo - count);
  }

  void meet(int r, int g, int sign) {
    const auto& grp = rounds[r].groups[g];
    for (size_t a = 0; a < grp.size(); ++a)
      for (size_t b = a + 1; b < grp.size(); ++b) {
        T(grp[a], grp[b]) += sign;
        T(grp[b], grp[a]) += sign;
      }
  }

  long long full_cost() {
    long long c = 0;
    for (int i = 0; i < n; ++i)
      for (int j = i + 1; j < n; ++j) {
        const int m = T(i, j) - H(i, j);
        if (m > 0) c += kRepeat * (H(i, j) + m - 1);
        else if (Pref(i, j)) c += kPrefer;
      }
    for (int r = 0; r < R; ++r) {
      const Round& rd = rounds[r];
      for (size_t g = 0; g < rd.groups.size(); ++g) {
        const auto& grp = rd.groups[g];
        for (size_t a = 0; a < grp.size(); ++a)
          for (size_t b = a + 1; b < grp.size(); ++b) c += std::max(0, Rule(grp[a], grp[b]));
        c += host_penalty(rd, rd.hosts[g]);
        for (int v = 0; v < attr_values; ++v) c += attr_penalty(r, v, rd.attr[g][v]);
      }
      // Together pairs split across groups.
      for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j)
          if (Rule(i, j) < 0 && rd.group_of[i] >= 0 && rd.group_of[j] >= 0 && rd.group_of[i] != rd.group_of[j])
            c += -Rule(i, j);
    }
    return c;
  }

  // What swapping players a and b (in different groups of round r) changes.
  long long swap_delta(int r, int a, int b) {
    Round& rd = rounds[r];
    const int A = rd.group_of[a], B = rd.group_of[b];
    long long d = 0;
    for (int x : rd.groups[A]) {
      if (x == a) continue;
      d += kRepeat * (remove_cost(a, x) + add_cost(b, x));
      d += -Rule(a, x) + Rule(b, x) + pref_remove(a, x) + pref_add(b, x);
    }
    for (int y : rd.groups[B]) {
      if (y == b) continue;
      d += kRepeat * (remove_cost(b, y) + add_cost(a, y));
      d += -Rule(b, y) + Rule(a, y) + pref_remove(b, y) + pref_add(a, y);
    }
    if (!is_host.empty() && is_host[a] != is_host[b]) {
      const int dh = is_host[b] - is_host[a];
      d += host_penalty(rd, rd.hosts[A] + dh) - host_penalty(rd, rd.hosts[A]);
      d += host_penalty(rd, rd.hosts[B] - dh) - host_penalty(rd, rd.hosts[B]);
    }
    if (attr_values && attr[a] != attr[b]) {
      for (const int g : {A, B}) {
        const int out_v = g == A ? attr[a] : attr[b], in_v = g == A ? attr[b] : attr[a];
        if (out_v >= 0)
          d += attr_penalty(r, out_v, rd.attr[g][out_v] - 1) - attr_penalty(r, out_v, rd.attr[g][out_v]);
        if (in_v >= 0) {
          const int now = rd.attr[g][in_v] - (out_v == in_v ? 1 : 0);
          d += attr_penalty(r, in_v, now + 1) - attr_penalty(r, in_v, now);
        }
      }
    }
    return d;
  }

  void apply_swap(int r, int a, int b) {
    Round& rd = rounds[r];
    const int A = rd.group_of[a], B = rd.group_of[b];
    for (int x : rd.groups[A])
      if (x != a) T(a, x)--, T(x, a)--, T(b, x)++, T(x, b)++;
    for (int y : rd.groups[B])
      if (y != b) T(b, y)--, T(y, b)--, T(a, y)++, T(y, a)++;
    std::replace(rd.groups[A].begin(), rd.groups[A].end(), a, b);
    std::replace(rd.groups[B].begin(), rd.groups[B].end(), b, a);
    rd.group_of[a] = B;
    rd.group_of[b] = A;
    if (!is_host.empty()) {
      rd.hosts[A] += is_host[b] - is_host[a];
      rd.hosts[B] += is_host[a] - is_host[b];
    }
    if (attr_values) {
      if (attr[a] >= 0) rd.attr[A][attr[a]]--, rd.attr[B][attr[a]]++;
      if (attr[b] >= 0) rd.attr[B][attr[b]]--, rd.attr[A][attr[b]]++;
    }
  }

  Schedule snapshot() const {
    Schedule s;
    for (const Round& rd : rounds) {
      std::vector<std::vector<int>> gs = rd.groups;
      for (auto& g : gs) {
        std::sort(g.begin(), g.end());
        // Hosts first: the first one hosts.
        if (!is_host.empty()) std::stable_partition(g.begin(), g.end(), [&](int x) { return is_host[x] != 0; });
      }
      s.push_back(std::move(gs));
    }
    return s;
  }

  // [SECTION] Greedy start ----------------------------------------------------------------------------
  // Round by round, each group is filled with the player who adds the least cost to it; ties go to
  // the player with the fewest partners left unmet (the least freedom goes first), then at random.
  void greedy_round(int r) {
    Round& rd = rounds[r];
    std::vector<int> left;
    std::vector<char> placed(n, 0);
    for (size_t g = 0; g < rd.groups.size(); ++g)
      if (rd.locked[g])
        for (int x : rd.groups[g]) placed[x] = 1;
    for (int x = 0; x < n; ++x)
      if (present_in(p, r, x) && !placed[x]) left.push_back(x);
    for (size_t i = left.size(); i > 1; --i) std::swap(left[i - 1], left[rng.below(static_cast<int>(i))]);
    for (size_t g = 0; g < rd.groups.size(); ++g) {
      if (rd.locked[g]) continue;
      const size_t want = rd.groups[g].size();
      rd.groups[g].clear();
      while (rd.groups[g].size() < want && !left.empty()) {
        size_t best_i = 0;
        long long best = 0;
        bool any = false;  // costs can be below 0 (a preferred pair), so no sentinel value
        for (size_t i = 0; i < left.size(); ++i) {
          const int x = left[i];
          long long c = 0;
          for (int y : rd.groups[g])
            c += kRepeat * add_cost(x, y) + std::max(0, Rule(x, y)) + (Rule(x, y) < 0 ? -2 * kHard : 0) + pref_add(x, y);
          if (!is_host.empty() && is_host[x]) c += (rd.hosts[g] > 0 ? kHard : -kHard);
          if (!any || c < best) best = c, best_i = i, any = true;
          if (best == 0 && rd.groups[g].empty()) break;
        }
        const int x = left[best_i];
        left.erase(left.begin() + static_cast<long>(best_i));
        for (int y : rd.groups[g]) T(x, y)++, T(y, x)++;
        rd.groups[g].push_back(x);
        rd.group_of[x] = static_cast<int>(g);
        if (!is_host.empty()) rd.hosts[g] += is_host[x];
        if (attr_values && attr[x] >= 0) rd.attr[g][attr[x]]++;
      }
    }
  }

  void setup() {
    n = p.players;
    R = p.rounds;
    total.assign(static_cast<size_t>(n) * n, 0);
    hist.assign(static_cast<size_t>(n) * n, 0);
    rule.assign(static_cast<size_t>(n) * n, 0);
    // History may be given one way round only: make it symmetric.
    for (int i = 0; i < n; ++i)
      for (int j = i + 1; j < n; ++j) {
        const int h = std::max(met_before(p, i, j), met_before(p, j, i));
        hist[static_cast<size_t>(i) * n + j] = hist[static_cast<size_t>(j) * n + i] = h;
        total[static_cast<size_t>(i) * n + j] = total[static_cast<size_t>(j) * n + i] = h;
      }
    for (const auto& [a, b] : p.apart)
      if (a >= 0 && b >= 0 && a < n && b < n && a != b) rule[static_cast<size_t>(a) * n + b] = rule[static_cast<size_t>(b) * n + a] = kHard;
    for (const auto& set : p.together)
      for (int a : set)
        for (int b : set)
          if (a != b && a >= 0 && b >= 0 && a < n && b < n) rule[static_cast<size_t>(a) * n + b] = -kHard;
    pref_of.clear();
    if (!p.prefer.empty()) {
      pref_of.assign(n, {});
      for (const auto& [a, b] : p.prefer)
        if (a >= 0 && b >= 0 && a < n && b < n && a != b && !Pref(a, b) && H(a, b) == 0) {
          pref_of[a].push_back(b);
          pref_of[b].push_back(a);
        }
    }
    if (!p.hosts.empty()) {
      is_host.assign(n, 0);
      for (int h : p.hosts)
        if (h >= 0 && h < n) is_host[h] = 1;
    }
    attr.assign(n, -1);
    for (int i = 0; i < n && i < static_cast<int>(p.attribute.size()); ++i) {
      attr[i] = p.attribute[i];
      attr_values = std::max(attr_values, attr[i] + 1);
    }
    rounds.assign(R, Round{});
    attr_lo.assign(static_cast<size_t>(R) * std::max(1, attr_values), 0);
    attr_hi.assign(static_cast<size_t>(R) * std::max(1, attr_values), 0);
    for (int r = 0; r < R; ++r) {
      Round& rd = rounds[r];
      rd.group_of.assign(n, -1);
      int present = 0;
      for (int x = 0; x < n; ++x) present += present_in(p, r, x);
      const auto sizes = group_sizes(p, present);
      rd.groups.resize(sizes.size());
      for (size_t g = 0; g < sizes.size(); ++g) rd.groups[g].resize(sizes[g], -1);
      rd.locked.assign(sizes.size(), 0);
      rd.hosts.assign(sizes.size(), 0);
      rd.attr.assign(sizes.size(), std::vector<int>(std::max(1, attr_values), 0));
      for (int x = 0; x < n; ++x) rd.hosts_present += (!is_host.empty() && is_host[x] && present_in(p, r, x));
      // The fair count of each attribute value in a group: floor or ceiling of its share.
      for (int v = 0; v < attr_values; ++v) {
        int count = 0;
        for (int x = 0; x < n; ++x) count += attr[x] == v && present_in(p, r, x);
        attr_lo[r * attr_values + v] = count / static_cast<int>(sizes.size());
        attr_hi[r * attr_values + v] = (count + static_cast<int>(sizes.size()) - 1) / static_cast<int>(sizes.size());
      }
      // Locked groups: placed as they are, never moved.
      if (r < static_cast<int>(p.locked.size())) {
        for (const auto& lg : p.locked[r]) {
          for (size_t g = 0; g < rd.groups.size(); ++g) {
            if (rd.locked[g] || rd.groups[g].size() != lg.size()) continue;
            rd.groups[g] = lg;
            rd.locked[g] = 1;
            for (int x : lg) {
              rd.group_of[x] = static_cast<int>(g);
              if (!is_host.empty()) rd.hosts[g] += is_host[x];
              if (attr_values && attr[x] >= 0) rd.attr[g][attr[x]]++;
            }
            meet(r, static_cast<int>(g), +1);
            break;
          }
        }
      }
    }
    tabu.assign(static_cast<size_t>(R) * n, 0);
  }

  // A start: the construction's rounds where it reaches, greedy rounds for the rest.
  void fresh_start() {
    setup();
    int constructed = 0;
    if (plain(p) && !designed.empty()) {
      for (int r = 0; r < p.rounds && r < static_cast<int>(designed.size()); ++r) {
        auto& rd = rounds[r];
        rd.groups = designed[r];
        for (size_t g = 0; g < rd.groups.size(); ++g)
          for (int x : rd.groups[g]) rd.group_of[x] = static_cast<int>(g);
        for (size_t g = 0; g < rd.groups.size(); ++g) meet(r, static_cast<int>(g), +1);
        ++constructed;
      }
      if (constructed == p.rounds) method = "construction";
    } else if (plain(p)) {
      const GaloisField f = field_for(p.players, group_sizes(p, p.players)[0]);
      if (f.p) {
        const auto spread = partial_spread(f, p.rounds, rng, 60);
        for (int r = 0; r < p.rounds && r < static_cast<int>(spread.size()); ++r) {
          auto& rd = rounds[r];
          rd.groups = cosets(spread[r], p.players, f.p, f.m);
          for (size_t g = 0; g < rd.groups.size(); ++g)
            for (int x : rd.groups[g]) rd.group_of[x] = static_cast<int>(g);
          for (size_t g = 0; g < rd.groups.size(); ++g) meet(r, static_cast<int>(g), +1);
          ++constructed;
        }
        if (constructed == p.rounds) method = "construction";
      }
    }
    for (int r = constructed; r < p.rounds; ++r) greedy_round(r);
    cost = run_best = full_cost();
    run_start = last_better = iter;
    if (best_cost < 0 || cost < best_cost) {
      best_cost = cost;
      best = snapshot();
    }
  }

  // [SECTION] Tabu search -----------------------------------------------------------------------------
  // Players who take part in some cost in round r: a repeated or forbidden pair in their group, a
  // together partner elsewhere, or a group short of a host or out of balance.
  bool in_conflict(int r, int a) {
    const Round& rd = rounds[r];
    const int A = rd.group_of[a];
    if (A < 0 || rd.locked[A]) return false;
    for (int x : rd.groups[A]) {
      if (x == a) continue;
      const int m = T(a, x) - H(a, x);
      if (m >= 2 || (m >= 1 && H(a, x) > 0) || Rule(a, x) > 0) return true;
    }
    if (!is_host.empty() && host_penalty(rd, rd.hosts[A]) > 0) return true;
    for (int v = 0; v < attr_values; ++v)
      if (attr_penalty(r, v, rd.attr[A][v]) > 0) return true;
    if (!p.together.empty())
      for (int x = 0; x < n; ++x)
        if (Rule(a, x) < 0 && rd.group_of[x] >= 0 && rd.group_of[x] != A) return true;
    if (!pref_of.empty())
      for (int x : pref_of[a])
        if (T(a, x) - H(a, x) == 0 && rd.group_of[x] >= 0 && rd.group_of[x] != A) return true;
    return false;
  }

  void perturb() {
    const int swaps = 1 + rng.below(std::max(2, n / 8));
    for (int k = 0; k < swaps; ++k) {
      const int r = rng.below(R);
      const int a = rng.below(n), b = rng.below(n);
      const Round& rd = rounds[r];
      const int A = rd.group_of[a], B = rd.group_of[b];
      if (A < 0 || B < 0 || A == B || rd.locked[A] || rd.locked[B]) continue;
      cost += swap_delta(r, a, b);
      apply_swap(r, a, b);
    }
  }

  // One step: the best swap not forbidden (or forbidden but better than ever), ties at random.
  void step() {
    ++iter;
    long long best_d = 0;
    int br = -1, ba = -1, bb = -1, ties = 0;
    for (int r = 0; r < R; ++r) {
      const Round& rd = rounds[r];
      for (int a = 0; a < n; ++a) {
        if (!in_conflict(r, a)) continue;
        const int A = rd.group_of[a];
        for (size_t g = 0; g < rd.groups.size(); ++g) {
          if (static_cast<int>(g) == A || rd.locked[g]) continue;
          for (int b : rd.groups[g]) {
            const long long d = swap_delta(r, a, b);
            const bool forbidden = tabu[r * n + a] > iter || tabu[r * n + b] > iter;
            if (forbidden && cost + d >= run_best) continue;
            if (br < 0 || d < best_d) {
              best_d = d;
              br = r, ba = a, bb = b;
              ties = 1;
            } else if (d == best_d && rng.below(++ties) == 0) {
              br = r, ba = a, bb = b;
            }
          }
        }
      }
    }
    if (br < 0) {
      perturb();
      return;
    }
    apply_swap(br, ba, bb);
    cost += best_d;
    const int tenure_lo = 4 + n / 8, tenure_span = std::max(2, n / 2);
    tabu[br * n + ba] = iter + tenure_lo + rng.below(tenure_span);
    tabu[br * n + bb] = iter + tenure_lo + rng.below(tenure_span);
    if (cost < run_best) {
      run_best = cost;
      last_better = iter;
      if (cost < best_cost) {
        best_cost = cost;
        best = snapshot();
        best_at = iter;
      }
    } else if (iter - run_start > restart_after) {
      // Searches from a good start either succeed soon or wander: start afresh.
      fresh_start();
    } else if (iter - last_better > 400 + 20 * n) {
      // Stalled: shake a few rounds and forget what was forbidden.
      perturb();
      std::fill(tabu.begin(), tabu.end(), 0);
      last_better = iter;
    }
  }
};

}  // namespace cv
