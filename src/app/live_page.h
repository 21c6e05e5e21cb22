// live_page.h: the live sync (live.h) on the page: its requests carried by the platform's fetch, its
// settings kept in this browser's storage (meta "matrix:<community>"), its state shown in the UI and
// the test interface. web_main.cpp calls these; the decisions are all in live.cpp.
#pragma once
#include <map>
#include <string>

#include "app/live.h"
#include "platform/platform.h"
#include "ui/ui.h"

namespace app {

struct LivePage {
  Live live;
  std::map<std::string, std::string> settings;  // per community: what storage keeps (JSON text)
  std::string stored;                           // what was last given to storage for the open one
  std::string answers_sent;                     // the community whose invitation answers went to the room
};

// Storage is ready: the settings it keeps ("matrix" in its info).
void live_page_ready(LivePage& p, const nlohmann::json& info);
// A community was opened: its connection, if it has one, starts again.
void live_page_opened(LivePage& p, const std::string& community);
// Community > Connect, Disconnect. True when the command was one of these.
bool live_page_command(LivePage& p, const cv::Doc& doc, const ui::Command& c);
// An "http" event from the page.
void live_page_answer(LivePage& p, cv::Doc& doc, const platform::Event& e, int64_t now_ms);
// Each frame or tick: sends and polls what is due, fills w.live. Sentences for the status line go to
// *notice (the last one).
void live_page_step(LivePage& p, cv::Doc& doc, ui::World& w, int64_t now_ms, std::string* notice);
nlohmann::json live_page_test_ui(const LivePage& p, int64_t now_ms);

}  // namespace app
