// threads_panel.cpp: the Threads tab, conversations between meetings. On the left the threads, the
// latest activity first, with what is new since this browser last looked; on the right the open
// one with its replies, a reply written as the member acting here, and "answered"; above, a new
// thread (ask, offer, question, resource, announcement) tied to a topic, a case or a project.
#include <algorithm>

#include "core/format.h"
#include "core/threads.h"
#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

namespace {

void draw_new_thread(const cv::Community& c, const World& w, State& st, const Env& env, Output& out) {
  const cv::Views& v = *env.views;
  ui::heading("Start a thread");
  ImGui::SetNextItemWidth(140);
  if (begin_combo("##thread-kind", st.thread_kind.c_str())) {
    for (const char* k : cv::kThreadKinds)
      if (ui::selectable((std::string(k) + "##kind").c_str(), st.thread_kind == k)) st.thread_kind = k;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-FLT_MIN);
  member_combo("##thread-as", "Writing as " + shown_name(v, st.acting_as), v, st.acting_as, st.acting_as, "as-");
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##thread-title", "In a line: \"Who knows OKRs?\"", &st.thread_title);
  ImGui::InputTextMultiline("##thread-body", &st.thread_body, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3.5f));
  // Tags: the topics, cases and books it is about.
  std::string tags;
  for (const std::string& t : st.thread_tags) tags += (tags.empty() ? "" : "; ") + cv::tag_label(c, t);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (begin_combo("##thread-tags", tags.empty() ? "About a topic, a case or a project..." : tags.c_str(), ImGuiComboFlags_HeightLarge)) {
    auto tick = [&](const std::string& id, const std::string& label) {
      bool on = std::find(st.thread_tags.begin(), st.thread_tags.end(), id) != st.thread_tags.end();
      if (ImGui::Checkbox((label + "##tag-" + id).c_str(), &on)) {
        if (on) st.thread_tags.push_back(id);
        else st.thread_tags.erase(std::remove(st.thread_tags.begin(), st.thread_tags.end(), id), st.thread_tags.end());
      }
    };
    for (const cv::TopicTally& t : v.tallies) tick(t.id, "topic: " + t.title);
    for (const cv::CaseView& k : v.cases) tick(k.id, "case: " + k.title);
    for (const auto& [id, p] : cv::live_of(c, cv::kProject)) tick(id, "project: " + cv::get(*p, cv::f::project_title));
    ImGui::EndCombo();
  }
  ImGui::BeginDisabled(cv::trim(st.thread_title).empty() || st.acting_as.empty());
  if (ImGui::Button("Start the thread")) {
    const std::string id = env.new_id();
    out.ops.push_back(cv::op_start_thread(id, st.thread_kind, st.acting_as, st.thread_title, st.thread_body, st.thread_tags,
                                          w.now_ms));
    st.thread_open = id;
    st.thread_title.clear();
    st.thread_body.clear();
    st.thread_tags.clear();
  }
  ImGui::EndDisabled();
}

void draw_thread(const cv::Community& c, const World& w, const cv::ThreadView& t, State& st, const Env& env, Output& out) {
  const cv::Views& v = *env.views;
  ImGui::PushID(t.id.c_str());
  ImGui::TextWrapped("%s", shown(t.title).c_str());
  ImGui::TextDisabled("%s by %s, %s", t.kind.c_str(), shown_name(v, t.author).c_str(), cv::format_utc(t.at).c_str());
  bool answered = t.answered;
  if (ImGui::Checkbox("Answered##answered", &answered))
    out.ops.push_back(cv::op_set(answered ? "Mark a thread answered" : "Reopen a thread", t.id, cv::f::thread_answered, answered));
  if (!t.body.empty()) ImGui::TextWrapped("%s", shown(t.body).c_str());
  std::string about, named;
  for (const std::string& tag : t.tags) about += (about.empty() ? "" : "; ") + cv::tag_label(c, tag);
  for (const std::string& m : t.mentions) named += (named.empty() ? "" : ", ") + shown_name(v, m);
  if (!about.empty()) ImGui::TextDisabled("About: %s", about.c_str());
  if (!named.empty()) ImGui::TextDisabled("Mentions: %s", named.c_str());
  ui::heading((std::to_string(t.replies.size()) + (t.replies.size() == 1 ? " reply" : " replies")).c_str());
  for (const cv::Reply& r : t.replies) {
    const bool fresh = r.at > st.threads_seen_before;
    ImGui::TextColored(fresh ? kGood : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), "%s%s, %s", fresh ? "new: " : "",
                       shown_name(v, r.author).c_str(), cv::format_utc(r.at).c_str());
    ImGui::Indent();
    ImGui::TextWrapped("%s", shown(r.body).c_str());
    ImGui::Unindent();
  }
  ImGui::BeginDisabled(st.acting_as.empty());
  if (input_and_add("##reply", ("Reply as " + shown_name(v, st.acting_as) + " (@Name mentions someone)").c_str(),
                    st.reply_text, "Reply")) {
    out.ops.push_back(cv::op_reply(env.new_id(), t.id, st.acting_as, st.reply_text, w.now_ms));
    st.reply_text.clear();
  }
  ImGui::EndDisabled();
  ImGui::PopID();
}

}  // namespace

void draw_threads_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  const cv::Views& v = *env.views;
  if (v.members.empty()) {
    ImGui::TextWrapped("Add members first: threads are asks, offers and questions between members.");
    return;
  }
  // Opening the tab: what came after the last visit is new, and this visit is remembered.
  if (!st.threads_open) {
    st.threads_open = true;
    st.threads_seen_before = w.threads_seen_ms;
    out.command(Command::ThreadsSeen);
  }
  default_acting_as(w, v, st);
  begin_list_pane("thread-list", 380, 0.42f);
  draw_new_thread(c, w, st, env, out);
  // What is new, counted again only when the threads change.
  const std::string key = std::to_string(v.revision) + '\x1f' + v.community + '\x1f' + std::to_string(st.threads_seen_before);
  if (key != st.threads_fresh_key) {
    st.threads_fresh_key = key;
    st.threads_fresh = 0;
    for (const cv::ThreadView& t : v.threads) st.threads_fresh += cv::new_since(t, st.threads_seen_before);
  }
  ui::heading(("Threads (" + std::to_string(v.threads.size()) + ", " + std::to_string(st.threads_fresh) + " new)").c_str());
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(v.threads.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const cv::ThreadView& t = v.threads[i];
      const int n = cv::new_since(t, st.threads_seen_before);
      const std::string label = (n ? "(" + std::to_string(n) + " new) " : std::string()) + shown(t.title) + "  (" + t.kind + ", " +
                                std::to_string(t.replies.size()) + (t.answered ? ", answered" : "") + ")##thread-" + t.id;
      if (ui::selectable(label.c_str(), st.thread_open == t.id)) st.thread_open = t.id;
    }
  ImGui::EndChild();
  begin_detail_pane("thread");
  auto open = v.thread_at.find(st.thread_open);
  if (open == v.thread_at.end()) ImGui::TextWrapped("Pick a thread on the left, or start one: ask for help, offer some.");
  else draw_thread(c, w, v.threads[open->second], st, env, out);
  ImGui::EndChild();
}

}  // namespace ui
