// meetings.cpp: see meetings.h.
#include "core/meetings.h"

#include "core/document.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/breakouts.h"
#include "core/format.h"
#include "core/text.h"

namespace cv {

namespace {

double num(const Record& r, const std::string& field, double fallback = 0) {
  const json& v = r.get(field);
  return v.is_number() ? v.get<double>() : fallback;
}

void put(Op& op, const std::string& id, const char* type, const std::string& field, json v) {
  op.changes.push_back({id, type, field, std::move(v)});
}

bool parse_date(const std::string& s, int& y, int& m, int& d) {
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  int y2, m2, d2;
  civil_from_days(days_from_civil(y, m, d), y2, m2, d2);
  return y2 == y && m2 == m && d2 == d;  // 2026-02-30 is not a date
}

}  // namespace

// [SECTION] Guidelines --------------------------------------------------------------------------------

std::vector<Guideline> guidelines(const Community& c) {
  std::vector<Guideline> out;
  for (const auto& [id, r] : live_of(c, kGuideline)) out.push_back({id, r->text("text"), r->text("why"), num(*r, "position")});
  std::sort(out.begin(), out.end(), [](const Guideline& a, const Guideline& b) {
    return a.position != b.position ? a.position < b.position : a.id < b.id;
  });
  return out;
}

Op op_default_guidelines(const Community& c, const std::string& first_id) {
  Op op{"Add the default guidelines", {}};
  if (!guidelines(c).empty()) return op;
  static const char* const kDefaults[][2] = {
      {"We learn with and from one another.",
       "Everyone here has experience worth sharing; nobody is only a teacher or only a learner."},
      {"Nobody needs to have all the answers.", "A good question is a contribution: it shows where the learning is."},
      {"Not-knowing and curiosity are welcome.", "When one person says \"I don't know\", it becomes safe for everyone."},
      {"Share airtime.", "Pairs and small groups give everyone a turn; in the large group, make room for voices not "
                         "heard yet."},
      {"What is said here stays here unless agreed.", "Real problems are only brought to a group that keeps confidences."},
  };
  int n = 0;
  for (const auto& g : kDefaults) {
    const std::string id = first_id + ":g" + std::to_string(++n);
    put(op, id, kGuideline, "deleted", false);
    put(op, id, kGuideline, "text", g[0]);
    put(op, id, kGuideline, "why", g[1]);
    put(op, id, kGuideline, "position", n);
  }
  return op;
}

Op op_add_guideline(const Community& c, const std::string& id, const std::string& text, const std::string& why) {
  const auto all = guidelines(c);
  return op_create("Add a guideline", id, kGuideline,
                   {{"text", text}, {"why", why}, {"position", all.empty() ? 1.0 : all.back().position + 1}});
}

std::string guidelines_version(const Community& c) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a over the texts, in order
  for (const auto& g : guidelines(c)) {
    for (unsigned char ch : g.text + "\n") h = (h ^ ch) * 1099511628211ull;
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(h ^ (h >> 32)));
  return buf;
}

std::vector<Acknowledgement> acknowledgements(const Community& c) {
  const std::string version = guidelines_version(c);
  std::vector<Acknowledgement> out;
  for (const auto& [id, m] : live_by_name(c, kMember)) {
    Acknowledgement a{id, m->text("name")};
    if (const Record* r = find_live(c, std::string("ack:") + id))
      a.state = r->text("version") == version ? Acknowledgement::Current : Acknowledgement::Earlier;
    out.push_back(std::move(a));
  }
  return out;
}

Op op_acknowledge(const Community& c, const std::string& member) {
  Op op{"Acknowledge the guidelines", {}};
  const std::string id = "ack:" + member;
  put(op, id, kAck, "deleted", false);
  put(op, id, kAck, "member", member);
  put(op, id, kAck, "version", guidelines_version(c));
  return op;
}

// [SECTION] Meetings and series -------------------------------------------------------------------------

MeetingInfo meeting_info(const Record& r, const std::string& id) {
  MeetingInfo m{id, r.text("title"), r.text("date"), r.text("time"), r.text("place"), r.texts("topics")};
  if (m.topics.empty() && !r.text("topic").empty()) m.topics.push_back(r.text("topic"));
  m.slot = static_cast<int>(num(r, "slot"));
  m.every_weeks = static_cast<int>(num(r, "every_weeks"));
  m.series_count = static_cast<int>(num(r, "series_count"));
  return m;
}

