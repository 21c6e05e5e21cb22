// guidelines.h: the community's guidelines (mutual learning, not-knowing welcome, airtime shared)
// and each member's acknowledgement of one version of them: a change asks everyone again.
#pragma once
#include <string>
#include <vector>

#include "core/model.h"

namespace cv {

inline constexpr const char* kGuideline = "guideline";  // text, why, position
inline constexpr const char* kAck = "ack";              // member, version; id "ack:<member>"

struct Guideline {
  std::string id, text, why;
  double position = 0;
};
std::vector<Guideline> guidelines(const Community& c);  // in position order
// The five defaults with a short why each, ids derived from first_id; none when guidelines exist.
Op op_default_guidelines(const Community& c, const std::string& first_id);
Op op_add_guideline(const Community& c, const std::string& id, const std::string& text, const std::string& why);
// A fingerprint of the guidelines' texts: an acknowledgement is of one version of them.
std::string guidelines_version(const Community& c);
struct Acknowledgement {
  std::string member, name;
  enum State { None, Earlier, Current } state = None;  // not yet; an earlier version; these guidelines
};
// Every live member, by name.
std::vector<Acknowledgement> acknowledgements(const Community& c);
Op op_acknowledge(const Community& c, const std::string& member);

}  // namespace cv
