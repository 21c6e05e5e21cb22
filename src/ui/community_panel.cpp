// community_panel.cpp: the community's name and purpose: why we come together, what we want to
// learn with and from each other, what resources we can share.
#include "ui/ui.h"

namespace ui {

namespace {
struct PurposeQuestion {
  cv::TextField field;
  const char* question;
  const char* hint;
};
constexpr PurposeQuestion kPurpose[] = {
    {cv::f::community_purpose_why, "Why do we come together?", "The shared reason this group exists"},
    {cv::f::community_purpose_learn, "What do we want to learn with and from each other?", "Skills, questions, practices"},
    {cv::f::community_purpose_share, "What resources can we share?", "Books, cases, tools, places, contacts"},
};
}  // namespace

void draw_community_panel(const cv::Doc& doc, State& st, const Env& env, Output& out, bool compact) {
  const cv::Community& c = doc.community;
  const cv::Record& rec = *env.views->about;
  std::string edited;

  ui::heading("Community");
  ImGui::TextUnformatted("Name");
  if (st.focus_name) {
    focus_text("##community-name");
    st.focus_name = false;
  }
  if (edit_text("##community-name", cv::get(rec, cv::f::community_name), edited, "Name of the community", -FLT_MIN))
    out.ops.push_back(cv::op_set("Rename community", c.id, cv::f::community_name, edited));

  ImGui::Spacing();
  // On a phone the purpose is folded, so the members are on the first screen.
  if (compact && !ImGui::CollapsingHeader("Purpose")) {
    if (ImGui::Button("Copy invitation link")) out.command(Command::CopyInviteLink);
    return;
  }
  if (!compact) ui::heading("Purpose");
  for (const PurposeQuestion& q : kPurpose) {
    ImGui::TextWrapped("%s", q.question);
    const std::string label = std::string("##") + q.field.name;
    if (edit_text(label.c_str(), cv::get(rec, q.field), edited, q.hint, -FLT_MIN, true,
                  ImGui::GetTextLineHeight() * 4.5f))
      out.ops.push_back(cv::op_set(std::string("Edit purpose: ") + q.question, c.id, q.field, edited));
    if (cv::get(rec, q.field).empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s", q.hint);
      ImGui::PopStyleColor();
    }
    ImGui::Spacing();
  }
  ImGui::TextWrapped("Invite members to tell the group what they want to learn and what they can offer:");
  if (ImGui::Button("Copy invitation link")) out.command(Command::CopyInviteLink);
}

}  // namespace ui
