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
      case '{': return container(true, depth + 1);
      case '[': return container(false, depth + 1);
      case '"':
        if (!string()) return false;
        return event(sax_.string(buf_));
      case 't': return literal("true", 4) && event(sax_.boolean(true));
      case 'f': return literal("false", 5) && event(sax_.boolean(false));
      case 'n': return literal("null", 4) && event(sax_.null());
      default: return number();
    }
  }

  // An object or an array: its members (key, colon, value) or elements, separated by commas.
  bool container(bool object, int depth) {
    if (depth > kMaxDepth) return false;
    const char close = object ? '}' : ']';
    ++p_;
    if (!event(object ? sax_.start_object(std::size_t(-1)) : sax_.start_array(std::size_t(-1)))) return false;
    ws();
    for (bool first = true;; first = false) {
      if (first && p_ != end_ && *p_ == close) break;
      if (object) {
        if (p_ == end_ || *p_ != '"' || !string() || !event(sax_.key(buf_))) return false;
        ws();
        if (p_ == end_ || *p_ != ':') return false;
        ++p_;
        ws();
      }
      if (!value(depth)) return false;
      ws();
      if (p_ == end_) return false;
      if (*p_ == close) break;
      if (*p_ != ',') return false;
      ++p_;
      ws();
    }
    ++p_;
    return event(object ? sax_.end_object() : sax_.end_array());
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
                Actor(v[2].get_ref<const std::string&>())};
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

}  // namespace cv
