// registry.cpp: see registry.h.
//  [SECTION] The record types of format version 1
//  [SECTION] Lookup
//  [SECTION] Validation of one value
//  [SECTION] Labels
//  [SECTION] JSON Schema
#include "core/registry.h"

#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "core/fields.h"
#include "core/format.h"
#include "core/model.h"
#include "core/text.h"

namespace cv {

using json = nlohmann::json;

// [SECTION] The record types of format version 1 ---------------------------------------------------

namespace {

using K = FieldKind;
constexpr double kMaxMs = 9007199254740992.0;  // 2^53: the largest whole number every JSON reader keeps

// Shorthands that keep the table below one line per field. Each takes the field's typed constant
// (fields.h), so the registry and the typed readers name the same field with the same kind.
FieldDecl text(TextField f, const char* doc, bool self = false) { return {f.name, K::Text, doc, nullptr, 0, 0, true, self, 100000, f.type}; }
FieldDecl date(TextField f, const char* doc, bool self = false) { return {f.name, K::Date, doc, nullptr, 0, 0, true, self, 100000, f.type}; }
FieldDecl time(TextField f, const char* doc) { return {f.name, K::Time, doc, nullptr, 0, 0, true, false, 100000, f.type}; }
FieldDecl ref(TextField f, const char* to, const char* doc, bool self = false) {
  return {f.name, K::Ref, doc, to, 0, 0, true, self, 100000, f.type};
}
FieldDecl whole(WholeField f, double lo, double hi, const char* doc, bool self = false) {
  return {f.name, K::Number, doc, nullptr, lo, hi, true, self, 100000, f.type};
}
FieldDecl millis(MillisField f, const char* doc, bool self = false) {
  return {f.name, K::Number, doc, nullptr, 0, kMaxMs, true, self, 100000, f.type};
}
FieldDecl real(RealField f, double lo, double hi, const char* doc) {
  return {f.name, K::Number, doc, nullptr, lo, hi, false, false, 100000, f.type};
}
FieldDecl flag(FlagField f, const char* doc, bool self = false) { return {f.name, K::Bool, doc, nullptr, 0, 0, true, self, 100000, f.type}; }
FieldDecl texts(TextsField f, const char* doc, bool self = false) {
  return {f.name, K::Texts, doc, nullptr, 0, 0, true, self, 100000, f.type};
}
FieldDecl refs(TextsField f, const char* to, const char* doc, bool self = false) {
  return {f.name, K::Refs, doc, to, 0, 0, true, self, 100000, f.type};
}
FieldDecl groups(GroupsField f, const char* to, const char* doc) {
  return {f.name, K::Groups, doc, to, 0, 0, true, false, 100000, f.type};
}
FieldDecl ints(IntsField f, double lo, double hi, const char* doc) {
  return {f.name, K::Ints, doc, nullptr, lo, hi, true, false, 100000, f.type};
}

// A field a sign-up sheet's column can fill.
FieldDecl sheet(FieldDecl f, const char* label, const char* words, int rank) {
  f.sheet = label;
  f.sheet_words = words;
  f.sheet_rank = rank;
  return f;
}

const std::vector<RecordDecl>& table() {
  static const std::vector<RecordDecl> types = {
      {"community", "community", "community", "The community itself: one record, whose id is the community's.", "",
       {text(f::community_name, "The community's name."),
        text(f::community_purpose_why, "Why we come together."),
        text(f::community_purpose_learn, "What we want to learn with and from each other."),
        text(f::community_purpose_share, "What resources we can share."),
        whole(f::community_vote_budget, 0, 100, "Dots each member may give (default 3)."),
        whole(f::community_vote_round, 0, 10000, "The round of dot voting now open (0: the first); a new round "
                                                 "starts every member's dots afresh, earlier rounds are kept."),
        real(f::community_shared_threshold, 0, 1, "Share of members an objective needs to count as held by most (default 0.5)."),
        ref(f::community_first_topic, "topic", "The topic chosen for the first meeting."),
        ref(f::community_first_meeting, "meeting", "The first meeting."),
        whole(f::community_cycle, 0, 10000, "The cycle now running (0 or null: the first); objectives are revisited at "
                                           "the end of each (see progress)."),
        text(f::community_matrix_room, "The Matrix room that keeps members' copies in step (its id), set when the convener "
                                       "creates it; copies and invitations carry it, so members can join it.")}},
      {"member", "member", "members", "A member of the community.", "id",
       {sheet(text(f::member_name, "The member's name, as they write it.", true), "Name", "name|nombre|nom", 9),
        sheet(text(f::member_contact, "Email, phone, or however the member likes to be reached.", true), "Contact",
              "mail|phone|contact|telefon", 8),
        texts(f::member_roles, "Roles the member offers to take: presenter, book chooser, case bringer, ...", true),
        texts(f::member_declines, "Roles the member would rather not take; the turn order passes them by.", true),
        date(f::member_away_until, "YYYY-MM-DD: the member takes no role in meetings until this day.", true),
        text(f::member_away_reason, "Why the member is away (\"parental leave\", \"travelling\").", true),
        text(f::member_notes, "The convener's notes."),
        sheet(text(f::member_availability, "When the member can meet.", true), "Availability",
              "availab|when|wann|cuando|disponib", 7),
        texts(f::member_sheet, "What the last sign-up sheet import said (name, contact, availability), so that a "
                            "re-import changes only what the sheet changed since."),
        // The directory (directory.h): a profile the member fills in themselves.
        text(f::member_pronouns, "Pronouns, as the member writes them.", true),
        text(f::member_organisation, "Where the member works or studies.", true),
        text(f::member_place, "Where the member is (a city, a region).", true),
        text(f::member_time_zone, "The member's time zone: \"Europe/Warsaw\", \"UTC+2\".", true),
        text(f::member_ask_me_about, "What others may ask the member about, separated by commas.", true),
        text(f::member_matrix_id, "The member's Matrix ID, \"@name:server\" (optional).", true)}},
      {"objective", "learning objective", "learning objectives", "What a member wants to learn.", "member",
       {ref(f::objective_member, "member", "The member who wants to learn it.", true),
        sheet(text(f::objective_text, "The learning objective, in the member's words.", true), "Objectives",
              "objective|learn|goal|ziel|objetivo", 1),
        text(f::objective_group, "The convener's pin: objectives with one pin are one group; \"alone:<id>\" keeps one apart.")}},
      {"problem", "problem", "problems", "A real-life problem a member brings.", "member",
       {ref(f::problem_member, "member", "The member who brings it.", true),
        sheet(text(f::problem_text, "A real-life problem the group could help with.", true), "Problems",
              "problem|challenge|case|question", 2)}},
      {"topic", "topic", "topics", "A topic the community could learn about in a meeting.", "proposed_by",
       {sheet(text(f::topic_title, "The topic.", true), "Topics", "topic|theme|thema|tema", 3),
        text(f::topic_description, "What it would cover.", true),
        ref(f::topic_proposed_by, "member", "The member who proposed it.", true),
        ref(f::topic_source, "", "The objective or problem it came from.", true),
        text(f::topic_state, "backlog, chosen or done."),
        ref(f::topic_owner, "member", "The member who offers to open it (to present it in a meeting).", true)}},
      {"vote", "vote", "votes", "Dots a member gives a topic in a round; its id is vote:<topic>:<member> in the first "
                                "round, vote:r<round>:<topic>:<member> after.", "member",
       {ref(f::vote_topic, "topic", "The topic voted for.", true),
        ref(f::vote_member, "member", "The member who votes.", true),
        whole(f::vote_dots, 0, 100, "Dots this member gives this topic; a member's dots beyond the budget do not count.",
              true),
        whole(f::vote_round, 0, 10000, "The round the dots were given in (0 or null: the first).", true)}},
      {"skill", "skill", "skills", "A skill a member can offer the community.", "member",
       {ref(f::skill_member, "member", "The member who offers it.", true),
        sheet(text(f::skill_text, "The skill, in the member's words.", true), "Skills", "skill|offer|expert|can teach", 4),
        text(f::skill_offer, "present, lead, or empty.", true)}},
      {"resource", "resource", "resources", "A resource a member can share.", "member",
       {ref(f::resource_member, "member", "The member who shares it.", true),
        sheet(text(f::resource_text, "The resource.", true), "Resources", "resource|book|share|tool", 5)}},
      {"meeting", "meeting", "meetings", "A meeting of the community, before, during and after.", "",
       {text(f::meeting_title, "The meeting's title."),
        date(f::meeting_date, "YYYY-MM-DD"),
        time(f::meeting_time, "HH:MM, local"),
        text(f::meeting_place, "A place or a video link."),
        ref(f::meeting_topic, "topic", "The topic of the first meeting (older files; see topics)."),
        text(f::meeting_kind, "first, or empty."),
        refs(f::meeting_topics, "topic", "The topics the meeting is about."),
        whole(f::meeting_slot, 0, 1440, "Minutes booked for the meeting; the designer warns when the agenda is longer."),
        whole(f::meeting_every_weeks, 0, 52, "A series: the meeting repeats every N weeks (0 or null: once)."),
        whole(f::meeting_series_count, 0, 520, "How many meetings the series has, this one included."),
        ref(f::meeting_facilitator, "member", "The member who facilitates this meeting (a role that rotates)."),
        text(f::meeting_outcomes, "What the meeting concluded, written afterwards."),
        ref(f::meeting_run_block, "block", "The live run: the current block, \"end\" after the last, empty before the start."),
        millis(f::meeting_run_at, "The live run: wall-clock ms when the current block started, moved on by pauses."),
        millis(f::meeting_run_paused, "The live run: wall-clock ms when it was paused; 0 when running."),
        whole(f::meeting_run_extra, -1440, 1440, "The live run: minutes added to the current block.")}},
      {"block", "agenda block", "agenda blocks", "A timed block of a meeting's agenda.", "",
       {ref(f::block_meeting, "meeting", "The meeting whose agenda it is in."),
        text(f::block_kind, "welcome, input, pairs, small_groups, debrief, peer_assist, book, case, break, logistics, "
                     "technology, closing."),
        text(f::block_title, "The block's title."),
        text(f::block_notes, "Instructions for the block."),
        ref(f::block_lead, "member", "Who leads it: the presenter of an input block, the book chooser of a book discussion, "
                              "the case bringer of a case discussion or peer-assist. These roles rotate."),
        whole(f::block_minutes, 0, 1440, "How long the block takes."),
        real(f::block_position, -1e15, 1e15, "Order in the agenda: blocks sort by position, so a move writes one number."),
        whole(f::block_group_size, 0, 100, "Small groups: people per group (0 or null: 4)."),
        text(f::block_debrief, "Points noted for the block while the meeting ran."),
        ref(f::block_case, "case", "The case a peer-assist or a case discussion works on."),
        ints(f::block_phases, 0, 86400, "A peer-assist's phases: the seconds from the block's start at which the "
                                        "clarifying questions, the suggestions and the reflection begin (empty: "
                                        "the defaults, suggestions from half the time).")}},
      {"parking", "parked question", "parked questions", "A logistics question kept for the end of a meeting.", "",
       {ref(f::parking_meeting, "meeting", "The meeting."),
        text(f::parking_text, "A logistics question kept for the end of the meeting.")}},
      {"breakout", "breakout round", "breakout rounds", "One round of breakout groups: who met whom.", "",
       {text(f::breakout_session, "The session the round belongs to: a meeting's breakout block, or a name."),
        whole(f::breakout_round, 0, 10000, "The round's number within its session."),
        groups(f::breakout_groups, "member", "Member ids per group: who met whom."),
        ints(f::breakout_locked, 0, 10000, "Indexes of groups kept when the round is regenerated.")}},
      {"guideline", "guideline", "guidelines", "A guideline the community agrees to.", "",
       {text(f::guideline_text, "The guideline."),
        text(f::guideline_why, "Why it matters, in a sentence."),
        real(f::guideline_position, -1e15, 1e15, "Order in the list.")}},
      {"ack", "acknowledgement", "acknowledgements",
       "A member's acknowledgement of the guidelines; its id is \"ack:<member>\".", "member",
       {ref(f::ack_member, "member", "The member who acknowledged the guidelines.", true),
        text(f::ack_version, "A fingerprint of the guidelines' texts as acknowledged; a change asks again.", true)}},
      {"attendance", "attendance", "attendances", "Whether a member attended a meeting; its id is att:<meeting>:<member>.",
       "member",
       {ref(f::attendance_meeting, "meeting", "The meeting."),
        ref(f::attendance_member, "member", "The member."),
        flag(f::attendance_present, "Ticked present. A meeting without attendance records counts everyone.")}},
      {"action", "action", "actions", "Something agreed in a meeting, with an owner and a due date.", "owner",
       {ref(f::action_meeting, "meeting", "The meeting that agreed it."),
        text(f::action_text, "What is to be done."),
        ref(f::action_owner, "member", "The member who does it."),
        date(f::action_due, "Due date, YYYY-MM-DD."),
        flag(f::action_done, "Done; open actions come back in the next meeting's review block.", true)}},
      // The case library (cases.h).
      {"case", "case", "cases", "A real situation a member brings for the others' help.", "bringer",
       {text(f::case_title, "A short title.", true),
        text(f::case_context, "What is going on: the situation, who is involved.", true),
        text(f::case_question, "The question the bringer wants help with.", true),
        ref(f::case_bringer, "member", "The member who brings it.", true),
        text(f::case_status, "open, discussed, tried or resolved."),
        refs(f::case_meetings, "meeting", "The meetings where it came up."),
        text(f::case_tried, "What the bringer tried.", true),
        text(f::case_outcome, "What happened (asked at the next meeting).", true),
        flag(f::case_anonymous, "Shared without the bringer's name: exports and summaries leave it out.", true)}},
      {"case_note", "case note", "case notes",
       "A question or a suggestion someone offered on a case (one record each, so that notes added in two copies "
       "both stay).", "member",
       {ref(f::case_note_case, "case", "The case.", true),
        ref(f::case_note_member, "member", "Who offered it (\"\" when not noted).", true),
        text(f::case_note_kind, "question or suggestion.", true),
        text(f::case_note_text, "The words.", true),
        millis(f::case_note_at, "When it was noted (wall-clock milliseconds), for their order.", true),
        ref(f::case_note_meeting, "meeting", "The meeting where it was offered (a peer-assist), or \"\"."),
        flag(f::case_note_parked, "Advice offered while only questions were asked: kept for the suggestions phase."),
        flag(f::case_note_will_try, "The bringer will try this suggestion (the bringer marks it, not the one who offered it).")}},
      // The book circle (books.h).
      {"book", "book", "books", "A book a member proposes for the book circle.", "proposed_by",
       {text(f::book_title, "The book's title.", true),
        text(f::book_author, "Who wrote it.", true),
        text(f::book_link, "A link or an ISBN.", true),
        text(f::book_why, "Why the member proposes it.", true),
        ref(f::book_proposed_by, "member", "The member who proposed it.", true),
        text(f::book_state, "proposed, chosen (being read) or read."),
        ref(f::book_chosen_by, "member", "The book chooser who picked it (a role that rotates)."),
        date(f::book_chosen_on, "When it was picked, YYYY-MM-DD."),
        date(f::book_read_on, "When the circle finished it, YYYY-MM-DD.")}},
      {"book_vote", "book vote", "book votes", "A member's support for a proposed book; its id is bvote:<book>:<member>.",
       "member",
       {ref(f::book_vote_book, "book", "The book.", true),
        ref(f::book_vote_member, "member", "The member.", true),
        flag(f::book_vote_support, "The member supports it.", true)}},
      {"reading_part", "reading part", "reading parts", "A part of a book (chapters or pages) read for one meeting.", "",
       {ref(f::reading_part_book, "book", "The book."),
        text(f::reading_part_title, "Chapters or pages: \"Chapters 1-3\"."),
        ref(f::reading_part_meeting, "meeting", "The meeting that discusses it."),
        real(f::reading_part_position, -1e15, 1e15, "Order in the reading plan."),
        text(f::reading_part_notes, "Notes from the meeting that discussed it.")}},
      {"book_question", "discussion question", "discussion questions", "A question a member brings to a part of a book.",
       "member",
       {ref(f::book_question_part, "reading_part", "The part it is about.", true),
        ref(f::book_question_member, "member", "Who asks.", true),
        text(f::book_question_text, "The question.", true)}},
      {"book_kept", "kept sentence", "kept sentences",
       "A sentence a member kept from a book the circle read; its id is kept:<book>:<member>.", "member",
       {ref(f::book_kept_book, "book", "The book.", true),
        ref(f::book_kept_member, "member", "The member.", true),
        text(f::book_kept_text, "The sentence they kept.", true)}},
      // Threads between meetings (threads.h).
      {"thread", "thread", "threads", "An ask, an offer, a question, a resource or an announcement, with replies.", "author",
       {text(f::thread_kind, "ask, offer, question, resource or announcement.", true),
        text(f::thread_title, "What it is about, in a line.", true),
        text(f::thread_body, "The message; @Name mentions a member.", true),
        ref(f::thread_author, "member", "Who started it.", true),
        millis(f::thread_at, "When it was started (wall-clock milliseconds).", true),
        flag(f::thread_answered, "The author (or the convener) marked it answered.", true),
        refs(f::thread_tags, "", "The topics, cases and books it is about.", true)}},
      {"reply", "reply", "replies", "A reply in a thread (one record each, so replies written apart all stay).", "author",
       {ref(f::reply_thread, "thread", "The thread.", true),
        ref(f::reply_author, "member", "Who replied.", true),
        text(f::reply_body, "The reply; @Name mentions a member.", true),
        millis(f::reply_at, "When it was written (wall-clock milliseconds).", true)}},
      // Introductions, projects and objectives revisited (projects.h).
      {"introduction", "introduction", "introductions", "Two members introduced to each other; its id is "
                                                         "intro:<a>:<b> with a before b.", "by",
       {ref(f::introduction_a, "member", "One of the two.", true),
        ref(f::introduction_b, "member", "The other.", true),
        text(f::introduction_reason, "Why they should meet, in words.", true),
        ref(f::introduction_by, "member", "Who introduced them (\"\": the convener).", true),
        millis(f::introduction_at, "When (wall-clock milliseconds).", true)}},
      {"project", "project", "projects", "A collaboration project between meetings.", "owner",
       {text(f::project_title, "The project, in a line.", true),
        text(f::project_goal, "What it wants to achieve.", true),
        text(f::project_needs, "What help it needs.", true),
        ref(f::project_owner, "member", "Who started it.", true),
        flag(f::project_done, "Finished or stopped.", true)}},
      {"joining", "member joining a project", "members joining projects",
       "A member in a project; its id is join:<project>:<member> (one record each, so members who join apart all "
       "stay).", "member",
       {ref(f::joining_project, "project", "The project.", true),
        ref(f::joining_member, "member", "The member.", true),
        text(f::joining_offer, "What they bring to it.", true)}},
      {"progress", "objective revisited", "objectives revisited",
       "How far a member got with one objective in a cycle; its id is progress:<objective>:c<cycle>.", "member",
       {ref(f::progress_objective, "objective", "The objective.", true),
        ref(f::progress_member, "member", "The member whose objective it is.", true),
        whole(f::progress_cycle, 0, 10000, "The cycle it looks back on (0: the first).", true),
        whole(f::progress_rating, 0, 4, "0 not started, 1 a little, 2 halfway, 3 mostly, 4 achieved.", true),
        text(f::progress_helped, "What helped, in the member's words.", true)}},
  };
  return types;
}

}  // namespace

// [SECTION] Lookup ---------------------------------------------------------------------------------

const std::vector<RecordDecl>& record_types() { return table(); }

const RecordDecl* record_decl(std::string_view type) {
  // By hash: asked for every record read (60,000 in a large file), of some thirty types.
  static const std::unordered_map<std::string_view, const RecordDecl*> by_type = [] {
    std::unordered_map<std::string_view, const RecordDecl*> m;
    for (const RecordDecl& r : table()) m.emplace(r.type, &r);
    return m;
  }();
  auto at = by_type.find(type);
  return at == by_type.end() ? nullptr : at->second;
}

const FieldDecl* field_decl(std::string_view type, std::string_view field) {
  const RecordDecl* r = record_decl(type);
  if (!r) return nullptr;
  for (const FieldDecl& f : r->fields)
    if (field == f.name) return &f;
  return nullptr;
}

// [SECTION] Validation of one value ----------------------------------------------------------------

const char* json_kind(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "true or false";
    case json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

std::string check_op(const Op& op) {
  for (const Change& ch : op.changes) {
    std::string where;
    if (std::string why = check_field_value(ch.type, ch.field, ch.value, where); !why.empty())
      return ch.field + where + ": " + why;
  }
  return {};
}

bool text_allowed(std::string_view s) {
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return false;
  return true;
}

namespace {

std::string number_text(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", x);
  return buf;
}

std::string found(const json& v) { return std::string("found ") + json_kind(v); }
// Out of range: the number itself says what is wrong with it.
std::string found_number(const json& v) {
  return v.is_number() ? "found " + number_text(v.get<double>()) : found(v);
}

std::string check_string(const json& v, size_t max_chars) {
  if (!v.is_string()) return "expected a string, " + found(v);
  const std::string& s = v.get_ref<const std::string&>();
  if (!text_allowed(s))
    for (unsigned char c : s)
      if (!text_allowed(std::string_view(reinterpret_cast<const char*>(&c), 1))) {
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", c);
        return std::string("the text holds a control character (") + code + "), which Cultivate does not store";
      }
  if (s.size() > max_chars && utf8_length(s) > max_chars)
    return "text is longer than " + std::to_string(max_chars) + " characters";
  return {};
}

bool id_shaped(const std::string& s) {
  if (s.size() > kMaxIdChars) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.')) return false;
  return true;
}

std::string check_id(const json& v, bool may_be_empty) {
  if (!v.is_string()) return "expected an id (a string), " + found(v);
  const std::string& s = v.get_ref<const std::string&>();
  if ((s.empty() && !may_be_empty) || !id_shaped(s))
    return "expected an id (up to " + std::to_string(kMaxIdChars) + " letters, digits, - _ : .)";
  return {};
}

std::string check_number(const json& v, double lo, double hi, bool whole_only) {
  const bool integral = v.is_number_integer() || (v.is_number_float() && std::isfinite(v.get<double>()) &&
                                                  std::floor(v.get<double>()) == v.get<double>());
  if (v.is_number() && (!whole_only || integral) && v.get<double>() >= lo && v.get<double>() <= hi) return {};
  // The message only for a value that fails (formatting it for every number was a twentieth of an import).
  const char* what = whole_only ? "a whole number" : "a number";
  return std::string("expected ") + what + " from " + number_text(lo) + " to " + number_text(hi) + ", " + found_number(v);
}

// Strings anywhere in a value of a field this version does not know.
std::string check_any(const json& v, std::string& where) {
  if (v.is_string()) return check_string(v, kMaxStringChars);
  if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i)
      if (std::string e = check_any(v[i], where); !e.empty()) {
        where = "[" + std::to_string(i) + "]" + where;
        return e;
      }
  } else if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (!text_allowed(it.key()) || it.key().size() > kMaxStringChars) {
        where = "." + utf8_sanitize(it.key().substr(0, 60)) + where;
        return "a key that is too long or holds a control character";
      }
      if (std::string e = check_any(it.value(), where); !e.empty()) {
        where = "." + utf8_sanitize(it.key().substr(0, 60)) + where;
        return e;
      }
    }
  }
  return {};
}

