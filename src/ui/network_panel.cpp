// network_panel.cpp: the Connections tab, the web that grows between members. The density (ties over
// possible pairs) now and after each meeting, ties per member, who is least connected; a map with
// members placed by the core's force-directed layout and their ties as lines (hover a member to see
// theirs; members without a tie stand out), filtered by kind and dates, panned and zoomed; suggested
// introductions; GraphML and CSV for Gephi and Kumu.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/network.h"
#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

namespace {

constexpr long long kLayoutSlice = 200000;  // member comparisons of the layout per frame (a step at least)
constexpr long long kIntroSlice = 10000;    // texts, ties and candidates of the introductions per frame
constexpr long long kNetworkSlice = 10000;  // events of the network read per frame (about 5 ms at 10,000 members)
constexpr size_t kMapLines = 1000;  // faint ties drawn per frame at most (the strongest), so a frame
                                    // costs the same for 50,000 ties as for 1,000
constexpr int kMapDots = 1000;      // members drawn per frame at most, likewise (zoomed in, all in view)
constexpr int kMapCells = 64;       // the grid that finds the members in view when zoomed in

// Member indexes and the ties between them, strongest first, read once per network.
void index_map(const cv::Network& n, State& st) {
  std::unordered_map<std::string, int> at;
  for (size_t i = 0; i < n.members.size(); ++i) at[n.members[i]] = static_cast<int>(i);
  st.map_ties.clear();
  st.map_ties_of.assign(n.members.size(), {});
  for (size_t k = 0; k < n.ties.size(); ++k) {
    auto a = at.find(n.ties[k].a), b = at.find(n.ties[k].b);
    if (a != at.end() && b != at.end()) st.map_ties.push_back({a->second, b->second, static_cast<int>(k)});
  }
  std::stable_sort(st.map_ties.begin(), st.map_ties.end(),
                   [&](const auto& x, const auto& y) { return n.ties[x[2]].count > n.ties[y[2]].count; });
  for (size_t k = 0; k < st.map_ties.size(); ++k) {
    st.map_ties_of[st.map_ties[k][0]].push_back(static_cast<int>(k));
    st.map_ties_of[st.map_ties[k][1]].push_back(static_cast<int>(k));
  }
  // Who gets a dot when there are more in view than kMapDots: members without a tie (the map is for
  // finding them), then the most tied.
  st.map_order.resize(n.members.size());
  for (size_t i = 0; i < n.members.size(); ++i) st.map_order[i] = static_cast<int>(i);
  auto ties = [&](int i) { return st.map_ties_of[i].empty() ? SIZE_MAX : st.map_ties_of[i].size(); };
  std::stable_sort(st.map_order.begin(), st.map_order.end(), [&](int a, int b) { return ties(a) > ties(b); });
  st.map_rank.assign(n.members.size(), 0);
  for (size_t k = 0; k < st.map_order.size(); ++k) st.map_rank[st.map_order[k]] = static_cast<int>(k);
  st.map_cells.clear();  // built once the places are settled
}

// The grid of the settled places, and its counts summed from the corner (a rectangle's count is then
// four reads).
void index_cells(const cv::Layout& layout, State& st) {
  constexpr int n = kMapCells;
  st.map_cells.assign(static_cast<size_t>(n) * n, {});
  for (size_t i = 0; i < layout.at.size(); ++i) {
    const int cx = std::clamp(static_cast<int>(layout.at[i].x * n), 0, n - 1), cy = std::clamp(static_cast<int>(layout.at[i].y * n), 0, n - 1);
    st.map_cells[static_cast<size_t>(cy) * n + cx].push_back(static_cast<int>(i));
  }
  st.map_cell_sums.assign(static_cast<size_t>(n + 1) * (n + 1), 0);
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x)
      st.map_cell_sums[static_cast<size_t>(y + 1) * (n + 1) + x + 1] =
          static_cast<int>(st.map_cells[static_cast<size_t>(y) * n + x].size()) + st.map_cell_sums[static_cast<size_t>(y) * (n + 1) + x + 1] +
          st.map_cell_sums[static_cast<size_t>(y + 1) * (n + 1) + x] - st.map_cell_sums[static_cast<size_t>(y) * (n + 1) + x];
}

