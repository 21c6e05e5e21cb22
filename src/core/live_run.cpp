// live_run.cpp: see live_run.h.
#include "core/live_run.h"

#include <algorithm>
#include <cstdio>

#include "core/fields.h"

namespace cv {

RunView run_view(const Record& m, const std::vector<Block>& blocks, int64_t now_ms) {
  RunView v;
  const std::string at = get(m, f::meeting_run_block);
  if (at.empty()) return v;
  v.started = true;
  if (at == "end") {
    v.ended = true;
    return v;
  }
  for (size_t i = 0; i < blocks.size(); ++i)
    if (blocks[i].id == at) v.index = static_cast<int>(i);
  if (v.index < 0) {  // the block was removed while running: the run carries on at the start
    if (blocks.empty()) return v;
    v.index = 0;
  }
  const int64_t started = get(m, f::meeting_run_at), paused = get(m, f::meeting_run_paused);
  v.paused = paused != 0;
  v.since_ms = now_ms - std::max(started, paused);
  v.extra_minutes = get(m, f::meeting_run_extra);
  v.elapsed_ms = std::max<int64_t>(0, (v.paused ? paused : now_ms) - started);
  v.remaining_ms = static_cast<int64_t>(blocks[v.index].minutes + v.extra_minutes) * 60000 - v.elapsed_ms;
  v.meeting_left_ms = std::max<int64_t>(0, v.remaining_ms);
  for (size_t i = v.index + 1; i < blocks.size(); ++i) v.meeting_left_ms += static_cast<int64_t>(blocks[i].minutes) * 60000;
  return v;
}

Op op_run_start(const std::string& meeting, const std::vector<Block>& blocks, int64_t now_ms) {
  Op op{"Start the meeting", {}};
  if (blocks.empty()) return op;
  put(op, meeting, f::meeting_run_block, blocks[0].id);
  put(op, meeting, f::meeting_run_at, now_ms);
  put(op, meeting, f::meeting_run_paused, int64_t(0));
  put(op, meeting, f::meeting_run_extra, 0);
  return op;
}

Op op_run_pause(const Record& m, const std::string& id, int64_t now_ms) {
  const int64_t paused = get(m, f::meeting_run_paused);
  Op op{paused ? "Resume the meeting" : "Pause the meeting", {}};
  if (paused) {
    put(op, id, f::meeting_run_at, get(m, f::meeting_run_at) + (now_ms - paused));
    put(op, id, f::meeting_run_paused, int64_t(0));
  } else {
    put(op, id, f::meeting_run_paused, now_ms);
  }
  return op;
}

Op op_run_extend(const Record& m, const std::string& id, int minutes) {
  Op op{"Extend the block by a minute", {}};
  put(op, id, f::meeting_run_extra, get(m, f::meeting_run_extra) + minutes);
  return op;
}

Op op_run_move(const Record& m, const std::string& id, const std::vector<Block>& blocks, int step, int64_t now_ms) {
  Op op{step > 0 ? "Next block" : "Back a block", {}};
  const RunView v = run_view(m, blocks, now_ms);
  if (!v.started || blocks.empty()) return op;
  const int to = v.ended ? static_cast<int>(blocks.size()) - 1 : std::max(0, v.index + step);
  put(op, id, f::meeting_run_block, to >= static_cast<int>(blocks.size()) ? std::string("end") : blocks[to].id);
  put(op, id, f::meeting_run_at, now_ms);
  put(op, id, f::meeting_run_paused, v.paused ? now_ms : int64_t(0));
  put(op, id, f::meeting_run_extra, 0);
  return op;
}

std::string format_countdown(int64_t ms) {
  const bool over = ms < 0;
  // Counting down, a started second shows: 4:59.2 left reads 05:00; over time counts up from 00:00.
  const int64_t s = over ? (-ms) / 1000 : (ms + 999) / 1000;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%s%02lld:%02lld", over ? "-" : "", static_cast<long long>(s / 60),
                static_cast<long long>(s % 60));
  return buf;
}

}  // namespace cv
