// format_json.h: the community file's fast JSON reader (format_read.cpp), inside the core.
// nlohmann/json's lexer reads a byte at a time and keeps every token's text for its messages: half
// the time of an import. This reader gives a SAX handler the same events for the same bytes, with
// strings copied in runs. It accepts only what nlohmann/json accepts (tests/unit-format.cpp and the
// fuzz target compare them); at the first thing it does not accept it stops, and parse_file reads the
// file again with nlohmann/json, whose message names the problem. Broken files are rare; fast ones not.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/format.h"
#include "core/format_internal.h"

namespace cv {

// A letter, a digit, - _ : or . (without the locale lookup of std::isalnum, for every id of a file).
inline bool id_char(char ch) {
  const unsigned char c = static_cast<unsigned char>(ch);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == ':' || c == '.';
}

// Whether a handler takes stamps whole (FileSax does; nlohmann/json's DOM builder does not).
template <class Sax, class = void>
struct has_stamps : std::false_type {};
template <class Sax>
struct has_stamps<Sax, std::void_t<decltype(std::declval<const Sax&>().stamp_next())>> : std::true_type {};

template <class Sax>
class FastJson {
 public:
  FastJson(std::string_view bytes, Sax& sax) : p_(bytes.data()), end_(bytes.data() + bytes.size()), sax_(sax) {}

  enum Result { Read, Stopped, NotAccepted };  // Stopped: the handler said stop
  Result run() {
    ws();
    if (!value(0)) return stopped_ ? Stopped : NotAccepted;
    ws();
    return p_ == end_ ? Read : NotAccepted;
  }

 private:
  const char* p_;
  const char* end_;
  Sax& sax_;
  std::string buf_, actor_;
  bool stopped_ = false;

  bool event(bool go_on) {
    if (!go_on) stopped_ = true;
    return go_on;
  }
  void ws() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  bool literal(const char* word, size_t n) {
    if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
    p_ += n;
    return true;
  }

