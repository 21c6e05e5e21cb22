// groups_rotational.cpp: rotational developments, larger symmetries for when the cyclic one is not
// enough (9-4-11, 12-4-15, 15-4-19; one-rotational: 33-3-16, 57-3-28, 40-4-13, 52-4-17): depth-first
// search over representative groups.
#include <algorithm>
#include <numeric>

#include "core/groups_internal.h"

namespace cv {

namespace {

// [SECTION] Rotational development ---------------------------------------------------------------------
// A larger symmetry for when the cyclic one is not enough (9-4-11): players are c classes of m points
// and c fixed points; the schedule is invariant under x -> x+1 (the m rounds of a base round) and
// under turning the classes, class i -> i+1 and fixed point k -> k+1. A base round is then given by
// G/c representative groups whose turned copies fill it; a pair stands for an orbit of m*c pairs.
// The space is small enough for a depth-first search over representatives, restarted in a new random
// order when a bounded attempt fails (9-4-11: a few thousand nodes, a few milliseconds).
struct Rotational {
  int m = 0, b = 0, c = 0, f = 0, G = 0, s = 0;
  // A point: class i at x is i*m+x; fixed point k is m*c+k.
  bool fixed(int u) const { return u >= m * c; }
  int cls(int u) const { return fixed(u) ? u - m * c : u / m; }
  int pos(int u) const { return u % m; }
  // The orbit of a pair; -1 when the orbit is short (the pair would meet twice) or both are fixed.
  int key(int u, int v) const {
    if (fixed(u) && fixed(v)) return -1;
    if (fixed(v)) std::swap(u, v);
    if (fixed(u)) return c * m + ((cls(v) - cls(u)) % c + c) % c;
    int dc = ((cls(v) - cls(u)) % c + c) % c, dx = ((pos(v) - pos(u)) % m + m) % m;
    // {u,v} is also {v,u}: (dc, dx) and (-dc, -dx) are one orbit.
    const int rc = (c - dc) % c, rx = (m - dx) % m;
    if (rc == dc && rx == dx) return -1;
    if (rc < dc || (rc == dc && rx < dx)) dc = rc, dx = rx;
    return dc * m + dx;
  }
  int keys() const { return c * m + c; }
};

// Parameters: players = m*c + f with f = 0 or c, rounds = m*b, the groups in whole turned sets.
std::vector<Rotational> rotational_options(const GroupsProblem& p) {
  std::vector<Rotational> out;
  const int s = group_sizes(p, p.players)[0], G = p.players / s;
  if (G * s != p.players) return out;
  for (int m = p.rounds; m >= 2; --m) {
    if (p.rounds % m || m > 64) continue;
    for (int c = 2; c <= G; ++c) {
      if (G % c) continue;
      for (int f : {0, c}) {
        if (m * c + f != p.players) continue;
        Rotational o{m, p.rounds / m, c, f, G, s};
        // Each base round uses G/c * s(s-1)/2 orbits, and a fixed point's s-1 class offsets.
        const long long need = static_cast<long long>(o.b) * (G / c) * s * (s - 1) / 2;
        if (need > o.keys() || (f && o.b * (s - 1) > c)) continue;
        out.push_back(o);
      }
    }
  }
  return out;
}

struct RotationalSearch {
  Rotational o;
  Rng rng{1};
  std::vector<std::vector<std::vector<int>>> base;  // [base round][representative] points
  std::vector<uint64_t> covered;                    // [base round] positions taken
  std::vector<char> used, fixed_placed;             // orbits; per base round
  std::vector<int> pos_order, cls_order;            // this attempt's random orders
  long long nodes = 0, limit = 0, attempts = 0;
  bool solved = false;