template <class F>
std::string check_list(const json& v, std::string& where, const char* what, F each) {
  if (!v.is_array()) return std::string("expected ") + what + ", " + found(v);
  for (size_t i = 0; i < v.size(); ++i)
    if (std::string e = each(v[i], where); !e.empty()) {
      where = "[" + std::to_string(i) + "]" + where;
      return e;
    }
  return {};
}

}  // namespace

std::string check_field_value(std::string_view type, std::string_view field, const json& v, std::string& where) {
  return check_field_value(record_decl(type), field, v, where);
}

std::string check_field_value(const RecordDecl* type, std::string_view field, const json& v, std::string& where) {
  if (v.is_null()) return {};  // "not set" (an undone write)
  if (field == kDeletedField) return v.is_boolean() ? "" : "expected true or false, " + found(v);
  const FieldDecl* f = nullptr;
  if (type)
    for (const FieldDecl& d : type->fields)
      if (field == d.name) {
        f = &d;
        break;
      }
  if (!f) return check_any(v, where);
  switch (f->kind) {
    case K::Text:
    case K::Date:
    case K::Time: return check_string(v, f->max_chars);
    case K::Number: return check_number(v, f->min, f->max, f->whole);
    case K::Bool: return v.is_boolean() ? "" : "expected true or false, " + found(v);
    case K::Ref: return check_id(v, true);
    case K::Refs:
      return check_list(v, where, "a list of ids", [](const json& x, std::string&) { return check_id(x, false); });
    case K::Texts:
      return check_list(v, where, "a list of strings",
                        [f](const json& x, std::string&) { return check_string(x, f->max_chars); });
    case K::Groups:
      return check_list(v, where, "a list of groups", [](const json& g, std::string& w) {
        return check_list(g, w, "a group (a list of ids)", [](const json& x, std::string&) { return check_id(x, false); });
      });
    case K::Ints:
      return check_list(v, where, "a list of whole numbers",
                        [f](const json& x, std::string&) { return check_number(x, f->min, f->max, true); });
  }
  return {};
}

