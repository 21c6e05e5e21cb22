// share_window.cpp: the share link. Small communities travel inside the link; a larger one is
// shared as a file, which can be hosted anywhere and opened with #url=.
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

void draw_share_window(const World& w, Output& out) {
  if (!w.share_open) return;
  if (!ImGui::IsPopupOpen("Share link")) ImGui::OpenPopup("Share link");
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  // A fixed width, the height of what it holds (its text wraps to that width; on a phone it is taller).
  const float width = std::min(560.0f, vp->WorkSize.x - 20);
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp->WorkSize.y - 40));
  if (!ImGui::BeginPopupModal("Share link", nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize))
    return;
  if (!w.share_error.empty()) {
    ImGui::TextWrapped("No link could be made: %s. Share the file instead.", w.share_error.c_str());
  } else if (w.share_length >= kMaxLinkChars) {
    ImGui::TextWrapped("This community is too large for a link: it would be %zu characters long, and links stay "
                       "under %zu. Share it as a file instead: export it and send the file, or put the file on any "
                       "web host and share this page's address followed by #url= and the file's address.",
                       w.share_length, kMaxLinkChars);
    if (ImGui::Button("Export file")) out.command(Command::ExportFile);
    same_line_if_fits("Close");
  } else {
    if (w.share_kind == "invite")
      ImGui::TextWrapped("Send this invitation to future members. It holds the community's name and purpose, and "
                         "nothing about its members. Whoever opens it tells the group what they want to learn, "
                         "the problems they bring and what they can offer, and sends their answers back to you "
                         "as a file or a link: import them all at once (drop the files on the page).");
    else
      ImGui::TextWrapped("Anyone who opens this link sees a preview of it and can merge it into their community "
                         "or open it as a new one. A link holds everything it carries: share it only with people "
                         "who may see it.");
    std::string url = w.share_url;
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputText("##share-url", &url, ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
    if (w.share_copied == 1) ImGui::TextDisabled("Copied to the clipboard (%zu characters).", w.share_length);
    else if (w.share_copied == 0) ImGui::TextDisabled("Select the link above and copy it (the clipboard was not available).");
    if (ImGui::Button("Copy link")) out.command(Command::CopyShareLink);
    same_line_if_fits("Close");
  }
  if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    out.command(Command::CloseShare);
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace ui
