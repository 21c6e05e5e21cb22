// csv.cpp: see csv.h.
//  [SECTION] Encoding
//  [SECTION] Reading a table
//  [SECTION] From rows to members
#include "core/csv.h"

#include <algorithm>

#include "core/getting_started.h"
#include "core/registry.h"

#include "core/text.h"

namespace cv {

// [SECTION] Encoding ---------------------------------------------------------------------------------

// Windows-1252 bytes 0x80..0x9F (the rest of the high half is Latin-1).
static const char16_t kCp1252[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                     0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                     0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                     0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

static std::string from_cp1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0xA0) utf8_append(out, kCp1252[c - 0x80]);
    else utf8_append(out, c);
  }
  return out;
}

// [SECTION] Reading a table ----------------------------------------------------------------------------

CsvTable parse_csv(std::string_view bytes) {
  CsvTable t;
  if (bytes.size() > kMaxCsvBytes) {
    t.error = "the file is too large: " + std::to_string(bytes.size() >> 20) + " MB; the limit is 16 MB";
    return t;
  }
  std::string text;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    t.bom = true;
    bytes.remove_prefix(3);
  }
  if (utf8_valid(bytes)) {
    text.assign(bytes);
  } else {
    text = from_cp1252(bytes);  // what spreadsheets on Windows save as "CSV"
    t.encoding = "Windows-1252";
  }
  if (trim(text).empty()) {
    t.error = "the file is empty";
    return t;
  }
  // The delimiter: the commonest of , ; and tab in the first line (outside quotes).
  {
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == '\n' || c == '\r') break;
      commas += c == ',';
      semicolons += c == ';';
      tabs += c == '\t';
    }
    t.delimiter = semicolons > commas && semicolons >= tabs ? ';' : tabs > commas ? '\t' : ',';
  }
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, was_quoted = false;
  int line = 1, quote_line = 0;
  auto end_cell = [&] {
    row.push_back(was_quoted ? cell : trim(cell));
    cell.clear();
    was_quoted = false;
  };
  auto end_row = [&] {
    end_cell();
    if (!(row.size() == 1 && row[0].empty())) t.rows.push_back(std::move(row));
    row.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        if (c != '\r') cell += c;
      }
      continue;
    }
    if (c == '"' && trim(cell).empty()) {
      cell.clear();
      quoted = was_quoted = true;
      quote_line = line;
    } else if (c == t.delimiter) {
      end_cell();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
      if (t.rows.size() > kMaxCsvRows) {
        t.error = "too many rows: more than " + std::to_string(kMaxCsvRows) + "; the limit is " +
                  std::to_string(kMaxCsvRows);
        t.rows.clear();
        return t;
      }
    } else {
      cell += c;  // a quote inside an unquoted cell is kept as it is, as spreadsheets do
    }
  }
  if (quoted) {
    t.error = "line " + std::to_string(quote_line) + ": a quoted cell is never closed (a \" is missing)";
    t.rows.clear();
    return t;
  }
  if (!cell.empty() || !row.empty()) end_row();
  t.ok = true;
  return t;
}

// [SECTION] From rows to members ---------------------------------------------------------------------------

std::vector<std::string> split_values(std::string_view cell) {
  std::vector<std::string> out;
  std::string part;
  auto flush = [&] {
    std::string v = trim(part);
    // Bullets and numbering that forms add: "- x", "• x", "1. x"
    while (!v.empty() && (v[0] == '-' || v[0] == '*')) v = trim(v.substr(1));
    if (v.rfind("\xE2\x80\xA2", 0) == 0) v = trim(v.substr(3));
    if (!v.empty()) out.push_back(v);
    part.clear();
  };
  for (char c : cell) {
    if (c == ';' || c == '\n') flush();
    else part += c;
  }
  flush();
  return out;
}

const std::vector<SheetColumn>& sheet_columns() {
  static const std::vector<SheetColumn> all = [] {
    std::vector<SheetColumn> out;
    for (const RecordDecl& r : record_types())
      for (const FieldDecl& f : r.fields) {
        if (!f.sheet) continue;
        SheetColumn c{std::string(r.type) + "." + f.name, f.sheet, r.type, f.name, std::string(r.type) != kMember,
                      f.sheet_rank, {}};
        std::string w;
        for (const char* p = f.sheet_words; p && *p; ++p) {
          if (*p == '|') c.words.push_back(w), w.clear();
          else w += *p;
        }
        if (!w.empty()) c.words.push_back(w);
        out.push_back(std::move(c));
      }
    // Shown as a person reads a form: who first (name, contact, availability), then what they bring.
    std::stable_sort(out.begin(), out.end(), [](const SheetColumn& a, const SheetColumn& b) { return a.many < b.many; });
    return out;
  }();
  return all;
}

int CsvMapping::column(const std::string& key) const {
  auto it = columns.find(key);
  return it == columns.end() ? -1 : it->second;
}