// [SECTION] Labels ---------------------------------------------------------------------------------

std::string plural_label(std::string_view type) {
  if (const RecordDecl* r = record_decl(type)) return r->plural;
  return std::string(type) + " records";
}

std::string count_label(std::string_view type, long long n) {
  const RecordDecl* r = record_decl(type);
  const std::string word = r ? (n == 1 ? r->label : r->plural) : std::string(type) + (n == 1 ? " record" : " records");
  return std::to_string(n) + " " + word;
}

// [SECTION] JSON Schema ----------------------------------------------------------------------------

namespace {

json nullable(const char* type) { return json::array({type, "null"}); }

json field_schema(const FieldDecl& f) {
  json s;
  const char* target = f.ref && *f.ref ? f.ref : nullptr;
  switch (f.kind) {
    case K::Text: s = {{"$ref", "#/$defs/text"}}; break;
    case K::Date: s = {{"$ref", "#/$defs/text"}}; break;
    case K::Time: s = {{"$ref", "#/$defs/text"}}; break;
    case K::Bool: s = {{"type", nullable("boolean")}}; break;
    case K::Number:
      s = {{"type", nullable(f.whole ? "integer" : "number")}, {"minimum", f.min}, {"maximum", f.max}};
      if (f.whole) s["minimum"] = static_cast<long long>(f.min), s["maximum"] = static_cast<long long>(f.max);
      break;
    case K::Ref: s = {{"$ref", "#/$defs/ref"}}; break;
    case K::Refs: s = {{"type", nullable("array")}, {"items", {{"$ref", "#/$defs/id"}}}}; break;
    case K::Texts:
      s = {{"type", nullable("array")}, {"items", {{"type", "string"}, {"maxLength", f.max_chars}}}};
      break;
    case K::Groups:
      s = {{"type", nullable("array")}, {"items", {{"type", "array"}, {"items", {{"$ref", "#/$defs/id"}}}}}};
      break;
    case K::Ints:
      s = {{"type", nullable("array")},
           {"items", {{"type", "integer"}, {"minimum", static_cast<long long>(f.min)},
                      {"maximum", static_cast<long long>(f.max)}}}};
      break;
  }
  std::string doc = f.doc;
  if (target && (f.kind == K::Ref || f.kind == K::Refs)) {
    const RecordDecl* t = record_decl(target);
    doc = std::string(f.kind == K::Ref ? "Id of a " : "Ids of ") + (t ? (f.kind == K::Ref ? t->label : t->plural) : target) +
          ". " + doc;
  }
  if (f.self) doc += " The member it belongs to may write it.";
  s["description"] = doc;
  return s;
}

}  // namespace

