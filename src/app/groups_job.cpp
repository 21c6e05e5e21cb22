// groups_job.cpp: see groups_job.h.
#include "app/groups_job.h"

#include <string>

namespace app {

namespace {

void start(GroupsJob& j, cv::GroupsProblem p, uint64_t seed, int budget_ms, double (*clock_ms)()) {
  p.seed = seed;
  p.budget_ms = budget_ms;
  p.clock_ms = clock_ms;
  j.solver = cv::groups_start(p);
  j.progress = 0;
  j.message.clear();
}

}  // namespace

void groups_start(GroupsJob& j, const cv::Community& c, const cv::GroupsRequest& req, uint64_t seed,
                  double (*clock_ms)()) {
  if (j.running()) return;
  j.round.clear();
  j.session = req.session.empty() ? std::string("Breakouts") : req.session;
  start(j, cv::groups_problem(c, req, j.members), seed, 5000, clock_ms);
}

void groups_regenerate(GroupsJob& j, const cv::Community& c, const std::string& round_id, uint64_t seed,
                       double (*clock_ms)()) {
  if (j.running()) return;
  for (const auto& r : cv::breakout_rounds(c)) {
    if (r.id != round_id) continue;
    j.round = round_id;
    j.session = r.session;
    start(j, cv::regenerate_problem(c, r, j.members), seed, 3000, clock_ms);
    return;
  }
}

bool groups_slice(GroupsJob& j, const cv::Community& c, const std::string& new_id, cv::Op& op) {
  op = cv::Op{};
  if (!j.running()) return false;
  const bool done = cv::groups_step(j.solver, 8);
  j.progress = static_cast<float>(cv::groups_progress(j.solver));
  if (!done) return false;
  const cv::GroupsResult r = cv::groups_finish(j.solver);
  j.solver = nullptr;
  if (!r.ok) {
    j.message = "No groups: " + r.error + ".";
    return true;
  }
  if (j.round.empty()) {
    op = cv::op_breakouts(new_id, j.session, cv::next_round(c, j.session), r.schedule, j.members);
  } else {
    for (const auto& br : cv::breakout_rounds(c))
      if (br.id == j.round) op = cv::op_replace_groups(br, r.schedule, j.members);
  }
  j.message = std::to_string(r.quality.new_pairs) + " new connections, " + std::to_string(r.quality.repeated_pairs) +
              " repeated meetings" +
              (r.quality.repeated_pairs > 0 && r.quality.repeated_pairs == r.lower_bound ? ", the fewest possible" : "") +
              (r.quality.first_repeat_round >= 0 ? ", the first in round " + std::to_string(r.quality.first_repeat_round + 1)
                                                 : std::string()) +
              " (" + std::to_string(static_cast<long long>(r.ms)) + " ms).";
  return true;
}

void groups_cancel(GroupsJob& j) {
  if (!j.running()) return;
  cv::groups_finish(j.solver);
  j.solver = nullptr;
  j.message = "Cancelled.";
}

}  // namespace app
