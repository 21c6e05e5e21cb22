// groups_construct.cpp: schedules built from the numbers, with nobody absent and no other rule.
//  - Subspaces: when the players are p^m (p prime) in groups of p^k, the groups of a round are the
//    cosets of a k-dimensional subspace of GF(p)^m, and rounds whose subspaces meet only in 0 never
//    put a pair together twice (affine planes, partial spreads: 4-4-5, 5-5-6, 8-4-9, 7-7-8, 3-3-4).
//  - Products: a perfect season for v players and one for w players, in groups of a prime power q,
//    make one for v*w players (Kirkman triple systems of 45 and 63 from 15 and 21; 64 in fours from 16).
#include <algorithm>

#include "core/groups_internal.h"

namespace cv {

GaloisField field_for(int n, int size) {
  for (int p = 2; p <= size; ++p) {
    bool prime = true;
    for (int d = 2; d * d <= p; ++d) prime = prime && p % d;
    if (!prime) continue;
    int k = 0, s = size;
    while (s % p == 0) s /= p, ++k;
    if (s != 1) continue;
    int m = 0, v = n;
    while (v % p == 0) v /= p, ++m;
    if (v == 1 && m > k && k >= 1) return {p, m, k};
  }
  return {};
}

// Vectors of GF(p)^m as integers in base p.
static int vadd(int a, int b, int p, int m) {
  int out = 0, mul = 1;
  for (int i = 0; i < m; ++i, a /= p, b /= p, mul *= p) out += ((a % p + b % p) % p) * mul;
  return out;
}
static int vscale(int a, int c, int p, int m) {
  int out = 0, mul = 1;
  for (int i = 0; i < m; ++i, a /= p, mul *= p) out += ((a % p) * c % p) * mul;
  return out;
}

// The span of `basis`, or empty when the vectors are dependent.
static std::vector<int> span(const std::vector<int>& basis, int p, int m) {
  std::vector<int> out = {0};
  for (int v : basis) {
    std::vector<int> next;
    for (int c = 0; c < p; ++c)
      for (int u : out) next.push_back(vadd(u, vscale(v, c, p, m), p, m));
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());
    if (next.size() != out.size() * p) return {};
    out = std::move(next);
  }
  return out;
}

// `rounds` k-dimensional subspaces of GF(p)^m that meet only in 0, by randomised greedy with
// restarts; as many as it finds within `attempts`.
std::vector<std::vector<int>> partial_spread(const GaloisField& f, int rounds, Rng& rng, int attempts) {
  int n = 1;
  for (int i = 0; i < f.m; ++i) n *= f.p;
  std::vector<std::vector<int>> best;
  for (int restart = 0; restart < attempts && static_cast<int>(best.size()) < rounds; ++restart) {
    std::vector<std::vector<int>> chosen;
    std::vector<bool> used(n, false);
    int misses = 0;
    while (static_cast<int>(chosen.size()) < rounds && misses < 400) {
      std::vector<int> basis;
      for (int i = 0; i < f.k; ++i) basis.push_back(1 + rng.below(n - 1));
      std::vector<int> u = span(basis, f.p, f.m);
      bool ok = !u.empty();
      for (size_t i = 1; ok && i < u.size(); ++i) ok = !used[u[i]];
      if (!ok) {
        ++misses;
        continue;
      }
      for (size_t i = 1; i < u.size(); ++i) used[u[i]] = true;
      chosen.push_back(std::move(u));
      misses = 0;
    }
    if (chosen.size() > best.size()) best = std::move(chosen);
  }
  return best;
}

// The cosets of subspace u: the groups of one round.
std::vector<std::vector<int>> cosets(const std::vector<int>& u, int n, int p, int m) {
  std::vector<int> seen(n, 0);
  std::vector<std::vector<int>> out;
  for (int x = 0; x < n; ++x) {
    if (seen[x]) continue;
    std::vector<int> g;
    for (int v : u) {
      const int y = vadd(x, v, p, m);
      seen[y] = 1;
      g.push_back(y);
    }
    std::sort(g.begin(), g.end());
    out.push_back(std::move(g));
  }
  return out;
}

