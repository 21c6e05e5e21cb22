// format.cpp: see format.h.
//  [SECTION] Export
//  [SECTION] Import: limits before parsing
//  [SECTION] Import: a streaming reader (one record in memory at a time)
//  [SECTION] Import: records
//  [SECTION] Import: checks against the receiving copy
//  [SECTION] Statistics
#include "core/format.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <set>

#include "core/registry.h"
#include "core/text.h"

namespace cv {

namespace {

// True when one of the 8 bytes at p is '"', '\\', a control character or not ASCII, which the bytes of
// a JSON text rarely are: texts are most of a file, and are read and measured 8 bytes at a time.
inline bool special8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto zero = [&](uint64_t x) { return (x - ones) & ~x & highs; };  // some byte of x is 0
  return ((w & highs) | ((w - ones * 0x20) & ~w & highs) | zero(w ^ (ones * '"')) | zero(w ^ (ones * '\\'))) != 0;
}

std::string quote_text(std::string_view s) {
  std::string t = utf8_sanitize(s.substr(0, 60));
  return "\"" + t + (s.size() > 60 ? "...\"" : "\"");
}

}  // namespace

// [SECTION] Export ---------------------------------------------------------------------------------

json to_json(const Community& c) {
  json records = json::array();
  for (const auto& [id, r] : c.records) {
    json fields = json::object(), stamps = json::object();
    for (const auto& [name, f] : r.fields) {
      fields[name] = f.value;
      stamps[name] = json::array({f.stamp.ms, f.stamp.counter, f.stamp.actor});
    }
    records.push_back({{"id", id}, {"type", r.type}, {"fields", fields}, {"stamps", stamps}});
  }
  return {{"format", kFormatName}, {"version", kFormatVersion}, {"community", c.id}, {"records", records}};
}

// Written by hand rather than by json::dump so that a person can read it: id and type first, one
// line per field and per stamp. Values are serialised straight into the output, with no string per
// value, so writing is linear with a small constant (a 19 MB community in a fraction of a second).
namespace {

// Appends to one string; its JSON serialiser is made once (making one reads the locale).
struct Writer {
  std::string& out;
  nlohmann::detail::serializer<json> json_out;
  explicit Writer(std::string& o)
      : out(o), json_out(nlohmann::detail::output_adapter<char>(o), ' ', json::error_handler_t::replace) {}
  void value(const json& v) { json_out.dump(v, false, false, 0); }
};

void append_str(Writer& w, const std::string& v) {
  // Ids, types and field names are checked on the way in (letters, digits and a few marks): only
  // anything else needs escaping.
  for (char ch : v)
    if (ch == '"' || ch == '\\' || static_cast<unsigned char>(ch) < 0x20 || static_cast<unsigned char>(ch) >= 0x80)
      return w.value(json(v));
  w.out += '"';
  w.out += v;
  w.out += '"';
}

void append_head(Writer& w, const std::string& community) {
  w.out += "{\n  \"format\": \"";
  w.out += kFormatName;
  w.out += "\",\n  \"version\": " + std::to_string(kFormatVersion) + ",\n  \"community\": ";
  append_str(w, community);
  w.out += ",\n  \"records\": [";
}

void append_record(Writer& w, const std::string& id, const Record& r, bool first_record) {
  std::string& out = w.out;
  out += first_record ? "\n    {\n      \"id\": " : ",\n    {\n      \"id\": ";
  append_str(w, id);
  out += ",\n      \"type\": ";
  append_str(w, r.type);
  out += ",\n      \"fields\": {";
  bool first = true;
  for (const auto& [name, f] : r.fields) {
    out += first ? "\n        " : ",\n        ";
    append_str(w, name);
    out += ": ";
    w.value(f.value);
    first = false;
  }
  out += r.fields.empty() ? "},\n      \"stamps\": {" : "\n      },\n      \"stamps\": {";
  first = true;
  for (const auto& [name, f] : r.fields) {
    out += first ? "\n        " : ",\n        ";
    append_str(w, name);
    out += ": [";
    out += std::to_string(f.stamp.ms);
    out += ", ";
    out += std::to_string(f.stamp.counter);
    out += ", ";
    append_str(w, f.stamp.actor);
    out += ']';
    first = false;
  }
  out += r.fields.empty() ? "}\n    }" : "\n      }\n    }";
}

const char* tail(bool empty) { return empty ? "]\n}\n" : "\n  ]\n}\n"; }

// The bytes the Writer appends, counted without writing them: the import preview sizes a merged file
// of 20 MB this way. What is rare (a fraction, text that is not UTF-8) is written aside and measured.
struct Sizer {
  std::string scratch;
  Writer w{scratch};

