// groups_job.h: finding breakout groups while the page stays responsive, as a plain state machine:
// start (new rounds, or one round again with its locked groups kept), a slice of the solver's work
// per frame with its progress, cancel, and when it is done the Op that writes the rounds.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/breakouts.h"
#include "core/groups.h"
#include "core/model.h"

namespace app {

struct GroupsJob {
  cv::GroupsSolver* solver = nullptr;
  std::vector<std::string> members;  // solver index -> member id
  std::string round;                 // the round being made again, or "" for new rounds
  std::string session;
  float progress = 0;
  std::string message;               // the last result, in words
  bool running() const { return solver != nullptr; }
};

// New rounds for a request; `clock_ms` times the search (its budget is 5 s).
void groups_start(GroupsJob& j, const cv::Community& c, const cv::GroupsRequest& req, uint64_t seed,
                  double (*clock_ms)());
// One round made again, its locked groups kept (3 s).
void groups_regenerate(GroupsJob& j, const cv::Community& c, const std::string& round_id, uint64_t seed,
                       double (*clock_ms)());
// A slice of work. True when the search ended this step: `op` then holds the rounds to write (empty
// when there were none), with new records' ids derived from `new_id`.
bool groups_slice(GroupsJob& j, const cv::Community& c, const std::string& new_id, cv::Op& op);
void groups_cancel(GroupsJob& j);

}  // namespace app
