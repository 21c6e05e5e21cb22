// groups.cpp: see groups.h.
// Three methods, the first that works wins:
//  - a construction: when the players are p^m (p prime) in groups of p^k with nobody absent and no
//    other rule, the groups of each round are the cosets of a k-dimensional subspace of GF(p)^m, and
//    rounds whose subspaces meet only in 0 never put a pair together twice (affine planes, partial
//    spreads: 4-4-5, 5-5-6, 8-4-9, 7-7-8, 3-3-4, ...);
//  - developments: base rounds searched for and moved along Z_m (cyclic), or also turned through
//    the classes of players (rotational, 9-4-11), so that a few groups stand for a whole schedule;
//  - a search: a greedy start (players placed where they meet the fewest already-met players), then
//    tabu search over swaps of two players of one round (after Dotú and Van Hentenryck), with
//    perturbations when it stalls. All of a community's rules are costs in the same search.
//  [SECTION] Sizes
//  [SECTION] Quality and checks
//  [SECTION] Construction from subspaces
//  [SECTION] Cyclic development
//  [SECTION] Rotational development
//  [SECTION] Search state
//  [SECTION] Greedy start
//  [SECTION] Tabu search
//  [SECTION] Solving in slices
#include "core/groups.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <numeric>
#include <set>

namespace cv {

namespace {

struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return n <= 1 ? 0 : static_cast<int>(next() % static_cast<uint64_t>(n)); }
};

bool present_in(const GroupsProblem& p, int r, int player) {
  return p.present.empty() || r >= static_cast<int>(p.present.size()) ||
         player >= static_cast<int>(p.present[r].size()) || p.present[r][player];
}

int met_before(const GroupsProblem& p, int i, int j) {
  if (i < static_cast<int>(p.met.size()) && j < static_cast<int>(p.met[i].size())) return p.met[i][j];
  return 0;
}

}  // namespace

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

// [SECTION] Construction from subspaces -----------------------------------------------------------------

