// text.cpp: see text.h.
//  [SECTION] UTF-8
//  [SECTION] Case and accent tables
//  [SECTION] Folding, collation, search
#include "core/text.h"

#include <cstdio>

#include <tuple>

namespace cv {

// [SECTION] UTF-8 ----------------------------------------------------------------------------------

char32_t utf8_next(std::string_view s, size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  auto at = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
  if (c < 0x80) { i += 1; return c; }
  if (c >= 0xC2 && c <= 0xDF && cont(1)) {
    char32_t cp = ((c & 0x1F) << 6) | at(1);
    i += 2; return cp;
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    char32_t cp = ((c & 0x0F) << 12) | (at(1) << 6) | at(2);
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) { i += 3; return cp; }
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    char32_t cp = ((c & 0x07) << 18) | (at(1) << 12) | (at(2) << 6) | at(3);
    if (cp >= 0x10000 && cp <= 0x10FFFF) { i += 4; return cp; }
  }
  i += 1;
  return 0xFFFD;
}

bool utf8_valid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t before = i;
    if (utf8_next(s, i) == 0xFFFD && !(i - before == 3 && s.substr(before, 3) == "\xEF\xBF\xBD"))
      return false;
  }
  return true;
}

void utf8_append(std::string& out, char32_t c) {
  if (c < 0x80) { out += static_cast<char>(c); return; }
  if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  }
  out += static_cast<char>(0x80 | (c & 0x3F));
}

std::string utf8_sanitize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t c = utf8_next(s, i);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) continue;
    utf8_append(out, c);
  }
  return out;
}

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const char32_t c = utf8_next(s, i);
    // C0 and C1 controls, DEL, and the marks that reorder text on screen (bidirectional overrides).
    const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
                         (c >= 0x2066 && c <= 0x2069);
    if (!control) {
      utf8_append(out, c);
      continue;
    }
    char buf[12];
    std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
    out += buf;
  }
  return out;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) utf8_next(s, i);
  return n;
}

// [SECTION] Case and accent tables -----------------------------------------------------------------

namespace {

struct Span { char32_t from, to; const char* base; };
// Latin-1 and Latin Extended-A letters and the letters they are sorted and searched as.
constexpr Span kLatin[] = {
    {0xC0, 0xC5, "a"}, {0xC6, 0xC6, "ae"}, {0xC7, 0xC7, "c"}, {0xC8, 0xCB, "e"}, {0xCC, 0xCF, "i"},
    {0xD0, 0xD0, "d"}, {0xD1, 0xD1, "n"}, {0xD2, 0xD6, "o"}, {0xD8, 0xD8, "o"}, {0xD9, 0xDC, "u"},
    {0xDD, 0xDD, "y"}, {0xDE, 0xDE, "th"}, {0xDF, 0xDF, "ss"}, {0xE0, 0xE5, "a"}, {0xE6, 0xE6, "ae"},
    {0xE7, 0xE7, "c"}, {0xE8, 0xEB, "e"}, {0xEC, 0xEF, "i"}, {0xF0, 0xF0, "d"}, {0xF1, 0xF1, "n"},
    {0xF2, 0xF6, "o"}, {0xF8, 0xF8, "o"}, {0xF9, 0xFC, "u"}, {0xFD, 0xFD, "y"}, {0xFE, 0xFE, "th"},
    {0xFF, 0xFF, "y"}, {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"},
    {0x112, 0x11B, "e"}, {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"},
    {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"}, {0x139, 0x142, "l"},
    {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"},
    {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"},
    {0x176, 0x178, "y"}, {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
};

// Lower case of one code point, accents kept.
char32_t to_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0xC0) return c;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
  if (c == 0x178) return 0xFF;
  if (c >= 0x100 && c <= 0x17F) {
    // Pairs are (upper, lower) at (even, odd), except 0x139..0x148 and 0x179..0x17E (odd, even).
    const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (c == 0x130) return 'i';
    if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
    if (odd_upper) return (c & 1) ? c + 1 : c;
    return (c & 1) ? c : c + 1;
  }
  // Greek
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  // Cyrillic
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x52F))
    return c | 1;
  if (c >= 0x4C1 && c <= 0x4CE) return (c & 1) ? c + 1 : c;
  return c;
}

// The base letter(s) of a lower-case code point: accents, tonos and dieresis removed.
void append_base(std::string& out, char32_t c) {
  if (c >= 0xC0 && c <= 0x17F) {
    for (const Span& s : kLatin)
      if (c >= s.from && c <= s.to) { out += s.base; return; }
  }
  switch (c) {
    case 0x3AC: c = 0x3B1; break;                      // ά
    case 0x3AD: c = 0x3B5; break;                      // έ
    case 0x3AE: c = 0x3B7; break;                      // ή
    case 0x3AF: case 0x390: case 0x3CA: c = 0x3B9; break;  // ί ΐ ϊ
    case 0x3CC: c = 0x3BF; break;                      // ό
    case 0x3CD: case 0x3B0: case 0x3CB: c = 0x3C5; break;  // ύ ΰ ϋ
    case 0x3CE: c = 0x3C9; break;                      // ώ
    case 0x3C2: c = 0x3C3; break;                      // final sigma
    case 0x451: c = 0x435; break;                      // ё
    default: break;
  }
  utf8_append(out, c);
}

}  // namespace

// [SECTION] Folding, collation, search -------------------------------------------------------------

std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) utf8_append(out, to_lower(utf8_next(s, i)));
  return out;
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) append_base(out, to_lower(utf8_next(s, i)));
  return out;
}

