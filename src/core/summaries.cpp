// summaries.cpp: see summaries.h.
//  [SECTION] Agendas and calendars
//  [SECTION] Summaries
#include "core/summaries.h"

#include <algorithm>
#include <cstdio>

#include "core/books.h"
#include "core/breakouts.h"
#include "core/cases.h"
#include "core/document.h"
#include "core/fields.h"
#include "core/format.h"
#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/text.h"

namespace cv {

// [SECTION] Agendas and calendars --------------------------------------------------------------------

// The agenda as a document: time, minutes, block (with its notes), lead; then the parking lot.
static Document agenda_document(const Community& c, const Record& m, const std::string& meeting) {
  Document d;
  d.title = get(m, f::meeting_title);
  d.heading(1, get(m, f::meeting_title));
  Line where = {strong(get(community_record(c), f::community_name))};
  const std::string when = trim(get(m, f::meeting_date) + " " + get(m, f::meeting_time));
  if (!when.empty()) where.push_back(plain(" · " + when));
  if (!get(m, f::meeting_place).empty()) where.push_back(plain(" · " + get(m, f::meeting_place)));
  d.paragraph(where);
  const auto blocks = agenda(c, meeting);
  std::vector<std::vector<Line>> rows;
  int at = 0;
  for (const auto& b : blocks) {
    const std::string t = clock_time(get(m, f::meeting_time), at);
    Line block = {strong(b.title)};
    if (!b.notes.empty()) block.push_back(small(b.notes));
    rows.push_back({{plain(t.empty() ? "+" + std::to_string(at) + " min" : t)},
                    {plain(std::to_string(b.minutes))},
                    block,
                    {plain(lead_shown(c, b.id, b.lead))}});
    at += b.minutes;
  }
  d.table({"Time", "Minutes", "Block", "Lead"}, {false, true, false, false}, rows);
  d.paragraph({plain("Total: " + std::to_string(agenda_minutes(blocks)) + " minutes.")});
  const auto parked = parking_lot(c, meeting);
  if (!parked.empty()) {
    d.heading(2, "Parking lot (for the logistics block)");
    std::vector<Line> items;
    for (const auto& p : parked) items.push_back({plain(p)});
    d.list(items);
  }
  return d;
}

std::string agenda_markdown(const Community& c, const std::string& meeting) {
  const Record* m = find_live(c, meeting);
  return m ? to_markdown(agenda_document(c, *m, meeting)) : std::string();
}

std::string agenda_html(const Community& c, const std::string& meeting) {
  const Record* m = find_live(c, meeting);
  return m ? to_html(agenda_document(c, *m, meeting)) : std::string();
}

// DTSTAMP's value: "20261128T110900Z".
static std::string ics_stamp(int64_t now_ms) {
  const std::string t = format_utc(now_ms);  // "2026-11-28 11:09 UTC"
  return t.substr(0, 4) + t.substr(5, 2) + t.substr(8, 2) + "T" + t.substr(11, 2) + t.substr(14, 2) + "00Z";
}

std::string meeting_ics(const Community& c, const std::string& meeting, int64_t now_ms) {
  const Record* m = find_live(c, meeting);
  if (!m) return {};
  int minutes = 0;
  std::string description;
  for (const auto& b : agenda(c, meeting)) {
    minutes += b.minutes;
    description += std::to_string(b.minutes) + " min: " + b.title + "\n";
  }
  int y = 0, mo = 0, d = 0, h = 18, mi = 0;
  const bool dated = std::sscanf(get(*m, f::meeting_date).c_str(), "%d-%d-%d", &y, &mo, &d) == 3;
  std::sscanf(get(*m, f::meeting_time).c_str(), "%d:%d", &h, &mi);
  const std::string stamp = ics_stamp(now_ms);
  char start[32];
  std::snprintf(start, sizeof start, "%04d%02d%02dT%02d%02d00", y, mo, d, h, mi);
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cultivate//Community of practice//EN\r\n"
                    "CALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\n";
  out += ics_fold("UID:" + meeting + "@" + c.id + ".cultivate");
  out += ics_fold("DTSTAMP:" + stamp);
  if (dated) {
    out += ics_fold(std::string("DTSTART:") + start);
    out += ics_fold("DURATION:PT" + std::to_string(std::max(minutes, 15)) + "M");
  }
  out += ics_fold("SUMMARY:" + ics_text(get(*m, f::meeting_title)));
  if (!get(*m, f::meeting_place).empty()) out += ics_fold("LOCATION:" + ics_text(get(*m, f::meeting_place)));
  out += ics_fold("DESCRIPTION:" + ics_text(get(community_record(c), f::community_name) + "\n\n" + description));
  out += "END:VEVENT\r\nEND:VCALENDAR\r\n";
  return out;
}

// [SECTION] Summaries ----------------------------------------------------------------------------------

namespace {

struct SummaryParts {
  const Record* m = nullptr;
  MeetingInfo info;
  std::vector<Block> blocks;
  std::vector<std::string> starts, people, topics, roles;  // roles: "Facilitator: Zoë"
  std::vector<Action> actions, earlier;
};

SummaryParts summary_parts(const Community& c, const std::string& meeting) {
  SummaryParts s;
  s.m = find_live(c, meeting);
  if (!s.m) return s;
  s.info = meeting_info(*s.m, meeting);
  s.blocks = agenda(c, meeting);
  s.starts = start_times(s.info.time, s.blocks);
  for (const std::string& id : attendees(c, meeting)) s.people.push_back(member_name(c, id));
  for (const std::string& t : s.info.topics)
    if (const Record* r = find_live(c, t)) s.topics.push_back(get(*r, f::topic_title));
  for (const RoleSlot& r : meeting_roles(c, meeting))
    if (!r.member.empty()) s.roles.push_back(role_title(r.role) + ": " + lead_shown(c, r.block, r.member));
  s.actions = actions_of(c, meeting);
  s.earlier = open_actions_before(c, meeting);
  return s;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : sep) + x;
  return out;
}

// The groups made for a breakout block, as "Ana, Bo / Zoë, Jürgen".
std::string groups_text(const Community& c, const std::string& block) {
  std::vector<std::string> rounds;
  for (const BreakoutRound& r : breakout_rounds(c)) {
    if (r.session != block) continue;
    std::vector<std::string> gs;
    for (const auto& g : r.groups) {
      std::vector<std::string> names;
      for (const auto& m : g) names.push_back(member_name(c, m));
      gs.push_back(join(names, ", "));
    }
    rounds.push_back(join(gs, " / "));
  }
  return join(rounds, "; ");
}

}  // namespace