// The map: each member at their place in the core's force-directed layout, ties as lines.
void draw_map(const cv::Network& n, const cv::Views& v, State& st) {
  if (st.map_ties.size() > kMapLines)
    ImGui::TextDisabled("The %zu strongest of %zu ties are drawn: hover a member for theirs, or filter by kind or dates.",
                        kMapLines, st.map_ties.size());
  const ImVec2 size(ImGui::GetContentRegionAvail().x, std::max(260.0f, ImGui::GetContentRegionAvail().y - 10));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##network-map", size, ImGuiButtonFlags_MouseButtonLeft);
  const bool hovered = ImGui::IsItemHovered();
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    st.map_pan.x += ImGui::GetIO().MouseDelta.x;
    st.map_pan.y += ImGui::GetIO().MouseDelta.y;
  }
  if (hovered && ImGui::GetIO().MouseWheel != 0)
    st.map_zoom = std::clamp(st.map_zoom * (ImGui::GetIO().MouseWheel > 0 ? 1.15f : 1 / 1.15f), 0.3f, 8.0f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 corner(origin.x + size.x, origin.y + size.y);
  dl->PushClipRect(origin, corner, true);
  dl->AddRectFilled(origin, corner, ImGui::GetColorU32(ImGuiCol_FrameBg));
  const cv::Layout& layout = st.map_run.layout;
  const int count = static_cast<int>(std::min(n.members.size(), layout.at.size()));
  const ImVec2 centre(origin.x + size.x / 2 + st.map_pan.x, origin.y + size.y / 2 + st.map_pan.y);
  const float scale = (std::min(size.x, size.y) - 60) * st.map_zoom;
  auto place = [&](int i) {
    return ImVec2(centre.x + scale * static_cast<float>(layout.at[i].x - 0.5),
                  centre.y + scale * static_cast<float>(layout.at[i].y - 0.5));
  };
  auto outside = [&](const ImVec2& p) { return p.x < origin.x || p.y < origin.y || p.x > corner.x || p.y > corner.y; };
  st.map_view[0] = origin.x, st.map_view[1] = origin.y, st.map_view[2] = corner.x, st.map_view[3] = corner.y;
  st.map_view[4] = centre.x, st.map_view[5] = centre.y, st.map_view[6] = scale;
  if (st.map_cells.empty() && !st.map_run.work && count == static_cast<int>(layout.at.size())) index_cells(layout, st);
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.6f), strong = ImGui::GetColorU32(kGood);
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), warn = ImGui::GetColorU32(kWarn);
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;

  // The map's faint ties and its members (not their names, which text drawing trims to what the window
  // shows at the time) are a picture: drawn again only when the places, the view, the size, the
  // colours, the atlas (whose white pixel and line textures they use), the pixel scale or where the
  // map's corner falls within a pixel of the canvas moved (at 125%, scrolling moves it; at 100% and
  // 200% it stays). Scrolling the tab or moving the mouse then costs one image, not a thousand ties
  // and dots.
  const float px = ImGui::GetIO().DisplayFramebufferScale.x;
  const std::array<double, 21> picture_for = {
      static_cast<double>(st.map_places), size.x, size.y, st.map_pan.x, st.map_pan.y, st.map_zoom,
      static_cast<double>(count), static_cast<double>(st.map_ties.size()), static_cast<double>(faint), static_cast<double>(ink),
      static_cast<double>(warn), static_cast<double>(atlas->TexWidth), static_cast<double>(atlas->TexHeight),
      atlas->TexUvWhitePixel.x, atlas->TexUvWhitePixel.y, atlas->TexUvLines[1].x, atlas->TexUvLines[1].y,
      static_cast<double>(reinterpret_cast<uintptr_t>(atlas->TexID)), px, origin.x * px - std::floor(origin.x * px),
      origin.y * px - std::floor(origin.y * px)};
  const bool same = picture_for == st.map_picture_for && st.map_picture && !st.map_cells.empty();
  st.map_reused = same;
  std::vector<int>& drawn = st.map_drawn;
  if (!same) {
    // The members drawn: every one in view, or when more than kMapDots are, those without a tie and
    // then the most tied. With many in view (zoomed out), map_order is read until kMapDots are found:
    // about kMapDots x count / in view. With fewer (zoomed in), the grid's cells in view give them,
    // and the best ranked are kept. Whichever reads fewer: at most sqrt(kMapDots x count), 3,200 of
    // 10,000.
    drawn.clear();
    st.map_more = false;
    constexpr int cells = kMapCells;
    // A map squeezed to under 60 pixels has no scale: no grid then (its division would be undefined).
    const bool grid = !st.map_cells.empty() && scale > 0;
    auto cell = [&](float screen, float middle) {  // the grid column (or row) of a screen coordinate
      if (!grid) return 0;
      return std::clamp(static_cast<int>(std::floor(((screen - middle) / scale + 0.5f) * cells)), 0, cells - 1);
    };
    const int cx0 = cell(origin.x, centre.x), cx1 = cell(corner.x, centre.x), cy0 = cell(origin.y, centre.y), cy1 = cell(corner.y, centre.y);
    auto sum = [&](int x, int y) { return st.map_cell_sums[static_cast<size_t>(y) * (cells + 1) + x]; };
    const long long in_cells = !grid ? count : sum(cx1 + 1, cy1 + 1) - sum(cx0, cy1 + 1) - sum(cx1 + 1, cy0) + sum(cx0, cy0);
    st.map_read = 0;
    if (!grid || in_cells * in_cells > static_cast<long long>(kMapDots) * count) {
      for (int i : st.map_order) {
        ++st.map_read;
        if (i >= count || outside(place(i))) continue;
        if (static_cast<int>(drawn.size()) == kMapDots) {
          st.map_more = true;
          break;
        }
        drawn.push_back(i);
      }
    } else {
      for (int y = cy0; y <= cy1; ++y)
        for (int x = cx0; x <= cx1; ++x)
          for (int i : st.map_cells[static_cast<size_t>(y) * cells + x])
            if (++st.map_read, !outside(place(i))) drawn.push_back(i);
      if (drawn.size() > static_cast<size_t>(kMapDots)) {
        st.map_more = true;
        std::nth_element(drawn.begin(), drawn.begin() + kMapDots, drawn.end(), [&](int a, int b) { return st.map_rank[a] < st.map_rank[b]; });
        drawn.resize(kMapDots);
      }
    }
  }
  // The member under the mouse (of those drawn), whose ties are drawn strong.
  int near = -1;
  if (hovered) {
    float best = 12 * 12;
    const ImVec2 m = ImGui::GetIO().MousePos;
    for (int i : drawn) {
      const ImVec2 p = place(i);
      const float d = (p.x - m.x) * (p.x - m.x) + (p.y - m.y) * (p.y - m.y);
      if (d < best) best = d, near = i;
    }
  }
  auto line = [&](ImDrawList* to, const std::array<int, 3>& t, bool mine) {
    if (t[0] >= count || t[1] >= count) return;
    const ImVec2 a = place(t[0]), b = place(t[1]);
    if ((a.x < origin.x && b.x < origin.x) || (a.x > corner.x && b.x > corner.x) || (a.y < origin.y && b.y < origin.y) ||
        (a.y > corner.y && b.y > corner.y))
      return;  // wholly off the map (zoomed in): nothing to draw
    to->AddLine(a, b, mine ? strong : faint, mine ? 2.5f : std::min(1.0f + 0.5f * (n.ties[t[2]].count - 1), 3.0f));
  };
  // A member's dot: a small square among thousands, else a circle.
  auto dot = [&](ImDrawList* to, int i) {
    if (i >= count) return;
    const ImVec2 p = place(i);
    if (count > 300) to->AddRectFilled(ImVec2(p.x - 1.5f, p.y - 1.5f), ImVec2(p.x + 1.5f, p.y + 1.5f), st.map_ties_of[i].empty() ? warn : ink);
    else to->AddCircleFilled(p, 5.0f, st.map_ties_of[i].empty() ? warn : ink);
  };
  auto shapes = [&](ImDrawList* to) {
    for (size_t k = 0; k < st.map_ties.size() && k < kMapLines; ++k) line(to, st.map_ties[k], false);
    if (count > 300) {
      // Thousands of members: a small square each, written in one reservation without the smoothed
      // edge AddRectFilled gives (4 vertices a member, not 8, and no call each).
      to->PrimReserve(6 * static_cast<int>(drawn.size()), 4 * static_cast<int>(drawn.size()));
      for (int i : drawn) {
        const ImVec2 p = place(i);
        to->PrimRect(ImVec2(p.x - 1.5f, p.y - 1.5f), ImVec2(p.x + 1.5f, p.y + 1.5f), st.map_ties_of[i].empty() ? warn : ink);
      }
    } else {
      for (int i : drawn) dot(to, i);
    }
  };
  // The picture covers whole pixels of the canvas from the one at the map's corner, a pixel wider and
  // taller than the map (its corner may fall inside a pixel); the map's clip trims the rest.
  auto pixel_at = [&](const ImVec2& p) { return ImVec2(std::floor(p.x * px) / px, std::floor(p.y * px) / px); };
  const ImVec2 at = pixel_at(origin), span((std::ceil(size.x * px) + 1) / px, (std::ceil(size.y * px) + 1) / px);
  if (!same && draw_to_picture) {
    static ImDrawList picture(nullptr);  // kept for its memory
    picture._Data = ImGui::GetDrawListSharedData();
    picture._ResetForNewFrame();
    picture.PushTextureID(atlas->TexID);
    picture.PushClipRect(at, ImVec2(at.x + span.x, at.y + span.y));
    shapes(&picture);
    st.map_picture = draw_to_picture(picture, at.x, at.y, span.x, span.y, st.map_picture);
    st.map_picture_for = st.map_picture ? picture_for : std::array<double, 21>{};
  }
  if (st.map_picture) dl->AddImage(st.map_picture, at, ImVec2(at.x + span.x, at.y + span.y));
  else shapes(dl);
  // The hovered member's ties in strong, under the dots at their ends (drawn again over them).
  if (near >= 0) {
    for (int k : st.map_ties_of[near]) line(dl, st.map_ties[k], true);
    for (int k : st.map_ties_of[near]) dot(dl, st.map_ties[k][0] == near ? st.map_ties[k][1] : st.map_ties[k][0]);
  }
  const bool labels = count <= 60 || (st.map_zoom > 1.5f && drawn.size() <= 300);
  auto name_at = [&](int i, const ImVec2& p) {
    dl->AddText(ImVec2(p.x + 8, p.y - 8), ImGui::GetColorU32(st.map_ties_of[i].empty() ? kWarn : ImVec4(0, 0, 0, 0.85f)),
                shown_name(v, n.members[i]).c_str());
  };
  // The member under the mouse, larger; then the names (of at most 300 members, or of that one).
  if (near >= 0) dl->AddCircleFilled(place(near), 7.0f, st.map_ties_of[near].empty() ? warn : ink);
  if (labels)
    for (int i : drawn) name_at(i, place(i));
  else if (near >= 0)
    name_at(near, place(near));
  if (st.map_more) {
    const std::string note = std::to_string(kMapDots) + " of the " + std::to_string(count) +
                             " members are drawn (those without a tie, then the most tied): zoom in for the rest.";
    dl->AddText(ImVec2(origin.x + 8, corner.y - ImGui::GetTextLineHeight() - 6), ImGui::GetColorU32(ImGuiCol_Text), note.c_str());
  }
  dl->PopClipRect();
  if (near >= 0) {
    const std::string& id = n.members[near];
    std::string with;
    for (size_t j = 0; j < st.map_ties_of[near].size() && j < 30; ++j) {
      const cv::Tie& t = n.ties[st.map_ties[st.map_ties_of[near][j]][2]];
      std::string kinds;
      for (const std::string& k : t.kinds) kinds += (kinds.empty() ? "" : ", ") + k;
      with += "\n" + shown_name(v, t.a == id ? t.b : t.a) + " (" + kinds + ")";
    }
    if (st.map_ties_of[near].size() > 30) with += "\nand " + std::to_string(st.map_ties_of[near].size() - 30) + " more";
    ImGui::SetTooltip("%s: %d ties%s", shown_name(v, id).c_str(), n.degree.at(id), with.c_str());
  }
}

