// model.h: Cultivate's record model. A community is a set of records; every field carries a stamp
// (hybrid logical clock + actor), so any two copies merge field by field and nobody's edit is lost.
// The core reads no clock and no randomness: callers pass the time and fresh ids in.
//  [SECTION] Stamps and the hybrid logical clock
//  [SECTION] Records and the community
//  [SECTION] Ops and apply
//  [SECTION] Merge and diff
//  [SECTION] Doc: a community being edited, with undo and redo
//  [SECTION] Reading the model
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace cv {
using json = nlohmann::json;

// [SECTION] Stamps and the hybrid logical clock ----------------------------------------------------

// A writer's id, unique per browser or tool, held once (interned, counted): a community has a
// handful of writers and hundreds of thousands of stamps, and a 16-letter id copied into each took a
// quarter of a 10,000-member community's memory. Equal ids are the same entry; an id no stamp holds
// any more is let go (a refused file full of made-up writers leaves nothing behind). One thread only.
class Actor {
 public:
  Actor() = default;
  Actor(const std::string& id);  // NOLINT: an id is an actor
  Actor(const char* id) : Actor(std::string(id)) {}  // NOLINT
  Actor(const Actor& o) : e_(o.e_) { hold(); }
  Actor& operator=(const Actor& o) {
    if (e_ != o.e_) {
      Actor(o).swap(*this);
    }
    return *this;
  }
  Actor(Actor&& o) noexcept : e_(o.e_) { o.e_ = nullptr; }
  Actor& operator=(Actor&& o) noexcept {
    Actor(std::move(o)).swap(*this);
    return *this;
  }
  ~Actor() { release(); }
  void swap(Actor& o) noexcept { std::swap(e_, o.e_); }

  const std::string& str() const { return e_ ? e_->first : kNone; }
  operator const std::string&() const { return str(); }  // NOLINT
  bool empty() const { return e_ == nullptr; }
  friend bool operator==(const Actor& a, const Actor& b) { return a.e_ == b.e_; }
  friend bool operator!=(const Actor& a, const Actor& b) { return a.e_ != b.e_; }
  friend bool operator<(const Actor& a, const Actor& b) { return a.e_ != b.e_ && a.str() < b.str(); }
  static size_t held();  // how many ids are held (for tests)

 private:
  using Entry = std::pair<const std::string, size_t>;  // the id and how many Actors hold it
  Entry* e_ = nullptr;                                  // null: no writer
  static const std::string kNone;
  void hold() {
    if (e_) ++e_->second;
  }
  void release();
};

// When and by whom a field was written. Ordered by (ms, counter, actor): the greater stamp wins.
struct Stamp {
  int64_t ms = 0;        // wall-clock milliseconds of the writer (as the writer's clock saw them)
  uint32_t counter = 0;  // orders writes within one millisecond, and after a clock that went back
  Actor actor;           // who wrote it
};
bool operator<(const Stamp& a, const Stamp& b);
bool operator==(const Stamp& a, const Stamp& b);

// A hybrid logical clock: every stamp it gives is greater than every stamp it has given or seen.
// A counter at its maximum borrows the next millisecond, so it never wraps to 0.
struct Clock {
  std::string actor;
  int64_t ms = 0;
  uint32_t counter = 0;
  Stamp tick(int64_t now_ms);    // a new stamp, now_ms from the platform clock
  void observe(const Stamp& s);  // remember a stamp written elsewhere
};

// [SECTION] Records and the community --------------------------------------------------------------

// One field's value and the stamp of its last write. A null value means "not set".
struct Field {
  json value;
  Stamp stamp;
};

// A record's fields by name, sorted, in one block: a 10,000-member community has half a million
// fields, and a map node each cost half a million allocations on import. Records have a handful of
// fields, so a lookup is a short binary search. As with a map, the first of a name given twice is kept;
// unlike a map, adding a field moves the others (no iterator or reference survives an insertion).
class Fields {
 public:
  using value_type = std::pair<std::string, Field>;
  using iterator = std::vector<value_type>::iterator;
  using const_iterator = std::vector<value_type>::const_iterator;

  Fields() = default;
  Fields(std::initializer_list<value_type> list);

  iterator begin() { return v_.begin(); }
  iterator end() { return v_.end(); }
  const_iterator begin() const { return v_.begin(); }
  const_iterator end() const { return v_.end(); }
  size_t size() const { return v_.size(); }
  bool empty() const { return v_.empty(); }
  void clear() { v_.clear(); }
  void reserve(size_t n) { v_.reserve(n); }

  iterator find(std::string_view name);
  const_iterator find(std::string_view name) const;
  size_t count(std::string_view name) const { return find(name) == end() ? 0 : 1; }
  const Field& at(std::string_view name) const;  // throws std::out_of_range when absent
  Field& at(std::string_view name);
  Field& operator[](std::string_view name);  // added, as a default Field, when absent
  // Adds the field unless one of that name is there (then it is left as it is).
  std::pair<iterator, bool> emplace(std::string name, Field f);
  iterator emplace_hint(const_iterator, std::string name, Field f) { return emplace(std::move(name), std::move(f)).first; }
  size_t erase(std::string_view name);
  friend bool operator==(const Fields& a, const Fields& b);

 private:
  iterator lower(std::string_view name);
  std::vector<value_type> v_;
};

// A member, a topic, a vote, ...: a random id, a fixed type, stamped fields.
// Deleted is the stamped boolean field "deleted".
struct Record {
  std::string type;
  Fields fields;

  bool deleted() const;
  const json& get(const std::string& field) const;  // null when not set
  std::string text(const std::string& field) const;  // "" when not a string
  std::vector<std::string> texts(const std::string& field) const;  // strings of an array field
};

// Where the records of each type are, so reading one type does not read every record. Records are
// only ever added (a deletion is a field) and keep their type, so the index is rebuilt only when the
// number of records changes. A copy of a community starts without it (its pointers are the source's).
struct TypeIndex {
  using Entry = const std::pair<const std::string, Record>*;
  size_t built_for = static_cast<size_t>(-1);
  std::map<std::string, std::vector<Entry>, std::less<>> of;
  TypeIndex() = default;
  TypeIndex(const TypeIndex&) {}
  TypeIndex(TypeIndex&& o) noexcept { o.clear(); }
  TypeIndex& operator=(const TypeIndex&) { clear(); return *this; }
  TypeIndex& operator=(TypeIndex&& o) noexcept { clear(); o.clear(); return *this; }
  void clear() { built_for = static_cast<size_t>(-1); of.clear(); }
};

// A community: its id (also the id of its one "community" record) and its records by id.
struct Community {
  std::string id;
  std::map<std::string, Record> records;
  mutable TypeIndex index;  // a cache of records by type (records_of)
};

// Record types of format version 1.
inline constexpr const char* kCommunity = "community";
inline constexpr const char* kMember = "member";

// A fresh community with its community record, written by clock at now_ms.
Community new_community(const std::string& id, const std::string& name, Clock& clock, int64_t now_ms);
// An id made from 80 random bits (two words from the platform's randomness): 16 letters and digits.
std::string make_id(uint64_t a, uint64_t b);
// A copy of a community under a new id: every record but its own, and its own fields (the name gets
// " (copy)") written anew by clock at now_ms. The copy merges with nothing of the original's.
Community duplicate_community(const Community& src, const std::string& new_id, Clock& clock, int64_t now_ms);
// The greatest stamp in a community (for the clock to observe after loading or merging).
void observe_all(Clock& clock, const Community& c);

// [SECTION] Ops and apply --------------------------------------------------------------------------

// One field to write. A record that does not exist yet is created by writing to it.
struct Change {
  std::string record;
  std::string type;
  std::string field;
  json value;
};

// Every edit is an Op: one or more field writes, undone and redone as a whole.
struct Op {
  std::string label;  // what a person would call it: "Add member", "Rename community"
  std::vector<Change> changes;
};

Op op_create(const std::string& label, const std::string& id, const std::string& type, json fields);
Op op_set(const std::string& label, const std::string& id, const std::string& type, const std::string& field,
          json value);
Op op_delete(const std::string& label, const std::string& id, const std::string& type);

// What an applied Op or import did: the values before and after, to undo or redo it.
struct Edit {
  std::string label;
  std::vector<Change> before;
  std::vector<Change> after;
};

// Writes op into c, stamped by clock; returns what it changed (fields already equal are skipped).
Edit apply(Community& c, Clock& clock, const Op& op, int64_t now_ms);

// [SECTION] Merge and diff -------------------------------------------------------------------------

// Counts of what a merge would do, per record type (for the import preview).
struct TypeCounts {
  int added = 0, changed = 0, removed = 0;
  bool operator==(const TypeCounts& o) const { return added == o.added && changed == o.changed && removed == o.removed; }
};
struct Diff {
  std::map<std::string, TypeCounts> by_type;
  std::vector<Change> before, after;  // field values that differ, as Changes (none in a preview's counts)
  size_t fields = 0;                  // how many field values differ
  bool keep_values = true;            // false: count changes without keeping them (a preview)
  bool empty() const { return fields == 0 && before.empty(); }
};

// Takes into `into` every field of `from` whose stamp is greater. Commutative, associative and
// idempotent. A community record of another community is not taken (a community has one).
// Returns how many fields it took (a new value or only a newer stamp).
size_t merge_into(Community& into, const Community& from, Diff* changes = nullptr);
// Whether an incoming field's stamp beats the one held (equal stamps: settled by the value).
bool wins(const Field& incoming, const Field& existing);
// One record's part of it: `into` (empty for a record new here) takes the fields of `from` that win.
// When `changes` is given, the values that change are added to it, and the record to its counts.
size_t merge_record(Record& into, const Record& from, const std::string& id, Diff* changes = nullptr);
Community merge(const Community& a, const Community& b);
// What differs between two states of one community, per field, with counts per record type.
Diff diff(const Community& before, const Community& after);

// [SECTION] Doc: a community being edited, with undo and redo --------------------------------------

struct Doc {
  Community community;
  Clock clock;
  std::vector<Edit> undo_stack, redo_stack;
  uint64_t revision = 0;  // moves on every change; storage saves when it differs from what it saved
  // The records this person changed (edits, undo, redo, imports) since the live sync last took them,
  // kept only while `track` is set. Another tab's or the room's changes (doc_absorb) are not theirs
  // to send on.
  bool track = false;
  std::vector<std::string> touched;
};

// Applies op as one undoable step; false (and nothing recorded) when it changed nothing.
bool doc_apply(Doc& d, const Op& op, int64_t now_ms);
bool doc_undo(Doc& d, int64_t now_ms);
bool doc_redo(Doc& d, int64_t now_ms);
// Merges another copy of this community in as one undoable step; returns the values it changed.
// Newer stamps on equal values are taken too (the revision moves, with no undo step).
Diff doc_import(Doc& d, const Community& incoming, const std::string& label);
// Takes in what another copy holds (another tab's save) without an undo step: those edits are not
// this person's to undo. True when anything was taken (a value or a newer stamp).
bool doc_absorb(Doc& d, const Community& other);
// Replaces the open community (opening another one): history is cleared.
void doc_open(Doc& d, Community c);

// [SECTION] Reading the model ----------------------------------------------------------------------

// The records of one type, deleted ones too, in id order: read in time that grows with their number,
// not the community's.
const std::vector<TypeIndex::Entry>& records_of(const Community& c, std::string_view type);
// Live (not deleted) records of one type, ordered by their "name" field as a reader expects.
std::vector<std::pair<std::string, const Record*>> live_by_name(const Community& c, const std::string& type);
const Record* find_live(const Community& c, const std::string& id);
const Record& community_record(const Community& c);  // an empty record when there is none
int64_t last_edit_ms(const Community& c);

}  // namespace cv
