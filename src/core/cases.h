// cases.h: the case library. Members bring real situations for the others' help: a title, the
// context, the question they want help with, a status (open, discussed, tried, resolved), the
// meetings where it came up, what was suggested, what they tried and what happened. A case can be
// shared without the bringer's name: then every export and summary leaves the name out.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/agenda.h"

#include "core/fields.h"
#include "core/model.h"

namespace cv {

inline constexpr const char* kCase = "case";
inline constexpr const char* kCaseStatuses[] = {"open", "discussed", "tried", "resolved"};

// A question or a suggestion on a case (a case_note record).
struct CaseNote {
  std::string id, member, kind, text, meeting;  // kind: "question" or "suggestion"
  int64_t at = 0;
  bool parked = false;    // advice offered while only questions were asked
  bool will_try = false;  // the bringer will try it
};
struct CaseView {
  std::string id, title, context, question, bringer, status, tried, outcome;
  std::vector<std::string> meetings;
  std::vector<CaseNote> notes;  // in the order they were noted
  bool anonymous = false;
};
// The texts of a case's notes of one kind ("question", "suggestion"), in order.
std::vector<std::string> note_texts(const CaseView& k, const char* kind);
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

// Cases to follow up in a meeting: discussed in an earlier one, and nothing noted yet on what
// happened. The meeting asks the bringer (the welcome and the review show them).
std::vector<CaseView> case_follow_ups(const Community& c, const std::string& meeting);
// "Ask Żaneta what happened with “A hard conversation”", or "Ask its bringer ..." when shared without the name.
std::string follow_up_line(const Community& c, const CaseView& k);

// [SECTION] Peer-assist
// Someone presents a case and the others help: first questions that help the bringer see the
// problem, and only from the middle on suggestions. A peer-assist block runs in four phases.
enum class Phase { Case, Questions, Suggestions, Reflection };
inline constexpr const char* kPhaseTitles[] = {"The case", "Clarifying questions", "Suggestions", "Reflection"};
inline constexpr const char* kPhaseHints[] = {
    "The bringer presents the case; the others listen.",
    "Questions only, to help the bringer see the problem. Advice waits: it is parked for later.",
    "Now suggestions: the parked ones first.",
    "The bringer says what they will try: tick the suggestions they take away."};
// Seconds from the block's start at which each phase begins (the first is 0). The block's `phases`
// when it holds three in order, else the defaults: a quarter for the case, questions to half the time
// (suggestions never start before half unless the facilitator says so), the last eighth to reflect.
std::array<int, 4> phase_starts(const Block& b);
struct PhaseView {
  Phase phase = Phase::Case;
  int64_t left_ms = 0;   // to the next phase (the last one: to the block's end; negative: over time)
  int64_t length_ms = 0;
};
PhaseView phase_at(const Block& b, int64_t elapsed_ms, int extra_minutes);
// The next phase starts now (the facilitator moves on); later phases keep their starts, or start
// now too when that was later. Empty (no changes) in the last phase.
Op op_next_phase(const Block& b, int64_t elapsed_ms);
// More time for the phase at `elapsed_ms`: the later phases move by `minutes`, and the block grows by
// as much (run_extra of the meeting), so the reflection keeps its time.
Op op_more_phase_time(const Block& b, const Record& meeting, const std::string& meeting_id, int64_t elapsed_ms, int minutes);
// The designer's setting: suggestions from minute `minute` (the other phases kept in order around it).
Op op_suggestions_from(const Block& b, int minute);
// True when the words read as advice rather than a question: "you should", "have you tried", "why
// don't you", "I would", "what if you" and their like, in English, German, French and Spanish.
bool reads_as_advice(std::string_view words);
// The kind a contribution is logged as, and whether it is parked: in the case and questions phases
// advice is parked (a suggestion kept for later); in the suggestions phase a question that is not
// advice stays a question.
struct NoteKind {
  const char* kind;
  bool parked;
};
NoteKind note_kind_in(Phase p, std::string_view words);
// A contribution logged during a peer-assist (or a case discussion) of `meeting`; the first one also
// notes that the case came up there (and an open case becomes discussed).
Op op_peer_note(const CaseView& k, const std::string& note_id, const std::string& meeting, const std::string& member,
                const std::string& words, Phase phase, int64_t at_ms);
// A peer-assist or case discussion block works on case k; its bringer leads the block.
Op op_pick_case(const Block& b, const CaseView& k);
Op op_keep_as_question(const std::string& note_id);  // a parked note that was not advice after all
Op op_will_try(const std::string& note_id, bool yes);
// What the live view shows of a peer-assist in a meeting: this meeting's notes on the case.
struct PeerAssist {
  std::vector<CaseNote> questions, suggestions;  // this meeting's, in order (parked ones first among suggestions)
  int parked = 0;
  std::vector<std::string> not_spoken;  // present members who have offered nothing yet (the bringer apart)
};
PeerAssist peer_assist(const CaseView& k, const std::string& meeting, const std::vector<std::string>& present);

// Who leads a block as an export or summary may say it: the member's name, or "a member" when the
// block works on a case shared without its bringer's name and the bringer leads it.
std::string lead_shown(const Community& c, const std::string& block_id, const std::string& lead);

// The case as a page to share: Markdown and printable HTML.
std::string case_markdown(const Community& c, const std::string& id);
std::string case_html(const Community& c, const std::string& id);

}  // namespace cv