std::vector<MeetingInfo> meetings(const Community& c) {
  std::vector<MeetingInfo> out;
  for (const auto& [id, r] : live_of(c, kMeeting)) out.push_back(meeting_info(*r, id));
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

std::vector<std::string> series_dates(const MeetingInfo& m) {
  std::vector<std::string> out;
  if (!is_date(m.date)) return out;
  const int count = m.every_weeks > 0 ? std::clamp(m.series_count, 1, 520) : 1;
  for (int i = 0; i < count; ++i) out.push_back(add_days(m.date, 7 * m.every_weeks * i));
  return out;
}

// [SECTION] Block templates and meeting templates -------------------------------------------------------

const std::vector<BlockTemplate>& block_templates() {
  static const std::vector<BlockTemplate> kAll = {
      {"welcome", 10, "Each person in a sentence: how they arrive today and what they hope to take away."},
      {"review", 10, "Each owner: done, under way or stuck? Stuck ones get help or a new date."},
      {"input", 15, "One member shares what they know or tried. Questions welcome; nobody needs all the answers."},
      {"pairs", 15, "Two by two, each speaking half the time: what do you know, what do you not know yet?"},
      {"small_groups", 20, "Groups of 3 or 4, each on one real problem a member brought."},
      {"debrief", 10, "Each pair or group shares one insight and one open question."},
      {"peer_assist", 40, "The owner explains the challenge (10 min); the group asks questions only (10 min); "
                                          "then suggestions (15 min); the owner says what they take away (5 min)."},
      {"book", 30, "The book chooser opens with one passage: what did people find useful, what do they doubt?"},
      {"case", 30, "The case bringer describes a real situation; the group explores it before anyone suggests."},
      {"break", 10, ""},
      {"logistics", 10, "Dates, places and roles for next time: short, and at the end."},
      {"technology", 5, "The tools we use between meetings, and help for whoever needs it."},
      {"closing", 5, "What do I take away? What will I try before we meet again?"},
  };
  return kAll;
}

const BlockTemplate* block_template(const std::string& kind) {
  for (const auto& t : block_templates())
    if (kind == t.kind) return &t;
  return nullptr;
}

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

void put_block(Op& op, const std::string& meeting, const std::string& id, const std::string& kind, const std::string& title,
               int minutes, const std::string& notes, double position) {
  put(op, id, kBlock, "deleted", false);
  put(op, id, kBlock, "meeting", meeting);
  put(op, id, kBlock, "kind", kind);
  put(op, id, kBlock, "title", title);
  put(op, id, kBlock, "minutes", minutes);
  put(op, id, kBlock, "notes", notes);
  put(op, id, kBlock, "position", position);
}

// A block as its template suggests it.
void put_template_block(Op& op, const std::string& meeting, const std::string& id, const BlockTemplate& t, double position) {
  put_block(op, meeting, id, t.kind, kind_label(t.kind), t.minutes, t.instructions, position);
  if (std::string(t.kind) == "small_groups") put(op, id, kBlock, "group_size", 4);
}

// A meeting on `when` comes before one on `date`; an undated one counts as before any other.
bool before_date(const std::string& when, const std::string& date) {
  return date.empty() || when.empty() || when < date;
}

std::vector<Action> open_actions_for_date(const Community& c, const std::string& except, const std::string& date) {
  std::vector<Action> out;
  for (const auto& [id, r] : live_of(c, kAction)) {
    if (r->get("done") == json(true) || r->text("meeting") == except) continue;
    const Record* m = find_live(c, r->text("meeting"));
    if (!before_date(m ? m->text("date") : "", date)) continue;
    out.push_back({id, r->text("meeting"), r->text("text"), r->text("owner"), r->text("due"), false});
  }
  std::sort(out.begin(), out.end(), [](const Action& a, const Action& b) {
    return a.due != b.due ? a.due < b.due : collate_less(a.text, b.text);
  });
  return out;
}

}  // namespace

