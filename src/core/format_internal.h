// format_internal.h: what the writer (format.cpp) and the reader (format_read.cpp) of the community
// file share, inside the core (not a public header).
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "core/text.h"

namespace cv {

// True when one of the 8 bytes at p is '"', '\\', a control character or not ASCII, which the bytes of
// a JSON text rarely are: texts are most of a file, and are read and measured 8 bytes at a time.
inline bool special8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto zero = [&](uint64_t x) { return (x - ones) & ~x & highs; };  // some byte of x is 0
  return ((w & highs) | ((w - ones * 0x20) & ~w & highs) | zero(w ^ (ones * '"')) | zero(w ^ (ones * '\\'))) != 0;
}

// A text as a message quotes it: at most 60 characters, valid UTF-8.
inline std::string quote_text(std::string_view s) {
  std::string t = utf8_sanitize(s.substr(0, 60));
  return "\"" + t + (s.size() > 60 ? "...\"" : "\"");
}

// "18.0 MB"
inline std::string megabytes(size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

}  // namespace cv