// Suggested introductions: pairs who never met where one can help the other, with the reason;
// "Introduce" records it (a tie, and the next breakout groups seat them together) and puts a short
// message on the clipboard.
// `wait`: the network is being read, or was this frame; introductions are read after it, the last
// ones shown meanwhile.
void draw_introductions(const cv::Doc& doc, State& st, const Env& env, Output& out, bool wait) {
  const cv::Views& v = *env.views;
  const std::string key = std::to_string(v.revision) + '\x1f' + v.community;
  if (key != st.intro_key && wait) {
    // The map's network is changing: a reading that uses it begins again once it is read.
    if (st.intro_run_whole) st.intro_run = {}, st.intro_run_key.clear();
    out.more = true;
  } else if (key != st.intro_key) {
    if (key != st.intro_run_key || !st.intro_run.work) {
      // The map's network when it is the whole one (no kind unticked, no dates), else read afresh.
      st.intro_run_whole = st.network_off == 0 && cv::trim(st.network_from).empty() && cv::trim(st.network_to).empty() &&
                           st.network_key.rfind(key + '\x1f', 0) == 0;
      st.intro_run = cv::introductions_begin(doc.community, 10, st.intro_run_whole ? &st.network : nullptr);
      st.intro_run_key = key;
    }
    out.more = true;
    if (!cv::introductions_step(st.intro_run, doc.community, kIntroSlice)) {
      st.introductions = std::move(st.intro_run.introductions);
      st.intro_run = {};
      st.intro_key = key;
    }
  }
  if (!ImGui::CollapsingHeader(("Suggested introductions (" + std::to_string(st.introductions.size()) + ")###intros").c_str(),
                               ImGuiTreeNodeFlags_DefaultOpen))
    return;
  // Until they are read again, the last suggestions show but cannot be made (one may be made already).
  const bool stale = key != st.intro_key;
  if (stale && st.intro_run.work)
    ImGui::ProgressBar(cv::introductions_progress(st.intro_run), ImVec2(240, 0), "finding whom to introduce...");
  if (st.introductions.empty())
    ImGui::TextDisabled("Nobody to introduce: no skill or \"ask me about\" meets the objective or problem of someone not met yet.");
  for (const cv::Introduction& x : st.introductions) {
    const std::string pair = x.helper + "-" + x.learner;
    ImGui::BeginDisabled(stale);
    const bool introduce = ui::small_button(("Introduce##intro-" + pair).c_str());
    ImGui::EndDisabled();
    if (introduce) {
      out.ops.push_back(cv::op_introduce(x.helper, x.learner, x.reason, "", env.now_ms));
      st.intro_message = cv::introduction_message(doc.community, x.helper, x.learner, x.reason);
      ImGui::SetClipboardText(st.intro_message.c_str());
      out.status = "Introduced " + cv::views_name(v, x.helper) + " and " + cv::views_name(v, x.learner) +
                   ": the message is on the clipboard, and the next breakout groups will seat them together.";
    }
    ImGui::SameLine();
    ImGui::TextWrapped("%s", x.reason.c_str());
  }
  if (!st.intro_message.empty()) {
    ImGui::InputTextMultiline("##intro-message", &st.intro_message, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 7),
                              ImGuiInputTextFlags_ReadOnly);
    if (ui::small_button("Copy the message##intro-copy")) ImGui::SetClipboardText(st.intro_message.c_str());
  }
}

}  // namespace

