// document.h: one small document writer for every summary, agenda and set of cards. A document is
// plain data (headings, paragraphs, tables, lists, cards of text); two back ends write it as
// Markdown and as a printable HTML page, each escaping people's text for its own syntax, so a name
// like "<script>" or "# Heading" is shown as written and never becomes markup.
//  [SECTION] Documents
//  [SECTION] Back ends
#pragma once
#include <string>
#include <vector>

namespace cv {

// [SECTION] Documents --------------------------------------------------------------------------------

// A run of text in one style; `newline` starts it on a new line of its cell or paragraph.
struct Span {
  enum Style { Plain, Strong, Small } style = Plain;
  std::string text;
  bool newline = false;
};
using Line = std::vector<Span>;
Span plain(std::string text);
Span strong(std::string text);
Span small(std::string text, bool newline = true);  // a note under what comes before it

struct Card {
  std::string title;
  std::vector<std::string> items;
  std::string note;
};

struct DocPart {
  enum Kind { Heading, Paragraph, Table, List, Cards } kind = Paragraph;
  int level = 1;                          // Heading: 1 or 2
  Line text;                              // Heading, Paragraph
  std::vector<std::string> columns;       // Table
  std::vector<bool> right;                // Table: columns aligned right (numbers)
  std::vector<std::vector<Line>> rows;    // Table: rows of cells; List: one cell per item
  std::vector<Card> cards;                // Cards
};

struct Document {
  std::string title;                      // the page's title (HTML) and nothing else
  std::vector<DocPart> parts;

  void heading(int level, std::string text);
  void paragraph(Line text);
  void table(std::vector<std::string> columns, std::vector<bool> right, std::vector<std::vector<Line>> rows);
  void list(std::vector<Line> items);
  void cards(std::vector<Card> cards);
};

// [SECTION] Back ends --------------------------------------------------------------------------------
std::string to_markdown(const Document& d);
// A whole page with the one style every Cultivate export shares (readable on screen, printable).
std::string to_html(const Document& d);
// People's text as Markdown that shows exactly that text: punctuation that would start markup is
// escaped, < > & become entities, and line breaks become hard breaks (or <br> in a table cell).
// `line_start`: s begins a line (where "- " or "1. " would start a list).
std::string md_text(const std::string& s, bool in_table, bool line_start = true);

}  // namespace cv
