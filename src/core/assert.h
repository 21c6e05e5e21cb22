// assert.h: CV_ASSERT, for a programmer's misuse (an unknown meeting template, a block kind that is
// not in the table), never for anything a file or a person can cause (those are messages). On in
// the native builds (the tests, the command-line tool); off in the page a person runs.
#pragma once

namespace cv {
[[noreturn]] void assert_failed(const char* what, const char* why, const char* file, int line);
}  // namespace cv

#ifdef CULTIVATE_ASSERTS
#define CV_ASSERT(cond, why) ((cond) ? (void)0 : ::cv::assert_failed(#cond, why, __FILE__, __LINE__))
#else
#define CV_ASSERT(cond, why) ((void)0)
#endif
