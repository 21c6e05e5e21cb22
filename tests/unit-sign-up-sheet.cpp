// unit-sign-up-sheet.cpp: the sign-up sheet state machine: open, remap, confirm, with the checks of
// every import, and nothing changed before the confirmation.
#include <doctest/doctest.h>

#include "app/sign_up_sheet.h"
#include "helpers.h"

using namespace testing;

TEST_SUITE("unit") {

TEST_CASE("a sheet is previewed, remapped and confirmed; nothing changes before") {
  Circle x;
  app::SignUpSheet sheet;
  const std::string csv = "Who,Mail,Learn\nZoë,zoe@example.org,feedback\nJürgen,j@example.org,coaching\n";
  const std::string before = canon(x.d);
  app::sheet_open(sheet, x.d, {"signups.csv", csv, ""}, x.t.next());
  CHECK(sheet.open);
  CHECK(sheet.mapping.column("member.contact") == 1);
  CHECK(sheet.mapping.column("objective.text") == 2);
  CHECK(canon(x.d) == before);
  // "Who" was not recognised as the name: the convener maps it.
  CHECK(sheet.mapping.column("member.name") == -1);
  CHECK(sheet.import.imported == 0);
  CHECK(sheet.import.skipped == 2);
  CHECK(sheet.import.rows[0].problem == "no name");
  app::sheet_remap(sheet, x.d, "member.name", 0, x.t.next());
  CHECK(sheet.import.imported == 2);
  app::sheet_remap(sheet, x.d, "not.a.column", 3, x.t.next());  // ignored
  CHECK(sheet.mapping.columns.count("not.a.column") == 0);
  bool ok = false;
  const std::string said = app::sheet_confirm(sheet, x.d, x.t.next(), ok);
  CHECK(ok);
  CHECK(said == "Imported 2 members from signups.csv (0 rows skipped). Undo takes the import back.");
  CHECK(cv::live_by_name(x.c(), cv::kMember).size() == 2);
  CHECK_FALSE(sheet.open);
  CHECK(x.d.undo_stack.size() == 1);
}

TEST_CASE("a file that is not a sheet says why, and is-sheet goes by the name") {
  Circle x;
  app::SignUpSheet sheet;
  app::sheet_open(sheet, x.d, {"broken.csv", "Name\n\"Zoë\n", ""}, x.t.next());
  CHECK(sheet.error == "line 2: a quoted cell is never closed (a \" is missing)");
  bool ok = true;
  CHECK(app::sheet_confirm(sheet, x.d, x.t.next(), ok).empty());
  CHECK_FALSE(ok);
  CHECK(app::is_sheet_name("Sign-ups.CSV"));
  CHECK(app::is_sheet_name("export.tsv"));
  CHECK_FALSE(app::is_sheet_name("circle.cultivate.json"));
}

}  // TEST_SUITE
