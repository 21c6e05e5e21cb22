// groups_construct.cpp: schedules from subspaces. When the players are p^m (p prime) in groups of p^k
// with nobody absent and no other rule, the groups of a round are the cosets of a k-dimensional
// subspace of GF(p)^m, and rounds whose subspaces meet only in 0 never put a pair together twice
// (affine planes, partial spreads: 4-4-5, 5-5-6, 8-4-9, 7-7-8, 3-3-4, ...).
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

}  // namespace cv
