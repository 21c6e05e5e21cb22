// web_page.h: what the page's two halves share: the app's hooks (set by platform::page_start in
// imgui_web.cpp) and the note that input arrived (events from the page count: what they change may
// open windows that take a few frames to settle).
#pragma once
#include "imgui.h"
#include "platform/platform.h"

namespace web {
const platform::PageHooks& hooks();
void input_arrived();
// The renderer (gl_web.cpp): set up once the context exists; the font atlas as a texture (again when
// it is rebuilt); one frame's draw data.
void gl_init();
void gl_fonts();
void gl_draw(const ImDrawData* d);
}  // namespace web
