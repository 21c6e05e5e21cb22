// format_read.cpp: reading a community file (parse_file in format.h): limits checked before parsing,
// a fast JSON reader with nlohmann/json behind it for messages, and records built and checked as
// they stream in, one at a time.
//  [SECTION] Import: limits before parsing
//  [SECTION] Import: a streaming reader (one record in memory at a time)
//  [SECTION] Import: a fast JSON reader
//  [SECTION] Import: records
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>

#include "core/format.h"
#include "core/format_internal.h"
#include "core/format_json.h"
#include "core/registry.h"

namespace cv {

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
// A stamp as the file gave it: read straight from the bytes when it is plainly [ms, counter, "actor"]
// (nearly always: no JSON array is built for it), else the JSON value, checked like any other.
struct RawStamp {
  json value;
  bool straight = false;
  uint64_t ms = 0, counter = 0;
  Actor actor;
};

struct RawRecord {
  const char* kind = nullptr;  // what the record was when not an object
  bool has_id = false, has_type = false, has_fields = false, has_stamps = false;
  json id, type;
  const char* fields_kind = nullptr;  // what "fields" held when not an object
  const char* stamps_kind = nullptr;
  std::vector<std::pair<std::string, json>> fields;
  std::vector<std::pair<std::string, RawStamp>> stamps;

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
  // FastJson reads the next value itself when it is a stamp of the plain shape (FastJson::stamp).
  bool stamp_next() const { return mode_ == Mode::Record && rdepth_ == 2 && in_stamps_; }
  bool stamp(uint64_t ms, uint64_t counter, const std::string& actor) {
    for (int i = 0; i < 4; ++i)  // the array and its three values, as when read the general way
      if (!counted()) return false;
    raw_.stamps.emplace_back(fkey_, RawStamp{json(), true, ms, counter, Actor(actor)});
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
    if (fields) raw_.fields.clear();
    else raw_.stamps.clear();
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
      case Target::Stamp: raw_.stamps.emplace_back(fkey_, RawStamp{std::move(built_), false, 0, 0, Actor()}); break;
    }
    built_ = json();
    return true;
  }
};

// Sorted by name, the last of a name kept (as a JSON object keeps the last of a key given twice).
// Files Cultivate writes are sorted already: then this only looks.
template <class T>
void by_name(std::vector<std::pair<std::string, T>>& v) {
  bool sorted = true;
  for (size_t i = 1; i < v.size() && sorted; ++i) sorted = v[i - 1].first < v[i].first;
  if (sorted) return;
  // A record's dozen fields are sorted in place: stable_sort took a buffer from the heap for each
  // record of a file written by another tool, in another order.
  if (v.size() <= 32) {
    for (size_t i = 1; i < v.size(); ++i)
      for (size_t j = i; j > 0 && v[j].first < v[j - 1].first; --j) std::swap(v[j], v[j - 1]);
  } else {
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  size_t out = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i + 1 < v.size() && v[i + 1].first == v[i].first) continue;
    if (out != i) v[out] = std::move(v[i]);
    ++out;
  }
  v.resize(out);
}

template <class T>
std::pair<std::string, T>* named(std::vector<std::pair<std::string, T>>& v, const std::string& name) {
  auto it = std::lower_bound(v.begin(), v.end(), name, [](const auto& p, const std::string& n) { return p.first < n; });
  return it != v.end() && it->first == name ? &*it : nullptr;
}

}  // namespace

// [SECTION] Import: a fast JSON reader (format_json.h) ---------------------------------------------
bool fast_json_parse(std::string_view bytes, json& out) {
  out = json();
  nlohmann::detail::json_sax_dom_parser<json> dom(out, false);
  using Fast = FastJson<nlohmann::detail::json_sax_dom_parser<json>>;
  return Fast(bytes, dom).run() == Fast::Read;
}

// [SECTION] Import: records ------------------------------------------------------------------------