// The summary as a document: when and where, topics, who came, roles, the agenda with its debriefs
// and groups, outcomes, actions, and what is still open from earlier meetings.
static Document summary_document(const Community& c, const SummaryParts& s) {
  Document d;
  d.title = s.info.title;
  d.heading(1, s.info.title);
  Line where = {strong(get(community_record(c), f::community_name))};
  const std::string when = trim(s.info.date + " " + s.info.time);
  if (!when.empty()) where.push_back(plain(" · " + when));
  if (!s.info.place.empty()) where.push_back(plain(" · " + s.info.place));
  d.paragraph(where);
  if (!s.topics.empty()) d.paragraph({plain("Topics: " + join(s.topics, "; "))});
  d.paragraph({plain("Present (" + std::to_string(s.people.size()) + "): " + join(s.people, ", "))});
  if (!s.roles.empty()) d.paragraph({plain("Roles: " + join(s.roles, "; "))});
  d.heading(2, "Agenda");
  std::vector<std::vector<Line>> rows;
  for (size_t i = 0; i < s.blocks.size(); ++i) {
    const Block& b = s.blocks[i];
    const std::string groups = is_breakout(b.kind) ? groups_text(c, b.id) : "";
    Line block = {strong(b.title)};
    if (!groups.empty()) block.push_back(small("Groups: " + groups));
    rows.push_back({{plain(s.starts[i])}, {plain(std::to_string(b.minutes))}, block, {plain(b.debrief)}});
  }
  d.table({"Time", "Minutes", "Block", "Debrief"}, {false, true, false, false}, rows);
  if (!get(*s.m, f::meeting_outcomes).empty()) {
    d.heading(2, "Outcomes");
    d.paragraph({plain(get(*s.m, f::meeting_outcomes))});
  }
  if (!s.actions.empty()) {
    d.heading(2, "Actions");
    rows.clear();
    for (const Action& a : s.actions)
      rows.push_back({{plain(a.text)}, {plain(member_name(c, a.owner))}, {plain(a.due)}, {plain(a.done ? "yes" : "")}});
    d.table({"Action", "Owner", "Due", "Done"}, {}, rows);
  }
  if (!s.earlier.empty()) {
    d.heading(2, "Still open from earlier meetings");
    std::vector<Line> items;
    for (const Action& a : s.earlier)
      items.push_back({plain(a.text + (a.owner.empty() ? "" : " (" + member_name(c, a.owner) + ")") +
                             (a.due.empty() ? "" : ", due " + a.due))});
    d.list(items);
  }
  return d;
}

