// live.cpp: see live.h. The Matrix Client-Server API (v1.x) as used here: POST /login
// (m.login.password), POST /createRoom, POST /join/{room}, GET /rooms/{room}/state, GET /sync (a
// filter for the one room, long-polled with `since`), GET /rooms/{room}/messages (to fill a gap a
// limited timeline leaves), PUT /rooms/{room}/send/{type}/{txn}, POST /media/v3/upload and GET
// /client/v1/media/download (a community's starting state, a large batch of changes).
//  [SECTION] Requests
//  [SECTION] What the room sends
//  [SECTION] Connecting
//  [SECTION] Sending and polling
//  [SECTION] Answers
#include "app/live.h"

#include <algorithm>
#include <cctype>

#include "core/directory.h"
#include "core/fields.h"
#include "core/format.h"
#include "core/sync.h"
#include "core/text.h"
#include "core/threads.h"

namespace app {

using json = nlohmann::json;

namespace {

// [SECTION] Requests ---------------------------------------------------------------------------------

const char* const kApi = "/_matrix/client/v3";
constexpr int kPollMs = 30000;

std::string url_part(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += static_cast<char>(c);
    else out += {'%', hex[c >> 4], hex[c & 15]};
  }
  return out;
}

int request(Live& l, const std::string& method, const std::string& path, const json& body = nullptr,
            int timeout_ms = 60000) {
  Http h;
  h.id = ++l.seq;
  h.method = method;
  h.url = l.homeserver + path;
  h.token = l.token;
  if (!body.is_null()) {
    h.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
    h.content_type = "application/json";
  }
  h.timeout_ms = timeout_ms;
  l.out.push_back(std::move(h));
  return l.seq;
}

std::string room_path(const Live& l) { return std::string(kApi) + "/rooms/" + url_part(l.room); }

// A transaction id the homeserver has not seen from this login: the time and a counter (a reload
// starts the counter again; the time does not go back to the last one).
std::string txn(const Live& l, int64_t now_ms) { return "cv" + std::to_string(now_ms) + "." + std::to_string(l.seq); }

int send_event(Live& l, const std::string& type, const json& content, int64_t now_ms) {
  return request(l, "PUT", room_path(l) + "/send/" + url_part(type) + "/" + txn(l, now_ms), content);
}

// What an answer says went wrong, in words: the homeserver's own message when it gave one.
std::string words(const HttpAnswer& a) {
  if (a.status == 0) return a.error.empty() ? "no answer" : a.error;
  const json j = json::parse(a.body, nullptr, false);
  if (j.is_object() && j.contains("error") && j["error"].is_string()) {
    std::string w = j["error"].get<std::string>();
    if (j.contains("errcode") && j["errcode"].is_string()) w += " (" + j["errcode"].get<std::string>() + ")";
    return w;
  }
  return "HTTP " + std::to_string(a.status);
}

void fail(Live& l, std::string why) {
  l.phase = Live::Failed;
  l.error = std::move(why);
  l.password.clear();
  l.sync_req = l.send_req = l.setup_req = l.fetch_req = l.gap_req = 0;
}

void signed_out(Live& l, const HttpAnswer& a) {
  fail(l, "The homeserver no longer accepts this browser's sign-in (" + words(a) + "). Connect again.");
}

// A file to the homeserver's media (a community's starting state, a large batch of changes).
int upload(Live& l, const char* filename, std::string bytes) {
  Http h;
  h.id = ++l.seq;
  h.method = "POST";
  h.url = l.homeserver + "/_matrix/media/v3/upload?filename=" + filename;
  h.token = l.token;
  h.body = std::move(bytes);
  h.content_type = "application/json";
  h.timeout_ms = 120000;
  l.out.push_back(std::move(h));
  return l.seq;
}

// A /sync of the one room, `timeline` events at most, waiting up to timeout_ms for news.
int sync_request(Live& l, int timeline, int timeout_ms) {
  const json filter = {{"room", {{"rooms", {l.room}}, {"timeline", {{"limit", timeline}}}}},
                       {"presence", {{"not_types", {"*"}}}},
                       {"account_data", {{"not_types", {"*"}}}}};
  std::string path = std::string(kApi) + "/sync?filter=" + url_part(filter.dump()) + "&timeout=" + std::to_string(timeout_ms);
  if (!l.since.empty()) path += "&since=" + url_part(l.since);
  return request(l, "GET", path, nullptr, kPollMs + 15000);
}

int64_t backoff_ms(int failures) { return std::min<int64_t>(30000, int64_t(1000) << std::min(failures, 5)); }

// [SECTION] What the room sends ----------------------------------------------------------------------

bool moderator(const Live& l, const std::string& sender) {
  if (l.creators.count(sender)) return true;
  auto it = l.power.find(sender);
  return (it == l.power.end() ? l.power_default : it->second) >= 50;
}

void refuse(Live& l, const std::string& sender, std::string what, std::string reason, int64_t now_ms) {
  l.refused.push_back({sender, std::move(what), std::move(reason), now_ms});
  if (l.refused.size() > kMaxRefused) l.refused.erase(l.refused.begin());
}

// A change the room sent, merged in the part its sender may write.
void take(Live& l, cv::Doc& doc, const std::string& sender, const cv::Community& change, int64_t now_ms) {
  const cv::SenderCheck check = cv::check_sender(doc.community, change, sender, moderator(l, sender));
  for (const cv::Refused& r : check.refused) {
    std::string what = r.type + " " + r.id;
    if (!r.field.empty()) what += ", field " + r.field;
    refuse(l, sender, what, r.reason, now_ms);
  }
  if (!check.accepted.records.empty() && cv::doc_absorb(doc, check.accepted) && sender != l.user) l.received_ms = now_ms;
}

// Where an mxc:// address is downloaded from.
std::string download_path(const std::string& mxc) {
  if (mxc.rfind("mxc://", 0) != 0) return {};
  const std::string rest = mxc.substr(6);
  const size_t slash = rest.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == rest.size()) return {};
  return "/_matrix/client/v1/media/download/" + url_part(rest.substr(0, slash)) + "/" + url_part(rest.substr(slash + 1));
}

