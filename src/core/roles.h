// roles.h: roles that rotate among the members (facilitator, presenter, book chooser, case bringer),
// and whose turn it is.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/agenda.h"
#include "core/model.h"

namespace cv {

// Members take turns: a facilitator for every meeting; a presenter for an input block, a book chooser
// for a book discussion, a case bringer for a case discussion or a peer-assist. The facilitator is the
// meeting's "facilitator" field; the others are the lead of their block (so the first meeting's
// opener counts as a presenter). Which role leads a block is its kind's (block_role in agenda.h).
std::string role_title(const std::string& role);  // "book chooser" -> "Book chooser"
struct RoleSlot {
  std::string role;    // "facilitator", "presenter", "book chooser", "case bringer"
  std::string block;   // "" for the facilitator
  std::string member;  // who holds it; "" while open
};
// Facilitator, then agenda order; `blocks`: the meeting's agenda when already read.
std::vector<RoleSlot> meeting_roles(const Community& c, const std::string& meeting,
                                    const std::vector<Block>* blocks = nullptr);
struct RoleTurn {
  std::string member, name;
  bool offers = false;  // the role is among the member's roles
  bool declines = false;  // the member would rather not take it
  std::string away;     // why the member is away on the meeting's date ("" when not): "away until 2027-03-01 (travelling)"
  bool busy = false;    // holds another role in this meeting
  int times = 0;        // held in meetings before this one
  std::string last;     // the latest date it was held ("" never, or only in undated meetings)
};
// Everyone who could take a role of this meeting, whose turn it is first: those not away and not
// declining it, then those attending, then those who offer the role, then those without another role
// here, then whoever held it longest ago (never first), fewest times, by name.
std::vector<RoleTurn> role_turns(const Community& c, const std::string& meeting, const RoleSlot& slot);
Op op_set_role(const std::string& meeting, const RoleSlot& slot, const std::string& member);
// Every open role to whoever's turn it is, a different member for each while there are enough; never
// to a member away or declining it.
Op op_rotate_roles(const Community& c, const std::string& meeting);
// Two roles change hands in one step (in one meeting or two): each takes the other's member.
Op op_swap_roles(const std::string& meeting_a, const RoleSlot& a, const std::string& meeting_b, const RoleSlot& b);

// The memory of roles: who held what, when, across the meetings.
struct RoleHeld {
  std::string meeting, date, title, role, member;
};
std::vector<RoleHeld> role_history(const Community& c);  // by date, then meeting, then agenda order
struct RoleFairness {
  std::string member, name;
  std::map<std::string, int> turns;  // per role
  int total = 0;
  std::string last;                  // the latest dated turn ("" never)
  std::string last_presented;        // the latest dated turn as presenter ("" never)
  int proposed = 0;                  // live topics the member proposed
  std::string away, declines;        // as said to the turn order ("" none)
};
// Per live member in reading order: turns per role and the latest, counting meetings dated up to
// `today` ("" counts all), and the topics each proposed.
std::vector<RoleFairness> role_fairness(const Community& c, const std::string& today);
// The names of those who have not presented yet, in the order given ("(no name yet)" for no name).
std::vector<std::string> never_presented(const std::vector<RoleFairness>& fairness);
// Why a member takes no role on `date` ("" when they can): "away until 2027-03-01 (travelling)".
std::string away_on(const Record& member, const std::string& date);

}  // namespace cv
