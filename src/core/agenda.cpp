// agenda.cpp: see agenda.h.
//  [SECTION] Block kinds
//  [SECTION] Reading and reordering an agenda
//  [SECTION] Rule checker and airtime
#include "core/agenda.h"

#include <algorithm>

#include "core/assert.h"
#include "core/fields.h"
#include "core/text.h"

namespace cv {

// [SECTION] Block kinds -------------------------------------------------------------------------------

const std::vector<BlockKind>& block_kinds() {
  // kind, label, content, logistics, breakout, interaction, floor, default group, role, minutes, instructions
  static const std::vector<BlockKind> kAll = {
      {"welcome", "Welcome and check-in", false, false, false, false, 0, 0, "", 10,
       "Each person in a sentence: how they arrive today and what they hope to take away."},
      {"review", "Review of open actions", false, false, false, false, 0, 0, "", 10,
       "Each owner: done, under way or stuck? Stuck ones get help or a new date."},
      {"input", "Input or presentation", true, false, false, false, 0, 0, "presenter", 15,
       "One member shares what they know or tried. Questions welcome; nobody needs all the answers."},
      {"pairs", "Pairs", true, false, true, true, 2, 2, "", 15,
       "Two by two, each speaking half the time: what do you know, what do you not know yet?"},
      {"small_groups", "Small groups", true, false, true, true, -1, 4, "", 20,
       "Groups of 3 or 4, each on one real problem a member brought."},
      {"debrief", "Large-group debrief", true, false, false, true, 0, 0, "", 10,
       "Each pair or group shares one insight and one open question."},
      {"peer_assist", "Peer-assist", true, false, false, true, -1, 6, "case bringer", 40,
       "The owner explains the challenge (10 min); the group asks questions only (10 min); then suggestions "
       "(15 min); the owner says what they take away (5 min)."},
      {"book", "Book discussion", true, false, false, false, 0, 0, "book chooser", 30,
       "The book chooser opens with one passage: what did people find useful, what do they doubt?"},
      {"case", "Case discussion", true, false, false, false, 0, 0, "case bringer", 30,
       "The case bringer describes a real situation; the group explores it before anyone suggests."},
      {"break", "Break", false, false, false, false, -2, 0, "", 10, ""},
      {"logistics", "Logistics", false, true, false, false, 0, 0, "", 10,
       "Dates, places and roles for next time: short, and at the end."},
      {"technology", "Technology", false, true, false, false, 0, 0, "", 5,
       "The tools we use between meetings, and help for whoever needs it."},
      {"closing", "Closing", false, false, false, false, 0, 0, "", 5,
       "What do I take away? What will I try before we meet again?"},
  };
  return kAll;
}

bool known_block_kind(const std::string& kind) {
  const auto& all = block_kinds();
  return std::any_of(all.begin(), all.end(), [&](const BlockKind& k) { return kind == k.kind; });
}

const BlockKind& block_kind(const std::string& kind) {
  for (const BlockKind& k : block_kinds())
    if (kind == k.kind) return k;
  // A kind a newer Cultivate wrote: shown and timed as plain content, never dropped.
  static const BlockKind kOther = {"", "Block", true, false, false, false, 0, 0, "", 10, ""};
  return kOther;
}

// [SECTION] Reading and reordering an agenda ----------------------------------------------------------

namespace {

Block block_of(const std::string& id, const Record& r) {
  return {id, get(r, f::block_kind), get(r, f::block_title), get(r, f::block_notes), get(r, f::block_lead),
          get(r, f::block_minutes), get(r, f::block_position), get(r, f::block_group_size), get(r, f::block_debrief),
          get(r, f::block_case), get(r, f::block_phases)};
}

void in_order(std::vector<Block>& blocks) {
  std::sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) {
    return a.position != b.position ? a.position < b.position : a.id < b.id;
  });
}

}  // namespace

std::vector<Block> agenda(const Community& c, const std::string& meeting) {
  std::vector<Block> out;
  for (const auto* e : records_of(c, kBlock))
    if (!e->second.deleted() && get(e->second, f::block_meeting) == meeting) out.push_back(block_of(e->first, e->second));
  in_order(out);
  return out;
}

