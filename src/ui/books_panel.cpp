// books_panel.cpp: the Books tab: the book circle. Members propose books and support them; the book
// chooser of the round (the role that rotates) picks one; the reading plan splits it into parts per
// meeting, with questions members add and notes; the shelf keeps the books read and a sentence each
// member kept. Everything is done as the member chosen at the top, as in the Topics tab.
//  [SECTION] Proposals
//  [SECTION] The book being read
//  [SECTION] The shelf
#include <algorithm>

#include "core/books.h"
#include "core/meetings.h"
#include "core/text.h"
#include "ui/ui.h"
#include "imgui_stdlib.h"

namespace ui {

namespace {

// [SECTION] Proposals --------------------------------------------------------------------------------

void draw_proposals(const cv::Community& c, const World& w, State& st, const Env& env, Output& out) {
  ui::heading("Propose a book");
  BookDraft& d = st.book_draft;
  const float half = std::max(160.0f, ImGui::GetContentRegionAvail().x * 0.5f - 8);
  ImGui::SetNextItemWidth(half);
  ImGui::InputTextWithHint("##book-title", "Title", &d.title);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##book-author", "Author", &d.author);
  ImGui::SetNextItemWidth(half);
  ImGui::InputTextWithHint("##book-link", "A link or an ISBN", &d.link);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##book-why", "Why this book?", &d.why);
  ImGui::BeginDisabled(cv::trim(d.title).empty());
  if (ImGui::Button("Propose the book")) {
    out.ops.push_back(cv::op_propose_book(env.new_id(), st.acting_as, cv::trim(d.title), cv::trim(d.author),
                                          cv::trim(d.link), cv::trim(d.why)));
    d = BookDraft{};
  }
  ImGui::EndDisabled();

  const cv::ChooserTurn& turn = env.views->chooser;
  ui::heading("Proposals");
  if (turn.meeting.empty())
    ImGui::TextWrapped("No book discussion is planned yet: plan one in the Meetings tab (the Book discussion "
                       "template), and its book chooser picks from here.");
  else if (turn.member.empty())
    ImGui::TextWrapped("The next book discussion (%s, %s) has no book chooser yet: give the role in the Meetings tab.",
                       turn.meeting_title.c_str(), turn.date.empty() ? "no date yet" : turn.date.c_str());
  else
    ImGui::TextWrapped("Book chooser for %s (%s): %s picks the book.", turn.meeting_title.c_str(),
                       turn.date.empty() ? "no date yet" : turn.date.c_str(), shown_member(c, turn.member).c_str());
  const auto list = cv::books(c);
  int proposed = 0;
  if (ui::begin_table("books", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Support", ImGuiTableColumnFlags_WidthFixed, 64);
    ImGui::TableSetupColumn("Book", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Proposed by", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    for (const cv::BookView& b : list) {
      if (b.state != "proposed") continue;
      ++proposed;
      ImGui::PushID(b.id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d", b.support);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(b.title.c_str());
      if (!b.author.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", b.author.c_str());
      }
      if (!b.why.empty() || !b.link.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s%s%s", b.why.c_str(), b.why.empty() || b.link.empty() ? "" : " · ", b.link.c_str());
        ImGui::PopTextWrapPos();
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(b.proposed_by.empty() ? "" : shown_member(c, b.proposed_by).c_str());
      ImGui::TableNextColumn();
      const bool mine = cv::supports(c, b.id, st.acting_as);
      if (!st.acting_as.empty() && ui::small_button(((mine ? "Supported" : "Support") + std::string("##") + b.id).c_str()))
        out.ops.push_back(cv::op_support_book(b.id, st.acting_as, !mine));
      if (!turn.member.empty()) {
        ImGui::SameLine();
        if (ui::small_button(("Pick##" + b.id).c_str())) {
          out.ops.push_back(cv::op_pick_book(c, b.id, turn.member, w.today));
          out.status = cv::member_name(c, turn.member) + " picked \"" + b.title + "\". Plan its parts below.";
        }
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (proposed == 0) ImGui::TextDisabled("No proposals yet.");
}

// [SECTION] The book being read ------------------------------------------------------------------------

void draw_reading(const cv::Community& c, const World& w, State& st, const Env& env, Output& out) {
  const std::string book = cv::current_book(c);
  if (book.empty()) return;
  const cv::BookView b = cv::book_view(c, book);
  ui::heading(("Reading: " + b.title).c_str());
  if (!b.chosen_by.empty())
    ImGui::TextDisabled("Chosen by %s on %s", shown_member(c, b.chosen_by).c_str(), b.chosen_on.c_str());
  const auto plan = cv::reading_plan(c, book);
  const auto& all = env.views->meetings;
  auto meeting_label = [&](const std::string& id) {
    for (const auto& m : all)
      if (m.id == id) return m.title + (m.date.empty() ? "" : " (" + m.date + ")");
    return std::string("no meeting yet");
  };
  std::string edited;
  for (const cv::ReadingPart& p : plan) {
    ImGui::PushID(p.id.c_str());
    ImGui::Bullet();
    ImGui::TextUnformatted(p.title.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", meeting_label(p.meeting).c_str());
    ImGui::Indent();
    for (const auto& q : p.questions)
      ImGui::TextWrapped("Q: %s (%s)", q.text.c_str(), shown_member(c, q.member).c_str());
    std::string& q = st.book_question[p.id];
    if (!st.acting_as.empty() && input_and_add("##question", "A question for this part", q, "Add question")) {
      out.ops.push_back(cv::op_add_question(env.new_id(), p.id, st.acting_as, q));
      q.clear();
    }
    if (edit_text("##part-notes", p.notes, edited, "Notes from the meeting", -FLT_MIN))
      out.ops.push_back(cv::op_set("Note the reading", p.id, cv::f::reading_part_notes, edited));
    ImGui::Unindent();
    ImGui::PopID();
  }
  // A new part, read for a meeting.
  ImGui::SetNextItemWidth(std::max(160.0f, ImGui::GetContentRegionAvail().x * 0.4f));
  ImGui::InputTextWithHint("##part-title", "Chapters or pages: Chapters 1-3", &st.part_title);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(220);
  if (begin_combo("##part-meeting", meeting_label(st.part_meeting).c_str())) {
    for (const auto& m : all)
      if (ui::selectable((meeting_label(m.id) + "##" + m.id).c_str(), m.id == st.part_meeting)) st.part_meeting = m.id;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(cv::trim(st.part_title).empty());
  if (ImGui::Button("Add part")) {
    out.ops.push_back(cv::op_add_part(c, env.new_id(), book, cv::trim(st.part_title), st.part_meeting));
    st.part_title.clear();
  }
  ImGui::EndDisabled();
  if (ImGui::Button("Reading plan (Markdown)")) out.command(Command::ExportReadingPlanMarkdown, book);
  ImGui::SameLine();
  if (ImGui::Button("Reading plan (printable)")) out.command(Command::ExportReadingPlanHtml, book);
  ImGui::SameLine();
  if (ImGui::Button("We finished the book")) {
    out.ops.push_back(cv::op_finish_book(book, w.today));
    out.status = "\"" + b.title + "\" is on the shelf. Each member can keep a sentence from it.";
  }
}

// [SECTION] The shelf ----------------------------------------------------------------------------------

void draw_shelf(const cv::Community& c, State& st, Output& out) {
  const auto books = cv::shelf(c);
  if (books.empty()) return;
  ui::heading("The shelf");
  for (const cv::ShelfEntry& e : books) {
    ImGui::PushID(e.book.id.c_str());
    ImGui::Bullet();
    ImGui::TextUnformatted(e.book.title.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("read %s%s", e.book.read_on.c_str(),
                        e.book.chosen_by.empty() ? "" : (", chosen by " + shown_member(c, e.book.chosen_by)).c_str());
    ImGui::Indent();
    for (const auto& k : e.kept) ImGui::TextWrapped("\"%s\" (%s)", k.text.c_str(), k.name.c_str());
    std::string& s = st.book_kept[e.book.id];
    if (!st.acting_as.empty() && input_and_add("##kept", "A sentence you keep from it", s, "Keep it")) {
      out.ops.push_back(cv::op_keep_sentence(e.book.id, st.acting_as, s));
      s.clear();
    }
    ImGui::Unindent();
    ImGui::PopID();
  }
}

}  // namespace

void draw_books_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out) {
  const cv::Community& c = doc.community;
  const auto& members = env.views->members;
  default_acting_as(w, *env.views, st);
  if (!members.empty()) {
    ImGui::SetNextItemWidth(240);
    member_combo("##acting-as", "As " + shown_name(*env.views, st.acting_as), *env.views, st.acting_as, st.acting_as, "as-");
  } else {
    ImGui::TextDisabled("Add members first: books are proposed, supported and chosen by members.");
  }
  draw_proposals(c, w, st, env, out);
  draw_reading(c, w, st, env, out);
  draw_shelf(c, st, out);
}

}  // namespace ui