namespace {

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
  bool read_stamp(Where where, RawStamp& raw, Stamp& out) {
    if (raw.straight) {  // whole numbers and an id already: only their ranges are left to check
      if (raw.ms > static_cast<uint64_t>(kMaxStampMs))
        return fail(where() + "[0]", "expected milliseconds, a whole number from 0");
      if (raw.counter > 0xFFFFFFFFull) return fail(where() + "[1]", "expected a counter, a whole number from 0");
      out = Stamp{static_cast<int64_t>(raw.ms), static_cast<uint32_t>(raw.counter), std::move(raw.actor)};
      return true;
    }
    const json& v = raw.value;
    if (!v.is_array() || v.size() != 3)
      return fail(where(), "expected a stamp [milliseconds, counter, actor]");
    if (!v[0].is_number_integer() || v[0].get<int64_t>() < 0 || v[0].get<int64_t>() > kMaxStampMs)
      return fail(where() + "[0]", "expected milliseconds, a whole number from 0");
    if (!v[1].is_number_integer() || v[1].get<int64_t>() < 0 || v[1].get<int64_t>() > 0xFFFFFFFFll)
      return fail(where() + "[1]", "expected a counter, a whole number from 0");
    if (!check_id_at([&] { return where() + "[2]"; }, v[2])) return false;
    out = Stamp{v[0].get<int64_t>(), static_cast<uint32_t>(v[1].get<int64_t>()),
                Actor(v[2].get_ref<const std::string&>())};
    return true;
  }

  bool read_record(size_t index, RawRecord& v, std::string& id, Record& out) {
    // Where, in words: made only for a message (a string per record costs an allocation each).
    auto where = [index] { return "records[" + std::to_string(index) + "]"; };
    if (v.kind) return fail(where(), std::string("expected a record (an object), found ") + v.kind);
    for (auto [has, key] : {std::pair{v.has_id, "id"}, {v.has_type, "type"}, {v.has_fields, "fields"},
                            {v.has_stamps, "stamps"}})
      if (!has) return fail(where(), std::string("missing \"") + key + "\"");
    if (!check_id_at([&] { return where() + ".id"; }, v.id)) return false;
    id = std::move(v.id.get_ref<std::string&>());
    json& type = v.type;
    if (!type.is_string()) return fail(where() + ".type", std::string("expected a string, found ") + json_kind(type));
    out.type = std::move(type.get_ref<std::string&>());
    if (out.type.empty() || out.type.size() > 32 ||
        !std::all_of(out.type.begin(), out.type.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; }))
      return fail(where() + ".type", quote_text(out.type) + " is not a record type (lower-case letters and _)");
    if (v.fields_kind) return fail(where() + ".fields", std::string("expected an object, found ") + v.fields_kind);
    if (v.stamps_kind) return fail(where() + ".stamps", std::string("expected an object, found ") + v.stamps_kind);
    by_name(v.fields);
    by_name(v.stamps);
    const RecordDecl* decl = record_decl(out.type);
    out.fields.reserve(v.fields.size());
    for (auto& field : v.fields) {
      std::string& name = field.first;  // (a structured binding cannot be captured in C++17)
      json& value = field.second;
      // By comparisons, not find_first_not_of's search of a set: a field each of 60,000 records.
      if (name.empty() || name.size() > 64 || !(name[0] >= 'a' && name[0] <= 'z') ||
          !std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }))
        return fail(where() + ".fields", quote_text(name) + " is not a field name (lower-case letters, digits and _)");
      std::string inside;
      if (std::string why = check_field_value(decl, name, value, inside); !why.empty())
        return fail(where() + ".fields." + name + inside, why);
      auto* stamp = named(v.stamps, name);
      if (!stamp) return fail(where() + ".stamps." + name, "missing: every field needs a stamp");
      Field f{std::move(value), {}};
      if (!read_stamp([&] { return where() + ".stamps." + name; }, stamp->second, f.stamp))
        return false;
      out.fields.emplace_hint(out.fields.end(), std::move(name), std::move(f));
    }
    if (v.stamps.size() != out.fields.size())
      for (const auto& [name, stamp] : v.stamps)
        if (!out.fields.count(name))
          return fail(where() + ".stamps." + utf8_sanitize(name), "a stamp for a field that is not there");
    return true;
  }

  // One record, as it streams in: read, checked against the community id when known, added.
  bool add_record(size_t index, RawRecord& v, Parsed& p, const std::string& community_id) {
    auto where = [index] { return "records[" + std::to_string(index) + "]"; };
    std::string id;
    Record r;
    if (!read_record(index, v, id, r)) return false;
    if (!community_id.empty()) {
      if (r.type == kCommunity && id != community_id)
        return fail(where(), "a community record for another community (" + quote_text(id) + ")");
      if (id == community_id && r.type != kCommunity)
        return fail(where(), "the community's own id is used by a " + r.type + " record");
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
      return fail(where(), "id " + quote_text(id) + " is used twice, by a " + it->second.type + " and a " + r.type);
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
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {  // not trim(): it would copy the file
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

}  // namespace cv