Op op_new_meeting(const Community& c, const std::string& id, const std::string& template_name, const std::string& date,
                  const std::string& time) {
  const MeetingTemplate* tpl = &meeting_templates()[0];
  for (const auto& t : meeting_templates())
    if (template_name == t.name) tpl = &t;
  const bool first = tpl->kinds.size() == 1 && std::string(tpl->kinds[0]) == "first";
  Op op = first ? op_first_meeting(c, id) : Op{};
  op.label = std::string("New meeting: ") + tpl->name;
  put(op, id, kMeeting, "deleted", false);
  if (!first) put(op, id, kMeeting, "title", tpl->name);
  put(op, id, kMeeting, "date", date);
  put(op, id, kMeeting, "time", time);
  int n = 0;
  for (const char* kind : tpl->kinds)
    if (const BlockTemplate* t = block_template(kind)) ++n, put_template_block(op, id, id + ":b" + std::to_string(n), *t, n);
  if (!open_actions_for_date(c, id, date).empty()) put_template_block(op, id, id + ":review", *block_template("review"), 1.5);
  int total = 0;
  for (const Change& ch : op.changes)
    if (ch.type == kBlock && ch.field == "minutes" && ch.value.is_number()) total += ch.value.get<int>();
  put(op, id, kMeeting, "slot", (total + 14) / 15 * 15);  // the template's time, in quarter hours
  return op;
}

Op op_next_in_series(const Community& c, const std::string& meeting, const std::string& new_id) {
  Op op{"Plan the next meeting of the series", {}};
  const Record* r = find_live(c, meeting);
  if (!r) return op;
  const MeetingInfo m = meeting_info(*r, meeting);
  const int weeks = m.every_weeks > 0 ? m.every_weeks : 1;
  const std::string date = add_days(m.date, 7 * weeks);
  put(op, new_id, kMeeting, "deleted", false);
  for (const char* f : {"title", "time", "place", "slot", "every_weeks"}) put(op, new_id, kMeeting, f, r->get(f));
  put(op, new_id, kMeeting, "topics", json(m.topics));
  put(op, new_id, kMeeting, "date", date);
  put(op, new_id, kMeeting, "series_count", std::max(0, m.series_count - 1));
  int n = 0;
  bool review = false;
  for (const Block& b : agenda(c, meeting)) {
    const std::string id = new_id + ":b" + std::to_string(++n);
    put_block(op, new_id, id, b.kind, b.title, b.minutes, b.notes, n);
    if (b.group_size) put(op, id, kBlock, "group_size", b.group_size);
    review = review || b.kind == "review";
  }
  if (!review && !open_actions_for_date(c, new_id, date).empty())
    put_template_block(op, new_id, new_id + ":review", *block_template("review"), 1.5);
  return op;
}

Op op_add_block(const Community& c, const std::string& meeting, const std::string& id, const std::string& kind) {
  Op op{std::string("Add a block: ") + kind_label(kind), {}};
  const BlockTemplate* t = block_template(kind);
  if (!t) return op;
  const auto blocks = agenda(c, meeting);
  put_template_block(op, meeting, id, *t, blocks.empty() ? 1.0 : blocks.back().position + 1);
  return op;
}

// [SECTION] Rule checker and airtime ---------------------------------------------------------------------

bool is_breakout(const std::string& k) { return k == "pairs" || k == "small_groups"; }
bool is_interaction(const std::string& k) { return is_breakout(k) || k == "debrief" || k == "peer_assist"; }

std::vector<MeetingWarning> check_meeting(const std::vector<Block>& blocks, int slot_minutes) {
  std::vector<MeetingWarning> out;
  const int total = agenda_minutes(blocks);
  int content = 0, interaction = 0;
  for (const Block& b : blocks) {
    if (is_content(b.kind)) content += b.minutes;
    if (is_interaction(b.kind)) interaction += b.minutes;
  }
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!is_breakout(blocks[i].kind)) continue;
    bool debriefed = false;
    for (size_t j = i + 1; j < blocks.size() && !is_breakout(blocks[j].kind); ++j) debriefed = debriefed || blocks[j].kind == "debrief";
    if (!debriefed)
      out.push_back({blocks[i].id, "\"" + blocks[i].title + "\" has no large-group debrief after it: what the " +
                                       (blocks[i].kind == "pairs" ? "pairs" : "groups") +
                                       " found stays with them. Add a debrief before the next breakout."});
  }
  if (content > 0 && interaction * 2 < content)
    out.push_back({"", "Interaction (pairs, small groups, debriefs) is " + std::to_string(interaction) + " of " +
                           std::to_string(content) + " content minutes, under half: people learn by talking, not by "
                           "waiting for a turn. Turn part of the input into pairs or small groups."});
  for (const auto& [i, why] : logistics_before_content(blocks)) out.push_back({blocks[i].id, why});
  if (slot_minutes > 0 && total > slot_minutes)
    out.push_back({"", "The agenda takes " + std::to_string(total) + " minutes, " + std::to_string(total - slot_minutes) +
                           " more than the " + std::to_string(slot_minutes) + "-minute slot. Shorten or remove a block."});
  return out;
}