std::string network_filter(const State& st) {
  std::string kinds;
  for (size_t i = 0; i < std::size(cv::kTieKinds); ++i)
    if (!(st.network_off & (1u << i))) kinds += (kinds.empty() ? "" : ",") + std::string(cv::kTieKinds[i]);
  return kinds + "|" + cv::trim(st.network_from) + "|" + cv::trim(st.network_to);
}

static cv::NetworkRun network_run_of(const cv::Community& c, const std::string& filter, const std::vector<std::string>* order) {
  const size_t a = filter.find('|'), b = filter.find('|', a == std::string::npos ? 0 : a + 1);
  if (a == std::string::npos || b == std::string::npos) return cv::network_begin(c, {}, "", "", order);
  std::vector<std::string> kinds;
  const std::string list = filter.substr(0, a) + ",";
  for (size_t at = 0, comma; (comma = list.find(',', at)) != std::string::npos; at = comma + 1)
    if (comma > at) kinds.push_back(list.substr(at, comma - at));
  if (kinds.empty()) kinds.push_back("none");  // every kind unticked: no ties at all
  return cv::network_begin(c, kinds, filter.substr(a + 1, b - a - 1), filter.substr(b + 1), order);
}

cv::Network network_of(const cv::Community& c, const std::string& filter) {
  cv::NetworkRun run = network_run_of(c, filter, nullptr);
  while (cv::network_step(run, c, 1ll << 60)) {
  }
  return std::move(run.network);
}