std::string meeting_summary_markdown(const Community& c, const std::string& meeting) {
  const SummaryParts s = summary_parts(c, meeting);
  return s.m ? to_markdown(summary_document(c, s)) : std::string();
}

std::string meeting_summary_html(const Community& c, const std::string& meeting) {
  const SummaryParts s = summary_parts(c, meeting);
  return s.m ? to_html(summary_document(c, s)) : std::string();
}

std::string meeting_series_ics(const Community& c, const std::string& meeting, int64_t now_ms) {
  std::string ics = meeting_ics(c, meeting, now_ms);
  const Record* r = find_live(c, meeting);
  if (!r) return ics;
  const MeetingInfo m = meeting_info(*r, meeting);
  const size_t at = ics.find("DURATION:");
  const bool series = m.every_weeks > 0 && m.series_count > 1;
  if (series && at != std::string::npos)
    ics.insert(at, "RRULE:FREQ=WEEKLY;INTERVAL=" + std::to_string(m.every_weeks) + ";COUNT=" +
                       std::to_string(m.series_count) + "\r\n");
  // The book circle's reading dates within the series: what to have read, as a day's event on the
  // date of the meeting that discusses it.
  if (m.date.empty()) return ics;
  const std::string last = series ? add_days(m.date, m.every_weeks * 7 * (m.series_count - 1)) : m.date;
  std::string parts;
  for (const auto& [id, p] : live_of(c, kReadingPart)) {
    const Record* book = find_live(c, get(*p, f::reading_part_book));
    const Record* at_meeting = find_live(c, get(*p, f::reading_part_meeting));
    const std::string date = at_meeting ? get(*at_meeting, f::meeting_date) : "";
    if (!book || date.size() != 10 || date < m.date || date > last) continue;
    parts += "BEGIN:VEVENT\r\n";
    parts += ics_fold("UID:" + id + "@" + c.id + ".cultivate");
    parts += ics_fold("DTSTAMP:" + ics_stamp(now_ms));
    parts += ics_fold("DTSTART;VALUE=DATE:" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2));
    parts += ics_fold("SUMMARY:" + ics_text("Read " + get(*p, f::reading_part_title) + " of \u201c" +
                                            get(*book, f::book_title) + "\u201d"));
    parts += ics_fold("DESCRIPTION:" + ics_text("For " + get(*at_meeting, f::meeting_title) + " on " + date + "."));
    parts += "END:VEVENT\r\n";
  }
  ics.insert(ics.size() - std::string("END:VCALENDAR\r\n").size(), parts);
  return ics;
}

}  // namespace cv
