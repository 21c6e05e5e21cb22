// topics_panel.cpp: topics proposed by anyone, dot votes with a budget the convener sets (votes can
// be taken back, ties shown as ties), "Choose for the first meeting", and the real problems members
// brought, each one click from becoming a topic. Topics not chosen stay in a backlog members own.
#include <algorithm>

#include "core/getting_started.h"
#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

namespace {
// What the tab reads of the votes, read again when the community or who votes changes, not at every
// frame: among 60,000 records a lookup costs microseconds of cache misses, and each row took two.
struct Votes {
  std::string community, voting_as;
  uint64_t revision = 0;
  bool read = false;
  int budget = 0, round = 0, used = 0;
  std::unordered_map<std::string, int> mine;  // by topic: the dots of the member voting
};

const Votes& votes_read(const cv::Community& c, const cv::Views& v, const std::string& voting_as) {
  static Votes x;
  if (x.read && x.revision == v.revision && x.community == v.community && x.voting_as == voting_as) return x;
  x.read = true;
  x.community = v.community, x.voting_as = voting_as, x.revision = v.revision;
  x.budget = cv::vote_budget(c);
  x.round = cv::vote_round(c);
  x.used = voting_as.empty() ? 0 : cv::dots_used(c, voting_as);
  x.mine = voting_as.empty() ? std::unordered_map<std::string, int>() : cv::dots_by_topic(c, voting_as);
  return x;
}
}  // namespace

