// groups_cyclic.cpp: cyclic development. Players are c classes of m points and f fixed points; a few
// base rounds are searched for (tabu search with exact-cover repair) and moved along Z_m.
#include <algorithm>
#include <functional>
#include <numeric>

#include "core/groups_internal.h"

namespace cv {

namespace {

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


// The cyclic search behind the Development interface.
struct CyclicDevelopment final : Development {
  CyclicSearch s;
  void step() override { s.step(); }
  long long repeats() const override { return s.best * s.o.m; }
  Schedule develop() const override { return s.develop(); }
  const char* method() const override { return "cyclic search"; }
};

}  // namespace

std::vector<std::unique_ptr<Development>> cyclic_developments(const GroupsProblem& p, uint64_t seed, size_t most) {
  std::vector<std::unique_ptr<Development>> out;
  const auto options = cyclic_options(p);
  for (size_t i = 0; i < options.size() && i < most; ++i) {
    auto d = std::make_unique<CyclicDevelopment>();
    d->s.init(options[i], seed * 31 + i);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace cv
