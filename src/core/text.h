// text.h: UTF-8 text as people write it. Folding for search and sorting, so that Zoë, Ñúñez,
// Jürgen, Żaneta, Алёна and Παύλος sort where a reader expects and are found without their accents.
//  [SECTION] UTF-8
//  [SECTION] Folding, collation, search
//  [SECTION] Escaping for exports (HTML, Markdown tables, iCalendar)
//  [SECTION] Drawing order: right-to-left runs, joined Arabic letters, Devanagari's i sign
#pragma once
#include <string>
#include <string_view>

namespace cv {

// [SECTION] UTF-8
// True when s is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool utf8_valid(std::string_view s);
// s with every ill-formed sequence replaced by U+FFFD, and control characters other than tab and
// line feed dropped: safe to show in a message.
std::string utf8_sanitize(std::string_view s);
// s for a terminal: control characters (C0, C1, DEL) and bidirectional overrides written as \u001B,
// so a name cannot move the cursor, clear the screen or reorder what is printed after it.
std::string terminal_safe(std::string_view s);
// Number of code points (not bytes) in well-formed UTF-8.
size_t utf8_length(std::string_view s);
// Decodes the code point at s[i] and advances i; U+FFFD for an ill-formed sequence.
char32_t utf8_next(std::string_view s, size_t& i);
void utf8_append(std::string& out, char32_t c);

// [SECTION] Folding, collation, search
// Lower case without accents: "Ñúñez" -> "nunez", "Алёна" -> "алена", "Παύλος" -> "παυλοσ".
// Covers ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
std::string fold(std::string_view s);
// Lower case only, accents kept (the second level of collation).
std::string lower(std::string_view s);
// Orders names as a reader expects: by folded letters, then accents, then case.
bool collate_less(std::string_view a, std::string_view b);
// A key whose byte order is collate_less's: sorting many names by keys folds each name once.
std::string collate_key(std::string_view s);
// True when needle, folded, occurs in haystack, folded ("zoe" finds "Zoë").
bool search_match(std::string_view haystack, std::string_view needle);
// A name that is safe as a file name on every system: no / \\ : * ? " < > | or control characters,
// no leading dots, at most 80 characters; "community" when nothing is left.
std::string filename_safe(std::string_view s);
// s without leading and trailing white space.
std::string trim(std::string_view s);

// [SECTION] Escaping for exports (HTML, Markdown tables, iCalendar) ---------------------------------
std::string html_escape(std::string_view s);  // & < > " ' escaped, new lines as <br>
std::string md_cell(std::string_view s);      // | escaped, new lines as <br>
std::string ics_text(std::string_view s);     // \ ; , escaped, new lines as \n (RFC 5545 3.3.11)
// A content line folded at 75 octets, never inside a UTF-8 sequence, with its CRLF (RFC 5545 3.1).
std::string ics_fold(std::string_view line);
// "18:30" plus minutes: "19:15"; "" when start is not a time.
std::string clock_time(const std::string& start, int minutes_after);

// [SECTION] Drawing order: right-to-left runs, joined Arabic letters, Devanagari's i sign --------
// Dear ImGui draws code points left to right, one glyph each, with no shaping. visual(s) is s in the
// order and forms such a renderer must draw to show it as a reader expects, line by line:
//  - right-to-left runs (Hebrew, Arabic) reversed by the Unicode bidirectional algorithm, simplified
//    for names and short texts (no embeddings or isolates; the paragraph's direction is its first
//    strong letter's, UAX #9 P2), brackets mirrored in them;
//  - Arabic letters in their joined forms (isolated, initial, medial, final: the presentation forms
//    U+FB50-FEFF, with lam-alef ligatures), so a word is joined as written;
//  - Devanagari's short i sign (U+093F) drawn before the consonant cluster it follows;
//  - invisible direction and joining controls (U+200B-200F, U+202A-202E, U+2066-2069) dropped.
// Only for display: what is stored, searched, exported and edited stays in logical order.
std::string visual(std::string_view s);
// False when visual(s) == s (no right-to-left letter, Arabic, Devanagari or direction control): a
// byte scan, so a frame can ask it of every name it draws.
bool needs_visual(std::string_view s);

}  // namespace cv
