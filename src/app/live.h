// live.h: the live sync through a Matrix room (issue 15), as a plain state machine like the Saver:
// HTTP requests out (the page's fetch carries them), answers in. It logs in, creates or joins the
// room, reads what the room holds, long-polls /sync, merges what arrives through cv::check_sender,
// and sends what this person changed (Doc::touched), queued while offline. It knows nothing of the
// browser or the clock; src/app/web_main.cpp carries its requests and keeps its settings in storage.
//  [SECTION] Requests and answers
//  [SECTION] The sync's state
//  [SECTION] Driving it
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/model.h"

namespace app {

// [SECTION] Requests and answers --------------------------------------------------------------------
struct Http {
  int id = 0;
  std::string method, url;
  std::string token;         // the access token ("" none)
  std::string body;          // JSON text, or a file's bytes
  std::string content_type;  // of the body
  int timeout_ms = 60000;    // the page gives up after this (a /sync long poll waits 30 s)
};
struct HttpAnswer {
  int id = 0;
  int status = 0;            // 0: the network failed, or no answer in time (error says which)
  std::string error;
  std::string body;
};

// [SECTION] The sync's state -------------------------------------------------------------------------
struct RefusedChange {
  std::string sender;  // "@zoe:example.org"
  std::string what;    // "vote vote:t1:m2" or "vote vote:t1:m2, field dots"
  std::string reason;
  int64_t at_ms = 0;
};

struct Live {
  // Knocking: the room is invite-only and asked to be let in (a new member answering an invitation).
  enum Phase { Off, LoggingIn, Creating, Joining, Syncing, Failed, Knocking };
  Phase phase = Off;
  // What this browser keeps (settings(), in its storage only: never in a file or a link).
  std::string community;         // the community this connection is for
  std::string homeserver, user;  // "https://matrix.example.org", "@zoe:example.org"
  std::string token;             // the access token
  std::string room;              // "!abc:example.org"
  std::string since;             // /sync's next_batch
  std::set<std::string> waiting; // records changed here and not yet in the room
  std::set<std::string> mirrored;             // threads and replies sent as m.room.message too
  std::set<std::string> mirror;               // threads and replies still to send so
  std::map<std::string, std::string> roots;   // a thread's id -> its message in the room
  std::map<std::string, std::string> threads; // that message -> the thread's id

  // While connecting (never stored).
  std::string password, join_address, room_name;
  std::vector<std::string> invite;  // Matrix IDs to invite to a new room
  // The room.
  std::map<std::string, int> power;  // users' power levels
  int power_default = 0;
  std::set<std::string> creators;    // from room version 12 on, above every power level
  std::set<std::string> in_room;     // Matrix IDs joined or invited
  std::set<std::string> knocks;      // Matrix IDs asking to be let in
  std::string join_error;            // why joining failed, said if knocking fails too
  std::set<std::string> invite_check, invited;  // members whose Matrix ID changed here; invited by us
  bool encrypted = false;
  // In flight (0: none), and what a send carries.
  int seq = 0, sync_req = 0, send_req = 0, setup_req = 0, fetch_req = 0, gap_req = 0;
  std::vector<std::string> sending;   // the records the send in flight carries
  bool send_upload = false;           // it is their file's upload (the event naming it comes next)
  std::string sending_mirror;         // the thread or reply it shows as a message
  std::vector<std::string> mirror_later;  // replies waiting for their thread's message
  std::string gap_to;                 // a gap being read back, to this sync token
  std::string since_kept;             // the sync token before the last answer (kept while its gap or download is read)
  std::string fetch_sender;           // a snapshot being downloaded, and who sent it
  std::vector<nlohmann::json> events; // received and waiting for a download to finish first
  std::vector<nlohmann::json> orphans; // messages in threads not known yet (their start comes later)
  int failures = 0;
  int64_t retry_at_ms = 0;
  bool offline = false;
  bool first_sync = true;
  bool need_state = true;   // the room's state (who may write) is read before anything else
  int64_t sent_ms = 0, received_ms = 0;  // the last event sent, and received from another sender

  std::string error;                  // why it stopped (Failed), in words
  std::vector<RefusedChange> refused; // the newest last, at most kMaxRefused
  std::vector<std::string> notices;   // sentences for the status line (out)
  std::vector<Http> out;              // requests for the page (out)
  bool settings_changed = false;      // settings() should be stored again (out)
  bool opened_room = false;           // a room was created or joined (out, for the status line)
};
inline constexpr size_t kMaxRefused = 200;
// Above this many records, changes go as one uploaded file instead of events of 60 KB.
inline constexpr size_t kMaxRecordsInEvents = 400;

// [SECTION] Driving it ------------------------------------------------------------------------------
// Logs in and creates a room for the open community (inviting `invite`), or joins `join_address`.
void live_connect(Live& l, const cv::Community& c, const std::string& homeserver, const std::string& user,
                  const std::string& password, const std::string& join_address, const std::vector<std::string>& invite);
// Lets in someone who asked to join (a moderator's browser).
void live_invite(Live& l, const std::string& matrix_id);
// Stops: the room and the community stay; this browser forgets its token and the room.
void live_disconnect(Live& l);
// What this browser keeps between visits, and reading it back (false: nothing usable).
nlohmann::json live_settings(const Live& l);
bool live_resume(Live& l, const std::string& community, const nlohmann::json& settings);
// Each frame or tick: takes the doc's changes into the queue and sends and polls what is due.
// Returns the milliseconds until it wants to be stepped again (-1: only when an answer comes).
int64_t live_step(Live& l, cv::Doc& doc, int64_t now_ms);
// An answer to one of its requests. Merges what the room sent into doc (no undo step).
void live_answer(Live& l, cv::Doc& doc, const HttpAnswer& a, int64_t now_ms);
// The status line's words: "synced", "3 changes waiting", "offline (retrying in 4 s)", an error.
std::string live_status(const Live& l, int64_t now_ms);

}  // namespace app