std::map<std::string, std::vector<Block>> agendas(const Community& c) {
  std::map<std::string, std::vector<Block>> out;
  for (const auto* e : records_of(c, kBlock))
    if (!e->second.deleted()) out[get(e->second, f::block_meeting)].push_back(block_of(e->first, e->second));
  for (auto& [m, blocks] : out) in_order(blocks);
  return out;
}

int agenda_minutes(const std::vector<Block>& blocks) {
  int total = 0;
  for (const auto& b : blocks) total += b.minutes;
  return total;
}

Op op_move_block(const std::vector<Block>& blocks, size_t from, size_t to) {
  Op op{"Move block", {}};
  if (from >= blocks.size() || to >= blocks.size() || from == to) return op;
  // The new neighbours once the block is taken out.
  std::vector<const Block*> rest;
  for (size_t i = 0; i < blocks.size(); ++i)
    if (i != from) rest.push_back(&blocks[i]);
  const double before = to == 0 ? rest[0]->position - 1 : rest[to - 1]->position;
  const double after = to >= rest.size() ? rest.back()->position + 1 : rest[to]->position;
  put(op, blocks[from].id, f::block_position, (before + after) / 2);
  return op;
}

void put_block(Op& op, const std::string& meeting, const std::string& id, const std::string& kind,
               const std::string& title, int minutes, const std::string& notes, double position) {
  put_new(op, id, kBlock);
  put(op, id, f::block_meeting, meeting);
  put(op, id, f::block_kind, kind);
  put(op, id, f::block_title, title);
  put(op, id, f::block_minutes, minutes);
  put(op, id, f::block_notes, notes);
  put(op, id, f::block_position, position);
}

void put_kind_block(Op& op, const std::string& meeting, const std::string& id, const std::string& kind,
                    double position) {
  CV_ASSERT(known_block_kind(kind), "a new block must be of a kind in the table");
  const BlockKind& k = block_kind(kind);
  put_block(op, meeting, id, kind, k.label, k.minutes, k.instructions, position);
  if (k.floor == -1 && k.default_group > 0 && kind == "small_groups") put(op, id, f::block_group_size, k.default_group);
}

std::vector<std::string> parking_lot(const Community& c, const std::string& meeting) {
  std::vector<std::string> out;
  for (const auto* e : records_of(c, kParking))
    if (const Record& r = e->second; !r.deleted() && get(r, f::parking_meeting) == meeting) out.push_back(get(r, f::parking_text));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return collate_less(a, b); });
  return out;
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

// [SECTION] Rule checker and airtime ---------------------------------------------------------------

std::vector<std::pair<size_t, std::string>> logistics_before_content(const std::vector<Block>& blocks) {
  std::vector<std::pair<size_t, std::string>> out;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!is_logistics(blocks[i].kind)) continue;
    if (std::any_of(blocks.begin() + static_cast<long>(i), blocks.end(), [](const Block& b) { return is_content(b.kind); }))
      out.push_back({i, "\"" + blocks[i].title + "\" comes before the content. People came to learn: keep " +
                            std::string(blocks[i].kind == "technology" ? "technology" : "logistics") +
                            " for the end, and park questions about it until then."});
  }
  return out;
}

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
  const BlockKind& k = block_kind(b.kind);
  if (k.floor == -2 || people <= 0) return 0;
  const int n = k.floor == 0 ? people : k.floor > 0 ? k.floor : (b.group_size > 1 ? b.group_size : k.default_group);
  return std::min(n, people);
}

int group_size_of(const Block& b) {
  const BlockKind& k = block_kind(b.kind);
  return k.floor > 0 ? k.floor : b.group_size > 1 ? b.group_size : std::max(k.default_group, 2);
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
    if (block_kind(b.kind).floor != -2 && people > 0) s.large_group_only += static_cast<double>(b.minutes) / people;
  }
  return s;
}

}  // namespace cv