  void init(const Rotational& opt, uint64_t seed) {
    o = opt;
    rng.s = seed * 0x9E3779B97F4A7C15ull + 11;
  }
  // Adds point u to the group if its orbits with the others are free and distinct; undo with pull().
  bool push(std::vector<int>& g, int u) {
    for (size_t i = 0; i < g.size(); ++i) {
      const int k = o.key(g[i], u);
      if (k < 0 || used[k]) {
        for (size_t j = 0; j < i; ++j) used[o.key(g[j], u)] = 0;
        return false;
      }
      used[k] = 1;
    }
    g.push_back(u);
    return true;
  }
  void pull(std::vector<int>& g) {
    const int u = g.back();
    g.pop_back();
    for (int x : g) used[o.key(x, u)] = 0;
  }
  // Completes group g of base round r from position index `from` of pos_order on.
  bool extend(int r, std::vector<int>& g, int from) {
    if (static_cast<int>(g.size()) == o.s) {
      uint64_t took = 0;
      for (int u : g)
        if (!o.fixed(u)) took |= 1ull << o.pos(u);
      covered[r] |= took;
      base[r].push_back(g);
      if (fill()) return true;
      base[r].pop_back();
      covered[r] &= ~took;
      return false;
    }
    if (++nodes > limit) return false;
    for (int i = from; i < o.m; ++i) {
      const int x = pos_order[i];
      bool taken = covered[r] >> x & 1;
      for (int u : g) taken = taken || (!o.fixed(u) && o.pos(u) == x);
      if (taken) continue;
      for (int ci : cls_order) {
        if (!push(g, ci * o.m + x)) continue;
        if (extend(r, g, i + 1)) return true;
        pull(g);
        if (nodes > limit) return false;
      }
    }
    return false;
  }
  // Places the group holding the first open position (in this attempt's order) of the first
  // unfinished base round: with fixed point 0 if that round has none yet, else in class 0 (turning a
  // representative gives the same set of groups).
  bool fill() {
    int r = 0;
    const uint64_t all = o.m == 64 ? ~0ull : (1ull << o.m) - 1;
    while (r < o.b && covered[r] == all && (!o.f || fixed_placed[r])) ++r;
    if (r == o.b) return true;
    int first = 0;
    while (first < o.m && (covered[r] >> pos_order[first] & 1)) ++first;
    if (first == o.m) return false;  // positions all taken but the fixed group is missing
    const int x = pos_order[first];
    std::vector<int> g;
    if (o.f && !fixed_placed[r]) {
      g.push_back(o.m * o.c);
      fixed_placed[r] = 1;
      for (int ci : cls_order) {
        if (!push(g, ci * o.m + x)) continue;
        if (extend(r, g, first + 1)) return true;
        pull(g);
      }
      fixed_placed[r] = 0;
      g.clear();
      if (nodes > limit) return false;
    }
    g.push_back(x);  // class 0
    return extend(r, g, first + 1);
  }
  // One attempt with a fresh random order and a node bound that grows slowly.
  void step() {
    if (solved) return;
    ++attempts;
    base.assign(o.b, {});
    covered.assign(o.b, 0);
    used.assign(o.keys(), 0);
    fixed_placed.assign(o.b, 0);
    pos_order.resize(o.m);
    for (int x = 0; x < o.m; ++x) pos_order[x] = x;
    for (int i = o.m; i > 1; --i) std::swap(pos_order[i - 1], pos_order[rng.below(i)]);
    cls_order.resize(o.c);
    for (int i = 0; i < o.c; ++i) cls_order[i] = i;
    for (int i = o.c; i > 1; --i) std::swap(cls_order[i - 1], cls_order[rng.below(i)]);
    nodes = 0;
    limit = 2000 + 200 * std::min(attempts, 500LL);
    solved = fill();
  }
  // The base rounds turned and moved along: round (r, t) holds every representative turned by q
  // and moved by t.
  Schedule develop() const {
    Schedule out;
    for (int r = 0; r < o.b; ++r)
      for (int t = 0; t < o.m; ++t) {
        std::vector<std::vector<int>> round;
        for (const auto& g : base[r])
          for (int q = 0; q < o.c; ++q) {
            std::vector<int> moved;
            for (int u : g)
              moved.push_back(o.fixed(u) ? o.m * o.c + (o.cls(u) + q) % o.c
                                         : (o.cls(u) + q) % o.c * o.m + (o.pos(u) + t) % o.m);
            std::sort(moved.begin(), moved.end());
            round.push_back(std::move(moved));
          }
        out.push_back(std::move(round));
      }
    return out;
  }
};


struct RotationalDevelopment final : Development {
  RotationalSearch s;
  void step() override { s.step(); }
  long long repeats() const override { return s.solved ? 0 : 1LL << 40; }
  Schedule develop() const override { return s.develop(); }
  const char* method() const override { return "rotational search"; }
};

// [SECTION] One-rotational development ------------------------------------------------------------------
// The whole season for n = (s-1)F + 1 players in F rounds of groups of s (Kirkman triple systems on
// 33 and 57, resolvable designs in fours on 40 and 52): players are Z_N (N = n-1) and one fixed
// point; round t is the base round moved by t. The base round holds the group {fixed, 0, F, 2F, ...}
// and is itself unchanged by adding F, so its other groups come as (s-1) copies T, T+F, ... of a
// few representatives T. Every pair of players then meets once if the representatives' differences
// (x-y for x != y in T) are all different and none is a multiple of F, and their points fall one in
// each residue class 1..F-1 mod F. For threes this needs n = 3 or 9 (mod 24) (Phelps and Rosa,
// 1-rotational Steiner triple systems over Z_(n-1)); the search finds 33 and 57 within milliseconds.
struct OneRotationalSearch {
  int N = 0, F = 0, s = 0, rounds = 0;
  Rng rng{1};
  std::vector<std::vector<int>> reps;  // representatives, each in rising residue order
  std::vector<int> block;              // the representative being filled
  std::vector<char> residue_used, diff_used;
  long long nodes = 0, limit = 0, attempts = 0;
  bool solved = false;

