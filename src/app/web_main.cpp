// web_main.cpp: the page's wiring. Owns the open community; each frame it takes the page's events,
// lets the UI draw and emit Ops and Commands, applies them, and carries the Saver's and the
// Importer's commands to the platform. The state machines themselves live in saver.cpp and
// importer.cpp (tested without a browser).
//  [SECTION] Session
//  [SECTION] Storage: the Saver's commands out, its results in
//  [SECTION] Opening and creating communities
//  [SECTION] Importing files, links and invitations
//  [SECTION] Sign-up sheets
//  [SECTION] Breakout groups
//  [SECTION] Events from the page
//  [SECTION] Commands from the UI
//  [SECTION] The frame
#include <algorithm>
#include <cstdlib>
#include <map>

#include "app/importer.h"
#include "app/exports.h"
#include "app/groups_job.h"
#include "app/live_page.h"
#include "app/saver.h"
#include "app/sign_up_sheet.h"
#include "app/test_ui.h"
#include "core/books.h"
#include "core/breakouts.h"
#include "core/cases.h"
#include "core/csv.h"
#include "core/directory.h"
#include "core/format.h"
#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/registry.h"
#include "core/text.h"
#include "imgui.h"
#include "platform/platform.h"
#include "ui/ui.h"

namespace {

// [SECTION] Session ---------------------------------------------------------------------------------

// A journal left by a tab that was hidden or closed: merged into its community, then dropped.
struct PendingJournal {
  std::string key, id;
  cv::Community c;
  int after_seq = -1;  // dropped once a write of its community issued after this seq has landed
};

struct Session {
  cv::Doc doc;
  ui::World world;
  ui::State ui;
  std::string actor;
  app::Saver saver;
  app::Importer importer;
  std::vector<app::Incoming> incoming;  // files arriving, until "files-done"
  double import_ms = 0;                 // how long the last preview took to read and check (bench/scale)
  std::string opening;                  // a community being loaded to open
  std::string duplicating;              // a community being loaded to copy
  cv::Community import_after_open;      // merged into a community once it has opened
  bool has_import_after_open = false;
  std::string answer_after_open;        // a community to answer an invitation of, once it has opened
  std::vector<PendingJournal> journals;
  int64_t estimate_at_ms = 0;
  app::SignUpSheet sheet;
  app::GroupsJob groups;
  app::LivePage live;  // the live sync through a Matrix room
  cv::Views views;  // what panels read from the whole community, kept between frames
  // Invitations: community id -> the member this browser answers as
  std::map<std::string, std::string> me;    // per community: the member this browser answers as
  std::map<std::string, std::string> self;  // per community: the member this browser is (kept after answering)
  std::map<std::string, int64_t> seen;  // per community: when this browser last looked at its threads
  std::vector<platform::Event> waiting;  // links that came before a community was open
  std::vector<std::string> storage_errors;  // the last few, as said (the status line keeps only one)
  // The community and revision the last frame drew (a test waits for the tab to show a change).
  std::string drawn_community;
  uint64_t drawn_revision = 0;
};

Session S;

int64_t now() { return platform::now_ms(); }
std::string new_id() { return platform::new_id(); }

void say(const std::string& text, bool error = false) {
  S.ui.status = text;
  S.ui.status_is_error = error;
}

std::string name_of(const cv::Community& c) {
  const std::string n = cv::community_record(c).text("name");
  return n.empty() ? "Untitled community" : n;
}

// [SECTION] Storage: the Saver's commands out, its results in ----------------------------------------

// Carries what the Saver decided to the platform, and its sentences to the status line.
void pump_storage() {
  app::Saver& sv = S.saver;
  // Journals first: the page may be going away, and a journal must not wait behind a write.
  for (app::Journal& j : sv.journals)
    if (S.world.storage_ok) platform::storage_journal({{"id", j.id}, {"name", j.name}, {"revision", j.revision}}, j.parts);
  sv.journals.clear();
  for (app::Write& w : sv.writes) {
    if (!S.world.storage_ok) break;
    platform::storage_save({{"id", w.id}, {"name", w.name}, {"expect", w.expect}, {"etag", w.etag}, {"seq", w.seq},
                            {"revision", w.revision}, {"keep_aside", w.keep_aside}, {"reason", w.reason}},
                           w.parts);
  }
  sv.writes.clear();
  for (const std::string& n : sv.notices) say(n, true);
  sv.notices.clear();
}

// Each frame and tick: what the saver wants now, and when to look again.
void step_storage(bool flush = false) {
  if (!S.world.storage_ok) return;
  const int64_t wake = app::saver_step(S.saver, S.doc, now(), flush);
  pump_storage();
  if (wake >= 0) platform::wake_after_ms(static_cast<int>(std::max<int64_t>(wake, 1)));
  ui::World& w = S.world;
  w.dirty = w.ready && app::saver_dirty(S.saver, S.doc);
  w.saving = S.saver.busy_seq != 0;
  w.save_error = S.saver.error;
  w.retry_at_ms = S.saver.retry_at_ms;
  w.save_blocked = S.saver.blocked;
}

// Each frame and tick: what the live sync sends and polls; a change of its state is drawn.
void step_live() {
  const std::string status = S.world.live.status;
  const size_t refused = S.world.live.refused.size();
  std::string notice;
  app::live_page_step(S.live, S.doc, S.world, now(), &notice);
  if (!notice.empty()) say(notice, true);
  if (S.world.live.status != status || S.world.live.refused.size() != refused || !notice.empty()) platform::request_frame();
}

void open_latest(const std::string& except);

void on_write_result(const platform::Event& e) {
  app::WriteResult r;
  r.kind = e.kind == "saved" ? app::WriteResult::Saved
           : e.kind == "save-conflict" ? app::WriteResult::Conflict : app::WriteResult::Failed;
  r.id = e.info.value("id", "");
  r.seq = e.info.value("seq", 0);
  r.etag = e.info.value("etag", "");
  r.purged = e.info.value("purged", false);
  r.error = e.info.value("error", "");
  r.kept_aside = e.info.value("kept_aside", "");
  r.stored = e.data;
  const uint64_t revision = S.doc.revision;
  app::saver_result(S.saver, S.doc, r, now());
  if (S.doc.revision != revision) platform::request_frame();
  if (r.kind == app::WriteResult::Saved) {
    if (r.id == S.doc.community.id) S.world.last_saved_ms = now();
    // Journals of this community are in the store now.
    S.journals.erase(std::remove_if(S.journals.begin(), S.journals.end(),
                                    [&](const PendingJournal& j) {
                                      if (j.id != r.id || j.after_seq < 0 || r.seq <= j.after_seq) return false;
                                      platform::storage_drop_meta(j.key);
                                      return true;
                                    }),
                     S.journals.end());
    platform::storage_list();
    if (now() > S.estimate_at_ms) {
      platform::storage_estimate();
      S.estimate_at_ms = now() + 10000;
    }
  }
  pump_storage();
  if (S.saver.purged && S.world.ready && r.id == S.doc.community.id) open_latest(r.id);
}

// [SECTION] Opening and creating communities ----------------------------------------------------------

void become_member();

// The community opened most recently that is not in the bin, or "".
std::string latest_community(const std::string& except = {}) {
  const ui::CommunityEntry* best = nullptr;
  for (const auto& e : S.world.communities)
    if (!e.trashed_ms && e.id != except && (!best || e.saved_ms > best->saved_ms)) best = &e;
  return best ? best->id : std::string();
}

// Whatever is open is being left: its last edits are written first (they land before anything else
// this tab asks of the storage, which keeps the order of its transactions).
void leave_open() {
  if (!S.world.ready) return;
  app::saver_leave(S.saver, S.doc);
  step_storage();
}

// Journals of this community left by a closed tab join it now.
void absorb_journals(const std::string& id) {
  for (PendingJournal& j : S.journals)
    if (j.id == id && j.after_seq < 0) {
      cv::doc_absorb(S.doc, j.c);
      j.after_seq = S.saver.seq;
    }
}

void opened(cv::Community c, const std::string& etag, bool stored) {
  cv::doc_open(S.doc, std::move(c));
  app::saver_open(S.saver, S.doc.community.id, etag, stored ? S.doc.revision : 0);
  S.world.ready = true;
  S.ui.member_filter.clear();
  // Drafts and messages of the community open before (its names and contacts) stay with it.
  S.ui.intro_message.clear();
  S.ui.project_title.clear(), S.ui.project_goal.clear(), S.ui.project_needs.clear(), S.ui.project_offer.clear();
  S.ui.project_open.clear();
  auto me = S.me.find(S.doc.community.id);
  S.world.me = me == S.me.end() ? std::string() : me->second;
  auto self = S.self.find(S.doc.community.id);
  S.world.self = self == S.self.end() ? std::string() : self->second;
  auto seen = S.seen.find(S.doc.community.id);
  S.world.threads_seen_ms = seen == S.seen.end() ? 0 : seen->second;
  platform::storage_set_meta("last_open", S.doc.community.id);
  absorb_journals(S.doc.community.id);
  app::live_page_opened(S.live, S.doc.community.id);
  if (S.has_import_after_open) {
    S.has_import_after_open = false;
    bool ok = false;
    const std::string said = app::merge_checked(S.doc, S.import_after_open, "Import into " + name_of(S.doc.community),
                                                now(), ok);
    say(ok ? "Opened your copy of " + name_of(S.doc.community) + ". " + said : said, !ok);
  }
  if (!S.answer_after_open.empty() && S.answer_after_open == S.doc.community.id) {
    S.answer_after_open.clear();
    become_member();
  }
  step_storage();
}

void new_community(const std::string& name) {
  leave_open();
  opened(cv::new_community(new_id(), name, S.doc.clock, now()), "", false);
  S.ui.focus_name = true;
}

void open_community(const std::string& id) {
  if (S.world.ready && id == S.doc.community.id) return;
  leave_open();
  S.world.ready = false;
  S.opening = id;
  platform::storage_load(id);
}

void open_latest(const std::string& except) {
  const std::string next = latest_community(except);
  S.world.ready = false;
  if (next.empty()) new_community("Our community");
  else open_community(next);
}

// [SECTION] Importing files, links and invitations ----------------------------------------------------

void show_import() {
  const app::Importer& im = S.importer;
  ui::World& w = S.world;
  w.importing = im.open;
  w.import_source = im.source;
  w.import_files.clear();
  for (const auto& f : im.files) w.import_files.push_back({f.name, f.error, f.diff, f.other_community, f.incoming_name});
  w.import_diff = im.diff;
  w.import_mixed = im.mixed;
  w.import_other = im.other;
  w.import_other_name = im.other_name;
  w.import_error = im.error;
  w.import_invitation = im.kind == app::Importer::Invitation;
  w.invite_purpose = im.purpose;
  w.invite_guidelines = im.guidelines;
}

void preview(const std::vector<app::Incoming>& in, app::Importer::Kind kind, const std::string& source) {
  const double t0 = platform::steady_ms();
  app::importer_preview(S.importer, S.doc, in, kind, source, now());
  S.import_ms = platform::steady_ms() - t0;
  show_import();
}

void close_import() {
  app::importer_close(S.importer);
  show_import();
}

void import_merge() {
  bool ok = false;
  const std::string said = app::importer_merge(S.importer, S.doc, now(), ok);
  if (!said.empty()) say(said, !ok);
  if (ok) close_import();
}

void import_as_new() {
  app::Importer& im = S.importer;
  if (im.readable == 0 || im.mixed) return;
  cv::Community c = std::move(im.all);
  close_import();
  const bool known = std::any_of(S.world.communities.begin(), S.world.communities.end(),
                                 [&](const ui::CommunityEntry& e) { return e.id == c.id; });
  if (c.id == S.doc.community.id) {
    bool ok = false;
    say(app::merge_checked(S.doc, c, "Import", now(), ok), !ok);
  } else if (known) {
    // The same community (its id) is already here: merge into that copy rather than make a second,
    // checked against that copy once it has opened.
    S.import_after_open = std::move(c);
    S.has_import_after_open = true;
    open_community(S.import_after_open.id);
  } else {
    leave_open();
    opened(std::move(c), "", false);
    say("Opened " + name_of(S.doc.community) + " as a new community in this browser.");
  }
}

// This browser answers as a member of the open community: the one it answered as before, or a new one.
void become_member() {
  const std::string cid = S.doc.community.id;
  std::string me = S.me.count(cid) ? S.me[cid] : std::string();
  if (me.empty() || !cv::find_live(S.doc.community, me)) {
    me = new_id();
    cv::doc_apply(S.doc, cv::op_create("Answer the invitation", me, cv::kMember, {{"name", ""}}), now());
    S.me[cid] = me;
    platform::storage_set_meta("me:" + cid, me);
  }
  S.world.me = S.world.self = S.self[cid] = me;
  platform::storage_set_meta("self:" + cid, me);
  step_storage();
}

// The invitation in the preview was accepted: open (or find) its community and answer as a member.
void answer_invitation() {
  app::Importer& im = S.importer;
  if (im.kind != app::Importer::Invitation || im.readable == 0 || !im.error.empty()) return;
  cv::Community c = im.all;
  close_import();
  const std::string cid = c.id;
  const bool known = std::any_of(S.world.communities.begin(), S.world.communities.end(),
                                 [&](const ui::CommunityEntry& e) { return e.id == cid && !e.trashed_ms; });
  if (S.doc.community.id != cid) {
    if (known) {
      // Already here (answered before, or the convener's own): answer once it has opened.
      S.import_after_open = std::move(c);
      S.has_import_after_open = true;
      S.answer_after_open = cid;
      open_community(cid);
      return;
    }
    leave_open();
    opened(std::move(c), "", false);
  } else {
    bool ok = false;
    const std::string said = app::merge_checked(S.doc, c, "Invitation", now(), ok);
    if (!ok) {
      say(said, true);
      return;
    }
  }
  become_member();
}

void handle_link(platform::Event& e) {
  S.world.fetching.clear();
  const std::string source = e.info.value("source", "");
  const bool invite = e.info.value("invite", false);
  std::vector<app::Incoming> in;  // the bytes moved, not copied (a hosted file can be 64 MB)
  in.push_back({source, std::move(e.data), e.info.value("error", "")});
  if (invite) preview(in, app::Importer::Invitation, "an invitation");
  else preview(in, app::Importer::Link, source == "share link" ? "a share link" : source);
}

// [SECTION] Sign-up sheets and breakout groups -----------------------------------------------------------

void show_sheet() {
  const app::SignUpSheet& sh = S.sheet;
  ui::World& w = S.world;
  w.csv_open = sh.open;
  w.csv_name = sh.name;
  w.csv_error = sh.error;
  w.csv_encoding = sh.table.encoding;
  w.csv_blocked = sh.blocked;
  w.csv_header.clear();
  w.csv_rows.clear();
  w.csv_row_problem.clear();
  w.csv_mapping.clear();
  w.csv_imported = sh.import.imported;
  w.csv_skipped = sh.import.skipped;
  const auto& rows = sh.table.rows;
  if (!sh.open || rows.empty()) return;
  size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.size());
  for (size_t i = 0; i < width; ++i)
    w.csv_header.push_back(sh.mapping.header && i < rows[0].size() ? rows[0][i] : "Column " + std::to_string(i + 1));
  for (size_t r = sh.mapping.header ? 1 : 0; r < rows.size(); ++r) w.csv_rows.push_back(rows[r]);
  w.csv_row_problem.assign(w.csv_rows.size(), "");
  for (const cv::CsvRow& row : sh.import.rows)
    if (!row.problem.empty()) w.csv_row_problem[row.line - 1 - (sh.mapping.header ? 1 : 0)] = row.problem;
  for (const cv::SheetColumn& c : cv::sheet_columns()) w.csv_mapping.push_back({c.key, c.label, sh.mapping.column(c.key)});
}

