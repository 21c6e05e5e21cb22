// text.cpp: see text.h.
//  [SECTION] UTF-8
//  [SECTION] Case and accent tables
//  [SECTION] Folding, collation, search
//  [SECTION] Escaping for exports (HTML, Markdown tables, iCalendar)
//  [SECTION] Drawing order: right-to-left runs, joined Arabic letters, Devanagari's i sign
#include "core/text.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <tuple>
#include <vector>

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

// [SECTION] Drawing order: right-to-left runs, joined Arabic letters, Devanagari's i sign --------

namespace {

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Controls a renderer shows nothing for: dropped from what is drawn.
bool invisible_control(char32_t c) {
  return in(c, 0x200B, 0x200F) || in(c, 0x202A, 0x202E) || in(c, 0x2066, 0x2069) || c == 0xFEFF;
}

// Arabic combining marks: transparent to joining (ArabicShaping.txt, type T).
bool arabic_mark(char32_t c) {
  return in(c, 0x0610, 0x061A) || in(c, 0x064B, 0x065F) || c == 0x0670 || in(c, 0x06D6, 0x06DC) ||
         in(c, 0x06DF, 0x06E4) || in(c, 0x06E7, 0x06E8) || in(c, 0x06EA, 0x06ED);
}

// The bidirectional classes this simplification tells apart (UAX #9, Table 4).
enum class Bidi : uint8_t { L, R, AL, EN, AN, NSM, ES, ET, CS, N };

Bidi bidi_class(char32_t c) {
  if (c < 0x80) {
    if (c >= '0' && c <= '9') return Bidi::EN;
    if (c == '+' || c == '-') return Bidi::ES;
    if (c == '#' || c == '$' || c == '%') return Bidi::ET;
    if (c == ',' || c == '.' || c == ':' || c == '/') return Bidi::CS;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return Bidi::L;
    return Bidi::N;
  }
  if (c < 0x0300) {
    if (c == 0xA0) return Bidi::CS;
    if (in(c, 0xA2, 0xA5) || c == 0xB0 || c == 0xB1) return Bidi::ET;
    if (in(c, 0x80, 0xBF) || c == 0xD7 || c == 0xF7) return Bidi::N;
    return Bidi::L;
  }
  if (in(c, 0x0300, 0x036F) || in(c, 0xFE00, 0xFE0F) || in(c, 0x200B, 0x200D)) return Bidi::NSM;
  if (in(c, 0x0590, 0x05FF)) {
    if (in(c, 0x0591, 0x05BD) || c == 0x05BF || in(c, 0x05C1, 0x05C2) || in(c, 0x05C4, 0x05C5) || c == 0x05C7)
      return Bidi::NSM;
    return Bidi::R;
  }
  if (in(c, 0x0600, 0x07BF)) {
    if (in(c, 0x0600, 0x0605) || in(c, 0x0660, 0x0669) || in(c, 0x066B, 0x066C)) return Bidi::AN;
    if (in(c, 0x06F0, 0x06F9)) return Bidi::EN;
    if (in(c, 0x0609, 0x060A) || c == 0x066A) return Bidi::ET;
    if (c == 0x060C) return Bidi::CS;
    if (arabic_mark(c)) return Bidi::NSM;
    return Bidi::AL;
  }
  if (in(c, 0x07C0, 0x085F)) return Bidi::R;
  if (in(c, 0x0860, 0x08FF)) return Bidi::AL;
  if (in(c, 0x0900, 0x097F)) {
    if (in(c, 0x0900, 0x0902) || c == 0x093A || c == 0x093C || in(c, 0x0941, 0x0948) || c == 0x094D ||
        in(c, 0x0951, 0x0957) || in(c, 0x0962, 0x0963))
      return Bidi::NSM;
    return Bidi::L;
  }
  if (c == 0x0E31 || in(c, 0x0E34, 0x0E3A) || in(c, 0x0E47, 0x0E4E)) return Bidi::NSM;
  if (c == 0x200E) return Bidi::L;
  if (c == 0x200F) return Bidi::R;
  if (in(c, 0x2000, 0x200A) || in(c, 0x2010, 0x2029) || in(c, 0x2035, 0x206F) || in(c, 0x2190, 0x2BFF)) return Bidi::N;
  if (in(c, 0x2030, 0x2034) || in(c, 0x20A0, 0x20CF)) return Bidi::ET;
  if (c == 0x2212) return Bidi::ES;
  if (c == 0xFB1E) return Bidi::NSM;
  if (in(c, 0xFB1D, 0xFB4F)) return Bidi::R;
  if (in(c, 0xFB50, 0xFDFF) || in(c, 0xFE70, 0xFEFE)) return Bidi::AL;
  return Bidi::L;
}

// How an Arabic letter joins (ArabicShaping.txt): D both sides, R only to the letter before it, C
// causes joining (tatweel, zero width joiner), U not at all. Marks are transparent (skipped).
enum class Join : uint8_t { U, R, D, C };

// Presentation forms: isolated at `form`, then final, initial, medial (n of them: 2 or 4).
struct Forms { char32_t letter, form; uint8_t n; };
constexpr Forms kForms[] = {
    {0x0622, 0xFE81, 2}, {0x0623, 0xFE83, 2}, {0x0624, 0xFE85, 2}, {0x0625, 0xFE87, 2}, {0x0626, 0xFE89, 4},
    {0x0627, 0xFE8D, 2}, {0x0628, 0xFE8F, 4}, {0x0629, 0xFE93, 2}, {0x062A, 0xFE95, 4}, {0x062B, 0xFE99, 4},
    {0x062C, 0xFE9D, 4}, {0x062D, 0xFEA1, 4}, {0x062E, 0xFEA5, 4}, {0x062F, 0xFEA9, 2}, {0x0630, 0xFEAB, 2},
    {0x0631, 0xFEAD, 2}, {0x0632, 0xFEAF, 2}, {0x0633, 0xFEB1, 4}, {0x0634, 0xFEB5, 4}, {0x0635, 0xFEB9, 4},
    {0x0636, 0xFEBD, 4}, {0x0637, 0xFEC1, 4}, {0x0638, 0xFEC5, 4}, {0x0639, 0xFEC9, 4}, {0x063A, 0xFECD, 4},
    {0x0641, 0xFED1, 4}, {0x0642, 0xFED5, 4}, {0x0643, 0xFED9, 4}, {0x0644, 0xFEDD, 4}, {0x0645, 0xFEE1, 4},
    {0x0646, 0xFEE5, 4}, {0x0647, 0xFEE9, 4}, {0x0648, 0xFEED, 2}, {0x0649, 0xFEEF, 2}, {0x064A, 0xFEF1, 4},
    {0x0671, 0xFB50, 2}, {0x0679, 0xFB66, 4}, {0x067E, 0xFB56, 4}, {0x0686, 0xFB7A, 4}, {0x0688, 0xFB88, 2},
    {0x0691, 0xFB8C, 2}, {0x0698, 0xFB8A, 2}, {0x06A9, 0xFB8E, 4}, {0x06AF, 0xFB92, 4}, {0x06BA, 0xFB9E, 2},
    {0x06BE, 0xFBAA, 4}, {0x06C1, 0xFBA6, 4}, {0x06CC, 0xFBFC, 4}, {0x06D2, 0xFBAE, 2}, {0x06D3, 0xFBB0, 2},
};

const Forms* forms_of(char32_t c) {
  auto it = std::lower_bound(std::begin(kForms), std::end(kForms), c, [](const Forms& f, char32_t x) { return f.letter < x; });
  return it != std::end(kForms) && it->letter == c ? it : nullptr;
}

Join join_of(char32_t c) {
  if (c == 0x0640 || c == 0x200D) return Join::C;
  if (const Forms* f = forms_of(c)) return f->n == 4 ? Join::D : Join::R;
  // Letters without forms here still join their neighbours.
  if (in(c, 0x0671, 0x0673) || in(c, 0x0675, 0x0677) || in(c, 0x0688, 0x0699) || c == 0x06C0 || in(c, 0x06C3, 0x06CB) ||
      c == 0x06CD || c == 0x06CF || in(c, 0x06D2, 0x06D3) || c == 0x06D5)
    return Join::R;
  if ((in(c, 0x0620, 0x064A) && c != 0x0621) || in(c, 0x066E, 0x06D1) || in(c, 0x06FA, 0x06FC) || c == 0x06FF) return Join::D;
  return Join::U;
}

// Arabic letters in the forms their neighbours call for; lam followed by an alef as one ligature.
std::vector<char32_t> join_arabic(const std::vector<char32_t>& in_cps) {
  const size_t n = in_cps.size();
  auto neighbour = [&](size_t i, int step) -> Join {  // the next non-mark letter's joining, U if none
    for (size_t k = i + step; k < n; k += step) {
      if (!arabic_mark(in_cps[k])) return join_of(in_cps[k]);
    }
    return Join::U;
  };
  std::vector<char32_t> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = in_cps[i];
    const Forms* f = forms_of(c);
    if (!f) {
      out.push_back(c);
      continue;
    }
    const Join before = i > 0 ? neighbour(i, -1) : Join::U;
    const bool joins_before = before == Join::D || before == Join::C;
    if (c == 0x0644) {  // lam-alef
      size_t k = i + 1;
      while (k < n && arabic_mark(in_cps[k])) ++k;
      const char32_t alef[] = {0x0622, 0x0623, 0x0625, 0x0627}, lig[] = {0xFEF5, 0xFEF7, 0xFEF9, 0xFEFB};
      if (k < n)
        if (auto a = std::find(std::begin(alef), std::end(alef), in_cps[k]); a != std::end(alef)) {
          out.push_back(lig[a - alef] + (joins_before ? 1 : 0));
          out.insert(out.end(), in_cps.begin() + i + 1, in_cps.begin() + k);  // its marks, after it
          i = k;
          continue;
        }
    }
    const Join after = neighbour(i, 1);
    const bool joins_after = f->n == 4 && (after == Join::D || after == Join::R || after == Join::C);
    int form = 0;  // isolated
    if (joins_before && joins_after) form = 3;
    else if (joins_before) form = 1;
    else if (joins_after) form = 2;
    out.push_back(f->form + form);
  }
  return out;
}

