// network.cpp: see network.h.
#include "core/network.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/breakouts.h"
#include "core/cases.h"
#include "core/directory.h"
#include "core/fields.h"
#include "core/format.h"
#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/text.h"
#include "core/threads.h"

namespace cv {

namespace {

// Two members did something together. Members are numbers in id order (so the smaller number is the
// smaller id), kinds are indexes into kTieKinds: a year of a large community is hundreds of thousands
// of these.
struct Event {
  int a, b, kind;
  std::string date;  // YYYY-MM-DD fits a string's own space: no allocation
};

std::string date_of_ms(int64_t ms) { return ms > 0 ? format_utc(ms).substr(0, 10) : std::string(); }

std::string meeting_date(const Community& c, const std::string& meeting) {
  const Record* m = find_live(c, meeting);
  return m && m->type == kMeeting ? get(*m, f::meeting_date) : std::string();
}

double density_of(size_t ties, size_t n) { return n < 2 ? 0 : static_cast<double>(ties) / (static_cast<double>(n) * (n - 1) / 2); }

std::string xml(const std::string& s) {
  std::string out;
  for (char ch : utf8_sanitize(s)) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\n': out += "&#10;"; break;
      case '\t': out += "&#9;"; break;
      default: out += ch;
    }
  }
  return out;
}

// A CSV field: quoted when it holds a comma, a quote or a line break; a leading = + - @ is written
// after a ' so that a spreadsheet never runs it as a formula.
std::string csv(const std::string& s) {
  std::string v = s;
  if (!v.empty() && std::strchr("=+-@", v[0])) v = "'" + v;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char ch : v) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string kinds_text(const Tie& t) {
  std::string s;
  for (const std::string& k : t.kinds) s += (s.empty() ? "" : " ") + k;
  return s;
}

}  // namespace

// [SECTION] Reading the network in slices -----------------------------------------------------------------
// The reading goes through phases, each a loop that can stop after any record or event and go on
// in the next slice: the events of each kind, the events in date order, the ties, the ties as the
// page shows them, the timeline. A unit of the budget is an event; a record read costs a few (it
// is looked up by id and its fields by name).
constexpr long long kRecordCost = 4;

enum ReadPhase { kReadRounds, kReadCaseNotes, kReadPresenting, kReadReplies, kReadIntroductions, kReadBuckets, kReadDated, kReadTies, kReadSorted, kReadOutput, kReadTimeline, kReadDone };

struct NetworkRun::Work {
  ReadPhase phase = kReadRounds;
  size_t at = 0;  // the place in this phase's loop
  std::vector<std::string> ids;
  std::unordered_map<std::string, int> number;
  bool counts[std::size(kTieKinds)] = {};
  std::string from, to;
  std::vector<BreakoutRound> rounds;
  std::vector<TypeIndex::Entry> list;  // the records of this phase's kind, deleted ones too
  std::vector<Event> all, dated;
  std::map<std::string, std::vector<Event>> by_date;  // for a stable order by date, in slices
  std::map<std::string, std::vector<Event>>::iterator bucket;
  struct Building {
    int a, b, count = 0;
    unsigned kinds = 0;  // bit k: kTieKinds[k]
    const std::string* first;
  };
  std::vector<Building> ties;
  std::unordered_map<uint64_t, size_t> tie_at;
  std::unordered_set<uint64_t> seen;
};

NetworkRun::NetworkRun() = default;
NetworkRun::~NetworkRun() = default;
NetworkRun::NetworkRun(NetworkRun&&) noexcept = default;
NetworkRun& NetworkRun::operator=(NetworkRun&&) noexcept = default;