  int mod(int x) const { return (x % N + N) % N; }
  bool push(int x) {
    std::vector<int> d;
    for (int y : block) d.push_back(mod(x - y)), d.push_back(mod(y - x));
    for (size_t i = 0; i < d.size(); ++i)
      if (d[i] % F == 0 || diff_used[d[i]] || std::count(d.begin(), d.end(), d[i]) > 1) return false;
    for (int e : d) diff_used[e] = 1;
    block.push_back(x);
    residue_used[x % F] = 1;
    return true;
  }
  void pull() {
    const int x = block.back();
    block.pop_back();
    residue_used[x % F] = 0;
    for (int y : block) diff_used[mod(x - y)] = diff_used[mod(y - x)] = 0;
  }
  // Completes the representative being filled, then starts the next at the smallest free residue
  // (lifted by 0: adding F gives the same orbit).
  bool fill() {
    if (static_cast<int>(block.size()) == s) {
      reps.push_back(block);
      block.clear();
      if (next()) return true;
      block = reps.back();
      reps.pop_back();
      return false;
    }
    if (++nodes > limit) return false;
    std::vector<int> options;
    for (int r = block.back() % F + 1; r < F; ++r)
      if (!residue_used[r])
        for (int lift = 0; lift < s - 1; ++lift) options.push_back(r + lift * F);
    for (size_t i = options.size(); i > 1; --i) std::swap(options[i - 1], options[rng.below(static_cast<int>(i))]);
    for (int x : options) {
      if (!push(x)) continue;
      if (fill()) return true;
      pull();
      if (nodes > limit) return false;
    }
    return false;
  }
  bool next() {
    int r = 1;
    while (r < F && residue_used[r]) ++r;
    if (r == F) return true;
    push(r);
    if (fill()) return true;
    pull();
    return false;
  }
  void step() {
    if (solved) return;
    ++attempts;
    reps.clear(), block.clear();
    residue_used.assign(F, 0), diff_used.assign(N, 0);
    nodes = 0;
    limit = 2000 + 200 * std::min(attempts, 500LL);
    solved = next();
  }
  Schedule develop() const {
    Schedule out;
    for (int t = 0; t < rounds; ++t) {
      std::vector<std::vector<int>> round;
      std::vector<int> fixed_group{N};
      for (int j = 0; j < s - 1; ++j) fixed_group.push_back(mod(t + j * F));
      round.push_back(fixed_group);
      for (const auto& T : reps)
        for (int j = 0; j < s - 1; ++j) {
          std::vector<int> g;
          for (int x : T) g.push_back(mod(x + j * F + t));
          round.push_back(g);
        }
      for (auto& g : round) std::sort(g.begin(), g.end());
      out.push_back(std::move(round));
    }
    return out;
  }
};

struct OneRotationalDevelopment final : Development {
  OneRotationalSearch s;
  void step() override { s.step(); }
  long long repeats() const override { return s.solved ? 0 : 1LL << 40; }
  Schedule develop() const override { return s.develop(); }
  const char* method() const override { return "rotational search"; }
};

}  // namespace

std::vector<std::unique_ptr<Development>> rotational_developments(const GroupsProblem& p, uint64_t seed) {
  std::vector<std::unique_ptr<Development>> out;
  for (const Rotational& o : rotational_options(p)) {
    auto d = std::make_unique<RotationalDevelopment>();
    d->s.init(o, seed * 131 + out.size() + 1);
    out.push_back(std::move(d));
  }
  // The season of n = (s-1)F + 1 players, its first `rounds` rounds; up to 256 players (the search
  // is for the sizes of breakout sessions).
  const int s = group_sizes(p, p.players)[0], n = p.players;
  if (s >= 3 && n % s == 0 && n <= 256 && (n - 1) % (s - 1) == 0 && p.rounds <= (n - 1) / (s - 1) &&
      (s != 3 || n % 24 == 3 || n % 24 == 9)) {
    auto d = std::make_unique<OneRotationalDevelopment>();
    d->s.N = n - 1, d->s.F = (n - 1) / (s - 1), d->s.s = s, d->s.rounds = p.rounds;
    d->s.rng.s = seed * 0x9E3779B97F4A7C15ull + 29;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace cv
