// threads.cpp: see threads.h.
#include "core/threads.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include "core/books.h"
#include "core/cases.h"
#include "core/fields.h"
#include "core/getting_started.h"
#include "core/projects.h"
#include "core/text.h"

namespace cv {

namespace {

// Member names folded, to find the one an @ names with a few lookups, not one comparison per member.
struct Names {
  std::unordered_map<std::string, std::string> id;  // folded name -> member (the first in id order)
  size_t longest = 0;
};

Names folded_names(const Community& c) {
  Names names;
  for (const auto& [id, r] : live_of(c, kMember)) {
    const std::string n = fold(trim(get(*r, f::member_name)));
    if (n.empty()) continue;
    names.id.emplace(n, id);
    names.longest = std::max(names.longest, n.size());
  }
  return names;
}

// After each @, the longest name that ends where a word does ("@Zoë Ñúñez" names her and not a
// "Zoë" beside her; "@Bob" is not "@Bobby"): the text up to each word end, longest first.
std::vector<std::string> mentions_in(const Names& names, const std::string& text) {
  std::vector<std::string> out;
  if (text.find('@') == std::string::npos) return out;
  const std::string t = fold(text);
  auto boundary = [&](size_t end) {
    const unsigned char next = end < t.size() ? static_cast<unsigned char>(t[end]) : ' ';
    return !(std::isalnum(next) || next >= 0x80);
  };
  for (size_t at = t.find('@'); at != std::string::npos; at = t.find('@', at + 1)) {
    const size_t last = std::min(t.size(), at + 1 + names.longest);
    for (size_t end = last; end > at + 1; --end) {
      if (!boundary(end)) continue;
      auto it = names.id.find(t.substr(at + 1, end - at - 1));
      if (it == names.id.end()) continue;
      if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
      break;
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> mentions(const Community& c, const std::string& text) {
  return text.find('@') == std::string::npos ? std::vector<std::string>{} : mentions_in(folded_names(c), text);
}

std::vector<ThreadView> threads(const Community& c) {
  std::map<std::string, ThreadView> by_id;
  for (const auto& [id, r] : live_of(c, kThread)) {
    ThreadView t{id, get(*r, f::thread_kind), get(*r, f::thread_title), get(*r, f::thread_body), get(*r, f::thread_author),
                 get(*r, f::thread_at), 0, get(*r, f::thread_answered), get(*r, f::thread_tags), {}, {}};
    t.last_at = t.at;
    by_id.emplace(id, std::move(t));
  }
  for (const auto& [id, r] : live_of(c, kReply)) {
    auto it = by_id.find(get(*r, f::reply_thread));
    if (it == by_id.end()) continue;
    it->second.replies.push_back({id, get(*r, f::reply_author), get(*r, f::reply_body), get(*r, f::reply_at)});
  }
  std::vector<ThreadView> out;
  Names names;  // read once, and only when some text has an @
  bool named = false;
  for (auto& [id, t] : by_id) {
    std::sort(t.replies.begin(), t.replies.end(), [](const Reply& a, const Reply& b) { return a.at != b.at ? a.at < b.at : a.id < b.id; });
    std::string all = t.body;
    for (const Reply& r : t.replies) {
      t.last_at = std::max(t.last_at, r.at);
      all += "\n" + r.body;
    }
    if (all.find('@') != std::string::npos) {
      if (!named) names = folded_names(c), named = true;
      t.mentions = mentions_in(names, all);
    }
    out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(), [](const ThreadView& a, const ThreadView& b) {
    return a.last_at != b.last_at ? a.last_at > b.last_at : a.id < b.id;
  });
  return out;
}

int new_since(const ThreadView& t, int64_t since_ms) {
  int n = t.at > since_ms ? 1 : 0;
  for (const Reply& r : t.replies) n += r.at > since_ms;
  return n;
}

std::string tag_label(const Community& c, const std::string& id) {
  const Record* r = find_live(c, id);
  if (!r) return "(removed)";
  if (r->type == kTopic) return "topic: " + get(*r, f::topic_title);
  if (r->type == kCase) return "case: " + get(*r, f::case_title);
  if (r->type == kBook) return "book: " + get(*r, f::book_title);
  if (r->type == kProject) return "project: " + get(*r, f::project_title);
  return r->type;
}

Op op_start_thread(const std::string& id, const std::string& kind, const std::string& author, const std::string& title,
                   const std::string& body, const std::vector<std::string>& tags, int64_t at_ms) {
  Op op{"Start a thread", {}};
  put_new(op, id, kThread);
  put(op, id, f::thread_kind, kind);
  put(op, id, f::thread_title, trim(title));
  put(op, id, f::thread_body, trim(body));
  put(op, id, f::thread_author, author);
  put(op, id, f::thread_at, at_ms);
  put(op, id, f::thread_answered, false);
  if (!tags.empty()) put(op, id, f::thread_tags, tags);
  return op;
}

Op op_reply(const std::string& id, const std::string& thread, const std::string& author, const std::string& body,
            int64_t at_ms) {
  Op op{"Reply in a thread", {}};
  put_new(op, id, kReply);
  put(op, id, f::reply_thread, thread);
  put(op, id, f::reply_author, author);
  put(op, id, f::reply_body, trim(body));
  put(op, id, f::reply_at, at_ms);
  return op;
}

}  // namespace cv
