// groups_internal.h: what the groups solver's methods share, inside the core (not a public header).
// The methods: a construction from subspaces (groups_construct.cpp), cyclic and rotational
// developments (groups_cyclic.cpp, groups_rotational.cpp) behind the Development interface, and the
// general tabu search (groups_tabu.h); groups.cpp runs them as a portfolio.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "core/groups.h"

namespace cv {

// A small, fast, seedable generator (splitmix64): the same seed gives the same schedule everywhere.
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

inline bool present_in(const GroupsProblem& p, int r, int player) {
  return p.present.empty() || r >= static_cast<int>(p.present.size()) ||
         player >= static_cast<int>(p.present[r].size()) || p.present[r][player];
}

inline int met_before(const GroupsProblem& p, int i, int j) {
  if (i < static_cast<int>(p.met.size()) && j < static_cast<int>(p.met[i].size())) return p.met[i][j];
  return 0;
}

// Everyone present, equal groups, no other rule: the problems constructions and developments serve.
bool plain(const GroupsProblem& p);

// [SECTION] Construction from subspaces (groups_construct.cpp) -----------------------------------------
// n = p^m players in groups of p^k: the field's p, m and k; {0, 0, 0} when n and the size are not so.
struct GaloisField {
  int p = 0, m = 0, k = 0;
};
GaloisField field_for(int n, int size);
// `rounds` k-dimensional subspaces of GF(p)^m that meet only in 0 (as many as found in `attempts`).
std::vector<std::vector<int>> partial_spread(const GaloisField& f, int rounds, Rng& rng, int attempts);
// The cosets of subspace u: the groups of one round.
std::vector<std::vector<int>> cosets(const std::vector<int>& u, int n, int p, int m);

// [SECTION] Products of perfect seasons (groups_construct.cpp) ------------------------------------------
// The season on V x W (player a*w + x) made from perfect seasons a on v and b on w players in groups
// of the prime power q (2, 3, 4, 5, 7).
Schedule season_product(const Schedule& a, int v, const Schedule& b, int w, int q);
// A perfect season of (n-1)/(q-1) rounds for n players in groups of q, from subspaces or as a product
// (the factors from subspaces, or from the solver within budget_ms); empty when none is found.
Schedule perfect_season(int n, int q, uint64_t seed, double budget_ms, double (*clock_ms)());

// [SECTION] Developments (groups_cyclic.cpp, groups_rotational.cpp) -------------------------------------
// A search for a few base rounds that, moved along a symmetry, make the whole schedule.
struct Development {
  virtual ~Development() = default;
  virtual void step() = 0;                // one step of the search
  virtual long long repeats() const = 0;  // repeated pairs in the best whole schedule so far (0: perfect)
  virtual Schedule develop() const = 0;   // the best so far, as a whole schedule
  virtual const char* method() const = 0; // "cyclic search"
};
// Cyclic developments that can work for p (at most `most`, larger cycles first).
std::vector<std::unique_ptr<Development>> cyclic_developments(const GroupsProblem& p, uint64_t seed, size_t most);
std::vector<std::unique_ptr<Development>> rotational_developments(const GroupsProblem& p, uint64_t seed);

}  // namespace cv
