// intake_window.cpp: what each member brings: learning objectives, real problems, topics, skills
// (and whether they would present or lead), resources, availability. The convener fills it in for a
// member; a member who opened an invitation fills in their own and sends it back.
//  [SECTION] One member's intake
//  [SECTION] The member's own answers (invitation)
#include <algorithm>

#include "core/books.h"
#include "core/cases.h"
#include "core/directory.h"
#include "core/threads.h"
#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

namespace {

struct ListSpec {
  const char* type;
  const char* heading;
  const char* hint;
};
constexpr ListSpec kLists[] = {
    {cv::kObjective, "What I want to learn", "A learning objective, in your own words"},
    {cv::kProblem, "Real problems I want help with", "A problem from work the group could help with"},
    {cv::kSkill, "Skills I can offer", "Something you know and could share"},
    {cv::kResource, "Resources I can share", "A book, a case, a tool, a room..."},
};

// The new-item fields keep their text between frames, one per list.
std::string g_new_text[5];

}  // namespace

// [SECTION] One member's intake ------------------------------------------------------------------------

void draw_member_intake(const cv::Doc& doc, const std::string& member, bool own, State& st, const Env& env,
                        Output& out) {
  const cv::Community& c = doc.community;
  const cv::Record* m = cv::find_live(c, member);
  if (!m) return;
  ImGui::PushID(member.c_str());
  std::string edited;
  if (own) {
    ImGui::TextUnformatted("Your name");
    if (st.name_focus) focus_text("##my-name");
    st.name_focus = false;
    if (edit_text("##my-name", cv::get(*m, cv::f::member_name), edited, "Name", -FLT_MIN))
      out.ops.push_back(cv::op_set("Rename member", member, cv::f::member_name, cv::trim(edited)));
    if (st.name_needed) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.05f, 1));
      ImGui::TextWrapped("Write your name first: the convener needs it to know whose answers these are.");
      ImGui::PopStyleColor();
    }
    ImGui::TextUnformatted("How to reach you");
    if (edit_text("##my-contact", cv::get(*m, cv::f::member_contact), edited, "Email or phone", -FLT_MIN))
      out.ops.push_back(cv::op_set("Edit contact", member, cv::f::member_contact, cv::trim(edited)));
  } else {
    // The convener's view: the members table's contact and notes, here too (a phone's table has no room).
    ImGui::TextUnformatted("How to reach them");
    if (edit_text("##contact", cv::get(*m, cv::f::member_contact), edited, "Email or phone", -FLT_MIN))
      out.ops.push_back(cv::op_set("Edit contact", member, cv::f::member_contact, cv::trim(edited)));
    ImGui::TextUnformatted("Notes");
    if (edit_text("##notes", cv::get(*m, cv::f::member_notes), edited, "Notes", -FLT_MIN))
      out.ops.push_back(cv::op_set("Edit notes", member, cv::f::member_notes, edited));
  }
  ImGui::TextUnformatted("When I am available");
  if (edit_text("##availability", cv::get(*m, cv::f::member_availability), edited, "e.g. Thursday evenings, not in August",
                -FLT_MIN))
    out.ops.push_back(cv::op_set("Edit availability", member, cv::f::member_availability, cv::trim(edited)));
  // The profile others see in the directory (directory.h): a label and a field per line.
  // Folded like the roles: the objectives come first in an answer, the profile when the member has time.
  if (ImGui::CollapsingHeader(own ? "About me, for the directory" : "Profile, for the directory") &&
      ui::begin_table("profile", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 130);
    ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);
    struct Row {
      const char* label;
      cv::TextField field;
      const char* hint;
    };
    for (const Row& r : {Row{"Pronouns", cv::f::member_pronouns, "she/her, they/them..."},
                         Row{"Organisation", cv::f::member_organisation, "Where you work or study"},
                         Row{"Place", cv::f::member_place, "A city or a region"},
                         Row{"Time zone", cv::f::member_time_zone, "Europe/Warsaw, UTC+2..."},
                         Row{"Ask me about", cv::f::member_ask_me_about, "What others may ask you about, with commas"},
                         Row{"Matrix ID", cv::f::member_matrix_id, "@name:server (optional)"}}) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(r.label);
      ImGui::TableNextColumn();
      const std::string label = std::string("##profile-") + r.field.name;
      if (edit_text(label.c_str(), cv::get(*m, r.field), edited, r.hint, -FLT_MIN)) {
        const std::string value = cv::trim(edited);
        if (std::string_view(r.field.name) == cv::f::member_matrix_id.name && !value.empty() && !cv::is_matrix_id(value)) {
          out.error = "\"" + value + "\" is not a Matrix ID: it looks like @name:example.org. Nothing was changed.";
        } else {
          out.ops.push_back(cv::op_set(std::string("Edit ") + cv::lower(r.label), member, r.field, value));
        }
      }
    }
    ImGui::EndTable();
  }
  // Roles: offered, declined, and a time away that the turn order honours (folded: most answers skip it).
  if (ImGui::CollapsingHeader("Roles and time away")) {
    ImGui::TextUnformatted("Roles I would take");
    if (edit_text("##offers", join_roles(cv::get(*m, cv::f::member_roles)), edited, "presenter, book chooser, case bringer",
                  -FLT_MIN))
      out.ops.push_back(cv::op_set("Edit roles", member, cv::f::member_roles, split_roles(edited)));
    ImGui::TextUnformatted("Roles I would rather not take");
    if (edit_text("##declines", join_roles(cv::get(*m, cv::f::member_declines)), edited, "facilitator", -FLT_MIN))
      out.ops.push_back(cv::op_set("Edit declined roles", member, cv::f::member_declines, split_roles(edited)));
    ImGui::TextUnformatted("Away until (no roles before then)");
    const float half = ImGui::GetContentRegionAvail().x * 0.35f;
    if (edit_text("##away-until", cv::get(*m, cv::f::member_away_until), edited, "2027-03-01", half)) {
      const std::string d = cv::trim(edited);
      if (d.empty() || cv::is_date(d)) out.ops.push_back(cv::op_set("Set away", member, cv::f::member_away_until, d));
      else st.status = "\"" + d + "\" is not a date: write it as YYYY-MM-DD, e.g. 2027-03-01.", st.status_is_error = true;
    }
    ImGui::SameLine();
    if (edit_text("##away-reason", cv::get(*m, cv::f::member_away_reason), edited, "Why (optional): travelling", -FLT_MIN))
      out.ops.push_back(cv::op_set("Set away", member, cv::f::member_away_reason, cv::trim(edited)));
  }

  for (size_t li = 0; li < std::size(kLists); ++li) {
    const ListSpec& spec = kLists[li];
    ui::heading(spec.heading);
    ImGui::PushID(spec.type);
    for (const cv::Item& it : cv::items_of(c, member, spec.type)) {
      ImGui::PushID(it.id.c_str());
      const float remove_w = ImGui::CalcTextSize("Remove").x + ImGui::GetStyle().FramePadding.x * 2;
      const bool skill = std::string(spec.type) == cv::kSkill;
      const float offer_w = skill ? 150 : 0;
      if (edit_text(("##text-" + it.id).c_str(), it.text, edited, spec.hint,
                    ImGui::GetContentRegionAvail().x - remove_w - offer_w - ImGui::GetStyle().ItemSpacing.x * 2)) {
        if (cv::trim(edited).empty()) out.ops.push_back(cv::op_delete("Remove", it.id, spec.type));
        else out.ops.push_back(cv::op_set("Edit", it.id, cv::item_fields(spec.type).text, cv::trim(edited)));
      }
      if (skill) {
        ImGui::SameLine();
        static const char* offers[] = {"", "present", "lead"};
        static const char* offer_labels[] = {"just share it", "would present", "would lead"};
        const int current = it.offer == "present" ? 1 : it.offer == "lead" ? 2 : 0;
        ImGui::SetNextItemWidth(offer_w);
        if (begin_combo(("##offer-" + it.id).c_str(), offer_labels[current])) {
          for (int k = 0; k < 3; ++k)
            if (ui::selectable(offer_labels[k], k == current) && k != current)
              out.ops.push_back(cv::op_set("Offer to present or lead", it.id, cv::f::skill_offer, std::string(offers[k])));
          ImGui::EndCombo();
        }
      }
      ImGui::SameLine();
      if (ui::small_button("Remove")) out.ops.push_back(cv::op_delete("Remove", it.id, spec.type));
      ImGui::PopID();
    }
    std::string& fresh = g_new_text[li];
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string label = std::string("##add-") + spec.type;
    if (ImGui::InputTextWithHint(label.c_str(), spec.hint, &fresh, ImGuiInputTextFlags_EnterReturnsTrue) ||
        (ImGui::IsItemDeactivated() && !cv::trim(fresh).empty())) {
      if (!cv::trim(fresh).empty()) {
        out.ops.push_back(cv::op_add_item(spec.type, env.new_id(), member, cv::trim(fresh)));
        fresh.clear();
        ImGui::SetKeyboardFocusHere(-1);  // keep typing the next one
      }
    }
    ImGui::PopID();
  }

  // Objectives revisited: how far they got with each in the cycle now running, and what helped.
  const int cycle = cv::current_cycle(c);
  const auto mine = cv::items_of(c, member, cv::kObjective);
  if (!mine.empty() &&
      ImGui::CollapsingHeader(((own ? "How far did I get? " : "How far did they get? ") + cv::cycle_label(cycle) + "###progress").c_str())) {
    for (const cv::Item& it : mine) {
      if (cv::objective_achieved(c, it.id)) continue;
      ImGui::PushID(it.id.c_str());
      const auto [rating, helped] = cv::progress_of(c, it.id, cycle);
      ImGui::TextWrapped("%s", it.text.c_str());
      int picked = rating;
      ImGui::SetNextItemWidth(130);
      if (rating_combo("##my-rating", rating, picked)) out.ops.push_back(cv::op_rate_objective(c, it.id, cycle, picked, helped));
      ImGui::SameLine();
      ImGui::BeginDisabled(rating < 0);
      if (edit_text("##my-helped", helped, edited, rating < 0 ? "rate it first" : "What helped?", -FLT_MIN))
        out.ops.push_back(cv::op_rate_objective(c, it.id, cycle, rating, edited));
      ImGui::EndDisabled();
      ImGui::PopID();
    }
  }

  ui::heading("Topics I would like to discuss");
  for (const auto& [id, t] : cv::live_of(c, cv::kTopic)) {
    if (cv::get(*t, cv::f::topic_proposed_by) != member) continue;
    const std::string state = cv::get(*t, cv::f::topic_state), owner = cv::get(*t, cv::f::topic_owner);
    ImGui::BulletText("%s", cv::get(*t, cv::f::topic_title).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", state == "done" ? "done" : state == "chosen" ? "planned" : "in the backlog");
    if (state != "done" && (owner.empty() || owner == member)) {
      ImGui::SameLine();
      if (ui::small_button(((owner == member ? "I will not open it after all##own-" : "I'll open it##own-") + id).c_str()))
        out.ops.push_back(cv::op_set(owner == member ? "Take back an offer to open a topic" : "Offer to open a topic", id,
                                     cv::f::topic_owner, owner == member ? std::string() : member));
    } else if (!owner.empty() && owner != member) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s opens it", shown_member(c, owner).c_str());
    }
  }
  std::string& topic = g_new_text[4];
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::InputTextWithHint("##add-topic", "A topic for a meeting", &topic, ImGuiInputTextFlags_EnterReturnsTrue) &&
      !cv::trim(topic).empty()) {
    out.ops.push_back(cv::op_propose_topic(env.new_id(), cv::trim(topic), member));
    topic.clear();
    ImGui::SetKeyboardFocusHere(-1);
  }
  // What they presented, and when (Roles over time, for this member).
  ui::heading("What I presented");
  auto presented = env.views->presented.find(member);
  if (presented == env.views->presented.end()) ImGui::TextDisabled("Nothing yet: offer to open a topic above.");
  else
    for (const cv::RoleHeld& h : presented->second)
      ImGui::BulletText("%s  %s", h.date.empty() ? "(no date)" : h.date.c_str(), h.title.c_str());
  auto helped = env.views->helped.find(member);
  if (helped != env.views->helped.end() && !helped->second.empty()) {
    ui::heading("Cases I helped with");
    for (const std::string& title : helped->second) ImGui::BulletText("%s", title.c_str());
  }
  // Books they would like the circle to read (the Books tab's proposals).
  ui::heading("Books I would like us to read");
  for (const cv::BookView& b : cv::books(c))
    if (b.proposed_by == member) ImGui::BulletText("%s%s%s", b.title.c_str(), b.author.empty() ? "" : ", ", b.author.c_str());
  BookDraft& d = st.book_draft;
  ImGui::SetNextItemWidth(std::max(140.0f, ImGui::GetContentRegionAvail().x * 0.45f));
  ImGui::InputTextWithHint("##my-book-title", "A book's title", &d.title);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(100.0f, ImGui::GetContentRegionAvail().x - 130));
  ImGui::InputTextWithHint("##my-book-author", "Author", &d.author);
  ImGui::SameLine();
  ImGui::BeginDisabled(cv::trim(d.title).empty());
  if (ImGui::Button("Propose it")) {
    out.ops.push_back(cv::op_propose_book(env.new_id(), member, cv::trim(d.title), cv::trim(d.author), "", ""));
    d = BookDraft{};
  }
  ImGui::EndDisabled();
  // A thread to start: an ask, an offer, a question (the Threads tab's, written as this member).
  ui::heading("Something to ask or offer the others");
  for (const cv::ThreadView& t : env.views->threads)
    if (t.author == member) ImGui::BulletText("%s (%s, %zu replies)", t.title.c_str(), t.kind.c_str(), t.replies.size());
  ImGui::SetNextItemWidth(130);
  if (begin_combo("##my-thread-kind", st.thread_kind.c_str())) {
    for (const char* k : cv::kThreadKinds)
      if (ui::selectable((std::string(k) + "##my-kind").c_str(), st.thread_kind == k)) st.thread_kind = k;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##my-thread-title", "In a line: \"Who knows OKRs?\"", &st.thread_title);
  ImGui::SetNextItemWidth(std::max(140.0f, ImGui::GetContentRegionAvail().x - 110));
  ImGui::InputTextWithHint("##my-thread-body", "More, if you like", &st.thread_body);
  ImGui::SameLine();
  ImGui::BeginDisabled(cv::trim(st.thread_title).empty());
  if (ImGui::Button("Post it")) {
    out.ops.push_back(cv::op_start_thread(env.new_id(), st.thread_kind, member, st.thread_title, st.thread_body, {}, env.now_ms));
    st.thread_title.clear();
    st.thread_body.clear();
  }
  ImGui::EndDisabled();
  // A case they would like the others' help with (the Cases tab's library), possibly without their name.
  ui::heading("A case I would like help with");
  for (const cv::CaseView& k : env.views->cases)
    if (k.bringer == member) ImGui::BulletText("%s%s", k.title.c_str(), k.anonymous ? " (without my name)" : "");
  CaseDraft& k = st.case_draft;
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##my-case-title", "A short title: \"The silent retro\"", &k.title);
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##my-case-question", "The question you want help with", &k.question);
  ImGui::Checkbox("Share without my name##my-case-anonymous", &k.anonymous);
  ImGui::SameLine();
  ImGui::BeginDisabled(cv::trim(k.title).empty());
  if (ImGui::Button("Bring it")) {
    out.ops.push_back(cv::op_bring_case(env.new_id(), member, cv::trim(k.title), cv::trim(k.question), "", k.anonymous));
    k = CaseDraft{};
  }
  ImGui::EndDisabled();
  ImGui::PopID();
}