double clock_ms() { return static_cast<double>(platform::now_ms()); }

// A slice of the solver's work each frame, so the page never freezes.
void groups_slice() {
  cv::Op op;
  const bool was_running = S.groups.running();
  // An id (random bytes from the browser) only while a job runs, not every frame.
  if (was_running && app::groups_slice(S.groups, S.doc.community, new_id(), op) && !op.changes.empty())
    cv::doc_apply(S.doc, op, now());
  S.world.groups_running = S.groups.running();
  S.world.groups_progress = S.groups.progress;
  if (was_running || !S.groups.message.empty()) S.world.groups_message = S.groups.message;
}

// Regrouping objectives and skills after a change, about 10 ms of it per frame, so a community of
// thousands regroups while the page stays responsive (the last groups stay on screen meanwhile).
void views_slice() {
  if (!S.world.ready) return;
  cv::views_update(S.views, S.doc);
  const int64_t start = now();
  while (S.views.busy && now() - start < 10) cv::views_step(S.views, S.doc, 2000);
}

// [SECTION] Events from the page -------------------------------------------------------------------

ui::CommunityEntry entry_of(const cv::json& j) {
  ui::CommunityEntry e;
  e.id = j.value("id", "");
  e.name = j.value("name", "");
  e.saved_ms = j.value("saved", int64_t(0));
  e.trashed_ms = j.value("trashed", int64_t(0));
  e.bytes = j.value("bytes", size_t(0));
  return e;
}

