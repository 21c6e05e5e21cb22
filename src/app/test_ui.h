// test_ui.h: what the Meetings tab, the live view and a member's page show, as JSON for the browser
// tests (cultivateTest.ui()). Read from the community, the views and the UI state, the way the
// panels read them, so a test checks what is on screen without parsing pixels.
#pragma once
#include <cstdint>

#include "core/format.h"
#include "core/views.h"
#include "ui/ui.h"

namespace app {

// What the getting-started tabs and Groups show, as keys of cultivateTest.ui() itself: the views'
// groupings ("views"), the Skills tab's lines as drawn ("skill_lines"), the first meeting's warnings,
// and the breakout rounds and the search for groups ("groups").
cv::json getting_started_test_ui(const cv::Community& c, const cv::Views& views, const ui::State& st, const ui::World& w);

// The meeting in the designer (its warnings and follow-ups), Roles over time, and the live view's run
// (its peer-assist or case discussion, and the reading of a book discussion).
cv::json meetings_test_ui(const cv::Community& c, const cv::Views& views, const ui::State& st, int64_t now_ms);
// The member page open (Details): what they presented, and when.
cv::json member_presented_test_ui(const cv::Views& views, const ui::State& st);

// The Directory tab: the rows that pass its filter (member ids, in order), and who can help with its
// question, with the reasons.
cv::json directory_test_ui(const cv::Doc& doc, const cv::Views& views, const ui::State& st);

// The Threads tab: the threads as it lists them, and what it counts as new since the last visit.
cv::json threads_test_ui(const cv::Views& views, const ui::State& st);

// The Connections tab: the network it shows (for its filter), in figures.
cv::json network_test_ui(const ui::State& st);
// The Projects tab's list, and the objectives revisited as the Objectives tab last read them.
cv::json projects_test_ui(const ui::State& st);

}  // namespace app
