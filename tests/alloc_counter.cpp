// alloc_counter.cpp: counts the bytes the test program holds through operator new, and the most it
// ever held, so a test can prove a parse of a hostile file stays small. Sanitizer builds keep their
// own allocator (CULTIVATE_NO_ALLOC_COUNTER), and the tests that need the counter say they skipped.
#include <cstdlib>
#include <new>

#include "helpers.h"

#ifndef CULTIVATE_NO_ALLOC_COUNTER
namespace {
size_t g_now = 0, g_peak = 0;
constexpr size_t kHeader = 16;  // keeps the size in front of the block, aligned like malloc's
}  // namespace

void* operator new(std::size_t n) {
  void* p = std::malloc(n + kHeader);
  if (!p) throw std::bad_alloc();
  *static_cast<size_t*>(p) = n;
  g_now += n;
  if (g_now > g_peak) g_peak = g_now;
  return static_cast<char*>(p) + kHeader;
}
void* operator new[](std::size_t n) { return operator new(n); }
void operator delete(void* p) noexcept {
  if (!p) return;
  char* base = static_cast<char*>(p) - kHeader;
  g_now -= *reinterpret_cast<size_t*>(base);
  std::free(base);
}
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { operator delete(p); }

namespace testing {
bool alloc_counting() { return true; }
size_t alloc_now() { return g_now; }
void alloc_reset_peak() { g_peak = g_now; }
size_t alloc_peak() { return g_peak; }
}  // namespace testing
#else
namespace testing {
bool alloc_counting() { return false; }
size_t alloc_now() { return 0; }
void alloc_reset_peak() {}
size_t alloc_peak() { return 0; }
}  // namespace testing
#endif
