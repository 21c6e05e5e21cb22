// bench/core.cpp: the core's data path on a community file, step by step, in milliseconds: parse,
// the import preview's checks (stamps, merge, fits, diff), a merge of the file into itself with one
// edit, the canonical writer, the views of a community of that size, and what the Connections tab
// reads (the network, its layout, suggested introductions), and the memory the parsed community holds
// (heldMB; the WebAssembly build, node build/web/bench_core.js, gives the page's figure). Not a test:
// it prints figures (bench/scale runs the same in the page).
//   bench_core FILE [FILE...]     (node bench/scale/generate.mjs writes files of any size)
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "core/directory.h"
#include "core/format.h"
#include "core/model.h"
#include "core/network.h"
#include "core/views.h"

namespace {

double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Bytes the allocator holds now: what a community costs in memory (4-byte pointers in wasm).
#ifdef __EMSCRIPTEN__
double held_mb() { return static_cast<double>(mallinfo().uordblks) / 1048576.0; }
#else
double held_mb() { return static_cast<double>(mallinfo2().uordblks) / 1048576.0; }
#endif

template <class F>
double timed(F f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return since(t0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_core FILE [FILE...]\n");
    return 2;
  }
  std::printf("%-28s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s\n", "file", "MB", "parse", "preview", "merge", "write",
              "diff", "views", "network", "layout", "intros", "records", "heldMB");
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    cv::Parsed p;
    const double held0 = held_mb();
    const double parse = timed([&] { p = cv::parse_file(bytes); });
    if (!p.ok) {
      std::printf("%s: %s\n", argv[i], p.error.c_str());
      continue;
    }
    const double held = held_mb() - held0;  // the parsed community alone
    cv::Doc empty;
    empty.clock.actor = "benchmark0000000";
    cv::Preview pv;
    const double preview = timed([&] { pv = cv::preview_community(empty, p.community, 1'800'000'000'000); });
    cv::Doc d;
    d.clock.actor = "benchmark0000000";
    cv::doc_open(d, p.community);
    // A second copy with one edit, merged in.
    cv::Community other = p.community;
    for (auto& [id, r] : other.records)
      if (r.type == cv::kMember) {
        r.fields["name"].value = "Renamed elsewhere";
        r.fields["name"].stamp.ms += 1000;
        break;
      }
    const double merge = timed([&] { cv::doc_import(d, other, "Merge"); });
    std::string out;
    const double write = timed([&] { out = cv::to_file(d.community); });
    const double diff = timed([&] { (void)cv::diff(p.community, d.community); });
    cv::Views v;
    const double views = timed([&] { cv::views_complete(v, d); });
    cv::Network n;
    const double network = timed([&] { n = cv::network(d.community); });
    const double layout = timed([&] { (void)cv::network_layout(n); });
    const double intros = timed([&] { (void)cv::suggested_introductions(d.community, 10, &n); });
    std::printf("%-28s %8.2f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8zu %8.1f\n", argv[i], bytes.size() / 1048576.0,
                parse, preview, merge, write, diff, views, network, layout, intros, d.community.records.size(), held);
  }
  return 0;
}