const json& content_of(const json& e) {
  static const json none = json::object();
  return e.contains("content") && e["content"].is_object() ? e["content"] : none;
}

std::string str(const json& o, const char* key) {
  return o.is_object() && o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string();
}

// A message from another Matrix client: a post by the member whose Matrix ID sent it. False when it
// answers a thread this copy does not know yet (kept, and tried again when more arrives).
bool take_message(Live& l, cv::Doc& doc, const json& e, int64_t now_ms) {
  const json& content = content_of(e);
  const std::string sender = str(e, "sender");
  std::string thread;
  if (content.contains("m.relates_to") && content["m.relates_to"].is_object()) {
    const json& rel = content["m.relates_to"];
    const std::string kind = str(rel, "rel_type");
    if (kind == "m.replace" || kind == "m.annotation") return true;  // edits and reactions: not posts
    if (kind == "m.thread") {
      auto it = l.threads.find(str(rel, "event_id"));
      if (it == l.threads.end()) return false;
      thread = it->second;
    }
  }
  if (str(content, "msgtype") != "m.text" || str(content, "body").empty()) return true;
  const std::string member = cv::member_with_matrix_id(doc.community, sender);
  if (member.empty()) {
    refuse(l, sender, thread.empty() ? "a message" : "a reply", "the sender is not a member of this community (no member has their Matrix ID)", now_ms);
    return true;
  }
  const cv::Community post = cv::message_as_post(doc.community.id, e, thread, member);
  take(l, doc, sender, post, now_ms);
  // A thread started there: its replies there find it, and it is not sent as a message again.
  for (const auto& [id, r] : post.records)
    if (r.type == cv::kThread) {
      l.roots.emplace(id, str(e, "event_id"));
      l.threads.emplace(str(e, "event_id"), id);
      l.mirrored.insert(id);
      l.settings_changed = true;
    }
  return true;
}

