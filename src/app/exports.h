// exports.h: the files a community exports from the page (summaries, agendas and calendars of a
// meeting, group cards, reading plans, cases, the directory, the connections), each made from the
// community alone, named after what it holds. The page only downloads them.
#pragma once
#include <cstdint>
#include <string>

#include "core/model.h"
#include "ui/ui.h"

namespace app {

struct Export {
  std::string name, bytes, mime;  // the file; an empty name: the command exports nothing
  std::string said;               // what the status line says of it ("" nothing)
};
// The export `c` asks for, or an Export without a name for every other command (or a record gone).
Export export_for(const ui::Command& c, const cv::Community& community, int64_t now_ms);

}  // namespace app