bool deva_consonant(char32_t c) { return in(c, 0x0915, 0x0939) || in(c, 0x0958, 0x095F) || in(c, 0x0978, 0x097F); }

// Devanagari's short i sign is written after its consonant cluster and drawn before it.
void reorder_deva_i(std::vector<char32_t>& cps) {
  for (size_t i = 1; i < cps.size(); ++i) {
    if (cps[i] != 0x093F) continue;
    size_t j = i;
    for (;;) {
      while (j > 0 && cps[j - 1] == 0x093C) --j;  // nukta
      if (j == 0 || !deva_consonant(cps[j - 1])) break;
      --j;
      if (j >= 2 && cps[j - 1] == 0x094D && (deva_consonant(cps[j - 2]) || cps[j - 2] == 0x093C)) --j;  // virama: a conjunct
      else break;
    }
    if (j < i) std::rotate(cps.begin() + j, cps.begin() + i, cps.begin() + i + 1);
  }
}

char32_t mirrored(char32_t c) {
  switch (c) {
    case '(': return ')'; case ')': return '(';
    case '[': return ']'; case ']': return '[';
    case '{': return '}'; case '}': return '{';
    case '<': return '>'; case '>': return '<';
    case 0xAB: return 0xBB; case 0xBB: return 0xAB;
    case 0x2039: return 0x203A; case 0x203A: return 0x2039;
    default: return c;
  }
}