void set_list(const cv::json& info) {
  const cv::json& list = info.contains("communities") ? info["communities"] : cv::json();
  S.world.communities.clear();
  if (list.is_array())
    for (const auto& j : list) S.world.communities.push_back(entry_of(j));
  std::sort(S.world.communities.begin(), S.world.communities.end(),
            [](const ui::CommunityEntry& a, const ui::CommunityEntry& b) { return cv::collate_less(a.name, b.name); });
  S.world.recovery.clear();
  if (info.contains("recovery") && info["recovery"].is_array())
    for (const auto& j : info["recovery"])
      S.world.recovery.push_back({j.value("key", ""), j.value("name", ""), j.value("reason", ""),
                                  j.value("at", int64_t(0)), j.value("bytes", size_t(0))});
}

void on_storage_ready(const platform::Event& e) {
  S.saver.tab = e.info.value("tab", std::string("tab"));
  if (!e.info.value("ok", false)) {
    S.world.storage_ok = false;
    S.world.storage_error = e.info.value("error", std::string("storage is not available"));
    S.actor = new_id();
    S.doc.clock.actor = S.actor;
    opened(cv::new_community(new_id(), "Our community", S.doc.clock, now()), "", false);
    return;
  }
  S.actor = e.info.value("actor", "");
  if (S.actor.empty()) {
    S.actor = new_id();
    platform::storage_set_meta("actor", S.actor);
  }
  S.doc.clock.actor = S.actor;
  app::live_page_ready(S.live, e.info);
  if (e.info.contains("seen") && e.info["seen"].is_object())
    for (auto it = e.info["seen"].begin(); it != e.info["seen"].end(); ++it)
      if (it.value().is_string()) S.seen[it.key()] = std::strtoll(it.value().get<std::string>().c_str(), nullptr, 10);
  for (auto [key, into] : {std::pair<const char*, std::map<std::string, std::string>*>{"me", &S.me}, {"self", &S.self}})
    if (e.info.contains(key) && e.info[key].is_object())
      for (auto it = e.info[key].begin(); it != e.info[key].end(); ++it)
        if (it.value().is_string()) (*into)[it.key()] = it.value().get<std::string>();
  set_list(e.info);
  std::string open = e.info.value("last_open", "");
  const bool usable = std::any_of(S.world.communities.begin(), S.world.communities.end(),
                                  [&](const ui::CommunityEntry& c) { return c.id == open && !c.trashed_ms; });
  if (!usable) open = latest_community();
  // Journals of communities that will not be opened now are merged into their stored copies.
  for (PendingJournal& j : S.journals)
    if (j.id != open && j.after_seq < 0) {
      app::saver_store(S.saver, j.c);
      j.after_seq = S.saver.seq;
    }
  if (open.empty()) new_community("Our community");
  else open_community(open);
  platform::storage_estimate();
}

