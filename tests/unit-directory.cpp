// unit-directory.cpp: the member directory. Profiles with what each brought, the filter (accents
// folded, organisation and time zone), "who can help" ranked with reasons from every kind of source,
// and the exports: a printable page and vCards, escaped and folded as RFC 2426 asks; suggested
// introductions (never between members who met) and the breakout groups that then seat them together.
#include <doctest/doctest.h>

#include "core/cases.h"
#include "core/directory.h"
#include "core/text.h"
#include "core/network.h"
#include "core/breakouts.h"
#include "core/getting_started.h"
#include "core/live_run.h"
#include "core/meetings.h"
#include "helpers.h"

namespace {

struct Circle : testing::Circle {
  Circle() {
    add("m1", "Zoë Ñúñez");
    add("m2", "Jürgen");
    add("m3", "Алёна");
    add("m4", "Παύλος");
    add("m5", "Żaneta");
    profile("m1", cv::f::member_organisation, "Acme; R&D");
    profile("m1", cv::f::member_time_zone, "Europe/Madrid");
    profile("m1", cv::f::member_pronouns, "she/her");
    profile("m1", cv::f::member_contact, "zoe@example.org, +34 600 123 456, Signal");
    profile("m1", cv::f::member_matrix_id, "@zoe:example.org");
    profile("m2", cv::f::member_organisation, "Stadtwerke");
    profile("m2", cv::f::member_time_zone, "Europe/Berlin");
    profile("m2", cv::f::member_ask_me_about, "feedback models, retrospectives");
    profile("m3", cv::f::member_time_zone, "Europe/Madrid");
  }
  void profile(const std::string& id, cv::TextField f, const std::string& v) { apply(cv::op_set("Profile", id, f, v)); }
};

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("directory: a profile per member with what they brought, filtered without accents") {
  Circle x;
  x.item("o1", cv::kObjective, "m3", "giving feedback");
  x.item("s1", cv::kSkill, "m4", "facilitation");
  const auto all = cv::directory(x.c());
  REQUIRE(all.size() == 5);
  CHECK(all[0].name == "Jürgen");  // reading order
  const cv::Profile& alena = all[4];
  CHECK(alena.name == "Алёна");    // Cyrillic after Greek and Latin
  CHECK(alena.objectives == std::vector<std::string>{"giving feedback"});
  auto names = [&](const std::string& q, const std::string& org = "", const std::string& tz = "") {
    std::vector<std::string> out;
    for (const cv::Profile& p : all)
      if (cv::profile_matches(p, q, org, tz)) out.push_back(p.name);
    return out;
  };
  CHECK(names("nunez") == std::vector<std::string>{"Zoë Ñúñez"});
  CHECK(names("ZOË acme") == std::vector<std::string>{"Zoë Ñúñez"});
  CHECK(names("алена") == std::vector<std::string>{"Алёна"});
  CHECK(names("facilitation") == std::vector<std::string>{"Παύλος"});
  CHECK(names("", "", "Europe/Madrid") == std::vector<std::string>{"Zoë Ñúñez", "Алёна"});
  CHECK(names("", "Stadtwerke") == std::vector<std::string>{"Jürgen"});
  CHECK(names("").size() == 5);
  CHECK(cv::distinct_values(all, &cv::Profile::time_zone) == std::vector<std::string>{"Europe/Berlin", "Europe/Madrid"});
  CHECK(cv::is_matrix_id("@zoe:example.org"));
  for (const char* bad : {"zoe:example.org", "@zoe", "@:example.org", "@zoe:", "@zo e:example.org"})
    CHECK_FALSE(cv::is_matrix_id(bad));
}

TEST_CASE("who can help: skills and 'ask me about' first, then what was presented, helped with, and learned") {
  Circle x;
  x.item("s1", cv::kSkill, "m4", "giving feedback in code reviews");
  x.item("s2", cv::kSkill, "m5", "feedback conversations", "present");
  x.item("s3", cv::kSkill, "m3", "budget spreadsheets");
  x.item("o1", cv::kObjective, "m1", "feedback skills");
  // Jürgen presented a topic in a meeting that ended.
  x.apply(cv::op_new_meeting(x.c(), "g1", "Regular meeting", "2027-02-04", "18:30"));
  for (const cv::Block& b : cv::agenda(x.c(), "g1"))
    if (b.kind == "input") {
      x.apply(cv::op_set("Lead", b.id, cv::f::block_lead, std::string("m2")));
      x.apply(cv::op_set("Title", b.id, cv::f::block_title, std::string("Feedback models")));
    }
  const auto blocks = cv::agenda(x.c(), "g1");
  x.apply(cv::op_run_start("g1", blocks, 1000));
  x.apply(cv::op_run_move(*cv::find_live(x.c(), "g1"), "g1", blocks, static_cast<int>(blocks.size()), 2000));
  // Alena made a suggestion on a case about feedback.
  x.apply(cv::op_bring_case("k1", "m4", "Feedback nobody hears", "How do I give feedback that lands?", "", true));
  x.apply(cv::op_case_note("n1", "k1", "m3", "suggestion", "Ask first what they want to hear", 5000));

  const auto h = cv::who_can_help(x.c(), "feedback");
  std::vector<std::string> order;
  for (const auto& one : h) order.push_back(one.name);
  // Who knows it and presented it, who offers to present it, who has the skill, who helped on a
  // case about it, who wants to learn it.
  CHECK(order == std::vector<std::string>{"Jürgen", "Żaneta", "Παύλος", "Алёна", "Zoë Ñúñez"});
  CHECK(h[1].reasons == std::vector<std::string>{"skill: \u201cfeedback conversations\u201d (offers to present)"});
  const auto find = [&](const char* name) {
    for (const auto& one : h)
      if (one.name == name) return one;
    return cv::Helper{};
  };
  CHECK(find("Jürgen").reasons.size() == 2);
  CHECK(find("Jürgen").reasons[0] == "ask me about: \u201cfeedback models\u201d");
  CHECK(find("Jürgen").reasons[1] == "presented \u201cFeedback models\u201d on 2027-02-04");
  CHECK(find("Алёна").reasons == std::vector<std::string>{"helped with the case \u201cFeedback nobody hears\u201d"});
  CHECK(find("Zoë Ñúñez").reasons == std::vector<std::string>{"also wants to learn: \u201cfeedback skills\u201d"});
  // Only generic words in common: nobody; nothing asked: nobody.
  CHECK(cv::who_can_help(x.c(), "team").empty());
  CHECK(cv::who_can_help(x.c(), "").empty());
  CHECK(cv::who_can_help(x.c(), "budgets")[0].name == "Алёна");  // a close word form
  CHECK(cv::who_can_help(x.c(), "feedback", 2).size() == 2);
  // Someone who left helps no more.
  x.apply(cv::op_delete("Remove", "m5", cv::kMember));
  CHECK(cv::who_can_help(x.c(), "feedback")[0].name != "Żaneta");
}

TEST_CASE("introductions: a skill or 'ask me about' meets an objective or problem, never between members who met") {
  Circle x;
  x.item("s1", cv::kSkill, "m4", "Facilitating retrospectives");
  x.item("s2", cv::kSkill, "m3", "budget spreadsheets");
  x.item("o1", cv::kObjective, "m1", "Run better retrospectives");
  x.item("o2", cv::kObjective, "m5", "Learn feedback models");  // Jürgen: ask me about "feedback models, retrospectives"
  x.item("p1", cv::kProblem, "m4", "Our budget spreadsheets break every month");
  x.item("o3", cv::kObjective, "m2", "team work");  // generic words only: nobody
  auto pairs = [&] {
    std::vector<std::string> out;
    for (const cv::Introduction& i : cv::suggested_introductions(x.c())) out.push_back(i.helper + ">" + i.learner);
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(pairs() == std::vector<std::string>{"m2>m1", "m2>m5", "m3>m4", "m4>m1"});
  const auto all = cv::suggested_introductions(x.c());
  for (const cv::Introduction& i : all)
    if (i.helper == "m4")
      CHECK(i.reason == "Παύλος, skill: \u201cFacilitating retrospectives\u201d \u00b7 Zoë Ñúñez wants to learn "
                        "\u201cRun better retrospectives\u201d");
  // Members who met in a breakout are not suggested; nor those already introduced (an introduction is a tie).
  x.apply(cv::op_create("Round", "r1", cv::kBreakout, {{"session", "s"}, {"round", 1}, {"groups", cv::Groups{{"m2", "m5"}}}}));
  CHECK(pairs() == std::vector<std::string>{"m2>m1", "m3>m4", "m4>m1"});
  x.apply(cv::op_introduce("m4", "m1", all[0].reason, "", 1'800'000'000'000));
  CHECK(pairs() == std::vector<std::string>{"m2>m1", "m3>m4"});
  CHECK(cv::introduced_pairs(x.c()) == std::vector<std::pair<std::string, std::string>>{{"m1", "m4"}});
  // In slices of any size, with the caller's network or reading its own: the same suggestions.
  const auto whole = cv::suggested_introductions(x.c());
  REQUIRE(whole.size() == 2);
  const cv::Network net = cv::network(x.c());
  for (const long long budget : {1LL, 7LL, 1000LL})
    for (const cv::Network* given : {&net, static_cast<const cv::Network*>(nullptr)}) {
      cv::IntroRun run = cv::introductions_begin(x.c(), 20, given);
      int slices = 0;
      float progress = 0;
      while (cv::introductions_step(run, x.c(), budget)) {
        ++slices;
        CHECK(cv::introductions_progress(run) >= progress);
        progress = cv::introductions_progress(run);
        CHECK(progress < 1);
      }
      CHECK(cv::introductions_progress(run) == 1);
      CHECK(slices >= (budget == 1 ? 20 : 0));
      REQUIRE(run.introductions.size() == whole.size());
      for (size_t i = 0; i < whole.size(); ++i) {
        CHECK(run.introductions[i].helper == whole[i].helper);
        CHECK(run.introductions[i].learner == whole[i].learner);
        CHECK(run.introductions[i].reason == whole[i].reason);
        CHECK(run.introductions[i].score == whole[i].score);
      }
    }
  // The message names both, why, and how to reach each.
  const std::string msg = cv::introduction_message(x.c(), "m1", "m4", "Παύλος runs retrospectives");
  CHECK(msg.find("Hello Zoë Ñúñez and Παύλος,") == 0);
  CHECK(msg.find("Παύλος runs retrospectives") != std::string::npos);
  CHECK(msg.find("Zoë Ñúñez: zoe@example.org, +34 600 123 456, Signal, Matrix @zoe:example.org") != std::string::npos);
  CHECK(msg.find("Παύλος: ask me how to reach them") != std::string::npos);
  // The next groups seat the introduced pair together: with history that keeps everyone else apart
  // from their first choice, the solver still puts Zoë and Παύλος in one pair.
  std::vector<std::string> members;
  cv::GroupsRequest req{{"m1", "m2", "m3", "m4", "m5"}, 2, 0, 1, true, "s2"};
  cv::GroupsProblem p = cv::groups_problem(x.c(), req, members);
  REQUIRE(p.prefer.size() == 1);
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    p.seed = seed;
    const cv::GroupsResult r = cv::solve_groups(p);
    REQUIRE(r.ok);
    CHECK(r.quality.preferred_met == 1);
    CHECK(r.quality.repeated_pairs == 0);
  }
  // Once they met in a breakout, the preference is gone.
  x.apply(cv::op_create("Round", "r2", cv::kBreakout, {{"session", "s"}, {"round", 2}, {"groups", cv::Groups{{"m1", "m4"}}}}));
  CHECK(cv::groups_problem(x.c(), req, members).prefer.empty());
}

TEST_CASE("directory exports: a printable page, and vCards escaped and folded") {
  Circle x;
  x.item("s1", cv::kSkill, "m1", "Design, research; writing");
  x.profile("m2", cv::f::member_ask_me_about, std::string(30, 'x') + " " + std::string(60, 'y'));
  const std::string html = cv::directory_html(x.c());
  CHECK(html.find("Zoë Ñúñez (she/her)") != std::string::npos);
  CHECK(html.find("Acme; R&amp;D") != std::string::npos);
  const std::string vcf = cv::directory_vcf(x.c());
  std::string unfolded = vcf;  // long lines are folded (CRLF and a space); what they say, read whole
  for (size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(at, 3);
  size_t cards = 0;
  for (size_t at = vcf.find("BEGIN:VCARD\r\nVERSION:3.0\r\n"); at != std::string::npos; at = vcf.find("BEGIN:VCARD", at + 1)) ++cards;
  CHECK(cards == 5);
  CHECK(unfolded.find("FN:Zoë Ñúñez\r\n") != std::string::npos);
  CHECK(unfolded.find("ORG:Acme\\; R&D\r\n") != std::string::npos);
  CHECK(unfolded.find("EMAIL;TYPE=INTERNET:zoe@example.org\r\n") != std::string::npos);
  CHECK(unfolded.find("TEL:+34 600 123 456\r\n") != std::string::npos);
  CHECK(unfolded.find("IMPP:matrix:@zoe:example.org\r\n") != std::string::npos);
  CHECK(unfolded.find("Skills: Design\\, research\\; writing") != std::string::npos);
  CHECK(unfolded.find("Reach: Signal") != std::string::npos);
  // Every line at most 75 octets, continued lines start with a space.
  size_t start = 0;
  for (size_t end; (end = vcf.find("\r\n", start)) != std::string::npos; start = end + 2) CHECK(end - start <= 75);
  CHECK(vcf.find("\r\n ") != std::string::npos);
}

TEST_CASE("directory exports carry names in every script as written, not as drawn on screen") {
  Circle x;
  const char* names[] = {"李伟 (Li Wei)", "김민준", "علي سلام", "נועה כהן", "किरण", "สมชาย"};
  for (size_t i = 0; i < std::size(names); ++i) x.add("w" + std::to_string(i), names[i]);
  const std::string html = cv::directory_html(x.c()), vcf = cv::directory_vcf(x.c());
  std::string unfolded = vcf;
  for (size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(at, 3);
  for (const char* name : names) {
    CHECK(html.find(name) != std::string::npos);
    CHECK(unfolded.find("FN:" + cv::ics_text(name) + "\r\n") != std::string::npos);
    if (cv::visual(name) != name) CHECK(vcf.find(cv::visual(name)) == std::string::npos);  // never the drawn order
  }
  CHECK(cv::utf8_valid(vcf));
}

}  // TEST_SUITE