// Reads received events in order, until one needs a download (the rest wait for it).
void process(Live& l, cv::Doc& doc, std::vector<json> events, int64_t now_ms, bool history = false) {
  if (l.fetch_req) {  // a download is on its way: these wait behind it, in order
    l.events.insert(l.events.end(), std::make_move_iterator(events.begin()), std::make_move_iterator(events.end()));
    return;
  }
  // A gap read back holds old state (a moderator since demoted): the state is read again instead.
  if (history) {
    events.erase(std::remove_if(events.begin(), events.end(), [](const json& e) { return e.is_object() && e.contains("state_key"); }),
                 events.end());
    l.need_state = true;
  }
  // State first (who may write), then the starts of threads (so replies find them), then the rest.
  auto rank = [](const json& e) {
    if (e.contains("state_key")) return 0;
    return content_of(e).contains(cv::kThreadKey) ? 1 : 2;
  };
  std::stable_sort(events.begin(), events.end(), [&](const json& a, const json& b) { return rank(a) < rank(b); });
  for (size_t i = 0; i < events.size(); ++i) {
    const json& e = events[i];
    if (!e.is_object()) continue;
    const std::string type = str(e, "type"), sender = str(e, "sender"), id = str(e, "event_id");
    const json& content = content_of(e);
    if (type == "m.room.power_levels" && e.contains("state_key")) {
      l.power.clear();
      if (content.contains("users") && content["users"].is_object())
        for (auto it = content["users"].begin(); it != content["users"].end(); ++it)
          if (it.value().is_number_integer()) l.power[it.key()] = it.value().get<int>();
      l.power_default = content.contains("users_default") && content["users_default"].is_number_integer()
                            ? content["users_default"].get<int>() : 0;
    } else if (type == "m.room.create" && e.contains("state_key")) {
      // Room versions 1 to 11 give the creator a power level like anyone's; later ones (12: "creators
      // are privileged") give the creators more than any level and leave them out of the levels.
      const std::string version = str(content, "room_version");
      const bool privileged = !version.empty() && !(version.size() <= 2 && std::all_of(version.begin(), version.end(), ::isdigit) &&
                                                    std::stoi(version) <= 11);
      l.creators.clear();
      if (privileged) {
        l.creators.insert(sender);
        if (content.contains("additional_creators") && content["additional_creators"].is_array())
          for (const json& c : content["additional_creators"])
            if (c.is_string()) l.creators.insert(c.get<std::string>());
      }
    } else if (type == "m.room.member" && e.contains("state_key") && e["state_key"].is_string()) {
      const std::string who = e["state_key"].get<std::string>(), membership = str(content, "membership");
      if (membership == "join" || membership == "invite") l.in_room.insert(who);
      else l.in_room.erase(who);
      if (membership == "knock") l.knocks.insert(who);
      else l.knocks.erase(who);
    } else if (type == "m.room.encryption" && e.contains("state_key")) {
      fail(l, "The room was made end-to-end encrypted; Cultivate cannot read encrypted rooms yet. The community stays "
              "here; connect it to a room without encryption.");
      return;
    } else if (type == cv::kRecordsEvent) {
      cv::Parsed p = cv::read_records_event(content, doc.community, now_ms);
      if (!p.ok) refuse(l, sender, "a change", "it could not be read: " + p.error, now_ms);
      else take(l, doc, sender, p.community, now_ms);
    } else if (type == cv::kSnapshotEvent) {
      if (str(content, "community") != doc.community.id) continue;
      const std::string path = download_path(str(content, "url"));
      if (path.empty()) {
        refuse(l, sender, "a community file", "its address is not an mxc:// address", now_ms);
        continue;
      }
      l.fetch_req = request(l, "GET", path);
      l.fetch_sender = sender;
      l.events.assign(events.begin() + static_cast<long>(i) + 1, events.end());
      return;
    } else if (type == "m.room.message") {
      // A message that says it shows a Cultivate thread or reply counts only from its author (or a
      // moderator): anyone else could take over a thread's place in the room.
      const std::string t = str(content, cv::kThreadKey), r = str(content, cv::kReplyKey);
      if (!t.empty() || !r.empty()) {
        const cv::Record* rec = cv::find_live(doc.community, t.empty() ? r : t);
        const std::string author = rec ? rec->text(t.empty() ? cv::f::reply_author.name : cv::f::thread_author.name) : std::string();
        const bool theirs = sender == l.user || moderator(l, sender) ||
                            (!author.empty() && cv::member_with_matrix_id(doc.community, sender) == author);
        if (!theirs) continue;
        if (!t.empty()) {
          l.roots.emplace(t, id);
          l.threads.emplace(id, t);
        }
        l.mirrored.insert(t.empty() ? r : t);
        l.settings_changed = true;
      } else if (!take_message(l, doc, e, now_ms) && l.orphans.size() < 1000) {
        l.orphans.push_back(e);
      }
    }
  }
  // Replies whose thread has arrived meanwhile.
  std::vector<json> waiting;
  waiting.swap(l.orphans);
  for (const json& e : waiting)
    if (!take_message(l, doc, e, now_ms)) l.orphans.push_back(e);
}

}  // namespace

// [SECTION] Connecting --------------------------------------------------------------------------------

void live_connect(Live& l, const cv::Community& c, const std::string& homeserver, const std::string& user,
                  const std::string& password, const std::string& join_address, const std::vector<std::string>& invite) {
  std::vector<RefusedChange> refused = std::move(l.refused);
  const int seq = l.seq;
  // Connecting the same community again (signed out, another room) keeps what waits to be sent.
  std::set<std::string> waiting, mirror;
  if (l.community == c.id) {
    waiting = std::move(l.waiting);
    waiting.insert(l.sending.begin(), l.sending.end());
    mirror = std::move(l.mirror);
    mirror.insert(l.mirror_later.begin(), l.mirror_later.end());
  }
  l = Live{};
  l.refused = std::move(refused);
  l.seq = seq;
  l.waiting = std::move(waiting);
  l.mirror = std::move(mirror);
  l.community = c.id;
  l.homeserver = cv::trim(homeserver);
  while (!l.homeserver.empty() && l.homeserver.back() == '/') l.homeserver.pop_back();
  if (!l.homeserver.empty() && l.homeserver.find("://") == std::string::npos) l.homeserver = "https://" + l.homeserver;
  l.user = cv::trim(user);
  l.join_address = cv::trim(join_address);
  l.room_name = cv::community_record(c).text("name");
  for (const std::string& m : invite)
    if (m != l.user) l.invite.push_back(m);
  if (l.homeserver.empty()) return fail(l, "Give the homeserver's address (such as https://matrix.org).");
  if (l.user.empty() || password.empty()) return fail(l, "Give your Matrix user ID and password.");
  l.phase = Live::LoggingIn;
  const json who = {{"type", "m.id.user"}, {"user", l.user}};  // "@zoe:example.org" or just "zoe"
  l.setup_req = request(l, "POST", std::string(kApi) + "/login",
                        {{"type", "m.login.password"}, {"identifier", who}, {"password", password},
                         {"initial_device_display_name", "Cultivate"}}, 30000);
}

