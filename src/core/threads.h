// threads.h: conversations between meetings. Asks, offers, questions, resources and announcements,
// each a thread with replies (one record each, so replies written in two copies both stay); @Name
// mentions a member; the author marks a thread answered; tags tie it to a topic, a case, a book or a
// project.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"

namespace cv {

inline constexpr const char* kThread = "thread";
inline constexpr const char* kReply = "reply";
inline constexpr const char* kThreadKinds[] = {"ask", "offer", "question", "resource", "announcement"};

struct Reply {
  std::string id, author, body;
  int64_t at = 0;
};
struct ThreadView {
  std::string id, kind, title, body, author;
  int64_t at = 0, last_at = 0;  // started; the latest reply (or the start)
  bool answered = false;
  std::vector<std::string> tags;      // ids of topics, cases, books
  std::vector<std::string> mentions;  // member ids named with @ in the thread or its replies
  std::vector<Reply> replies;         // in the order written
};
// Live threads, the latest activity first.
std::vector<ThreadView> threads(const Community& c);
// The members an @ in `text` names: the longest member name right after each @ (folded: "@zoe"
// names Zoë), each once, in the order named.
std::vector<std::string> mentions(const Community& c, const std::string& text);
// Threads and replies written after `since_ms` (what is new since this browser last looked).
int new_since(const ThreadView& t, int64_t since_ms);
// A tag's title as shown: "topic: Feedback", "case: The silent retro", "book: Radical Candor".
std::string tag_label(const Community& c, const std::string& id);

Op op_start_thread(const std::string& id, const std::string& kind, const std::string& author, const std::string& title,
                   const std::string& body, const std::vector<std::string>& tags, int64_t at_ms);
Op op_reply(const std::string& id, const std::string& thread, const std::string& author, const std::string& body,
            int64_t at_ms);

}  // namespace cv
