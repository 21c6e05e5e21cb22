// unit-sync.cpp: who may write what in a live sync. A member writes their own records' own fields
// (profile, objectives, votes, posts) and deletes their own records; a moderator writes everything;
// a forged vote, the convener's fields, the community's records, a record given away, a type changed,
// a type unknown and a sender who is nobody's Matrix ID are refused, each with its reason.
#include <doctest/doctest.h>

#include "core/fields.h"
#include "core/getting_started.h"
#include "core/sync.h"
#include "core/threads.h"
#include "helpers.h"

namespace {

struct Room : testing::Circle {
  Room() {
    add("m0", "Zoë");
    add("m1", "Jürgen");
    add("m2", "Алёна");  // no Matrix ID yet
    apply(cv::op_set("Matrix", "m0", cv::f::member_matrix_id, std::string("@zoe:example.org")));
    apply(cv::op_set("Matrix", "m1", cv::f::member_matrix_id, std::string("@jurgen:example.org")));
    item("o0", cv::kObjective, "m0", "Giving feedback");
    item("o1", cv::kObjective, "m1", "Running retrospectives");
    apply(cv::op_create("Topic", "t1", "topic", {{"title", "Feedback"}, {"proposed_by", "m1"}}));
    apply(cv::op_create("Vote", "vote:t1:m1", "vote", {{"topic", "t1"}, {"member", "m1"}, {"dots", 2}}));
    // The convener's: a topic nobody proposed, and Zoë's attendance at a meeting.
    apply(cv::op_create("Topic", "t3", "topic", {{"title", "Onboarding"}}));
    apply(cv::op_create("Present", "att:g1:m0", "attendance", {{"meeting", "g1"}, {"member", "m0"}, {"present", true}}));
  }
  // Another copy (another actor) edited by `ops`; the change is the records named, whole.
  cv::Community change(const std::vector<cv::Op>& ops, const std::vector<std::string>& ids) {
    cv::Doc other = d;
    other.clock.actor = "other";
    for (const cv::Op& op : ops) REQUIRE(cv::doc_apply(other, op, t.next()));
    cv::Community out;
    out.id = other.community.id;
    for (const std::string& id : ids) out.records.emplace(id, other.community.records.at(id));
    return out;
  }
};

std::vector<std::string> reasons(const cv::SenderCheck& s) {
  std::vector<std::string> out;
  for (const cv::Refused& r : s.refused) out.push_back(r.id + (r.field.empty() ? "" : "." + r.field) + ": " + r.reason);
  return out;
}

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("sync: a member writes their own records, a moderator everything") {
  Room x;
  // Zoë edits her objective and deletes it again: hers, accepted (only what changed is in it).
  cv::Community mine = x.change({cv::op_set("Edit", "o0", cv::f::objective_text, std::string("Giving feedback that lands"))}, {"o0"});
  cv::SenderCheck s = cv::check_sender(x.c(), mine, "@zoe:example.org", false);
  CHECK(s.member == "m0");
  CHECK(s.refused.empty());
  REQUIRE(s.accepted.records.count("o0"));
  CHECK(s.accepted.records.at("o0").fields.size() == 1);
  CHECK(s.accepted.records.at("o0").text("text") == "Giving feedback that lands");
  s = cv::check_sender(x.c(), x.change({cv::op_delete("Remove", "o0", cv::kObjective)}, {"o0"}), " @zoe:example.org ", false);
  CHECK(s.refused.empty());
  CHECK(s.accepted.records.at("o0").deleted());
  // Her profile and a new objective of hers.
  s = cv::check_sender(x.c(), x.change({cv::op_set("Profile", "m0", cv::f::member_pronouns, std::string("she/her")),
                                        cv::op_create("Add", "o9", cv::kObjective, {{"member", "m0"}, {"text", "Facilitation"}})},
                                       {"m0", "o9"}), "@zoe:example.org", false);
  CHECK(s.refused.empty());
  CHECK(s.accepted.records.count("m0") == 1);
  CHECK(s.accepted.records.count("o9") == 1);
  // A moderator may change anything, Jürgen's vote included.
  const cv::Community vote = x.change({cv::op_set("Dots", "vote:t1:m1", cv::f::vote_dots, 5)}, {"vote:t1:m1"});
  s = cv::check_sender(x.c(), vote, "@convener:example.org", true);
  CHECK(s.refused.empty());
  CHECK(s.accepted.records.at("vote:t1:m1").get("dots") == 5);
}

TEST_CASE("sync: forged and overreaching changes are refused, each with its reason") {
  Room x;
  // A forged vote: Zoë changes Jürgen's dots.
  const cv::Community vote = x.change({cv::op_set("Dots", "vote:t1:m1", cv::f::vote_dots, 5)}, {"vote:t1:m1"});
  cv::SenderCheck s = cv::check_sender(x.c(), vote, "@zoe:example.org", false);
  CHECK(s.accepted.records.empty());
  CHECK(reasons(s) == std::vector<std::string>{"vote:t1:m1: it belongs to another member"});
  // The convener's pin on her own objective; the community's name; a topic's state (the convener's).
  s = cv::check_sender(x.c(), x.change({cv::op_set("Pin", "o0", cv::f::objective_group, std::string("g1")),
                                        cv::op_set("Rename", "c1", cv::f::community_name, std::string("Mine now"))},
                                       {"o0", "c1"}), "@zoe:example.org", false);
  CHECK(s.accepted.records.empty());
  CHECK(reasons(s) == std::vector<std::string>{"c1: only moderators may write it: it belongs to the community",
                                               "o0.group: only moderators may write it"});
  // Giving her objective to Jürgen; making one for him; a type changed; a type unknown.
  cv::Community odd = x.change({cv::op_set("Give", "o0", cv::f::objective_member, std::string("m1")),
                                cv::op_create("Add", "o8", cv::kObjective, {{"member", "m1"}, {"text", "Not his"}})},
                               {"o0", "o8"});
  odd.records["o1x"] = odd.records.at("o8");
  odd.records["o1x"].fields["member"].value = "m0";
  odd.records["o1"] = odd.records.at("o8");  // Jürgen's objective, now claimed to be a skill of Zoë's
  odd.records["o1"].type = "skill";
  odd.records["o1"].fields["member"].value = "m0";
  odd.records["z1"] = cv::Record{"newer_kind", {}};
  odd.records["z1"].fields["member"] = odd.records.at("o8").fields.at("member");
  s = cv::check_sender(x.c(), odd, "@zoe:example.org", false);
  CHECK(reasons(s) == std::vector<std::string>{"o0.member: it would give the record to another member",
                                               "o1: it would change its type (objective to skill)",
                                               "o8: it belongs to another member",
                                               "z1: only moderators may write records of a type this version does not know"});
  CHECK(s.accepted.records.size() == 1);
  CHECK(s.accepted.records.count("o1x") == 1);  // a new objective of her own is fine
  // A vote of hers under an id that names Jürgen would take his place: refused; under her own, kept.
  s = cv::check_sender(x.c(), x.change({cv::op_create("Topic", "t2", "topic", {{"title", "Retros"}, {"proposed_by", "m0"}}),
                                        cv::op_create("Vote", "vote:t2:m1", "vote", {{"topic", "t2"}, {"member", "m0"}, {"dots", 3}}),
                                        cv::op_create("Vote", "vote:t2:m0", "vote", {{"topic", "t2"}, {"member", "m0"}, {"dots", 3}})},
                                       {"t2", "vote:t2:m1", "vote:t2:m0"}), "@zoe:example.org", false);
  CHECK(reasons(s) == std::vector<std::string>{"vote:t2:m1: its id names another member"});
  CHECK(s.accepted.records.count("t2") == 1);
  CHECK(s.accepted.records.count("vote:t2:m0") == 1);
  // The convener's topic with no proposer stays the convener's: claiming it as hers is refused.
  s = cv::check_sender(x.c(), x.change({cv::op_set("Claim", "t3", cv::f::topic_proposed_by, std::string("m0")),
                                        cv::op_set("Title", "t3", cv::f::topic_title, std::string("Mine"))},
                                       {"t3"}), "@zoe:example.org", false);
  CHECK(reasons(s) == std::vector<std::string>{"t3: it belongs to no member"});
  // Her attendance is about her but the convener's to note: she may neither tick nor delete it.
  s = cv::check_sender(x.c(), x.change({cv::op_delete("Remove", "att:g1:m0", "attendance")}, {"att:g1:m0"}),
                       "@zoe:example.org", false);
  CHECK(s.accepted.records.empty());
  CHECK(reasons(s) == std::vector<std::string>{"att:g1:m0.deleted: only moderators may delete it"});
  // Taking Jürgen's Matrix ID would let her write as him: refused; a new ID of her own is kept.
  s = cv::check_sender(x.c(), x.change({cv::op_set("Matrix", "m0", cv::f::member_matrix_id, std::string("@jurgen:example.org"))}, {"m0"}),
                       "@zoe:example.org", false);
  CHECK(reasons(s) == std::vector<std::string>{"m0.matrix_id: another member has this Matrix ID"});
  s = cv::check_sender(x.c(), x.change({cv::op_set("Matrix", "m0", cv::f::member_matrix_id, std::string("@zoe:other.org"))}, {"m0"}),
                       "@zoe:example.org", false);
  CHECK(s.refused.empty());
  CHECK(s.accepted.records.at("m0").text("matrix_id") == "@zoe:other.org");
  // Two members with one Matrix ID (a copy edited by hand): the sender is neither.
  cv::Community twice = x.c();
  twice.records.at("m2").fields["matrix_id"] = twice.records.at("m0").fields.at("matrix_id");
  CHECK(cv::check_sender(twice, x.change({cv::op_set("Edit", "o0", cv::f::objective_text, std::string("x"))}, {"o0"}),
                         "@zoe:example.org", false).member.empty());
  // Someone whose Matrix ID no member has: nothing.
  s = cv::check_sender(x.c(), x.change({cv::op_set("Edit", "o0", cv::f::objective_text, std::string("x"))}, {"o0"}),
                       "@stranger:example.org", false);
  CHECK(s.member.empty());
  CHECK(s.accepted.records.empty());
  CHECK(reasons(s) == std::vector<std::string>{"o0: the sender is not a member of this community (no member has their Matrix ID)"});
}

TEST_CASE("sync: someone answering an invitation adds themselves and their objectives, not others") {
  Room x;
  const cv::Community join = x.change({cv::op_create("Join", "m9", cv::kMember, {{"name", "Παύλος"}, {"matrix_id", "@pavlos:example.org"}}),
                                       cv::op_create("Add", "o7", cv::kObjective, {{"member", "m9"}, {"text", "Peer assists"}}),
                                       cv::op_set("Rename", "m2", cv::f::member_name, std::string("Not Алёна"))},
                                      {"m9", "o7", "m2"});
  const cv::SenderCheck s = cv::check_sender(x.c(), join, "@pavlos:example.org", false);
  CHECK(s.member == "m9");
  CHECK(s.accepted.records.count("m9") == 1);
  CHECK(s.accepted.records.count("o7") == 1);
  CHECK(reasons(s) == std::vector<std::string>{"m2: it belongs to another member"});
  // The same member record sent by someone else is not theirs.
  CHECK(cv::check_sender(x.c(), join, "@zoe:example.org", false).accepted.records.count("m9") == 0);
}

TEST_CASE("sync: changes as events under Matrix's size limit, read back by the file import") {
  Room x;
  // 300 objectives of about 400 bytes: several events, each under the limit, every record once.
  std::vector<std::string> ids;
  for (int i = 0; i < 300; ++i) {
    const std::string id = "ob" + std::to_string(i);
    x.item(id, cv::kObjective, "m0", "Żaneta's objective " + std::to_string(i) + ": " + std::string(380, 'x'));
    ids.push_back(id);
    ids.push_back(id);  // named twice: sent once
  }
  std::vector<std::string> too_large;
  const std::vector<cv::RecordsEvent> events = cv::records_events(x.c(), ids, &too_large);
  CHECK(too_large.empty());
  REQUIRE(events.size() >= 2);
  size_t carried = 0;
  cv::Community back;
  back.id = x.c().id;
  for (const cv::RecordsEvent& e : events) {
    CHECK(e.content.dump().size() <= cv::kMaxEventContent);
    carried += e.ids.size();
    const cv::Parsed p = cv::read_records_event(e.content, x.c(), x.t.ms);
    REQUIRE_MESSAGE(p.ok, p.error);
    CHECK(p.community.records.size() == e.ids.size());
    cv::merge_into(back, p.community);
  }
  CHECK(carried == 300);
  for (int i = 0; i < 300; ++i) CHECK(back.records.at("ob" + std::to_string(i)).text("text") == x.c().records.at("ob" + std::to_string(i)).text("text"));
  // A record larger than an event may be is left out, and named.
  x.item("big", cv::kObjective, "m0", std::string(70000, 'y'));
  too_large.clear();
  CHECK(cv::records_events(x.c(), {"big", "o0"}, &too_large).size() == 1);
  CHECK(too_large == std::vector<std::string>{"big"});
}

TEST_CASE("sync: an event that is not this community's, broken, or from the future is refused") {
  Room x;
  const cv::json good = cv::records_events(x.c(), {"o0"}, nullptr).at(0).content;
  CHECK(cv::read_records_event(good, x.c(), x.t.ms).ok);
  CHECK(cv::read_records_event(cv::json{{"file", 3}}, x.c(), x.t.ms).error == "it carries no community file");
  cv::json broken = good;
  broken["file"] = good["file"].get<std::string>().substr(0, 40);
  CHECK_FALSE(cv::read_records_event(broken, x.c(), x.t.ms).ok);
  cv::Community other = x.c();
  other.id = "another";
  other.records.clear();
  other.records.emplace("o0", x.c().records.at("o0"));
  const cv::Parsed p = cv::read_records_event(cv::records_events(other, {"o0"}, nullptr).at(0).content, x.c(), x.t.ms);
  CHECK(p.error == "it holds another community (another)");
  // Stamps two days ahead of this device's clock would win every later edit.
  CHECK_FALSE(cv::read_records_event(good, x.c(), x.t.ms - 2 * 24 * 3600 * 1000LL).ok);
  // A type changed under an id.
  cv::Community retyped;
  retyped.id = x.c().id;
  retyped.records["o0"] = x.c().records.at("o0");
  retyped.records["o0"].type = "skill";
  CHECK_FALSE(cv::read_records_event(cv::records_events(retyped, {"o0"}, nullptr).at(0).content, x.c(), x.t.ms).ok);
}

TEST_CASE("sync: a message from another Matrix client is a post by its sender, the same in every copy") {
  Room x;
  REQUIRE(x.apply(cv::op_start_thread("th1", "ask", "m0", "How do you open a retro?", "", {}, x.t.ms)));
  const cv::json event = {{"event_id", "$reply1:example.org"}, {"sender", "@jurgen:example.org"},
                          {"origin_server_ts", 1800000000000LL}, {"type", "m.room.message"},
                          {"content", {{"msgtype", "m.text"}, {"body", "  With a check-in, Παύλος style.  "}}}};
  CHECK(cv::member_with_matrix_id(x.c(), "@jurgen:example.org") == "m1");
  CHECK(cv::member_with_matrix_id(x.c(), "@nobody:example.org").empty());
  const cv::Community a = cv::message_as_post(x.c().id, event, "th1", "m1");
  const cv::Community b = cv::message_as_post(x.c().id, event, "th1", "m1");
  CHECK(cv::to_file(a) == cv::to_file(b));  // every copy makes the same record
  REQUIRE(a.records.size() == 1);
  const auto& [id, reply] = *a.records.begin();
  CHECK(id.rfind("mx-", 0) == 0);
  CHECK(reply.type == cv::kReply);
  CHECK(reply.text("thread") == "th1");
  CHECK(reply.text("author") == "m1");
  CHECK(reply.text("body") == "With a check-in, Παύλος style.");
  CHECK(cv::parse_file(cv::to_file(a)).ok);  // the format reads it back
  // Jürgen may write it; Zoë sending it as Jürgen's may not.
  CHECK(cv::check_sender(x.c(), a, "@jurgen:example.org", false).refused.empty());
  CHECK(cv::check_sender(x.c(), a, "@zoe:example.org", false).accepted.records.empty());
  // Not in a thread: a new thread, its first line the title.
  cv::json top = event;
  top["event_id"] = "$top:example.org";
  top["content"]["body"] = "Book for May?\nI would like Radical Candor.";
  const cv::Community t = cv::message_as_post(x.c().id, top, "", "m1");
  REQUIRE(t.records.size() == 1);
  CHECK(t.records.begin()->second.type == cv::kThread);
  CHECK(t.records.begin()->second.text("title") == "Book for May?");
  CHECK(t.records.begin()->second.text("body") == "I would like Radical Candor.");
  // The messages other clients show: the thread, and a reply in it.
  const cv::json root = cv::thread_message(x.c().records.at("th1"), "th1");
  CHECK(root["body"] == "How do you open a retro?");
  CHECK(root[cv::kThreadKey] == "th1");
  const cv::json r = cv::reply_message(reply, id, "$root");
  CHECK(r["m.relates_to"]["rel_type"] == "m.thread");
  CHECK(r["m.relates_to"]["event_id"] == "$root");
  CHECK(r[cv::kReplyKey] == id);
}

TEST_CASE("sync: the doc keeps the records this person changed while the sync asks for them") {
  Room x;
  x.apply(cv::op_set("Edit", "o0", cv::f::objective_text, std::string("untracked")));
  CHECK(x.d.touched.empty());
  x.d.track = true;
  x.apply(cv::op_set("Edit", "o0", cv::f::objective_text, std::string("tracked")));
  x.apply(cv::op_set("Edit", "o1", cv::f::objective_text, std::string("tracked too")));
  CHECK(x.d.touched == std::vector<std::string>{"o0", "o1"});
  x.d.touched.clear();
  REQUIRE(cv::doc_undo(x.d, x.t.next()));
  CHECK(x.d.touched == std::vector<std::string>{"o1"});  // an undo is a change to send too
  x.d.touched.clear();
  cv::Community other = x.c();
  other.records["o0"].fields["text"] = {cv::json("from another tab"), cv::Stamp{x.t.next() + 5, 0, "other"}};
  CHECK(cv::doc_absorb(x.d, other));
  CHECK(x.d.touched.empty());  // another tab's change is not this person's to send
}

}  // TEST_SUITE
