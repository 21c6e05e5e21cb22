// web_page.h: what the page's two halves share: the app's hooks (set by platform::page_start in
// imgui_web.cpp) and the note that input arrived (events from the page count: what they change may
// open windows that take a few frames to settle).
#pragma once
#include "platform/platform.h"

namespace web {
const platform::PageHooks& hooks();
void input_arrived();
}  // namespace web
