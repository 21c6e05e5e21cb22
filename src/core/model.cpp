// model.cpp: see model.h.
//  [SECTION] Stamps and the hybrid logical clock
//  [SECTION] Records and the community
//  [SECTION] Ops and apply
//  [SECTION] Merge and diff
//  [SECTION] Doc
//  [SECTION] Reading the model
#include "core/model.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>

#include "core/assert.h"
#include "core/text.h"

#include <cstdio>
#include <cstdlib>
#include <unordered_map>

namespace cv {

// [SECTION] Stamps and the hybrid logical clock ----------------------------------------------------

const std::string Actor::kNone;

namespace {
std::unordered_map<std::string, size_t>& actor_ids() {
  static auto* ids = new std::unordered_map<std::string, size_t>();  // outlives every static Actor
  return *ids;
}
}  // namespace

Actor::Actor(const std::string& id) {
  if (id.empty()) return;
  e_ = &*actor_ids().try_emplace(id, 0).first;
  ++e_->second;
}

void Actor::release() {
  if (e_ && --e_->second == 0) {
    auto& ids = actor_ids();
    ids.erase(ids.find(e_->first));  // by position: the key is the erased entry's own
  }
  e_ = nullptr;
}

size_t Actor::held() { return actor_ids().size(); }

bool operator<(const Stamp& a, const Stamp& b) {
  return std::tie(a.ms, a.counter, a.actor) < std::tie(b.ms, b.counter, b.actor);
}
bool operator==(const Stamp& a, const Stamp& b) {
  return a.ms == b.ms && a.counter == b.counter && a.actor == b.actor;
}

Stamp Clock::tick(int64_t now_ms) {
  if (now_ms > ms) {
    ms = now_ms;
    counter = 0;
  } else if (counter == UINT32_MAX) {
    ++ms;  // the counter never wraps: borrow the next millisecond instead (stays ahead all the same)
    counter = 0;
  } else {
    ++counter;  // same millisecond, or a wall clock that went back: stay ahead of what we saw
  }
  return Stamp{ms, counter, actor};
}

void Clock::observe(const Stamp& s) {
  if (s.ms > ms || (s.ms == ms && s.counter > counter)) {
    ms = s.ms;
    counter = s.counter;
  }
}

// [SECTION] Records and the community --------------------------------------------------------------

static const json kNull;

bool Record::deleted() const {
  const json& d = get("deleted");
  return d.is_boolean() && d.get<bool>();
}

Fields::Fields(std::initializer_list<value_type> list) {
  for (const value_type& f : list) emplace(f.first, f.second);
}

Fields::iterator Fields::lower(std::string_view name) {
  return std::lower_bound(v_.begin(), v_.end(), name, [](const value_type& f, std::string_view n) { return f.first < n; });
}

Fields::iterator Fields::find(std::string_view name) {
  auto it = lower(name);
  return it != v_.end() && it->first == name ? it : v_.end();
}

Fields::const_iterator Fields::find(std::string_view name) const { return const_cast<Fields*>(this)->find(name); }

Field& Fields::at(std::string_view name) {
  auto it = find(name);
  if (it == v_.end()) throw std::out_of_range("no field " + std::string(name));
  return it->second;
}

const Field& Fields::at(std::string_view name) const { return const_cast<Fields*>(this)->at(name); }

Field& Fields::operator[](std::string_view name) { return emplace(std::string(name), Field{}).first->second; }

std::pair<Fields::iterator, bool> Fields::emplace(std::string name, Field f) {
  // Fields come in name order from a file, a merge and a copy: then each goes at the end.
  if (v_.empty() || v_.back().first < name) {
    v_.emplace_back(std::move(name), std::move(f));
    return {v_.end() - 1, true};
  }
  auto it = lower(name);
  if (it != v_.end() && it->first == name) return {it, false};
  return {v_.emplace(it, std::move(name), std::move(f)), true};
}

size_t Fields::erase(std::string_view name) {
  auto it = find(name);
  if (it == v_.end()) return 0;
  v_.erase(it);
  return 1;
}

bool operator==(const Fields& a, const Fields& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.v_.size(); ++i) {
    const auto& [an, af] = a.v_[i];
    const auto& [bn, bf] = b.v_[i];
    if (an != bn || af.value != bf.value || !(af.stamp == bf.stamp)) return false;
  }
  return true;
}

