// community_panel.cpp: the community's name and purpose: why we come together, what we want to
// learn with and from each other, what resources we can share.
#include "ui/ui.h"

namespace ui {

namespace {
struct PurposeQuestion {
  const char* field;
  const char* question;
  const char* hint;
};
constexpr PurposeQuestion kPurpose[] = {
    {"purpose_why", "Why do we come together?", "The shared reason this group exists"},
    {"purpose_learn", "What do we want to learn with and from each other?", "Skills, questions, practices"},
    {"purpose_share", "What resources can we share?", "Books, cases, tools, places, contacts"},
};
}  // namespace

void draw_community_panel(const cv::Doc& doc, State& st, Output& out) {
  const cv::Community& c = doc.community;
  const cv::Record& rec = cv::community_record(c);
  std::string edited;

  ImGui::SeparatorText("Community");
  ImGui::TextUnformatted("Name");
  if (st.focus_name) {
    focus_text("##community-name");
    st.focus_name = false;
  }
  if (edit_text("##community-name", rec.text("name"), edited, "Name of the community", -FLT_MIN))
    out.ops.push_back(cv::op_set("Rename community", c.id, cv::kCommunity, "name", edited));

  ImGui::Spacing();
  ImGui::SeparatorText("Purpose");
  for (const PurposeQuestion& q : kPurpose) {
    ImGui::TextWrapped("%s", q.question);
    const std::string label = std::string("##") + q.field;
    if (edit_text(label.c_str(), rec.text(q.field), edited, q.hint, -FLT_MIN, true,
                  ImGui::GetTextLineHeight() * 4.5f))
      out.ops.push_back(cv::op_set(std::string("Edit purpose: ") + q.question, c.id, cv::kCommunity, q.field, edited));
    if (rec.text(q.field).empty()) {
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