void on_journal(const platform::Event& e) {
  cv::Parsed p = cv::parse_file(e.data);
  if (!p.ok || p.community.id != e.info.value("id", "")) {
    platform::storage_drop_meta(e.info.value("key", ""));  // nothing to merge from it
    return;
  }
  S.journals.push_back({e.info.value("key", ""), p.community.id, std::move(p.community), -1});
}

void on_loaded(const platform::Event& e) {
  const std::string id = e.info.value("id", "");
  if (id == S.duplicating) {
    S.duplicating.clear();
    cv::Parsed p = cv::parse_file(e.data);
    if (p.ok) {
      cv::Community copy = cv::duplicate_community(p.community, new_id(), S.doc.clock, now());
      app::saver_store(S.saver, copy);
      step_storage();
      say("Made a copy: " + name_of(copy) + ".");
    }
    return;
  }
  if (id == S.opening) {
    S.opening.clear();
    const bool found = e.info.value("found", false);
    cv::Parsed p = found ? cv::parse_file(e.data) : cv::Parsed{};
    if (p.ok) {
      // A write of it still pending from this tab (it was just left): its edits are part of it.
      if (auto it = S.saver.others.find(id); it != S.saver.others.end()) cv::merge_into(p.community, it->second.c);
      opened(std::move(p.community), e.info.value("etag", ""), true);
    } else {
      const std::string why = e.info.value("purged", false) ? std::string("it was deleted for good")
                              : p.error.empty() ? e.info.value("error", std::string("it is missing"))
                                                : p.error;
      say("The stored copy could not be opened (" + why + "); it was left as it is.", true);
      S.has_import_after_open = false;
      S.answer_after_open.clear();
      if (!S.world.ready) new_community("Our community");
    }
    return;
  }
  if (S.world.ready && id == S.doc.community.id && e.info.value("found", false)) {
    // Another tab saved this community: take its edits in.
    if (app::saver_absorb(S.saver, S.doc, e.data, e.info.value("etag", ""))) say("Took in edits saved in another tab.");
    step_storage();
  }
}

