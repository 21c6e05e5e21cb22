// books.cpp: see books.h.
//  [SECTION] Proposals and support
//  [SECTION] The pick
//  [SECTION] The reading plan
//  [SECTION] The shelf
//  [SECTION] Exports
#include "core/books.h"

#include <algorithm>
#include <map>

#include "core/document.h"
#include "core/fields.h"
#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/text.h"

namespace cv {

namespace {

template <class F>
void each_live(const Community& c, const char* type, F f) {
  for (const auto* e : records_of(c, type))
    if (!e->second.deleted()) f(e->first, e->second);
}

}  // namespace

// [SECTION] Proposals and support ------------------------------------------------------------------

const Record* find_book(const Community& c, const std::string& id) {
  const Record* r = find_live(c, id);
  return r && r->type == kBook ? r : nullptr;
}

BookView book_view(const Community& c, const std::string& id) {
  BookView b;
  const Record* r = find_book(c, id);
  if (!r) return b;
  b.id = id;
  b.title = get(*r, f::book_title);
  b.author = get(*r, f::book_author);
  b.link = get(*r, f::book_link);
  b.why = get(*r, f::book_why);
  b.proposed_by = get(*r, f::book_proposed_by);
  b.state = get(*r, f::book_state).empty() ? "proposed" : get(*r, f::book_state);
  b.chosen_by = get(*r, f::book_chosen_by);
  b.chosen_on = get(*r, f::book_chosen_on);
  b.read_on = get(*r, f::book_read_on);
  each_live(c, kBookVote, [&](const std::string&, const Record& v) {
    if (get(v, f::book_vote_book) == id && get(v, f::book_vote_support) && find_live(c, get(v, f::book_vote_member)))
      ++b.support;
  });
  return b;
}

std::vector<BookView> books(const Community& c) {
  std::map<std::string, int> support;
  each_live(c, kBookVote, [&](const std::string&, const Record& v) {
    if (get(v, f::book_vote_support) && find_live(c, get(v, f::book_vote_member))) ++support[get(v, f::book_vote_book)];
  });
  std::vector<BookView> out;
  each_live(c, kBook, [&](const std::string& id, const Record&) {
    BookView b = book_view(c, id);
    b.support = support[id];
    out.push_back(std::move(b));
  });
  std::sort(out.begin(), out.end(), [](const BookView& a, const BookView& b) {
    if (a.support != b.support) return a.support > b.support;
    return collate_less(a.title, b.title);
  });
  return out;
}

Op op_propose_book(const std::string& id, const std::string& member, const std::string& title,
                   const std::string& author, const std::string& link, const std::string& why) {
  Op op = op_new("Propose a book", id, kBook);
  put(op, id, f::book_title, title);
  if (!author.empty()) put(op, id, f::book_author, author);
  if (!link.empty()) put(op, id, f::book_link, link);
  if (!why.empty()) put(op, id, f::book_why, why);
  if (!member.empty()) put(op, id, f::book_proposed_by, member);
  put(op, id, f::book_state, "proposed");
  return op;
}

std::string book_vote_id(const std::string& book, const std::string& member) { return "bvote:" + book + ":" + member; }

bool supports(const Community& c, const std::string& book, const std::string& member) {
  const Record* v = find_live(c, book_vote_id(book, member));
  return v && get(*v, f::book_vote_support);
}

Op op_support_book(const std::string& book, const std::string& member, bool support) {
  const std::string id = book_vote_id(book, member);
  Op op = op_new(support ? "Support a book" : "Take back a book's support", id, kBookVote);
  put(op, id, f::book_vote_book, book);
  put(op, id, f::book_vote_member, member);
  put(op, id, f::book_vote_support, support);
  return op;
}

// [SECTION] The pick -----------------------------------------------------------------------------

ChooserTurn book_chooser(const Community& c, const std::string& today) {
  for (const MeetingInfo& m : meetings(c)) {
    if (!m.date.empty() && m.date < today) continue;
    for (const RoleSlot& s : meeting_roles(c, m.id))
      if (s.role == "book chooser") return {s.member, m.id, m.title, m.date};
  }
  return {};
}

std::string current_book(const Community& c) {
  std::string out;
  each_live(c, kBook, [&](const std::string& id, const Record& r) {
    if (get(r, f::book_state) == "chosen" && (out.empty() || id < out)) out = id;
  });
  return out;
}

Op op_pick_book(const Community& c, const std::string& book, const std::string& chooser, const std::string& date) {
  Op op{"Pick the book to read", {}};
  each_live(c, kBook, [&](const std::string& id, const Record& r) {
    if (id != book && get(r, f::book_state) == "chosen") put(op, id, f::book_state, "proposed");
  });
  put(op, book, f::book_state, "chosen");
  put(op, book, f::book_chosen_by, chooser);
  put(op, book, f::book_chosen_on, date);
  return op;
}

Op op_finish_book(const std::string& book, const std::string& date) {
  Op op{"Finish the book", {}};
  put(op, book, f::book_state, "read");
  put(op, book, f::book_read_on, date);
  return op;
}

// [SECTION] The reading plan -----------------------------------------------------------------------

std::vector<ReadingPart> reading_plan(const Community& c, const std::string& book) {
  std::vector<ReadingPart> out;
  each_live(c, kReadingPart, [&](const std::string& id, const Record& r) {
    if (get(r, f::reading_part_book) != book) return;
    ReadingPart p{id, book, get(r, f::reading_part_title), get(r, f::reading_part_meeting),
                  get(r, f::reading_part_notes), get(r, f::reading_part_position), {}, {}};
    if (const Record* m = find_live(c, p.meeting)) p.date = get(*m, f::meeting_date);
    out.push_back(std::move(p));
  });
  std::sort(out.begin(), out.end(), [](const ReadingPart& a, const ReadingPart& b) {
    return a.position != b.position ? a.position < b.position : a.id < b.id;
  });
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < out.size(); ++i) index[out[i].id] = i;
  each_live(c, kBookQuestion, [&](const std::string& id, const Record& r) {
    auto it = index.find(get(r, f::book_question_part));
    if (it != index.end())
      out[it->second].questions.push_back({id, get(r, f::book_question_member), get(r, f::book_question_text)});
  });
  for (ReadingPart& p : out)
    std::sort(p.questions.begin(), p.questions.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

Op op_add_part(const Community& c, const std::string& id, const std::string& book, const std::string& title,
               const std::string& meeting) {
  const auto plan = reading_plan(c, book);
  Op op = op_new("Add a part to the reading plan", id, kReadingPart);
  put(op, id, f::reading_part_book, book);
  put(op, id, f::reading_part_title, title);
  put(op, id, f::reading_part_meeting, meeting);
  put(op, id, f::reading_part_position, plan.empty() ? 1.0 : plan.back().position + 1);
  return op;
}

Op op_add_question(const std::string& id, const std::string& part, const std::string& member, const std::string& text) {
  Op op = op_new("Add a discussion question", id, kBookQuestion);
  put(op, id, f::book_question_part, part);
  put(op, id, f::book_question_member, member);
  put(op, id, f::book_question_text, text);
  return op;
}

const ReadingPart* part_for_meeting(const std::vector<ReadingPart>& plan, const std::string& meeting) {
  for (const ReadingPart& p : plan)
    if (!meeting.empty() && p.meeting == meeting) return &p;
  return nullptr;
}

MeetingReading reading_at(const Community& c, const std::string& meeting) {
  MeetingReading out;
  // The parts planned for this meeting, of any book (the current one, usually).
  std::string book;
  each_live(c, kReadingPart, [&](const std::string&, const Record& r) {
    if (get(r, f::reading_part_meeting) == meeting && (book.empty() || get(r, f::reading_part_book) < book))
      book = get(r, f::reading_part_book);
  });
  if (book.empty()) return out;
  const auto plan = reading_plan(c, book);
  const ReadingPart* p = part_for_meeting(plan, meeting);
  if (!p) return out;
  out.book_title = book_view(c, book).title;
  out.part_title = p->title;
  for (const auto& q : p->questions) out.questions.push_back(q.text + " (" + member_name(c, q.member) + ")");
  return out;
}

// [SECTION] The shelf -------------------------------------------------------------------------------

std::string book_kept_id(const std::string& book, const std::string& member) { return "kept:" + book + ":" + member; }

Op op_keep_sentence(const std::string& book, const std::string& member, const std::string& text) {
  const std::string id = book_kept_id(book, member);
  Op op = op_new("Keep a sentence from the book", id, kBookKept);
  put(op, id, f::book_kept_book, book);
  put(op, id, f::book_kept_member, member);
  put(op, id, f::book_kept_text, text);
  return op;
}

std::vector<ShelfEntry> shelf(const Community& c) {
  std::vector<ShelfEntry> out;
  std::map<std::string, size_t> index;
  for (const BookView& b : books(c))
    if (b.state == "read") {
      index[b.id] = out.size();
      out.push_back({b, {}});
    }
  each_live(c, kBookKept, [&](const std::string&, const Record& r) {
    auto it = index.find(get(r, f::book_kept_book));
    const std::string member = get(r, f::book_kept_member);
    if (it != index.end() && !get(r, f::book_kept_text).empty())
      out[it->second].kept.push_back({member, member_name(c, member), get(r, f::book_kept_text)});
  });
  for (ShelfEntry& e : out)
    std::sort(e.kept.begin(), e.kept.end(), [](const auto& a, const auto& b) { return collate_less(a.name, b.name); });
  std::sort(out.begin(), out.end(), [](const ShelfEntry& a, const ShelfEntry& b) {
    return a.book.read_on != b.book.read_on ? a.book.read_on > b.book.read_on : collate_less(a.book.title, b.book.title);
  });
  return out;
}

// [SECTION] Exports ---------------------------------------------------------------------------------

static Document plan_document(const Community& c, const std::string& book) {
  const BookView b = book_view(c, book);
  Document d;
  d.title = "Reading plan: " + b.title;
  d.heading(1, "Reading plan: " + b.title);
  Line about = {strong(get(community_record(c), f::community_name))};
  if (!b.author.empty()) about.push_back(plain(" · " + b.author));
  if (!b.chosen_by.empty()) about.push_back(plain(" · chosen by " + member_name(c, b.chosen_by)));
  d.paragraph(about);
  if (!b.why.empty()) d.paragraph({plain(b.why)});
  std::vector<std::vector<Line>> rows;
  for (const ReadingPart& p : reading_plan(c, book)) {
    const Record* m = find_live(c, p.meeting);
    Line part = {strong(p.title)};
    for (const auto& q : p.questions) part.push_back(small("Q: " + q.text + " (" + member_name(c, q.member) + ")"));
    rows.push_back({{plain(p.date)}, {plain(m ? get(*m, f::meeting_title) : "")}, part, {plain(p.notes)}});
  }
  d.table({"Date", "Meeting", "Part and questions", "Notes"}, {}, rows);
  return d;
}

std::string reading_plan_markdown(const Community& c, const std::string& book) {
  return find_book(c, book) ? to_markdown(plan_document(c, book)) : std::string();
}

std::string reading_plan_html(const Community& c, const std::string& book) {
  return find_book(c, book) ? to_html(plan_document(c, book)) : std::string();
}

}  // namespace cv