const json& Record::get(const std::string& field) const {
  auto it = fields.find(field);
  return it == fields.end() ? kNull : it->second.value;
}

std::string Record::text(const std::string& field) const {
  const json& v = get(field);
  return v.is_string() ? v.get<std::string>() : std::string();
}

std::vector<std::string> Record::texts(const std::string& field) const {
  std::vector<std::string> out;
  const json& v = get(field);
  if (v.is_array())
    for (const json& e : v)
      if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

Community new_community(const std::string& id, const std::string& name, Clock& clock, int64_t now_ms) {
  Community c;
  c.id = id;
  apply(c, clock, op_create("New community", id, kCommunity, {{"name", name}}), now_ms);
  return c;
}

std::string make_id(uint64_t a, uint64_t b) {
  static const char digits[] = "0123456789abcdefghjkmnpqrstvwxyz";  // Crockford's base 32
  std::string id;
  for (int i = 0; i < 8; ++i, a >>= 5) id += digits[a & 31];
  for (int i = 0; i < 8; ++i, b >>= 5) id += digits[b & 31];
  return id;
}

Community duplicate_community(const Community& src, const std::string& new_id, Clock& clock, int64_t now_ms) {
  Community copy;
  copy.id = new_id;
  for (const auto& [id, r] : src.records)
    if (!(r.type == kCommunity && id == src.id)) copy.records.emplace(id, r);
  const Record& from = community_record(src);
  const std::string name = from.text("name").empty() ? "Untitled community" : from.text("name");
  Op op = op_create("Duplicate", new_id, kCommunity, {{"name", name + " (copy)"}});
  for (const auto& [field, f] : from.fields)
    if (field != "name" && field != "deleted") op.changes.push_back({new_id, kCommunity, field, f.value});
  apply(copy, clock, op, now_ms);
  return copy;
}

void observe_all(Clock& clock, const Community& c) {
  for (const auto& [id, r] : c.records)
    for (const auto& [name, f] : r.fields) clock.observe(f.stamp);
}

// [SECTION] Ops and apply --------------------------------------------------------------------------

Op op_create(const std::string& label, const std::string& id, const std::string& type, json fields) {
  Op op{label, {}};
  op.changes.push_back({id, type, "deleted", false});
  for (auto& [k, v] : fields.items()) op.changes.push_back({id, type, k, v});
  return op;
}

Op op_set(const std::string& label, const std::string& id, const std::string& type, const std::string& field,
          json value) {
  return Op{label, {{id, type, field, std::move(value)}}};
}

Op op_delete(const std::string& label, const std::string& id, const std::string& type) {
  return Op{label, {{id, type, "deleted", true}}};
}

// A field's value for undo and diff: a record that does not exist counts as deleted, a field
// never written as null (and "deleted" as false).
static json field_value(const Record* r, const std::string& field) {
  if (!r) return field == "deleted" ? json(true) : json();
  auto f = r->fields.find(field);
  if (f == r->fields.end()) return field == "deleted" ? json(false) : json();
  return f->second.value;
}

static const Record* find_any(const Community& c, const std::string& id) {
  auto it = c.records.find(id);
  return it == c.records.end() ? nullptr : &it->second;
}

Edit apply(Community& c, Clock& clock, const Op& op, int64_t now_ms) {
  Edit e{op.label, {}, {}};
  const Stamp stamp = clock.tick(now_ms);
  for (const Change& ch : op.changes) {
    const Record* existing = find_any(c, ch.record);
    json old = field_value(existing, ch.field);
    const bool exists = existing != nullptr;
    if (exists && old == ch.value) continue;
    Record& r = c.records[ch.record];
    if (r.type.empty()) r.type = ch.type;
    r.fields[ch.field] = Field{ch.value, stamp};
    e.before.push_back({ch.record, r.type, ch.field, std::move(old)});
    e.after.push_back({ch.record, r.type, ch.field, ch.value});
  }
  return e;
}

// [SECTION] Merge and diff -------------------------------------------------------------------------

// The greater stamp wins; equal stamps (only from a tampered file) are settled by the value, so
// merge stays commutative even then.
bool wins(const Field& incoming, const Field& existing) {
  if (existing.stamp < incoming.stamp) return true;
  if (incoming.stamp < existing.stamp) return false;
  // (replace: a value that is not UTF-8 cannot come in through a file, but must not throw here)
  // and two such texts that print alike are ordered by their bytes, so the order stays total)
  auto text = [](const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::replace); };
  const std::string a = text(existing.value), b = text(incoming.value);
  return a != b ? a < b : existing.value < incoming.value;
}

