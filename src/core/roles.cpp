// roles.cpp: see roles.h.
#include "core/roles.h"

#include <algorithm>
#include <map>

#include "core/agenda.h"
#include "core/fields.h"
#include "core/getting_started.h"
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
    for (const std::string& x : get(*r, f::member_declines)) t.declines = t.declines || fold(trim(x)) == fold(slot.role);
    t.away = away_on(*r, date);
    t.busy = std::find(busy.begin(), busy.end(), id) != busy.end();
    if (auto h = held.find(id); h != held.end()) t.times = h->second.first, t.last = h->second.second;
    out.push_back(std::move(t));
  }
  auto is_here = [&](const RoleTurn& t) { return std::find(here.begin(), here.end(), t.member) != here.end(); };
  std::stable_sort(out.begin(), out.end(), [&](const RoleTurn& a, const RoleTurn& b) {
    const bool a_out = !a.away.empty() || a.declines, b_out = !b.away.empty() || b.declines;
    if (a_out != b_out) return !a_out;
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
    if (t.empty() || !t[0].away.empty() || t[0].declines) continue;  // nobody can: it stays open
    taken.push_back(t[0].member);
    Op one = op_set_role(meeting, s, t[0].member);
    op.changes.insert(op.changes.end(), one.changes.begin(), one.changes.end());
  }
  return op;
}

Op op_swap_roles(const std::string& meeting_a, const RoleSlot& a, const std::string& meeting_b, const RoleSlot& b) {
  Op op = op_set_role(meeting_a, a, b.member);
  Op other = op_set_role(meeting_b, b, a.member);
  op.changes.insert(op.changes.end(), other.changes.begin(), other.changes.end());
  op.label = "Swap " + a.role + " and " + b.role;
  return op;
}

std::string away_on(const Record& member, const std::string& date) {
  const std::string until = get(member, f::member_away_until);
  if (until.empty() || (!date.empty() && date >= until)) return {};  // undated meetings: away while it is set
  const std::string why = trim(get(member, f::member_away_reason));
  return "away until " + until + (why.empty() ? "" : " (" + why + ")");
}

std::vector<RoleHeld> role_history(const Community& c) {
  std::vector<RoleHeld> out;
  const auto all = agendas(c);  // one pass over the blocks, not one per meeting
  static const std::vector<Block> kNone;
  for (const MeetingInfo& m : meetings(c)) {  // in date order
    auto a = all.find(m.id);
    for (const RoleSlot& s : meeting_roles(c, m.id, a == all.end() ? &kNone : &a->second))
      if (!s.member.empty()) out.push_back({m.id, m.date, m.title, s.role, s.member});
  }
  return out;
}

std::vector<RoleFairness> role_fairness(const Community& c, const std::string& today) {
  std::vector<RoleFairness> out;
  std::map<std::string, size_t> row;
  for (const auto& [id, r] : live_by_name(c, kMember)) {
    row.emplace(id, out.size());
    RoleFairness x;
    x.member = id;
    x.name = get(*r, f::member_name);
    x.away = away_on(*r, today);
    for (const std::string& d : get(*r, f::member_declines))
      x.declines += (x.declines.empty() ? "" : ", ") + trim(d);
    out.push_back(std::move(x));
  }
  for (const RoleHeld& h : role_history(c)) {
    if (!today.empty() && !h.date.empty() && h.date > today) continue;  // planned, not yet held
    auto it = row.find(h.member);
    if (it == row.end()) continue;
    RoleFairness& x = out[it->second];
    ++x.turns[h.role];
    ++x.total;
    x.last = std::max(x.last, h.date);
    if (h.role == "presenter") x.last_presented = std::max(x.last_presented, h.date);
  }
  for (const auto* e : records_of(c, kTopic)) {
    if (e->second.deleted()) continue;
    auto it = row.find(get(e->second, f::topic_proposed_by));
    if (it != row.end()) ++out[it->second].proposed;
  }
  return out;
}

std::vector<std::string> never_presented(const std::vector<RoleFairness>& fairness) {
  std::vector<std::string> out;
  for (const RoleFairness& f : fairness)
    if (!f.turns.count("presenter")) out.push_back(f.name.empty() ? "(no name yet)" : f.name);
  return out;
}

}  // namespace cv