// [SECTION] The member's own answers (invitation) ------------------------------------------------------

void draw_answers_window(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out) {
  if (w.me.empty() || !cv::find_live(doc.community, w.me)) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::Begin("Your answers", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  const cv::Record& cr = cv::community_record(doc.community);
  ImGui::PushTextWrapPos(std::min(ImGui::GetContentRegionAvail().x, 760.0f));
  ImGui::Text("You are invited to %s", cv::get(cr, cv::f::community_name).c_str());
  for (const char* f : {"purpose_why", "purpose_learn", "purpose_share"})
    if (!cr.text(f).empty()) ImGui::TextDisabled("%s", cr.text(f).c_str());
  ImGui::Spacing();
  ImGui::TextWrapped("Tell the group what you bring. Nothing leaves this browser until you send it: then the "
                     "convener imports your answers and they join the community.");
  ImGui::PopTextWrapPos();
  // A community kept in a Matrix room (the invitation names it): answers can go through the room.
  const bool room = !cr.text(cv::f::community_matrix_room.name).empty();
  const int lines = room ? button_lines({"Send through the Matrix room...", "Download my answers", "Copy answers link", "Open the whole community"})
                         : button_lines({"Download my answers", "Copy answers link", "Open the whole community"});
  begin_child("answers", ImVec2(std::min(ImGui::GetContentRegionAvail().x, 760.0f),
                                      ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * (lines + 1)));
  // The guidelines first: how we learn together, before what each person brings.
  draw_guidelines_to_acknowledge(doc, w.me, out);
  draw_member_intake(doc, w.me, true, st, env, out);
  ImGui::EndChild();
  ImGui::Separator();
  // Answers go out with a name: the convener must know whose they are.
  const bool named = !cv::trim(cv::get(*cv::find_live(doc.community, w.me), cv::f::member_name)).empty();
  if (named) st.name_needed = false;
  auto send = [&](Command::Kind k) {
    if (named) out.command(k);
    else st.name_needed = st.name_focus = true;
  };
  if (room) {
    if (ImGui::Button("Send through the Matrix room...")) {
      if (named) st.live_open = true;
      else st.name_needed = st.name_focus = true;
    }
    same_line_if_fits("Download my answers");
  }
  if (ImGui::Button("Download my answers")) send(Command::DownloadMyAnswers);
  same_line_if_fits("Copy answers link");
  if (ImGui::Button("Copy answers link")) send(Command::CopyAnswersLink);
  same_line_if_fits("Open the whole community");
  if (ImGui::Button("Open the whole community")) out.command(Command::StopAnswering);
  ImGui::End();
}

}  // namespace ui
