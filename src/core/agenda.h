// agenda.h: a meeting's timed blocks. One table of block kinds (what each is for, who shares the
// floor, which role leads it, its suggested minutes and instructions); reading and reordering an
// agenda; the rule checker that favours interaction; airtime; start times.
//  [SECTION] Block kinds
//  [SECTION] Reading and reordering an agenda
//  [SECTION] Rule checker and airtime
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/model.h"

namespace cv {

inline constexpr const char* kBlock = "block";      // meeting, kind, title, minutes, position, notes, lead,
                                                    // group_size, debrief
inline constexpr const char* kParking = "parking";  // meeting, text: a logistics question for the end

// [SECTION] Block kinds -------------------------------------------------------------------------------

// What a block of a kind is. Floor: how many share the floor (0: the whole group; 2: pairs; -1: the
// block's group size, or `default_group`; -2: nobody, a break).
struct BlockKind {
  const char* kind;            // "pairs"
  const char* label;           // "Pairs": the title a new block of this kind gets
  bool content;                // learning together (counted for the interaction rule)
  bool logistics;              // logistics or technology: belongs at the end
  bool breakout;               // pairs or small groups: needs a debrief after it
  bool interaction;            // people talk with each other, not listen
  int floor;
  int default_group;           // for floor -1
  const char* role;            // the role that leads it ("presenter"), or ""
  int minutes;                 // suggested
  const char* instructions;
};
// Every kind, in the order a meeting would use them.
const std::vector<BlockKind>& block_kinds();
// The kind's row. An unknown kind is a programmer's error (CV_ASSERT); in a release build a row
// that treats it as plain content comes back.
const BlockKind& block_kind(const std::string& kind);
bool known_block_kind(const std::string& kind);
// Shorthands over the table.
inline bool is_content(const std::string& k) { return block_kind(k).content; }
inline bool is_logistics(const std::string& k) { return block_kind(k).logistics; }
inline bool is_breakout(const std::string& k) { return block_kind(k).breakout; }
inline bool is_interaction(const std::string& k) { return block_kind(k).interaction; }
inline const char* kind_label(const std::string& k) { return block_kind(k).label; }
inline const char* block_role(const std::string& k) { return block_kind(k).role; }  // "" for no role

// [SECTION] Reading and reordering an agenda ----------------------------------------------------------
struct Block {
  std::string id, kind, title, notes, lead;
  int minutes = 0;
  double position = 0;
  int group_size = 0;   // small groups: people per group (0: the default, 4)
  std::string debrief;  // points noted while the meeting runs
  std::string case_id;  // peer-assist or case discussion: the case it works on
  std::vector<int> phases;  // peer-assist: seconds at which questions, suggestions, reflection begin
};
std::vector<Block> agenda(const Community& c, const std::string& meeting);  // in position order
std::map<std::string, std::vector<Block>> agendas(const Community& c);      // every meeting's, in one pass
int agenda_minutes(const std::vector<Block>& blocks);
// Moving a block: a position between its new neighbours.
Op op_move_block(const std::vector<Block>& blocks, size_t from, size_t to);
// A block with the given fields, as part of op.
void put_block(Op& op, const std::string& meeting, const std::string& id, const std::string& kind,
               const std::string& title, int minutes, const std::string& notes, double position);
// A block as its kind suggests it (title, minutes, instructions; small groups of 4).
void put_kind_block(Op& op, const std::string& meeting, const std::string& id, const std::string& kind,
                    double position);
std::vector<std::string> parking_lot(const Community& c, const std::string& meeting);
// Start time of each block ("" without a meeting time), in agenda order.
std::vector<std::string> start_times(const std::string& time, const std::vector<Block>& blocks);

// [SECTION] Rule checker and airtime ---------------------------------------------------------------
struct MeetingWarning {
  std::string block;  // the block it is about ("" for the meeting)
  std::string text;
};
// Each logistics or technology block that comes before some content, with why it should move, in
// words (the rule the first meeting and every meeting share).
std::vector<std::pair<size_t, std::string>> logistics_before_content(const std::vector<Block>& blocks);
// In words: a breakout with no debrief after it; interaction under half of the content time; logistics
// or technology before the content; a meeting longer than its slot (slot 0: not checked).
std::vector<MeetingWarning> check_meeting(const std::vector<Block>& blocks, int slot_minutes);
// How many people share the floor in a block (pairs: 2; small groups: the group size; the large group:
// everyone); 0 for a break.
int floor_size(const Block& b, int people);
// People per group in a pairs or small-groups block (2; its group size; or the kind's default).
int group_size_of(const Block& b);
// Minutes each person can speak: block minutes / people sharing the floor.
double airtime(const Block& b, int people);
struct AirtimeSummary {
  std::vector<double> per_block;  // agenda order
  double total = 0;               // per person, over the meeting
  double large_group_only = 0;    // the same minutes, had everything been in the large group
};
AirtimeSummary meeting_airtime(const std::vector<Block>& blocks, int people);

}  // namespace cv
