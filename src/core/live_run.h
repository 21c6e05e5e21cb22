// live_run.h: running a meeting block by block. The run is four fields of the meeting record, so it
// survives a reload, merges and undoes like any edit; time comes only from the caller (the platform
// clock), so the same run reads the same on every device.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/agenda.h"
#include "core/model.h"

namespace cv {

// The run is four fields of the meeting: run_block (the current block's id, "" before the start,
// "end" after), run_at (ms when the current block started, moved on by pauses), run_paused (ms when
// paused, 0 when running), run_extra (minutes added to the current block).
struct RunView {
  bool started = false, ended = false, paused = false;
  int index = -1;                 // the current block in agenda order
  int64_t elapsed_ms = 0;         // in the current block
  int64_t remaining_ms = 0;       // negative: over time
  int extra_minutes = 0;
  int64_t meeting_left_ms = 0;    // to the agenda's end at this pace
  int64_t since_ms = 0;           // since the block started (moved on by pauses), or since the pause
};
RunView run_view(const Record& meeting, const std::vector<Block>& blocks, int64_t now_ms);
Op op_run_start(const std::string& meeting, const std::vector<Block>& blocks, int64_t now_ms);
Op op_run_pause(const Record& meeting, const std::string& id, int64_t now_ms);  // pauses or resumes
Op op_run_extend(const Record& meeting, const std::string& id, int minutes);
// Moves to the block `step` away (+1 next or skip, -1 back); past the last block the meeting ends.
Op op_run_move(const Record& meeting, const std::string& id, const std::vector<Block>& blocks, int step, int64_t now_ms);
std::string format_countdown(int64_t ms);  // "04:59", "-01:05"

}  // namespace cv
