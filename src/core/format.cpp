// format.cpp: see format.h. Writing the file, measuring a merge, and the checks an import runs
// against the receiving copy; reading the file is format_read.cpp.
//  [SECTION] Export
//  [SECTION] Import: checks against the receiving copy
//  [SECTION] Statistics
#include "core/format.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <set>

#include "core/assert.h"
#include "core/format_internal.h"
#include "core/registry.h"
#include "core/text.h"

namespace cv {

// [SECTION] Export ---------------------------------------------------------------------------------

json to_json(const Community& c) {
  json records = json::array();
  for (const auto& [id, r] : c.records) {
    json fields = json::object(), stamps = json::object();
    for (const auto& [name, f] : r.fields) {
      fields[name] = f.value;
      stamps[name] = json::array({f.stamp.ms, f.stamp.counter, f.stamp.actor.str()});
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
    append_str(w, f.stamp.actor.str());
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
           digits(static_cast<uint64_t>(f.stamp.ms)) + digits(f.stamp.counter) + text(f.stamp.actor.str());
    if (!r.fields.empty()) n -= 2;
    n += lit(r.fields.empty() ? "},\n      \"stamps\": {" : "\n      },\n      \"stamps\": {");
    n += lit(r.fields.empty() ? "}\n    }" : "\n      }\n    }");
    return n;
  }
};

}  // namespace

// The bytes to_file writes, counted without writing them.
static size_t file_size(const Community& c) {
  Sizer sizer;
  std::string head;
  Writer hw(head);
  append_head(hw, c.id);
  size_t size = head.size() + std::strlen(tail(c.records.empty()));
  bool first_record = true;
  for (const auto& [id, r] : c.records) {
    size += sizer.record(id, r, first_record);
    first_record = false;
  }
  return size;
}

std::string to_file(const Community& c) {
  // Sized first: a string grown by doubling held 1.5 to 3 times the file at its peak (a 41 MB file
  // took 105 MB for a moment), which the wasm heap keeps for good.
  const size_t size = file_size(c);
  std::string out;
  out.reserve(size);
  Writer w(out);
  append_head(w, c.id);
  bool first = true;
  for (const auto& [id, r] : c.records) {
    append_record(w, id, r, first);
    first = false;
  }
  out += tail(c.records.empty());
  CV_ASSERT(out.size() == size, "the Sizer counts what append_record writes");
  return out;
}

size_t bytes_of(const std::vector<std::string>& parts) {
  size_t n = 0;
  for (const std::string& p : parts) n += p.size();
  return n;
}

std::vector<std::string> to_file_parts(const Community& c, size_t part) {
  std::vector<std::string> parts;
  std::string out;
  Writer w(out);
  append_head(w, c.id);
  bool first = true;
  for (const auto& [id, r] : c.records) {
    if (out.size() >= part) {
      parts.push_back(out);  // a copy the size of its text; `out` keeps its room for the next part
      out.clear();
    }
    append_record(w, id, r, first);
    first = false;
  }
  out += tail(c.records.empty());
  parts.push_back(std::move(out));
  return parts;
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
  const size_t bytes = file_size(c);
  if (bytes_out) *bytes_out = bytes;
  return fits(c.records.size(), bytes);
}

Preview preview_import(const Doc& d, std::string_view bytes, int64_t now_ms) {
  Parsed p = parse_file(bytes);
  if (!p.ok) {
    Preview out;
    out.error = p.error;
    return out;
  }
  Preview out = preview_community(d, p.community, now_ms);
  if (out.ok) out.community = std::move(p.community);
  return out;
}

Preview preview_community(const Doc& d, const Community& incoming, int64_t now_ms) {
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
      actors.insert(f.stamp.actor.str());
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