void live_invite(Live& l, const std::string& matrix_id) {
  if (l.phase != Live::Syncing || l.room.empty()) return;
  l.invited.insert(matrix_id);
  request(l, "POST", room_path(l) + "/invite", {{"user_id", matrix_id}});
}

void live_disconnect(Live& l) {
  std::vector<RefusedChange> refused = std::move(l.refused);
  const int seq = l.seq;
  const std::string community = l.community;
  l = Live{};
  l.refused = std::move(refused);
  l.seq = seq;
  l.community = community;
  l.settings_changed = true;
}

json live_settings(const Live& l) {
  if (l.phase == Live::Off || l.token.empty() || l.room.empty()) return nullptr;
  std::set<std::string> waiting = l.waiting;
  waiting.insert(l.sending.begin(), l.sending.end());
  std::set<std::string> mirror = l.mirror;
  mirror.insert(l.mirror_later.begin(), l.mirror_later.end());
  if (!l.sending_mirror.empty()) mirror.insert(l.sending_mirror);
  // A reload reads a gap or a download still on its way again, from the sync before it.
  const std::string since = l.gap_req || l.fetch_req ? l.since_kept : l.since;
  return json{{"community", l.community}, {"homeserver", l.homeserver}, {"user", l.user}, {"token", l.token},
              {"room", l.room}, {"since", since}, {"waiting", waiting}, {"mirrored", l.mirrored},
              {"mirror", mirror}, {"roots", l.roots}, {"knocking", l.phase == Live::Knocking}};
}

bool live_resume(Live& l, const std::string& community, const json& s) {
  live_disconnect(l);
  l.community = community;
  l.settings_changed = false;
  if (!s.is_object() || str(s, "community") != community || str(s, "token").empty() || str(s, "room").empty()) return false;
  l.homeserver = str(s, "homeserver");
  l.user = str(s, "user");
  l.token = str(s, "token");
  l.room = str(s, "room");
  l.since = str(s, "since");
  auto strings = [&](const char* key, auto& into) {
    if (s.contains(key) && s[key].is_array())
      for (const json& v : s[key])
        if (v.is_string()) into.insert(into.end(), v.get<std::string>());
  };
  strings("waiting", l.waiting);
  strings("mirrored", l.mirrored);
  strings("mirror", l.mirror);
  if (s.contains("roots") && s["roots"].is_object())
    for (auto it = s["roots"].begin(); it != s["roots"].end(); ++it)
      if (it.value().is_string()) {
        l.roots[it.key()] = it.value().get<std::string>();
        l.threads[it.value().get<std::string>()] = it.key();
      }
  l.phase = Live::Syncing;
  l.first_sync = true;
  if (s.value("knocking", false)) {  // still waiting to be let in
    l.phase = Live::Knocking;
    l.join_address = l.room;
    l.since.clear();
  }
  return true;
}

// [SECTION] Sending and polling ---------------------------------------------------------------------

