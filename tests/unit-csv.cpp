// unit-csv.cpp: sign-up sheets as spreadsheets save them, and as attackers might.
#include <doctest/doctest.h>

#include "core/csv.h"
#include "core/getting_started.h"
#include "helpers.h"

using testing::FakeTime;

namespace {
using Rows = std::vector<std::vector<std::string>>;
cv::CsvImport import(const std::string& bytes, cv::CsvMapping* mapping = nullptr) {
  cv::CsvTable t = cv::parse_csv(bytes);
  REQUIRE(t.ok);
  cv::CsvMapping m = mapping ? *mapping : cv::guess_mapping(t);
  cv::Clock clock{"csv", 0, 0};
  cv::Community none;
  none.id = "c1";
  return cv::csv_to_community(t, m, none, clock, 1000);
}
}  // namespace

TEST_SUITE("unit") {

TEST_CASE("RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes, CRLF") {
  const cv::CsvTable t = cv::parse_csv("Name,Objectives\r\n\"Ñúñez, Zoë\",\"give feedback;\nrun \"\"good\"\" meetings\"\r\nJürgen,coaching\r\n");
  REQUIRE(t.ok);
  CHECK(t.rows == Rows{{"Name", "Objectives"}, {"Ñúñez, Zoë", "give feedback;\nrun \"good\" meetings"}, {"Jürgen", "coaching"}});
  CHECK(t.delimiter == ',');
}

TEST_CASE("semicolon-separated files, a byte-order mark, tabs") {
  cv::CsvTable t = cv::parse_csv("\xEF\xBB\xBFName;E-mail;Skills\nŻaneta;z@example.org;facilitation, Spanish\n");
  REQUIRE(t.ok);
  CHECK(t.bom);
  CHECK(t.delimiter == ';');
  CHECK(t.rows[1] == std::vector<std::string>{"Żaneta", "z@example.org", "facilitation, Spanish"});
  t = cv::parse_csv("Name\tContact\nАлёна\talena@example.org\n");
  CHECK(t.delimiter == '\t');
  CHECK(t.rows[1][0] == "Алёна");
}

TEST_CASE("Windows-1252 bytes (Latin-1 from a spreadsheet) are read as such, and say so") {
  const cv::CsvTable t = cv::parse_csv(std::string("Name\nJ\xFCrgen M\xFCller\nZo\xEB \x93quoted\x94\n"));
  REQUIRE(t.ok);
  CHECK(t.encoding == "Windows-1252");
  CHECK(t.rows[1][0] == "Jürgen Müller");
  CHECK(t.rows[2][0] == "Zoë “quoted”");
}

TEST_CASE("hostile and broken files get a clear message") {
  CHECK(cv::parse_csv("").error == "the file is empty");
  CHECK(cv::parse_csv(" \r\n ").error == "the file is empty");
  CHECK(cv::parse_csv("Name\n\"Zoë\n\nmore").error == "line 2: a quoted cell is never closed (a \" is missing)");
  CHECK(cv::parse_csv("a,\"b\nc\nd").error == "line 1: a quoted cell is never closed (a \" is missing)");
  CHECK(cv::parse_csv(std::string(cv::kMaxCsvBytes + 1, 'x')).error == "the file is too large: 16 MB; the limit is 16 MB");
  // A quote in the middle of an unquoted cell is kept, as spreadsheets write it.
  CHECK(cv::parse_csv("Name\nO\"Brien\n").rows[1][0] == "O\"Brien");
  // Formula-looking cells are text: Cultivate never evaluates them.
  CHECK(cv::parse_csv("Name\n=HYPERLINK(\"x\")\n").rows[1][0] == "=HYPERLINK(\"x\")");
}

TEST_CASE("a 100,000-row file is read and imported") {
  std::string big = "Name,Email\n";
  for (int i = 0; i < 100000; ++i) big += "Member " + std::to_string(i) + ",m" + std::to_string(i) + "@example.org\n";
  const cv::CsvTable t = cv::parse_csv(big);
  REQUIRE(t.ok);
  CHECK(t.rows.size() == 100001);
  cv::CsvMapping m = cv::guess_mapping(t);
  cv::Clock clock{"csv", 0, 0};
  cv::Community none;
  none.id = "c1";
  const cv::CsvImport in = cv::csv_to_community(t, m, none, clock, 1000);
  CHECK(in.imported == 100000);
  CHECK(in.community.records.size() == 100000);
  std::string too_many;
  for (size_t i = 0; i <= cv::kMaxCsvRows + 1; ++i) too_many += "x\n";
  CHECK(cv::parse_csv(too_many).error == "too many rows: more than 200000; the limit is 200000");
}

TEST_CASE("the header guides the mapping; multi-value cells split on ; and line breaks") {
  const std::string csv =
      "Timestamp,Your name,Email address,What do you want to learn?,A real problem you face,Skills you can offer,"
      "Topics,Resources to share,When are you available?\n"
      "2026-11-01,Zoë Ñúñez,zoe@example.org,\"give better feedback; run meetings\",\"my team ignores retros\","
      "facilitation,\"feedback\nretros\",\"a book: Radical Candor\",Thursdays\n"
      "2026-11-02,,nobody@example.org,x,,,,,\n";
  cv::CsvTable t = cv::parse_csv(csv);
  const cv::CsvMapping m = cv::guess_mapping(t);
  CHECK(m.column("member.name") == 1);
  CHECK(m.column("member.contact") == 2);
  CHECK(m.column("objective.text") == 3);
  CHECK(m.column("problem.text") == 4);
  CHECK(m.column("skill.text") == 5);
  CHECK(m.column("topic.title") == 6);
  CHECK(m.column("resource.text") == 7);
  CHECK(m.column("member.availability") == 8);
  const cv::CsvImport in = import(csv);
  CHECK(in.imported == 1);
  CHECK(in.skipped == 1);
  CHECK(in.rows[1].line == 3);
  CHECK(in.rows[1].problem == "no name");
  CHECK(in.rows[0].counts.at("objective") == 2);
  CHECK(in.rows[0].counts.at("topic") == 2);
  const auto members = cv::live_by_name(in.community, cv::kMember);
  REQUIRE(members.size() == 1);
  CHECK(members[0].second->text("availability") == "Thursdays");
  CHECK(cv::items_of(in.community, members[0].first, cv::kObjective).size() == 2);
  CHECK(cv::split_values("- one\n• two;  ;three") == std::vector<std::string>{"one", "two", "three"});
  // The columns a sheet can fill come from the registry, people first.
  std::vector<std::string> labels;
  for (const auto& c : cv::sheet_columns()) labels.push_back(c.label);
  CHECK(labels == std::vector<std::string>{"Name", "Contact", "Availability", "Objectives", "Problems", "Topics", "Skills",
                                           "Resources"});
}

TEST_CASE("importing the same file twice changes nothing the second time") {
  const std::string csv = "Name,Email,Objectives\nZoë,zoe@example.org,feedback\nJürgen,j@example.org,coaching\n";
  FakeTime time;
  cv::Doc d = testing::new_doc("a", "c1", "Circle", time);
  const cv::CsvImport first = import(csv), second = import(csv);
  CHECK_FALSE(cv::doc_import(d, first.community, "CSV").empty());
  CHECK(cv::doc_import(d, second.community, "CSV again").empty());
  CHECK(cv::live_by_name(d.community, cv::kMember).size() == 2);
}

}  // TEST_SUITE