NetworkRun network_begin(const Community& c, const std::vector<std::string>& kinds, const std::string& from,
                         const std::string& to, const std::vector<std::string>* reading_order) {
  NetworkRun run;
  Network& n = run.network;
  if (reading_order) {
    n.members = *reading_order;
  } else {
    for (const auto& [id, r] : live_by_name(c, kMember)) n.members.push_back(id);
  }
  run.work = std::make_unique<NetworkRun::Work>();
  NetworkRun::Work& w = *run.work;
  w.ids = n.members;  // numbered in id order
  std::sort(w.ids.begin(), w.ids.end());
  w.number.reserve(w.ids.size());
  for (size_t i = 0; i < w.ids.size(); ++i) w.number.emplace(w.ids[i], static_cast<int>(i));
  for (size_t k = 0; k < std::size(kTieKinds); ++k)
    w.counts[k] = kinds.empty() || std::find(kinds.begin(), kinds.end(), kTieKinds[k]) != kinds.end();
  w.from = from, w.to = to;
  w.rounds = breakout_rounds(c);
  return run;
}

bool network_step(NetworkRun& run, const Community& c, long long budget) {
  if (!run.work) return false;
  NetworkRun::Work& w = *run.work;
  Network& n = run.network;
  long long spent = 0;
  auto key = [](const Event& e) { return (static_cast<uint64_t>(e.a) << 32) | static_cast<uint32_t>(e.b); };
  // Two members did something together: an event, if both are live members and it counts.
  auto pair = [&](const std::string& x, const std::string& y, int kind, const std::string& date) {
    if (x == y || !w.counts[kind]) return;
    if (!w.from.empty() && (date.empty() || date < w.from)) return;
    if (!w.to.empty() && (date.empty() || date > w.to)) return;
    auto a = w.number.find(x), b = w.number.find(y);
    if (a == w.number.end() || b == w.number.end()) return;
    w.all.push_back({std::min(a->second, b->second), std::max(a->second, b->second), kind, date});
  };
  // The next phase, with the records it reads.
  auto next = [&](ReadPhase p, const char* type) {
    w.phase = p, w.at = 0;
    w.list = type ? records_of(c, type) : std::vector<TypeIndex::Entry>{};
  };
  enum { kBreakout, kPeerAssist, kCoPresenting, kThread, kIntroduced };
  while (spent < budget && w.phase != kReadDone) {
    switch (w.phase) {
      case kReadRounds:
        if (w.at == w.rounds.size()) {
          next(kReadCaseNotes, kCaseNote);
          break;
        }
        {
          const BreakoutRound& r = w.rounds[w.at++];
          const Record* block = find_live(c, r.session);
          const std::string date = block && block->type == kBlock ? meeting_date(c, get(*block, f::block_meeting)) : date_of_ms(r.made_ms);
          for (const auto& g : r.groups)
            for (size_t i = 0; i < g.size(); ++i)
              for (size_t j = i + 1; j < g.size(); ++j, ++spent) pair(g[i], g[j], kBreakout, date);
        }
        break;
      case kReadCaseNotes:
        // A peer-assist or case discussion: the bringer and each member who offered something there.
        if (w.at == w.list.size()) {
          next(kReadPresenting, kBlock);
          break;
        }
        {
          const Record& note = w.list[w.at++]->second;
          spent += kRecordCost;
          if (note.deleted()) break;
          const std::string meeting = get(note, f::case_note_meeting);
          const Record* k = find_live(c, get(note, f::case_note_case));
          if (!meeting.empty() && k) pair(get(*k, f::case_bringer), get(note, f::case_note_member), kPeerAssist, meeting_date(c, meeting));
        }
        break;
      case kReadPresenting: {
        // Presenting in the same meeting: the leads of its input blocks (hundreds of blocks: one go).
        std::map<std::string, std::set<std::string>> presenters;
        for (const TypeIndex::Entry e : w.list) {
          const Record& b = e->second;
          if (!b.deleted() && get(b, f::block_kind) == "input" && !get(b, f::block_lead).empty())
            presenters[get(b, f::block_meeting)].insert(get(b, f::block_lead));
        }
        spent += static_cast<long long>(w.list.size());
        for (const auto& [meeting, leads] : presenters) {
          const std::vector<std::string> v(leads.begin(), leads.end());
          const std::string date = meeting_date(c, meeting);
          for (size_t i = 0; i < v.size(); ++i)
            for (size_t j = i + 1; j < v.size(); ++j) pair(v[i], v[j], kCoPresenting, date);
        }
        next(kReadReplies, kReply);
        break;
      }
      case kReadReplies:
        // A reply in a thread: its author and the thread's.
        if (w.at == w.list.size()) {
          next(kReadIntroductions, kIntroduction);
          break;
        }
        {
          const Record& r = w.list[w.at++]->second;
          spent += kRecordCost;
          if (r.deleted()) break;
          if (const Record* t = find_live(c, get(r, f::reply_thread)))
            pair(get(*t, f::thread_author), get(r, f::reply_author), kThread, date_of_ms(get(r, f::reply_at)));
        }
        break;
      case kReadIntroductions:
        if (w.at == w.list.size()) {
          next(kReadBuckets, nullptr);
          break;
        }
        {
          const Record& r = w.list[w.at++]->second;
          spent += kRecordCost;
          if (!r.deleted()) pair(get(r, f::introduction_a), get(r, f::introduction_b), kIntroduced, date_of_ms(get(r, f::introduction_at)));
        }
        break;
      case kReadBuckets:
        // In date order (undated first), kept in the order found within a date, so a tie's first
        // date is its earliest.
        if (w.at == w.all.size()) {
          w.all = {};
          w.bucket = w.by_date.begin();
          w.phase = kReadDated;
          break;
        }
        w.by_date[w.all[w.at].date].push_back(w.all[w.at]);
        ++w.at, ++spent;
        break;
      case kReadDated:
        if (w.bucket == w.by_date.end()) {
          w.by_date.clear();
          w.tie_at.reserve(w.dated.size());
          w.phase = kReadTies, w.at = 0;
          break;
        }
        spent += static_cast<long long>(w.bucket->second.size());
        w.dated.insert(w.dated.end(), w.bucket->second.begin(), w.bucket->second.end());
        w.bucket = w.by_date.erase(w.bucket);
        break;
      case kReadTies:
        if (w.at == w.dated.size()) {
          w.phase = kReadSorted;
          break;
        }
        {
          const Event& e = w.dated[w.at++];
          ++spent;
          auto [it, added] = w.tie_at.try_emplace(key(e), w.ties.size());
          if (added) w.ties.push_back({e.a, e.b, 0, 0, &e.date});
          NetworkRun::Work::Building& t = w.ties[it->second];
          ++t.count;
          t.kinds |= 1u << e.kind;
        }
        break;
      case kReadSorted:
        std::sort(w.ties.begin(), w.ties.end(), [](const auto& x, const auto& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
        w.tie_at = {};
        spent += static_cast<long long>(w.ties.size());
        for (const std::string& m : n.members) n.degree[m] = 0;
        n.ties.reserve(w.ties.size());
        w.phase = kReadOutput, w.at = 0;
        break;
      case kReadOutput:
        if (w.at == w.ties.size()) {
          n.density = density_of(n.ties.size(), n.members.size());
          n.average = n.members.empty() ? 0 : 2.0 * n.ties.size() / n.members.size();
          // The fewest ties first; reading order breaks ties in the degree.
          std::vector<std::pair<int, size_t>> order;
          for (size_t i = 0; i < n.members.size(); ++i) order.push_back({n.degree[n.members[i]], i});
          const size_t least = std::min<size_t>(order.size(), 5);
          std::partial_sort(order.begin(), order.begin() + static_cast<long>(least), order.end());
          for (size_t i = 0; i < least; ++i) n.least.push_back(n.members[order[i].second]);
          spent += static_cast<long long>(n.members.size());
          w.seen.reserve(w.ties.size());
          w.phase = kReadTimeline, w.at = 0;
          break;
        }
        {
          const NetworkRun::Work::Building& t = w.ties[w.at++];
          spent += kRecordCost;  // a tie as shown: its ids copied, and each member's count found by id
          Tie out{w.ids[t.a], w.ids[t.b], {}, t.count, *t.first};
          for (size_t k = 0; k < std::size(kTieKinds); ++k)
            if (t.kinds & (1u << k)) out.kinds.push_back(kTieKinds[k]);
          ++n.degree[out.a];
          ++n.degree[out.b];
          n.ties.push_back(std::move(out));
        }
        break;
      case kReadTimeline:
        // Density after each dated interaction: new pairs as they first met.
        if (w.at == w.dated.size()) {
          for (DensityPoint& p : n.timeline) p.density = density_of(p.ties, n.members.size());
          w.phase = kReadDone;
          break;
        }
        {
          const Event& e = w.dated[w.at++];
          ++spent;
          w.seen.insert(key(e));
          if (e.date.empty()) break;  // undated: counted from the start, no point of its own
          if (!n.timeline.empty() && n.timeline.back().date == e.date) n.timeline.back().ties = static_cast<int>(w.seen.size());
          else n.timeline.push_back({e.date, static_cast<int>(w.seen.size()), 0});
        }
        break;
      case kReadDone: break;
    }
  }
  if (w.phase != kReadDone) return true;
  run.work.reset();
  return false;
}

float network_progress(const NetworkRun& run) {
  if (!run.work) return 1;
  const NetworkRun::Work& w = *run.work;
  const size_t size = w.phase == kReadRounds ? w.rounds.size() : w.phase <= kReadIntroductions ? w.list.size()
                    : w.phase == kReadBuckets ? w.all.size() : w.phase == kReadTies || w.phase == kReadTimeline ? w.dated.size()
                    : w.phase == kReadOutput ? w.ties.size() : 0;
  const double within = size ? static_cast<double>(w.at) / size : 0;
  return std::min(0.99f, static_cast<float>((w.phase + within) / kReadDone));  // 1 only when done
}

Network network(const Community& c, const std::vector<std::string>& kinds, const std::string& from, const std::string& to) {
  NetworkRun run = network_begin(c, kinds, from, to);
  while (network_step(run, c, 1ll << 60)) {
  }
  return std::move(run.network);
}

// [SECTION] Layout ---------------------------------------------------------------------------------------

struct LayoutRun::Work {
  std::vector<std::pair<int, int>> edges;
  double k = 0, cell = 0;
  int cells = 1, step = 0;
  std::vector<Point> d, centre;
  std::vector<std::vector<int>> grid;
};

LayoutRun::LayoutRun() = default;
LayoutRun::~LayoutRun() = default;
LayoutRun::LayoutRun(LayoutRun&&) noexcept = default;
LayoutRun& LayoutRun::operator=(LayoutRun&&) noexcept = default;

LayoutRun layout_begin(const Network& n) {
  LayoutRun run;
  Layout& out = run.layout;
  const size_t count = n.members.size();
  out.at.resize(count);
  if (count == 0) return run;
  if (count == 1) {
    out.at[0] = {0.5, 0.5};
    return run;
  }
  run.work = std::make_unique<LayoutRun::Work>();
  LayoutRun::Work& w = *run.work;
  std::unordered_map<std::string, int> index;
  for (size_t i = 0; i < count; ++i) index[n.members[i]] = static_cast<int>(i);
  // The start: reading order on a square grid, every other row shifted half a cell (no two members
  // on one line, so the forces have a direction from the first step).
  const int cols = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(count))));
  for (size_t i = 0; i < count; ++i) {
    const int row = static_cast<int>(i) / cols, col = static_cast<int>(i) % cols;
    out.at[i] = {(col + 0.5 + (row % 2 ? 0.25 : -0.25)) / cols, (row + 0.5) / cols};
  }
  for (const Tie& t : n.ties) {
    auto a = index.find(t.a), b = index.find(t.b);
    if (a != index.end() && b != index.end()) w.edges.push_back({a->second, b->second});
  }
  w.k = 1.0 / std::sqrt(static_cast<double>(count));  // the ideal distance between members
  w.cell = 2 * w.k;                                    // pushing reaches two ideal distances
  w.cells = std::max(1, static_cast<int>(std::ceil(1.0 / w.cell)));
  // Fewer steps for large maps: the work stays about a few million force computations.
  out.steps = static_cast<int>(std::clamp<size_t>(4000000 / (count * 12 + w.edges.size() + 1), 20, 150));
  w.d.resize(count);
  w.grid.resize(static_cast<size_t>(w.cells) * w.cells);
  w.centre.resize(w.grid.size());
  return run;
}