// One line in display order (UAX #9 without explicit embeddings: rules P2-P3, W1-W7, N1-N2, I1-I2,
// L1, L2 and L4).
void reorder_line(std::vector<char32_t>& cps) {
  const size_t n = cps.size();
  if (n == 0) return;
  std::vector<Bidi> t(n);
  for (size_t i = 0; i < n; ++i) t[i] = bidi_class(cps[i]);
  int para = 0;
  for (Bidi b : t)
    if (b == Bidi::L || b == Bidi::R || b == Bidi::AL) { para = b == Bidi::L ? 0 : 1; break; }
  const Bidi sos = para ? Bidi::R : Bidi::L;
  for (size_t i = 0; i < n; ++i)  // W1
    if (t[i] == Bidi::NSM) t[i] = i == 0 ? sos : t[i - 1];
  Bidi strong = sos;  // W2, W3
  for (size_t i = 0; i < n; ++i) {
    if (t[i] == Bidi::L || t[i] == Bidi::R || t[i] == Bidi::AL) strong = t[i];
    if (t[i] == Bidi::EN && strong == Bidi::AL) t[i] = Bidi::AN;
    if (t[i] == Bidi::AL) t[i] = Bidi::R;
  }
  for (size_t i = 1; i + 1 < n; ++i) {  // W4
    if (t[i] == Bidi::ES && t[i - 1] == Bidi::EN && t[i + 1] == Bidi::EN) t[i] = Bidi::EN;
    else if (t[i] == Bidi::CS && t[i - 1] == t[i + 1] && (t[i - 1] == Bidi::EN || t[i - 1] == Bidi::AN)) t[i] = t[i - 1];
  }
  for (size_t i = 0; i < n; ++i) {  // W5: terminators next to European numbers
    if (t[i] != Bidi::ET) continue;
    size_t e = i;
    while (e < n && t[e] == Bidi::ET) ++e;
    const bool by_number = (i > 0 && t[i - 1] == Bidi::EN) || (e < n && t[e] == Bidi::EN);
    for (size_t k = i; k < e; ++k) t[k] = by_number ? Bidi::EN : Bidi::N;  // W6 for the rest
    i = e - 1;
  }
  for (Bidi& b : t)  // W6
    if (b == Bidi::ES || b == Bidi::CS || b == Bidi::ET) b = Bidi::N;
  strong = sos;  // W7
  for (size_t i = 0; i < n; ++i) {
    if (t[i] == Bidi::L || t[i] == Bidi::R) strong = t[i];
    if (t[i] == Bidi::EN && strong == Bidi::L) t[i] = Bidi::L;
  }
  auto dir = [](Bidi b) { return b == Bidi::L ? Bidi::L : Bidi::R; };  // numbers count as R (N1)
  for (size_t i = 0; i < n; ++i) {  // N1, N2
    if (t[i] != Bidi::N) continue;
    size_t e = i;
    while (e < n && t[e] == Bidi::N) ++e;
    const Bidi before = i > 0 ? dir(t[i - 1]) : sos, after = e < n ? dir(t[e]) : sos;
    const Bidi b = before == after ? before : sos;
    for (size_t k = i; k < e; ++k) t[k] = b;
    i = e - 1;
  }
  std::vector<uint8_t> level(n);
  for (size_t i = 0; i < n; ++i) {  // I1, I2
    if (para == 0) level[i] = t[i] == Bidi::R ? 1 : (t[i] == Bidi::AN || t[i] == Bidi::EN) ? 2 : 0;
    else level[i] = t[i] == Bidi::R ? 1 : 2;
  }
  for (size_t i = n; i > 0 && (cps[i - 1] == ' ' || cps[i - 1] == '\t'); --i) level[i - 1] = static_cast<uint8_t>(para);  // L1
  for (size_t i = 0; i < n; ++i)  // L4, before the order changes
    if (level[i] & 1) cps[i] = mirrored(cps[i]);
  const uint8_t top = *std::max_element(level.begin(), level.end());
  for (uint8_t l = top; l >= 1; --l) {  // L2
    for (size_t i = 0; i < n; ++i) {
      if (level[i] < l) continue;
      size_t e = i;
      while (e < n && level[e] >= l) ++e;
      std::reverse(cps.begin() + i, cps.begin() + e);
      std::reverse(level.begin() + i, level.begin() + e);
      i = e - 1;
    }
  }
}

}  // namespace

