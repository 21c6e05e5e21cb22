// format.cpp: see format.h.
//  [SECTION] Field kinds of version 1
//  [SECTION] Export
//  [SECTION] Import: limits before parsing
//  [SECTION] Import: records
//  [SECTION] Statistics
#include "core/format.h"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <set>

#include "core/text.h"

namespace cv {

// [SECTION] Field kinds of version 1 ---------------------------------------------------------------

namespace {

enum class Kind { Any, Text, Bool, Texts, Number };

struct FieldSpec {
  const char* type;  // nullptr: every record type
  const char* field;
  Kind kind;
};

// The fields this version knows. Fields and record types it does not know are kept as they are
// (a newer Cultivate may have written them) and merge like the rest.
constexpr FieldSpec kFields[] = {
    {nullptr, "deleted", Kind::Bool},
    {"community", "name", Kind::Text},
    {"community", "purpose_why", Kind::Text},
    {"community", "purpose_learn", Kind::Text},
    {"community", "purpose_share", Kind::Text},
    {"member", "name", Kind::Text},
    {"member", "contact", Kind::Text},
    {"member", "roles", Kind::Texts},
    {"member", "notes", Kind::Text},
    {"member", "availability", Kind::Text},
    {"community", "vote_budget", Kind::Number},
    {"community", "shared_threshold", Kind::Number},
    {"community", "first_topic", Kind::Text},
    {"community", "first_meeting", Kind::Text},
    {"objective", "member", Kind::Text},
    {"objective", "text", Kind::Text},
    {"objective", "group", Kind::Text},
    {"problem", "member", Kind::Text},
    {"problem", "text", Kind::Text},
    {"topic", "title", Kind::Text},
    {"topic", "description", Kind::Text},
    {"topic", "proposed_by", Kind::Text},
    {"topic", "source", Kind::Text},
    {"topic", "state", Kind::Text},
    {"vote", "topic", Kind::Text},
    {"vote", "member", Kind::Text},
    {"vote", "dots", Kind::Number},
    {"skill", "member", Kind::Text},
    {"skill", "text", Kind::Text},
    {"skill", "offer", Kind::Text},
    {"resource", "member", Kind::Text},
    {"resource", "text", Kind::Text},
    {"meeting", "title", Kind::Text},
    {"meeting", "date", Kind::Text},
    {"meeting", "time", Kind::Text},
    {"meeting", "place", Kind::Text},
    {"meeting", "topic", Kind::Text},
    {"meeting", "kind", Kind::Text},
    {"meeting", "topics", Kind::Texts},
    {"meeting", "slot", Kind::Number},
    {"meeting", "every_weeks", Kind::Number},
    {"meeting", "series_count", Kind::Number},
    {"meeting", "outcomes", Kind::Text},
    {"meeting", "run_block", Kind::Text},
    {"meeting", "run_at", Kind::Number},
    {"meeting", "run_paused", Kind::Number},
    {"meeting", "run_extra", Kind::Number},
    {"block", "meeting", Kind::Text},
    {"block", "kind", Kind::Text},
    {"block", "title", Kind::Text},
    {"block", "notes", Kind::Text},
    {"block", "lead", Kind::Text},
    {"block", "minutes", Kind::Number},
    {"block", "position", Kind::Number},
    {"block", "group_size", Kind::Number},
    {"block", "debrief", Kind::Text},
    {"parking", "meeting", Kind::Text},
    {"parking", "text", Kind::Text},
    {"guideline", "text", Kind::Text},
    {"guideline", "why", Kind::Text},
    {"guideline", "position", Kind::Number},
    {"ack", "member", Kind::Text},
    {"ack", "version", Kind::Text},
    {"attendance", "meeting", Kind::Text},
    {"attendance", "member", Kind::Text},
    {"attendance", "present", Kind::Bool},
    {"action", "meeting", Kind::Text},
    {"action", "text", Kind::Text},
    {"action", "owner", Kind::Text},
    {"action", "due", Kind::Text},
    {"action", "done", Kind::Bool},
    {"breakout", "session", Kind::Text},
    {"breakout", "round", Kind::Number},
};

Kind kind_of(const std::string& type, const std::string& field) {
  for (const FieldSpec& s : kFields)
    if ((!s.type || type == s.type) && field == s.field) return s.kind;
  return Kind::Any;
}

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
// line per field and per stamp.
std::string to_file(const Community& c) {
  auto str = [](const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::replace); };
  std::string out;
  out.reserve(256 + c.records.size() * 256);
  out += "{\n  \"format\": \"";
  out += kFormatName;
  out += "\",\n  \"version\": " + std::to_string(kFormatVersion) + ",\n  \"community\": " + str(c.id) +
         ",\n  \"records\": [";
  bool first_record = true;
  for (const auto& [id, r] : c.records) {
    out += first_record ? "\n" : ",\n";
    first_record = false;
    out += "    {\n      \"id\": " + str(id) + ",\n      \"type\": " + str(r.type) + ",\n      \"fields\": {";
    bool first = true;
    for (const auto& [name, f] : r.fields) {
      out += (first ? "\n        " : ",\n        ") + str(name) + ": " + str(f.value);
      first = false;
    }
    out += r.fields.empty() ? "},\n      \"stamps\": {" : "\n      },\n      \"stamps\": {";
    first = true;
    for (const auto& [name, f] : r.fields) {
      out += (first ? "\n        " : ",\n        ") + str(name) + ": [" + std::to_string(f.stamp.ms) + ", " +
             std::to_string(f.stamp.counter) + ", " + str(f.stamp.actor) + "]";
      first = false;
    }
    out += r.fields.empty() ? "}\n    }" : "\n      }\n    }";
  }
  out += c.records.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
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

static std::string mb(size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

// [SECTION] Import: records ------------------------------------------------------------------------

namespace {

struct Reader {
  std::string error;

  bool fail(const std::string& where, const std::string& what) {
    if (error.empty()) error = where.empty() ? what : where + ": " + what;
    return false;
  }

  // Every string anywhere in v (keys too) within the length limit.
  bool check_strings(const std::string& where, const json& v) {
    if (v.is_string()) {
      const std::string& s = v.get_ref<const std::string&>();
      if (s.size() > kMaxStringChars && utf8_length(s) > kMaxStringChars)
        return fail(where, "text is longer than " + std::to_string(kMaxStringChars) + " characters");
      return true;
    }
    if (v.is_array()) {
      for (size_t i = 0; i < v.size(); ++i)
        if (!check_strings(where + "[" + std::to_string(i) + "]", v[i])) return false;
    }
    if (v.is_object()) {
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (it.key().size() > kMaxStringChars) return fail(where, "a key is longer than the limit");
        if (!check_strings(where + "." + it.key(), it.value())) return false;
      }
    }
    return true;
  }

  bool check_id(const std::string& where, const json& v) {
    if (!v.is_string()) return fail(where, std::string("expected a string id, found ") + json_kind(v));
    const std::string& s = v.get_ref<const std::string&>();
    if (s.empty() || s.size() > kMaxIdChars)
      return fail(where, "an id has 1 to " + std::to_string(kMaxIdChars) + " characters");
    for (char c : s)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.'))
        return fail(where, quote_text(s) + " is not an id (letters, digits, - _ : . only)");
    return true;
  }

  bool check_value(const std::string& where, const std::string& type, const std::string& field, const json& v) {
    if (v.is_null()) return true;  // "not set" (an undone write)
    switch (kind_of(type, field)) {
      case Kind::Text:
        if (!v.is_string()) return fail(where, std::string("expected a string, found ") + json_kind(v));
        break;
      case Kind::Bool:
        if (!v.is_boolean()) return fail(where, std::string("expected true or false, found ") + json_kind(v));
        break;
      case Kind::Number:
        if (!v.is_number()) return fail(where, std::string("expected a number, found ") + json_kind(v));
        break;
      case Kind::Texts:
        if (!v.is_array()) return fail(where, std::string("expected a list of strings, found ") + json_kind(v));
        for (size_t i = 0; i < v.size(); ++i)
          if (!v[i].is_string())
            return fail(where + "[" + std::to_string(i) + "]",
                        std::string("expected a string, found ") + json_kind(v[i]));
        break;
      case Kind::Any:
        break;
    }
    return check_strings(where, v);
  }

  bool read_stamp(const std::string& where, const json& v, Stamp& out) {
    if (!v.is_array() || v.size() != 3)
      return fail(where, "expected a stamp [milliseconds, counter, actor]");
    if (!v[0].is_number_integer() || v[0].get<int64_t>() < 0 || v[0].get<int64_t>() > (int64_t(1) << 53))
      return fail(where + "[0]", "expected milliseconds, a whole number from 0");
    if (!v[1].is_number_integer() || v[1].get<int64_t>() < 0 || v[1].get<int64_t>() > 0xFFFFFFFFll)
      return fail(where + "[1]", "expected a counter, a whole number from 0");
    if (!check_id(where + "[2]", v[2])) return false;
    out = Stamp{v[0].get<int64_t>(), static_cast<uint32_t>(v[1].get<int64_t>()), v[2].get<std::string>()};
    return true;
  }

  bool read_record(const std::string& where, const json& v, std::string& id, Record& out) {
    if (!v.is_object()) return fail(where, std::string("expected a record (an object), found ") + json_kind(v));
    for (const char* key : {"id", "type", "fields", "stamps"})
      if (!v.contains(key)) return fail(where, std::string("missing \"") + key + "\"");
    if (!check_id(where + ".id", v["id"])) return false;
    id = v["id"].get<std::string>();
    const json& type = v["type"];
    if (!type.is_string()) return fail(where + ".type", std::string("expected a string, found ") + json_kind(type));
    out.type = type.get<std::string>();
    if (out.type.empty() || out.type.size() > 32 ||
        out.type.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos)
      return fail(where + ".type", quote_text(out.type) + " is not a record type (lower-case letters and _)");
    const json& fields = v["fields"];
    const json& stamps = v["stamps"];
    if (!fields.is_object()) return fail(where + ".fields", std::string("expected an object, found ") + json_kind(fields));
    if (!stamps.is_object()) return fail(where + ".stamps", std::string("expected an object, found ") + json_kind(stamps));
    for (auto it = fields.begin(); it != fields.end(); ++it) {
      const std::string& name = it.key();
      const std::string fw = where + ".fields." + utf8_sanitize(name);
      if (name.empty() || name.size() > 64 || !std::islower(static_cast<unsigned char>(name[0])) ||
          name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
        return fail(where + ".fields", quote_text(name) + " is not a field name (lower-case letters, digits and _)");
      if (!check_value(fw, out.type, name, it.value())) return false;
      if (!stamps.contains(name)) return fail(where + ".stamps." + name, "missing: every field needs a stamp");
      Field f{it.value(), {}};
      if (!read_stamp(where + ".stamps." + name, stamps[name], f.stamp)) return false;
      out.fields.emplace(name, std::move(f));
    }
    for (auto it = stamps.begin(); it != stamps.end(); ++it)
      if (!fields.contains(it.key()))
        return fail(where + ".stamps." + utf8_sanitize(it.key()), "a stamp for a field that is not there");
    return true;
  }

  bool read_file(const json& root, Parsed& p) {
    if (!root.is_object())
      return fail("", std::string("not a Cultivate community: the file holds ") + json_kind(root) +
                          ", not an object with \"format\": \"cultivate.community\"");
    if (!root.contains("format"))
      return fail("", "not a Cultivate community: \"format\" is missing");
    const json& format = root["format"];
    if (!format.is_string() || format.get<std::string>() != kFormatName)
      return fail("format", std::string("not a Cultivate community: expected \"") + kFormatName + "\", found " +
                                (format.is_string() ? quote_text(format.get<std::string>()) : json_kind(format)));
    if (!root.contains("version")) return fail("version", "missing");
    const json& version = root["version"];
    if (!version.is_number_integer() || version.get<int64_t>() < 1)
      return fail("version", "expected a whole number from 1");
    if (version.get<int64_t>() > kFormatVersion)
      return fail("version", "this file is format version " + std::to_string(version.get<int64_t>()) +
                                 ", written by a newer Cultivate; this one reads version " +
                                 std::to_string(kFormatVersion) + ". Update Cultivate to open it.");
    if (!root.contains("community")) return fail("community", "missing (the community's id)");
    if (!check_id("community", root["community"])) return false;
    p.community.id = root["community"].get<std::string>();
    if (!root.contains("records")) return fail("records", "missing");
    const json& records = root["records"];
    if (!records.is_array()) return fail("records", std::string("expected an array, found ") + json_kind(records));
    if (records.size() > kMaxRecords)
      return fail("records", "too many records: " + std::to_string(records.size()) + "; the limit is " +
                                 std::to_string(kMaxRecords));
    for (size_t i = 0; i < records.size(); ++i) {
      const std::string where = "records[" + std::to_string(i) + "]";
      std::string id;
      Community one;
      one.id = p.community.id;
      Record r;
      if (!read_record(where, records[i], id, r)) return false;
      if (r.type == kCommunity && id != p.community.id)
        return fail(where, "a community record for another community (" + quote_text(id) + ")");
      if (id == p.community.id && r.type != kCommunity)
        return fail(where, "the community's own id is used by a " + r.type + " record");
      auto it = p.community.records.find(id);
      if (it != p.community.records.end()) {
        // The same record twice, as when two copies were pasted together: merge them.
        if (it->second.type != r.type)
          return fail(where, "id " + quote_text(id) + " is used twice, by a " + it->second.type + " and a " + r.type);
        ++p.duplicates;
        one.records.emplace(id, std::move(r));
        merge_into(p.community, one);
      } else {
        p.community.records.emplace(id, std::move(r));
      }
    }
    return true;
  }
};

}  // namespace

Parsed parse_file(std::string_view bytes) {
  Parsed p;
  if (bytes.size() > kMaxFileBytes) {
    p.error = "the file is too large: " + mb(bytes.size()) + "; the limit is " + mb(kMaxFileBytes);
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
  json root;
  try {
    root = json::parse(bytes.begin(), bytes.end());
  } catch (const std::exception& e) {
    p.error = "not valid JSON: " + json_error_text(e.what());
    return p;
  }
  try {
    Reader r;
    if (!r.read_file(root, p)) {
      p.community = Community{};
      p.error = r.error;
      return p;
    }
  } catch (const std::exception& e) {  // a check missed above; still a message, never a crash
    p.community = Community{};
    p.error = std::string("could not read the file: ") + utf8_sanitize(e.what());
    return p;
  }
  p.ok = true;
  return p;
}

std::string check_compatible(const Community& into, const Community& incoming) {
  for (const auto& [id, r] : incoming.records) {
    auto it = into.records.find(id);
    if (it != into.records.end() && it->second.type != r.type && !(r.type == kCommunity && id != into.id))
      return "record " + quote_text(id) + " is a " + it->second.type + " here but a " + r.type + " in the file";
  }
  return {};
}

Preview preview_import(const Doc& d, std::string_view bytes) {
  Preview out;
  Parsed p = parse_file(bytes);
  if (!p.ok) {
    out.error = p.error;
    return out;
  }
  if (p.community.id != d.community.id) {
    out.other_community = true;
    const std::string name = community_record(p.community).text("name");
    out.incoming_name = name;
  }
  if (std::string why = check_compatible(d.community, p.community); !why.empty()) {
    out.error = why;
    return out;
  }
  out.diff = diff(d.community, merge(d.community, p.community));
  out.community = std::move(p.community);
  out.ok = true;
  return out;
}

Preview import_into(Doc& d, std::string_view bytes, const std::string& label) {
  Preview out = preview_import(d, bytes);
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
    if (t.is_null()) t = {{"live", 0}, {"deleted", 0}};
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
