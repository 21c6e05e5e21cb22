// books.h: the book circle. Members propose books and support the ones they want to read; the book
// chooser of the round (a role that rotates, see roles.h) picks one; a reading plan splits it into
// parts, each discussed at a meeting, with questions members add; the shelf keeps the books read,
// when, who chose them, and a sentence each member kept.
//  [SECTION] Record types
//  [SECTION] Proposals and support
//  [SECTION] The pick
//  [SECTION] The reading plan
//  [SECTION] The shelf
//  [SECTION] Exports
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"

namespace cv {

// [SECTION] Record types ---------------------------------------------------------------------------
inline constexpr const char* kBook = "book";              // title, author, link, why, proposed_by, state, ...
inline constexpr const char* kBookVote = "book_vote";     // book, member, support; id "bvote:<book>:<member>"
inline constexpr const char* kReadingPart = "reading_part";  // book, title, meeting, position, notes
inline constexpr const char* kBookQuestion = "book_question";  // part, member, text
inline constexpr const char* kBookKept = "book_kept";     // book, member, text; id "kept:<book>:<member>"

// [SECTION] Proposals and support ------------------------------------------------------------------
struct BookView {
  std::string id, title, author, link, why, proposed_by;
  std::string state;        // "proposed", "chosen" (being read), "read"
  std::string chosen_by, chosen_on, read_on;  // member id; dates YYYY-MM-DD
  int support = 0;          // members who support it
};
// Every live book, proposals by support (most first), then title.
std::vector<BookView> books(const Community& c);
const Record* find_book(const Community& c, const std::string& id);
BookView book_view(const Community& c, const std::string& id);
// A member proposes a book (title required; author, a link or ISBN, and why, as they like).
Op op_propose_book(const std::string& id, const std::string& member, const std::string& title,
                   const std::string& author, const std::string& link, const std::string& why);
std::string book_vote_id(const std::string& book, const std::string& member);
bool supports(const Community& c, const std::string& book, const std::string& member);
// Supports the book, or takes the support back.
Op op_support_book(const std::string& book, const std::string& member, bool support);

// [SECTION] The pick -----------------------------------------------------------------------------
// The book chooser of the round: the lead of the book discussion in the next meeting that has one
// (dated on or after `today`, "YYYY-MM-DD"), with that meeting; empty when none is planned or the
// role is open.
struct ChooserTurn {
  std::string member, meeting, meeting_title, date;
};
ChooserTurn book_chooser(const Community& c, const std::string& today);
// The chooser picks a book: it becomes the one being read (a book being read before goes back to the
// proposals unless it was finished).
Op op_pick_book(const Community& c, const std::string& book, const std::string& chooser, const std::string& date);
// The book being read, or "".
std::string current_book(const Community& c);
// Finished: onto the shelf.
Op op_finish_book(const std::string& book, const std::string& date);

// [SECTION] The reading plan -----------------------------------------------------------------------
struct ReadingPart {
  std::string id, book, title, meeting, notes;
  double position = 0;
  std::string date;  // the meeting's date ("" when it has none or no meeting)
  struct Question {
    std::string id, member, text;
  };
  std::vector<Question> questions;
};
// A book's parts, in reading order, each with its questions.
std::vector<ReadingPart> reading_plan(const Community& c, const std::string& book);
Op op_add_part(const Community& c, const std::string& id, const std::string& book, const std::string& title,
               const std::string& meeting);
Op op_add_question(const std::string& id, const std::string& part, const std::string& member, const std::string& text);
// The part a meeting discusses (the first of the parts planned for it), or nullptr.
const ReadingPart* part_for_meeting(const std::vector<ReadingPart>& plan, const std::string& meeting);
// The part discussed at `meeting` for whatever book is planned there: its book title too.
struct MeetingReading {
  std::string book_title, part_title;
  std::vector<std::string> questions;  // "text (who asked)"
};
MeetingReading reading_at(const Community& c, const std::string& meeting);

// [SECTION] The shelf -------------------------------------------------------------------------------
struct ShelfEntry {
  BookView book;
  struct Kept {
    std::string member, name, text;
  };
  std::vector<Kept> kept;  // one sentence per member
};
// Books read, the latest first.
std::vector<ShelfEntry> shelf(const Community& c);
std::string book_kept_id(const std::string& book, const std::string& member);
Op op_keep_sentence(const std::string& book, const std::string& member, const std::string& text);

// [SECTION] Exports ---------------------------------------------------------------------------------
// The book's reading plan: parts with their meetings and dates, questions, notes.
std::string reading_plan_markdown(const Community& c, const std::string& book);
std::string reading_plan_html(const Community& c, const std::string& book);

}  // namespace cv
