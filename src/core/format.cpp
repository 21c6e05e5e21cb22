// format.cpp: see format.h.
//  [SECTION] Export
//  [SECTION] Import: limits before parsing
//  [SECTION] Import: a streaming reader (one record in memory at a time)
//  [SECTION] Import: records
//  [SECTION] Import: checks against the receiving copy
//  [SECTION] Statistics
#include "core/format.h"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <functional>
#include <set>

#include "core/registry.h"
#include "core/text.h"

namespace cv {

namespace {

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
  std::string scratch;
  Writer w(scratch);
  append_head(w, c.id);
  e.bytes = scratch.size();
  auto count = [&](const std::string& id, const Record& r) {
    scratch.clear();
    append_record(w, id, r, e.records == 0);
    e.bytes += scratch.size();
    ++e.records;
  };
  auto a = c.records.begin();
  auto b = incoming.records.begin();
  while (a != c.records.end() || b != incoming.records.end()) {
    if (b != incoming.records.end() && b->second.type == kCommunity && b->first != c.id) {
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
      for (const auto& [name, f] : r.fields)
        if (f.value != (name == kDeletedField ? json(true) : json())) {
          changed = true;
          ++e.changes.fields;
        }
      if (changed) e.changes.by_type[r.type].added += r.deleted() ? 0 : 1;  // as diff(): the type is listed
      count(b->first, r);
      ++b;
    } else {
      // Held on both sides: a copy only when something of theirs wins.
      const Record& mine = a->second;
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
  // Each record as it completes: index and value. False stops taking records (the rest are skipped).
  std::function<bool(size_t, json&)> on_record;

  bool null() { return scalar(json()); }
  bool boolean(bool v) { return scalar(json(v)); }
  bool number_integer(number_integer_t v) { return scalar(json(v)); }
  bool number_unsigned(number_unsigned_t v) { return scalar(json(v)); }
  bool number_float(number_float_t v, const string_t&) { return scalar(json(v)); }
  bool string(string_t& v) { return scalar(json(std::move(v))); }
  bool binary(binary_t&) { return scalar(json()); }
  bool key(string_t& k) {
    if (mode_ == Mode::Build) build_key_ = std::move(k);
    else if (mode_ == Mode::Top && depth_ == 1) key_ = std::move(k);
    return true;
  }
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    json_error = json_error_text(e.what());
    return false;
  }

 private:
  // Top: the root object (depth 1) or the records array (depth 2); Build: a value being kept;
  // Skip: a value passing by.
  enum class Mode { Top, Build, Skip } mode_ = Mode::Top;
  enum class Target { Format, Version, Community, Record } target_ = Target::Format;
  int depth_ = 0;           // containers open at the top level (1: in the root, 2: in "records")
  bool in_records_ = false;
  bool taking_records_ = true;
  size_t record_index_ = 0;
  std::string key_;         // the current key of the root object
  // Build
  json built_;
  std::vector<json*> stack_;
  std::string build_key_;
  size_t count_ = 0, cap_ = 0;
  // Skip
  int skip_depth_ = 0;

  // Where a value that starts now goes.
  void choose() {
    mode_ = Mode::Skip;
    if (depth_ == 2 && in_records_) {
      if (++records_seen >= kMaxRecords + 1) taking_records_ = false;  // counted to the end, not kept
      if (!taking_records_) return;
      target_ = Target::Record;
      cap_ = kMaxValuesPerRecord;
    } else if (depth_ == 1) {
      if (key_ == "format") target_ = Target::Format, has_format = true;
      else if (key_ == "version") target_ = Target::Version, has_version = true;
      else if (key_ == "community") target_ = Target::Community, has_community = true;
      else return;
      cap_ = kMaxValuesPerKey;
    } else {
      return;
    }
    mode_ = Mode::Build;
    built_ = json();
    stack_.clear();
    count_ = 0;
  }

  bool counted() {
    if (++count_ <= cap_) return true;
    limit_error = target_ == Target::Record
                      ? "records[" + std::to_string(record_index_) + "]: more than " + std::to_string(kMaxValuesPerRecord) +
                            " values in one record"
                      : key_ + ": more than " + std::to_string(kMaxValuesPerKey) + " values";
    return false;
  }

  bool scalar(json v) {
    if (mode_ == Mode::Skip) return true;
    if (mode_ == Mode::Top) {
      if (depth_ == 0) {
        root_kind = json_kind(v);
        return true;
      }
      if (depth_ == 1 && key_ == "records") {
        has_records = true;
        records_kind = json_kind(v);
        return true;
      }
      choose();
      if (mode_ == Mode::Skip) {
        mode_ = Mode::Top;
        return true;
      }
    }
    if (!counted()) return false;
    if (stack_.empty()) {
      built_ = std::move(v);
      return finish();
    }
    json* top = stack_.back();
    if (top->is_array()) top->push_back(std::move(v));
    else (*top)[build_key_] = std::move(v);
    return true;
  }

  bool open(json container) {
    if (mode_ == Mode::Skip) {
      ++skip_depth_;
      return true;
    }
    if (mode_ == Mode::Top) {
      if (depth_ == 0) {
        if (!container.is_object()) {
          root_kind = json_kind(container);
          mode_ = Mode::Skip;
          skip_depth_ = 1;
          return true;
        }
        depth_ = 1;
        return true;
      }
      if (depth_ == 1 && key_ == "records") {
        has_records = true;
        if (container.is_array()) {
          in_records_ = true;
          depth_ = 2;
        } else {
          records_kind = json_kind(container);
          mode_ = Mode::Skip;
          skip_depth_ = 1;
        }
        return true;
      }
      choose();
      if (mode_ == Mode::Skip) {
        skip_depth_ = 1;
        return true;
      }
    }
    if (!counted()) return false;
    if (stack_.empty()) {
      built_ = std::move(container);
      stack_.push_back(&built_);
      return true;
    }
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

  bool close() {
    if (mode_ == Mode::Skip) {
      if (--skip_depth_ == 0) mode_ = Mode::Top;
      return true;
    }
    if (mode_ == Mode::Build) {
      stack_.pop_back();
      return stack_.empty() ? finish() : true;
    }
    // The top level: the end of "records" or of the root.
    if (depth_ == 2) in_records_ = false;
    --depth_;
    return true;
  }

  // A kept value is complete.
  bool finish() {
    mode_ = Mode::Top;
    switch (target_) {
      case Target::Format: format = std::move(built_); break;
      case Target::Version: version = std::move(built_); break;
      case Target::Community: community = std::move(built_); break;
      case Target::Record:
        if (!on_record(record_index_++, built_)) taking_records_ = false;
        break;
    }
    built_ = json();
    return true;
  }
};

}  // namespace

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
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.'))
        return fail(where(), quote_text(s) + " is not an id (letters, digits, - _ : . only)");
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