// Takes what it keeps of the event (a file's bytes move, not copied: they can be 60 MB).
void handle_event(platform::Event& e) {
  if (e.kind == "storage-ready") on_storage_ready(e);
  else if (e.kind == "journal") on_journal(e);
  else if (e.kind == "loaded") on_loaded(e);
  else if (e.kind == "saved" || e.kind == "save-conflict" || e.kind == "save-failed") on_write_result(e);
  else if (e.kind == "list") set_list(e.info);
  else if (e.kind == "http") app::live_page_answer(S.live, S.doc, e, now());
  else if (e.kind == "persist") S.world.persisted = e.info.value("granted", false) ? 1 : 0;
  else if (e.kind == "estimate") {
    S.world.usage = e.info.value("usage", 0.0);
    S.world.quota = e.info.value("quota", 0.0);
    if (S.world.persisted < 0) S.world.persisted = e.info.value("persisted", false) ? 1 : 0;
  } else if (e.kind == "other-tab-saved") {
    if (S.world.ready && e.info.value("id", "") == S.doc.community.id) platform::storage_load(S.doc.community.id);
    platform::storage_list();
  } else if (e.kind == "purged") {
    // Deleted for good (here or in another tab): never stored again, and no longer open.
    const std::string id = e.info.value("id", "");
    S.saver.others.erase(id);
    if (S.world.ready && id == S.doc.community.id) {
      S.saver.purged = true;
      say(name_of(S.doc.community) + " was deleted for good in another tab.", true);
      open_latest(id);
    }
  } else if (e.kind == "storage-error") {
    say("Storage: " + e.info.value("error", std::string()), true);
    S.storage_errors.push_back(S.ui.status);
    if (S.storage_errors.size() > 10) S.storage_errors.erase(S.storage_errors.begin());
  } else if (e.kind == "update-ready") {
    S.world.update_ready = true;
  } else if (e.kind == "files-start") {  // kept in the order chosen: the page reads them in any order
    S.incoming.assign(static_cast<size_t>(std::clamp(e.info.value("count", 0), 0, 10000)), {});
  } else if (e.kind == "file") {
    const size_t at = static_cast<size_t>(std::max(e.info.value("index", 0), 0));
    if (at >= S.incoming.size()) S.incoming.resize(at + 1);
    S.incoming[at] = {e.info.value("name", "file"), std::move(e.data), e.info.value("error", "")};
  } else if (e.kind == "files-done") {
    if (!S.incoming.empty() && app::is_sheet_name(S.incoming[0].name)) {
      app::sheet_open(S.sheet, S.doc, S.incoming[0], now());  // a sign-up sheet: its own preview, with columns to map
      show_sheet();
    } else {
      preview(S.incoming, app::Importer::Files,
              S.incoming.size() == 1 ? S.incoming[0].name : std::to_string(S.incoming.size()) + " files");
    }
    S.incoming.clear();
  } else if (e.kind == "link-fetching") {
    S.world.fetching = e.info.value("source", "");
  } else if (e.kind == "link") {
    handle_link(e);
  } else if (e.kind == "share-link") {
    S.world.share_open = true;
    S.world.share_kind = e.info.value("link_kind", "c");
    S.world.share_error = e.info.value("error", "");
    S.world.share_url = e.info.value("url", "");
    S.world.share_length = e.info.value("length", size_t(0));
    S.world.share_copied = -1;
    if (S.world.share_error.empty() && S.world.share_length < ui::kMaxLinkChars) platform::copy_text(S.world.share_url);
  } else if (e.kind == "copied") {
    S.world.share_copied = e.info.value("ok", false) ? 1 : 0;
  }
}

