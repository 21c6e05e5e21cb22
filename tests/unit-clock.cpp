// unit-clock.cpp: the hybrid logical clock.
#include <doctest/doctest.h>

#include "core/model.h"

TEST_SUITE("unit") {

TEST_CASE("every stamp is greater than the one before, even when the wall clock goes back") {
  cv::Clock c{"a", 0, 0};
  cv::Stamp s1 = c.tick(1000);
  cv::Stamp s2 = c.tick(1000);
  cv::Stamp s3 = c.tick(500);  // the wall clock went back
  cv::Stamp s4 = c.tick(2000);
  CHECK(s1 < s2);
  CHECK(s2 < s3);
  CHECK(s3 < s4);
  CHECK(s4.counter == 0);
  CHECK(s3.ms == 1000);
}

TEST_CASE("a clock stays ahead of stamps it has seen") {
  cv::Clock mine{"a", 0, 0};
  cv::Stamp far{5000, 7, "b"};
  mine.observe(far);
  cv::Stamp next = mine.tick(1000);
  CHECK(far < next);
  CHECK(next.actor == "a");
}

TEST_CASE("equal times are ordered by actor") {
  CHECK(cv::Stamp{1, 0, "a"} < cv::Stamp{1, 0, "b"});
  CHECK_FALSE(cv::Stamp{1, 0, "b"} < cv::Stamp{1, 0, "a"});
  CHECK(cv::Stamp{1, 0, "b"} == cv::Stamp{1, 0, "b"});
}

TEST_CASE("a writer's id is held once, by every stamp it wrote, and let go with the last of them") {
  const size_t before = cv::Actor::held();
  {
    cv::Stamp a{1, 0, std::string("writer0000000001")}, b{2, 0, "writer0000000001"}, c{3, 0, "writer0000000002"};
    CHECK(cv::Actor::held() == before + 2);
    CHECK(a.actor == b.actor);
    CHECK(&a.actor.str() == &b.actor.str());  // one copy of the id
    CHECK(a.actor != c.actor);
    CHECK(a.actor < c.actor);
    CHECK_FALSE(c.actor < a.actor);
    cv::Stamp d = c;
    d = a;  // c's id is still held by c
    CHECK(cv::Actor::held() == before + 2);
    c = d;  // now nobody holds writer...2
    CHECK(cv::Actor::held() == before + 1);
    cv::Stamp moved = std::move(a);
    CHECK(a.actor.empty());
    CHECK(moved.actor.str() == "writer0000000001");
  }
  CHECK(cv::Actor::held() == before);
  CHECK(cv::Actor("").empty());
  CHECK(cv::Actor() == cv::Actor(""));
  CHECK(cv::Actor() < cv::Actor("a"));
}

TEST_CASE("ids are 16 characters of Crockford base 32 and differ with their bits") {
  const std::string a = cv::make_id(1, 2), b = cv::make_id(1, 3);
  CHECK(a.size() == 16);
  CHECK(a != b);
  CHECK(a.find_first_not_of("0123456789abcdefghjkmnpqrstvwxyz") == std::string::npos);
}

}  // TEST_SUITE

TEST_SUITE("unit") {

TEST_CASE("a stamp seen with the same milliseconds and a higher counter still puts the clock ahead") {
  cv::Clock mine{"a", 1000, 0};
  mine.observe(cv::Stamp{1000, 5, "b"});
  const cv::Stamp next = mine.tick(1000);
  CHECK(cv::Stamp{1000, 5, "b"} < next);
  CHECK(next.counter == 6);
}

TEST_CASE("the counter never wraps: at its maximum the clock borrows the next millisecond") {
  cv::Clock c{"a", 1000, 0};
  c.observe(cv::Stamp{1000, UINT32_MAX, "b"});
  const cv::Stamp s = c.tick(1000);
  CHECK(cv::Stamp{1000, UINT32_MAX, "b"} < s);
  CHECK(s.ms == 1001);
  CHECK(s.counter == 0);
  const cv::Stamp s2 = c.tick(900);  // a wall clock behind: still ahead
  CHECK(s < s2);
}

}  // TEST_SUITE
