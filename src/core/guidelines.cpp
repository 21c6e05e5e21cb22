// guidelines.cpp: see guidelines.h.
#include "core/guidelines.h"

#include <algorithm>
#include <cstdio>

#include "core/fields.h"

namespace cv {

std::vector<Guideline> guidelines(const Community& c) {
  std::vector<Guideline> out;
  for (const auto* e : records_of(c, kGuideline))
    if (const auto& [id, r] = *e; !r.deleted())
      out.push_back({id, get(r, f::guideline_text), get(r, f::guideline_why), get(r, f::guideline_position)});
  std::sort(out.begin(), out.end(), [](const Guideline& a, const Guideline& b) {
    return a.position != b.position ? a.position < b.position : a.id < b.id;
  });
  return out;
}

Op op_default_guidelines(const Community& c, const std::string& first_id) {
  Op op{"Add the default guidelines", {}};
  if (!guidelines(c).empty()) return op;
  static const char* const kDefaults[][2] = {
      {"We learn with and from one another.",
       "Everyone here has experience worth sharing; nobody is only a teacher or only a learner."},
      {"Nobody needs to have all the answers.", "A good question is a contribution: it shows where the learning is."},
      {"Not-knowing and curiosity are welcome.", "When one person says \"I don't know\", it becomes safe for everyone."},
      {"Share airtime.", "Pairs and small groups give everyone a turn; in the large group, make room for voices not "
                         "heard yet."},
      {"What is said here stays here unless agreed.", "Real problems are only brought to a group that keeps confidences."},
  };
  int n = 0;
  for (const auto& g : kDefaults) {
    const std::string id = first_id + ":g" + std::to_string(++n);
    put_new(op, id, kGuideline);
    put(op, id, f::guideline_text, g[0]);
    put(op, id, f::guideline_why, g[1]);
    put(op, id, f::guideline_position, n);
  }
  return op;
}

Op op_add_guideline(const Community& c, const std::string& id, const std::string& text, const std::string& why) {
  const auto all = guidelines(c);
  Op op = op_new("Add a guideline", id, kGuideline);
  put(op, id, f::guideline_text, text);
  put(op, id, f::guideline_why, why);
  put(op, id, f::guideline_position, all.empty() ? 1.0 : all.back().position + 1);
  return op;
}

std::string guidelines_version(const Community& c) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a over the texts, in order
  for (const auto& g : guidelines(c)) {
    for (unsigned char ch : g.text + "\n") h = (h ^ ch) * 1099511628211ull;
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(h ^ (h >> 32)));
  return buf;
}

std::vector<Acknowledgement> acknowledgements(const Community& c) {
  const std::string version = guidelines_version(c);
  std::vector<Acknowledgement> out;
  for (const auto& [id, m] : live_by_name(c, kMember)) {
    Acknowledgement a{id, get(*m, f::member_name)};
    if (const Record* r = find_live(c, std::string("ack:") + id))
      a.state = get(*r, f::ack_version) == version ? Acknowledgement::Current : Acknowledgement::Earlier;
    out.push_back(std::move(a));
  }
  return out;
}

Op op_acknowledge(const Community& c, const std::string& member) {
  Op op{"Acknowledge the guidelines", {}};
  const std::string id = "ack:" + member;
  put_new(op, id, kAck);
  put(op, id, f::ack_member, member);
  put(op, id, f::ack_version, guidelines_version(c));
  return op;
}

}  // namespace cv