bool layout_step(LayoutRun& run, long long budget) {
  if (!run.work) return false;
  LayoutRun::Work& w = *run.work;
  Layout& out = run.layout;
  std::vector<Point>& p = out.at;
  const size_t count = p.size();
  const double k = w.k, cell = w.cell;
  const int cells = w.cells;
  auto cell_of = [&](double v) { return std::clamp(static_cast<int>(v / cell), 0, cells - 1); };
  const long long until = out.comparisons + budget;
  for (; w.step < out.steps && out.comparisons < until; ++w.step) {
    const double heat = 0.1 * (1.0 - static_cast<double>(w.step) / out.steps) + 0.002;
    for (auto& g : w.grid) g.clear();
    for (size_t i = 0; i < count; ++i) w.grid[static_cast<size_t>(cell_of(p[i].y)) * cells + cell_of(p[i].x)].push_back(static_cast<int>(i));
    std::fill(w.d.begin(), w.d.end(), Point{});
    std::vector<Point>& d = w.d;
    // Pushing apart: members in the same cell or a neighbouring one, k^2 / distance. A crowded cell
    // (a dense part of the network) pushes as one mass at its centre, weighed by its members, so a
    // step stays about 9 x 16 comparisons a member however the members gather.
    constexpr size_t kCrowd = 16;
    for (size_t c = 0; c < w.grid.size(); ++c) {
      double sx = 0, sy = 0;
      for (int i : w.grid[c]) sx += p[i].x, sy += p[i].y;
      w.centre[c] = w.grid[c].empty() ? Point{} : Point{sx / w.grid[c].size(), sy / w.grid[c].size()};
    }
    auto push = [&](size_t i, double dx, double dy, double weight) {
      double dist2 = dx * dx + dy * dy;
      if (dist2 > cell * cell) return;
      if (dist2 < 1e-12) dx = 1e-6 * (i % 2 ? 1 : -1), dy = 1e-6, dist2 = dx * dx + dy * dy;
      const double f = weight * k * k / dist2;  // (k^2 / dist) along the unit vector (dx, dy) / dist
      d[i].x += dx * f, d[i].y += dy * f;
    };
    for (size_t i = 0; i < count; ++i) {
      const int cx = cell_of(p[i].x), cy = cell_of(p[i].y);
      for (int ny = std::max(0, cy - 1); ny <= std::min(cells - 1, cy + 1); ++ny)
        for (int nx = std::max(0, cx - 1); nx <= std::min(cells - 1, cx + 1); ++nx) {
          const size_t c = static_cast<size_t>(ny) * cells + nx;
          const std::vector<int>& in = w.grid[c];
          if (in.size() <= kCrowd) {
            for (int j : in)
              if (j != static_cast<int>(i)) {
                ++out.comparisons;
                push(i, p[i].x - p[j].x, p[i].y - p[j].y, 1);
              }
          } else {
            // The cell's centre without this member, if it is one of them.
            const bool own = nx == cx && ny == cy;
            const double m = static_cast<double>(in.size()) - (own ? 1 : 0);
            const double ox = (w.centre[c].x * in.size() - (own ? p[i].x : 0)) / m,
                         oy = (w.centre[c].y * in.size() - (own ? p[i].y : 0)) / m;
            ++out.comparisons;
            push(i, p[i].x - ox, p[i].y - oy, m);
          }
        }
    }
    // Pulling together along ties: distance^2 / k.
    for (const auto& [a, b] : w.edges) {
      const double dx = p[a].x - p[b].x, dy = p[a].y - p[b].y, dist = std::sqrt(dx * dx + dy * dy);
      const double f = dist / k;
      d[a].x -= dx * f, d[a].y -= dy * f;
      d[b].x += dx * f, d[b].y += dy * f;
    }
    // A little gravity to the middle keeps parts without ties from drifting off; moves capped by the heat.
    for (size_t i = 0; i < count; ++i) {
      d[i].x += (0.5 - p[i].x) * 0.2 * k, d[i].y += (0.5 - p[i].y) * 0.2 * k;
      const double len = std::sqrt(d[i].x * d[i].x + d[i].y * d[i].y);
      if (len > 1e-12) {
        const double move = std::min(len, heat) / len;
        p[i].x = std::clamp(p[i].x + d[i].x * move, 0.0, 1.0);
        p[i].y = std::clamp(p[i].y + d[i].y * move, 0.0, 1.0);
      }
    }
  }
  if (w.step < out.steps) return true;
  // Fit to the square, keeping the proportions.
  double x0 = 1, y0 = 1, x1 = 0, y1 = 0;
  for (const Point& q : p) x0 = std::min(x0, q.x), y0 = std::min(y0, q.y), x1 = std::max(x1, q.x), y1 = std::max(y1, q.y);
  const double span = std::max({x1 - x0, y1 - y0, 1e-9});
  for (Point& q : p) q = {0.5 + (q.x - (x0 + x1) / 2) / span, 0.5 + (q.y - (y0 + y1) / 2) / span};
  run.work.reset();
  return false;
}