  bool read_record(const std::string& where, json& v, std::string& id, Record& out) {
    if (!v.is_object()) return fail(where, std::string("expected a record (an object), found ") + json_kind(v));
    for (const char* key : {"id", "type", "fields", "stamps"})
      if (!v.contains(key)) return fail(where, std::string("missing \"") + key + "\"");
    if (!check_id_at([&] { return where + ".id"; }, v["id"])) return false;
    id = v["id"].get<std::string>();
    const json& type = v["type"];
    if (!type.is_string()) return fail(where + ".type", std::string("expected a string, found ") + json_kind(type));
    out.type = type.get<std::string>();
    if (out.type.empty() || out.type.size() > 32 ||
        out.type.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos)
      return fail(where + ".type", quote_text(out.type) + " is not a record type (lower-case letters and _)");
    json& fields = v["fields"];
    json& stamps = v["stamps"];
    if (!fields.is_object()) return fail(where + ".fields", std::string("expected an object, found ") + json_kind(fields));
    if (!stamps.is_object()) return fail(where + ".stamps", std::string("expected an object, found ") + json_kind(stamps));
    for (auto it = fields.begin(); it != fields.end(); ++it) {
      const std::string& name = it.key();
      if (name.empty() || name.size() > 64 || !std::islower(static_cast<unsigned char>(name[0])) ||
          name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
        return fail(where + ".fields", quote_text(name) + " is not a field name (lower-case letters, digits and _)");
      std::string inside;
      if (std::string why = check_field_value(out.type, name, it.value(), inside); !why.empty())
        return fail(where + ".fields." + name + inside, why);
      auto stamp = stamps.find(name);
      if (stamp == stamps.end()) return fail(where + ".stamps." + name, "missing: every field needs a stamp");
      Field f{std::move(it.value()), {}};
      if (!read_stamp([&] { return where + ".stamps." + name; }, *stamp, f.stamp)) return false;
      out.fields.emplace_hint(out.fields.end(), name, std::move(f));
    }
    for (auto it = stamps.begin(); it != stamps.end(); ++it)
      if (!fields.contains(it.key()))
        return fail(where + ".stamps." + utf8_sanitize(it.key()), "a stamp for a field that is not there");
    return true;
  }

  // One record, as it streams in: read, checked against the community id when known, added.
  bool add_record(size_t index, json& v, Parsed& p, const std::string& community_id) {
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
  if (size_t at = too_deep_at(bytes); at != std::string_view::npos) {
    p.error = "too deeply nested: more than " + std::to_string(kMaxDepth) + " levels of arrays and objects (at byte " +
              std::to_string(at) + ")";
    return p;
  }
  // nlohmann/json takes a NUL byte for the end of input; JSON allows none anywhere.
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    p.error = "not valid JSON: a NUL byte at byte " + std::to_string(nul);
    return p;
  }
  Reader reader;
  FileSax sax;
  std::string record_error;
  sax.on_record = [&](size_t index, json& v) {
    const std::string cid = sax.has_community && sax.community.is_string() ? sax.community.get<std::string>() : "";
    if (reader.add_record(index, v, p, cid)) return true;
    record_error = reader.error;
    return false;
  };
  try {
    json::sax_parse(bytes.begin(), bytes.end(), &sax);
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
  if (top.error.empty()) {
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
  for (const auto& [id, r] : incoming.records) {
    auto it = into.records.find(id);
    if (it != into.records.end() && it->second.type != r.type && !(r.type == kCommunity && id != into.id))
      return "record " + quote_text(id) + " is a " + it->second.type + " here but a " + r.type + " in the file";
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
  if (std::string why = check_stamps(incoming, std::max(now_ms, d.clock.ms)); !why.empty()) {
    out.error = why;
    return out;
  }
  // What the merge would make, measured without making it.
  MergeEffect e = merge_effect(d.community, incoming);
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
