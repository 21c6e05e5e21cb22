// objectives_panel.cpp: the learning objectives shared by most. Groups of objectives that mean the
// same, ranked by how many members hold them; the convener merges and splits groups by hand; each
// member's objectives, shared or theirs alone.
#include <algorithm>
#include <array>
#include <cmath>

#include "core/getting_started.h"
#include "ui/ui.h"

namespace ui {

namespace {

constexpr size_t kShownInGroup = 8;  // objectives listed in a group's row; the rest are counted

// "a; b; c" of at most `most` texts, then how many more.
std::string some_texts(const std::vector<std::string>& texts, size_t most = 6) {
  std::string s;
  for (size_t i = 0; i < texts.size() && i < most; ++i) s += (i ? "; " : "") + texts[i];
  if (texts.size() > most) s += "; and " + std::to_string(texts.size() - most) + " more";
  return s;
}

// What a group's row lists below its label: up to kShownInGroup objectives written otherwise (id,
// text, whose), and who holds it. Read for a row when it is first on screen after a change of the
// groups, not at every frame: each objective was a lookup among all the community's records.
struct GroupLines {
  bool read = false;
  std::vector<std::array<std::string, 3>> written;
  std::string holders;
};

const GroupLines& group_lines(const cv::Community& c, const cv::Views& v, size_t gi) {
  static std::vector<GroupLines> lines;
  static std::string key;
  const std::string now = std::to_string(v.revision) + '\x1f' + v.community + (v.busy ? "\x1f" "busy" : "");
  if (now != key || lines.size() != v.objectives.groups.size()) {
    key = now;
    lines.assign(v.objectives.groups.size(), GroupLines{});
  }
  GroupLines& x = lines[gi];
  if (x.read) return x;
  x.read = true;
  const cv::ObjectiveGroup& g = v.objectives.groups[gi];
  for (size_t i = 0; i < g.objectives.size() && x.written.size() < kShownInGroup && g.objectives.size() > 1; ++i) {
    const cv::Record* o = cv::find_live(c, g.objectives[i]);
    if (!o || cv::get(*o, cv::f::objective_text) == g.label) continue;
    x.written.push_back({g.objectives[i], cv::get(*o, cv::f::objective_text), shown_name(v, cv::get(*o, cv::f::objective_member))});
  }
  x.holders = some_names(g.members, [&](const std::string& id) { return shown_name(v, id); });
  return x;
}

}  // namespace

// While a large community regroups: how far, under the groups from before.
void draw_regrouping(const cv::Views& v) {
  if (!v.busy) return;
  ImGui::ProgressBar(v.progress, ImVec2(200, 0), "");
  ImGui::SameLine();
  ImGui::TextDisabled(v.grouped ? "Regrouping after the last change; the groups below are from before it."
                                : "Grouping the objectives and skills that mean the same...");
}

void draw_objectives_panel(const cv::Doc& doc, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  const cv::Views& v = *env.views;
  const cv::SharedObjectives& so = v.objectives;
  draw_regrouping(v);
  if (!so.groups.empty() || cv::current_cycle(c) > 0) draw_objectives_revisited(doc, st, env, out);
  if (so.groups.empty()) {
    if (v.busy && !v.grouped) return;
    ImGui::TextWrapped("No learning objectives yet. Add them per member (Members > Details), import members' "
                       "answers, or a sign-up sheet (Share > Import CSV).");
    return;
  }
  // The threshold for "held by most".
  int percent = static_cast<int>(std::lround(so.threshold * 100));
  ImGui::SetNextItemWidth(number_width(70));
  if (ImGui::InputInt("% of members##threshold", &percent, 5, 10) && percent >= 10 && percent <= 100)
    out.ops.push_back(cv::op_set("Change the shared threshold", c.id, cv::f::community_shared_threshold, percent / 100.0));
  ImGui::SameLine();
  ImGui::TextDisabled("%d of %d members make an objective shared by most.", so.needed, so.members);

  // Picked groups (by their first objective) can be merged into one.
  std::vector<const cv::ObjectiveGroup*> picked;
  for (const auto& g : so.groups)
    if (std::find(st.group_pick.begin(), st.group_pick.end(), g.objectives[0]) != st.group_pick.end()) picked.push_back(&g);
  ImGui::BeginDisabled(picked.size() != 2);
  if (ImGui::Button("Merge the two picked groups")) {
    out.ops.push_back(cv::op_merge_groups(*picked[0], *picked[1]));
    st.group_pick.clear();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::TextDisabled("Pick two groups that mean the same to merge them.");

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  const float list_h = ImGui::GetContentRegionAvail().y * 0.62f;
  // On a phone the buttons go under the objective, each on its own line.
  const bool narrow = ImGui::GetContentRegionAvail().x < kNarrow;
  if (ui::begin_table("objective-groups", narrow ? 3 : 4, flags, ImVec2(0, list_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("##pick", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
    ImGui::TableSetupColumn("Members", ImGuiTableColumnFlags_WidthFixed, 80);
    ImGui::TableSetupColumn("Objective (as members wrote it)", ImGuiTableColumnFlags_WidthStretch, 3);
    if (!narrow) ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(so.groups.size()));
    while (clipper.Step()) {
      for (int gi = clipper.DisplayStart; gi < clipper.DisplayEnd; ++gi) {
        const cv::ObjectiveGroup& g = so.groups[gi];
        ImGui::PushID(g.objectives[0].c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        bool pick = std::find(st.group_pick.begin(), st.group_pick.end(), g.objectives[0]) != st.group_pick.end();
        if (ImGui::Checkbox(("##pick-" + g.label).c_str(), &pick)) {
          if (pick) st.group_pick.push_back(g.objectives[0]);
          else st.group_pick.erase(std::find(st.group_pick.begin(), st.group_pick.end(), g.objectives[0]));
          if (st.group_pick.size() > 2) st.group_pick.erase(st.group_pick.begin());
        }
        ImGui::TableNextColumn();
        ImGui::Text("%zu of %d", g.members.size(), so.members);
        if (g.by_most) {
          ImGui::SameLine();
          ImGui::TextColored(ImVec4(0.15f, 0.5f, 0.28f, 1), "most");
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(g.label.c_str());
        const GroupLines& lines = group_lines(c, v, gi);
        for (const auto& [oid, text, who] : lines.written) {
          ImGui::PushID(oid.c_str());
          ImGui::TextDisabled("  \"%s\" (%s)", text.c_str(), who.c_str());
          if (!narrow) ImGui::SameLine();
          if (ui::small_button("Not the same")) out.ops.push_back(cv::op_split_objective(oid));
          ImGui::PopID();
        }
        if (g.objectives.size() > kShownInGroup + 1)
          ImGui::TextDisabled("  and %zu more written like these", g.objectives.size() - 1 - lines.written.size());
        ImGui::TextDisabled("%s", lines.holders.c_str());
        if (!narrow) ImGui::TableNextColumn();
        if (ui::small_button(("Make a topic##" + g.label).c_str()))
          out.ops.push_back(cv::op_propose_topic(env.new_id(), g.label, "", g.objectives[0]));
        if (g.pinned) {
          if (!narrow) ImGui::SameLine();
          if (ui::small_button(("Regroup automatically##" + g.label).c_str())) out.ops.push_back(cv::op_unpin_group(g));
        }
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }

  // Per member: which objectives are shared and which are theirs alone.
  ui::heading("Per member");
  if (ui::begin_table("per-member", 3, flags, ImVec2(0, 0))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Member", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Shared with others", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Theirs alone", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(v.per_member.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const cv::MemberObjectives& p = v.per_member[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(shown(p.name).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", some_texts(p.shared).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", some_texts(p.alone).c_str());
      }
    ImGui::EndTable();
  }
}

}  // namespace ui
