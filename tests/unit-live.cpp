// unit-live.cpp: the live sync's state machine (src/app/live.h) against answers written here, the way
// unit-saver.cpp runs the Saver: what it asks a homeserver, what it makes of the answers. The real
// homeserver is in web/tests/matrix.test.mjs.
#include <doctest/doctest.h>

#include "app/live.h"
#include "core/fields.h"
#include "core/getting_started.h"
#include "core/threads.h"
#include "core/sync.h"
#include "helpers.h"

namespace {

using nlohmann::json;

struct Sync : testing::Circle {
  app::Live l;
  Sync() {
    add("m0", "Zoë");
    add("m1", "Jürgen");
    apply(cv::op_set("Matrix", "m0", cv::f::member_matrix_id, std::string("@zoe:hs")));
    apply(cv::op_set("Matrix", "m1", cv::f::member_matrix_id, std::string("@jurgen:hs")));
    item("o0", cv::kObjective, "m0", "Giving feedback");
  }
  app::Http take(const std::string& method, const std::string& path_part) {
    REQUIRE(!l.out.empty());
    app::Http h = l.out.front();
    l.out.erase(l.out.begin());
    CHECK(h.method == method);
    CHECK_MESSAGE(h.url.find(path_part) != std::string::npos, h.url);
    return h;
  }
  void answer(const app::Http& h, int status, const json& body, const std::string& error = "") {
    app::HttpAnswer a{h.id, status, error, body.is_null() ? std::string() : body.dump()};
    app::live_answer(l, d, a, t.next());
  }
  int64_t step() { return app::live_step(l, d, t.ms); }
  // Signs in as Zoë and joins the room.
  void joined() {
    app::live_connect(l, c(), "hs.example", "@zoe:hs", "secret", "#circle:hs", {});
    answer(take("POST", "/_matrix/client/v3/login"), 200, {{"access_token", "tok"}, {"user_id", "@zoe:hs"}});
    answer(take("POST", "/join/%23circle%3Ahs"), 200, {{"room_id", "!r:hs"}});
    answer(take("GET", "/rooms/%21r%3Ahs/state"), 200,
           json::array({{{"type", cv::kRoomState}, {"state_key", ""}, {"content", {{"community", c().id}}}},
                        // Room version 12: the creator is above every power level, and not among them.
                        {{"type", "m.room.create"}, {"state_key", ""}, {"sender", "@zoe:hs"}, {"content", {{"room_version", "12"}}}},
                        {{"type", "m.room.power_levels"}, {"state_key", ""}, {"content", {{"users", json::object()}}}}}));
    REQUIRE(l.phase == app::Live::Syncing);
  }
  json records_event(const std::string& sender, const cv::Community& change, const std::string& id) {
    json content = cv::records_events(change, {change.records.begin()->first}, nullptr).at(0).content;
    return {{"type", cv::kRecordsEvent}, {"sender", sender}, {"event_id", id}, {"content", content}};
  }
};

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("live: a wrong password, an unreachable homeserver and an encrypted room say so") {
  Sync x;
  app::live_connect(x.l, x.c(), "hs.example/", "@zoe:hs", "wrong", "", {});
  app::Http login = x.take("POST", "https://hs.example/_matrix/client/v3/login");
  CHECK(json::parse(login.body)["identifier"]["user"] == "@zoe:hs");
  x.answer(login, 403, {{"errcode", "M_FORBIDDEN"}, {"error", "Invalid username or password"}});
  CHECK(x.l.phase == app::Live::Failed);
  CHECK(app::live_status(x.l, 0) == "The homeserver refused this user ID and password: Invalid username or password (M_FORBIDDEN).");
  CHECK(x.l.password.empty());
  app::live_connect(x.l, x.c(), "http://127.0.0.1:9", "@zoe:hs", "pw", "", {});
  x.answer(x.take("POST", "/login"), 0, nullptr, "Failed to fetch");
  CHECK(app::live_status(x.l, 0) == "Cannot reach the homeserver at http://127.0.0.1:9: Failed to fetch.");
  app::live_connect(x.l, x.c(), "hs", "@zoe:hs", "pw", "#secret:hs", {});
  x.answer(x.take("POST", "/login"), 200, {{"access_token", "tok"}, {"user_id", "@zoe:hs"}});
  x.answer(x.take("POST", "/join/"), 200, {{"room_id", "!e:hs"}});
  x.answer(x.take("GET", "/state"), 200, json::array({{{"type", "m.room.encryption"}, {"state_key", ""}, {"content", json::object()}}}));
  CHECK(x.l.phase == app::Live::Failed);
  CHECK(x.l.error.find("end-to-end encrypted") != std::string::npos);
}

TEST_CASE("live: a forged vote is refused and logged; the member's own change merges") {
  Sync x;
  x.joined();
  x.step();
  app::Http sync = x.take("GET", "/sync?filter=");
  CHECK(sync.url.find("timeout=0") != std::string::npos);  // the first read does not wait
  // Jürgen (not a moderator) changes Zoë's objective and his own name.
  cv::Doc other = x.d;
  other.clock.actor = "other";
  REQUIRE(cv::doc_apply(other, cv::op_set("Forge", "o0", cv::f::objective_text, std::string("forged")), x.t.next()));
  REQUIRE(cv::doc_apply(other, cv::op_set("Rename", "m1", cv::f::member_name, std::string("Jürgen K.")), x.t.next()));
  cv::Community forged{other.community.id, {{"o0", other.community.records.at("o0")}}, {}};
  cv::Community own{other.community.id, {{"m1", other.community.records.at("m1")}}, {}};
  x.answer(sync, 200, {{"next_batch", "s1"},
                       {"rooms", {{"join", {{"!r:hs", {{"timeline", {{"events", {x.records_event("@jurgen:hs", forged, "$1"),
                                                                                x.records_event("@jurgen:hs", own, "$2")}}}}}}}}}}});
  CHECK(x.c().records.at("o0").text("text") == "Giving feedback");
  CHECK(x.c().records.at("m1").text("name") == "Jürgen K.");
  REQUIRE(x.l.refused.size() == 1);
  CHECK(x.l.refused[0].sender == "@jurgen:hs");
  CHECK(x.l.refused[0].what == "objective o0");
  CHECK(x.l.refused[0].reason == "it belongs to another member");
  CHECK(x.l.since == "s1");
  CHECK(app::live_status(x.l, 0) == "synced");
  // Zoë created the room: she may change anything (Jürgen's name back).
  REQUIRE(cv::doc_apply(other, cv::op_set("Rename", "m1", cv::f::member_name, std::string("Jürgen")), x.t.next()));
  cv::Community by_zoe{other.community.id, {{"m1", other.community.records.at("m1")}}, {}};
  x.step();
  x.answer(x.take("GET", "/sync?filter="), 200,
           {{"next_batch", "s1"}, {"rooms", {{"join", {{"!r:hs", {{"timeline", {{"events", {x.records_event("@zoe:hs", by_zoe, "$3")}}}}}}}}}}});
  CHECK(x.c().records.at("m1").text("name") == "Jürgen");
  CHECK(x.l.refused.size() == 1);
  // The next poll waits on the server, from where the last one ended.
  x.l.sync_req = 0;
  x.step();
  app::Http next = x.take("GET", "/sync?filter=");
  CHECK(next.url.find("since=s1") != std::string::npos);
  CHECK(next.url.find("timeout=30000") != std::string::npos);
}

TEST_CASE("live: changes made offline wait, survive a reload, and go when the network returns") {
  Sync x;
  x.joined();
  x.step();
  x.answer(x.take("GET", "/sync"), 200, {{"next_batch", "s1"}});
  x.step();
  app::Http poll = x.take("GET", "/sync");
  // An edit, and the network goes.
  x.apply(cv::op_set("Edit", "o0", cv::f::objective_text, std::string("Giving feedback that lands")));
  x.answer(poll, 0, nullptr, "Failed to fetch");
  CHECK(x.l.offline);
  CHECK(x.step() > 0);  // waits before trying again
  CHECK(x.l.out.empty());
  CHECK(app::live_status(x.l, x.t.ms).rfind("offline (retrying in ", 0) == 0);
  CHECK(app::live_status(x.l, x.t.ms).find("1 change waiting") != std::string::npos);
  // The tab closes: what it keeps holds the change; a new tab takes it up.
  const json kept = app::live_settings(x.l);
  CHECK(kept["waiting"] == json::array({"o0"}));
  CHECK(kept["token"] == "tok");
  app::Live again;
  REQUIRE(app::live_resume(again, x.c().id, kept));
  CHECK_FALSE(app::live_resume(again, "another community", kept));
  REQUIRE(app::live_resume(again, x.c().id, kept));
  x.l = again;
  x.t.next(), x.t.next();
  x.step();  // who may write is read again first
  x.answer(x.take("GET", "/rooms/%21r%3Ahs/state"), 200, json::array());
  x.step();
  x.answer(x.take("GET", "/sync"), 200, {{"next_batch", "s2"}});
  x.step();
  x.take("GET", "/sync");
  app::Http send = x.take("PUT", "/rooms/%21r%3Ahs/send/org.cultivate.records/");
  const cv::Parsed p = cv::read_records_event(json::parse(send.body), x.c(), x.t.ms);
  REQUIRE(p.ok);
  CHECK(p.community.records.at("o0").text("text") == "Giving feedback that lands");
  CHECK(app::live_status(x.l, x.t.ms) == "1 change waiting");
  x.answer(send, 200, {{"event_id", "$s"}});
  CHECK(app::live_status(x.l, x.t.ms) == "synced");
  CHECK(app::live_settings(x.l)["waiting"].empty());
}

TEST_CASE("live: a thread goes as a message too, and a reply from another client comes back as a post") {
  Sync x;
  x.joined();
  x.step();
  x.answer(x.take("GET", "/sync"), 200, {{"next_batch", "s1"}});
  x.apply(cv::op_start_thread("th1", "ask", "m0", "How do you open a retro?", "", {}, x.t.ms));
  x.step();
  x.take("GET", "/sync");
  x.answer(x.take("PUT", "/send/org.cultivate.records/"), 200, {{"event_id", "$rec"}});
  x.step();
  app::Http msg = x.take("PUT", "/send/m.room.message/");
  CHECK(json::parse(msg.body)[cv::kThreadKey] == "th1");
  x.answer(msg, 200, {{"event_id", "$root"}});
  CHECK(x.l.roots.at("th1") == "$root");
  // Jürgen answers in Element, in the thread.
  const json reply = {{"type", "m.room.message"}, {"sender", "@jurgen:hs"}, {"event_id", "$el"},
                      {"origin_server_ts", x.t.ms + 10},
                      {"content", {{"msgtype", "m.text"}, {"body", "A check-in round."},
                                   {"m.relates_to", {{"rel_type", "m.thread"}, {"event_id", "$root"}}}}}};
  cv::Community before = x.c();
  x.l.sync_req = 0;
  x.step();
  x.answer(x.take("GET", "/sync"), 200, {{"next_batch", "s2"}, {"rooms", {{"join", {{"!r:hs", {{"timeline", {{"events", {reply}}}}}}}}}}});
  size_t replies = 0;
  for (const auto& [id, r] : x.c().records)
    if (r.type == cv::kReply && r.text("thread") == "th1" && r.text("author") == "m1" && r.text("body") == "A check-in round.") ++replies;
  CHECK(replies == 1);
  CHECK(x.l.received_ms > 0);
}

TEST_CASE("live: a refused send keeps its change, connecting again keeps the queue, a gap's old state is not taken") {
  Sync x;
  x.joined();
  x.step();
  x.answer(x.take("GET", "/sync"), 200, {{"next_batch", "s1"}});
  x.apply(cv::op_set("Edit", "o0", cv::f::objective_text, std::string("kept")));
  x.step();
  x.take("GET", "/sync");
  // The room refuses it now (a power level raised): it stays waiting, and the status says why.
  x.answer(x.take("PUT", "/send/org.cultivate.records/"), 403, {{"errcode", "M_FORBIDDEN"}, {"error", "not allowed"}});
  CHECK(app::live_settings(x.l)["waiting"] == json::array({"o0"}));
  CHECK(app::live_status(x.l, x.t.ms).find("the room refused a change: not allowed (M_FORBIDDEN)") == 0);
  // Signed out: connecting again to the same community keeps it.
  app::live_connect(x.l, x.c(), "hs.example", "@zoe:hs", "secret", "#circle:hs", {});
  CHECK(x.l.waiting == std::set<std::string>{"o0"});
  x.l.out.clear();
  x.joined();
  CHECK(x.l.waiting == std::set<std::string>{"o0"});
  // A gap read back: a power level from history (Jürgen a moderator then) is not taken, and the
  // room's state is read again before the next poll.
  x.step();
  x.answer(x.take("GET", "/sync"), 200, {{"next_batch", "s2"},
      {"rooms", {{"join", {{"!r:hs", {{"timeline", {{"limited", true}, {"prev_batch", "p1"}, {"events", json::array()}}}}}}}}}});
  app::Http gap = x.take("GET", "/messages?dir=b");
  x.answer(gap, 200, {{"chunk", {{{"type", "m.room.power_levels"}, {"state_key", ""}, {"sender", "@zoe:hs"},
                                 {"content", {{"users", {{"@jurgen:hs", 100}}}}}}}}});
  CHECK(x.l.power.count("@jurgen:hs") == 0);
  CHECK(x.l.need_state);
}

TEST_CASE("live: not invited, a newcomer asks to be let in, and joins once a moderator invites them") {
  Sync x;
  app::live_connect(x.l, x.c(), "hs", "@pavlos:hs", "pw", "!r:hs", {});
  x.answer(x.take("POST", "/login"), 200, {{"access_token", "tok"}, {"user_id", "@pavlos:hs"}});
  x.answer(x.take("POST", "/join/%21r%3Ahs"), 403, {{"errcode", "M_FORBIDDEN"}, {"error", "You are not invited to this room."}});
  x.answer(x.take("POST", "/knock/%21r%3Ahs"), 200, {{"room_id", "!r:hs"}});
  CHECK(x.l.phase == app::Live::Knocking);
  CHECK(app::live_status(x.l, 0) == "asked to join the room: waiting for a moderator to let you in");
  CHECK(app::live_settings(x.l)["knocking"] == true);  // a reload waits on
  x.step();
  x.answer(x.take("GET", "/sync?filter="), 200, {{"next_batch", "k1"}});
  CHECK(x.l.phase == app::Live::Knocking);
  x.step();
  app::Http wait = x.take("GET", "since=k1");
  x.answer(wait, 200, {{"next_batch", "k2"}, {"rooms", {{"invite", {{"!r:hs", json::object()}}}}}});
  CHECK(x.l.phase == app::Live::Joining);
  x.answer(x.take("POST", "/join/%21r%3Ahs"), 200, {{"room_id", "!r:hs"}});
  x.answer(x.take("GET", "/state"), 200, json::array({{{"type", cv::kRoomState}, {"state_key", ""}, {"content", {{"community", x.c().id}}}}}));
  CHECK(x.l.phase == app::Live::Syncing);
  CHECK(x.l.since.empty());  // the room is read from its start
  // Declined: said.
  app::live_connect(x.l, x.c(), "hs", "@pavlos:hs", "pw", "!r:hs", {});
  x.answer(x.take("POST", "/login"), 200, {{"access_token", "tok"}, {"user_id", "@pavlos:hs"}});
  x.answer(x.take("POST", "/join/"), 403, {{"errcode", "M_FORBIDDEN"}, {"error", "not invited"}});
  x.answer(x.take("POST", "/knock/"), 200, {{"room_id", "!r:hs"}});
  x.step();
  x.answer(x.take("GET", "/sync"), 200, {{"next_batch", "k3"}, {"rooms", {{"leave", {{"!r:hs", json::object()}}}}}});
  CHECK(app::live_status(x.l, 0) == "A moderator of the room did not let you in.");
}

}  // TEST_SUITE
