// groups_panel.cpp: breakout groups that make the most new connections. Who is here, the size or
// number of groups, the rounds; generate (the solver runs between frames, with progress and
// Cancel); who meets whom for the first time; drag a member to another group and see what it costs;
// lock a group and regenerate the rest; print group cards; new connections per round and season.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <set>
#include <string_view>

#include "core/breakouts.h"
#include "core/getting_started.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

namespace {

// The member being dragged (ImGui payloads are bytes: an index into this list).
std::vector<std::string> g_drag_ids;

// A card is at least this wide, and as wide as the longest name needs up to kCardWidthMost (a longer
// name is cut with an ellipsis, and said whole in a tooltip).
constexpr float kCardWidth = 190, kCardWidthMost = 360;

// A group's card: its title line, a line per member, and room around them.
float card_height(const std::vector<std::string>& group, float line) { return line * (group.size() + 3) + 8; }

size_t cards_per_row(float avail, float card_w) { return static_cast<size_t>(std::max(1, static_cast<int>(avail / (card_w + 10)))); }

// The card's width for these members' names, and the room a "+N new" takes after a name: measured
// once per change of the community (each name once), not per frame.
void measure_cards(const cv::Views& v, float avail, State& st) {
  const float pad = ImGui::GetStyle().WindowPadding.x;
  st.card_new_width = ImGui::CalcTextSize("+99 new").x + ImGui::GetStyle().ItemSpacing.x;
  float longest = 0;
  for (const auto& [id, m] : v.members) longest = std::max(longest, ImGui::CalcTextSize(shown_name(v, id).c_str()).x);
  const float most = std::max(kCardWidth, std::min(kCardWidthMost, avail - 10));
  st.card_width = std::clamp(std::ceil(longest + st.card_new_width + 2 * pad + ImGui::GetStyle().FramePadding.x), kCardWidth, most);
}

// Where each row of a round's cards begins, per_row cards to a row, each row as tall as its tallest
// card and the spacing after it; the last entry is where the rows end.
std::vector<float> row_tops(const cv::BreakoutRound& r, size_t per_row, float line, float gap) {
  std::vector<float> tops(1, 0.0f);
  for (size_t g0 = 0; g0 < r.groups.size(); g0 += per_row) {
    float row = 0;
    for (size_t g = g0; g < std::min(r.groups.size(), g0 + per_row); ++g) row = std::max(row, card_height(r.groups[g], line));
    tops.push_back(tops.back() + row + gap);
  }
  return tops;
}

// The height draw_round takes: its title line, and its group cards in rows as wide as `avail` allows.
float round_height(const cv::BreakoutRound& r, float avail, float card_w) {
  const float line = ImGui::GetTextLineHeightWithSpacing();
  return line + row_tops(r, cards_per_row(avail, card_w), line, ImGui::GetStyle().ItemSpacing.y).back();
}

// A label without an allocation each (a screenful of cards has a hundred): the parts joined in a
// buffer that keeps its room.
const char* label(std::initializer_list<std::string_view> parts) {
  static std::string buf;
  buf.clear();
  for (std::string_view p : parts) buf += p;
  return buf.c_str();
}

// A round as drawn (State::rounds_drawn), read the first time it is in view after a change; a few
// screenfuls of rounds are kept, and no more than a few large rounds' cards.
const State::RoundDrawn& round_drawn(const cv::Views& v, const cv::BreakoutRound& r, size_t index, size_t per_row, State& st) {
  auto at = st.rounds_drawn.find(r.id);
  if (at != st.rounds_drawn.end()) return at->second;
  size_t kept = 0;
  for (const auto& [id, round] : st.rounds_drawn) kept += round.cards.size();
  if (st.rounds_drawn.size() >= 64 || kept >= 20000) st.rounds_drawn.clear();
  State::RoundDrawn& drawn = st.rounds_drawn[r.id];
  drawn.row_tops = row_tops(r, per_row, ImGui::GetTextLineHeightWithSpacing(), ImGui::GetStyle().ItemSpacing.y);
  drawn.cards.resize(r.groups.size());
  for (size_t g = 0; g < r.groups.size(); ++g) {
    const auto& fresh_pairs = v.connections.fresh[index][g];
    for (const std::string& m : r.groups[g]) {
      int fresh = 0;
      for (const auto& [a, b] : fresh_pairs) fresh += (a == m || b == m);
      drawn.cards[g].emplace_back(shown_name(v, m) + "##" + r.id + "-" + m, fresh);
    }
  }
  return drawn;
}

void draw_round(const cv::Doc& doc, const cv::Views& v, const cv::BreakoutRound& r, size_t index, const std::string& title,
                bool running, State& st, Output& out) {
  const int fresh = v.connections.per_round[index];
  const cv::Community& c = doc.community;
  ImGui::PushID(r.id.c_str());
  ImGui::Text("%s, round %d", title.c_str(), r.round);
  ImGui::SameLine();
  ImGui::TextDisabled("(%d new connections)", fresh);
  ImGui::SameLine();
  ImGui::BeginDisabled(running);
  if (ui::small_button(label({"Regenerate unlocked groups##", r.id}))) out.command(Command::RegenerateRound, r.id);
  ImGui::EndDisabled();
  const float card_w = st.card_width, avail = ImGui::GetContentRegionAvail().x, spacing = ImGui::GetStyle().ItemSpacing.y;
  const size_t per_row = cards_per_row(avail, card_w);
  // Rows of cards out of view are not visited (a round of 10,000 members has 2,500 cards): the rows in
  // view are found by binary search on their tops, and the rows above and below stand in as one space
  // each.
  const State::RoundDrawn& drawn = round_drawn(v, r, index, per_row, st);
  const std::vector<float>& tops = drawn.row_tops;
  const size_t row_count = tops.size() - 1;
  const float y0 = ImGui::GetCursorScreenPos().y;
  const float seen_from = ImGui::GetWindowDrawList()->GetClipRectMin().y, seen_to = ImGui::GetWindowDrawList()->GetClipRectMax().y;
  size_t first = static_cast<size_t>(std::upper_bound(tops.begin(), tops.end(), seen_from - y0) - tops.begin());
  first = std::min(first ? first - 1 : 0, row_count);
  size_t last = first;
  while (last < row_count && y0 + tops[last] < seen_to) ++last;  // rows [first, last) are in view
  if (first > 0) ImGui::Dummy(ImVec2(avail, tops[first] - spacing));
  for (size_t g = first * per_row; g < std::min(r.groups.size(), last * per_row); ++g) {
    if (g % per_row) ImGui::SameLine();
    const auto& lines = drawn.cards[g];
    const float pad = ImGui::GetStyle().WindowPadding.x, h = card_height(r.groups[g], ImGui::GetTextLineHeightWithSpacing());
    // A card is a bordered group, not a child window: a screenful of cards costs a fraction of it.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImGui::PushID(static_cast<int>(g));
    ImGui::GetWindowDrawList()->AddRect(at, ImVec2(at.x + card_w, at.y + h), ImGui::GetColorU32(ImGuiCol_Border),
                                        ImGui::GetStyle().ChildRounding);
    ImGui::SetCursorScreenPos(ImVec2(at.x + pad, at.y + pad));
    bool locked = std::find(r.locked.begin(), r.locked.end(), static_cast<int>(g)) != r.locked.end();
    ImGui::AlignTextToFramePadding();
    // Numbers written without printf (a screenful of cards formats a hundred of them a frame).
    char number[24], shown[24];
    *std::to_chars(number, number + sizeof number - 1, g).ptr = 0;
    *std::to_chars(shown, shown + sizeof shown - 1, g + 1).ptr = 0;
    ImGui::TextUnformatted(label({"Group ", shown}));
    ImGui::SetCursorScreenPos(ImVec2(at.x + card_w - 80, at.y + pad));
    if (ImGui::Checkbox(label({"Lock##lock-", r.id, "-", number}), &locked))
      out.ops.push_back(cv::op_lock_group(r, static_cast<int>(g), locked));
    for (size_t k = 0; k < r.groups[g].size(); ++k) {
      const std::string& m = r.groups[g][k];
      const int new_here = lines[k].second;
      ImGui::SetCursorScreenPos(ImVec2(at.x + pad, ImGui::GetCursorScreenPos().y));
      const float name_w = card_w - 2 * pad - (new_here ? st.card_new_width : 0);
      ui::selectable(lines[k].first.c_str(), false, 0, ImVec2(name_w, 0));
      // A name too long for the card (cut at its edge) is said whole when pointed at.
      if (ImGui::IsItemHovered() && !ImGui::GetDragDropPayload() &&
          ImGui::CalcTextSize(lines[k].first.c_str(), nullptr, true).x > name_w - ImGui::GetStyle().FramePadding.x)
        if (ImGui::BeginTooltip()) {
          ImGui::TextUnformatted(shown_name(v, m).c_str());
          describe_text(cv::views_name(v, m));
          ImGui::EndTooltip();
        }
      if (ImGui::BeginDragDropSource()) {
        g_drag_ids.push_back(m);
        const int payload[2] = {static_cast<int>(g_drag_ids.size() - 1), static_cast<int>(g)};
        ImGui::SetDragDropPayload("CULTIVATE_MEMBER", payload, sizeof payload);
        ImGui::Text("Move %s", shown_name(v, m).c_str());
        ImGui::EndDragDropSource();
      }
      if (new_here) {
        ImGui::SameLine();
        char count[16];
        *std::to_chars(count, count + sizeof count - 1, new_here).ptr = 0;
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.15f, 0.5f, 0.28f, 1));
        ImGui::TextUnformatted(label({"+", count, " new"}));
        ImGui::PopStyleColor();
      }
    }
    ImGui::SetCursorScreenPos(at);
    ImGui::Dummy(ImVec2(card_w, h));
    ImGui::PopID();
    ImGui::EndGroup();
    // Drop a member here: the cost shows before the drop.
    if (ImGui::BeginDragDropTarget()) {
      if (const ImGuiPayload* p = ImGui::GetDragDropPayload(); p && p->IsDataType("CULTIVATE_MEMBER")) {
        const int* data = static_cast<const int*>(p->Data);
        if (data[0] >= 0 && data[0] < static_cast<int>(g_drag_ids.size())) {
          const std::string& who = g_drag_ids[data[0]];
          const int cost = cv::move_cost(c, r, who, g);
          ImGui::SetTooltip(cost > 0 ? "Here: %d more repeated meetings" : cost < 0 ? "Here: %d fewer repeated meetings"
                                                                                    : "Here: no repeated meetings added",
                            std::abs(cost));
          if (const ImGuiPayload* dropped = ImGui::AcceptDragDropPayload("CULTIVATE_MEMBER"))
            if (static_cast<const int*>(dropped->Data)[1] != static_cast<int>(g))
              out.ops.push_back(cv::op_move_member(r, who, g));
        }
      }
      ImGui::EndDragDropTarget();
    }
  }
  if (last < row_count) ImGui::Dummy(ImVec2(avail, tops[row_count] - tops[last] - spacing));
  ImGui::PopID();
}

}  // namespace