static const json& json_deleted_or_null(const std::string& field, bool record_absent) {
  static const json kTrue(true), kFalse(false), kNull;
  if (field != "deleted") return kNull;
  return record_absent ? kTrue : kFalse;
}

size_t merge_record(Record& into, const Record& from, const std::string& id, Diff* changes) {
  size_t taken = 0;
  const bool was_live = !into.type.empty() && !into.deleted();
  const bool fresh = into.type.empty();
  if (fresh) into.type = from.type;
  bool changed = false;
  for (const auto& [name, f] : from.fields) {
    auto mine = into.fields.find(name);
    const bool absent = mine == into.fields.end();
    if (!absent && !wins(f, mine->second)) continue;
    ++taken;
    // As diff() sees it: a record new here was deleted, a field never written null ("deleted" false).
    const json& old = absent ? (fresh ? json_deleted_or_null(name, true) : json_deleted_or_null(name, false))
                             : mine->second.value;
    const bool differs = old != f.value;
    if (differs && changes) {
      if (changes->keep_values) {
        changes->before.push_back({id, into.type, name, old});
        changes->after.push_back({id, into.type, name, f.value});
      }
      ++changes->fields;
    }
    changed = changed || differs;
    if (absent) into.fields.emplace(name, f);
    else mine->second = f;
  }
  if (fresh) ++taken;  // the record itself
  if (changed && changes) {
    const bool is_live = !into.deleted();
    TypeCounts& tc = changes->by_type[into.type];
    if (!was_live && is_live) ++tc.added;
    else if (was_live && !is_live) ++tc.removed;
    else if (was_live && is_live) ++tc.changed;
  }
  return taken;
}

size_t merge_into(Community& into, const Community& from, Diff* changes) {
  size_t taken = 0;
  for (const auto& [id, theirs] : from.records) {
    if (theirs.type == kCommunity && id != into.id) continue;
    auto it = into.records.find(id);
    if (it == into.records.end()) it = into.records.emplace(id, Record{}).first;
    taken += merge_record(it->second, theirs, id, changes);
  }
  return taken;
}

Community merge(const Community& a, const Community& b) {
  Community out = a;
  merge_into(out, b);
  return out;
}

Diff diff(const Community& before, const Community& after) {
  Diff d;
  std::vector<std::string> ids;
  for (const auto& [id, r] : before.records) ids.push_back(id);
  for (const auto& [id, r] : after.records)
    if (!before.records.count(id)) ids.push_back(id);
  for (const std::string& id : ids) {
    const Record* b = find_any(before, id);
    const Record* a = find_any(after, id);
    const std::string& type = a ? a->type : b->type;
    std::vector<std::string> names;
    if (b) for (const auto& [n, f] : b->fields) names.push_back(n);
    if (a) for (const auto& [n, f] : a->fields)
      if (!b || !b->fields.count(n)) names.push_back(n);
    bool changed = false;
    for (const std::string& n : names) {
      json vb = field_value(b, n), va = field_value(a, n);
      if (vb == va) continue;
      changed = true;
      ++d.fields;
      d.before.push_back({id, type, n, std::move(vb)});
      d.after.push_back({id, type, n, std::move(va)});
    }
    if (!changed) continue;
    const bool was_live = b && !b->deleted(), is_live = a && !a->deleted();
    TypeCounts& tc = d.by_type[type];
    if (!was_live && is_live) ++tc.added;
    else if (was_live && !is_live) ++tc.removed;
    else if (was_live && is_live) ++tc.changed;
  }
  return d;
}

// [SECTION] Doc ------------------------------------------------------------------------------------

static void touch(Doc& d, const std::vector<Change>& changes) {
  if (!d.track) return;
  for (const Change& c : changes)
    if (d.touched.empty() || d.touched.back() != c.record) d.touched.push_back(c.record);
}

static void push_edit(Doc& d, Edit e) {
  touch(d, e.after);
  d.undo_stack.push_back(std::move(e));
  d.redo_stack.clear();
  ++d.revision;
}

