// platform.h: the only door to the machine: clock, randomness, files, and (on the web) storage,
// links, clipboard and frames. One header; platform_web.cpp and platform_native.cpp implement it.
//  [SECTION] Clock and randomness
//  [SECTION] Files
//  [SECTION] The page (web build only)
#pragma once
#include <cstdint>
#include <string>

namespace platform {

// [SECTION] Clock and randomness
int64_t now_ms();          // wall clock, epoch milliseconds (for stamps and dates)
uint64_t random_u64();     // from the system's cryptographic source
std::string new_id();      // a fresh record id (cv::make_id over random bits)

// [SECTION] Files (native: paths on disk)
bool read_file(const std::string& path, std::string& bytes, std::string& error);
bool write_file(const std::string& path, const std::string& bytes, std::string& error);

// [SECTION] The page (web build only)
// What the app gives the page: one frame of UI, and the open community for the test interface.
struct PageHooks {
  void (*setup)() = nullptr;               // once Dear ImGui exists, before the first frame
  bool (*frame)() = nullptr;               // draws the UI; true when it wants another frame soon
  std::string (*test_state)() = nullptr;   // canonical export JSON of the open community
};
// Sets up the canvas, WebGL2, Dear ImGui and input; frames are then drawn only when needed.
void page_start(const PageHooks& hooks);
void request_frame();          // something outside input changed: draw again
void wake_after_ms(int ms);    // draw again after ms (timers, tooltips)

}  // namespace platform
