// cases.cpp: see cases.h.
#include "core/cases.h"

#include <algorithm>
#include <map>

#include "core/document.h"
#include "core/getting_started.h"
#include "core/text.h"

namespace cv {

namespace {

using Notes = std::vector<std::pair<std::pair<int64_t, std::string>, const Record*>>;

// Every case's notes, read in one pass.
std::map<std::string, Notes> notes_by_case(const Community& c) {
  std::map<std::string, Notes> out;
  for (const auto* e : records_of(c, kCaseNote))
    if (!e->second.deleted())
      out[get(e->second, f::case_note_case)].push_back({{get(e->second, f::case_note_at), e->first}, &e->second});
  return out;
}

CaseView view_of(const std::string& id, const Record* r, Notes notes) {
  CaseView k;
  if (!r || r->type != kCase || r->deleted()) return k;
  k.id = id;
  k.title = get(*r, f::case_title);
  k.context = get(*r, f::case_context);
  k.question = get(*r, f::case_question);
  k.bringer = get(*r, f::case_bringer);
  k.status = get(*r, f::case_status);
  if (k.status.empty()) k.status = "open";
  k.tried = get(*r, f::case_tried);
  k.outcome = get(*r, f::case_outcome);
  k.meetings = get(*r, f::case_meetings);
  k.anonymous = get(*r, f::case_anonymous);
  std::sort(notes.begin(), notes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [key, n] : notes)
    (get(*n, f::case_note_kind) == "question" ? k.questions : k.suggestions).push_back(get(*n, f::case_note_text));
  return k;
}

}  // namespace

CaseView case_view(const Community& c, const std::string& id) {
  Notes notes;
  for (const auto* e : records_of(c, kCaseNote))
    if (!e->second.deleted() && get(e->second, f::case_note_case) == id)
      notes.push_back({{get(e->second, f::case_note_at), e->first}, &e->second});
  return view_of(id, find_live(c, id), std::move(notes));
}

static int status_rank(const std::string& s) {
  for (size_t i = 0; i < std::size(kCaseStatuses); ++i)
    if (s == kCaseStatuses[i]) return static_cast<int>(i);
  return 0;  // an unknown status reads as open
}

std::vector<CaseView> cases(const Community& c) {
  std::vector<CaseView> out;
  auto notes = notes_by_case(c);
  for (const auto* e : records_of(c, kCase))
    if (!e->second.deleted()) out.push_back(view_of(e->first, &e->second, std::move(notes[e->first])));
  std::stable_sort(out.begin(), out.end(), [](const CaseView& a, const CaseView& b) {
    if (status_rank(a.status) != status_rank(b.status)) return status_rank(a.status) < status_rank(b.status);
    return collate_less(a.title, b.title);
  });
  return out;
}

std::string case_bringer_shown(const Community& c, const CaseView& k) {
  if (k.anonymous) return "a member";
  return k.bringer.empty() ? std::string("nobody yet") : member_name(c, k.bringer);
}

Op op_bring_case(const std::string& id, const std::string& bringer, const std::string& title, const std::string& question,
                 const std::string& context, bool anonymous) {
  Op op{"Bring a case", {}};
  put_new(op, id, kCase);
  put(op, id, f::case_title, title);
  put(op, id, f::case_question, question);
  put(op, id, f::case_context, context);
  put(op, id, f::case_bringer, bringer);
  put(op, id, f::case_status, std::string("open"));
  put(op, id, f::case_anonymous, anonymous);
  return op;
}

Op op_case_note(const std::string& note_id, const std::string& case_id, const std::string& member, const std::string& kind,
                const std::string& text, int64_t at_ms) {
  Op op{kind == "question" ? "Add a question" : "Add a suggestion", {}};
  put_new(op, note_id, kCaseNote);
  put(op, note_id, f::case_note_case, case_id);
  put(op, note_id, f::case_note_member, member);
  put(op, note_id, f::case_note_kind, kind);
  put(op, note_id, f::case_note_text, trim(text));
  put(op, note_id, f::case_note_at, at_ms);
  return op;
}

Op op_case_came_up(const Community& c, const std::string& id, const std::string& meeting) {
  const CaseView k = case_view(c, id);
  std::vector<std::string> m = k.meetings;
  if (std::find(m.begin(), m.end(), meeting) == m.end()) m.push_back(meeting);
  Op op = op_set("Discuss a case", id, f::case_meetings, m);
  if (k.status == "open") put(op, id, f::case_status, std::string("discussed"));
  return op;
}

static Document case_document(const Community& c, const CaseView& k) {
  Document d;
  d.title = "Case: " + k.title;
  d.heading(1, "Case: " + k.title);
  d.paragraph({strong(get(community_record(c), f::community_name)), plain(" · brought by " + case_bringer_shown(c, k)),
               plain(" · " + k.status)});
  // Each part only when it holds something: a heading, then a paragraph or a list.
  auto text = [&](const char* heading, const std::string& t) {
    if (t.empty()) return;
    d.heading(2, heading);
    d.paragraph({plain(t)});
  };
  auto list = [&](const char* heading, const std::vector<std::string>& texts) {
    if (texts.empty()) return;
    std::vector<Line> items;
    for (const std::string& t : texts) items.push_back({plain(t)});
    d.heading(2, heading);
    d.list(items);
  };
  text("The question", k.question);
  text("The situation", k.context);
  std::vector<std::string> came;
  for (const std::string& m : k.meetings)
    if (const Record* r = find_live(c, m)) came.push_back(get(*r, f::meeting_date) + " " + get(*r, f::meeting_title));
  list("Where it came up", came);
  list("Questions asked", k.questions);
  list("What the others suggested", k.suggestions);
  text("What was tried", k.tried);
  text("What happened", k.outcome);
  return d;
}

std::string case_markdown(const Community& c, const std::string& id) {
  const CaseView k = case_view(c, id);
  return k.id.empty() ? std::string() : to_markdown(case_document(c, k));
}

std::string case_html(const Community& c, const std::string& id) {
  const CaseView k = case_view(c, id);
  return k.id.empty() ? std::string() : to_html(case_document(c, k));
}

}  // namespace cv
