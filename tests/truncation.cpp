// truncation.cpp: a valid export cut at every byte offset is refused with a message, and the
// community it was imported into stays exactly as it was (bytes and undo history).
#include <doctest/doctest.h>

#include "core/text.h"
#include "helpers.h"

using namespace testing;

TEST_SUITE("truncation") {

TEST_CASE("an export truncated at every byte offset is refused and changes nothing") {
  FakeTime t;
  cv::Doc source = new_doc("a", "c1", "Cercle d'échange — Ñúñez", t);
  cv::doc_apply(source, cv::op_set("Purpose", "c1", cv::kCommunity, "purpose_why", "Learn \"with\" and from\neach other"),
                t.next());
  const char* names[] = {"Zoë", "Ñúñez", "Jürgen", "Żaneta", "Алёна", "Παύλος", "李小龍", "O'Brien"};
  for (int i = 0; i < 8; ++i) {
    add_member(source, "m" + std::to_string(i), names[i], t);
    cv::doc_apply(source, cv::op_set("Roles", "m" + std::to_string(i), cv::kMember, "roles",
                                     cv::json::array({"presenter", "case bringer"})),
                  t.next());
  }
  cv::doc_apply(source, cv::op_delete("Remove", "m3", cv::kMember), t.next());
  const std::string file = cv::to_file(source.community);

  cv::Doc target = new_doc("b", "c1", "Cercle", t);
  add_member(target, "x1", "Someone here", t);
  const std::string before = canon(target);
  const size_t undo_before = target.undo_stack.size();
  const std::string whole = cv::trim(file);

  int refused = 0;
  for (size_t cut = 0; cut < file.size(); ++cut) {
    const std::string part = file.substr(0, cut);
    if (cv::trim(part) == whole) continue;  // only the final line feed is missing: a whole file
    const cv::Preview p = cv::import_into(target, part, "Import", t.ms);
    INFO("cut at byte " << cut);
    REQUIRE_FALSE(p.ok);
    REQUIRE_FALSE(p.error.empty());
    REQUIRE(canon(target) == before);
    REQUIRE(target.undo_stack.size() == undo_before);
    ++refused;
  }
  CHECK(refused == static_cast<int>(file.size()) - 1);
  CHECK(cv::import_into(target, file, "Import", t.ms).ok);  // and the whole file does import
  MESSAGE("truncation: " << refused << " cuts of a " << file.size() << "-byte file refused");
}

}  // TEST_SUITE
