// platform.h: the only door to the machine: clock, randomness, files, and (on the web) storage,
// links, clipboard and frames. One header; platform_web.cpp and platform_native.cpp implement it.
//  [SECTION] Clock and randomness
//  [SECTION] Files
//  [SECTION] The page (web build only)
//  [SECTION] Events from the page (web build only)
//  [SECTION] Storage (web build only)
//  [SECTION] Files, links, clipboard (web build only)
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

struct ImDrawList;

namespace platform {

// [SECTION] Clock and randomness
int64_t now_ms();          // wall clock, epoch milliseconds (for stamps and dates)
double steady_ms();        // a steady clock, to measure how long work took (never for stamps)
uint64_t random_u64();     // from the system's cryptographic source
std::string new_id();      // a fresh record id (cv::make_id over random bits)

// [SECTION] Files (native: paths on disk)
// Reads at most max_bytes + 1 bytes: more than max_bytes means the file is larger than allowed.
bool read_file(const std::string& path, std::string& bytes, std::string& error, size_t max_bytes = SIZE_MAX);
bool write_file(const std::string& path, const std::string& bytes, std::string& error);

// [SECTION] The page (web build only)
// What the app gives the page: one frame of UI, and the open community for the test interface.
struct PageHooks {
  void (*setup)() = nullptr;               // once Dear ImGui exists, before the first frame
  // The page is being hidden or closed: store now (storage_journal reaches the database even when
  // the page goes away right after).
  void (*flush)() = nullptr;
  bool (*frame)() = nullptr;               // draws the UI; true when it wants another frame soon
  // Work that must not wait for a frame (background tabs get few): page events, saves.
  void (*tick)() = nullptr;
  std::string (*test_state)() = nullptr;   // canonical export JSON of the open community
  std::string (*test_ui)() = nullptr;      // what the page shows besides the community, as JSON
  void (*test_idle_fields)(bool) = nullptr;  // false: every field drawn by InputText (a test compares)
};
// Sets up the canvas, WebGL2, Dear ImGui and input; frames are then drawn only when needed.
void page_start(const PageHooks& hooks);
void request_frame();          // something outside input changed: draw again
void wake_after_ms(int ms);    // draw again after ms (timers, tooltips)
void chime();                  // a short, gentle sound (the end of a block in a live meeting)
void want_large_fonts();       // the live view's countdown and title fonts, built when first wanted

// [SECTION] Display (web build only)
// How this browser shows the page: the text size (1 to 2; the whole interface grows with it, drawn
// crisp at its size), high contrast, and the browser's wish for reduced motion. The first two are
// the person's choice, remembered in this browser; the page starts high contrast when the browser
// asks for more contrast and nothing was chosen. On a touch screen every target is larger.
struct Display {
  float text_size = 1.0f;
  bool high_contrast = false;
  bool reduced_motion = false;
  bool touch = false;  // the main pointer is a finger (pointer: coarse): targets of 44 CSS pixels
};
Display display();
void set_display(float text_size, bool high_contrast);

// [SECTION] Accessibility (web build only)
// The page mirrors the widgets for screen readers; these add what Dear ImGui does not report: a
// field's name and text, and the status line (announced when it changes).
void describe_item(unsigned id, std::string_view name, std::string_view value);
void announce(std::string_view status);
// Text the last item drew (a heading, a countdown, a table cell): read where it stands.
void describe_text(std::string_view text, bool heading);
// Where to find a label's text as written when the UI drew it in display order (ui::logical_of).
void set_logical_text(const std::string* (*lookup)(std::string_view drawn));

// [SECTION] Pictures (web build only)
// Shapes drawn once into a texture, for ui::draw_to_picture: the frames after show it as one image.
void* draw_to_picture(const ImDrawList& shapes, float x, float y, float w, float h, void* into);

// [SECTION] Events from the page (web build only)
// What the page reports (storage results, files, links, other tabs) arrives as plain data,
// queued until the app takes it at the start of a frame.
struct Event {
  std::string kind;         // "storage-ready", "loaded", "saved", "list", "file", "link", ...
  nlohmann::json info;      // the event's fields
  std::string data;         // bytes that came with it (a file, a stored community)
};
std::vector<Event> take_events();

// [SECTION] Storage (web build only)
// Commands go out; results come back as events (storage-ready, journal, loaded, saved, save-conflict,
// save-failed, list, purged, estimate, persist, storage-error). Nothing calls back into the app.
void storage_init();
void storage_load(const std::string& id);              // -> "loaded" {id, found, purged, etag} + text
// Stores the parts, joined, if the stored copy's etag is still write["expect"]; write: {id, name, expect, etag,
// seq, revision, keep_aside, reason} -> "saved" {id, seq, etag, kept_aside}, or "save-conflict"
// {id, seq, etag, purged} + the stored text, or "save-failed" {id, seq, error}.
void storage_save(const nlohmann::json& write, const std::vector<std::string>& parts);  // the bytes in parts
// The open community's text, committed at once: {id, name, revision}. The next start merges it.
void storage_journal(const nlohmann::json& journal, const std::vector<std::string>& parts);
void storage_drop_meta(const std::string& key);           // a merged journal, a discarded recovery copy
void storage_download_recovery(const std::string& key);   // a recovery copy, as it was stored
void storage_trash(const std::string& id, bool trashed);  // to the bin, or back
void storage_purge(const std::string& id);                // gone for good (a tombstone stays)
void storage_list();
void storage_set_meta(const std::string& key, const std::string& value);  // "storage-ready" returns them
void storage_estimate();

// [SECTION] Files, links, clipboard (web build only)
void download(const std::string& filename, const std::string& bytes, const std::string& mime);
// Opens the file picker for files of `accept` (".json", ".csv") -> "files-start", "file"..., "files-done".
void pick_files(const std::string& accept);
// A link carrying `compact` in its fragment as #<kind>= ("c" a community, "invite" an invitation)
// -> "share-link" {kind, url, length} or {error}.
void make_share_link(const std::string& compact, const std::string& kind);
void copy_text(const std::string& text);             // -> "copied" {ok}
void open_location_hash();                           // a #c= or #url= link -> "link"
std::string local_date();                            // "2026-11-28", the person's own calendar
// One HTTP request (the live sync's, to a Matrix homeserver) -> "http" {id, status, error} + the body.
// status 0: the network failed or no answer came within timeout_ms.
void http(const nlohmann::json& request, const std::string& body);  // {id, method, url, token, content_type, timeout_ms}
void reload_page();                                  // a new version is ready and the person chose it

}  // namespace platform
