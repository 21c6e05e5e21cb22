// document.cpp: see document.h.
//  [SECTION] Documents
//  [SECTION] Markdown
//  [SECTION] HTML
#include "core/document.h"

#include <cctype>

#include "core/text.h"

namespace cv {

// [SECTION] Documents --------------------------------------------------------------------------------

Span plain(std::string text) { return Span{Span::Plain, std::move(text), false}; }
Span strong(std::string text) { return Span{Span::Strong, std::move(text), false}; }
Span small(std::string text, bool newline) { return Span{Span::Small, std::move(text), newline}; }

void Document::heading(int level, std::string text) {
  DocPart p;
  p.kind = DocPart::Heading;
  p.level = level;
  p.text = {plain(std::move(text))};
  parts.push_back(std::move(p));
}

void Document::paragraph(Line text) {
  DocPart p;
  p.kind = DocPart::Paragraph;
  p.text = std::move(text);
  parts.push_back(std::move(p));
}

void Document::table(std::vector<std::string> columns, std::vector<bool> right, std::vector<std::vector<Line>> rows) {
  DocPart p;
  p.kind = DocPart::Table;
  p.columns = std::move(columns);
  p.right = std::move(right);
  p.right.resize(p.columns.size(), false);
  p.rows = std::move(rows);
  parts.push_back(std::move(p));
}

void Document::list(std::vector<Line> items) {
  DocPart p;
  p.kind = DocPart::List;
  for (auto& item : items) p.rows.push_back({std::move(item)});
  parts.push_back(std::move(p));
}

void Document::cards(std::vector<Card> cards) {
  DocPart p;
  p.kind = DocPart::Cards;
  p.cards = std::move(cards);
  parts.push_back(std::move(p));
}

// [SECTION] Markdown ---------------------------------------------------------------------------------

std::string md_text(const std::string& s, bool in_table, bool line_start) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\r') continue;
    if (c == '\n') {
      out += in_table ? "<br>" : "  \n";
      line_start = true;
      continue;
    }
    if (line_start && (c == ' ' || c == '\t') && !in_table) continue;  // indentation would make code
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '|': case '~':
        out += '\\';
        out += c;
        break;
      case '-': case '+': case '=':
        if (line_start) out += '\\';  // a list item or a heading underline
        out += c;
        break;
      default:
        // "1. " or "1) " at the start of a line would begin a numbered list.
        if (line_start && std::isdigit(static_cast<unsigned char>(c))) {
          size_t j = i;
          while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
          out.append(s, i, j - i);
          if (j < s.size() && (s[j] == '.' || s[j] == ')')) {
            out += '\\';
            out += s[j];
            ++j;
          }
          i = j - 1;
          line_start = false;
          continue;
        }
        out += c;
    }
    line_start = false;
  }
  return out;
}

namespace {

std::string md_line(const Line& line, bool in_table) {
  std::string out;
  for (const Span& s : line) {
    const bool starts = out.empty() || s.newline;
    if (s.newline && !out.empty()) out += in_table ? "<br>" : "  \n";
    const std::string t = md_text(s.text, in_table, starts);
    if (t.empty()) continue;
    out += s.style == Span::Strong ? "**" + t + "**" : s.style == Span::Small ? "*" + t + "*" : t;
  }
  return out;
}

}  // namespace

std::string to_markdown(const Document& d) {
  std::string out;
  for (const DocPart& p : d.parts) {
    if (!out.empty()) out += "\n";
    switch (p.kind) {
      case DocPart::Heading: out += std::string(p.level, '#') + " " + md_line(p.text, false) + "\n"; break;
      case DocPart::Paragraph: out += md_line(p.text, false) + "\n"; break;
      case DocPart::Table: {
        out += "|";
        for (const auto& col : p.columns) out += " " + md_text(col, true) + " |";
        out += "\n|";
        for (size_t i = 0; i < p.columns.size(); ++i) out += p.right[i] ? "---:|" : "---|";
        out += "\n";
        for (const auto& row : p.rows) {
          out += "|";
          for (const Line& cell : row) out += " " + md_line(cell, true) + " |";
          out += "\n";
        }
        break;
      }
      case DocPart::List:
        for (const auto& row : p.rows) out += "- " + md_line(row[0], false) + "\n";
        break;
      case DocPart::Cards:
        for (const Card& c : p.cards) {
          out += "**" + md_text(c.title, false) + "**\n\n";
          for (const auto& item : c.items) out += "- " + md_text(item, false) + "\n";
          if (!c.note.empty()) out += "\n*" + md_text(c.note, false) + "*\n";
          out += "\n";
        }
        break;
    }
  }
  return out;
}

// [SECTION] HTML -------------------------------------------------------------------------------------

namespace {

// The one style of every printable page.
constexpr const char* kStyle =
    "body{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#1a1c1a}"
    "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccd;padding:.4em;text-align:left;"
    "vertical-align:top}td.num{text-align:right}.small{color:#555;font-size:.92em}"
    ".cards{display:flex;flex-wrap:wrap;gap:1em}.card{border:2px solid #45855f;border-radius:10px;padding:1em 1.2em;"
    "width:14em;break-inside:avoid}.card h3{margin:0 0 .5em;color:#2f6b48}.card li{margin:.2em 0}"
    "@media print{body{margin:0;max-width:none}h2{break-after:avoid}}";

std::string html_line(const Line& line) {
  std::string out;
  for (const Span& s : line) {
    const std::string t = html_escape(s.text);
    if (s.style == Span::Small) {
      out += (s.newline ? "<div class=\"small\">" : "<span class=\"small\">") + t + (s.newline ? "</div>" : "</span>");
      continue;
    }
    if (s.newline && !out.empty()) out += "<br>";
    out += s.style == Span::Strong ? "<strong>" + t + "</strong>" : t;
  }
  return out;
}

}  // namespace

std::string to_html(const Document& d) {
  std::string out = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
                    html_escape(d.title) + "</title>\n<style>" + kStyle + "</style></head><body>\n";
  for (const DocPart& p : d.parts) {
    switch (p.kind) {
      case DocPart::Heading: {
        const std::string h = "h" + std::to_string(p.level);
        out += "<" + h + ">" + html_line(p.text) + "</" + h + ">\n";
        break;
      }
      case DocPart::Paragraph: out += "<p>" + html_line(p.text) + "</p>\n"; break;
      case DocPart::Table:
        out += "<table><tr>";
        for (const auto& col : p.columns) out += "<th>" + html_escape(col) + "</th>";
        out += "</tr>\n";
        for (const auto& row : p.rows) {
          out += "<tr>";
          for (size_t i = 0; i < row.size(); ++i)
            out += std::string(i < p.right.size() && p.right[i] ? "<td class=\"num\">" : "<td>") + html_line(row[i]) + "</td>";
          out += "</tr>\n";
        }
        out += "</table>\n";
        break;
      case DocPart::List:
        out += "<ul>";
        for (const auto& row : p.rows) out += "<li>" + html_line(row[0]) + "</li>";
        out += "</ul>\n";
        break;
      case DocPart::Cards:
        out += "<div class=\"cards\">\n";
        for (const Card& c : p.cards) {
          out += "<div class=\"card\"><h3>" + html_escape(c.title) + "</h3><ul>";
          for (const auto& item : c.items) out += "<li>" + html_escape(item) + "</li>";
          out += "</ul>";
          if (!c.note.empty()) out += "<div class=\"small\">" + html_escape(c.note) + "</div>";
          out += "</div>\n";
        }
        out += "</div>\n";
        break;
    }
  }
  return out + "</body></html>\n";
}

}  // namespace cv