bool doc_apply(Doc& d, const Op& op, int64_t now_ms) {
  Edit e = apply(d.community, d.clock, op, now_ms);
  if (e.after.empty()) return false;
  push_edit(d, std::move(e));
  return true;
}

// Undo and redo are new writes with new stamps, so they merge like any other edit.
static bool replay(Doc& d, std::vector<Edit>& from, std::vector<Edit>& to, bool undo, int64_t now_ms) {
  if (from.empty()) return false;
  Edit e = std::move(from.back());
  from.pop_back();
  Op op{e.label, undo ? e.before : e.after};
  if (undo) std::reverse(op.changes.begin(), op.changes.end());
  apply(d.community, d.clock, op, now_ms);
  touch(d, op.changes);
  to.push_back(std::move(e));
  ++d.revision;
  return true;
}

bool doc_undo(Doc& d, int64_t now_ms) { return replay(d, d.undo_stack, d.redo_stack, true, now_ms); }
bool doc_redo(Doc& d, int64_t now_ms) { return replay(d, d.redo_stack, d.undo_stack, false, now_ms); }

// Every winning stamp is taken, even where the value stays the same (two copies that both hold
// null under different stamps): a copy that kept the older stamp would later resolve an edit
// differently from the others. Only a change of value is an undo step.
Diff doc_import(Doc& d, const Community& incoming, const std::string& label) {
  // In place: the changes are found as they are made, so a merge costs what the incoming copy holds,
  // not a copy of the whole community.
  Diff changes;
  const size_t taken = merge_into(d.community, incoming, &changes);
  observe_all(d.clock, incoming);
  if (taken == 0) return Diff{};
  if (changes.empty()) ++d.revision;
  else push_edit(d, Edit{label, changes.before, changes.after});
  return changes;
}

bool doc_absorb(Doc& d, const Community& other) {
  const size_t taken = merge_into(d.community, other);
  observe_all(d.clock, other);
  if (taken == 0) return false;
  ++d.revision;
  return true;
}

void doc_open(Doc& d, Community c) {
  d.community = std::move(c);
  d.undo_stack.clear();
  d.redo_stack.clear();
  observe_all(d.clock, d.community);
  ++d.revision;
}

// [SECTION] Reading the model ----------------------------------------------------------------------

const std::vector<TypeIndex::Entry>& records_of(const Community& c, std::string_view type) {
  TypeIndex& x = c.index;
  if (x.built_for != c.records.size()) {
    x.of.clear();
    for (const auto& e : c.records) x.of[e.second.type].push_back(&e);
    x.built_for = c.records.size();
  }
  static const std::vector<TypeIndex::Entry> kNone;
  auto it = x.of.find(type);
  return it == x.of.end() ? kNone : it->second;
}

std::vector<std::pair<std::string, const Record*>> live_by_name(const Community& c, const std::string& type) {
  std::vector<std::pair<std::string, const Record*>> out;
  std::vector<std::pair<std::string, size_t>> keys;  // each name folded once
  for (const auto* e : records_of(c, type))
    if (!e->second.deleted()) {
      keys.emplace_back(collate_key(e->second.text("name")), out.size());
      out.emplace_back(e->first, &e->second);
    }
  std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<std::string, const Record*>> sorted;
  sorted.reserve(out.size());
  for (const auto& k : keys) sorted.push_back(std::move(out[k.second]));
  return sorted;
}

const Record* find_live(const Community& c, const std::string& id) {
  // No record has an empty id (files and ops with one are refused), and panels often ask for "" (no
  // topic chosen yet): at 60,000 records the walk down the tree is microseconds of cache misses.
  if (id.empty()) return nullptr;
  auto it = c.records.find(id);
  return it == c.records.end() || it->second.deleted() ? nullptr : &it->second;
}

const Record& community_record(const Community& c) {
  static const Record kNone;
  auto it = c.records.find(c.id);
  return it == c.records.end() ? kNone : it->second;
}

int64_t last_edit_ms(const Community& c) {
  int64_t ms = 0;
  for (const auto& [id, r] : c.records)
    for (const auto& [n, f] : r.fields) ms = std::max(ms, f.stamp.ms);
  return ms;
}

void assert_failed(const char* what, const char* why, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: CV_ASSERT(%s) failed: %s\n", file, line, what, why);
  std::abort();
}

}  // namespace cv
