// room_window.cpp: Community > Connect to a Matrix room. Sign in to a homeserver, create a room for the
// community (inviting the members who have a Matrix ID) or join one by its address; then how the sync
// stands, and the changes the room sent that their senders may not make.
#include "ui/ui.h"
#include "imgui_stdlib.h"

#include "core/directory.h"
#include "core/fields.h"

namespace ui {

namespace {

constexpr int kOff = 0, kFailed = 5, kKnocking = 6;

std::vector<std::string> matrix_ids(const cv::Community& c) {
  std::vector<std::string> out;
  for (const cv::TypeIndex::Entry e : cv::records_of(c, cv::kMember))
    if (!e->second.deleted())
      if (const std::string id = e->second.text(cv::f::member_matrix_id.name); cv::is_matrix_id(id)) out.push_back(id);
  return out;
}

void field(const char* label, const char* id, std::string* value, const char* hint, ImGuiInputTextFlags flags = 0) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(ImGui::GetFontSize() * 7);
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint(id, hint, value, flags);
  describe_last(label, (flags & ImGuiInputTextFlags_Password) ? std::string_view() : std::string_view(*value));  // never a password
}

void draw_connect(const cv::Doc& doc, const World& w, State& st, Output& out) {
  ImGui::TextWrapped("Connect this community to a Matrix room: every member's copy then stays in step through the "
                     "room, and its threads can be read and answered in any Matrix client, such as Element.");
  ImGui::TextWrapped("The room is not end-to-end encrypted: Cultivate cannot read encrypted rooms yet, so use it "
                     "for what the community would share in a private group. Your password goes only to your "
                     "homeserver; this browser keeps the sign-in, never in a file or a link.");
  ImGui::Spacing();
  field("Homeserver", "##live-homeserver", &st.live_homeserver, "https://matrix.org");
  field("User ID", "##live-user", &st.live_user, "@you:matrix.org");
  field("Password", "##live-password", &st.live_password, "", ImGuiInputTextFlags_Password);
  ImGui::Spacing();
  // The room the community was connected to (a copy or an invitation carries it): joined by default.
  const std::string known = cv::community_record(doc.community).text(cv::f::community_matrix_room.name);
  if (!known.empty() && st.live_room.empty()) st.live_room = known, st.live_join = true;
  const std::vector<std::string> invite = matrix_ids(doc.community);
  const std::string create = "Create a room for this community (invites the " + std::to_string(invite.size()) +
                             (invite.size() == 1 ? " member" : " members") + " with a Matrix ID in the directory)";
  if (ImGui::RadioButton(create.c_str(), !st.live_join)) st.live_join = false;
  if (ImGui::RadioButton("Join this community's room", st.live_join)) st.live_join = true;
  if (st.live_join) field("Room", "##live-room", &st.live_room, "#room:example.org or !id:example.org");
  const bool busy = w.live.phase != kOff && w.live.phase != kFailed;
  ImGui::BeginDisabled(busy);
  if (ImGui::Button(st.live_join ? "Join the room" : "Create the room")) {
    cv::json arg = {{"homeserver", st.live_homeserver}, {"user", st.live_user}, {"password", st.live_password},
                    {"join", st.live_join ? st.live_room : std::string()}};
    out.command(Command::LiveConnect, arg.dump());
    st.live_password.clear();  // not kept on screen once sent
  }
  ImGui::EndDisabled();
  if (busy) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s ...", w.live.status.c_str());
  }
  if (w.live.phase == kFailed) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));
    ImGui::TextWrapped("%s", w.live.status.c_str());
    ImGui::PopStyleColor();
  }
}

void draw_connected(const World& w, Output& out) {
  ImGui::TextWrapped("Connected as %s to the room %s on %s.", w.live.user.c_str(), w.live.room.c_str(),
                     w.live.homeserver.c_str());
  ImGui::Text("Sync: %s", w.live.status.c_str());
  ImGui::TextWrapped("Members join with this room's address (Community > Connect to a Matrix room > Join). "
                     "Editing never waits for the network: changes made offline are sent when it returns.");
  std::string room = w.live.room;
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputText("##live-address", &room, ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
  if (ImGui::Button("Disconnect")) out.command(Command::LiveDisconnect);
  ImGui::SameLine();
  ImGui::TextDisabled("(the room and the community stay)");
  // New members answering an invitation ask to be let in; members already in the directory are let
  // in by themselves.
  for (const std::string& who : w.live.knocks) {
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s asks to join the room.", who.c_str());
    ImGui::SameLine();
    if (ImGui::Button(("Let in##knock-" + who).c_str())) out.command(Command::LiveInvite, who);
  }
}

void draw_refused(const World& w) {
  if (w.live.refused.empty()) return;
  ImGui::Spacing();
  ImGui::Text("Refused changes (%zu)", w.live.refused.size());
  ImGui::TextWrapped("Changes the room sent that their sender may not make: members change their own records, "
                     "and the room's moderators everything. They were not merged.");
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  const float h = ImGui::GetTextLineHeightWithSpacing() * std::min<float>(8, static_cast<float>(w.live.refused.size()) + 1.5f);
  if (!ui::begin_table("live-refused", 4, flags, ImVec2(0, h))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("Sender", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("Change");
  ImGui::TableSetupColumn("Why not");
  ImGui::TableHeadersRow();
  ImGuiListClipper clip;
  clip.Begin(static_cast<int>(w.live.refused.size()));
  while (clip.Step())
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
      const World::LiveRefused& r = w.live.refused[w.live.refused.size() - 1 - static_cast<size_t>(i)];  // newest first
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(human_age(r.at_ms, w.now_ms).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.sender.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", r.what.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", r.reason.c_str());
    }
  ImGui::EndTable();
}

}  // namespace

void draw_live_window(const cv::Doc& doc, const World& w, State& st, Output& out) {
  if (!st.live_open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  // A fixed width, the height of what it holds (it grows when a field or the refused changes appear).
  const float width = std::min(620.0f, vp->WorkSize.x - 20);
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp->WorkSize.y - 40));
  if (!ImGui::Begin("Matrix room", &st.live_open,
                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  const bool connected = w.live.phase != kOff && w.live.phase != kFailed && w.live.phase != kKnocking && !w.live.room.empty();
  if (connected) draw_connected(w, out);
  else draw_connect(doc, w, st, out);
  draw_refused(w);
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGuiKey_Escape)) st.live_open = false;
  ImGui::End();
}

}  // namespace ui