  static size_t digits(uint64_t v) {
    size_t n = 1;
    while (v >= 10) v /= 10, ++n;
    return n;
  }
  size_t measured(const json& v) {
    scratch.clear();
    w.value(v);
    return scratch.size();
  }
  // Bytes an escape adds to a byte (as nlohmann/json escapes: two-letter escapes, else \u00XX).
  static const unsigned char* escape_extra() {
    static unsigned char t[256] = {};
    static bool made = [] {
      for (int c = 0; c < 0x20; ++c) t[c] = 5;
      for (unsigned char c : {'"', '\\', '\b', '\f', '\n', '\r', '\t'}) t[c] = 1;
      return true;
    }();
    (void)made;
    return t;
  }
  size_t text(const std::string& s) {
    static const unsigned char* extra = escape_extra();
    const char* d = s.data();
    const size_t size = s.size();
    size_t n = size + 2, i = 0;
    unsigned char any = 0;
    auto one = [&](unsigned char c) { n += extra[c], any |= c; };
    for (; i + 8 <= size; i += 8)
      if (special8(d + i))
        for (size_t k = 0; k < 8; ++k) one(static_cast<unsigned char>(d[i + k]));
    for (; i < size; ++i) one(static_cast<unsigned char>(d[i]));
    return any < 0x80 || utf8_valid(s) ? n : measured(json(s));
  }
  size_t value(const json& v) {
    switch (v.type()) {
      case json::value_t::null: return 4;
      case json::value_t::boolean: return v.get<bool>() ? 4 : 5;
      case json::value_t::string: return text(v.get_ref<const std::string&>());
      case json::value_t::number_unsigned: return digits(v.get<uint64_t>());
      case json::value_t::number_integer: {
        const int64_t i = v.get<int64_t>();
        return i < 0 ? 1 + digits(0 - static_cast<uint64_t>(i)) : digits(static_cast<uint64_t>(i));
      }
      case json::value_t::array: {
        size_t n = 2 + (v.empty() ? 0 : v.size() - 1);
        for (const json& e : v) n += value(e);
        return n;
      }
      case json::value_t::object: {
        size_t n = 2 + (v.empty() ? 0 : v.size() - 1);
        for (auto it = v.begin(); it != v.end(); ++it) n += text(it.key()) + 1 + value(it.value());
        return n;
      }
      default: return measured(v);
    }
  }
  // As append_record writes it.
  size_t record(const std::string& id, const Record& r, bool first_record) {
    auto lit = [](const char* s) { return std::strlen(s); };
    size_t n = lit(first_record ? "\n    {\n      \"id\": " : ",\n    {\n      \"id\": ") + text(id) +
               lit(",\n      \"type\": ") + text(r.type) + lit(",\n      \"fields\": {");
    // Each field is written twice, once with its value and once with its stamp, each time after a
    // separator (the first of each list without its comma).
    const size_t sep = lit(",\n        ");
    for (const auto& [name, f] : r.fields)
      n += 2 * (sep + text(name)) + lit(": ") + value(f.value) + lit(": [, , ]") +
           digits(static_cast<uint64_t>(f.stamp.ms)) + digits(f.stamp.counter) + text(f.stamp.actor);
    if (!r.fields.empty()) n -= 2;
    n += lit(r.fields.empty() ? "},\n      \"stamps\": {" : "\n      },\n      \"stamps\": {");
    n += lit(r.fields.empty() ? "}\n    }" : "\n      }\n    }");
    return n;
  }
};

}  // namespace

std::string to_file(const Community& c) {
  std::string out;
  out.reserve(256 + c.records.size() * 300);
  Writer w(out);
  append_head(w, c.id);
  bool first = true;
  for (const auto& [id, r] : c.records) {
    append_record(w, id, r, first);
    first = false;
  }
  out += tail(c.records.empty());
  return out;
}

MergeEffect merge_effect(const Community& c, const Community& incoming) {
  MergeEffect e;
  e.changes.keep_values = false;
  std::string head;
  Writer w(head);
  append_head(w, c.id);
  e.bytes = head.size();
  Sizer sizer;
  auto count = [&](const std::string& id, const Record& r) {
    e.bytes += sizer.record(id, r, e.records == 0);
    ++e.records;
  };
  auto latest = [&](const Record& r) {
    for (const auto& [name, f] : r.fields) e.latest_ms = std::max(e.latest_ms, f.stamp.ms);
  };
  auto a = c.records.begin();
  auto b = incoming.records.begin();
  while (a != c.records.end() || b != incoming.records.end()) {
    if (b != incoming.records.end() && b->second.type == kCommunity && b->first != c.id) {
      latest(b->second);
      ++b;  // another community's own record is never taken
      continue;
    }
    if (b == incoming.records.end() || (a != c.records.end() && a->first < b->first)) {
      count(a->first, a->second);
      ++a;
    } else if (a == c.records.end() || b->first < a->first) {
      // New here: taken whole, as it is (merge_record's counting, without a copy).
      const Record& r = b->second;
      bool changed = false;
      for (const auto& [name, f] : r.fields) {
        e.latest_ms = std::max(e.latest_ms, f.stamp.ms);
        const bool as_new = name == kDeletedField ? f.value.is_boolean() && f.value.get<bool>() : f.value.is_null();
        if (!as_new) {
          changed = true;
          ++e.changes.fields;
        }
      }
      if (changed) e.changes.by_type[r.type].added += r.deleted() ? 0 : 1;  // as diff(): the type is listed
      count(b->first, r);
      ++b;
    } else {
      // Held on both sides: a copy only when something of theirs wins.
      const Record& mine = a->second;
      latest(b->second);
      bool any = false;
      for (const auto& [name, f] : b->second.fields) {
        auto m = mine.fields.find(name);
        if (m == mine.fields.end() || wins(f, m->second)) {
          any = true;
          break;
        }
      }
      if (any) {
        Record r = mine;
        merge_record(r, b->second, b->first, &e.changes);
        count(a->first, r);
      } else {
        count(a->first, mine);
      }
      ++a;
      ++b;
    }
  }
  e.bytes += std::string(tail(e.records == 0)).size();
  return e;
}

std::string to_compact(const Community& c) {
  return to_json(c).dump(-1, ' ', false, json::error_handler_t::replace);
}

// [SECTION] Import: limits before parsing ----------------------------------------------------------

// The nesting depth, found without parsing (so a hostile file cannot exhaust the parser).
// Returns the byte offset where kMaxDepth is passed, or npos.
static size_t too_deep_at(std::string_view s) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return i;
    } else if (c == ']' || c == '}') --depth;
  }
  return std::string_view::npos;
}

// nlohmann/json's message without its "[json.exception.parse_error.101] parse error at " prefix.
static std::string json_error_text(std::string what) {
  if (what.rfind("[json.exception.", 0) == 0 && what.find("] ") != std::string::npos)
    what = what.substr(what.find("] ") + 2);
  if (what.rfind("parse error at ", 0) == 0) what = what.substr(std::strlen("parse error at "));
  return utf8_sanitize(what);
}