void draw_network_panel(const cv::Doc& doc, State& st, const Env& env, Output& out) {
  const cv::Views& v = *env.views;
  if (v.members.size() < 2) {
    ImGui::TextWrapped("The map needs two members or more: ties grow from breakout groups, peer-assists, presenting "
                       "together and replies in threads.");
    return;
  }
  // Filters: which kinds count, and a date range.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Ties from:");
  for (size_t i = 0; i < std::size(cv::kTieKinds); ++i) {
    ImGui::SameLine();
    bool on = !(st.network_off & (1u << i));
    if (ImGui::Checkbox((std::string(cv::kTieKinds[i]) + "##tie-kind").c_str(), &on)) st.network_off ^= 1u << i;
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110);
  ImGui::InputTextWithHint("##network-from", "from YYYY-MM-DD", &st.network_from);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110);
  ImGui::InputTextWithHint("##network-to", "to YYYY-MM-DD", &st.network_to);
  ImGui::SameLine();
  if (ImGui::Button("GraphML")) out.command(Command::ExportNetworkGraphml, network_filter(st));
  ImGui::SameLine();
  if (ImGui::Button("Edge list (CSV)")) out.command(Command::ExportNetworkCsv, network_filter(st));

  // The network, read again only when the community or the filter changes, in slices: a frame reads
  // kNetworkSlice events (10,000 members: about 60 frames), the last network shown meanwhile.
  const std::string key = std::to_string(v.revision) + '\x1f' + v.community + '\x1f' + network_filter(st);
  if (key != st.network_key && key != st.network_run_key) {
    std::vector<std::string> order;  // reading order, as the views have it
    order.reserve(v.members.size());
    for (const auto& [id, r] : v.members) order.push_back(id);
    st.network_run_key = key;
    st.network_run = network_run_of(doc.community, network_filter(st), &order);
  }
  bool fresh = false;
  if (st.network_run.work && st.network_run_key == key) {
    out.more = true;
    if (!cv::network_step(st.network_run, doc.community, kNetworkSlice)) {
      fresh = true;
      st.network = std::move(st.network_run.network);
      st.network_run = {};
      st.network_key = key;
    }
  }
  const bool reading = key != st.network_key;
  if (reading && st.network_key.empty()) {  // nothing read yet: the first reading only
    ImGui::ProgressBar(cv::network_progress(st.network_run), ImVec2(240, 0), "reading the connections...");
    return;
  }
  if (fresh) {
    st.map_run = cv::layout_begin(st.network);
    ++st.map_places;
    index_map(st.network, st);
    st.network_density.clear();  // the timeline's points (a meeting or a reply each: tens of thousands)
    for (const cv::DensityPoint& p : st.network.timeline) st.network_density.push_back(static_cast<float>(p.density * 100));
    out.more = true;  // the layout's first slice and the introductions come in frames of their own
  } else if (st.map_run.work) {
    // A slice a frame (a step of the forces, about 10 ms for 10,000 members in the page); the map
    // shows the members settling meanwhile.
    if (cv::layout_step(st.map_run, kLayoutSlice)) out.more = true;
    ++st.map_places;
  }
  const cv::Network& n = st.network;
  char line[200];
  std::snprintf(line, sizeof line, "Density %.0f%% (%zu ties of %zu possible pairs) · %.1f ties per member", n.density * 100,
                n.ties.size(), n.members.size() * (n.members.size() - 1) / 2, n.average);
  ImGui::TextUnformatted(line);
  std::string least;
  for (const std::string& m : n.least) least += (least.empty() ? "" : ", ") + shown_name(v, m) + " (" + std::to_string(n.degree.at(m)) + ")";
  ImGui::TextWrapped("Least connected: %s", least.c_str());
  if (n.timeline.size() >= 2) {
    const std::vector<float>& d = st.network_density;
    ImGui::PlotLines("##density", d.data(), static_cast<int>(d.size()), 0, nullptr, 0, 100, ImVec2(-FLT_MIN, 60));
    ImGui::TextDisabled("Density after each meeting and reply, %s to %s: %.0f%% to %.0f%%", n.timeline.front().date.c_str(),
                        n.timeline.back().date.c_str(), d.front(), d.back());
  }
  draw_introductions(doc, st, env, out, fresh || reading);
  if (reading) {
    ImGui::ProgressBar(cv::network_progress(st.network_run), ImVec2(240, 0), "reading the connections...");
  } else if (st.map_run.work) {
    ImGui::ProgressBar(cv::layout_progress(st.map_run), ImVec2(240, 0), "placing members...");
  }
  draw_map(n, v, st);
}

}  // namespace ui
