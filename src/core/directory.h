// directory.h: between meetings, who knows what and whom to call. A profile per member (filled in by
// themselves in their answers or their own copy, or by the convener), the directory browsed and
// filtered, "who can help with ..." ranked with the reason in words, and the directory exported as a
// printable page and as vCards for members' address books.
//  [SECTION] Profiles
//  [SECTION] Who can help
//  [SECTION] Introductions
//  [SECTION] Exports
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/model.h"

namespace cv {

// [SECTION] Profiles
struct Profile {
  std::string id, name, pronouns, organisation, place, time_zone, ask_me_about, contact, availability, matrix_id;
  std::vector<std::string> objectives, problems, skills;  // what they brought, in id order
  std::string haystack;  // every field above, folded once, for the filter
};
// Every live member's profile, in reading order (names as collate_less sorts them).
std::vector<Profile> directory(const Community& c);
// The filter: every word of `query` is in some field (folded: "zoe" finds "Zoë"), and the
// organisation and time zone are the ones asked for ("" for any).
bool profile_matches(const Profile& p, const std::string& query, const std::string& organisation,
                     const std::string& time_zone);
// The distinct organisations, or time zones, of the profiles, sorted (for the filter's choices).
std::vector<std::string> distinct_values(const std::vector<Profile>& all, std::string Profile::*field);
// A Matrix ID as the spec writes one: "@localpart:server", no spaces, at most 255 bytes.
bool is_matrix_id(const std::string& s);

// [SECTION] Who can help
// Members ranked for a question: their skills and "ask me about" first, then what they presented,
// the suggestions they made in peer-assists and case discussions, and learners with the same
// objective. Each comes with the reasons in words ("presented “Feedback models” on 2027-02-04"),
// strongest first.
struct Helper {
  std::string member, name;
  double score = 0;
  std::vector<std::string> reasons;
};
std::vector<Helper> who_can_help(const Community& c, const std::string& question, size_t limit = 20);

// [SECTION] Introductions
// Two members who have never met (no tie of any kind, network.h) where one's skill or "ask me about"
// answers the other's objective or problem: the convener introduces them, and the breakout groups
// then prefer to seat them together. Found through the words they share (an index of terms), never
// by trying every pair of members.
inline constexpr const char* kIntroduction = "introduction";
struct Introduction {
  std::string helper, learner;  // member ids: who can help, who wants to learn or brings the problem
  std::string reason;           // in words: "Jürgen, skill “Feedback” · Zoë wants to learn “Giving feedback”"
  double score = 0;
};
// The best suggestions first; a member appears in at most three. `all`: the community's whole network
// when the caller has it (else it is read here).
struct Network;
std::vector<Introduction> suggested_introductions(const Community& c, size_t limit = 20, const Network* all = nullptr);
// The same in slices, for a page that must keep drawing: begin, then step with a budget (records,
// texts, ties, candidate offers) until it returns false; `introductions` is then the same as
// suggested_introductions()'s. The community and `all` must not change in between.
struct IntroRun {
  std::vector<Introduction> introductions;
  struct Work;
  std::unique_ptr<Work> work;  // null once done
  IntroRun();
  ~IntroRun();
  IntroRun(IntroRun&&) noexcept;
  IntroRun& operator=(IntroRun&&) noexcept;
};
IntroRun introductions_begin(const Community& c, size_t limit = 20, const Network* all = nullptr);
bool introductions_step(IntroRun& run, const Community& c, long long budget);  // true while more remains
float introductions_progress(const IntroRun& run);                              // 0..1
// Records an introduction (id intro:<a>:<b>, a before b); `by` is who made it ("" the convener).
Op op_introduce(const std::string& a, const std::string& b, const std::string& reason, const std::string& by,
                int64_t at_ms);
// A short message to send both: who they are, why they should talk, how to reach each.
std::string introduction_message(const Community& c, const std::string& a, const std::string& b, const std::string& reason);
// Live introductions as member pairs (a before b).
std::vector<std::pair<std::string, std::string>> introduced_pairs(const Community& c);

// [SECTION] Exports
// The directory as a printable page, and as vCard 3.0 (RFC 2426) cards, one per member.
std::string directory_html(const Community& c);
std::string directory_vcf(const Community& c);

}  // namespace cv
