// unit-importer.cpp: every way in runs the same checks: files against the open community and
// against each other, invitations too, and together they must still fit.
#include <doctest/doctest.h>

#include "app/importer.h"
#include "core/format.h"
#include "core/meetings.h"
#include "helpers.h"

using namespace testing;

TEST_SUITE("unit") {

TEST_CASE("dropped files are checked against each other: one id, one type") {
  FakeTime t;
  cv::Doc mine = new_doc("a", "c1", "Circle", t);
  cv::Doc zoe = new_doc("z", "c1", "Circle", t), bo = new_doc("b", "c1", "Circle", t);
  add_member(zoe, "x1", "Zoë", t);
  cv::doc_apply(bo, cv::op_create("Propose", "x1", "topic", {{"title", "Feedback"}}), t.next());
  add_member(bo, "m2", "Bo", t);
  app::Importer im;
  app::importer_preview(im, mine, {{"zoe.json", cv::to_file(zoe.community), ""}, {"bo.json", cv::to_file(bo.community), ""}},
                        app::Importer::Files, "2 files", t.ms);
  REQUIRE(im.files.size() == 2);
  CHECK(im.files[0].error.empty());
  CHECK(im.files[1].error == "record \"x1\" is a member here but a topic in the file (in another of these files)");
  CHECK(im.readable == 1);
  bool ok = false;
  app::importer_merge(im, mine, t.ms, ok);
  CHECK(ok);
  CHECK(cv::find_live(mine.community, "x1")->type == "member");
  CHECK_FALSE(cv::find_live(mine.community, "m2"));  // nothing of the refused file
}

TEST_CASE("files that fit one by one but not together are refused together, and nothing changes") {
  FakeTime t;
  cv::Doc mine = new_doc("a", "c1", "Circle", t);
  const std::string text(90000, 'y');
  std::vector<app::Incoming> files;
  for (int f = 0; f < 2; ++f) {
    cv::Doc d = new_doc("w" + std::to_string(f), "c1", "Circle", t);
    for (int i = 0; i < 380; ++i)
      cv::doc_apply(d, cv::op_create("Add", "p" + std::to_string(f) + "-" + std::to_string(i), "problem", {{"text", text}}),
                    t.next());
    files.push_back({"half" + std::to_string(f) + ".json", cv::to_file(d.community), ""});
  }
  app::Importer im;
  app::importer_preview(im, mine, files, app::Importer::Files, "2 files", t.ms);
  CHECK(im.readable == 2);
  CHECK(im.error.find("over the 64.0 MB a copy may have") != std::string::npos);
  const std::string before = canon(mine);
  bool ok = true;
  CHECK(app::importer_merge(im, mine, t.ms, ok).empty());
  CHECK_FALSE(ok);
  CHECK(canon(mine) == before);
}

TEST_CASE("an invitation is previewed and checked like any file") {
  FakeTime t;
  cv::Doc convener = new_doc("a", "c1", "Feedback circle", t);
  cv::doc_apply(convener, cv::op_set("Why", "c1", cv::kCommunity, "purpose_why", "Better feedback"), t.next());
  cv::doc_apply(convener, cv::op_default_guidelines(convener.community, "g"), t.next());
  cv::Community invite;
  invite.id = "c1";
  for (const auto& [id, r] : convener.community.records)
    if (r.type == "community" || r.type == "guideline") invite.records.emplace(id, r);
  cv::Doc fresh = new_doc("m", "c0", "Our community", t);
  app::Importer im;
  app::importer_preview(im, fresh, {{"invitation", cv::to_file(invite), ""}}, app::Importer::Invitation, "an invitation",
                        t.ms);
  CHECK(im.error.empty());
  CHECK(im.files[0].incoming_name == "Feedback circle");
  CHECK(im.purpose == "Better feedback");
  CHECK(im.guidelines == 5);
  // A forged invitation from a clock far ahead is refused before anything opens.
  cv::json forged = cv::to_json(invite);
  for (auto& r : forged["records"])
    for (auto& s : r["stamps"]) s[0] = 32503680000000;
  app::importer_preview(im, fresh, {{"invitation", forged.dump(), ""}}, app::Importer::Invitation, "an invitation", t.ms);
  CHECK(im.readable == 0);
  CHECK(im.files[0].error.find("more than a day after this device's clock") != std::string::npos);
}

TEST_CASE("an import held until its community opens is checked against that copy") {
  FakeTime t;
  cv::Doc stored = new_doc("a", "c1", "Circle", t);
  add_member(stored, "x1", "Zoë", t);
  cv::Doc other = new_doc("b", "c1", "Circle", t);
  cv::doc_apply(other, cv::op_create("Propose", "x1", "topic", {{"title", "Feedback"}}), t.next());
  const std::string before = canon(stored);
  bool ok = true;
  const std::string said = app::merge_checked(stored, other.community, "Import", t.ms, ok);
  CHECK_FALSE(ok);
  CHECK(said == "Not imported: record \"x1\" is a member here but a topic in the file");
  CHECK(canon(stored) == before);
}

}  // TEST_SUITE
