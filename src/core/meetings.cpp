// meetings.cpp: see meetings.h.
//  [SECTION] Meetings and series
//  [SECTION] Meeting templates
//  [SECTION] Attendance and actions
#include "core/meetings.h"

#include <algorithm>
#include <cstdio>

#include "core/agenda.h"
#include "core/assert.h"
#include "core/fields.h"
#include "core/format.h"
#include "core/getting_started.h"
#include "core/text.h"

namespace cv {

namespace {

bool parse_date(const std::string& s, int& y, int& m, int& d) {
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  int y2, m2, d2;
  civil_from_days(days_from_civil(y, m, d), y2, m2, d2);
  return y2 == y && m2 == m && d2 == d;  // 2026-02-30 is not a date
}

}  // namespace

// [SECTION] Meetings and series -------------------------------------------------------------------------

MeetingInfo meeting_info(const Record& r, const std::string& id) {
  MeetingInfo m{id, get(r, f::meeting_title), get(r, f::meeting_date), get(r, f::meeting_time),
                get(r, f::meeting_place), get(r, f::meeting_topics)};
  if (m.topics.empty() && !get(r, f::meeting_topic).empty()) m.topics.push_back(get(r, f::meeting_topic));
  m.slot = get(r, f::meeting_slot);
  m.every_weeks = get(r, f::meeting_every_weeks);
  m.series_count = get(r, f::meeting_series_count);
  return m;
}

std::vector<MeetingInfo> meetings(const Community& c) {
  std::vector<MeetingInfo> out;
  for (const auto* e : records_of(c, kMeeting))
    if (!e->second.deleted()) out.push_back(meeting_info(e->second, e->first));
  std::sort(out.begin(), out.end(), [](const MeetingInfo& a, const MeetingInfo& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    if (a.date != b.date) return a.date < b.date;
    if (a.time != b.time) return a.time < b.time;
    return collate_less(a.title, b.title);
  });
  return out;
}

std::string add_days(const std::string& date, int days) {
  int y, m, d;
  if (!parse_date(date, y, m, d)) return {};
  civil_from_days(days_from_civil(y, m, d) + days, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool is_date(const std::string& s) {
  int y, m, d;
  return parse_date(s, y, m, d);
}

bool meets_before(const std::string& when, const std::string& date) {
  return date.empty() || when.empty() || when < date;
}

std::vector<std::string> series_dates(const MeetingInfo& m) {
  std::vector<std::string> out;
  if (!is_date(m.date)) return out;
  const int count = m.every_weeks > 0 ? std::clamp(m.series_count, 1, 520) : 1;
  for (int i = 0; i < count; ++i) out.push_back(add_days(m.date, 7 * m.every_weeks * i));
  return out;
}

// [SECTION] Meeting templates ------------------------------------------------------------------------

const std::vector<MeetingTemplate>& meeting_templates() {
  static const std::vector<MeetingTemplate> kAll = {
      {"Regular meeting", "Input, then pairs and small groups, each debriefed in the large group.",
       {"welcome", "input", "pairs", "debrief", "small_groups", "debrief", "logistics", "closing"}},
      {"Peer-assist", "One member's real challenge: questions first, suggestions later.",
       {"welcome", "peer_assist", "pairs", "debrief", "closing"}},
      {"Book discussion", "Pairs warm up on the book, the book chooser opens the discussion, small groups take "
                          "it to practice.",
       {"welcome", "pairs", "debrief", "book", "small_groups", "debrief", "closing"}},
      {"Case clinic", "A case from practice, explored in small groups.",
       {"welcome", "case", "small_groups", "debrief", "closing"}},
      {"First meeting", "Made from the chosen topic and the people: mostly content, logistics last.", {"first"}},
  };
  return kAll;
}

namespace {

std::vector<Action> open_actions_for_date(const Community& c, const std::string& except, const std::string& date) {
  std::vector<Action> out;
  for (const auto& [id, r] : live_of(c, kAction)) {
    if (get(*r, f::action_done) || get(*r, f::action_meeting) == except) continue;
    const Record* m = find_live(c, get(*r, f::action_meeting));
    if (!meets_before(m ? get(*m, f::meeting_date) : "", date)) continue;
    out.push_back({id, get(*r, f::action_meeting), get(*r, f::action_text), get(*r, f::action_owner), get(*r, f::action_due),
                   false});
  }
  std::sort(out.begin(), out.end(), [](const Action& a, const Action& b) {
    return a.due != b.due ? a.due < b.due : collate_less(a.text, b.text);
  });
  return out;
}

}  // namespace

Op op_new_meeting(const Community& c, const std::string& id, const std::string& template_name, const std::string& date,
                  const std::string& time) {
  const MeetingTemplate* tpl = nullptr;
  for (const auto& t : meeting_templates())
    if (template_name == t.name) tpl = &t;
  CV_ASSERT(tpl, "a meeting template that is not in meeting_templates()");
  if (!tpl) tpl = &meeting_templates()[0];
  const bool first = tpl->kinds.size() == 1 && std::string(tpl->kinds[0]) == "first";
  Op op = first ? op_first_meeting(c, id) : Op{};
  op.label = std::string("New meeting: ") + tpl->name;
  put_new(op, id, kMeeting);
  if (!first) put(op, id, f::meeting_title, std::string(tpl->name));
  put(op, id, f::meeting_date, date);
  put(op, id, f::meeting_time, time);
  int n = 0;
  for (const char* kind : tpl->kinds)
    if (!first) ++n, put_kind_block(op, id, id + ":b" + std::to_string(n), kind, n);
  if (!open_actions_for_date(c, id, date).empty()) put_kind_block(op, id, id + ":review", "review", 1.5);
  int total = 0;
  for (const Change& ch : op.changes)
    if (ch.type == kBlock && ch.field == f::block_minutes.name && ch.value.is_number()) total += ch.value.get<int>();
  put(op, id, f::meeting_slot, (total + 14) / 15 * 15);  // the template's time, in quarter hours
  return op;
}

// [SECTION] Topics from the backlog ------------------------------------------------------------------

PresenterPick propose_presenter(const Community& c, const std::string& topic) {
  const Record* t = find_live(c, topic);
  if (!t) return {};
  const std::string owner = get(*t, f::topic_owner);
  if (find_live(c, owner)) return {owner, "offered to open it"};
  const auto matches = skill_matches(c, get(*t, f::topic_title) + " " + get(*t, f::topic_description));
  for (const SkillMatch& m : matches)
    if (m.offer == "present") return {m.member, "offers to present: " + m.skill};
  if (!matches.empty()) return {matches[0].member, "knows about it: " + matches[0].skill};
  const std::string by = get(*t, f::topic_proposed_by);
  if (find_live(c, by)) return {by, "proposed it"};
  return {};
}

Op op_plan_topic(const Community& c, const std::string& meeting, const std::string& topic, bool on) {
  Op op{on ? "Plan a topic from the backlog" : "Take a topic off a meeting", {}};
  const Record* m = find_live(c, meeting);
  const Record* t = find_live(c, topic);
  if (!m || !t) return op;
  std::vector<std::string> topics = get(*m, f::meeting_topics);
  const bool has = std::find(topics.begin(), topics.end(), topic) != topics.end();
  const std::string state = get(*t, f::topic_state);
  if (on && !has) {
    topics.push_back(topic);
    put(op, meeting, f::meeting_topics, topics);
    if (state != "done") put(op, topic, f::topic_state, std::string("chosen"));
    const PresenterPick pick = propose_presenter(c, topic);
    for (const Block& b : agenda(c, meeting))
      if (b.kind == "input" && b.lead.empty()) {
        if (!pick.member.empty()) put(op, b.id, f::block_lead, pick.member);
        if (b.title == kind_label(b.kind)) put(op, b.id, f::block_title, get(*t, f::topic_title));
        break;
      }
  } else if (!on && has) {
    topics.erase(std::remove(topics.begin(), topics.end(), topic), topics.end());
    put(op, meeting, f::meeting_topics, topics);
    if (state == "chosen") put(op, topic, f::topic_state, std::string("backlog"));
  }
  return op;
}

void put_topics_done(Op& op, const Community& c, const std::string& meeting) {
  const Record* m = find_live(c, meeting);
  if (!m) return;
  for (const std::string& topic : get(*m, f::meeting_topics))
    if (const Record* t = find_live(c, topic); t && get(*t, f::topic_state) != "done") put(op, topic, f::topic_state, std::string("done"));
}

Op op_next_in_series(const Community& c, const std::string& meeting, const std::string& new_id) {
  Op op{"Plan the next meeting of the series", {}};
  const Record* r = find_live(c, meeting);
  if (!r) return op;
  const MeetingInfo m = meeting_info(*r, meeting);
  const int weeks = m.every_weeks > 0 ? m.every_weeks : 1;
  const std::string date = add_days(m.date, 7 * weeks);
  put_new(op, new_id, kMeeting);
  put(op, new_id, f::meeting_title, m.title);
  put(op, new_id, f::meeting_time, m.time);
  put(op, new_id, f::meeting_place, m.place);
  put(op, new_id, f::meeting_slot, m.slot);
  put(op, new_id, f::meeting_every_weeks, m.every_weeks);
  put(op, new_id, f::meeting_topics, m.topics);
  put(op, new_id, f::meeting_date, date);
  put(op, new_id, f::meeting_series_count, std::max(0, m.series_count - 1));
  int n = 0;
  bool review = false;
  for (const Block& b : agenda(c, meeting)) {
    const std::string id = new_id + ":b" + std::to_string(++n);
    put_block(op, new_id, id, b.kind, b.title, b.minutes, b.notes, n);
    if (b.group_size) put(op, id, f::block_group_size, b.group_size);
    review = review || b.kind == "review";
  }
  if (!review && !open_actions_for_date(c, new_id, date).empty())
    put_kind_block(op, new_id, new_id + ":review", "review", 1.5);
  return op;
}

Op op_add_block(const Community& c, const std::string& meeting, const std::string& id, const std::string& kind) {
  Op op{std::string("Add a block: ") + kind_label(kind), {}};
  CV_ASSERT(known_block_kind(kind), "a block kind that is not in block_kinds()");
  if (!known_block_kind(kind)) return op;
  const auto blocks = agenda(c, meeting);
  put_kind_block(op, meeting, id, kind, blocks.empty() ? 1.0 : blocks.back().position + 1);
  return op;
}

// [SECTION] Attendance and actions ----------------------------------------------------------

std::string attendance_id(const std::string& meeting, const std::string& member) { return "att:" + meeting + ":" + member; }

bool attendance_set(const Community& c, const std::string& meeting) {
  for (const auto& [id, r] : live_of(c, kAttendance))
    if (get(*r, f::attendance_meeting) == meeting) return true;
  return false;
}

std::vector<std::string> attendees(const Community& c, const std::string& meeting) {
  const bool ticked = attendance_set(c, meeting);
  std::vector<std::string> out;
  for (const auto& [id, m] : live_by_name(c, kMember)) {
    const Record* a = find_live(c, attendance_id(meeting, id));
    if (!ticked || (a && get(*a, f::attendance_present))) out.push_back(id);
  }
  return out;
}

static void put_attendance(Op& op, const std::string& meeting, const std::string& member, bool present) {
  const std::string id = attendance_id(meeting, member);
  put_new(op, id, kAttendance);
  put(op, id, f::attendance_meeting, meeting);
  put(op, id, f::attendance_member, member);
  put(op, id, f::attendance_present, present);
}

Op op_attend(const Community& c, const std::string& meeting, const std::string& member, bool present) {
  Op op{present ? "Tick attendance" : "Untick attendance", {}};
  // The first tick says who is here: everyone else counted so far is ticked absent explicitly.
  if (!attendance_set(c, meeting) && !present)
    for (const std::string& m : attendees(c, meeting))
      if (m != member) put_attendance(op, meeting, m, true);
  put_attendance(op, meeting, member, present);
  return op;
}

std::vector<Action> actions_of(const Community& c, const std::string& meeting) {
  std::vector<Action> out;
  for (const auto& [id, r] : live_of(c, kAction))
    if (get(*r, f::action_meeting) == meeting)
      out.push_back({id, meeting, get(*r, f::action_text), get(*r, f::action_owner), get(*r, f::action_due),
                     get(*r, f::action_done)});
  std::sort(out.begin(), out.end(), [](const Action& a, const Action& b) {
    return a.due != b.due ? a.due < b.due : collate_less(a.text, b.text);
  });
  return out;
}

Op op_add_action(const std::string& id, const std::string& meeting, const std::string& text) {
  Op op = op_new("Add an action", id, kAction);
  put(op, id, f::action_meeting, meeting);
  put(op, id, f::action_text, text);
  put(op, id, f::action_done, false);
  return op;
}

std::vector<Action> open_actions_before(const Community& c, const std::string& meeting) {
  const Record* m = find_live(c, meeting);
  return open_actions_for_date(c, meeting, m ? get(*m, f::meeting_date) : "");
}

}  // namespace cv
