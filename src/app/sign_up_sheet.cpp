// sign_up_sheet.cpp: see sign_up_sheet.h.
#include "app/sign_up_sheet.h"

#include "core/format.h"
#include "core/text.h"

namespace app {

namespace {

void preview(SignUpSheet& s, const cv::Doc& doc, int64_t now_ms) {
  cv::Clock clock = doc.clock;  // a preview stamps nothing for real
  s.import = cv::csv_to_community(s.table, s.mapping, doc.community, clock, now_ms);
  // The same checks as every import: what the rows would make must still fit.
  const cv::Preview p = cv::preview_community(doc, s.import.community, now_ms);
  s.blocked = p.ok ? std::string() : p.error;
}

}  // namespace

bool is_sheet_name(const std::string& name) {
  const std::string n = cv::fold(name);
  for (const char* ext : {".csv", ".tsv", ".txt"})
    if (n.size() > 4 && n.compare(n.size() - 4, 4, ext) == 0) return true;
  return false;
}

void sheet_open(SignUpSheet& s, const cv::Doc& doc, const Incoming& in, int64_t now_ms) {
  s = SignUpSheet{};
  s.open = true;
  s.name = in.name;
  s.error = in.error;
  if (!s.error.empty()) return;
  s.table = cv::parse_csv(in.bytes);
  s.error = s.table.error;
  if (!s.table.ok) return;
  s.mapping = cv::guess_mapping(s.table);
  preview(s, doc, now_ms);
}

void sheet_remap(SignUpSheet& s, const cv::Doc& doc, const std::string& key, int column, int64_t now_ms) {
  if (!s.table.ok) return;
  bool known = false;
  for (const cv::SheetColumn& c : cv::sheet_columns()) known = known || c.key == key;
  if (!known) return;
  s.mapping.columns[key] = column;
  preview(s, doc, now_ms);
}

std::string sheet_confirm(SignUpSheet& s, cv::Doc& doc, int64_t now_ms, bool& ok) {
  ok = false;
  if (!s.table.ok) return {};
  // Built again on the clock now, against the community as it is now.
  cv::Clock clock = doc.clock;
  s.import = cv::csv_to_community(s.table, s.mapping, doc.community, clock, now_ms);
  const cv::Preview p = cv::preview_community(doc, s.import.community, now_ms);
  if (!p.ok) {
    s.blocked = p.error;
    return "Not imported: " + p.error;
  }
  if (s.import.imported == 0) return {};
  const cv::Diff d = cv::doc_import(doc, s.import.community, "Import " + s.name);
  int members = 0;
  if (auto it = d.by_type.find(cv::kMember); it != d.by_type.end()) members = it->second.added;
  ok = true;
  const std::string said = "Imported " + std::to_string(members) + " members from " + s.name + " (" +
                           std::to_string(s.import.skipped) + " rows skipped). Undo takes the import back.";
  sheet_close(s);
  return said;
}

void sheet_close(SignUpSheet& s) { s = SignUpSheet{}; }

}  // namespace app