void draw_topics_panel(const cv::Doc& doc, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  const cv::Views& v = *env.views;
  const auto& members = v.members;
  if (st.voting_as.empty() || !v.names.count(st.voting_as)) st.voting_as = members.empty() ? "" : members[0].first;
  const Votes& votes = votes_read(c, v, st.voting_as);

  // Propose a topic.
  if (input_and_add("##new-topic", "Propose a topic", st.new_topic, "Propose")) {
    out.ops.push_back(cv::op_propose_topic(env.new_id(), st.new_topic, st.voting_as));
    st.new_topic.clear();
  }

  // Who is voting, and with how many dots.
  const int budget = votes.budget;
  if (!members.empty()) {
    ImGui::SetNextItemWidth(220);
    member_combo("##voting-as", "Voting as " + shown_name(v, st.voting_as), v, st.voting_as, st.voting_as, "");
    ImGui::SameLine();
    ImGui::Text("%d of %d dots left", budget - votes.used, budget);
  }
  ImGui::SameLine();
  ImGui::Text("Round %d", votes.round + 1);
  ImGui::SameLine();
  if (ui::small_button("Start a new round")) {
    out.ops.push_back(cv::op_new_vote_round(c));
    out.status = "A new round: everyone has " + std::to_string(budget) + " dots again. Earlier rounds are kept below.";
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Every member's dots start afresh; the results of earlier rounds stay, at the bottom of this tab.");
  ImGui::SameLine();
  int b = budget;
  ImGui::SetNextItemWidth(number_width(50));
  if (ImGui::InputInt("dots each", &b) && b != budget && b >= 1 && b <= 20)
    out.ops.push_back(cv::op_set("Set the dot budget", c.id, cv::f::community_vote_budget, b));

  // Said in words, not only by colour: whose dots do not all count, and why.
  for (const cv::OverBudget& o : v.over_budget) {
    const std::string line = "Note: " + shown_name(v, o.member) + "'s votes add up to " + std::to_string(o.given) +
                             " dots, more than the budget of " + std::to_string(o.counted) + "; only " +
                             std::to_string(o.counted) + " count.";
    ImGui::TextWrapped("%s", line.c_str());
    describe_text(line);
  }
  const auto& tally = v.tallies;
  const std::string chosen = cv::get(*v.about, cv::f::community_first_topic);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (tally.empty()) {
    ImGui::TextDisabled("No topics yet.");
    describe_text("No topics yet.");
  } else if (ui::begin_table("topics", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y * 0.6f))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Rank", ImGuiTableColumnFlags_WidthFixed, 50);
    ImGui::TableSetupColumn("Dots", ImGuiTableColumnFlags_WidthFixed, 50);
    ImGui::TableSetupColumn("Topic", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Vote", ImGuiTableColumnFlags_WidthFixed, 110);
    ImGui::TableSetupColumn("##choose", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableHeadersRow();
    const int used = votes.used;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(tally.size()));
    while (clipper.Step())
    for (int ti = clipper.DisplayStart; ti < clipper.DisplayEnd; ++ti) {
      const cv::TopicTally& t = tally[ti];
      ImGui::PushID(t.id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text(t.tied ? "=%d" : "%d", t.rank);  // "=2": tied for second
      describe_text((t.tied ? "tied " : "") + std::to_string(t.rank));
      if (t.tied && ImGui::IsItemHovered()) ImGui::SetTooltip("Tied: another topic has as many dots.");
      ImGui::TableNextColumn();
      ImGui::Text("%d", t.dots);
      describe_text(std::to_string(t.dots) + (t.dots == 1 ? " dot" : " dots"));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(shown(t.title).c_str());
      describe_text(t.title);
      if (!t.proposed_by.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", shown_name(v, t.proposed_by).c_str());
      }
      // Who opens it: a member offers (as the member acting here), or takes the offer back.
      ImGui::SameLine();
      if (!t.owner.empty()) ImGui::TextColored(kGood, "%s opens it", shown_name(v, t.owner).c_str());
      if (!st.voting_as.empty() && (t.owner.empty() || t.owner == st.voting_as)) {
        if (!t.owner.empty()) ImGui::SameLine();
        const bool mine_to_open = t.owner == st.voting_as;
        if (ui::small_button((std::string(mine_to_open ? "Take the offer back##open-" : "I'll open it##open-") + t.id).c_str()))
          out.ops.push_back(cv::op_set(mine_to_open ? "Take back an offer to open a topic" : "Offer to open a topic", t.id,
                                       cv::f::topic_owner, mine_to_open ? std::string() : st.voting_as));
      }
      ImGui::TableNextColumn();
      const auto my = votes.mine.find(t.id);
      const int mine = my == votes.mine.end() ? 0 : my->second;
      ImGui::BeginDisabled(st.voting_as.empty() || mine == 0);
      if (ui::small_button(("-##vote-" + t.id).c_str())) out.ops.push_back(cv::op_vote(c, t.id, st.voting_as, -1));
      ImGui::EndDisabled();
      ImGui::SameLine();
      ImGui::Text("%d", mine);
      describe_text(std::to_string(mine) + " mine");
      ImGui::SameLine();
      ImGui::BeginDisabled(st.voting_as.empty() || used >= budget);
      if (ui::small_button(("+##vote-" + t.id).c_str())) out.ops.push_back(cv::op_vote(c, t.id, st.voting_as, +1));
      ImGui::EndDisabled();
      ImGui::TableNextColumn();
      if (t.id == chosen) {
        ImGui::TextColored(ImVec4(0.15f, 0.5f, 0.28f, 1), "First meeting");
      } else if (ui::small_button(("Choose for the first meeting##" + t.id).c_str())) {
        out.ops.push_back(cv::op_choose_first_topic(c, t.id));
      }
      ImGui::SameLine();
      if (ui::small_button(("Who can help##" + t.id).c_str())) st.match_for = t.id;
      ImGui::PopID();
    }
    ImGui::EndTable();
  }

  // Earlier rounds, newest first: what the community wanted then.
  if (!v.earlier_rounds.empty() && ImGui::TreeNode("earlier-rounds", "Earlier rounds (%zu)", v.earlier_rounds.size())) {
    for (const cv::VoteRound& r : v.earlier_rounds) {
      std::string line = "Round " + std::to_string(r.round + 1) + " (" + std::to_string(r.voters) +
                         (r.voters == 1 ? " member voted): " : " members voted): ");
      for (size_t i = 0; i < r.topics.size() && i < 5; ++i)
        line += (i ? "; " : "") + r.topics[i].title + " " + std::to_string(r.topics[i].dots) +
                (r.topics[i].state == "done" ? " (done)" : "");
      ImGui::TextWrapped("%s", line.c_str());
    }
    ImGui::TreePop();
  }

  ui::heading("Real problems members brought");
  const auto& problems = v.problems;
  if (problems.empty()) ImGui::TextDisabled("None yet.");
  else if (begin_child("problems", ImVec2(0, 0))) {
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(problems.size()));
  while (clipper.Step())
  for (int pi = clipper.DisplayStart; pi < clipper.DisplayEnd; ++pi) {
    const auto& [id, p] = problems[pi];
    ImGui::PushID(id.c_str());
    ImGui::BulletText("%s", cv::get(*p, cv::f::problem_text).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", shown_name(v, cv::get(*p, cv::f::problem_member)).c_str());
    ImGui::SameLine();
    if (ui::small_button("Make a topic"))
      out.ops.push_back(cv::op_propose_topic(env.new_id(), cv::get(*p, cv::f::problem_text),
                                             cv::get(*p, cv::f::problem_member), id));
    ImGui::SameLine();
    if (ui::small_button("Who can help")) st.match_for = id;
    ImGui::PopID();
  }
  }
  if (!problems.empty()) ImGui::EndChild();
}

}  // namespace ui