TEST_SUITE("unit") {

TEST_CASE("a re-imported sheet changes only what the sheet changed: removed members stay removed") {
  testing::Circle x;
  auto reimport = [&](const std::string& bytes) {
    const cv::CsvTable t = cv::parse_csv(bytes);
    REQUIRE(t.ok);
    cv::CsvImport in = cv::csv_to_community(t, cv::guess_mapping(t), x.c(), x.d.clock, x.t.next());
    x.t.next();
    cv::doc_import(x.d, in.community, "Import sheet");
    return in;
  };
  const std::string first = "Name,E-mail,Availability,Objectives\n"
                            "Zoë,zoe@example.org,Thursdays,give feedback\n"
                            "Jürgen,j@example.org,Mondays,coaching\n";
  reimport(first);
  REQUIRE(cv::live_by_name(x.c(), cv::kMember).size() == 2);
  const std::string zoe = cv::live_by_name(x.c(), cv::kMember)[1].first;
  const std::string jurgen = cv::live_by_name(x.c(), cv::kMember)[0].first;
  // Later, in Cultivate: Jürgen is removed, Zoë's availability and objective edited.
  x.apply(cv::op_delete("Remove member", jurgen, cv::kMember));
  x.apply(cv::op_set("Edit", zoe, cv::kMember, "availability", "Thursdays after 18:00"));
  const std::string objective = cv::items_of(x.c(), zoe, cv::kObjective)[0].id;
  x.apply(cv::op_set("Edit", objective, cv::kObjective, "text", "give feedback that lands"));
  // The form keeps collecting: the sheet comes again with everyone, one new row, one change.
  const cv::CsvImport again = reimport(first + "Алёна,a@example.org,Fridays,listening\n");
  CHECK(cv::find_live(x.c(), jurgen) == nullptr);                                  // removed stays removed
  CHECK(cv::find_live(x.c(), zoe)->text("availability") == "Thursdays after 18:00");  // the edit stays
  CHECK(cv::items_of(x.c(), zoe, cv::kObjective)[0].text == "give feedback that lands");
  CHECK(cv::live_by_name(x.c(), cv::kMember).size() == 2);                          // Zoë and Алёна
  CHECK(again.skipped == 1);
  CHECK(again.rows[1].problem == "removed from the community since an earlier import; not imported again");
  // Zoë changes her own answer in the form: that change comes in (and only that one).
  reimport("Name,E-mail,Availability,Objectives\nZoë,zoe@example.org,Wednesdays,give feedback\n");
  CHECK(cv::find_live(x.c(), zoe)->text("availability") == "Wednesdays");
  CHECK(cv::items_of(x.c(), zoe, cv::kObjective)[0].text == "give feedback that lands");
  // The same sheet once more changes nothing at all.
  const std::string before = testing::canon(x.d);
  const cv::CsvTable t = cv::parse_csv("Name,E-mail,Availability,Objectives\nZoë,zoe@example.org,Wednesdays,give feedback\n");
  CHECK(cv::csv_to_community(t, cv::guess_mapping(t), x.c(), x.d.clock, x.t.next()).community.records.empty());
  CHECK(testing::canon(x.d) == before);
}

TEST_CASE("cells are stored as text Cultivate reads back: no control characters, no endless cells") {
  const cv::CsvImport in = import(std::string("Name,Skills\nZo\x01\xC3\xAB,facili\x1btation\nBo,") +
                                  std::string(cv::kMaxCsvCellChars + 1, 'x') + "\n");
  REQUIRE(in.imported == 1);
  CHECK(in.rows[1].problem == "a cell is longer than 100000 characters");
  const std::string file = cv::to_file(in.community);
  CHECK(file.find("Zoë") != std::string::npos);
  CHECK(cv::parse_file(file).ok);
}

}  // TEST_SUITE