// [SECTION] Commands from the UI ---------------------------------------------------------------------

void run(const ui::Command& c) {
  using K = ui::Command;
  if (app::live_page_command(S.live, S.doc, c)) return step_live();  // Community > Connect, Disconnect
  // The files the community exports (exports.cpp): one download each, and what it was.
  if (const app::Export e = app::export_for(c, S.doc.community, now()); !e.name.empty()) {
    platform::download(e.name, e.bytes, e.mime);
    if (!e.said.empty()) say(e.said);
    return;
  }
  switch (c.kind) {
    case K::Undo:
    case K::Redo: {
      const auto& stack = c.kind == K::Undo ? S.doc.undo_stack : S.doc.redo_stack;
      const std::string label = stack.empty() ? "" : stack.back().label;
      if (c.kind == K::Undo ? cv::doc_undo(S.doc, now()) : cv::doc_redo(S.doc, now()))
        say((c.kind == K::Undo ? "Undone: " : "Redone: ") + label);
      break;
    }
    case K::NewCommunity: new_community("New community"); break;
    case K::OpenCommunity: open_community(c.arg); break;
    case K::DuplicateCommunity:
      if (S.world.ready && c.arg == S.doc.community.id) {
        cv::Community copy = cv::duplicate_community(S.doc.community, new_id(), S.doc.clock, now());
        app::saver_store(S.saver, copy);
        step_storage();
        say("Made a copy: " + name_of(copy) + ". Open it from Community > Communities.");
      } else {
        S.duplicating = c.arg;
        platform::storage_load(c.arg);
      }
      break;
    case K::TrashCommunity:
      // The open one's last edits are written first, then it goes to the bin.
      if (S.world.ready && c.arg == S.doc.community.id) leave_open();
      platform::storage_trash(c.arg, true);
      for (auto& e : S.world.communities)
        if (e.id == c.arg) e.trashed_ms = now();
      if (S.world.ready && c.arg == S.doc.community.id) {
        S.world.ready = false;  // already left
        const std::string next = latest_community(c.arg);
        if (next.empty()) new_community("Our community");
        else {
          S.opening = next;
          platform::storage_load(next);
        }
      }
      say("Moved to the bin. Community > Communities > Bin brings it back.");
      break;
    case K::RestoreCommunity:
      platform::storage_trash(c.arg, false);
      say("Restored from the bin.");
      break;
    case K::PurgeCommunity: platform::storage_purge(c.arg); break;
    case K::ExportFile: {
      const std::string name = cv::filename_safe(name_of(S.doc.community)) + " " + platform::local_date() +
                               ".cultivate.json";
      platform::download(name, cv::to_file(S.doc.community), "application/json");
      say("Exported " + name + ".");
      break;
    }
    case K::ImportFiles: platform::pick_files(".json,.cultivate.json,application/json,.csv,text/csv"); break;
    case K::ImportCsv: platform::pick_files(".csv,.tsv,.txt,text/csv"); break;
    case K::CsvRemap:
      app::sheet_remap(S.sheet, S.doc, c.key, c.column, now());
      show_sheet();
      break;
    case K::CsvConfirm: {
      bool ok = false;
      const std::string said = app::sheet_confirm(S.sheet, S.doc, now(), ok);
      if (!said.empty()) say(said, !ok);
      show_sheet();
      break;
    }
    case K::CsvCancel:
      app::sheet_close(S.sheet);
      show_sheet();
      break;
    case K::CopyInviteLink: platform::make_share_link(cv::to_compact(cv::invitation_of(S.doc.community)), "invite"); break;
    case K::DownloadMyAnswers: {
      const cv::Community mine = cv::member_answers(S.doc.community, S.world.me);
      const std::string name = cv::filename_safe(cv::member_name(S.doc.community, S.world.me) + " answers for " +
                                                 name_of(S.doc.community)) + ".cultivate.json";
      platform::download(name, cv::to_file(mine), "application/json");
      say("Saved " + name + ". Send it to the convener.");
      break;
    }
    case K::CopyAnswersLink:
      platform::make_share_link(cv::to_compact(cv::member_answers(S.doc.community, S.world.me)), "c");
      break;
    case K::StopAnswering:
      S.me.erase(S.doc.community.id);
      platform::storage_set_meta("me:" + S.doc.community.id, "");
      S.world.me.clear();
      break;
    case K::GenerateGroups: app::groups_start(S.groups, S.doc.community, c.groups, platform::random_u64(), clock_ms); break;
    case K::RegenerateRound: app::groups_regenerate(S.groups, S.doc.community, c.arg, platform::random_u64(), clock_ms); break;
    case K::CancelGroups: app::groups_cancel(S.groups); break;
    case K::Chime: platform::chime(); break;
    case K::LargeFonts: platform::want_large_fonts(); break;
    case K::SetTextSize: platform::set_display(std::strtof(c.arg.c_str(), nullptr), S.world.high_contrast); break;
    case K::ToggleContrast: platform::set_display(S.world.text_size, !S.world.high_contrast); break;
    case K::ImportMerge: import_merge(); break;
    case K::AnswerInvitation: answer_invitation(); break;
    case K::Reload:
      // Whatever is not stored yet is journalled and written first; the journal survives the reload.
      app::saver_hide(S.saver, S.doc, now());
      pump_storage();
      platform::reload_page();
      break;
    case K::DownloadRecovery: platform::storage_download_recovery(c.arg); break;
    case K::DropRecovery: platform::storage_drop_meta(c.arg); break;
    case K::ThreadsSeen:  // per browser, never merged: what is new is new to this person here
      S.seen[S.doc.community.id] = S.world.threads_seen_ms = now();
      platform::storage_set_meta("seen:" + S.doc.community.id, std::to_string(S.world.threads_seen_ms));
      break;
    case K::ImportAsNew: import_as_new(); break;
    case K::ImportCancel: close_import(); break;
    case K::ShareLink: platform::make_share_link(cv::to_compact(S.doc.community), "c"); break;
    case K::CopyShareLink: platform::copy_text(S.world.share_url); break;
    case K::CloseShare: S.world.share_open = false; break;
    case K::RetrySave:
      S.saver.retry_at_ms = 0;
      step_storage(true);
      break;
    default: break;  // the exports, handled above
  }
}