namespace {

// The next send: records changed here (as events, or one file when many), else a thread or reply
// shown as a message for other Matrix clients.
void send_next(Live& l, const cv::Doc& doc, int64_t now_ms) {
  if (!l.waiting.empty()) {
    std::vector<std::string> ids(l.waiting.begin(), l.waiting.end());
    if (ids.size() > kMaxRecordsInEvents) {
      cv::Community part;
      part.id = doc.community.id;
      for (const std::string& id : ids)
        if (auto it = doc.community.records.find(id); it != doc.community.records.end()) part.records.emplace(id, it->second);
      l.sending = ids;
      l.waiting.clear();
      l.send_req = upload(l, "changes.cultivate.json", cv::to_file(part));
      l.send_upload = true;
      return;
    }
    std::vector<std::string> too_large;
    std::vector<cv::RecordsEvent> events = cv::records_events(doc.community, ids, &too_large);
    for (const std::string& id : too_large) {
      l.waiting.erase(id);
      l.mirror.erase(id);  // too large for a message too
      const cv::Record& r = doc.community.records.at(id);
      l.notices.push_back("Not sent to the room: " + r.type + " " + id + " is larger than a Matrix event may be (" +
                          std::to_string(cv::kMaxEventContent / 1000) + " KB); it stays in this copy and its files.");
    }
    for (const std::string& id : ids)  // records no longer here (a community opened since) wait no more
      if (!doc.community.records.count(id)) l.waiting.erase(id);
    if (!events.empty()) {
      l.sending = events[0].ids;
      for (const std::string& id : l.sending) l.waiting.erase(id);
      l.send_req = send_event(l, cv::kRecordsEvent, events[0].content, now_ms);
      l.send_upload = false;
      return;
    }
  }
  while (!l.mirror.empty()) {
    const std::string id = *l.mirror.begin();
    const cv::Record* r = cv::find_live(doc.community, id);
    json content;
    if (r && r->type == cv::kThread && !l.mirrored.count(id)) {
      content = cv::thread_message(*r, id);
    } else if (r && r->type == cv::kReply && !l.mirrored.count(id)) {
      const std::string thread = r->text(cv::f::reply_thread.name);
      auto root = l.roots.find(thread);
      if (root == l.roots.end()) {
        if (cv::find_live(doc.community, thread) && !l.mirrored.count(thread) && !l.mirror.count(thread)) {
          l.mirror.insert(thread);  // the thread first; the reply after it
          continue;
        }
        if (l.mirror.count(thread)) {  // the thread is on its way: send it first
          l.mirror.erase(id);
          l.mirror_later.push_back(id);
          continue;
        }
      } else {
        content = cv::reply_message(*r, id, root->second);
      }
    }
    if (content.is_null()) {
      l.mirror.erase(id);
      continue;
    }
    l.sending_mirror = id;
    l.mirror.erase(id);
    l.send_req = send_event(l, "m.room.message", content, now_ms);
    return;
  }
  for (std::string& id : l.mirror_later) l.mirror.insert(std::move(id));
  l.mirror_later.clear();
}

}  // namespace

int64_t live_step(Live& l, cv::Doc& doc, int64_t now_ms) {
  // Changes are kept for the room while connecting, connected, and stopped with a room (signed out:
  // they go once connected again).
  doc.track = l.phase != Live::Off && (l.phase != Live::Failed || !l.room.empty());
  if (!doc.track) {
    doc.touched.clear();
    return -1;
  }
  if (!doc.touched.empty()) {
    for (std::string& id : doc.touched) {
      const cv::Record* r = cv::find_live(doc.community, id);
      if (r && (r->type == cv::kThread || r->type == cv::kReply) && !l.mirrored.count(id)) l.mirror.insert(id);
      if (r && r->type == cv::kMember) l.invite_check.insert(id);
      l.waiting.insert(std::move(id));
    }
    doc.touched.clear();
    l.settings_changed = true;  // kept at once: a tab closed now still sends them next time
  }
  if (l.phase == Live::Knocking && !l.room.empty() && !l.setup_req) {
    if (now_ms < l.retry_at_ms) return l.retry_at_ms - now_ms;
    if (!l.sync_req) l.sync_req = sync_request(l, 1, kPollMs);  // news of an invitation
    return -1;
  }
  if (l.phase != Live::Syncing) return -1;
  if (now_ms < l.retry_at_ms) return l.retry_at_ms - now_ms;
  // Who may write (power levels, the room's creators) first: a sync with `since` says only what changed.
  if (l.need_state) {
    if (!l.setup_req) l.setup_req = request(l, "GET", room_path(l) + "/state");
    return -1;
  }
  if (!l.sync_req && !l.gap_req && !l.fetch_req) l.sync_req = sync_request(l, 100, l.first_sync ? 0 : kPollMs);
  // A member given a Matrix ID here (their answers merged, the directory edited) is invited, when
  // this sender may invite (a moderator) and the room has been read (who is in it already).
  // Someone asking to be let in whose Matrix ID a member of this copy has: let in.
  if (!l.first_sync && !l.knocks.empty() && moderator(l, l.user))
    for (const std::string& who : l.knocks)
      if (!cv::member_with_matrix_id(doc.community, who).empty() && l.invited.insert(who).second)
        request(l, "POST", room_path(l) + "/invite", {{"user_id", who}});
  if (!l.first_sync && !l.invite_check.empty()) {
    if (moderator(l, l.user))
      for (const std::string& id : l.invite_check)
        if (const cv::Record* m = cv::find_live(doc.community, id)) {
          const std::string who = cv::trim(m->text(cv::f::member_matrix_id.name));
          if (cv::is_matrix_id(who) && !l.in_room.count(who) && l.invited.insert(who).second)
            request(l, "POST", room_path(l) + "/invite", {{"user_id", who}});
        }
    l.invite_check.clear();
  }
  // Nothing is sent before the room has been read once (the first sync), nor while a download waits.
  if (!l.send_req && !l.first_sync && !l.fetch_req && (!l.waiting.empty() || !l.mirror.empty() || !l.mirror_later.empty()))
    send_next(l, doc, now_ms);
  return -1;
}