int floor_size(const Block& b, int people) {
  if (b.kind == "break" || people <= 0) return 0;
  int n = people;
  if (b.kind == "pairs") n = 2;
  else if (b.kind == "small_groups") n = b.group_size > 1 ? b.group_size : 4;
  else if (b.kind == "peer_assist") n = b.group_size > 1 ? b.group_size : 6;  // one owner and a few peers
  return std::min(n, people);
}

double airtime(const Block& b, int people) {
  const int f = floor_size(b, people);
  return f > 0 ? static_cast<double>(b.minutes) / f : 0;
}

AirtimeSummary meeting_airtime(const std::vector<Block>& blocks, int people) {
  AirtimeSummary s;
  for (const Block& b : blocks) {
    s.per_block.push_back(airtime(b, people));
    s.total += s.per_block.back();
    if (b.kind != "break" && people > 0) s.large_group_only += static_cast<double>(b.minutes) / people;
  }
  return s;
}

std::vector<std::string> start_times(const std::string& time, const std::vector<Block>& blocks) {
  std::vector<std::string> out;
  int at = 0;
  for (const Block& b : blocks) {
    out.push_back(clock_time(time, at));
    at += b.minutes;
  }
  return out;
}

// [SECTION] Live run -----------------------------------------------------------------------------------

RunView run_view(const Record& m, const std::vector<Block>& blocks, int64_t now_ms) {
  RunView v;
  const std::string at = m.text("run_block");
  if (at.empty()) return v;
  v.started = true;
  if (at == "end") {
    v.ended = true;
    return v;
  }
  for (size_t i = 0; i < blocks.size(); ++i)
    if (blocks[i].id == at) v.index = static_cast<int>(i);
  if (v.index < 0) {  // the block was removed while running: the run carries on at the start
    if (blocks.empty()) return v;
    v.index = 0;
  }
  const int64_t started = static_cast<int64_t>(num(m, "run_at")), paused = static_cast<int64_t>(num(m, "run_paused"));
  v.paused = paused != 0;
  v.since_ms = now_ms - std::max(started, paused);
  v.extra_minutes = static_cast<int>(num(m, "run_extra"));
  v.elapsed_ms = std::max<int64_t>(0, (v.paused ? paused : now_ms) - started);
  v.remaining_ms = static_cast<int64_t>(blocks[v.index].minutes + v.extra_minutes) * 60000 - v.elapsed_ms;
  v.meeting_left_ms = std::max<int64_t>(0, v.remaining_ms);
  for (size_t i = v.index + 1; i < blocks.size(); ++i) v.meeting_left_ms += static_cast<int64_t>(blocks[i].minutes) * 60000;
  return v;
}

Op op_run_start(const std::string& meeting, const std::vector<Block>& blocks, int64_t now_ms) {
  Op op{"Start the meeting", {}};
  if (blocks.empty()) return op;
  put(op, meeting, kMeeting, "run_block", blocks[0].id);
  put(op, meeting, kMeeting, "run_at", now_ms);
  put(op, meeting, kMeeting, "run_paused", 0);
  put(op, meeting, kMeeting, "run_extra", 0);
  return op;
}

Op op_run_pause(const Record& m, const std::string& id, int64_t now_ms) {
  const int64_t paused = static_cast<int64_t>(num(m, "run_paused"));
  Op op{paused ? "Resume the meeting" : "Pause the meeting", {}};
  if (paused) {
    put(op, id, kMeeting, "run_at", static_cast<int64_t>(num(m, "run_at")) + (now_ms - paused));
    put(op, id, kMeeting, "run_paused", 0);
  } else {
    put(op, id, kMeeting, "run_paused", now_ms);
  }
  return op;
}

Op op_run_extend(const Record& m, const std::string& id, int minutes) {
  Op op{"Extend the block by a minute", {}};
  put(op, id, kMeeting, "run_extra", static_cast<int>(num(m, "run_extra")) + minutes);
  return op;
}

