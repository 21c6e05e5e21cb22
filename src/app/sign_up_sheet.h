// sign_up_sheet.h: importing a sign-up sheet (CSV from a form or a spreadsheet) as a plain state
// machine: a file comes in, its columns are guessed and can be remapped, a preview shows each row
// (and why a row is skipped), and nothing changes until it is confirmed, checked like every import.
#pragma once
#include <string>

#include "app/importer.h"
#include "core/csv.h"
#include "core/model.h"

namespace app {

struct SignUpSheet {
  bool open = false;
  std::string name;            // the file's name
  std::string error;           // the file cannot be read at all
  cv::CsvTable table;
  cv::CsvMapping mapping;
  cv::CsvImport import;        // what the rows would add, as of the last preview
  std::string blocked;         // why the rows cannot be imported (the community would be too large)
};

// A sheet arrived: read it, guess its columns, preview it against doc.
void sheet_open(SignUpSheet& s, const cv::Doc& doc, const Incoming& in, int64_t now_ms);
// Column `column` (-1: none) fills `key` ("member.name", see cv::sheet_columns()).
void sheet_remap(SignUpSheet& s, const cv::Doc& doc, const std::string& key, int column, int64_t now_ms);
// The rows as members of doc, as one undoable step, built again on the clock now. Returns the sentence
// for the status line; `ok` false when nothing was imported.
std::string sheet_confirm(SignUpSheet& s, cv::Doc& doc, int64_t now_ms, bool& ok);
void sheet_close(SignUpSheet& s);
// A file the page should treat as a sheet (.csv, .tsv, .txt).
bool is_sheet_name(const std::string& name);

}  // namespace app