static std::string megabytes(size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

// [SECTION] Import: a streaming reader (one record in memory at a time) ----------------------------
// nlohmann/json's SAX events drive this: only the file's own keys ("format", "version", "community")
// and one record at a time become JSON values, each capped in how many values it may hold, so a
// hostile file (millions of empty objects under a key nobody reads) costs no memory. Everything
// else is skipped as it streams past, but still checked as JSON to its end.

namespace {

constexpr size_t kMaxValuesPerRecord = 100000;  // a breakout round of 10,000 members fits
constexpr size_t kMaxValuesPerKey = 1000;        // "format", "version", "community"

// A record as it streamed in, before its checks (Reader::read_record makes it a Record). Records are
// read straight from the events, without a JSON value for the whole record: only each field's value
// and each stamp become one. As in a JSON object, a key given twice keeps its last value.
struct RawRecord {
  const char* kind = nullptr;  // what the record was when not an object
  bool has_id = false, has_type = false, has_fields = false, has_stamps = false;
  json id, type;
  const char* fields_kind = nullptr;  // what "fields" held when not an object
  const char* stamps_kind = nullptr;
  std::vector<std::pair<std::string, json>> fields, stamps;

  void clear() {  // keeps the vectors' memory for the next record
    kind = fields_kind = stamps_kind = nullptr;
    has_id = has_type = has_fields = has_stamps = false;
    id = json();
    type = json();
    fields.clear();
    stamps.clear();
  }
};

class FileSax {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  // What the file held at its top.
  std::string root_kind;  // the root's kind when it is not an object
  json format, version, community;
  bool has_format = false, has_version = false, has_community = false, has_records = false;
  std::string records_kind;  // what "records" held when not an array
  std::string json_error, limit_error;
  size_t records_seen = 0;  // elements of "records", kept or not
  // Each record as it completes: index and what it held. False stops taking records (the rest are
  // skipped, still checked as JSON).
  std::function<bool(size_t, RawRecord&)> on_record;

  bool null() { return scalar(json()); }
  bool boolean(bool v) { return scalar(json(v)); }
  bool number_integer(number_integer_t v) { return scalar(json(v)); }
  bool number_unsigned(number_unsigned_t v) { return scalar(json(v)); }
  bool number_float(number_float_t v, const string_t&) { return scalar(json(v)); }
  bool string(string_t& v) { return scalar(json(std::move(v))); }
  bool binary(binary_t&) { return scalar(json()); }
  bool key(string_t& k) {
    switch (mode_) {
      case Mode::Build: build_key_ = std::move(k); break;
      case Mode::Record: (rdepth_ == 1 ? rkey_ : fkey_) = std::move(k); break;
      case Mode::Top:
        if (depth_ == 1) key_ = std::move(k);
        break;
      case Mode::Skip: break;
    }
    return true;
  }
  bool start_object(std::size_t) { return open(true); }
  bool start_array(std::size_t) { return open(false); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    json_error = json_error_text(e.what());
    return false;
  }

 private:
  // Top: the root object (depth 1) or the records array (depth 2); Record: in a record's object;
  // Build: a value being kept; Skip: a value passing by. Build and Skip go back to `back_`.
  enum class Mode { Top, Record, Build, Skip } mode_ = Mode::Top, back_ = Mode::Top;
  enum class Target { Format, Version, Community, Id, Type, Field, Stamp } target_ = Target::Format;
  int depth_ = 0;           // containers open at the top level (1: in the root, 2: in "records")
  bool in_records_ = false;
  bool taking_records_ = true;
  size_t record_index_ = 0;
  std::string key_;         // the current key of the root object
  // Record
  RawRecord raw_;
  bool in_record_ = false;
  int rdepth_ = 0;          // 1: the record's own keys; 2: the keys of its "fields" or "stamps"
  bool in_stamps_ = false;  // at depth 2: in "stamps", else in "fields"
  std::string rkey_, fkey_;
  // Build
  json built_;
  std::vector<json*> stack_;
  std::string build_key_;
  size_t count_ = 0;  // values kept for a top-level key, or held by the current record
  // Skip
  int skip_depth_ = 0;

  bool counted() {
    if (in_record_) {
      if (++count_ <= kMaxValuesPerRecord) return true;
      limit_error = "records[" + std::to_string(record_index_) + "]: more than " +
                    std::to_string(kMaxValuesPerRecord) + " values in one record";
      return false;
    }
    if (++count_ <= kMaxValuesPerKey) return true;
    limit_error = key_ + ": more than " + std::to_string(kMaxValuesPerKey) + " values";
    return false;
  }

  void skip(Mode back) {
    mode_ = Mode::Skip;
    back_ = back;
    skip_depth_ = 1;
  }

  // A kept value starts: a scalar completes at once, a container opens.
  bool build(Target target, Mode back, json v, bool container) {
    target_ = target;
    back_ = back;
    built_ = std::move(v);
    if (!container) return finish();
    mode_ = Mode::Build;
    stack_.clear();
    stack_.push_back(&built_);
    return true;
  }

  // An element of "records" starts. False when records are no longer taken.
  bool begin_record() {
    if (++records_seen >= kMaxRecords + 1) taking_records_ = false;  // counted to the end, not kept
    if (!taking_records_) return false;
    raw_.clear();
    in_record_ = true;
    count_ = 0;
    return true;
  }

  void end_record() {
    in_record_ = false;
    if (!on_record(record_index_++, raw_)) taking_records_ = false;
  }

  // A key of the record's object holds a scalar or starts a container (kept, skipped or entered).
  bool record_value(json v, bool container, bool object) {
    if (rdepth_ == 2) return build(in_stamps_ ? Target::Stamp : Target::Field, Mode::Record, std::move(v), container);
    if (rkey_ == "id") return build(Target::Id, Mode::Record, std::move(v), container);
    if (rkey_ == "type") return build(Target::Type, Mode::Record, std::move(v), container);
    const bool fields = rkey_ == "fields";
    if (!fields && rkey_ != "stamps") {
      if (container) skip(Mode::Record);
      return true;
    }
    (fields ? raw_.has_fields : raw_.has_stamps) = true;
    (fields ? raw_.fields : raw_.stamps).clear();
    (fields ? raw_.fields_kind : raw_.stamps_kind) = object ? nullptr : json_kind(v);
    if (object) {
      rdepth_ = 2;
      in_stamps_ = !fields;
    } else if (container) {
      skip(Mode::Record);
    }
    return true;
  }

  bool scalar(json v) {
    switch (mode_) {
      case Mode::Skip: return in_record_ ? counted() : true;
      case Mode::Record: return counted() && record_value(std::move(v), false, false);
      case Mode::Build: {
        if (!counted()) return false;
        json* top = stack_.back();
        if (top->is_array()) top->push_back(std::move(v));
        else (*top)[build_key_] = std::move(v);
        return true;
      }
      case Mode::Top: break;
    }
    if (depth_ == 0) {
      root_kind = json_kind(v);
      return true;
    }
    if (depth_ == 2 && in_records_) {
      if (!begin_record()) return true;
      if (!counted()) return false;
      raw_.kind = json_kind(v);
      end_record();
      return true;
    }
    if (depth_ == 1 && key_ == "records") {
      has_records = true;
      records_kind = json_kind(v);
      return true;
    }
    if (Target t; top_key(t)) return counted() && build(t, Mode::Top, std::move(v), false);
    return true;
  }

  bool open(bool object) {
    json container = object ? json::object() : json::array();
    switch (mode_) {
      case Mode::Skip:
        ++skip_depth_;
        return in_record_ ? counted() : true;
      case Mode::Record: return counted() && record_value(std::move(container), true, object);
      case Mode::Build: {
        if (!counted()) return false;
        json* top = stack_.back();
        if (top->is_array()) {
          top->push_back(std::move(container));
          stack_.push_back(&top->back());
        } else {
          json& slot = (*top)[build_key_];
          slot = std::move(container);
          stack_.push_back(&slot);
        }
        return true;
      }
      case Mode::Top: break;
    }
    if (depth_ == 0) {
      if (!object) {
        root_kind = json_kind(container);
        skip(Mode::Top);
        return true;
      }
      depth_ = 1;
      return true;
    }
    if (depth_ == 2 && in_records_) {
      if (!begin_record()) {
        skip(Mode::Top);
        return true;
      }
      if (!counted()) return false;
      if (object) {
        mode_ = Mode::Record;
        rdepth_ = 1;
        rkey_.clear();
        return true;
      }
      raw_.kind = json_kind(container);
      end_record();
      skip(Mode::Top);
      return true;
    }
    if (depth_ == 1 && key_ == "records") {
      has_records = true;
      if (object) {
        records_kind = json_kind(container);
        skip(Mode::Top);
      } else {
        in_records_ = true;
        depth_ = 2;
      }
      return true;
    }
    if (Target t; top_key(t)) return counted() && build(t, Mode::Top, std::move(container), true);
    skip(Mode::Top);
    return true;
  }

  bool close() {
    switch (mode_) {
      case Mode::Skip:
        if (--skip_depth_ == 0) mode_ = back_;
        return true;
      case Mode::Build:
        stack_.pop_back();
        return stack_.empty() ? finish() : true;
      case Mode::Record:
        if (rdepth_ == 2) {
          rdepth_ = 1;
        } else {
          mode_ = Mode::Top;
          end_record();
        }
        return true;
      case Mode::Top: break;
    }
    // The top level: the end of "records" or of the root.
    if (depth_ == 2) in_records_ = false;
    --depth_;
    return true;
  }

  // The root's keys that are kept.
  bool top_key(Target& t) {
    if (depth_ != 1) return false;
    if (key_ == "format") t = Target::Format, has_format = true;
    else if (key_ == "version") t = Target::Version, has_version = true;
    else if (key_ == "community") t = Target::Community, has_community = true;
    else return false;
    count_ = 0;
    return true;
  }

  // A kept value is complete.
  bool finish() {
    mode_ = back_;
    switch (target_) {
      case Target::Format: format = std::move(built_); break;
      case Target::Version: version = std::move(built_); break;
      case Target::Community: community = std::move(built_); break;
      case Target::Id: raw_.id = std::move(built_), raw_.has_id = true; break;
      case Target::Type: raw_.type = std::move(built_), raw_.has_type = true; break;
      case Target::Field: raw_.fields.emplace_back(fkey_, std::move(built_)); break;
      case Target::Stamp: raw_.stamps.emplace_back(fkey_, std::move(built_)); break;
    }
    built_ = json();
    return true;
  }
};

// Sorted by name, the last of a name kept (as a JSON object keeps the last of a key given twice).
// Files Cultivate writes are sorted already: then this only looks.
void by_name(std::vector<std::pair<std::string, json>>& v) {
  bool sorted = true;
  for (size_t i = 1; i < v.size() && sorted; ++i) sorted = v[i - 1].first < v[i].first;
  if (sorted) return;
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t out = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i + 1 < v.size() && v[i + 1].first == v[i].first) continue;
    if (out != i) v[out] = std::move(v[i]);
    ++out;
  }
  v.resize(out);
}