// [SECTION] Answers ----------------------------------------------------------------------------------

namespace {

// The network failed or the homeserver could not answer: try again later, keeping everything.
void offline(Live& l, const HttpAnswer& a, int64_t now_ms) {
  l.offline = a.status == 0;
  l.error = a.status == 0 ? std::string() : "the homeserver answered: " + words(a);
  l.retry_at_ms = now_ms + backoff_ms(l.failures++);
}

bool transient(const HttpAnswer& a) { return a.status == 0 || a.status == 429 || a.status >= 500; }

void setup_answer(Live& l, cv::Doc& doc, const HttpAnswer& a, const json& j, int64_t now_ms) {
  l.setup_req = 0;
  const bool ok = a.status == 200 && (j.is_object() || j.is_array());
  if (l.phase == Live::Syncing) {  // the room's state, read as the sync starts
    if (transient(a)) return offline(l, a, now_ms);
    if (a.status == 401) return signed_out(l, a);
    if (!ok || !j.is_array()) return fail(l, "The room could not be read: " + words(a) + ".");
    l.need_state = false;
    l.offline = false;
    l.failures = 0;
    return process(l, doc, j, now_ms);
  }
  if (l.phase == Live::LoggingIn) {
    l.password.clear();
    if (!ok) {
      if (a.status == 0) return fail(l, "Cannot reach the homeserver at " + l.homeserver + ": " + words(a) + ".");
      if (a.status == 403 || a.status == 401)
        return fail(l, "The homeserver refused this user ID and password: " + words(a) + ".");
      return fail(l, "Could not sign in: " + words(a) + ".");
    }
    l.token = str(j, "access_token");
    if (const std::string u = str(j, "user_id"); !u.empty()) l.user = u;
    if (l.join_address.empty()) {
      l.phase = Live::Creating;
      json invite = l.invite;
      l.setup_req = request(l, "POST", std::string(kApi) + "/createRoom",
                            {{"preset", "private_chat"},
                             {"name", l.room_name},
                             {"topic", "A Cultivate community. Its threads can be read and answered here."},
                             {"invite", invite},
                             // Invite-only, and whoever has the room's address (an invitation) may ask to be let in.
                             {"initial_state", {{{"type", cv::kRoomState}, {"state_key", ""},
                                                 {"content", {{"community", doc.community.id}, {"name", l.room_name}}}},
                                                {{"type", "m.room.join_rules"}, {"state_key", ""},
                                                 {"content", {{"join_rule", "knock"}}}}}}});
    } else {
      l.phase = Live::Joining;
      l.setup_req = request(l, "POST", std::string(kApi) + "/join/" + url_part(l.join_address), json::object());
    }
    return;
  }
  if (l.phase == Live::Creating) {
    if (!ok) return fail(l, "Could not create the room: " + words(a) + ".");
    if (l.room.empty()) {  // the room exists: now the community's starting state, as a file
      l.room = str(j, "room_id");
      l.opened_room = l.settings_changed = true;
      // Copies and invitations carry the room, so members can join it (an edit like any other).
      cv::doc_apply(doc, cv::op_set("Connect to a Matrix room", doc.community.id, cv::f::community_matrix_room, l.room), now_ms);
      l.setup_req = upload(l, "community.cultivate.json", cv::to_file(doc.community));
      // Threads there already are shown as messages too, once the room is read.
      for (const cv::TypeIndex::Entry e : cv::records_of(doc.community, cv::kThread))
        if (!e->second.deleted()) l.mirror.insert(e->first);
      for (const cv::TypeIndex::Entry e : cv::records_of(doc.community, cv::kReply))
        if (!e->second.deleted()) l.mirror.insert(e->first);
      return;
    }
    if (const std::string url = str(j, "content_uri"); !url.empty()) {
      l.setup_req = send_event(l, cv::kSnapshotEvent, {{"community", doc.community.id}, {"url", url}}, now_ms);
      return;
    }
    l.phase = Live::Syncing;  // the snapshot's event is in the room
    return;
  }
  if (l.phase == Live::Knocking) {
    if (!ok) return fail(l, "Could not join " + l.join_address + ": " + l.join_error + ".");
    l.room = str(j, "room_id");  // asked; the sync says when a moderator lets this user in
    l.settings_changed = true;
    return;
  }
  if (l.phase == Live::Joining) {
    if (!ok && l.room.empty() && a.status == 403) {  // not invited: ask to be let in
      l.join_error = words(a);
      l.phase = Live::Knocking;
      l.setup_req = request(l, "POST", std::string(kApi) + "/knock/" + url_part(l.join_address),
                            {{"reason", "Answering the community's invitation (Cultivate)"}});
      return;
    }
    if (!ok) return fail(l, "Could not join " + l.join_address + ": " + words(a) + ".");
    if (l.room.empty()) {
      l.room = str(j, "room_id");
      l.setup_req = request(l, "GET", room_path(l) + "/state");
      return;
    }
    if (!j.is_array()) return fail(l, "The room's state could not be read.");
    std::string holds, name;
    for (const json& e : j) {
      if (str(e, "type") == "m.room.encryption")
        return fail(l, "This room is end-to-end encrypted; Cultivate cannot read encrypted rooms yet. Join a room without "
                       "encryption (Connect creates one).");
      if (str(e, "type") == cv::kRoomState) {
        holds = str(content_of(e), "community");
        name = str(content_of(e), "name");
      }
    }
    if (holds.empty()) return fail(l, "This room holds no Cultivate community (it has no " + std::string(cv::kRoomState) + " state).");
    if (holds != doc.community.id)
      return fail(l, "This room holds another community" + (name.empty() ? std::string() : " (" + name + ")") +
                     ". Open that community here first (from its invitation link or a file), then connect it.");
    process(l, doc, j, now_ms);  // power levels
    l.need_state = false;
    l.phase = Live::Syncing;
    l.opened_room = l.settings_changed = true;
  }
}

void sync_answer(Live& l, cv::Doc& doc, const HttpAnswer& a, const json& j, int64_t now_ms) {
  l.sync_req = 0;
  if (l.phase == Live::Knocking) {  // waiting to be let in: an invitation, then the join
    if (transient(a) || !j.is_object()) return offline(l, a, now_ms);
    if (a.status != 200) return fail(l, "Could not wait to be let in: " + words(a) + ".");
    l.offline = false;
    l.failures = 0;
    l.since = str(j, "next_batch");
    const json& rooms = j.contains("rooms") && j["rooms"].is_object() ? j["rooms"] : json::object();
    auto has = [&](const char* part) { return rooms.contains(part) && rooms[part].is_object() && rooms[part].contains(l.room); };
    if (has("invite")) {
      l.phase = Live::Joining;
      l.join_address = l.room;
      l.room.clear();
      l.since.clear();  // the room is read from its start once joined
      l.setup_req = request(l, "POST", std::string(kApi) + "/join/" + url_part(l.join_address), json::object());
    } else if (has("leave")) {
      fail(l, "A moderator of the room did not let you in.");
    }
    return;
  }
  if (a.status == 401) return signed_out(l, a);
  if (transient(a) || !j.is_object()) return offline(l, a, now_ms);
  if (a.status != 200) return fail(l, "The room could not be read: " + words(a) + ".");
  l.offline = false;
  l.error.clear();
  l.failures = 0;
  const std::string before = l.since;
  l.since = str(j, "next_batch");
  l.since_kept = before;  // kept until what this answer starts (a gap, a download) is in
  l.settings_changed = true;
  const json none = json::object();
  const json& rooms = j.contains("rooms") && j["rooms"].is_object() ? j["rooms"] : none;
  if (rooms.contains("leave") && rooms["leave"].is_object() && rooms["leave"].contains(l.room))
    return fail(l, "You have left the room, or were removed from it. The community stays here.");
  std::vector<json> events;
  if (rooms.contains("join") && rooms["join"].is_object() && rooms["join"].contains(l.room)) {
    const json& room = rooms["join"][l.room];
    for (const char* part : {"state", "timeline"})
      if (room.contains(part) && room[part].contains("events") && room[part]["events"].is_array())
        for (const json& e : room[part]["events"]) events.push_back(e);
    // A gap between the last sync and this timeline: read it back to what was read before.
    if (room.contains("timeline") && room["timeline"].value("limited", false)) {
      const std::string from = str(room["timeline"], "prev_batch");
      if (!from.empty()) {
        l.gap_to = before;
        std::string path = room_path(l) + "/messages?dir=b&limit=200&from=" + url_part(from);
        if (!before.empty()) path += "&to=" + url_part(before);
        l.gap_req = request(l, "GET", path);
      }
    }
  }
  l.first_sync = false;
  process(l, doc, std::move(events), now_ms);
}

}  // namespace

