// fuzz-import.cpp: libFuzzer on the import path. Any bytes: parse and validate; a file that reads is
// merged into a community (with the same checks as the page), exported, and read back, which must
// give the same bytes; merging is commutative on what came in. Built by the sanitize preset with
// -fsanitize=fuzzer,address,undefined; scripts/test.sh runs it for a minute, scripts/soak.sh longer.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "app/importer.h"
#include "core/format.h"

namespace {

constexpr int64_t kNow = 1'790'000'000'000;

void require(bool ok) {
  if (!ok) std::abort();  // libFuzzer keeps the input that got here
}

// A small community to merge into: the same every run.
const cv::Doc& base() {
  static cv::Doc d = [] {
    cv::Doc doc;
    doc.clock.actor = "fuzz";
    cv::doc_open(doc, cv::new_community("c1", "Circle", doc.clock, kNow - 5000));
    cv::doc_apply(doc, cv::op_create("Add", "m1", "member", {{"name", "Zoë"}}), kNow - 4000);
    cv::doc_apply(doc, cv::op_create("Add", "t1", "topic", {{"title", "Feedback"}, {"state", "backlog"}}), kNow - 3000);
    return doc;
  }();
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The fast JSON reader reads only what nlohmann/json reads, to the same value.
  if (cv::json fast; cv::fast_json_parse(bytes, fast)) {
    const cv::json slow = cv::json::parse(bytes.begin(), bytes.end(), nullptr, false);
    require(!slow.is_discarded() && slow == fast && slow.dump() == fast.dump());
  }
  const cv::Parsed p = cv::parse_file(bytes);
  if (!p.ok) {
    require(!p.error.empty());
    return 0;
  }
  // What reads, exports canonically and reads back as the same bytes.
  const std::string file = cv::to_file(p.community);
  if (file.size() <= cv::kMaxFileBytes) {
    const cv::Parsed again = cv::parse_file(file);
    require(again.ok);
    require(cv::to_file(again.community) == file);
  }
  // Into a community, through the page's own checks: a refusal changes nothing; an import reads back.
  cv::Doc d = base();
  const std::string before = cv::to_file(d.community);
  app::Importer im;
  app::importer_preview(im, d, {{"fuzz", std::string(bytes), ""}}, app::Importer::Files, "fuzz", kNow);
  bool ok = false;
  app::importer_merge(im, d, kNow, ok);
  if (!ok) {
    require(cv::to_file(d.community) == before);
    return 0;
  }
  const std::string merged = cv::to_file(d.community);
  const cv::Parsed back = cv::parse_file(merged);
  require(back.ok);
  require(cv::to_file(back.community) == merged);
  // The same merge the other way round gives the same community.
  if (p.community.id == d.community.id) {
    const std::string one_way = cv::to_file(cv::merge(base().community, p.community));
    require(one_way == cv::to_file(cv::merge(p.community, base().community)));
    // The preview measured that file without writing it.
    require(cv::merge_effect(base().community, p.community).bytes == one_way.size());
  }
  return 0;
}
