// csv.h: members from a sign-up form or a spreadsheet. RFC 4180 (quoted fields with commas, quotes
// and line breaks), UTF-8 with or without a byte-order mark, comma- or semicolon-separated, and files
// saved by spreadsheets in Windows-1252. Nothing here changes a community: the result is a table,
// then records to preview, then (when the convener confirms) an import like any other.
//  [SECTION] Reading a table
//  [SECTION] From rows to members
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace cv {

// [SECTION] Reading a table ---------------------------------------------------------------------------
inline constexpr size_t kMaxCsvBytes = 16u << 20;
inline constexpr size_t kMaxCsvRows = 200000;
inline constexpr size_t kMaxCsvCellChars = 100000;  // a text's limit in the community file

struct CsvTable {
  bool ok = false;
  std::string error;                          // why the file cannot be read at all
  std::vector<std::vector<std::string>> rows;  // every row, the header too
  char delimiter = ',';
  bool bom = false;
  std::string encoding = "UTF-8";             // or "Windows-1252" when the bytes were not UTF-8
};

// Reads CSV bytes. Refuses (with a message naming the line) an unbalanced quote, and files over the
// size or row limits; guesses the delimiter from the first line (',' ';' or tab).
CsvTable parse_csv(std::string_view bytes);

// [SECTION] From rows to members -----------------------------------------------------------------------------
// What a column can fill: the fields the registry marks for sign-up sheets (a member's name, contact and
// availability; their objectives, problems, topics, skills and resources, several to a cell).
struct SheetColumn {
  std::string key;    // "member.name", "objective.text"
  std::string label;  // "Name", "Objectives"
  std::string type, field;
  bool many = false;  // several values to a cell (every record type but the member)
  int rank = 0;       // the order headers are tried in
  std::vector<std::string> words;
};
const std::vector<SheetColumn>& sheet_columns();  // in the order the mapping shows them
// Which column holds what (a column per key; none when absent or -1).
struct CsvMapping {
  std::map<std::string, int> columns;
  bool header = true;  // the first row names the columns
  int column(const std::string& key) const;
};

// A guess from the header's words ("Name", "E-mail", "Learning objectives", ...).
CsvMapping guess_mapping(const CsvTable& t);

// One row's outcome: the member it makes, or why it is skipped.
struct CsvRow {
  int line = 0;                 // 1-based line in the file, for messages
  std::string name, problem;    // problem: why the row is not imported ("no name")
  std::map<std::string, int> counts;  // values a row brought, per record type ("objective": 2)
};

struct CsvImport {
  Community community;          // the records the rows make (member, objective, ...), ids derived from
                                // the row's name and contact, so importing the same file twice is harmless
  std::vector<CsvRow> rows;
  int imported = 0, skipped = 0;
};

// The records a sheet adds to `current`. A re-import changes only what the sheet changed since the
// last import (a member keeps what the sheet said in "sheet"): members removed since stay removed,
// and edits made in Cultivate since stay. Cells with several values split on ';' and line breaks.
// Stamps come from `clock` at now_ms (the platform's clock in the page).
CsvImport csv_to_community(const CsvTable& t, const CsvMapping& m, const Community& current, Clock& clock,
                           int64_t now_ms);
// Splits a cell with several values ("a; b\nc" -> a, b, c), trimmed, empty ones dropped.
std::vector<std::string> split_values(std::string_view cell);

}  // namespace cv