std::pair<std::string, json>* named(std::vector<std::pair<std::string, json>>& v, const std::string& name) {
  auto it = std::lower_bound(v.begin(), v.end(), name, [](const auto& p, const std::string& n) { return p.first < n; });
  return it != v.end() && it->first == name ? &*it : nullptr;
}

}  // namespace

// [SECTION] Import: a fast JSON reader -------------------------------------------------------------
// nlohmann/json's lexer reads a byte at a time and keeps every token's text for its messages: half
// the time of an import. This reader gives a SAX handler the same events for the same bytes, with
// strings copied in runs. It accepts only what nlohmann/json accepts (tests/unit-format.cpp and the
// fuzz target compare them); at the first thing it does not accept it stops, and parse_file reads the
// file again with nlohmann/json, whose message names the problem. Broken files are rare; fast ones not.

namespace {

template <class Sax>
class FastJson {
 public:
  FastJson(std::string_view bytes, Sax& sax) : p_(bytes.data()), end_(bytes.data() + bytes.size()), sax_(sax) {}

  enum Result { Read, Stopped, NotAccepted };  // Stopped: the handler said stop
  Result run() {
    ws();
    if (!value(0)) return stopped_ ? Stopped : NotAccepted;
    ws();
    return p_ == end_ ? Read : NotAccepted;
  }