// [SECTION] Products of perfect seasons ------------------------------------------------------------------
// A perfect season ("resolvable design"): (v-1)/(q-1) rounds of v players in groups of q where every
// pair meets once. Two of them, on V and on W, make one on V x W (player (a, x) is a*w + x):
//  - per round of V: its groups, each with one x of W (every x): pairs with the same x;
//  - per round of W: the groups {a} x C (every a): pairs with the same a; and, per round of V and
//    each alpha != 0 of GF(q), the groups {(b_i, c_(alpha*i + beta))} over the groups B of that round
//    of V, C of the round of W, and every beta: a pair (b_i, c_x), (b_j, c_y) meets in the one group
//    with alpha = (x - y) / (i - j), beta = x - alpha*i.
// That is (v-1)/(q-1) + v*(w-1)/(q-1) = (vw-1)/(q-1) rounds. q is 2, 3, 4, 5 or 7 here.
namespace {

struct SmallField {
  int q = 0;
  int add(int a, int b) const { return q == 4 ? a ^ b : (a + b) % q; }
  int mul(int a, int b) const {
    if (q != 4) return a * b % q;
    static const int t[4][4] = {{0, 0, 0, 0}, {0, 1, 2, 3}, {0, 2, 3, 1}, {0, 3, 1, 2}};  // GF(2)[x]/(x^2+x+1)
    return t[a][b];
  }
};

}  // namespace

Schedule season_product(const Schedule& a, int v, const Schedule& b, int w, int q) {
  const SmallField f{q};
  Schedule out;
  for (const auto& round : a) {  // same x
    std::vector<std::vector<int>> groups;
    for (const auto& g : round)
      for (int x = 0; x < w; ++x) {
        std::vector<int> h;
        for (int i : g) h.push_back(i * w + x);
        groups.push_back(std::move(h));
      }
    out.push_back(std::move(groups));
  }
  for (const auto& round_w : b) {
    std::vector<std::vector<int>> same;  // same a
    for (int i = 0; i < v; ++i)
      for (const auto& c : round_w) {
        std::vector<int> h;
        for (int x : c) h.push_back(i * w + x);
        same.push_back(std::move(h));
      }
    out.push_back(std::move(same));
    for (const auto& round_v : a)
      for (int alpha = 1; alpha < q; ++alpha) {
        std::vector<std::vector<int>> groups;
        for (const auto& bg : round_v)
          for (const auto& c : round_w)
            for (int beta = 0; beta < q; ++beta) {
              std::vector<int> h;
              for (int i = 0; i < q; ++i) h.push_back(bg[i] * w + c[f.add(f.mul(alpha, i), beta)]);
              groups.push_back(std::move(h));
            }
        out.push_back(std::move(groups));
      }
  }
  return out;
}

// A perfect season for n players in groups of q, when n = v*w for seasons found quickly: q alone (one
// group), subspaces, or the solver's own search on w (its developments find 15 and 21 in threes in
// milliseconds). Empty when none is found.
Schedule perfect_season(int n, int q, uint64_t seed, double budget_ms, double (*clock_ms)()) {
  if (q < 2 || q > 7 || q == 6 || n < q || (n - 1) % (q - 1) || n % q) return {};
  const int rounds = (n - 1) / (q - 1);
  if (n == q) {
    std::vector<int> all(n);
    for (int i = 0; i < n; ++i) all[i] = i;
    return {{all}};
  }
  if (const GaloisField gf = field_for(n, q); gf.p) {
    Rng rng{seed};
    const auto spread = partial_spread(gf, rounds, rng, 60);
    if (static_cast<int>(spread.size()) == rounds) {
      Schedule s;
      for (const auto& u : spread) s.push_back(cosets(u, n, gf.p, gf.m));
      return s;
    }
  }
  // n = v*w with a perfect season for each: the smaller factor first (q itself is the surest).
  for (int v = q; v <= n / q; v += q) {
    if (n % v || (v - 1) % (q - 1)) continue;
    const int w = n / v;
    if (w < q || w % q || (w - 1) % (q - 1)) continue;
    const Schedule a = perfect_season(v, q, seed, budget_ms / 2, clock_ms);
    if (a.empty()) continue;
    Schedule b;
    if (w != n) {
      b = perfect_season(w, q, seed, budget_ms / 2, clock_ms);
      // Else the solver's own search, within the budget: three seeds in turn, a third of it each, as its
      // time to a perfect season varies more from seed to seed than a longer run makes up for (KTS(21)
      // in wasm: 50 ms to 2.3 s). A search that finds one stops there.
      for (int t = 0; t < 3 && b.empty(); ++t) {
        GroupsProblem sub;
        sub.players = w;
        sub.rounds = (w - 1) / (q - 1);
        sub.group_size = q;
        sub.seed = seed + 7919ull * t;
        sub.budget_ms = budget_ms / 3;
        sub.clock_ms = clock_ms;
        GroupsResult r = solve_groups(sub);
        if (r.ok && r.quality.repeated_pairs == 0) b = std::move(r.schedule);
      }
    }
    if (!b.empty()) return season_product(a, v, b, w, q);
  }
  return {};
}

}  // namespace cv
