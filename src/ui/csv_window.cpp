// csv_window.cpp: members from a sign-up sheet. Pick which column is what; a preview shows each row
// and each row that will be skipped, with why; nothing is imported until "Import" is pressed.
#include "ui/ui.h"

namespace ui {

void draw_csv_window(const World& w, Output& out) {
  if (!w.csv_open) return;
  if (!ImGui::IsPopupOpen("Import a sign-up sheet")) ImGui::OpenPopup("Import a sign-up sheet");
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(900.0f, vp->WorkSize.x - 20), std::min(640.0f, vp->WorkSize.y - 40)),
                           ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Import a sign-up sheet", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  ImGui::Text("%s", w.csv_name.c_str());
  if (!w.csv_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.05f, 1));
    ImGui::TextWrapped("This file cannot be read: %s. Nothing was imported.", w.csv_error.c_str());
    ImGui::PopStyleColor();
    if (ImGui::Button("Close")) out.command(Command::CsvCancel);
    ImGui::EndPopup();
    return;
  }
  if (w.csv_encoding != "UTF-8")
    ImGui::TextDisabled("The file is not UTF-8; it was read as %s (as spreadsheets on Windows save it).",
                        w.csv_encoding.c_str());
  // Which column is what.
  ui::heading("Columns");
  if (ui::begin_table("mapping", 4, ImGuiTableFlags_SizingStretchSame)) {
    for (const auto& m : w.csv_mapping) {
      ImGui::TableNextColumn();
      const std::string current = m.column < 0 || m.column >= static_cast<int>(w.csv_header.size())
                                      ? std::string("(none)")
                                      : w.csv_header[m.column];
      ImGui::SetNextItemWidth(-FLT_MIN);
      if (begin_combo(("##map-" + m.label).c_str(), (m.label + ": " + current).c_str())) {
        if (ui::selectable("(none)", m.column < 0)) out.csv_remap(m.key, -1);
        for (int i = 0; i < static_cast<int>(w.csv_header.size()); ++i)
          if (ui::selectable((w.csv_header[i] + "##col" + std::to_string(i)).c_str(), i == m.column))
            out.csv_remap(m.key, i);
        ImGui::EndCombo();
      }
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("Cells with several objectives, skills... are split on \";\" and line breaks.");
  ui::heading("Preview");
  const int cols = static_cast<int>(w.csv_header.size()) + 1;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_BordersInnerH;
  if (cols > 1 && cols <= 64 &&
      ui::begin_table("csv-rows", cols, flags, ImVec2(0, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Row", ImGuiTableColumnFlags_WidthFixed, 170);
    for (const auto& h : w.csv_header) ImGui::TableSetupColumn(h.c_str(), ImGuiTableColumnFlags_WidthFixed, 160);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;  // a sheet may have 100,000 rows
    clipper.Begin(static_cast<int>(w.csv_rows.size()));
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string& problem = w.csv_row_problem[r];
        if (problem.empty()) ImGui::Text("%d", r + 1);
        else ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.05f, 1), "%d: skipped, %s", r + 1, problem.c_str());
        for (const auto& cell : w.csv_rows[r]) {
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(cell.c_str());
        }
      }
    }
    ImGui::EndTable();
  }
  ImGui::Text("%d members will be imported, %d rows skipped.", w.csv_imported, w.csv_skipped);
  if (!w.csv_blocked.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.05f, 1));
    ImGui::TextWrapped("Cannot import: %s", w.csv_blocked.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::BeginDisabled(w.csv_imported == 0 || !w.csv_blocked.empty());
  if (ImGui::Button(("Import " + std::to_string(w.csv_imported) + " members").c_str())) out.command(Command::CsvConfirm);
  ImGui::EndDisabled();
  same_line_if_fits("Cancel");
  if (ImGui::Button("Cancel")) out.command(Command::CsvCancel);
  ImGui::EndPopup();
}

}  // namespace ui