float layout_progress(const LayoutRun& run) {
  return run.work && run.layout.steps > 0 ? static_cast<float>(run.work->step) / run.layout.steps : 1.0f;
}

Layout network_layout(const Network& n) {
  LayoutRun run = layout_begin(n);
  while (layout_step(run, 1ll << 60)) {
  }
  return std::move(run.layout);
}

std::string network_graphml(const Community& c, const Network& n) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
      "  <key id=\"ties\" for=\"node\" attr.name=\"ties\" attr.type=\"int\"/>\n"
      "  <key id=\"kinds\" for=\"edge\" attr.name=\"kinds\" attr.type=\"string\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
      "  <key id=\"first\" for=\"edge\" attr.name=\"first\" attr.type=\"string\"/>\n"
      "  <graph id=\"" + xml(c.id) + "\" edgedefault=\"undirected\">\n";
  for (const std::string& m : n.members)
    out += "    <node id=\"" + xml(m) + "\"><data key=\"name\">" + xml(member_name(c, m)) + "</data><data key=\"ties\">" +
           std::to_string(n.degree.at(m)) + "</data></node>\n";
  for (const Tie& t : n.ties)
    out += "    <edge source=\"" + xml(t.a) + "\" target=\"" + xml(t.b) + "\"><data key=\"kinds\">" + kinds_text(t) +
           "</data><data key=\"weight\">" + std::to_string(t.count) + "</data><data key=\"first\">" + xml(t.first) +
           "</data></edge>\n";
  return out + "  </graph>\n</graphml>\n";
}

