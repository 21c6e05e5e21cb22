// network.h: the web of connections that grows between members. A tie between two members comes
// from something they did together: met in a breakout group, a peer-assist (the bringer and each
// who helped), presenting in the same meeting, a reply in a thread. The figure that matters most is
// the density (ties over possible pairs), now and after each meeting; then ties per member, and who
// is least connected; an introduction the convener made counts as a tie too. A map needs places: a
// force-directed layout, computed here so that the page, the CLI and the tests get the same. Exports: GraphML and a CSV edge list, for Gephi and Kumu.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/model.h"

namespace cv {

inline constexpr const char* kTieKinds[] = {"breakout", "peer-assist", "co-presenting", "thread", "introduction"};

struct Tie {
  std::string a, b;                 // member ids, a < b
  std::vector<std::string> kinds;   // what made it, in kTieKinds order
  int count = 0;                    // how many times they did something together
  std::string first;                // the date it began ("" when undated)
};
struct DensityPoint {
  std::string date;
  int ties = 0;
  double density = 0;
};
struct Network {
  std::vector<std::string> members;      // live, in reading order
  std::vector<Tie> ties;                 // by (a, b)
  std::map<std::string, int> degree;     // ties per member (every live member, 0 included)
  double density = 0;                    // ties / (n (n - 1) / 2); 0 for fewer than two members
  double average = 0;                    // ties per member
  std::vector<std::string> least;        // the least connected, fewest ties first (at most 5)
  std::vector<DensityPoint> timeline;    // after each dated interaction, in date order
};
// `kinds`: which kinds count (empty: all); `from` and `to`: a date range, inclusive ("" open).
Network network(const Community& c, const std::vector<std::string>& kinds = {}, const std::string& from = "",
                const std::string& to = "");
// The same in slices, for a page that must keep drawing (10,000 members: a few hundred thousand
// events): begin, then step with a budget of records and events until it returns false; `network`
// is then the same as network()'s. The community must not change in between (begin again if it
// does). `reading_order`: the live members in reading order, when the caller has them already.
struct NetworkRun {
  Network network;
  struct Work;
  std::unique_ptr<Work> work;  // null once done
  NetworkRun();
  ~NetworkRun();
  NetworkRun(NetworkRun&&) noexcept;
  NetworkRun& operator=(NetworkRun&&) noexcept;
};
NetworkRun network_begin(const Community& c, const std::vector<std::string>& kinds = {}, const std::string& from = "",
                         const std::string& to = "", const std::vector<std::string>* reading_order = nullptr);
bool network_step(NetworkRun& run, const Community& c, long long budget);  // true while more remains
float network_progress(const NetworkRun& run);                             // 0..1

// [SECTION] Layout
// Places for the members (in `n.members` order), in [0, 1] x [0, 1]: tied members pulled together,
// all pushed apart, Fruchterman and Reingold's forces with the pushing limited to nearby members (a
// grid of cells), so a step costs members + ties, not members squared. Deterministic: no random start
// and no library trigonometry, so the page and the CLI compute the same places.
struct Point {
  double x = 0, y = 0;
};
struct Layout {
  std::vector<Point> at;
  long long comparisons = 0;  // member pairs whose pushing was computed, over all steps
  int steps = 0;
};
Layout network_layout(const Network& n);
// The same in slices, for a page that must keep drawing: begin, then step with a budget of member
// comparisons until it returns false (`layout` is then the same as network_layout's).
struct LayoutRun {
  Layout layout;
  struct Work;
  std::unique_ptr<Work> work;  // null once done
  LayoutRun();
  ~LayoutRun();
  LayoutRun(LayoutRun&&) noexcept;
  LayoutRun& operator=(LayoutRun&&) noexcept;
};
LayoutRun layout_begin(const Network& n);
bool layout_step(LayoutRun& run, long long budget);  // true while more remains
float layout_progress(const LayoutRun& run);         // 0..1

std::string network_graphml(const Community& c, const Network& n);
std::string network_csv(const Community& c, const Network& n);  // Source,Target,Source name,Target name,Weight,Kinds,First
std::string network_json(const Community& c, const Network& n);  // `cultivate network --json`

}  // namespace cv
