// saver.cpp: see saver.h.
//  [SECTION] Helpers
//  [SECTION] Opening and leaving
//  [SECTION] Writing
//  [SECTION] Outcomes
#include "app/saver.h"

#include <algorithm>

#include "core/format.h"

namespace app {

// [SECTION] Helpers ---------------------------------------------------------------------------------

namespace {

std::string name_of(const cv::Community& c) {
  const std::string n = cv::community_record(c).text("name");
  return n.empty() ? "Untitled community" : n;
}

std::string next_etag(Saver& s) { return s.tab + "." + std::to_string(++s.etags); }

int64_t backoff_ms(int failures) {
  static const int64_t steps[] = {2000, 5000, 10000, 30000, 60000};
  return steps[std::min(std::max(failures, 1), 5) - 1];
}

// What to do with a stored copy that came back in a conflict.
enum class Stored { Merge, Unreadable, Newer };
Stored classify(const cv::Parsed& p, const cv::Community& ours) {
  if (p.newer_version) return Stored::Newer;
  if (!p.ok || p.community.id != ours.id || !cv::check_compatible(ours, p.community).empty()) return Stored::Unreadable;
  return Stored::Merge;
}

std::string unreadable_reason(const cv::Parsed& p, const cv::Community& ours) {
  if (!p.ok) return p.error;
  if (p.community.id != ours.id) return "it holds another community";
  return cv::check_compatible(ours, p.community);
}

}  // namespace

bool saver_dirty(const Saver& s, const cv::Doc& doc) { return !s.id.empty() && doc.revision != s.saved_revision; }

// [SECTION] Opening and leaving ---------------------------------------------------------------------

void saver_open(Saver& s, const std::string& id, const std::string& etag, uint64_t revision) {
  s.id = id;
  s.etag = etag;
  s.saved_revision = revision;
  s.due_ms = 0;
  s.busy_seq = 0;
  s.keep_aside = false;
  s.failures = 0;
  s.retry_at_ms = 0;
  s.error.clear();
  s.blocked.clear();
  s.purged = false;
  // A write of this community still pending from before: its edits join the open one's next write.
  if (auto it = s.others.find(id); it != s.others.end() && it->second.seq == 0) s.others.erase(it);
}

void saver_leave(Saver& s, const cv::Doc& doc) {
  if (s.id.empty() || s.purged) {
    s.id.clear();
    return;
  }
  // The edits not stored yet (or in flight, whose outcome nobody will wait for) are written as a
  // community that is not open: merged with whatever storage holds by then.
  if (saver_dirty(s, doc) || s.busy_seq) {
    Saver::Other& o = s.others[s.id];
    o.c = doc.community;
    o.expect = s.etag.empty() ? "*" : s.etag;
    o.seq = 0;
    o.keep_aside = s.keep_aside;
    o.reason = s.aside_reason;
    if (o.keep_aside) o.expect = s.aside_expect;
  }
  s.id.clear();
  s.busy_seq = 0;
}

void saver_store(Saver& s, const cv::Community& c) {
  Saver::Other& o = s.others[c.id];
  if (o.c.id.empty()) o.c = c;
  else cv::merge_into(o.c, c);
  if (o.seq == 0) o.expect = "*";
}

// [SECTION] Writing ---------------------------------------------------------------------------------

namespace {

void write_open(Saver& s, const cv::Doc& doc, std::vector<std::string> parts) {
  Write w;
  w.id = s.id;
  w.name = name_of(doc.community);
  w.parts = std::move(parts);  // tens of megabytes at 10,000 members: moved, not copied
  w.expect = s.keep_aside ? s.aside_expect : s.etag;
  w.etag = next_etag(s);
  w.seq = ++s.seq;
  w.revision = doc.revision;
  w.keep_aside = s.keep_aside;
  w.reason = s.aside_reason;
  s.busy_seq = w.seq;
  s.busy_revision = doc.revision;
  s.due_ms = 0;
  s.writes.push_back(std::move(w));
}

}  // namespace

int64_t saver_step(Saver& s, const cv::Doc& doc, int64_t now_ms, bool flush) {
  int64_t wake = -1;
  auto wake_in = [&](int64_t ms) { wake = wake < 0 ? ms : std::min(wake, ms); };
  for (auto& [id, o] : s.others) {
    if (o.seq || (o.retry_at_ms && now_ms < o.retry_at_ms && !flush)) {
      if (!o.seq) wake_in(o.retry_at_ms - now_ms);
      continue;
    }
    Write w;
    w.id = id;
    w.name = name_of(o.c);
    w.parts = cv::to_file_parts(o.c);
    w.expect = o.expect;
    w.etag = next_etag(s);
    w.seq = o.seq = ++s.seq;
    w.keep_aside = o.keep_aside;
    w.reason = o.reason;
    s.writes.push_back(std::move(w));
  }
  if (!saver_dirty(s, doc) || s.busy_seq || s.purged) return wake;
  if (!s.blocked.empty() && (s.blocked_revision == doc.revision || s.blocked_revision == 0)) return wake;
  if (s.retry_at_ms && now_ms < s.retry_at_ms && !flush) {
    wake_in(std::min<int64_t>(1000, s.retry_at_ms - now_ms));  // the countdown on the banner
    return wake;
  }
  if (!flush) {
    if (s.due_ms == 0) s.due_ms = now_ms + s.delay_ms;
    if (now_ms < s.due_ms) {
      wake_in(s.due_ms - now_ms);
      return wake;
    }
  }
  // What Cultivate writes it must read back: a community over the limits stays in memory only.
  std::vector<std::string> parts = cv::to_file_parts(doc.community);
  if (cv::bytes_of(parts) > cv::kMaxFileBytes || doc.community.records.size() > cv::kMaxRecords) {
    s.blocked = "this community is now too large to store (" + cv::check_fits(doc.community) +
                "). It is kept in memory but not saved: undo the last change, or export it and remove something.";
    s.blocked_revision = doc.revision;
    return wake;
  }
  if (s.blocked_revision) {  // it fits again (an undo)
    s.blocked.clear();
    s.blocked_revision = 0;
  }
  write_open(s, doc, std::move(parts));
  return wake;
}

void saver_hide(Saver& s, const cv::Doc& doc, int64_t now_ms) {
  if (saver_dirty(s, doc) && s.blocked.empty() && !s.purged) {
    std::vector<std::string> parts = cv::to_file_parts(doc.community);
    if (cv::bytes_of(parts) <= cv::kMaxFileBytes)
      s.journals.push_back(Journal{s.id, name_of(doc.community), std::move(parts), doc.revision});
  }
  saver_step(s, doc, now_ms, true);
}

// [SECTION] Outcomes --------------------------------------------------------------------------------

bool saver_absorb(Saver& s, cv::Doc& doc, const std::string& stored, const std::string& etag) {
  const cv::Parsed p = cv::parse_file(stored);
  if (!p.ok || p.community.id != doc.community.id || !cv::check_compatible(doc.community, p.community).empty())
    return false;
  const bool changed = cv::doc_absorb(doc, p.community);
  // The doc now holds everything stored under `etag`, so the next write may replace it. (A write in
  // flight names an older etag: it comes back as a conflict and is written again.)
  if (!s.busy_seq) {
    s.etag = etag;
    if (cv::to_file(doc.community) == stored) s.saved_revision = doc.revision;  // nothing to write back
  }
  return changed;
}

namespace {

void other_result(Saver& s, const WriteResult& r, int64_t now_ms) {
  auto it = s.others.find(r.id);
  if (it == s.others.end() || it->second.seq != r.seq) return;
  Saver::Other& o = it->second;
  o.seq = 0;
  switch (r.kind) {
    case WriteResult::Saved:
      if (!r.kept_aside.empty())
        s.notices.push_back("The stored copy of " + name_of(o.c) + " could not be read (" + o.reason +
                            "); it was kept aside as a recovery copy (Community > Communities).");
      s.others.erase(it);
      return;
    case WriteResult::Failed:
      o.retry_at_ms = now_ms + backoff_ms(1);
      s.notices.push_back("Could not store " + name_of(o.c) + ": " + r.error + ". Trying again.");
      return;
    case WriteResult::Conflict: {
      if (r.purged) {
        s.notices.push_back(name_of(o.c) + " was deleted for good in another tab; it was not stored again.");
        s.others.erase(it);
        return;
      }
      const cv::Parsed p = cv::parse_file(r.stored);
      switch (classify(p, o.c)) {
        case Stored::Merge:
          cv::merge_into(o.c, p.community);
          o.expect = r.etag;
          break;
        case Stored::Newer:
          s.notices.push_back("A newer version of Cultivate stored " + name_of(o.c) +
                              "; this page did not replace it. Reload the page to use the new version.");
          s.others.erase(it);
          break;
        case Stored::Unreadable:
          o.keep_aside = true;
          o.reason = unreadable_reason(p, o.c);
          o.expect = r.etag;
          break;
      }
      return;
    }
  }
}

}  // namespace

void saver_result(Saver& s, cv::Doc& doc, const WriteResult& r, int64_t now_ms) {
  if (r.id != s.id || r.seq != s.busy_seq) {
    other_result(s, r, now_ms);
    return;
  }
  s.busy_seq = 0;
  switch (r.kind) {
    case WriteResult::Saved:
      s.etag = r.etag;
      s.saved_revision = std::max(s.saved_revision, s.busy_revision);
      s.failures = 0;
      s.retry_at_ms = 0;
      s.error.clear();
      if (s.keep_aside && !r.kept_aside.empty())
        s.notices.push_back("The stored copy of " + name_of(doc.community) + " could not be read (" + s.aside_reason +
                            "); it was kept aside as a recovery copy (Community > Communities), and this one stored.");
      s.keep_aside = false;
      return;
    case WriteResult::Failed:
      // Never a silent loss: the banner stays, the community stays in memory, the write is retried.
      ++s.failures;
      s.error = r.error.empty() ? "the browser refused the write" : r.error;
      s.retry_at_ms = now_ms + backoff_ms(s.failures);
      s.due_ms = s.retry_at_ms;  // then at once, without the autosave delay on top
      return;
    case WriteResult::Conflict: {
      if (r.purged) {
        s.purged = true;
        s.notices.push_back(name_of(doc.community) +
                            " was deleted for good in another tab. It stays deleted; export it now if you need it.");
        return;
      }
      const cv::Parsed p = cv::parse_file(r.stored);
      switch (classify(p, doc.community)) {
        case Stored::Merge:
          // Another tab wrote in between: take its edits and write the whole again, now.
          s.etag = r.etag;
          saver_absorb(s, doc, r.stored, r.etag);
          s.due_ms = now_ms;
          break;
        case Stored::Newer:
          s.blocked = "a newer version of Cultivate stored this community; this page will not replace it. Reload the "
                      "page to use the new version (your changes here are kept until then).";
          s.blocked_revision = 0;
          break;
        case Stored::Unreadable:
          s.keep_aside = true;
          s.aside_reason = unreadable_reason(p, doc.community);
          s.aside_expect = r.etag;
          s.due_ms = now_ms;
          break;
      }
      return;
    }
  }
}

}  // namespace app
