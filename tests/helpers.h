// helpers.h: small helpers shared by the doctest files.
#pragma once
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/format.h"
#include "core/model.h"

namespace testing {

// Bytes held through operator new now, and the most held since alloc_reset_peak() (alloc_counter.cpp).
bool alloc_counting();
size_t alloc_now();
void alloc_reset_peak();
size_t alloc_peak();

// A deterministic stand-in for the platform clock.
struct FakeTime {
  int64_t ms = 1'790'000'000'000;
  int64_t next() { return ms += 1000; }
};

inline cv::Doc new_doc(const std::string& actor, const std::string& id, const std::string& name, FakeTime& t) {
  cv::Doc d;
  d.clock.actor = actor;
  d.community = cv::new_community(id, name, d.clock, t.next());
  return d;
}

inline std::string add_member(cv::Doc& d, const std::string& id, const std::string& name, FakeTime& t) {
  cv::doc_apply(d, cv::op_create("Add member", id, cv::kMember, {{"name", name}}), t.next());
  return id;
}

inline std::string canon(const cv::Doc& d) { return cv::to_file(d.community); }

// A community being edited at a fake time ("Feedback circle"): apply Ops, add members, read it.
struct Circle {
  FakeTime t;
  cv::Doc d = new_doc("a", "c1", "Feedback circle", t);
  std::string add(const std::string& id, const std::string& name) { return add_member(d, id, name, t); }
  bool apply(const cv::Op& op) { return cv::doc_apply(d, op, t.next()); }
  const cv::Community& c() const { return d.community; }
  // What a member brings (an objective, problem, skill or resource), and a skill's offer.
  void item(const std::string& id, const char* type, const std::string& member, const std::string& text,
            const std::string& offer = "") {
    cv::json f = {{"member", member}, {"text", text}};
    if (!offer.empty()) f["offer"] = offer;
    apply(cv::op_create("Add", id, type, f));
  }
};

// ../shared/testdata, or where CULTIVATE_TESTDATA points (scripts/test.sh sets it).
inline std::string testdata_dir() {
  if (const char* env = std::getenv("CULTIVATE_TESTDATA")) return env;
  return "../shared/testdata";
}

inline std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace testing
