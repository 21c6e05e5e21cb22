// platform_web.cpp: platform.h in the browser: the services (clock, randomness, storage, files,
// links, clipboard) as commands to the page's JavaScript (web/lib_*.js), and the page's events into
// the app. Dear ImGui's backend for the page (input, fonts, frames) is imgui_web.cpp.
//  [SECTION] The JavaScript side
//  [SECTION] Clock, randomness, files
//  [SECTION] Events, storage, files
#include <emscripten.h>

#include <string>
#include <vector>

#include "core/format.h"
#include "core/model.h"
#include "platform/platform.h"
#include "platform/web_page.h"

// [SECTION] The JavaScript side ---------------------------------------------------------------------
extern "C" {
void cvjs_request_frame();
void cvjs_request_tick();
void cvjs_wake_after(int ms);
void cvjs_chime();
double cvjs_now_ms();
void cvjs_random(void* buf, int n);
void cvjs_storage_init();
void cvjs_storage_load(const char* id);
void cvjs_storage_save_part(const char* data, int len);  // the bytes of the next save or journal, a part at a time
void cvjs_storage_save(const char* cmd);
void cvjs_storage_journal(const char* cmd, int len);  // len: the parts' bytes in all
void cvjs_storage_drop_meta(const char* key);
void cvjs_storage_download_recovery(const char* key);
void cvjs_reload();
void cvjs_storage_trash(const char* id, int trashed, int purge);
void cvjs_storage_list();
void cvjs_storage_set_meta(const char* key, const char* value);
void cvjs_storage_estimate();
void cvjs_download(const char* name, const char* data, int len, const char* mime);
void cvjs_pick_files(int multiple, const char* accept);
void cvjs_make_share_link(const char* data, int len, const char* kind);
void cvjs_copy_text(const char* text);
void cvjs_open_hash();
void cvjs_local_date(char* buf, int n);
void cvjs_http(const char* cmd, const char* body, int len);
}

// [SECTION] Clock, randomness, files -----------------------------------------------------------------
namespace platform {

int64_t now_ms() { return static_cast<int64_t>(cvjs_now_ms()); }

double steady_ms() { return emscripten_get_now(); }

uint64_t random_u64() {
  uint64_t v = 0;
  cvjs_random(&v, sizeof v);
  return v;
}

std::string new_id() { return cv::make_id(random_u64(), random_u64()); }

bool read_file(const std::string& path, std::string&, std::string& error, size_t) {
  error = path + ": the page reads files through the file picker";
  return false;
}
bool write_file(const std::string& path, const std::string&, std::string& error) {
  error = path + ": the page saves files as downloads";
  return false;
}

void request_frame() { cvjs_request_frame(); }
void wake_after_ms(int ms) { cvjs_wake_after(ms); }
void chime() { cvjs_chime(); }

}  // namespace platform

// [SECTION] Events, storage, files ------------------------------------------------------------------
namespace {
std::vector<platform::Event> g_events;
std::string g_event_bytes;  // cv_event_bytes
}  // namespace

namespace platform {

std::vector<Event> take_events() {
  std::vector<Event> out;
  out.swap(g_events);
  return out;
}

void storage_init() { cvjs_storage_init(); }
void storage_load(const std::string& id) { cvjs_storage_load(id.c_str()); }
void storage_save(const nlohmann::json& write, const std::vector<std::string>& parts) {
  for (const std::string& p : parts) cvjs_storage_save_part(p.data(), static_cast<int>(p.size()));
  cvjs_storage_save(write.dump().c_str());
}
void storage_journal(const nlohmann::json& journal, const std::vector<std::string>& parts) {
  for (const std::string& p : parts) cvjs_storage_save_part(p.data(), static_cast<int>(p.size()));
  cvjs_storage_journal(journal.dump().c_str(), static_cast<int>(cv::bytes_of(parts)));
}
void storage_drop_meta(const std::string& key) { cvjs_storage_drop_meta(key.c_str()); }
void storage_download_recovery(const std::string& key) { cvjs_storage_download_recovery(key.c_str()); }
void reload_page() { cvjs_reload(); }
void storage_trash(const std::string& id, bool trashed) { cvjs_storage_trash(id.c_str(), trashed, 0); }
void storage_purge(const std::string& id) { cvjs_storage_trash(id.c_str(), 0, 1); }
void storage_list() { cvjs_storage_list(); }
void storage_set_meta(const std::string& key, const std::string& value) {
  cvjs_storage_set_meta(key.c_str(), value.c_str());
}
void storage_estimate() { cvjs_storage_estimate(); }

void download(const std::string& filename, const std::string& bytes, const std::string& mime) {
  cvjs_download(filename.c_str(), bytes.data(), static_cast<int>(bytes.size()), mime.c_str());
}
void pick_files(const std::string& accept) { cvjs_pick_files(1, accept.c_str()); }
void make_share_link(const std::string& compact, const std::string& kind) {
  cvjs_make_share_link(compact.data(), static_cast<int>(compact.size()), kind.c_str());
}
void copy_text(const std::string& text) { cvjs_copy_text(text.c_str()); }
void open_location_hash() { cvjs_open_hash(); }
std::string local_date() {
  char buf[32] = {};
  cvjs_local_date(buf, sizeof buf);
  return buf;
}

void http(const nlohmann::json& request, const std::string& body) {
  cvjs_http(request.dump().c_str(), body.data(), static_cast<int>(body.size()));
}

}  // namespace platform

extern "C" {

// Room for the bytes of the next event, which the page writes in place: a 40 MB file copied from a
// buffer of its own into the event held twice its size for a moment. Left unfilled, as the page
// overwrites it all (filling 40 MB with zeros first took 17 ms of an import).
EMSCRIPTEN_KEEPALIVE char* cv_event_bytes(int len) {
  g_event_bytes = std::string();
  g_event_bytes.__resize_default_init(static_cast<size_t>(len > 0 ? len : 0));  // libc++ (Emscripten's)
  return g_event_bytes.data();
}

// An event from the page: info is JSON text with "kind"; its bytes (len of them) are in cv_event_bytes.
EMSCRIPTEN_KEEPALIVE void cv_on_event(const char* info, int len) {
  platform::Event e;
  std::string bytes = std::move(g_event_bytes);
  g_event_bytes = std::string();
  e.info = cv::json::parse(info, nullptr, false);
  if (e.info.is_discarded() || !e.info.is_object()) return;
  e.kind = e.info.value("kind", "");
  if (len > 0 && bytes.size() == static_cast<size_t>(len)) e.data = std::move(bytes);
  g_events.push_back(std::move(e));
  web::input_arrived();  // what it changes may open windows, which take a few frames to settle
  cvjs_request_tick();
}

// Runs the app's work between frames (timers, events) even where no frame is drawn.
EMSCRIPTEN_KEEPALIVE void cv_tick() {
  if (web::hooks().tick) web::hooks().tick();
}

EMSCRIPTEN_KEEPALIVE void cv_flush() {
  if (web::hooks().flush) web::hooks().flush();
}

EMSCRIPTEN_KEEPALIVE void cv_test_idle_fields(int on) {
  if (web::hooks().test_idle_fields) web::hooks().test_idle_fields(on != 0);
}

}  // extern "C"
