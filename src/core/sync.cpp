// sync.cpp: see sync.h.
#include "core/sync.h"

#include <set>

#include "core/fields.h"
#include "core/registry.h"
#include "core/text.h"
#include "core/threads.h"

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

std::string member_with_matrix_id(const Community& current, const std::string& sender) {
  const std::vector<std::string> here = holders_of(current, trim(sender));
  return here.size() == 1 ? here[0] : std::string();
}

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

// [SECTION] Events in the room -----------------------------------------------------------------------

namespace {

json records_content(const Community& part) { return json{{"community", part.id}, {"file", to_compact(part)}}; }

Parsed read_carried(std::string_view file, const Community& current, int64_t now_ms) {
  Parsed p = parse_file(file);
  if (!p.ok) return p;
  auto refuse = [&](std::string why) {
    Parsed bad;
    bad.error = std::move(why);
    return bad;
  };
  if (p.community.id != current.id) return refuse("it holds another community (" + p.community.id + ")");
  if (std::string why = check_compatible(current, p.community); !why.empty()) return refuse(why);
  if (std::string why = check_stamps(p.community, now_ms); !why.empty()) return refuse(why);
  return p;
}

// An id for a record made from a Matrix event: the same in every copy, and an id the format reads.
std::string id_of_event(const std::string& event_id) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a, 64 bits
  for (unsigned char ch : event_id) h = (h ^ ch) * 1099511628211ull;
  static const char* hex = "0123456789abcdef";
  std::string out = "mx-";
  for (int i = 60; i >= 0; i -= 4) out += hex[(h >> i) & 15];
  return out;
}

}  // namespace

std::vector<RecordsEvent> records_events(const Community& c, const std::vector<std::string>& ids,
                                         std::vector<std::string>* too_large) {
  std::vector<RecordsEvent> out;
  std::vector<std::string> carried;
  Community part;
  part.id = c.id;
  const size_t base = records_content(part).dump().size();
  size_t bytes = base;
  std::set<std::string> seen;
  for (const std::string& id : ids) {
    auto it = c.records.find(id);
    if (it == c.records.end() || !seen.insert(id).second) continue;
    Community one;
    one.id = c.id;
    one.records.emplace(id, it->second);
    const size_t own = records_content(one).dump().size() - base + 1;  // its share, with a comma
    if (base + own > kMaxEventContent) {
      if (too_large) too_large->push_back(id);
      continue;
    }
    if (bytes + own > kMaxEventContent) {
      out.push_back({records_content(part), std::move(carried)});
      part.records.clear();
      carried.clear();
      bytes = base;
    }
    part.records.emplace(id, it->second);
    carried.push_back(id);
    bytes += own;
  }
  if (!part.records.empty()) out.push_back({records_content(part), std::move(carried)});
  return out;
}

Parsed read_records_event(const json& content, const Community& current, int64_t now_ms) {
  if (!content.is_object() || !content.contains("file") || !content["file"].is_string()) {
    Parsed bad;
    bad.error = "it carries no community file";
    return bad;
  }
  return read_carried(content["file"].get_ref<const std::string&>(), current, now_ms);
}

Parsed read_snapshot(const std::string& bytes, const Community& current, int64_t now_ms) {
  return read_carried(bytes, current, now_ms);
}

Community message_as_post(const std::string& community_id, const json& event, const std::string& thread,
                          const std::string& member) {
  Community out;
  out.id = community_id;
  const json& content = event.value("content", json::object());
  const std::string body = trim(utf8_sanitize(content.value("body", std::string())));
  const int64_t at = event.value("origin_server_ts", int64_t(0));
  const std::string id = id_of_event(event.value("event_id", std::string()));
  if (body.empty() || member.empty() || at <= 0) return out;
  Clock clock;
  clock.actor = "matrix";  // every copy stamps it alike, so they agree on it
  if (!thread.empty()) {
    apply(out, clock, op_reply(id, thread, member, body, at), at);
  } else {
    const size_t nl = body.find('\n');
    std::string title = trim(body.substr(0, nl));
    const std::string rest = nl == std::string::npos ? std::string() : trim(body.substr(nl + 1));
    apply(out, clock, op_start_thread(id, "question", member, title, rest, {}, at), at);
  }
  return out;
}

json thread_message(const Record& thread, const std::string& thread_id) {
  std::string body = thread.text(f::thread_title.name);
  if (const std::string more = thread.text(f::thread_body.name); !more.empty()) body += "\n\n" + more;
  return json{{"msgtype", "m.text"}, {"body", body}, {kThreadKey, thread_id}};
}

json reply_message(const Record& reply, const std::string& reply_id, const std::string& root_event) {
  return json{{"msgtype", "m.text"},
              {"body", reply.text(f::reply_body.name)},
              {"m.relates_to",
               {{"rel_type", "m.thread"}, {"event_id", root_event}, {"is_falling_back", true},
                {"m.in_reply_to", {{"event_id", root_event}}}}},
              {kReplyKey, reply_id}};
}

}  // namespace cv