CsvMapping guess_mapping(const CsvTable& t) {
  CsvMapping m;
  if (t.rows.empty()) return m;
  const auto& head = t.rows[0];
  std::vector<const SheetColumn*> by_rank;
  for (const SheetColumn& c : sheet_columns()) by_rank.push_back(&c);
  std::stable_sort(by_rank.begin(), by_rank.end(), [](auto* a, auto* b) { return a->rank < b->rank; });
  bool any = false;
  for (int i = 0; i < static_cast<int>(head.size()); ++i) {
    const std::string h = fold(head[i]);
    // Forms add a timestamp column: it fills nothing.
    if (h.find("timestamp") != std::string::npos || h.find("zeitstempel") != std::string::npos ||
        h.find("marca temporal") != std::string::npos)
      continue;
    for (const SheetColumn* c : by_rank) {
      if (!std::any_of(c->words.begin(), c->words.end(), [&](const std::string& w) { return h.find(w) != std::string::npos; }))
        continue;
      if (m.column(c->key) < 0) {
        m.columns[c->key] = i;
        any = true;
      }
      break;
    }
  }
  m.header = any;
  if (!any && !head.empty()) m.columns["member.name"] = 0;
  return m;
}

// An id for a row's records that is the same every time the same person is imported.
// (FNV-1a, not std::hash: the id must be the same in every build, native and wasm.)
static std::string derived_id(const std::string& prefix, const std::string& key) {
  uint64_t f = 1469598103934665603ull;
  for (unsigned char c : key) f = (f ^ c) * 1099511628211ull;
  return prefix + make_id(f, f * 0x9E3779B97F4A7C15ull).substr(0, 12);
}

CsvImport csv_to_community(const CsvTable& t, const CsvMapping& m, const Community& current, Clock& clock,
                           int64_t now_ms) {
  CsvImport out;
  out.community.id = current.id;
  // Cells as text Cultivate stores: no control characters (a sheet can hold anything).
  auto cell = [](const std::vector<std::string>& row, int col) {
    return col >= 0 && col < static_cast<int>(row.size()) ? utf8_sanitize(row[col]) : std::string();
  };
  auto skip = [&](CsvRow& info, std::string why) {
    info.problem = std::move(why);
    out.rows.push_back(info);
    ++out.skipped;
  };
  for (size_t r = m.header ? 1 : 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    CsvRow info;
    info.line = static_cast<int>(r) + 1;
    info.name = trim(cell(row, m.column("member.name")));
    if (info.name.empty()) {
      skip(info, "no name");
      continue;
    }
    if (utf8_length(info.name) > 200) {
      skip(info, "the name is longer than 200 characters");
      continue;
    }
    bool too_long = false;
    for (const std::string& c : row) too_long = too_long || utf8_length(c) > kMaxCsvCellChars;
    if (too_long) {
      skip(info, "a cell is longer than " + std::to_string(kMaxCsvCellChars) + " characters");
      continue;
    }
    const std::string contact = trim(cell(row, m.column("member.contact")));
    const std::string availability = trim(cell(row, m.column("member.availability")));
    const std::string member = derived_id("csv-", fold(info.name) + "\n" + fold(contact));
    const Record* existing = nullptr;
    if (auto it = current.records.find(member); it != current.records.end()) existing = &it->second;
    // Removed since the last import: removed it stays, and nothing of the row comes back.
    if (existing && existing->deleted()) {
      skip(info, "removed from the community since an earlier import; not imported again");
      continue;
    }
    // What the sheet says now, and what it said at the last import (kept on the member): only what
    // the sheet changed since then is written, so edits made in Cultivate since then stay.
    const json said = json::array({info.name, contact, availability});
    const char* fields[] = {"name", "contact", "availability"};
    Op op{"Import", {}};
    if (!existing) {
      op = op_create("Import", member, kMember, {{"name", info.name}});
      if (!contact.empty()) op.changes.push_back({member, kMember, "contact", contact});
      if (!availability.empty()) op.changes.push_back({member, kMember, "availability", availability});
      op.changes.push_back({member, kMember, "sheet", said});
    } else {
      const std::vector<std::string> before = existing->texts("sheet");
      for (size_t i = 0; i < 3; ++i) {
        const std::string now = said[i].get<std::string>();
        // Imported before this rule (no "sheet"): fill only what is empty.
        const bool changed = before.size() == 3 ? now != before[i] : existing->text(fields[i]).empty() && !now.empty();
        if (changed) op.changes.push_back({member, kMember, fields[i], now});
      }
      if (existing->get("sheet") != said) op.changes.push_back({member, kMember, "sheet", said});
    }
    apply(out.community, clock, op, now_ms);
    // What the member brings, several to a cell: records whose ids come from the member and the text.
    for (const SheetColumn& sc : sheet_columns()) {
      if (!sc.many) continue;
      for (const std::string& v : split_values(cell(row, m.column(sc.key)))) {
        const std::string id = derived_id(sc.type + "-", member + "\n" + fold(v));
        ++info.counts[sc.type];
        if (current.records.count(id)) continue;  // imported before: edited or removed since, it stays so
        // A topic is proposed by someone; the rest belong to the member.
        apply(out.community, clock,
              sc.type == kTopic ? op_propose_topic(id, v, member) : op_add_item(sc.type, id, member, v), now_ms);
      }
    }
    out.rows.push_back(info);
    ++out.imported;
  }
  return out;
}

}  // namespace cv