  bool value(int depth) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '{': return container(true, depth + 1);
      case '[':
        if constexpr (has_stamps<Sax>::value) {
          if (sax_.stamp_next())
            if (const int r = stamp(); r >= 0) return r;
        }
        return container(false, depth + 1);
      case '"':
        if (!string()) return false;
        return event(sax_.string(buf_));
      case 't': return literal("true", 4) && event(sax_.boolean(true));
      case 'f': return literal("false", 5) && event(sax_.boolean(false));
      case 'n': return literal("null", 4) && event(sax_.null());
      default: return number();
    }
  }

  // A stamp [ms, counter, "actor"] of whole numbers (up to 18 digits) and an actor of id characters,
  // handed over as such: 1 read, 0 the handler said stop, -1 another shape, left to be read the
  // general way (which says what is wrong with it, if anything).
  int stamp() {
    const char* q = p_ + 1;
    auto blank = [&] {
      while (q != end_ && (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t')) ++q;
    };
    auto whole = [&](uint64_t& v) {
      const char* s = q;
      v = 0;
      while (q != end_ && *q >= '0' && *q <= '9' && q - s < 18) v = v * 10 + static_cast<uint64_t>(*q++ - '0');
      return q != s && !(*s == '0' && q - s > 1);
    };
    auto is = [&](char c) {
      if (q == end_ || *q != c) return false;
      ++q;
      return true;
    };
    uint64_t ms, counter;
    blank();
    if (!whole(ms)) return -1;
    blank();
    if (!is(',')) return -1;
    blank();
    if (!whole(counter)) return -1;
    blank();
    if (!is(',')) return -1;
    blank();
    if (!is('"')) return -1;
    const char* a = q;
    while (q != end_ && q - a <= static_cast<ptrdiff_t>(kMaxIdChars) && id_char(*q)) ++q;
    if (q == a || q - a > static_cast<ptrdiff_t>(kMaxIdChars) || !is('"')) return -1;
    actor_.assign(a, static_cast<size_t>(q - 1 - a));
    blank();
    if (!is(']')) return -1;
    p_ = q;
    return event(sax_.stamp(ms, counter, actor_)) ? 1 : 0;
  }

  // An object or an array: its members (key, colon, value) or elements, separated by commas.
  bool container(bool object, int depth) {
    if (depth > kMaxDepth) return false;
    const char close = object ? '}' : ']';
    ++p_;
    if (!event(object ? sax_.start_object(std::size_t(-1)) : sax_.start_array(std::size_t(-1)))) return false;
    ws();
    for (bool first = true;; first = false) {
      if (first && p_ != end_ && *p_ == close) break;
      if (object) {
        if (p_ == end_ || *p_ != '"' || !string() || !event(sax_.key(buf_))) return false;
        ws();
        if (p_ == end_ || *p_ != ':') return false;
        ++p_;
        ws();
      }
      if (!value(depth)) return false;
      ws();
      if (p_ == end_) return false;
      if (*p_ == close) break;
      if (*p_ != ',') return false;
      ++p_;
      ws();
    }
    ++p_;
    return event(object ? sax_.end_object() : sax_.end_array());
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool u4(uint32_t& out) {
    if (end_ - p_ < 4) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = hex(p_[i]);
      if (h < 0) return false;
      out = out * 16 + static_cast<uint32_t>(h);
    }
    p_ += 4;
    return true;
  }
  // One UTF-8 sequence of 2 to 4 bytes, well formed as RFC 3629 says (no overlongs, no surrogates).
  bool utf8() {
    const auto b = [&](ptrdiff_t i) { return static_cast<unsigned char>(p_[i]); };
    const unsigned char c = b(0);
    int n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else return false;
    if (end_ - p_ < n || b(1) < lo || b(1) > hi) return false;
    for (int i = 2; i < n; ++i)
      if (b(i) < 0x80 || b(i) > 0xBF) return false;
    buf_.append(p_, static_cast<size_t>(n));
    p_ += n;
    return true;
  }

  bool string() {
    buf_.clear();
    ++p_;
    for (;;) {
      const char* run = p_;
      while (end_ - p_ >= 8 && !special8(p_)) p_ += 8;
      while (p_ != end_) {
        const unsigned char c = static_cast<unsigned char>(*p_);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++p_;
      }
      buf_.append(run, static_cast<size_t>(p_ - run));
      if (p_ == end_) return false;
      const unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        if (!utf8()) return false;
        continue;
      }
      // An escape.
      if (++p_ == end_) return false;
      const char e = *p_++;
      switch (e) {
        case '"': buf_ += '"'; break;
        case '\\': buf_ += '\\'; break;
        case '/': buf_ += '/'; break;
        case 'b': buf_ += '\b'; break;
        case 'f': buf_ += '\f'; break;
        case 'n': buf_ += '\n'; break;
        case 'r': buf_ += '\r'; break;
        case 't': buf_ += '\t'; break;
        case 'u': {
          uint32_t cp;
          if (!u4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!u4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          utf8_append(buf_, static_cast<char32_t>(cp));
          break;
        }
        default: return false;
      }
    }
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? : integers as nlohmann/json gives them (unsigned
  // when not negative, signed when negative, a float when too large for either), other numbers as
  // finite doubles.
  bool number() {
    const char* start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
    if (*p_ == '0') ++p_;
    else while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    const char* int_end = p_;
    bool is_float = false;
    if (p_ != end_ && *p_ == '.') {
      is_float = true;
      ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      is_float = true;
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (!is_float) {
      uint64_t v = 0;
      bool overflow = false;
      for (const char* d = start + (negative ? 1 : 0); d != int_end; ++d) {
        const uint64_t digit = static_cast<uint64_t>(*d - '0');
        if (v > (UINT64_MAX - digit) / 10) overflow = true;
        v = v * 10 + digit;
      }
      if (!overflow && !negative) return event(sax_.number_unsigned(v));
      if (!overflow && v <= uint64_t(1) << 63)
        return event(sax_.number_integer(v == uint64_t(1) << 63 ? INT64_MIN : -static_cast<int64_t>(v)));
    }
    const std::string token(start, p_);
    const double d = std::strtod(token.c_str(), nullptr);
    if (!std::isfinite(d)) return false;
    std::string text;
    return event(sax_.number_float(d, text));
  }
};

}  // namespace cv