Op op_run_move(const Record& m, const std::string& id, const std::vector<Block>& blocks, int step, int64_t now_ms) {
  Op op{step > 0 ? "Next block" : "Back a block", {}};
  const RunView v = run_view(m, blocks, now_ms);
  if (!v.started || blocks.empty()) return op;
  const int to = v.ended ? static_cast<int>(blocks.size()) - 1 : std::max(0, v.index + step);
  put(op, id, kMeeting, "run_block", to >= static_cast<int>(blocks.size()) ? std::string("end") : blocks[to].id);
  put(op, id, kMeeting, "run_at", now_ms);
  put(op, id, kMeeting, "run_paused", v.paused ? now_ms : 0);
  put(op, id, kMeeting, "run_extra", 0);
  return op;
}

std::string format_countdown(int64_t ms) {
  const bool over = ms < 0;
  // Counting down, a started second shows: 4:59.2 left reads 05:00; over time counts up from 00:00.
  const int64_t s = over ? (-ms) / 1000 : (ms + 999) / 1000;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%s%02lld:%02lld", over ? "-" : "", static_cast<long long>(s / 60),
                static_cast<long long>(s % 60));
  return buf;
}

// [SECTION] Attendance, outcomes and actions ----------------------------------------------------------

std::string attendance_id(const std::string& meeting, const std::string& member) { return "att:" + meeting + ":" + member; }

bool attendance_set(const Community& c, const std::string& meeting) {
  for (const auto& [id, r] : live_of(c, kAttendance))
    if (r->text("meeting") == meeting) return true;
  return false;
}

std::vector<std::string> attendees(const Community& c, const std::string& meeting) {
  const bool ticked = attendance_set(c, meeting);
  std::vector<std::string> out;
  for (const auto& [id, m] : live_by_name(c, kMember)) {
    const Record* a = find_live(c, attendance_id(meeting, id));
    if (!ticked || (a && a->get("present") == json(true))) out.push_back(id);
  }
  return out;
}

Op op_attend(const Community& c, const std::string& meeting, const std::string& member, bool present) {
  Op op{present ? "Tick attendance" : "Untick attendance", {}};
  // The first tick says who is here: everyone else counted so far is ticked absent explicitly.
  if (!attendance_set(c, meeting) && !present)
    for (const std::string& m : attendees(c, meeting))
      if (m != member) {
        put(op, attendance_id(meeting, m), kAttendance, "deleted", false);
        put(op, attendance_id(meeting, m), kAttendance, "meeting", meeting);
        put(op, attendance_id(meeting, m), kAttendance, "member", m);
        put(op, attendance_id(meeting, m), kAttendance, "present", true);
      }
  const std::string id = attendance_id(meeting, member);
  put(op, id, kAttendance, "deleted", false);
  put(op, id, kAttendance, "meeting", meeting);
  put(op, id, kAttendance, "member", member);
  put(op, id, kAttendance, "present", present);
  return op;
}

std::vector<Action> actions_of(const Community& c, const std::string& meeting) {
  std::vector<Action> out;
  for (const auto& [id, r] : live_of(c, kAction))
    if (r->text("meeting") == meeting)
      out.push_back({id, meeting, r->text("text"), r->text("owner"), r->text("due"), r->get("done") == json(true)});
  std::sort(out.begin(), out.end(), [](const Action& a, const Action& b) {
    return a.due != b.due ? a.due < b.due : collate_less(a.text, b.text);
  });
  return out;
}

std::vector<Action> open_actions_before(const Community& c, const std::string& meeting) {
  const Record* m = find_live(c, meeting);
  return open_actions_for_date(c, meeting, m ? m->text("date") : "");
}

// [SECTION] Roles that rotate ----------------------------------------------------------------------------

const char* block_role(const std::string& kind) {
  if (kind == "input") return "presenter";
  if (kind == "book") return "book chooser";
  if (kind == "case" || kind == "peer_assist") return "case bringer";
  return "";
}