bool collate_less(std::string_view a, std::string_view b) {
  const std::string fa = fold(a), fb = fold(b);
  if (fa != fb) return fa < fb;
  const std::string la = lower(a), lb = lower(b);
  if (la != lb) return la < lb;
  return a < b;
}

std::string collate_key(std::string_view s) {
  std::string k = fold(s);
  k += '\0';
  k += lower(s);
  k += '\0';
  k += s;
  return k;
}

bool search_match(std::string_view haystack, std::string_view needle) {
  return fold(haystack).find(fold(trim(needle))) != std::string::npos;
}

std::string filename_safe(std::string_view s) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < s.size() && chars < 80;) {
    char32_t c = utf8_next(s, i);
    if (c < 0x20 || c == 0x7F || c == 0xFFFD) continue;
    if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|')
      c = '-';
    utf8_append(out, c);
    ++chars;
  }
  out = trim(out);
  while (!out.empty() && out[0] == '.') out.erase(0, 1);
  out = trim(out);
  return out.empty() ? "community" : out;
}

std::string trim(std::string_view s) {
  const char* ws = " \t\r\n";
  const size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(ws);
  return std::string(s.substr(b, e - b + 1));
}

// [SECTION] Escaping for exports (HTML, Markdown tables, iCalendar) ---------------------------------

std::string clock_time(const std::string& start, int minutes_after) {
  int h = 0, m = 0;
  if (std::sscanf(start.c_str(), "%d:%d", &h, &m) != 2) return "";
  const int t = h * 60 + m + minutes_after;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (t / 60) % 24, t % 60);
  return buf;
}

std::string md_cell(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch == '|') out += "\\|";
    else if (ch == '\n') out += "<br>";
    else out += ch;
  }
  return out;
}

std::string html_escape(std::string_view s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': out += "<br>"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string ics_text(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\\' || ch == ';' || ch == ',') out += '\\', out += ch;
    else if (ch == '\n') out += "\\n";
    else if (ch != '\r') out += ch;
  }
  return out;
}

// Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1), never
// inside a UTF-8 sequence.
std::string ics_fold(std::string_view line) {
  std::string out;
  size_t used = 0;
  for (size_t i = 0; i < line.size();) {
    size_t n = 1;
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (c >= 0xF0) n = 4;
    else if (c >= 0xE0) n = 3;
    else if (c >= 0xC0) n = 2;
    if (used + n > 75) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line, i, n);
    used += n;
    i += n;
  }
  return out + "\r\n";
}

}  // namespace cv
