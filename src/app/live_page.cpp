// live_page.cpp: see live_page.h.
#include "app/live_page.h"

#include "core/directory.h"
#include "core/fields.h"
#include "core/getting_started.h"

namespace app {

namespace {

void store(LivePage& p) {
  const nlohmann::json s = live_settings(p.live);
  const std::string text = s.is_null() ? std::string() : s.dump();
  p.live.settings_changed = false;
  if (p.live.community.empty() || text == p.stored) return;
  p.stored = text;
  if (text.empty()) p.settings.erase(p.live.community);
  else p.settings[p.live.community] = text;
  platform::storage_set_meta("matrix:" + p.live.community, text);
}

}  // namespace

void live_page_ready(LivePage& p, const nlohmann::json& info) {
  if (!info.contains("matrix") || !info["matrix"].is_object()) return;
  for (auto it = info["matrix"].begin(); it != info["matrix"].end(); ++it)
    if (it.value().is_string()) p.settings[it.key()] = it.value().get<std::string>();
}

void live_page_opened(LivePage& p, const std::string& community) {
  if (p.live.community == community && p.live.phase != Live::Off) return;
  if (p.live.settings_changed) store(p);  // the one being left keeps its queue
  auto it = p.settings.find(community);
  const nlohmann::json s = it == p.settings.end() ? nlohmann::json() : nlohmann::json::parse(it->second, nullptr, false);
  live_resume(p.live, community, s);
  p.stored = it == p.settings.end() ? std::string() : it->second;
}

bool live_page_command(LivePage& p, const cv::Doc& doc, const ui::Command& c) {
  if (c.kind == ui::Command::LiveDisconnect) {
    live_disconnect(p.live);
    store(p);
    return true;
  }
  if (c.kind == ui::Command::LiveInvite) {
    live_invite(p.live, c.arg);
    return true;
  }
  if (c.kind != ui::Command::LiveConnect) return false;
  const nlohmann::json a = nlohmann::json::parse(c.arg, nullptr, false);
  auto text = [&](const char* k) { return a.is_object() && a.contains(k) && a[k].is_string() ? a[k].get<std::string>() : std::string(); };
  std::vector<std::string> invite;
  for (const cv::TypeIndex::Entry e : cv::records_of(doc.community, cv::kMember))
    if (!e->second.deleted())
      if (const std::string id = e->second.text(cv::f::member_matrix_id.name); cv::is_matrix_id(id)) invite.push_back(id);
  live_connect(p.live, doc.community, text("homeserver"), text("user"), text("password"), text("join"), invite);
  return true;
}

void live_page_answer(LivePage& p, cv::Doc& doc, const platform::Event& e, int64_t now_ms) {
  HttpAnswer a;
  a.id = e.info.value("id", 0);
  a.status = e.info.value("status", 0);
  a.error = e.info.value("error", std::string());
  a.body = e.data;
  live_answer(p.live, doc, a, now_ms);
}

void live_page_step(LivePage& p, cv::Doc& doc, ui::World& w, int64_t now_ms, std::string* notice) {
  // Someone answering an invitation who joined the room: their answers go through it, under their
  // Matrix ID (what the room checks their changes against).
  if (p.live.phase == Live::Syncing && !w.me.empty() && p.answers_sent != doc.community.id && cv::find_live(doc.community, w.me)) {
    p.answers_sent = doc.community.id;
    if (cv::find_live(doc.community, w.me)->text(cv::f::member_matrix_id.name).empty())
      cv::doc_apply(doc, cv::op_set("Matrix ID", w.me, cv::f::member_matrix_id, p.live.user), now_ms);
    for (const auto& [id, r] : cv::member_answers(doc.community, w.me).records) p.live.waiting.insert(id);
    p.live.settings_changed = true;
  }
  const int64_t wake = live_step(p.live, doc, now_ms);
  for (Http& h : p.live.out) {
    nlohmann::json r = {{"id", h.id}, {"method", h.method}, {"url", h.url}, {"token", h.token},
                        {"content_type", h.content_type}, {"timeout_ms", h.timeout_ms}};
    platform::http(r, h.body);
  }
  p.live.out.clear();
  if (!p.live.notices.empty() && notice) *notice = p.live.notices.back();
  p.live.notices.clear();
  if (p.live.settings_changed) store(p);
  if (wake > 0) platform::wake_after_ms(static_cast<int>(std::min<int64_t>(wake, 1000)));  // the countdown moves
  ui::World::LiveInfo& v = w.live;
  v.phase = p.live.phase;
  v.status = live_status(p.live, now_ms);
  v.homeserver = p.live.homeserver;
  v.user = p.live.user;
  v.room = p.live.room;
  v.knocks.assign(p.live.knocks.begin(), p.live.knocks.end());
  if (v.refused.size() != p.live.refused.size() ||
      (!v.refused.empty() && v.refused.back().at_ms != p.live.refused.back().at_ms)) {
    v.refused.clear();
    for (const RefusedChange& r : p.live.refused) v.refused.push_back({r.sender, r.what, r.reason, r.at_ms});
  }
}

nlohmann::json live_page_test_ui(const LivePage& p, int64_t now_ms) {
  const Live& l = p.live;
  nlohmann::json refused = nlohmann::json::array();
  for (const RefusedChange& r : l.refused) refused.push_back({{"sender", r.sender}, {"what", r.what}, {"reason", r.reason}});
  return {{"phase", l.phase}, {"status", live_status(l, now_ms)}, {"room", l.room}, {"user", l.user},
          {"waiting", l.waiting.size() + l.sending.size()}, {"offline", l.offline}, {"error", l.error},
          {"refused", refused}, {"sent_ms", l.sent_ms}, {"received_ms", l.received_ms},
          {"mirrored", l.mirrored.size()}, {"reading", l.first_sync || l.fetch_req || l.gap_req},
          {"knocks", l.knocks}};
}

}  // namespace app