// [SECTION] The frame -------------------------------------------------------------------------------

// Events and saves, with or without a frame.
void tick() {
  const uint64_t revision_before = S.doc.revision;
  for (platform::Event& e : platform::take_events()) {
    if (e.kind == "link" && !S.world.ready) S.waiting.push_back(std::move(e));
    else handle_event(e);
  }
  if (S.world.ready && !S.waiting.empty()) {
    for (auto& e : S.waiting) handle_event(e);
    S.waiting.clear();
  }
  if (S.world.ready) step_storage(), step_live();
  if (S.doc.revision != revision_before) platform::request_frame();
}

bool frame() {
  const uint64_t revision_before = S.doc.revision;
  tick();
  S.world.now_ms = now();
  // This browser's display: the look follows high contrast as it is chosen (or asked for).
  const platform::Display shown = platform::display();
  if (shown.high_contrast != S.world.high_contrast || shown.touch != S.world.touch) ui::apply_style(shown.high_contrast, shown.touch);
  S.world.text_size = shown.text_size, S.world.high_contrast = shown.high_contrast, S.world.reduced_motion = shown.reduced_motion;
  S.world.touch = shown.touch;
  // The date is asked of the browser once a minute (a call out of the page, 50 us of a 0.5 ms frame),
  // and at once when the clock jumps back.
  static int64_t date_read_at = 0;
  if (S.world.today.empty() || S.world.now_ms < date_read_at || S.world.now_ms - date_read_at >= 60000) {
    S.world.today = platform::local_date();
    date_read_at = S.world.now_ms;
  }

  ui::Output out;
  ui::Env env;
  env.new_id = new_id;
  S.views.today = S.world.today;
  cv::views_update(S.views, S.doc);
  env.views = &S.views;
  env.now_ms = S.world.now_ms;
  ui::draw_app(S.doc, S.world, S.ui, env, out);
  S.drawn_community = S.doc.community.id;
  S.drawn_revision = S.doc.revision;
  if (S.world.ready) {
    bool applied = false;
    for (const cv::Op& op : out.ops) {
      // What is stored must read back: a value an import would refuse is refused here too.
      if (std::string why = cv::check_op(op); !why.empty()) {
        say("Not changed: " + why + ".", true);
        continue;
      }
      if (cv::doc_apply(S.doc, op, now())) applied = true;
    }
    // An applied edit replaces the last message with what the panels say of it (often nothing).
    if (applied) say(out.status);
    if (!out.error.empty()) say(out.error, true);
  }
  for (const ui::Command& c : out.commands) run(c);
  groups_slice();
  views_slice();
  if (S.world.ready) step_storage(), step_live();
  // A meeting running in the live view: a frame at each new second of its countdown, none otherwise.
  if (const cv::Record* m = cv::find_live(S.doc.community, S.ui.live_meeting)) {
    const cv::RunView v = cv::run_view(*m, cv::agenda(S.doc.community, S.ui.live_meeting), now());
    int wake = -1;
    if (v.started && !v.ended && !v.paused) {
      const int64_t into = ((v.remaining_ms % 1000) + 1000) % 1000;
      wake = static_cast<int>(into ? into : 1000) + 5;
    }
    // The flash blinks (not when reduced motion is asked for: the steady cue needs no frames).
    if (now() < S.ui.flash_until && !S.world.reduced_motion) wake = wake < 0 ? 250 : std::min(wake, 250);
    if (wake > 0) platform::wake_after_ms(wake);
  }
  // Show the new state; keep a countdown on the save banner moving.
  return S.doc.revision != revision_before || !out.ops.empty() || !out.commands.empty() || S.groups.running() ||
         S.views.busy || out.more;
}

