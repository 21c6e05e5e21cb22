// fields.h: typed readers and Op builders for the fields the registry declares. Panels and features
// read `get(record, f::member_name)` and write `op_set("Rename", id, f::member_name, name)` instead of
// field names in strings; the registry (registry.cpp) declares each field with these same constants,
// so a name or a kind cannot drift between them (and tests/unit-registry.cpp checks every one).
//  [SECTION] Typed field references
//  [SECTION] Reading
//  [SECTION] Writing
//  [SECTION] Every field
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"

namespace cv {

// [SECTION] Typed field references ---------------------------------------------------------------------
// A field of a record type, with the C++ type its values are read as.
template <class T>
struct FieldRef {
  const char* type;
  const char* name;
};
using Groups = std::vector<std::vector<std::string>>;
using TextField = FieldRef<std::string>;               // text, ids, dates, times
using WholeField = FieldRef<int>;                      // whole numbers in a small range
using MillisField = FieldRef<int64_t>;                 // wall-clock milliseconds
using RealField = FieldRef<double>;
using FlagField = FieldRef<bool>;
using TextsField = FieldRef<std::vector<std::string>>; // lists of texts or ids
using GroupsField = FieldRef<Groups>;                  // lists of lists of ids
using IntsField = FieldRef<std::vector<int>>;

// [SECTION] Reading ------------------------------------------------------------------------------------
// Unset or of another kind (a forged file, a newer version): the empty value, or `fallback`. Whole
// numbers come back within their declared range, so nothing out of range reaches an int.
std::string get(const Record& r, TextField f);
int get(const Record& r, WholeField f, int fallback = 0);
int64_t get(const Record& r, MillisField f, int64_t fallback = 0);
double get(const Record& r, RealField f, double fallback = 0);
bool get(const Record& r, FlagField f);
std::vector<std::string> get(const Record& r, TextsField f);
Groups get(const Record& r, GroupsField f);
std::vector<int> get(const Record& r, IntsField f);
// True when the field holds a value (not unset).
template <class T>
bool has(const Record& r, FieldRef<T> f) { return !r.get(f.name).is_null(); }

// [SECTION] Writing ------------------------------------------------------------------------------------
// The value's type comes from the field alone (so "Zoë" is a std::string for a TextField).
template <class T>
struct Same {
  using type = T;
};
template <class T>
Change change(const std::string& id, FieldRef<T> f, const typename Same<T>::type& value) {
  return Change{id, f.type, f.name, json(value)};
}
// Unsets the field (writes null).
template <class T>
Change unset(const std::string& id, FieldRef<T> f) {
  return Change{id, f.type, f.name, json()};
}
template <class T>
void put(Op& op, const std::string& id, FieldRef<T> f, const typename Same<T>::type& value) {
  op.changes.push_back(change(id, f, value));
}
template <class T>
Op op_set(const std::string& label, const std::string& id, FieldRef<T> f, const typename Same<T>::type& value) {
  return Op{label, {change(id, f, value)}};
}
// A new record (its "deleted" set to false) of `type`, with nothing else yet: put() its fields.
Op op_new(const std::string& label, const std::string& id, const char* type);
void put_new(Op& op, const std::string& id, const char* type);

// [SECTION] Every field --------------------------------------------------------------------------------
namespace f {

// community
inline constexpr TextField community_name{"community", "name"};
inline constexpr TextField community_purpose_why{"community", "purpose_why"};
inline constexpr TextField community_purpose_learn{"community", "purpose_learn"};
inline constexpr TextField community_purpose_share{"community", "purpose_share"};
inline constexpr WholeField community_vote_budget{"community", "vote_budget"};
inline constexpr WholeField community_vote_round{"community", "vote_round"};
inline constexpr RealField community_shared_threshold{"community", "shared_threshold"};
inline constexpr TextField community_first_topic{"community", "first_topic"};
inline constexpr TextField community_first_meeting{"community", "first_meeting"};
inline constexpr WholeField community_cycle{"community", "cycle"};
inline constexpr TextField community_matrix_room{"community", "matrix_room"};
// member
inline constexpr TextField member_name{"member", "name"};
inline constexpr TextField member_contact{"member", "contact"};
inline constexpr TextsField member_roles{"member", "roles"};
inline constexpr TextsField member_declines{"member", "declines"};
inline constexpr TextField member_away_until{"member", "away_until"};
inline constexpr TextField member_away_reason{"member", "away_reason"};
inline constexpr TextField member_notes{"member", "notes"};
inline constexpr TextField member_availability{"member", "availability"};
inline constexpr TextsField member_sheet{"member", "sheet"};
inline constexpr TextField member_pronouns{"member", "pronouns"};
inline constexpr TextField member_organisation{"member", "organisation"};
inline constexpr TextField member_place{"member", "place"};
inline constexpr TextField member_time_zone{"member", "time_zone"};
inline constexpr TextField member_ask_me_about{"member", "ask_me_about"};
inline constexpr TextField member_matrix_id{"member", "matrix_id"};
// objective
inline constexpr TextField objective_member{"objective", "member"};
inline constexpr TextField objective_text{"objective", "text"};
inline constexpr TextField objective_group{"objective", "group"};
// problem
inline constexpr TextField problem_member{"problem", "member"};
inline constexpr TextField problem_text{"problem", "text"};
// topic
inline constexpr TextField topic_title{"topic", "title"};
inline constexpr TextField topic_description{"topic", "description"};
inline constexpr TextField topic_proposed_by{"topic", "proposed_by"};
inline constexpr TextField topic_source{"topic", "source"};
inline constexpr TextField topic_state{"topic", "state"};
inline constexpr TextField topic_owner{"topic", "owner"};
// vote
inline constexpr TextField vote_topic{"vote", "topic"};
inline constexpr TextField vote_member{"vote", "member"};
inline constexpr WholeField vote_dots{"vote", "dots"};
inline constexpr WholeField vote_round{"vote", "round"};
// skill
inline constexpr TextField skill_member{"skill", "member"};
inline constexpr TextField skill_text{"skill", "text"};
inline constexpr TextField skill_offer{"skill", "offer"};
// resource
inline constexpr TextField resource_member{"resource", "member"};
inline constexpr TextField resource_text{"resource", "text"};
// meeting
inline constexpr TextField meeting_title{"meeting", "title"};
inline constexpr TextField meeting_date{"meeting", "date"};
inline constexpr TextField meeting_time{"meeting", "time"};
inline constexpr TextField meeting_place{"meeting", "place"};
inline constexpr TextField meeting_topic{"meeting", "topic"};
inline constexpr TextField meeting_kind{"meeting", "kind"};
inline constexpr TextsField meeting_topics{"meeting", "topics"};
inline constexpr WholeField meeting_slot{"meeting", "slot"};
inline constexpr WholeField meeting_every_weeks{"meeting", "every_weeks"};
inline constexpr WholeField meeting_series_count{"meeting", "series_count"};
inline constexpr TextField meeting_facilitator{"meeting", "facilitator"};
inline constexpr TextField meeting_outcomes{"meeting", "outcomes"};
inline constexpr TextField meeting_run_block{"meeting", "run_block"};
inline constexpr MillisField meeting_run_at{"meeting", "run_at"};
inline constexpr MillisField meeting_run_paused{"meeting", "run_paused"};
inline constexpr WholeField meeting_run_extra{"meeting", "run_extra"};
// block
inline constexpr TextField block_meeting{"block", "meeting"};
inline constexpr TextField block_kind{"block", "kind"};
inline constexpr TextField block_title{"block", "title"};
inline constexpr TextField block_notes{"block", "notes"};
inline constexpr TextField block_lead{"block", "lead"};
inline constexpr WholeField block_minutes{"block", "minutes"};
inline constexpr RealField block_position{"block", "position"};
inline constexpr WholeField block_group_size{"block", "group_size"};
inline constexpr TextField block_debrief{"block", "debrief"};
inline constexpr TextField block_case{"block", "case"};
inline constexpr IntsField block_phases{"block", "phases"};
// parking
inline constexpr TextField parking_meeting{"parking", "meeting"};
inline constexpr TextField parking_text{"parking", "text"};
// breakout
inline constexpr TextField breakout_session{"breakout", "session"};
inline constexpr WholeField breakout_round{"breakout", "round"};
inline constexpr GroupsField breakout_groups{"breakout", "groups"};
inline constexpr IntsField breakout_locked{"breakout", "locked"};
// guideline
inline constexpr TextField guideline_text{"guideline", "text"};
inline constexpr TextField guideline_why{"guideline", "why"};
inline constexpr RealField guideline_position{"guideline", "position"};
// ack
inline constexpr TextField ack_member{"ack", "member"};
inline constexpr TextField ack_version{"ack", "version"};
// attendance
inline constexpr TextField attendance_meeting{"attendance", "meeting"};
inline constexpr TextField attendance_member{"attendance", "member"};
inline constexpr FlagField attendance_present{"attendance", "present"};
// action
inline constexpr TextField action_meeting{"action", "meeting"};
inline constexpr TextField action_text{"action", "text"};
inline constexpr TextField action_owner{"action", "owner"};
inline constexpr TextField action_due{"action", "due"};
inline constexpr FlagField action_done{"action", "done"};

// case
inline constexpr TextField case_title{"case", "title"};
inline constexpr TextField case_context{"case", "context"};
inline constexpr TextField case_question{"case", "question"};
inline constexpr TextField case_bringer{"case", "bringer"};
inline constexpr TextField case_status{"case", "status"};
inline constexpr TextsField case_meetings{"case", "meetings"};
inline constexpr TextField case_tried{"case", "tried"};
inline constexpr TextField case_outcome{"case", "outcome"};
inline constexpr FlagField case_anonymous{"case", "anonymous"};
inline constexpr TextField case_note_case{"case_note", "case"};
inline constexpr TextField case_note_member{"case_note", "member"};
inline constexpr TextField case_note_kind{"case_note", "kind"};
inline constexpr TextField case_note_text{"case_note", "text"};
inline constexpr MillisField case_note_at{"case_note", "at"};
inline constexpr TextField case_note_meeting{"case_note", "meeting"};
inline constexpr FlagField case_note_parked{"case_note", "parked"};
inline constexpr FlagField case_note_will_try{"case_note", "will_try"};
// book
inline constexpr TextField book_title{"book", "title"};
inline constexpr TextField book_author{"book", "author"};
inline constexpr TextField book_link{"book", "link"};
inline constexpr TextField book_why{"book", "why"};
inline constexpr TextField book_proposed_by{"book", "proposed_by"};
inline constexpr TextField book_state{"book", "state"};
inline constexpr TextField book_chosen_by{"book", "chosen_by"};
inline constexpr TextField book_chosen_on{"book", "chosen_on"};
inline constexpr TextField book_read_on{"book", "read_on"};
// book_vote
inline constexpr TextField book_vote_book{"book_vote", "book"};
inline constexpr TextField book_vote_member{"book_vote", "member"};
inline constexpr FlagField book_vote_support{"book_vote", "support"};
// reading_part
inline constexpr TextField reading_part_book{"reading_part", "book"};
inline constexpr TextField reading_part_title{"reading_part", "title"};
inline constexpr TextField reading_part_meeting{"reading_part", "meeting"};
inline constexpr RealField reading_part_position{"reading_part", "position"};
inline constexpr TextField reading_part_notes{"reading_part", "notes"};
// book_question
inline constexpr TextField book_question_part{"book_question", "part"};
inline constexpr TextField book_question_member{"book_question", "member"};
inline constexpr TextField book_question_text{"book_question", "text"};
// book_kept
inline constexpr TextField book_kept_book{"book_kept", "book"};
inline constexpr TextField book_kept_member{"book_kept", "member"};
inline constexpr TextField book_kept_text{"book_kept", "text"};

// thread
inline constexpr TextField thread_kind{"thread", "kind"};
inline constexpr TextField thread_title{"thread", "title"};
inline constexpr TextField thread_body{"thread", "body"};
inline constexpr TextField thread_author{"thread", "author"};
inline constexpr MillisField thread_at{"thread", "at"};
inline constexpr FlagField thread_answered{"thread", "answered"};
inline constexpr TextsField thread_tags{"thread", "tags"};
// reply
inline constexpr TextField reply_thread{"reply", "thread"};
inline constexpr TextField reply_author{"reply", "author"};
inline constexpr TextField reply_body{"reply", "body"};
inline constexpr MillisField reply_at{"reply", "at"};
// introduction
inline constexpr TextField introduction_a{"introduction", "a"};
inline constexpr TextField introduction_b{"introduction", "b"};
inline constexpr TextField introduction_reason{"introduction", "reason"};
inline constexpr TextField introduction_by{"introduction", "by"};
inline constexpr MillisField introduction_at{"introduction", "at"};
// project
inline constexpr TextField project_title{"project", "title"};
inline constexpr TextField project_goal{"project", "goal"};
inline constexpr TextField project_needs{"project", "needs"};
inline constexpr TextField project_owner{"project", "owner"};
inline constexpr FlagField project_done{"project", "done"};
// joining (a member in a project)
inline constexpr TextField joining_project{"joining", "project"};
inline constexpr TextField joining_member{"joining", "member"};
inline constexpr TextField joining_offer{"joining", "offer"};
// progress (an objective revisited at the end of a cycle)
inline constexpr TextField progress_objective{"progress", "objective"};
inline constexpr TextField progress_member{"progress", "member"};
inline constexpr WholeField progress_cycle{"progress", "cycle"};
inline constexpr WholeField progress_rating{"progress", "rating"};
inline constexpr TextField progress_helped{"progress", "helped"};

}  // namespace f

}  // namespace cv
