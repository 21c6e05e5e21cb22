// cases.h: the case library. Members bring real situations for the others' help: a title, the
// context, the question they want help with, a status (open, discussed, tried, resolved), the
// meetings where it came up, what was suggested, what they tried and what happened. A case can be
// shared without the bringer's name: then every export and summary leaves the name out.
#pragma once
#include <string>
#include <vector>

#include "core/fields.h"
#include "core/model.h"

namespace cv {

inline constexpr const char* kCase = "case";
inline constexpr const char* kCaseStatuses[] = {"open", "discussed", "tried", "resolved"};

struct CaseView {
  std::string id, title, context, question, bringer, status, tried, outcome;
  std::vector<std::string> meetings;
  std::vector<std::string> questions, suggestions;  // case notes, in the order they were noted
  bool anonymous = false;
};
CaseView case_view(const Community& c, const std::string& id);
// Live cases: open ones first, then by status in the order above, then by title.
std::vector<CaseView> cases(const Community& c);
// Who brought it, as an export may say it: the name, or "a member" for a case shared without it.
std::string case_bringer_shown(const Community& c, const CaseView& k);

Op op_bring_case(const std::string& id, const std::string& bringer, const std::string& title, const std::string& question,
                 const std::string& context, bool anonymous);
inline constexpr const char* kCaseNote = "case_note";
// A question or a suggestion on a case (kind "question" or "suggestion"), one record each.
Op op_case_note(const std::string& note_id, const std::string& case_id, const std::string& member, const std::string& kind,
                const std::string& text, int64_t at_ms);
Op op_case_came_up(const Community& c, const std::string& id, const std::string& meeting);

// The case as a page to share: Markdown and printable HTML.
std::string case_markdown(const Community& c, const std::string& id);
std::string case_html(const Community& c, const std::string& id);

}  // namespace cv