std::string role_title(const std::string& role) {
  std::string out = role;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::vector<RoleSlot> meeting_roles(const Community& c, const std::string& meeting) {
  std::vector<RoleSlot> out;
  const Record* m = find_live(c, meeting);
  if (!m) return out;
  // A member removed since no longer holds a role: it is open again.
  auto holder = [&](const std::string& id) { return find_live(c, id) ? id : std::string(); };
  out.push_back({"facilitator", "", holder(m->text("facilitator"))});
  for (const Block& b : agenda(c, meeting))
    if (*block_role(b.kind)) out.push_back({block_role(b.kind), b.id, holder(b.lead)});
  return out;
}

namespace {

// role_turns with `taken`: members given a role by the op being built count as busy too.
std::vector<RoleTurn> turns(const Community& c, const std::string& meeting, const RoleSlot& slot,
                            const std::vector<std::string>& taken) {
  std::vector<RoleTurn> out;
  const Record* m = find_live(c, meeting);
  if (!m) return out;
  const std::string date = m->text("date");
  const auto here = attendees(c, meeting);
  std::vector<std::string> busy = taken;
  for (const RoleSlot& s : meeting_roles(c, meeting))
    if ((s.role != slot.role || s.block != slot.block) && !s.member.empty()) busy.push_back(s.member);
  // Who held the role in earlier meetings, and when.
  std::map<std::string, std::pair<int, std::string>> held;  // member -> times, latest date
  for (const MeetingInfo& other : meetings(c)) {
    if (other.id == meeting || !before_date(other.date, date)) continue;
    for (const RoleSlot& s : meeting_roles(c, other.id)) {
      if (s.role != slot.role || s.member.empty()) continue;
      auto& [times, last] = held[s.member];
      ++times;
      last = std::max(last, other.date);
    }
  }
  for (const auto& [id, r] : live_by_name(c, kMember)) {
    RoleTurn t;
    t.member = id, t.name = r->text("name");
    for (const std::string& x : r->texts("roles")) t.offers = t.offers || fold(trim(x)) == fold(slot.role);
    t.busy = std::find(busy.begin(), busy.end(), id) != busy.end();
    if (auto h = held.find(id); h != held.end()) t.times = h->second.first, t.last = h->second.second;
    out.push_back(std::move(t));
  }
  auto is_here = [&](const RoleTurn& t) { return std::find(here.begin(), here.end(), t.member) != here.end(); };
  std::stable_sort(out.begin(), out.end(), [&](const RoleTurn& a, const RoleTurn& b) {
    if (is_here(a) != is_here(b)) return is_here(a);
    if (a.offers != b.offers) return a.offers;
    if (a.busy != b.busy) return !a.busy;
    if (a.last != b.last) return a.last < b.last;  // "" first: never held (or only in undated meetings)
    return a.times < b.times;  // by name otherwise: live_by_name's order, kept by the stable sort
  });
  return out;
}

}  // namespace

std::vector<RoleTurn> role_turns(const Community& c, const std::string& meeting, const RoleSlot& slot) {
  return turns(c, meeting, slot, {});
}

Op op_set_role(const std::string& meeting, const RoleSlot& slot, const std::string& member) {
  const std::string label = "Set the " + slot.role;
  return slot.block.empty() ? op_set(label, meeting, kMeeting, "facilitator", member)
                            : op_set(label, slot.block, kBlock, "lead", member);
}

Op op_rotate_roles(const Community& c, const std::string& meeting) {
  Op op{"Rotate roles", {}};
  std::vector<std::string> taken;
  for (const RoleSlot& s : meeting_roles(c, meeting)) {
    if (!s.member.empty()) continue;
    const auto t = turns(c, meeting, s, taken);
    if (t.empty()) break;
    taken.push_back(t[0].member);
    Op one = op_set_role(meeting, s, t[0].member);
    op.changes.insert(op.changes.end(), one.changes.begin(), one.changes.end());
  }
  return op;
}

// [SECTION] Summary and calendar -----------------------------------------------------------------------

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
    if (const Record* r = find_live(c, t)) s.topics.push_back(r->text("title"));
  for (const RoleSlot& r : meeting_roles(c, meeting))
    if (!r.member.empty()) s.roles.push_back(role_title(r.role) + ": " + member_name(c, r.member));
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
  Line where = {strong(community_record(c).text("name"))};
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
  if (!s.m->text("outcomes").empty()) {
    d.heading(2, "Outcomes");
    d.paragraph({plain(s.m->text("outcomes"))});
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
  if (m.every_weeks > 0 && m.series_count > 1 && at != std::string::npos)
    ics.insert(at, "RRULE:FREQ=WEEKLY;INTERVAL=" + std::to_string(m.every_weeks) + ";COUNT=" +
                       std::to_string(m.series_count) + "\r\n");
  return ics;
}

}  // namespace cv
