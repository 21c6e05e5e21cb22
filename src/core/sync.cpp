// sync.cpp: see sync.h.
#include "core/sync.h"

#include "core/fields.h"
#include "core/registry.h"
#include "core/text.h"

namespace cv {

// [SECTION] Who may write what -----------------------------------------------------------------------

namespace {

// The live members of this copy whose Matrix ID is `who`.
std::vector<std::string> holders_of(const Community& current, const std::string& who) {
  std::vector<std::string> out;
  for (const TypeIndex::Entry e : records_of(current, kMember))
    if (!e->second.deleted() && trim(e->second.text(f::member_matrix_id.name)) == who) out.push_back(e->first);
  return out;
}

// The member whose Matrix ID is the sender's: a live member of this copy, else one the change adds.
// Two members with the same ID (a copy edited by hand) are nobody: neither may be written as.
std::string member_of(const Community& current, const Community& change, const std::string& sender) {
  const std::string who = trim(sender);
  if (who.empty()) return {};
  const std::vector<std::string> here = holders_of(current, who);
  if (!here.empty()) return here.size() == 1 ? here[0] : std::string();
  std::vector<std::string> added;
  for (const auto& [id, r] : change.records)
    if (r.type == kMember && !current.records.count(id) && trim(r.text(f::member_matrix_id.name)) == who) added.push_back(id);
  return added.size() == 1 ? added[0] : std::string();
}

// Whether a Matrix ID written on member `id` is another live member's (it would let the sender
// write as them).
bool taken_by_another(const Community& current, const std::string& id, const json& value) {
  const std::string who = value.is_string() ? trim(value.get<std::string>()) : std::string();
  if (who.empty()) return false;
  for (const std::string& holder : holders_of(current, who))
    if (holder != id) return true;
  return false;
}

// Whether a part of the id between colons is another live member's id.
bool names_another(const Community& current, const std::string& id, const std::string& member) {
  for (size_t from = 0, colon; from < id.size(); from = colon + 1) {
    colon = id.find(':', from);
    if (colon == std::string::npos) colon = id.size();
    if (colon == id.size() && from == 0) return false;  // no colon: a plain random id
    const std::string part = id.substr(from, colon - from);
    const Record* r = part == member ? nullptr : find_live(current, part);
    if (r && r->type == kMember) return true;
  }
  return false;
}

}  // namespace

SenderCheck check_sender(const Community& current, const Community& change, const std::string& sender, bool moderator) {
  SenderCheck out;
  out.accepted.id = change.id;
  out.member = member_of(current, change, sender);
  if (moderator) {
    out.accepted = change;
    return out;
  }
  for (const auto& entry : change.records) {
    const std::string& id = entry.first;  // (named, not bound: a lambda below captures them)
    const Record& r = entry.second;
    auto refuse = [&](const std::string& field, const std::string& reason) { out.refused.push_back({id, r.type, field, reason}); };
    auto here = current.records.find(id);
    const Record* was = here == current.records.end() ? nullptr : &here->second;
    if (was && was->type != r.type) {
      refuse("", "it would change its type (" + was->type + " to " + r.type + ")");
      continue;
    }
    const RecordDecl* decl = record_decl(r.type);
    if (!decl) {
      refuse("", "only moderators may write records of a type this version does not know");
      continue;
    }
    const std::string owner_field = decl->owner;
    if (owner_field.empty()) {
      refuse("", "only moderators may write it: it belongs to the community");
      continue;
    }
    if (out.member.empty()) {
      refuse("", "the sender is not a member of this community (no member has their Matrix ID)");
      continue;
    }
    // Whose it is: as this copy has it (a record the convener made with no owner stays theirs), or
    // as the change sets it for a new record.
    std::string owner;
    if (owner_field == "id") owner = id;
    else if (was) owner = was->text(owner_field);
    else owner = r.text(owner_field);
    if (owner != out.member) {
      refuse("", owner.empty() ? "it belongs to no member" : "it belongs to another member");
      continue;
    }
    // Ids such as vote:<topic>:<member> name their member: a new one naming someone else would take
    // that member's place (their own vote would then be refused as not theirs).
    if (!was && names_another(current, id, out.member)) {
      refuse("", "its id names another member");
      continue;
    }
    Record kept{r.type, {}};
    for (const auto& [name, field] : r.fields) {
      const FieldDecl* fd = field_decl(r.type, name);
      if (was) {  // a field as this copy has it already changes nothing: nothing to decide
        auto same = was->fields.find(name);
        if (same != was->fields.end() && same->second.stamp == field.stamp && same->second.value == field.value) continue;
      }
      if (name == kDeletedField) {
        // A member deletes what they made (their owner field is their own to write), not what the
        // convener noted about them (an attendance, an action given to them).
        const FieldDecl* owner_decl = owner_field == "id" ? nullptr : field_decl(r.type, owner_field);
        if (owner_field == "id" || (owner_decl && owner_decl->self)) kept.fields.emplace(name, field);
        else refuse(name, "only moderators may delete it");
      } else if (!fd || !fd->self) {
        refuse(name, "only moderators may write it");
      } else if (name == owner_field && field.value != json(out.member)) {
        refuse(name, "it would give the record to another member");
      } else if (r.type == kMember && name == f::member_matrix_id.name && taken_by_another(current, id, field.value)) {
        refuse(name, "another member has this Matrix ID");
      } else {
        kept.fields.emplace(name, field);
      }
    }
    if (!kept.fields.empty()) out.accepted.records.emplace(id, std::move(kept));
  }
  return out;
}

}  // namespace cv