void draw_groups_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left) && !ImGui::GetDragDropPayload()) g_drag_ids.clear();
  const auto& members = env.views->members;
  if (members.size() < 2) {
    ImGui::TextWrapped("Add at least two members to make breakout groups.");
    return;
  }
  const cv::Views& v = *env.views;
  const auto& rounds = v.rounds;
  if (st.session.empty()) {
    std::set<std::string> sessions;
    for (const auto& r : rounds) sessions.insert(r.session);
    st.session = "Meeting " + std::to_string(sessions.size() + 1);
  }

  // Who is here, and how to group them.
  std::vector<std::string> absent = st.absent;
  std::sort(absent.begin(), absent.end());
  int here = static_cast<int>(members.size());
  for (const std::string& id : absent) here -= cv::find_live(c, id) != nullptr;
  ImGui::SetNextItemWidth(200);
  ImGui::InputText("##session", &st.session);
  ImGui::SameLine();
  ImGui::Text("%d of %zu members here", here, members.size());
  if (ImGui::CollapsingHeader("Who is here")) {
    member_checkboxes("present", members, 3, [&](const std::string& id) {
      return !std::binary_search(absent.begin(), absent.end(), id);
    }, [&](const std::string& id, bool present) {
      if (present) st.absent.erase(std::remove(st.absent.begin(), st.absent.end(), id), st.absent.end());
      else st.absent.push_back(id);
    }, "here");
  }
  // One line on a desktop; on a phone each goes on the next line when it does not fit.
  const float inner = ImGui::GetStyle().ItemInnerSpacing.x, box = ImGui::GetFrameHeight() + inner;
  auto labelled = [&](const char* label, float widget) { return widget + inner + ImGui::CalcTextSize(label, nullptr, true).x; };
  if (ImGui::RadioButton("by size", !st.by_count)) st.by_count = false;
  same_line_if_fits(box + ImGui::CalcTextSize("by number of groups").x);
  if (ImGui::RadioButton("by number of groups", st.by_count)) st.by_count = true;
  same_line_if_fits(labelled("per group", number_width(50)));
  ImGui::SetNextItemWidth(number_width(50));
  if (st.by_count) ImGui::InputInt("groups##count", &st.group_count);
  else ImGui::InputInt("per group##size", &st.group_size);
  st.group_size = std::clamp(st.group_size, 2, 12);
  st.group_count = std::clamp(st.group_count, 1, 50);
  same_line_if_fits(labelled("rounds", number_width(50)));
  ImGui::SetNextItemWidth(number_width(50));
  ImGui::InputInt("rounds##rounds", &st.group_rounds);
  st.group_rounds = std::clamp(st.group_rounds, 1, 20);
  same_line_if_fits(box + ImGui::CalcTextSize("odd groups bigger").x);
  ImGui::Checkbox("odd groups bigger", &st.odd_bigger);

  if (w.groups_running) {
    ImGui::ProgressBar(w.groups_progress, ImVec2(240, 0), "finding groups...");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) out.command(Command::CancelGroups);
  } else {
    ImGui::BeginDisabled(here < 2);
    if (ImGui::Button("Generate")) {
      cv::GroupsRequest req;
      for (const auto& [id, m] : members)
        if (std::find(st.absent.begin(), st.absent.end(), id) == st.absent.end()) req.present.push_back(id);
      req.size = st.by_count ? 0 : st.group_size;
      req.groups = st.by_count ? st.group_count : 0;
      req.rounds = st.group_rounds;
      req.bigger = st.odd_bigger;
      req.session = st.session;
      out.generate_groups(std::move(req));
    }
    ImGui::EndDisabled();
  }
  if (!w.groups_message.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", w.groups_message.c_str());
  }

  // The season so far.
  const cv::Connections& cx = v.connections;
  const int n = static_cast<int>(members.size());
  ui::heading("Breakouts this season");
  ImGui::Text("New connections over the season: %d of %d possible pairs (%d%%).", cx.season, n * (n - 1) / 2,
              n > 1 ? cx.season * 200 / (n * (n - 1)) : 0);
  if (rounds.empty()) {
    ImGui::TextDisabled("No breakout groups yet.");
    return;
  }
  // Latest session first; its group cards print. Sessions' titles are read once per change.
  const std::string titles_key = std::to_string(v.revision) + '\x1f' + v.community;
  if (titles_key != st.round_titles_key) {
    st.round_titles_key = titles_key;
    st.round_titles.clear();
    for (const cv::BreakoutRound& r : rounds) st.round_titles.push_back(cv::session_title(c, r.session));
  }
  const std::string last_session = rounds.back().session;
  if (ui::small_button(label({"Print group cards: ", st.round_titles.back(), "##cards"}))) out.command(Command::ExportGroupCards, last_session);
  // Rounds out of view are not drawn, nor even visited: their heights are measured once per change
  // of the rounds or of the width, and the rounds in view found by binary search on the scroll.
  // Newest first: st.round_tops[k] is where the k-th newest begins (a round's height, its separator
  // and the spacing after each; a 1-pixel separator takes no room of its own).
  begin_child("rounds", ImVec2(0, 0));
  const float avail = ImGui::GetContentRegionAvail().x, spacing = ImGui::GetStyle().ItemSpacing.y;
  const std::string heights_key = std::to_string(v.revision) + '\x1f' + v.community + '\x1f' + std::to_string(avail) + '\x1f' +
                                  std::to_string(ImGui::GetTextLineHeightWithSpacing());
  if (heights_key != st.round_heights_key) {
    st.round_heights_key = heights_key;
    st.rounds_drawn.clear();
    measure_cards(v, avail, st);
    st.round_tops.assign(1, 0.0f);
    for (size_t i = rounds.size(); i-- > 0;)
      st.round_tops.push_back(st.round_tops.back() + round_height(rounds[i], avail, st.card_width) + 2 * spacing);
  }
  const std::vector<float>& top = st.round_tops;
  const float from = ImGui::GetScrollY(), to = from + ImGui::GetWindowHeight();
  const size_t count = rounds.size();
  size_t first = static_cast<size_t>(std::upper_bound(top.begin(), top.end(), from) - top.begin());
  first = first ? first - 1 : 0;
  if (first > 0) ImGui::Dummy(ImVec2(avail, top[first] - spacing));
  size_t k = first;
  for (; k < count && top[k] < to; ++k) {
    const size_t i = count - 1 - k;
    // A round is drawn in place, not in a child window of its own (a window each cost more than its
    // cards); what its measured height leaves over is filled so the next starts where it was measured.
    const float y0 = ImGui::GetCursorPosY();
    draw_round(doc, v, rounds[i], i, st.round_titles[i], w.groups_running, st, out);
    const float rest = y0 + top[k + 1] - top[k] - 2 * spacing - ImGui::GetCursorPosY();
    if (rest > spacing) ImGui::Dummy(ImVec2(avail, rest - spacing));
    ImGui::Separator();
  }
  if (k < count) ImGui::Dummy(ImVec2(avail, top[count] - top[k] - spacing));
  st.rounds_in_view[0] = first, st.rounds_in_view[1] = k;
  ImGui::EndChild();
}

}  // namespace ui