std::string network_csv(const Community& c, const Network& n) {
  std::string out = "Source,Target,Source name,Target name,Weight,Kinds,First\r\n";
  for (const Tie& t : n.ties)
    out += csv(t.a) + "," + csv(t.b) + "," + csv(member_name(c, t.a)) + "," + csv(member_name(c, t.b)) + "," +
           std::to_string(t.count) + "," + csv(kinds_text(t)) + "," + csv(t.first) + "\r\n";
  return out;
}

std::string network_json(const Community& c, const Network& n) {
  json ties = json::array(), least = json::array(), timeline = json::array();
  for (const Tie& t : n.ties)
    ties.push_back({{"a", t.a}, {"b", t.b}, {"a_name", member_name(c, t.a)}, {"b_name", member_name(c, t.b)},
                    {"kinds", t.kinds}, {"count", t.count}, {"first", t.first}});
  for (const std::string& m : n.least) least.push_back({{"member", m}, {"name", member_name(c, m)}, {"ties", n.degree.at(m)}});
  for (const DensityPoint& p : n.timeline) timeline.push_back({{"date", p.date}, {"ties", p.ties}, {"density", p.density}});
  json places = json::array();
  const Layout layout = network_layout(n);
  for (size_t i = 0; i < n.members.size(); ++i)
    places.push_back({{"member", n.members[i]}, {"x", std::round(layout.at[i].x * 10000) / 10000},
                      {"y", std::round(layout.at[i].y * 10000) / 10000}});
  return json({{"members", n.members.size()}, {"ties", ties}, {"density", n.density}, {"average_ties", n.average},
               {"least_connected", least}, {"timeline", timeline}, {"layout", places}})
      .dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace cv
