// unit-saver.cpp: the Saver against a dummy storage that answers the way lib_storage.js does
// (compare-and-put on etags, tombstones, recovery copies), with a second "tab" writing in between.
#include <doctest/doctest.h>

#include "app/saver.h"
#include "core/format.h"
#include "helpers.h"

using namespace testing;

namespace {

// The browser's storage, as lib_storage.js keeps it.
struct DummyStorage {
  struct Stored {
    std::string data, etag;
    bool purged = false;
  };
  std::map<std::string, Stored> store;
  std::map<std::string, std::string> recovery;
  std::string fail;  // every write fails with this, while set
  int writes = 0;

  static std::string tag_of(const Stored* s) { return !s ? "" : s->purged ? "#purged" : s->etag; }

  app::WriteResult run(const app::Write& w) {
    ++writes;
    app::WriteResult r;
    r.id = w.id;
    r.seq = w.seq;
    if (!fail.empty()) {
      r.kind = app::WriteResult::Failed;
      r.error = fail;
      return r;
    }
    auto it = store.find(w.id);
    const Stored* old = it == store.end() ? nullptr : &it->second;
    const bool match = w.expect == "*" ? !old : tag_of(old) == w.expect;
    if (!match) {
      r.kind = app::WriteResult::Conflict;
      r.etag = tag_of(old);
      r.purged = old && old->purged;
      r.stored = old ? old->data : "";
      return r;
    }
    if (w.keep_aside && old && !old->purged) {
      r.kept_aside = "recovery:" + w.id + ":" + std::to_string(writes);
      recovery[r.kept_aside] = old->data;
    }
    std::string bytes;
    for (const std::string& part : w.parts) bytes += part;
    store[w.id] = Stored{bytes, w.etag, false};
    r.kind = app::WriteResult::Saved;
    r.etag = w.etag;
    return r;
  }
};

// One tab: a doc, its saver, the storage it talks to, and a clock.
struct Tab {
  DummyStorage& storage;
  FakeTime t;
  cv::Doc doc;
  app::Saver saver;