void live_answer(Live& l, cv::Doc& doc, const HttpAnswer& a, int64_t now_ms) {
  const json j = json::parse(a.body, nullptr, false);
  if (a.id == l.setup_req) return setup_answer(l, doc, a, j, now_ms);
  if (a.id == l.sync_req) return sync_answer(l, doc, a, j, now_ms);
  if (a.id == l.gap_req) {
    l.gap_req = 0;
    if (transient(a) || !j.is_object() || a.status != 200) {
      l.since = l.gap_to;  // the gap is read again from where it began
      l.first_sync = l.since.empty();
      return offline(l, a, now_ms);
    }
    std::vector<json> events;
    if (j.contains("chunk") && j["chunk"].is_array()) events = j["chunk"].get<std::vector<json>>();
    const std::string end = str(j, "end");
    if (!events.empty() && !end.empty()) {
      std::string path = room_path(l) + "/messages?dir=b&limit=200&from=" + url_part(end);
      if (!l.gap_to.empty()) path += "&to=" + url_part(l.gap_to);
      l.gap_req = request(l, "GET", path);
    }
    return process(l, doc, std::move(events), now_ms, true);
  }
  if (a.id == l.fetch_req) {
    l.fetch_req = 0;
    std::vector<json> rest = std::move(l.events);
    l.events.clear();
    if (a.status == 200) {
      cv::Parsed p = cv::read_snapshot(a.body, doc.community, now_ms);
      if (!p.ok) refuse(l, l.fetch_sender, "a community file", "it could not be read: " + p.error, now_ms);
      else take(l, doc, l.fetch_sender, p.community, now_ms);
    } else if (transient(a)) {
      // Read again from where the room was before: the download comes round again.
      l.since.clear();
      l.first_sync = true;
      return offline(l, a, now_ms);
    } else {
      refuse(l, l.fetch_sender, "a community file", "it could not be downloaded: " + words(a), now_ms);
    }
    return process(l, doc, std::move(rest), now_ms);
  }
  if (a.id == l.send_req) {
    l.send_req = 0;
    if (a.status == 200 && j.is_object()) {
      l.failures = 0;
      l.offline = false;
      l.error.clear();
      l.sent_ms = now_ms;
      if (l.send_upload) {  // a large batch's file is up: now the event that names it
        l.send_upload = false;
        l.send_req = send_event(l, cv::kSnapshotEvent, {{"community", doc.community.id}, {"url", str(j, "content_uri")}}, now_ms);
        return;
      }
      if (!l.sending_mirror.empty()) {
        l.mirrored.insert(l.sending_mirror);
        const cv::Record* r = cv::find_live(doc.community, l.sending_mirror);
        if (r && r->type == cv::kThread) {
          l.roots[l.sending_mirror] = str(j, "event_id");
          l.threads[str(j, "event_id")] = l.sending_mirror;
        }
        l.sending_mirror.clear();
      }
      l.sending.clear();
      l.settings_changed = true;
      return;
    }
    if (transient(a)) {
      l.waiting.insert(l.sending.begin(), l.sending.end());
      if (!l.sending_mirror.empty()) l.mirror.insert(l.sending_mirror);
      l.sending.clear();
      l.sending_mirror.clear();
      l.send_upload = false;
      return offline(l, a, now_ms);
    }
    const bool too_large = a.status == 413 || words(a).find("M_TOO_LARGE") != std::string::npos;
    if (a.status == 401 || !too_large) {
      // Signed out, or not allowed now (a power level raised): kept, and tried again later or after
      // connecting again, with the reason on the status line.
      l.waiting.insert(l.sending.begin(), l.sending.end());
      l.sending.clear();
      l.send_upload = false;
      if (!l.sending_mirror.empty()) l.mirrored.insert(l.sending_mirror);  // a message is not worth a loop
      l.sending_mirror.clear();
      if (a.status == 401) return signed_out(l, a);
      l.error = "the room refused a change: " + words(a);
      l.retry_at_ms = now_ms + backoff_ms(l.failures++);
      return;
    }
    // Too large for the room: said, and not tried again (it stays in this copy and its files).
    l.notices.push_back("The room refused a change as too large: " + words(a) + ". It stays in this copy and its files.");
    if (!l.sending_mirror.empty()) l.mirrored.insert(l.sending_mirror);
    l.sending.clear();
    l.sending_mirror.clear();
    l.send_upload = false;
  }
}

std::string live_status(const Live& l, int64_t now_ms) {
  switch (l.phase) {
    case Live::Off: return "not connected";
    case Live::LoggingIn: return "signing in";
    case Live::Creating: return "creating the room";
    case Live::Joining: return "joining the room";
    case Live::Failed: return l.error;
    case Live::Knocking:
      return l.offline ? "offline (retrying), asking to join the room" : "asked to join the room: waiting for a moderator to let you in";
    case Live::Syncing: break;
  }
  const size_t n = l.waiting.size() + l.sending.size() + l.mirror.size() + l.mirror_later.size() + !l.sending_mirror.empty();
  const std::string waiting = n == 1 ? "1 change waiting" : std::to_string(n) + " changes waiting";
  if (l.offline || !l.error.empty()) {
    const int64_t in = std::max<int64_t>(0, (l.retry_at_ms - now_ms + 999) / 1000);
    std::string s = l.offline ? "offline" : l.error;
    s += " (retrying" + (in > 0 ? " in " + std::to_string(in) + " s" : std::string()) + ")";
    return n ? s + ", " + waiting : s;
  }
  if (l.first_sync || l.fetch_req || l.gap_req) return "reading the room";
  return n ? waiting : "synced";
}

}  // namespace app