 private:
  const char* p_;
  const char* end_;
  Sax& sax_;
  std::string buf_;
  bool stopped_ = false;

  bool event(bool go_on) {
    if (!go_on) stopped_ = true;
    return go_on;
  }
  void ws() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  bool literal(const char* word, size_t n) {
    if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
    p_ += n;
    return true;
  }

  bool value(int depth) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '{': return object(depth + 1);
      case '[': return array(depth + 1);
      case '"':
        if (!string()) return false;
        return event(sax_.string(buf_));
      case 't': return literal("true", 4) && event(sax_.boolean(true));
      case 'f': return literal("false", 5) && event(sax_.boolean(false));
      case 'n': return literal("null", 4) && event(sax_.null());
      default: return number();
    }
  }

  bool object(int depth) {
    if (depth > kMaxDepth) return false;
    ++p_;
    if (!event(sax_.start_object(std::size_t(-1)))) return false;
    ws();
    if (p_ != end_ && *p_ == '}') {
      ++p_;
      return event(sax_.end_object());
    }
    for (;;) {
      if (p_ == end_ || *p_ != '"' || !string()) return false;
      if (!event(sax_.key(buf_))) return false;
      ws();
      if (p_ == end_ || *p_ != ':') return false;
      ++p_;
      ws();
      if (!value(depth)) return false;
      ws();
      if (p_ == end_) return false;
      if (*p_ == ',') {
        ++p_;
        ws();
        continue;
      }
      if (*p_ != '}') return false;
      ++p_;
      return event(sax_.end_object());
    }
  }

  bool array(int depth) {
    if (depth > kMaxDepth) return false;
    ++p_;
    if (!event(sax_.start_array(std::size_t(-1)))) return false;
    ws();
    if (p_ != end_ && *p_ == ']') {
      ++p_;
      return event(sax_.end_array());
    }
    for (;;) {
      if (!value(depth)) return false;
      ws();
      if (p_ == end_) return false;
      if (*p_ == ',') {
        ++p_;
        ws();
        continue;
      }
      if (*p_ != ']') return false;
      ++p_;
      return event(sax_.end_array());
    }
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool u4(uint32_t& out) {
    if (end_ - p_ < 4) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = hex(p_[i]);
      if (h < 0) return false;
      out = out * 16 + static_cast<uint32_t>(h);
    }
    p_ += 4;
    return true;
  }
  // One UTF-8 sequence of 2 to 4 bytes, well formed as RFC 3629 says (no overlongs, no surrogates).
  bool utf8() {
    const auto b = [&](ptrdiff_t i) { return static_cast<unsigned char>(p_[i]); };
    const unsigned char c = b(0);
    int n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else return false;
    if (end_ - p_ < n || b(1) < lo || b(1) > hi) return false;
    for (int i = 2; i < n; ++i)
      if (b(i) < 0x80 || b(i) > 0xBF) return false;
    buf_.append(p_, static_cast<size_t>(n));
    p_ += n;
    return true;
  }

  bool string() {
    buf_.clear();
    ++p_;
    for (;;) {
      const char* run = p_;
      while (end_ - p_ >= 8 && !special8(p_)) p_ += 8;
      while (p_ != end_) {
        const unsigned char c = static_cast<unsigned char>(*p_);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++p_;
      }
      buf_.append(run, static_cast<size_t>(p_ - run));
      if (p_ == end_) return false;
      const unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        if (!utf8()) return false;
        continue;
      }
      // An escape.
      if (++p_ == end_) return false;
      const char e = *p_++;
      switch (e) {
        case '"': buf_ += '"'; break;
        case '\\': buf_ += '\\'; break;
        case '/': buf_ += '/'; break;
        case 'b': buf_ += '\b'; break;
        case 'f': buf_ += '\f'; break;
        case 'n': buf_ += '\n'; break;
        case 'r': buf_ += '\r'; break;
        case 't': buf_ += '\t'; break;
        case 'u': {
          uint32_t cp;
          if (!u4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!u4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          utf8_append(buf_, static_cast<char32_t>(cp));
          break;
        }
        default: return false;
      }
    }
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? : integers as nlohmann/json gives them (unsigned
  // when not negative, signed when negative, a float when too large for either), other numbers as
  // finite doubles.
  bool number() {
    const char* start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
    if (*p_ == '0') ++p_;
    else while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    const char* int_end = p_;
    bool is_float = false;
    if (p_ != end_ && *p_ == '.') {
      is_float = true;
      ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      is_float = true;
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (!is_float) {
      uint64_t v = 0;
      bool overflow = false;
      for (const char* d = start + (negative ? 1 : 0); d != int_end; ++d) {
        const uint64_t digit = static_cast<uint64_t>(*d - '0');
        if (v > (UINT64_MAX - digit) / 10) overflow = true;
        v = v * 10 + digit;
      }
      if (!overflow && !negative) return event(sax_.number_unsigned(v));
      if (!overflow && v <= uint64_t(1) << 63)
        return event(sax_.number_integer(v == uint64_t(1) << 63 ? INT64_MIN : -static_cast<int64_t>(v)));
    }
    const std::string token(start, p_);
    const double d = std::strtod(token.c_str(), nullptr);
    if (!std::isfinite(d)) return false;
    std::string text;
    return event(sax_.number_float(d, text));
  }
};

}  // namespace

bool fast_json_parse(std::string_view bytes, json& out) {
  out = json();
  nlohmann::detail::json_sax_dom_parser<json> dom(out, false);
  using Fast = FastJson<nlohmann::detail::json_sax_dom_parser<json>>;
  return Fast(bytes, dom).run() == Fast::Read;
}

// [SECTION] Import: records ------------------------------------------------------------------------

namespace {

// A letter, a digit, - _ : or . (without the locale lookup of std::isalnum, for every id of a file).
bool id_char(char ch) {
  const unsigned char c = static_cast<unsigned char>(ch);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == ':' || c == '.';
}

struct Reader {
  std::string error;

  bool fail(const std::string& where, const std::string& what) {
    if (error.empty()) error = where.empty() ? what : where + ": " + what;
    return false;
  }

  // `where` says where, and is only asked when something is wrong (a record's fields are many, and
  // reading them should not cost a string each).
  template <class Where>
  bool check_id_at(Where where, const json& v) {
    if (!v.is_string()) return fail(where(), std::string("expected a string id, found ") + json_kind(v));
    const std::string& s = v.get_ref<const std::string&>();
    if (s.empty() || s.size() > kMaxIdChars)
      return fail(where(), "an id has 1 to " + std::to_string(kMaxIdChars) + " characters");
    for (char c : s)
      if (!id_char(c)) return fail(where(), quote_text(s) + " is not an id (letters, digits, - _ : . only)");
    return true;
  }
  bool check_id(const std::string& where, const json& v) {
    return check_id_at([&] { return where; }, v);
  }

  template <class Where>
  bool read_stamp(Where where, json& v, Stamp& out) {
    if (!v.is_array() || v.size() != 3)
      return fail(where(), "expected a stamp [milliseconds, counter, actor]");
    if (!v[0].is_number_integer() || v[0].get<int64_t>() < 0 || v[0].get<int64_t>() > kMaxStampMs)
      return fail(where() + "[0]", "expected milliseconds, a whole number from 0");
    if (!v[1].is_number_integer() || v[1].get<int64_t>() < 0 || v[1].get<int64_t>() > 0xFFFFFFFFll)
      return fail(where() + "[1]", "expected a counter, a whole number from 0");
    if (!check_id_at([&] { return where() + "[2]"; }, v[2])) return false;
    out = Stamp{v[0].get<int64_t>(), static_cast<uint32_t>(v[1].get<int64_t>()),
                std::move(v[2].get_ref<std::string&>())};
    return true;
  }

  bool read_record(const std::string& where, RawRecord& v, std::string& id, Record& out) {
    if (v.kind) return fail(where, std::string("expected a record (an object), found ") + v.kind);
    for (auto [has, key] : {std::pair{v.has_id, "id"}, {v.has_type, "type"}, {v.has_fields, "fields"},
                            {v.has_stamps, "stamps"}})
      if (!has) return fail(where, std::string("missing \"") + key + "\"");
    if (!check_id_at([&] { return where + ".id"; }, v.id)) return false;
    id = std::move(v.id.get_ref<std::string&>());
    const json& type = v.type;
    if (!type.is_string()) return fail(where + ".type", std::string("expected a string, found ") + json_kind(type));
    out.type = type.get<std::string>();
    if (out.type.empty() || out.type.size() > 32 ||
        out.type.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos)
      return fail(where + ".type", quote_text(out.type) + " is not a record type (lower-case letters and _)");
    if (v.fields_kind) return fail(where + ".fields", std::string("expected an object, found ") + v.fields_kind);
    if (v.stamps_kind) return fail(where + ".stamps", std::string("expected an object, found ") + v.stamps_kind);
    by_name(v.fields);
    by_name(v.stamps);
    const RecordDecl* decl = record_decl(out.type);
    for (auto& field : v.fields) {
      std::string& name = field.first;  // (a structured binding cannot be captured in C++17)
      json& value = field.second;
      if (name.empty() || name.size() > 64 || !std::islower(static_cast<unsigned char>(name[0])) ||
          name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
        return fail(where + ".fields", quote_text(name) + " is not a field name (lower-case letters, digits and _)");
      std::string inside;
      if (std::string why = check_field_value(decl, name, value, inside); !why.empty())
        return fail(where + ".fields." + name + inside, why);
      auto* stamp = named(v.stamps, name);
      if (!stamp) return fail(where + ".stamps." + name, "missing: every field needs a stamp");
      Field f{std::move(value), {}};
      if (!read_stamp([&] { return where + ".stamps." + name; }, stamp->second, f.stamp))
        return false;
      out.fields.emplace_hint(out.fields.end(), std::move(name), std::move(f));
    }
    if (v.stamps.size() != out.fields.size())
      for (const auto& [name, stamp] : v.stamps)
        if (!out.fields.count(name))
          return fail(where + ".stamps." + utf8_sanitize(name), "a stamp for a field that is not there");
    return true;
  }

  // One record, as it streams in: read, checked against the community id when known, added.
  bool add_record(size_t index, RawRecord& v, Parsed& p, const std::string& community_id) {
    const std::string where = "records[" + std::to_string(index) + "]";
    std::string id;
    Record r;
    if (!read_record(where, v, id, r)) return false;
    if (!community_id.empty()) {
      if (r.type == kCommunity && id != community_id)
        return fail(where, "a community record for another community (" + quote_text(id) + ")");
      if (id == community_id && r.type != kCommunity)
        return fail(where, "the community's own id is used by a " + r.type + " record");
    }
    auto& records = p.community.records;
    // Files Cultivate writes list records in id order: each goes at the end, found in constant time.
    if (records.empty() || records.rbegin()->first < id) {
      records.emplace_hint(records.end(), std::move(id), std::move(r));
      return true;
    }
    auto it = records.find(id);
    if (it == records.end()) {
      records.emplace(std::move(id), std::move(r));
      return true;
    }
    // The same record twice, as when two copies were pasted together: merge them.
    if (it->second.type != r.type)
      return fail(where, "id " + quote_text(id) + " is used twice, by a " + it->second.type + " and a " + r.type);
    ++p.duplicates;
    Community one;
    one.records.emplace(id, std::move(r));
    merge_into(p.community, one);
    return true;
  }

  // The file's own keys, once the whole file has streamed by.
  bool read_top(const FileSax& sax, Parsed& p) {
    if (!sax.root_kind.empty())
      return fail("", "not a Cultivate community: the file holds " + sax.root_kind +
                          ", not an object with \"format\": \"cultivate.community\"");
    if (!sax.has_format) return fail("", "not a Cultivate community: \"format\" is missing");
    const json& format = sax.format;
    if (!format.is_string() || format.get<std::string>() != kFormatName)
      return fail("format", std::string("not a Cultivate community: expected \"") + kFormatName + "\", found " +
                                (format.is_string() ? quote_text(format.get<std::string>()) : json_kind(format)));
    if (!sax.has_version) return fail("version", "missing");
    const json& version = sax.version;
    if (!version.is_number_integer() || version.get<int64_t>() < 1)
      return fail("version", "expected a whole number from 1");
    if (version.get<int64_t>() > kFormatVersion) {
      p.newer_version = true;
      return fail("version", "this file is format version " + std::to_string(version.get<int64_t>()) +
                                 ", written by a newer Cultivate; this one reads version " +
                                 std::to_string(kFormatVersion) + ". Update Cultivate to open it.");
    }
    if (!sax.has_community) return fail("community", "missing (the community's id)");
    if (!check_id("community", sax.community)) return false;
    p.community.id = sax.community.get<std::string>();
    if (!sax.has_records) return fail("records", "missing");
    if (!sax.records_kind.empty()) return fail("records", "expected an array, found " + sax.records_kind);
    return true;
  }
};

}  // namespace

Parsed parse_file(std::string_view bytes) {
  Parsed p;
  if (bytes.size() > kMaxFileBytes) {
    p.error = "the file is too large: " + std::string(bytes.size() == kMaxFileBytes + 1 ? "more than " : "") +
              megabytes(bytes.size()) + "; the limit is " + megabytes(kMaxFileBytes);
    return p;
  }
  if (trim(bytes).empty()) {
    p.error = "the file is empty";
    return p;
  }
  Reader reader;
  FileSax sax;
  std::string record_error;
  // Every record checked against one community id as it came (a file may give "community" twice, the
  // last winning: then the records are checked again at the end).
  bool checked_all = true;
  std::string checked_id;
  auto hook = [&] {
    sax.on_record = [&](size_t index, RawRecord& v) {
      static const std::string none;
      const std::string& cid = sax.has_community && sax.community.is_string() ? sax.community.get_ref<const std::string&>() : none;
      if (index == 0) checked_id = cid;
      checked_all &= !cid.empty() && cid == checked_id;
      if (reader.add_record(index, v, p, cid)) return true;
      record_error = reader.error;
      return false;
    };
  };
  hook();
  try {
    if (FastJson<FileSax>(bytes, sax).run() == FastJson<FileSax>::NotAccepted) {
      // Not JSON as the fast reader reads it: from the start again, with nlohmann/json for its message.
      p = Parsed{};
      if (size_t at = too_deep_at(bytes); at != std::string_view::npos) {
        p.error = "too deeply nested: more than " + std::to_string(kMaxDepth) +
                  " levels of arrays and objects (at byte " + std::to_string(at) + ")";
        return p;
      }
      // nlohmann/json takes a NUL byte for the end of input; JSON allows none anywhere.
      if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
        p.error = "not valid JSON: a NUL byte at byte " + std::to_string(nul);
        return p;
      }
      reader = Reader{};
      sax = FileSax{};
      record_error.clear();
      checked_all = true;
      checked_id.clear();
      hook();
      json::sax_parse(bytes.begin(), bytes.end(), &sax);
    }
  } catch (const std::exception& e) {  // a check missed above; still a message, never a crash
    p = Parsed{};
    p.error = std::string("could not read the file: ") + utf8_sanitize(e.what());
    return p;
  }
  // Not JSON at all comes first, then a limit, then the file's own keys, then its records.
  Reader top;
  if (!sax.json_error.empty()) top.error = "not valid JSON: " + sax.json_error;
  else if (!sax.limit_error.empty()) top.error = sax.limit_error;
  else if (sax.records_seen > kMaxRecords)
    top.error = "records: too many records: " + std::to_string(sax.records_seen) + "; the limit is " +
                std::to_string(kMaxRecords);
  else if (top.read_top(sax, p) && !record_error.empty()) top.error = record_error;
  if (top.error.empty() && (!checked_all || checked_id != p.community.id)) {
    // The community id may come after the records in a file written by hand: check them now.
    const std::string& cid = p.community.id;
    for (const auto& [id, r] : p.community.records) {
      if (r.type == kCommunity && id != cid)
        top.fail("records", "a community record for another community (" + quote_text(id) + ")");
      else if (id == cid && r.type != kCommunity)
        top.fail("records", "the community's own id is used by a " + r.type + " record");
    }
  }
  if (!top.error.empty()) {
    const bool newer = p.newer_version;
    p = Parsed{};
    p.error = top.error;
    p.newer_version = newer;
    return p;
  }
  p.ok = true;
  return p;
}

// [SECTION] Import: checks against the receiving copy ----------------------------------------------

std::string check_compatible(const Community& into, const Community& incoming) {
  auto conflict = [&](const std::string& id, const Record& mine, const Record& theirs) -> std::string {
    if (mine.type == theirs.type || (theirs.type == kCommunity && id != into.id)) return {};
    return "record " + quote_text(id) + " is a " + mine.type + " here but a " + theirs.type + " in the file";
  };
  // Both are in id order: walking the smaller side and looking up in the other finds the same first
  // conflict, in time that follows the smaller (a new community takes a large file at no cost).
  if (into.records.size() <= incoming.records.size()) {
    for (const auto& [id, mine] : into.records)
      if (auto it = incoming.records.find(id); it != incoming.records.end())
        if (std::string why = conflict(id, mine, it->second); !why.empty()) return why;
  } else {
    for (const auto& [id, theirs] : incoming.records)
      if (auto it = into.records.find(id); it != into.records.end())
        if (std::string why = conflict(id, it->second, theirs); !why.empty()) return why;
  }
  return {};
}

// How a record is named in a message: its type and its name or title, else its id.
static std::string record_words(const std::string& id, const Record& r) {
  for (const char* f : {"name", "title", "text"})
    if (const std::string t = r.text(f); !t.empty()) return r.type + " " + quote_text(t);
  return r.type + " " + quote_text(id);
}

std::string check_stamps(const Community& incoming, int64_t now_ms) {
  const int64_t limit = now_ms + kMaxClockSkewMs;
  size_t ahead = 0;
  std::string first;
  int64_t first_ms = 0;
  for (const auto& [id, r] : incoming.records)
    for (const auto& [name, f] : r.fields)
      if (f.stamp.ms > limit) {
        if (ahead++ == 0) {
          first = record_words(id, r) + ", field " + name;
          first_ms = f.stamp.ms;
        }
      }
  if (ahead == 0) return {};
  return std::to_string(ahead) + (ahead == 1 ? " change is" : " changes are") +
         " dated more than a day after this device's clock (the first: " + first + ", dated " + format_utc(first_ms) +
         "). A copy from a device whose clock runs ahead would win every later edit, so it is not merged; ask for a "
         "copy made after that device's clock was set right.";
}

static std::string fits(size_t records, size_t bytes) {
  if (records > kMaxRecords)
    return std::to_string(records) + " records, over the " + std::to_string(kMaxRecords) + " a copy may have";
  if (bytes > kMaxFileBytes)
    return megabytes(bytes) + ", over the " + megabytes(kMaxFileBytes) + " a copy may have";
  return {};
}

std::string check_fits(const Community& c, size_t* bytes_out) {
  const size_t bytes = to_file(c).size();
  if (bytes_out) *bytes_out = bytes;
  return fits(c.records.size(), bytes);
}

Preview preview_import(const Doc& d, std::string_view bytes, int64_t now_ms) {
  Preview out;
  Parsed p = parse_file(bytes);
  if (!p.ok) {
    out.error = p.error;
    return out;
  }
  return preview_community(d, std::move(p.community), now_ms);
}

Preview preview_community(const Doc& d, Community incoming, int64_t now_ms) {
  Preview out;
  if (incoming.id != d.community.id) {
    out.other_community = true;
    out.incoming_name = community_record(incoming).text("name");
  }
  if (std::string why = check_compatible(d.community, incoming); !why.empty()) {
    out.error = why;
    return out;
  }
  // What the merge would make, measured without making it.
  MergeEffect e = merge_effect(d.community, incoming);
  if (e.latest_ms > std::max(now_ms, d.clock.ms) + kMaxClockSkewMs) {
    out.error = check_stamps(incoming, std::max(now_ms, d.clock.ms));
    return out;
  }
  out.merged_bytes = e.bytes;
  if (std::string why = fits(e.records, e.bytes); !why.empty()) {
    out.error = "this would make the community too large to store and open again (" + why + "). Nothing was changed.";
    return out;
  }
  out.diff = std::move(e.changes);
  out.community = std::move(incoming);
  out.ok = true;
  return out;
}

Preview import_into(Doc& d, std::string_view bytes, const std::string& label, int64_t now_ms) {
  Preview out = preview_import(d, bytes, now_ms);
  if (out.ok) out.diff = doc_import(d, out.community, label);
  return out;
}

// [SECTION] Statistics -----------------------------------------------------------------------------

int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

std::string format_utc(int64_t ms) {
  int64_t secs = ms / 1000, days = secs / 86400, rem = secs % 86400;
  if (rem < 0) { rem += 86400; --days; }
  int y, m, d;
  civil_from_days(days, y, m, d);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02lld:%02lld UTC", y, m, d, static_cast<long long>(rem / 3600),
                static_cast<long long>(rem / 60 % 60));
  return buf;
}

json stats(const Community& c) {
  json types = json::object();
  std::set<std::string> actors;
  size_t fields = 0;
  for (const auto& [id, r] : c.records) {
    json& t = types[r.type];
    if (t.is_null()) t = {{"label", plural_label(r.type)}, {"live", 0}, {"deleted", 0}};
    t[r.deleted() ? "deleted" : "live"] = t[r.deleted() ? "deleted" : "live"].get<int>() + 1;
    for (const auto& [n, f] : r.fields) {
      actors.insert(f.stamp.actor);
      ++fields;
    }
  }
  const int64_t last = last_edit_ms(c);
  return {{"community", c.id},
          {"name", community_record(c).text("name")},
          {"records", c.records.size()},
          {"fields", fields},
          {"types", types},
          {"writers", actors.size()},
          {"last_edit", last ? format_utc(last) : "never"}};
}

}  // namespace cv