  Tab(DummyStorage& s, const std::string& name) : storage(s) {
    saver.tab = name;
    doc.clock.actor = name;
  }
  // Runs every command the saver has issued until storage has answered them all.
  void settle() {
    for (int guard = 0; guard < 20; ++guard) {
      app::saver_step(saver, doc, t.ms);
      if (saver.writes.empty()) return;
      std::vector<app::Write> writes;
      writes.swap(saver.writes);
      for (const app::Write& w : writes) app::saver_result(saver, doc, storage.run(w), t.ms);
    }
    FAIL("the saver kept writing");
  }
  void later(int64_t ms) { t.ms += ms; }
  // A new community, not stored yet (as New community makes it).
  void create(const std::string& id) {
    cv::doc_open(doc, cv::new_community(id, "Circle", doc.clock, t.next()));
    app::saver_open(saver, id, "", 0);
    app::saver_step(saver, doc, t.ms);
  }
  // An edit, and the step every frame makes after it (which schedules the write).
  void edit(const std::string& id, const std::string& name) {
    add_member(doc, id, name, t);
    app::saver_step(saver, doc, t.ms);
  }
  bool stored_has(const std::string& member) {
    const cv::Parsed p = cv::parse_file(storage.store[doc.community.id].data);
    return p.ok && cv::find_live(p.community, member);
  }
};

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("an edit is written once the delay has passed, or at once when flushed") {
  DummyStorage storage;
  Tab a(storage, "a");
  a.create("c1");  // not stored yet
  app::saver_step(a.saver, a.doc, a.t.ms);
  CHECK(a.saver.writes.empty());          // debounced
  a.later(800);
  a.settle();
  CHECK(storage.writes == 1);
  CHECK_FALSE(app::saver_dirty(a.saver, a.doc));
  a.edit("m1", "Zoë");
  app::saver_step(a.saver, a.doc, a.t.ms, true);
  REQUIRE(a.saver.writes.size() == 1);
  CHECK(a.saver.writes[0].expect == storage.store["c1"].etag);  // it names the copy it replaces
  a.settle();
  CHECK(a.stored_has("m1"));
}

TEST_CASE("two tabs writing in turn: each write names the copy it replaces, conflicts merge, nothing is lost") {
  DummyStorage storage;
  Tab a(storage, "a"), b(storage, "b");
  a.create("c1");
  a.later(800);
  a.settle();
  // The second tab opens what is stored.
  cv::doc_open(b.doc, cv::parse_file(storage.store["c1"].data).community);
  app::saver_open(b.saver, "c1", storage.store["c1"].etag, b.doc.revision);
  a.edit("m1", "Zoë");
  b.edit("m2", "Jürgen");
  a.later(800);
  b.later(800);
  a.settle();  // lands
  b.settle();  // conflicts, merges what a stored, writes both
  CHECK(b.stored_has("m1"));
  CHECK(b.stored_has("m2"));
  CHECK(cv::find_live(b.doc.community, "m1"));
  CHECK(b.doc.undo_stack.size() == 1);  // the other tab's edit is not this person's to undo
  // A's next write conflicts in turn and keeps B's member.
  a.edit("m3", "Алёна");
  a.later(800);
  a.settle();
  for (const char* m : {"m1", "m2", "m3"}) CHECK(a.stored_has(m));
}

TEST_CASE("a stored copy that cannot be read is kept aside as a recovery copy, then replaced") {
  DummyStorage storage;
  Tab a(storage, "a");
  a.create("c1");
  a.later(800);
  a.settle();
  storage.store["c1"] = {"{\"format\": \"cultivate.community\", damaged", "other", false};
  a.edit("m1", "Zoë");
  a.later(800);
  a.settle();
  REQUIRE(storage.recovery.size() == 1);
  CHECK(storage.recovery.begin()->second == "{\"format\": \"cultivate.community\", damaged");
  CHECK(a.stored_has("m1"));
  REQUIRE(a.saver.notices.size() == 1);
  CHECK(a.saver.notices[0].find("kept aside as a recovery copy") != std::string::npos);
  CHECK(a.saver.notices[0].find("not valid JSON") != std::string::npos);
}

TEST_CASE("a copy a newer Cultivate stored is never replaced") {
  DummyStorage storage;
  Tab a(storage, "a");
  a.create("c1");
  a.later(800);
  a.settle();
  cv::json newer = cv::to_json(a.doc.community);
  newer["version"] = 2;
  storage.store["c1"] = {newer.dump(), "v2", false};
  a.edit("m1", "Zoë");
  a.later(800);
  a.settle();
  CHECK(storage.store["c1"].data == newer.dump());  // untouched
  CHECK(storage.recovery.empty());
  CHECK(a.saver.blocked.find("newer version of Cultivate") != std::string::npos);
  CHECK(app::saver_dirty(a.saver, a.doc));          // kept in memory
  a.edit("m2", "Jürgen");
  a.later(5000);
  a.settle();
  CHECK(storage.store["c1"].data == newer.dump());
}

TEST_CASE("a community too large to reopen stays in memory, is not stored, and is stored again once it fits") {
  DummyStorage storage;
  Tab a(storage, "a");
  a.create("c1");
  a.later(800);
  a.settle();
  const std::string before = storage.store["c1"].data;
  const std::string text(99000, 'x');
  for (int i = 0; i < 680; ++i)
    cv::doc_apply(a.doc, cv::op_create("Add", "p" + std::to_string(i), "problem", {{"text", text}}), a.t.next());
  app::saver_step(a.saver, a.doc, a.t.ms);
  a.later(800);
  a.settle();
  CHECK(storage.store["c1"].data == before);
  CHECK(a.saver.blocked.find("too large to store") != std::string::npos);
  // Undo the last problem: it fits again and is stored.
  while (cv::to_file(a.doc.community).size() > cv::kMaxFileBytes) cv::doc_undo(a.doc, a.t.next());
  app::saver_step(a.saver, a.doc, a.t.ms);
  a.later(800);
  a.settle();
  CHECK(a.saver.blocked.empty());
  CHECK(cv::parse_file(storage.store["c1"].data).ok);
  CHECK_FALSE(app::saver_dirty(a.saver, a.doc));
}

TEST_CASE("leaving a community writes its last edit first, even within the autosave delay") {
  DummyStorage storage;
  Tab a(storage, "a");
  a.create("c1");
  a.later(800);
  a.settle();
  a.edit("m1", "Zoë");  // and at once: New community
  app::saver_leave(a.saver, a.doc);
  cv::doc_open(a.doc, cv::new_community("c2", "Second", a.doc.clock, a.t.next()));
  app::saver_open(a.saver, "c2", "", 0);
  a.settle();
  const cv::Parsed p = cv::parse_file(storage.store["c1"].data);
  REQUIRE(p.ok);
  CHECK(cv::find_live(p.community, "m1"));
  CHECK(a.saver.others.empty());
}

TEST_CASE("a community deleted for good is not stored again by a tab that still has it open") {
  DummyStorage storage;
  Tab a(storage, "a");
  a.create("c1");
  a.later(800);
  a.settle();
  storage.store["c1"] = {"", "", true};  // another tab: Delete for good
  a.edit("m1", "Zoë");
  a.later(800);
  a.settle();
  CHECK(storage.store["c1"].purged);
  CHECK(a.saver.purged);
  a.edit("m2", "Jürgen");
  a.later(800);
  a.settle();
  CHECK(storage.store["c1"].purged);
  // The same for a community that is not open (a copy being stored).
  cv::Community copy = a.doc.community;
  copy.id = "c9";
  storage.store["c9"] = {"", "", true};
  app::saver_store(a.saver, copy);
  a.settle();
  CHECK(storage.store["c9"].purged);
  CHECK(a.saver.others.empty());
}

TEST_CASE("a failed write says why, keeps the data in memory, and is retried with back-off") {
  DummyStorage storage;
  Tab a(storage, "a");
  a.create("c1");
  storage.fail = "QuotaExceededError: the disk is full";
  a.later(800);
  a.settle();
  CHECK(a.saver.error == "QuotaExceededError: the disk is full");
  CHECK(a.saver.retry_at_ms == a.t.ms + 2000);
  const int tries = storage.writes;
  a.later(1000);
  a.settle();
  CHECK(storage.writes == tries);  // not before the back-off
  a.later(1100);
  a.settle();
  CHECK(storage.writes == tries + 1);
  CHECK(a.saver.retry_at_ms == a.t.ms + 5000);  // longer each time
  storage.fail.clear();
  a.later(5000);
  a.settle();
  CHECK(a.saver.error.empty());
  CHECK_FALSE(app::saver_dirty(a.saver, a.doc));
}

TEST_CASE("a page being hidden journals the open community before anything else") {
  DummyStorage storage;
  Tab a(storage, "a");
  a.create("c1");
  a.later(800);
  a.settle();
  a.edit("m1", "Zoë");
  app::saver_hide(a.saver, a.doc, a.t.ms);
  REQUIRE(a.saver.journals.size() == 1);
  std::string journal;
  for (const std::string& part : a.saver.journals[0].parts) journal += part;
  CHECK(journal == cv::to_file(a.doc.community));
  CHECK(a.saver.journals[0].revision == a.doc.revision);
  CHECK(a.saver.writes.size() == 1);  // and the write, without waiting for the delay
}

TEST_CASE("taking in another tab's copy that holds everything needs no write back") {
  DummyStorage storage;
  Tab a(storage, "a"), b(storage, "b");
  a.create("c1");
  a.later(800);
  a.settle();
  cv::doc_open(b.doc, cv::parse_file(storage.store["c1"].data).community);
  app::saver_open(b.saver, "c1", storage.store["c1"].etag, b.doc.revision);
  b.edit("m2", "Jürgen");
  b.later(800);
  b.settle();
  const int writes = storage.writes;
  CHECK(app::saver_absorb(a.saver, a.doc, storage.store["c1"].data, storage.store["c1"].etag));
  CHECK_FALSE(app::saver_dirty(a.saver, a.doc));
  a.later(800);
  a.settle();
  CHECK(storage.writes == writes);
}

}  // TEST_SUITE