namespace {

// n = p^m, size = p^k: returns {p, m, k} or {0,0,0}.
struct Field {
  int p = 0, m = 0, k = 0;
};
Field field_for(int n, int size) {
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
int vadd(int a, int b, int p, int m) {
  int out = 0, mul = 1;
  for (int i = 0; i < m; ++i, a /= p, b /= p, mul *= p) out += ((a % p + b % p) % p) * mul;
  return out;
}
int vscale(int a, int c, int p, int m) {
  int out = 0, mul = 1;
  for (int i = 0; i < m; ++i, a /= p, mul *= p) out += ((a % p) * c % p) * mul;
  return out;
}

// The span of `basis`, or empty when the vectors are dependent.
std::vector<int> span(const std::vector<int>& basis, int p, int m) {
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
std::vector<std::vector<int>> partial_spread(const Field& f, int rounds, Rng& rng, int attempts) {
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

// A problem the construction can serve: everyone present, equal groups, no other rule.
bool plain(const GroupsProblem& p) {
  if (!p.apart.empty() || !p.together.empty() || !p.hosts.empty() || !p.locked.empty()) return false;
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

// [SECTION] Cyclic development -----------------------------------------------------------------------
// Players are c classes of m points (class i, x in Z_m) and f fixed points. A few base rounds are
// searched for; each is developed by adding t = 0..m-1 to every point's x (fixed points stay).
// A pair in a base round then stands for its whole orbit: two pairs of the base rounds must never
// stand for the same orbit. Searching base rounds instead of whole schedules makes the search
// space m times smaller, which is how resolvable designs are usually found (the difference method).
struct Cyclic {
  int m = 0, b = 0, c = 0, f = 0, G = 0, s = 0;
  int points() const { return m * c + f; }
  bool fixed(int u) const { return u >= m * c; }
  int cls(int u) const { return u / m; }
  int pos(int u) const { return u % m; }
  // The orbit a pair stands for; -1 when the pair may never share a group.
  int key(int u, int v) const {
    if (fixed(u) && fixed(v)) return -1;
    if (fixed(v)) std::swap(u, v);
    if (fixed(u)) return m * c * c + (u - m * c) * c + cls(v);  // fixed point k with class i
    int i = cls(u), j = cls(v), d = ((pos(v) - pos(u)) % m + m) % m;
    if (i > j) std::swap(i, j), d = (m - d) % m;
    if (i == j) {
      d = std::min(d, m - d);
      if (2 * d == m) return -1;  // the orbit is half as long: the pair would meet twice
    }
    return (i * c + j) * m + d;
  }
  int keys() const { return m * c * c + f * c; }
};

// Parameters that can work for this problem: rounds = m*b, players = m*c + f, with room for all
// pairs. Larger m first (fewer base rounds to search).
std::vector<Cyclic> cyclic_options(const GroupsProblem& p) {
  std::vector<Cyclic> out;
  const int s = group_sizes(p, p.players)[0], G = p.players / s;
  for (int m = p.rounds; m >= 2; --m) {
    if (p.rounds % m) continue;
    const int b = p.rounds / m;
    for (int f = 0; f <= G; ++f) {
      if ((p.players - f) % m || p.players - f <= 0) continue;
      Cyclic o{m, b, (p.players - f) / m, f, G, s};
      if (f && b * (s - 1) > o.c) continue;  // a fixed point meets each class at most once in all
      const long long needed = static_cast<long long>(b) * (G * s * (s - 1) / 2 - f * (s - 1));
      const long long slots = static_cast<long long>(o.c) * (o.c - 1) / 2 * m + static_cast<long long>(o.c) * ((m - 1) / 2);
      if (needed <= slots) out.push_back(o);
    }
  }
  return out;
}

// Exact cover with dancing links (Knuth's Algorithm X): primary columns must be covered once,
// secondary columns at most once. Used to re-fill a few groups of a base round at once.
struct ExactCover {
  std::vector<int> L, R, U, D, C, S, row_of;
  std::vector<int> chosen;
  long long nodes = 0, limit = 0;
  ExactCover(int primary, int secondary) {
    const int n = primary + secondary + 1;
    L.resize(n), R.resize(n), U.resize(n), D.resize(n), C.resize(n), S.assign(n, 0), row_of.assign(n, -1);
    for (int i = 0; i < n; ++i) U[i] = D[i] = C[i] = i;
    L[0] = primary, R[0] = primary > 0 ? 1 : 0;
    for (int i = 1; i <= primary; ++i) L[i] = i - 1, R[i] = i == primary ? 0 : i + 1;
    for (int i = primary + 1; i < n; ++i) L[i] = R[i] = i;
  }
  void add_row(int row, const std::vector<int>& cols) {
    int first = -1;
    for (int cc : cols) {
      const int col = cc + 1, x = static_cast<int>(L.size());
      L.push_back(x), R.push_back(x), U.push_back(U[col]), D.push_back(col), C.push_back(col), S.push_back(0);
      row_of.push_back(row);
      D[U[col]] = x, U[col] = x, ++S[col];
      if (first < 0) first = x;
      else L[x] = L[first], R[x] = first, R[L[first]] = x, L[first] = x;
    }
  }
  void cover(int c) {
    L[R[c]] = L[c], R[L[c]] = R[c];
    for (int i = D[c]; i != c; i = D[i])
      for (int j = R[i]; j != i; j = R[j]) U[D[j]] = U[j], D[U[j]] = D[j], --S[C[j]];
  }
  void uncover(int c) {
    for (int i = U[c]; i != c; i = U[i])
      for (int j = L[i]; j != i; j = L[j]) ++S[C[j]], U[D[j]] = j, D[U[j]] = j;
    L[R[c]] = c, R[L[c]] = c;
  }
  bool search() {
    if (R[0] == 0) return true;
    if (++nodes > limit) return false;
    int c = R[0];
    for (int j = R[0]; j != 0; j = R[j])
      if (S[j] < S[c]) c = j;  // the column with the fewest choices
    if (S[c] == 0) return false;
    cover(c);
    for (int r = D[c]; r != c && nodes <= limit; r = D[r]) {
      chosen.push_back(row_of[r]);
      for (int j = R[r]; j != r; j = R[j]) cover(C[j]);
      if (search()) return true;
      for (int j = L[r]; j != r; j = L[j]) uncover(C[j]);
      chosen.pop_back();
    }
    uncover(c);
    return false;
  }
};

// Tabu search over base rounds; cost = orbit uses beyond the first, plus forbidden pairs. When it
// stalls, a few groups of a base round are emptied and filled again by exact cover with the orbits
// still free (a large neighbourhood the swaps cannot reach).
struct CyclicSearch {
  Cyclic o;
  Rng rng{1};
  std::vector<std::vector<std::vector<int>>> base;  // [base round][group] points
  std::vector<std::vector<int>> group_of;            // [base round][point]
  std::vector<int> uses;
  std::vector<long long> tabu;
  long long cost = 0, iter = 0, last_better = 0, best = 0;
  std::vector<std::vector<std::vector<int>>> best_base;
  long long started_at = 0;  // iteration of the last fresh start
  int repair_fails = 0;      // repairs in a row that did not lower the cost
  static constexpr int kForbidden = 50;

  int pair_cost_add(int u, int v) {
    const int k = o.key(u, v);
    return k < 0 ? kForbidden : (uses[k] >= 1 ? 1 : 0);
  }
  int pair_cost_remove(int u, int v) {
    const int k = o.key(u, v);
    return k < 0 ? -kForbidden : (uses[k] >= 2 ? -1 : 0);
  }
  void touch(int u, int v, int sign) {
    const int k = o.key(u, v);
    if (k >= 0) uses[k] += sign;
  }
  void init(const Cyclic& opt, uint64_t seed) {
    o = opt;
    started_at = last_better = iter;
    rng.s = seed * 0x9E3779B97F4A7C15ull + 7;
    uses.assign(o.keys(), 0);
    base.assign(o.b, std::vector<std::vector<int>>(o.G));
    group_of.assign(o.b, std::vector<int>(o.points(), -1));
    tabu.assign(static_cast<size_t>(o.b) * o.points(), 0);
    for (int r = 0; r < o.b; ++r) {
      // Fixed points in different groups, then the rest at random.
      std::vector<int> pts;
      for (int u = 0; u < o.m * o.c; ++u) pts.push_back(u);
      for (size_t i = pts.size(); i > 1; --i) std::swap(pts[i - 1], pts[rng.below(static_cast<int>(i))]);
      size_t next = 0;
      for (int g = 0; g < o.G; ++g) {
        if (g < o.f) base[r][g].push_back(o.m * o.c + g);
        while (static_cast<int>(base[r][g].size()) < o.s) base[r][g].push_back(pts[next++]);
        for (int u : base[r][g]) group_of[r][u] = g;
      }
    }
    cost = recount();
    best = cost;
    best_base = base;
  }
  // Orbits can repeat inside one group, so each pair is counted out (or in) before the next.
  long long delta(int r, int u, int v) {
    const auto& A = base[r][group_of[r][u]];
    const auto& B = base[r][group_of[r][v]];
    long long d = 0;
    for (int x : A) if (x != u) d += pair_cost_remove(u, x), touch(u, x, -1);
    for (int y : B) if (y != v) d += pair_cost_remove(v, y), touch(v, y, -1);
    for (int x : A) if (x != u) d += pair_cost_add(v, x), touch(v, x, +1);
    for (int y : B) if (y != v) d += pair_cost_add(u, y), touch(u, y, +1);
    for (int y : B) if (y != v) touch(u, y, -1), touch(v, y, +1);
    for (int x : A) if (x != u) touch(v, x, -1), touch(u, x, +1);
    return d;
  }
  void swap(int r, int u, int v) {
    const int A = group_of[r][u], B = group_of[r][v];
    for (int x : base[r][A]) if (x != u) touch(u, x, -1), touch(v, x, +1);
    for (int y : base[r][B]) if (y != v) touch(v, y, -1), touch(u, y, +1);
    std::replace(base[r][A].begin(), base[r][A].end(), u, v);
    std::replace(base[r][B].begin(), base[r][B].end(), v, u);
    group_of[r][u] = B;
    group_of[r][v] = A;
  }
  bool conflicted(int r, int u) {
    for (int x : base[r][group_of[r][u]]) {
      if (x == u) continue;
      const int k = o.key(u, x);
      if (k < 0 || uses[k] > 1) return true;
    }
    return false;
  }
  // One tabu step; fixed points never move (they start in different groups and stay there).
  void step() {
    ++iter;
    long long best_d = 0;
    int br = -1, bu = -1, bv = -1, ties = 0;
    const int P = o.points(), movable = o.m * o.c;
    for (int r = 0; r < o.b; ++r)
      for (int u = 0; u < movable; ++u) {
        if (!conflicted(r, u)) continue;
        for (int v = 0; v < movable; ++v) {
          if (group_of[r][v] == group_of[r][u]) continue;
          const long long d = delta(r, u, v);
          const bool forbidden = tabu[static_cast<size_t>(r) * P + u] > iter || tabu[static_cast<size_t>(r) * P + v] > iter;
          if (forbidden && cost + d >= best) continue;
          if (br < 0 || d < best_d) best_d = d, br = r, bu = u, bv = v, ties = 1;
          else if (d == best_d && rng.below(++ties) == 0) br = r, bu = u, bv = v;
        }
      }
    if (br < 0) return;
    swap(br, bu, bv);
    cost += best_d;
    tabu[static_cast<size_t>(br) * P + bu] = iter + 3 + rng.below(std::max(2, P / 3));
    tabu[static_cast<size_t>(br) * P + bv] = iter + 3 + rng.below(std::max(2, P / 3));
    if (cost < best) {
      best = cost;
      best_base = base;
      last_better = iter;
    } else if (iter - started_at > 4000 + 100 * P) {
      // A long run without success: start from new random base rounds (keeping the best found).
      const auto keep = best_base;
      const long long keep_best = best;
      init(o, rng.next());
      if (keep_best < best) best = keep_best, best_base = keep;
    } else if (iter - last_better > 50 + 2 * P) {
      if (!repair()) {
        for (int k = 0; k < 2 + rng.below(3); ++k) {
          const int r = rng.below(o.b), u = rng.below(movable), v = rng.below(movable);
          if (group_of[r][u] == group_of[r][v]) continue;
          cost += delta(r, u, v);
          swap(r, u, v);
        }
      }
      std::fill(tabu.begin(), tabu.end(), 0);
      last_better = iter;
    }
  }

  long long recount() {
    std::fill(uses.begin(), uses.end(), 0);
    long long c = 0;
    for (int r = 0; r < o.b; ++r)
      for (const auto& g : base[r])
        for (size_t a = 0; a < g.size(); ++a)
          for (size_t d = a + 1; d < g.size(); ++d) {
            c += pair_cost_add(g[a], g[d]);
            touch(g[a], g[d], +1);
          }
    return c;
  }

  // Empties the groups of one base round that hold a conflict, and a few more at random, and fills
  // them again by exact cover over the orbits no other pair uses. True when the cost went down.
  bool repair() {
    const int r = rng.below(o.b);
    std::vector<int> freed;
    for (int g = 0; g < o.G; ++g)
      for (int u : base[r][g])
        if (conflicted(r, u)) {
          freed.push_back(g);
          break;
        }
    if (freed.empty()) return false;
    // Few enough groups that the exact cover stays small: the conflicted ones (at most five, picked at
    // random) and two or three more.
    for (size_t i = freed.size(); i > 1; --i) std::swap(freed[i - 1], freed[rng.below(static_cast<int>(i))]);
    if (freed.size() > 5) freed.resize(5);
    // Repairs that keep failing widen: more groups emptied at once.
    const int want = std::min(o.G, static_cast<int>(freed.size()) + 2 + rng.below(2) + repair_fails / 6);
    while (static_cast<int>(freed.size()) < want) {
      const int g = rng.below(o.G);
      if (std::find(freed.begin(), freed.end(), g) == freed.end()) freed.push_back(g);
    }
    // The orbits the kept pairs use are not free.
    std::vector<int> points, index(o.points(), -1);
    for (int g : freed)
      for (int u : base[r][g]) index[u] = static_cast<int>(points.size()), points.push_back(u);
    for (int g : freed) {
      const auto& grp = base[r][g];
      for (size_t a = 0; a < grp.size(); ++a)
        for (size_t d = a + 1; d < grp.size(); ++d) touch(grp[a], grp[d], -1);
    }
    // Candidate groups: s of the freed points with free, distinct orbits (and at most one fixed point).
    const int K = o.keys(), Pn = static_cast<int>(points.size());
    std::vector<std::vector<int>> rows;
    std::vector<int> pick;
    std::vector<int> keys;
    const size_t kMaxRows = 40000;  // large groups make too many candidates: then no repair
    std::function<void(int)> gen = [&](int from) {
      if (rows.size() > kMaxRows) return;
      if (static_cast<int>(pick.size()) == o.s) {
        std::vector<int> cols;
        for (int i : pick) cols.push_back(i);
        for (int k : keys) cols.push_back(Pn + k);
        rows.push_back(std::move(cols));
        return;
      }
      for (int i = from; i < Pn; ++i) {
        const int u = points[i];
        bool ok = true;
        const size_t before = keys.size();
        for (int j : pick) {
          const int k = o.key(points[j], u);
          if (k < 0 || uses[k] > 0 || std::find(keys.begin(), keys.end(), k) != keys.end()) {
            ok = false;
            break;
          }
          keys.push_back(k);
        }
        if (ok) {
          pick.push_back(i);
          gen(i + 1);
          pick.pop_back();
        }
        keys.resize(before);
      }
    };
    gen(0);
    if (rows.size() > kMaxRows) {
      cost = recount();
      return false;
    }
    for (size_t i = rows.size(); i > 1; --i) std::swap(rows[i - 1], rows[rng.below(static_cast<int>(i))]);
    ExactCover ec(Pn, K);
    for (size_t i = 0; i < rows.size(); ++i) ec.add_row(static_cast<int>(i), rows[i]);
    ec.limit = 20000;
    const bool found = ec.search();
    if (found) {
      for (size_t i = 0; i < freed.size(); ++i) {
        auto& grp = base[r][freed[i]];
        grp.clear();
        for (int col : rows[ec.chosen[i]])
          if (col < Pn) grp.push_back(points[col]);
        for (int u : grp) group_of[r][u] = freed[i];
      }
    }
    const long long before = cost;
    cost = recount();
    if (cost < best) {
      best = cost;
      best_base = base;
      last_better = iter;
    }
    const bool better = found && cost < before;
    repair_fails = better ? 0 : std::min(repair_fails + 1, 24);
    return better;
  }
  // The best base rounds found, developed into a whole schedule.
  Schedule develop() const {
    Schedule out;
    for (int r = 0; r < o.b; ++r)
      for (int t = 0; t < o.m; ++t) {
        std::vector<std::vector<int>> round;
        for (const auto& g : best_base[r]) {
          std::vector<int> moved;
          for (int u : g) moved.push_back(o.fixed(u) ? u : o.cls(u) * o.m + (o.pos(u) + t) % o.m);
          std::sort(moved.begin(), moved.end());
          round.push_back(std::move(moved));
        }
        out.push_back(std::move(round));
      }
    return out;
  }
};

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

}  // namespace

// [SECTION] Search state --------------------------------------------------------------------------------

struct GroupsSolver {
  GroupsProblem p;
  Rng rng{1};
  int n = 0, R = 0;
  static constexpr int kHard = 1000;  // a broken rule weighs more than any number of repeats
  static constexpr int kRepeat = 2;
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
  std::vector<char> is_host;
  std::vector<int> attr;
  int attr_values = 0;
  std::vector<int> attr_lo, attr_hi;  // per round*value: the fair range of a group's count
  std::vector<int> tabu;       // per round*player: iteration until which the player stays
  long long cost = 0, best_cost = 0, iter = 0, last_better = 0;
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
  std::vector<CyclicSearch> cyclics;
  std::vector<RotationalSearch> rotations;  // turns after the cyclic searches
  size_t turn = 0;
  long long turn_left = 0, turn_length = 300;
  std::string method = "search";
  std::string error;

  int& T(int i, int j) { return total[static_cast<size_t>(i) * n + j]; }
  int H(int i, int j) const { return hist[static_cast<size_t>(i) * n + j]; }
  int Rule(int i, int j) const { return rule[static_cast<size_t>(i) * n + j]; }

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
      d += -Rule(a, x) + Rule(b, x);
    }
    for (int y : rd.groups[B]) {
      if (y == b) continue;
      d += kRepeat * (remove_cost(b, y) + add_cost(a, y));
      d += -Rule(b, y) + Rule(a, y);
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
        long long best = -1;
        for (size_t i = 0; i < left.size(); ++i) {
          const int x = left[i];
          long long c = 0;
          for (int y : rd.groups[g]) c += kRepeat * add_cost(x, y) + std::max(0, Rule(x, y)) + (Rule(x, y) < 0 ? -2 * kHard : 0);
          if (!is_host.empty() && is_host[x]) c += (rd.hosts[g] > 0 ? kHard : -kHard);
          if (best < 0 || c < best) best = c, best_i = i;
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
    if (plain(p)) {
      const Field f = field_for(p.players, group_sizes(p, p.players)[0]);
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

// [SECTION] Solving in slices -------------------------------------------------------------------------

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
  s->fresh_start();
  if (s->cost == 0) s->done = true;
  // The cyclic searches join unless the construction already reaches all but one round (then the
  // general search, restarted often, is the better bet: 8-4-10 from the 9 rounds of a partial spread).
  int constructed_rounds = 0;
  if (const Field f = plain(p) ? field_for(p.players, group_sizes(p, p.players)[0]) : Field{}; f.p) {
    Rng probe{p.seed};
    constructed_rounds = static_cast<int>(partial_spread(f, p.rounds, probe, 60).size());
  }
  if (!s->done && plain(p) && constructed_rounds < p.rounds - 1) {
    const auto options = cyclic_options(p);
    for (size_t i = 0; i < options.size() && i < 4; ++i) {
      s->cyclics.emplace_back();
      s->cyclics.back().init(options[i], p.seed * 31 + i);
    }
  }
  if (!s->done && plain(p))
    for (const Rotational& o : rotational_options(p)) {
      s->rotations.emplace_back();
      s->rotations.back().init(o, p.seed * 131 + s->rotations.size());
    }
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
      const CyclicSearch* nearest = nullptr;
      for (const auto& c : s->cyclics)
        if (!nearest || c.best < nearest->best) nearest = &c;
      if (nearest && nearest->best * nearest->o.m * GroupsSolver::kRepeat < s->best_cost) load(s, nearest->develop());
    }
    s->turn_left = s->turn_length;
    // A general search far behind a cyclic one gets short turns (9-4-11: the cyclic search is the
    // one that gets there).
    if (s->turn == 0)
      for (const auto& c : s->cyclics)
        if (c.best * c.o.m * GroupsSolver::kRepeat * 4 < s->run_best) s->turn_left = s->turn_length / 8;
  }
  if (s->turn == 0) {
    s->step();
    return;
  }
  if (s->turn > s->cyclics.size()) {
    RotationalSearch& rs = s->rotations[s->turn - 1 - s->cyclics.size()];
    rs.step();
    ++s->iter;
    if (rs.solved) {
      s->best = rs.develop();
      s->best_cost = 0;
      s->method = "rotational search";
    }
    return;
  }
  CyclicSearch& c = s->cyclics[s->turn - 1];
  c.step();
  ++s->iter;
  if (c.best == 0) {
    s->best = c.develop();
    s->best_cost = 0;
    s->method = "cyclic search";
  }
}

}  // namespace

bool groups_step(GroupsSolver* s, double slice_ms) {
  if (s->done) return true;
  const double slice_start = clock_or_iterations(s);
  while (!s->done) {
    for (int k = 0; k < 16 && s->best_cost > 0; ++k) portfolio_step(s);
    const double now = clock_or_iterations(s);
    if (s->best_cost == 0 || now - s->started >= s->p.budget_ms) s->done = true;
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
