// roles.cpp: see roles.h.
#include "core/roles.h"

#include <algorithm>
#include <map>

#include "core/agenda.h"
#include "core/fields.h"
#include "core/meetings.h"
#include "core/text.h"

namespace cv {

std::string role_title(const std::string& role) {
  std::string out = role;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::vector<RoleSlot> meeting_roles(const Community& c, const std::string& meeting, const std::vector<Block>* blocks) {
  std::vector<RoleSlot> out;
  const Record* m = find_live(c, meeting);
  if (!m) return out;
  // A member removed since no longer holds a role: it is open again.
  auto holder = [&](const std::string& id) { return find_live(c, id) ? id : std::string(); };
  out.push_back({"facilitator", "", holder(get(*m, f::meeting_facilitator))});
  const std::vector<Block> read = blocks ? std::vector<Block>{} : agenda(c, meeting);
  for (const Block& b : blocks ? *blocks : read)
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
  const std::string date = get(*m, f::meeting_date);
  const auto here = attendees(c, meeting);
  std::vector<std::string> busy = taken;
  for (const RoleSlot& s : meeting_roles(c, meeting))
    if ((s.role != slot.role || s.block != slot.block) && !s.member.empty()) busy.push_back(s.member);
  // Who held the role in earlier meetings, and when.
  std::map<std::string, std::pair<int, std::string>> held;  // member -> times, latest date
  for (const MeetingInfo& other : meetings(c)) {
    if (other.id == meeting || !meets_before(other.date, date)) continue;
    for (const RoleSlot& s : meeting_roles(c, other.id)) {
      if (s.role != slot.role || s.member.empty()) continue;
      auto& [times, last] = held[s.member];
      ++times;
      last = std::max(last, other.date);
    }
  }
  for (const auto& [id, r] : live_by_name(c, kMember)) {
    RoleTurn t;
    t.member = id, t.name = get(*r, f::member_name);
    for (const std::string& x : get(*r, f::member_roles)) t.offers = t.offers || fold(trim(x)) == fold(slot.role);
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
  return slot.block.empty() ? op_set(label, meeting, f::meeting_facilitator, member)
                            : op_set(label, slot.block, f::block_lead, member);
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

}  // namespace cv