bool needs_visual(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0xD6) continue;
    if (c <= 0xDF) return true;  // U+0590-07FF: Hebrew, Arabic, Syriac, Thaana, NKo
    const unsigned char d = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    const unsigned char e = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
    if (c == 0xE0 && d >= 0xA0 && d <= 0xA5) return true;  // U+0800-097F: Samaritan to Devanagari
    if (c == 0xEF && d >= 0xAC && d <= 0xBB) return true;  // U+FB00-FEFF: presentation forms
    if (c == 0xE2 && d == 0x80 && ((e >= 0x8B && e <= 0x8F) || (e >= 0xAA && e <= 0xAE))) return true;
    if (c == 0xE2 && d == 0x81 && e >= 0xA6 && e <= 0xA9) return true;
  }
  return false;
}

std::string visual(std::string_view s) {
  if (!needs_visual(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i <= s.size()) {
    size_t end = s.find('\n', i);
    if (end == std::string_view::npos) end = s.size();
    std::vector<char32_t> cps;
    for (size_t k = i; k < end;) cps.push_back(utf8_next(s.substr(0, end), k));
    cps = join_arabic(cps);
    reorder_deva_i(cps);
    reorder_line(cps);
    for (char32_t c : cps)
      if (!invisible_control(c)) utf8_append(out, c);
    if (end == s.size()) break;
    out += '\n';
    i = end + 1;
  }
  return out;
}

}  // namespace cv