json file_schema() {
  std::string types;
  for (const RecordDecl& r : table()) types += std::string(types.empty() ? "" : ", ") + r.type;
  json all_of = json::array();
  for (const RecordDecl& r : table()) {
    json props = json::object();
    for (const FieldDecl& f : r.fields) props[f.name] = field_schema(f);
    std::string doc = r.doc;
    if (*r.owner) doc += std::string(" It belongs to the member named by its ") +
                         (std::string(r.owner) == "id" ? "own id" : "\"" + std::string(r.owner) + "\" field") + ".";
    all_of.push_back({{"if", {{"properties", {{"type", {{"const", r.type}}}}}}},
                      {"then", {{"description", doc}, {"properties", {{"fields", {{"properties", props}}}}}}}});
  }
  const json field_name = {{"pattern", "^[a-z][a-z0-9_]{0,63}$"}};
  const std::string limits = "Limits: " + std::to_string(kMaxFileBytes >> 20) + " MB per file, " +
                             std::to_string(kMaxDepth) + " levels of nesting, " + std::to_string(kMaxStringChars) +
                             " characters per text, " + std::to_string(kMaxRecords) + " records.";
  json s = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"$id", "community.schema.json"},
      {"title", "Cultivate community file, format version " + std::to_string(kFormatVersion)},
      {"description",
       "A community of practice as a mergeable replica: records with stamped fields. Every field's value sits in "
       "`fields` and the stamp of its last write in `stamps` under the same name; copies merge field by field, the "
       "greater stamp winning. Files are written canonically: records ordered by id, keys ordered by name, two-space "
       "indentation, a final line feed. Record types and fields this version does not know are kept and merged as they "
       "are. Generated from the record registry (src/core/registry.cpp) by `cultivate schema`. " + limits},
      {"type", "object"},
      {"required", {"format", "version", "community", "records"}},
      {"properties",
       {{"format", {{"const", kFormatName}, {"description", "Marks the file as a Cultivate community."}}},
        {"version",
         {{"type", "integer"}, {"minimum", 1}, {"maximum", kFormatVersion},
          {"description", "Format version. A reader refuses a newer version and says so."}}},
        {"community",
         {{"$ref", "#/$defs/id"}, {"description", "The community's id; also the id of its one record of type \"community\"."}}},
        {"records", {{"type", "array"}, {"maxItems", kMaxRecords}, {"items", {{"$ref", "#/$defs/record"}}}}}}},
      {"$defs",
       {{"id",
         {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxIdChars}, {"pattern", "^[A-Za-z0-9_:.-]+$"},
          {"description", "Record ids are random (16 characters of Crockford base 32); a record for a pair of records "
                          "(a vote) derives its id from theirs."}}},
        {"ref",
         {{"type", nullable("string")}, {"maxLength", kMaxIdChars}, {"pattern", "^[A-Za-z0-9_:.-]*$"},
          {"description", "The id of another record, or empty while unset."}}},
        {"text",
         {{"type", nullable("string")}, {"maxLength", kMaxStringChars},
          {"pattern", "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$"},
          {"description", "Text as people write it: no control characters but tab and line breaks."}}},
        {"stamp",
         {{"description", "When and by whom a field was last written: [wall-clock milliseconds, counter, actor id], a "
                          "hybrid logical clock. Compared in that order; the greater wins. A reader refuses stamps "
                          "more than a day ahead of its own clock."},
          {"type", "array"},
          {"prefixItems", json::array({{{"type", "integer"}, {"minimum", 0}, {"maximum", 9007199254740992LL}},
                                       {{"type", "integer"}, {"minimum", 0}, {"maximum", 4294967295LL}},
                                       {{"$ref", "#/$defs/id"}}})},
          {"minItems", 3},
          {"maxItems", 3}}},
        {"record",
         {{"type", "object"},
          {"required", {"id", "type", "fields", "stamps"}},
          {"properties",
           {{"id", {{"$ref", "#/$defs/id"}}},
            {"type",
             {{"type", "string"}, {"pattern", "^[a-z_]{1,32}$"},
              {"description", types + ", or a type of a newer version (kept as it is)."}}},
            {"fields",
             {{"type", "object"},
              {"propertyNames", field_name},
              {"properties",
               {{kDeletedField,
                 {{"type", nullable("boolean")},
                  {"description", "true: the record was removed (a tombstone, kept so the removal merges)."}}}}}}},
            {"stamps", {{"type", "object"}, {"propertyNames", field_name}, {"additionalProperties", {{"$ref", "#/$defs/stamp"}}}}}}},
          {"allOf", all_of}}}}}};
  return s;
}

}  // namespace cv