std::string test_state() { return S.world.ready ? cv::to_file(S.doc.community) : std::string("null"); }

std::string test_ui() {
  const ui::World& w = S.world;
  cv::json files = cv::json::array();
  for (const auto& f : w.import_files) {
    cv::json counts = cv::json::object();
    for (const auto& [type, c] : f.diff.by_type)
      counts[type] = {{"added", c.added}, {"changed", c.changed}, {"removed", c.removed}};
    files.push_back({{"name", f.name}, {"error", f.error}, {"counts", counts}});
  }
  cv::json recovery = cv::json::array();
  for (const auto& r : w.recovery) recovery.push_back({{"key", r.key}, {"name", r.name}, {"reason", r.reason}});
  cv::json list = cv::json::array();
  for (const auto& e : w.communities)
    list.push_back({{"id", e.id}, {"name", e.name}, {"trashed", e.trashed_ms != 0}});
  cv::json out = {
      {"ready", w.ready},
      // The last frame drawn shows the community as it is now (panels read their lists as they draw).
      {"drawn", S.drawn_community == S.doc.community.id && S.drawn_revision == S.doc.revision},
      {"status", S.ui.status},
      {"status_is_error", S.ui.status_is_error},
      {"dirty", w.dirty},
      {"saving", w.saving},
      {"save_error", w.save_error},
      // How long until the saver tries again by itself (0: not waiting), so a test can act before it.
      {"retry_in_ms", w.retry_at_ms > now() ? w.retry_at_ms - now() : 0},
      {"storage_ok", w.storage_ok},
      {"storage", {{"persisted", w.persisted}, {"usage", w.usage}, {"quota", w.quota}}},
      {"communities", list},
      {"importing", w.importing},
      {"import", {{"source", w.import_source}, {"files", files}, {"error", w.import_error},
                  {"invitation", w.import_invitation}, {"ms", S.import_ms}}},
      {"save_blocked", w.save_blocked},
      {"storage_errors", S.storage_errors},
      {"update_ready", w.update_ready},
      {"recovery", recovery},
      {"share", {{"open", w.share_open}, {"kind", w.share_kind}, {"url", w.share_url}, {"length", w.share_length},
                 {"error", w.share_error}, {"copied", w.share_copied}}},
      {"me", w.me},
      {"self", w.self},
      {"name_needed", S.ui.name_needed},
      {"meetings", app::meetings_test_ui(S.doc.community, S.views, S.ui, now())},
      {"member_presented", app::member_presented_test_ui(S.views, S.ui)},
      {"directory", app::directory_test_ui(S.doc, S.views, S.ui)},
      {"threads", app::threads_test_ui(S.views, S.ui)},
      {"network", app::network_test_ui(S.ui)},
      {"projects", app::projects_test_ui(S.ui)},
      {"live", app::live_page_test_ui(S.live, now())},
      {"csv", {{"open", w.csv_open}, {"error", w.csv_error}, {"encoding", w.csv_encoding}, {"imported", w.csv_imported},
               {"skipped", w.csv_skipped}, {"problems", w.csv_row_problem}, {"blocked", w.csv_blocked}}},
  };
  out.update(app::getting_started_test_ui(S.doc.community, S.views, S.ui, w));
  return out.dump(-1, ' ', false, cv::json::error_handler_t::replace);
}

}  // namespace

int main() {
  S.doc.clock.actor = "page";  // replaced by this browser's actor id once storage answers
  platform::PageHooks hooks;
  hooks.setup = [] { ui::apply_style(false); };
  ui::describe_item = platform::describe_item;  // the accessibility mirror's names, values and status
  ui::announce_status = platform::announce;
  ui::describe_text_item = platform::describe_text;
  ui::draw_to_picture = platform::draw_to_picture;  // the Connections map's ties and members
  platform::set_logical_text(ui::logical_of);
  hooks.frame = frame;
  hooks.tick = tick;
  hooks.test_state = test_state;
  hooks.test_ui = test_ui;
  hooks.test_idle_fields = [](bool on) { ui::idle_fields = on; };
  hooks.flush = [] {
    if (!S.world.ready) return;
    app::saver_hide(S.saver, S.doc, now());
    pump_storage();
  };
  platform::page_start(hooks);
  platform::storage_init();
  platform::open_location_hash();
  return 0;
}
