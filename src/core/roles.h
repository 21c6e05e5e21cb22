// roles.h: roles that rotate among the members (facilitator, presenter, book chooser, case bringer),
// and whose turn it is.
#pragma once
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
  bool busy = false;    // holds another role in this meeting
  int times = 0;        // held in meetings before this one
  std::string last;     // the latest date it was held ("" never, or only in undated meetings)
};
// Everyone who could take a role of this meeting, whose turn it is first: those attending, then those
// who offer the role, then those without another role here, then whoever held it longest ago (never
// first), fewest times, by name.
std::vector<RoleTurn> role_turns(const Community& c, const std::string& meeting, const RoleSlot& slot);
Op op_set_role(const std::string& meeting, const RoleSlot& slot, const std::string& member);
// Every open role to whoever's turn it is, a different member for each while there are enough.
Op op_rotate_roles(const Community& c, const std::string& meeting);

}  // namespace cv
