// ui.h: the Dear ImGui interface. Panels read the model and emit Ops and Commands; they never
// change the model themselves (src/app applies what they emit).
//  [SECTION] What the UI emits
//  [SECTION] What the UI shows besides the community
//  [SECTION] UI state (what is on screen, not in the community)
//  [SECTION] Panels
//  [SECTION] Widgets shared by panels
#pragma once
#include <array>
#include <functional>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/breakouts.h"
#include "core/directory.h"
#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/model.h"
#include "core/network.h"
#include "core/projects.h"
#include "core/views.h"
#include "imgui.h"

namespace ui {

// [SECTION] What the UI emits -----------------------------------------------------------------------
struct Command {
  enum Kind {
    Undo, Redo,
    NewCommunity, OpenCommunity, DuplicateCommunity, TrashCommunity, RestoreCommunity, PurgeCommunity,
    ExportFile, ImportFiles, ImportMerge, ImportAsNew, ImportCancel,
    ShareLink, CopyShareLink, CloseShare, RetrySave,
    ImportCsv, CsvConfirm, CsvCancel, CsvRemap,  // CsvRemap: key and column
    CopyInviteLink, DownloadMyAnswers, CopyAnswersLink, StopAnswering,
    ExportAgendaMarkdown, ExportAgendaHtml, ExportAgendaIcs,  // arg: meeting id
    GenerateGroups,      // groups: the request
    RegenerateRound,     // arg: breakout round id
    CancelGroups,
    ExportGroupCards,    // arg: session
    ExportSummaryMarkdown, ExportSummaryHtml, ExportSeriesIcs,  // arg: meeting id
    Chime,               // the end of a block in the live view
    SetTextSize,         // arg: the size, "1" to "2" (this browser's)
    ToggleContrast,      // high contrast on or off (this browser's)
    AnswerInvitation,    // the invitation in the preview: answer it as a member in this browser
    Reload,              // a new version of the page is ready
    DownloadRecovery,    // arg: a recovery copy's key
    DropRecovery,        // arg: a recovery copy's key
    ExportReadingPlanMarkdown, ExportReadingPlanHtml,  // arg: book id
    ExportCaseMarkdown, ExportCaseHtml,                // arg: case id
    ExportDirectoryHtml, ExportDirectoryVcf,           // the member directory
    ThreadsSeen,         // the Threads tab was opened: remember when, in this browser
    ExportNetworkGraphml, ExportNetworkCsv,  // arg: the Connections tab's filter (network_filter)
    ExportCycleSummary,  // arg: the cycle (objectives revisited), as Markdown
    LiveConnect,         // arg: {homeserver, user, password, join} as JSON (join "" creates a room)
    LiveDisconnect,
    LiveInvite,          // arg: a Matrix ID asking to join the room
    LargeFonts,          // the live view is shown: its countdown and title fonts are wanted (a frame later)
  };
  Kind kind;
  std::string arg;           // an id (community, meeting, round, recovery copy), where the command needs one
  cv::GroupsRequest groups;  // GenerateGroups
  std::string key;           // CsvRemap: what the column fills ("member.name")
  int column = -1;           // CsvRemap: the column (-1: none)
};

struct Output {
  std::vector<cv::Op> ops;
  std::vector<Command> commands;
  std::string status;  // said after this frame's Ops are applied (say what an Op did, "Removed Zoë...")
  std::string error;   // said as an error, with or without Ops: an edit refused and why
  bool more = false;   // a panel has work left in slices (the map's layout): draw another frame
  void command(Command::Kind k, std::string arg = {}) {
    Command c;
    c.kind = k;
    c.arg = std::move(arg);
    commands.push_back(std::move(c));
  }
  void generate_groups(cv::GroupsRequest req) {
    Command c;
    c.kind = Command::GenerateGroups;
    c.groups = std::move(req);
    commands.push_back(std::move(c));
  }
  void csv_remap(std::string key, int column) {
    Command c;
    c.kind = Command::CsvRemap;
    c.key = std::move(key);
    c.column = column;
    commands.push_back(std::move(c));
  }
};

// [SECTION] What the UI shows besides the community -------------------------------------------------
// Filled by the app from storage, files and links; the UI only reads it.
struct CommunityEntry {
  std::string id, name;
  int64_t saved_ms = 0, trashed_ms = 0;  // trashed_ms != 0: in the bin since then
  size_t bytes = 0;
};

// A stored copy that could not be read, kept aside before it was replaced.
struct RecoveryEntry {
  std::string key, name, reason;
  int64_t at_ms = 0;
  size_t bytes = 0;
};

struct ImportFile {
  std::string name;
  std::string error;  // empty when the file can be imported
  cv::Diff diff;      // what it alone would change
  bool other_community = false;
  std::string incoming_name;
};

struct World {
  int64_t now_ms = 0;
  // Display (this browser's): the text size, high contrast, the browser's wish for reduced motion
  float text_size = 1.0f;
  bool high_contrast = false, reduced_motion = false, touch = false;
  std::string today;                // "2027-02-04", the person's own calendar
  bool ready = false;               // a community is open
  bool storage_ok = true;           // IndexedDB works in this browser
  std::string storage_error;
  std::vector<CommunityEntry> communities;
  std::vector<RecoveryEntry> recovery;
  bool update_ready = false;        // a new version of the page was installed: reload to use it
  // Saving
  bool dirty = false, saving = false;
  std::string save_error;           // the last failed save, until one succeeds
  std::string save_blocked;         // why the community is not being stored at all (too large, a newer version)
  int64_t retry_at_ms = 0;
  int64_t threads_seen_ms = 0;      // when this browser last opened the community's threads (0 never)
  int64_t last_saved_ms = 0;
  int persisted = -1;               // navigator.storage.persist(): -1 not known yet, 0 refused, 1 granted
  double usage = 0, quota = 0;      // navigator.storage.estimate(), bytes
  // Importing files and links
  bool importing = false;
  std::string import_source;        // "2 files", "a share link", an address
  std::vector<ImportFile> import_files;
  cv::Diff import_diff;             // all importable files together
  bool import_mixed = false;        // the files hold different communities
  std::string import_other_name;    // the name of the community the files hold, when not this one
  bool import_other = false;
  std::string import_error;         // why the files cannot be merged together (Merge is not offered)
  bool import_invitation = false;   // the preview is of an invitation
  std::string invite_purpose;
  int invite_guidelines = 0;
  std::string fetching;             // an address being fetched for a #url= link
  // Share link
  bool share_open = false;
  std::string share_kind = "c";     // "c" a community, "invite" an invitation
  std::string share_url, share_error;
  size_t share_length = 0;
  int share_copied = -1;            // -1 not yet, 0 the clipboard refused, 1 copied
  // CSV import
  bool csv_open = false;
  std::string csv_name, csv_error, csv_encoding;
  std::vector<std::string> csv_header;
  std::vector<std::vector<std::string>> csv_rows;  // the data rows (for the preview)
  std::vector<std::string> csv_row_problem;        // per data row: why it is skipped, or ""
  struct CsvColumnChoice {
    std::string key, label;
    int column = -1;  // -1: none
  };
  std::vector<CsvColumnChoice> csv_mapping;
  int csv_imported = 0, csv_skipped = 0;
  std::string csv_blocked;          // why the rows cannot be imported (the community would be too large)
  // Breakout groups being made (the solver runs a slice per frame)
  bool groups_running = false;
  float groups_progress = 0;
  std::string groups_message;       // the last result, in words
  // The live sync through a Matrix room (src/app/live.h).
  struct LiveRefused {
    std::string sender, what, reason;
    int64_t at_ms = 0;
  };
  struct LiveInfo {
    int phase = 0;                  // app::Live::Phase: 0 off, 5 failed
    std::string status;             // "synced", "3 changes waiting", "offline (retrying in 4 s)", an error
    std::string homeserver, user, room;
    std::vector<LiveRefused> refused;  // the newest last
    std::vector<std::string> knocks;   // Matrix IDs asking to be let in
  } live;
  // Invitations: the member this browser answers as, in the open community ("" when not answering).
  std::string me;
  std::string self;                 // the member this browser is in this community ("" not known), also in its own copy
};

inline constexpr size_t kMaxLinkChars = 8000;

// [SECTION] UI state (what is on screen, not in the community) ---------------------------------------
struct BookDraft {
  std::string title, author, link, why;
};
struct CaseDraft {
  std::string title, question, context, bringer;
  bool anonymous = false;
};

struct State {
  bool show_communities = false;  // the communities window
  std::string detail_member;      // the member whose intake is open ("" none)
  std::string voting_as;          // the member whose dots the Topics panel shows
  std::string match_for;          // a topic or problem id whose matching skills are shown
  // Each of the community's skills as drawn (who holds it) and as told to a screen reader, for
  // skill_lines_key (the overview's revision and community, a grouping running, the list's width and
  // the font size): written once per change, not per frame.
  std::vector<std::string> skill_who, skill_said;
  std::string skill_lines_key;
  std::vector<std::string> group_pick;  // objective groups picked to merge (by first objective id)
  std::string new_topic, new_parking;
  // Groups panel
  std::vector<std::string> absent;  // members not here today
  int group_size = 4, group_count = 0, group_rounds = 3;
  bool by_count = false, odd_bigger = true;
  std::string session;
  std::vector<std::string> round_titles;  // each round's session as titled, for round_titles_key (revision)
  std::string round_titles_key;
  // The rounds last in view, for round_heights_key (revision, width, line height): where each row of
  // their cards begins (and where the rows end), and per group each member's label (name and id) and
  // new connections in it. A frame finds the rows in view by binary search and looks up no names.
  struct RoundDrawn {
    std::vector<float> row_tops;
    std::vector<std::vector<std::pair<std::string, int>>> cards;
  };
  std::unordered_map<std::string, RoundDrawn> rounds_drawn;
  size_t rounds_in_view[2] = {0, 0};  // the last frame drew rounds [first, last) of them, newest first
  std::vector<float> round_tops;  // where each round begins, newest first, for round_heights_key (revision, width)
  std::string round_heights_key;
  // For round_heights_key too: a card's width (as wide as the longest member's name needs, within
  // bounds) and the room its "+N new" takes.
  float card_width = 0, card_new_width = 0;
  // Meetings
  std::string meeting;                              // the meeting in the designer
  std::string meeting_template = "Regular meeting", meeting_date, meeting_time;
  std::string new_action, new_guideline;
  std::string live_meeting;    // the meeting in the live view ("" none)
  std::string live_dismissed;  // a run in progress the facilitator left (not reopened by itself)
  std::string live_block;      // the block the live view showed last frame, and its time left:
  int64_t live_remaining = 0;  // the chime sounds when it crosses zero in view
  int64_t flash_until = 0;
  const char* live_cue = "";  // what the live view showed of a block's end this frame: "flash", "calm" or ""
  float live_title_px = 0;     // the block title's drawn size, and its font's baked size over it (the
  float live_title_baked = 0;  // device pixel ratio when crisp, less when a smaller font is scaled up)
  // Books
  std::string acting_as;                          // the member the Books tab acts as
  BookDraft book_draft;
  std::map<std::string, std::string> book_question, book_kept;  // per part, per book: text being typed
  std::string part_title, part_meeting;
  // Cases
  CaseDraft case_draft;
  std::string case_open;                  // the case shown in full
  std::string case_note, case_note_by;    // a question or suggestion being noted, and by whom
  bool case_note_question = true;
  std::string pa_words, pa_by;            // a peer-assist contribution being logged, and who offered it
  // Directory
  std::string directory_filter, directory_org, directory_tz, who_question;
  // Threads
  bool threads_open = false;        // the tab is showing (opening it marks everything seen)
  int64_t threads_seen_before = 0;  // when they were seen before this opening: newer ones are new
  std::string thread_open, thread_kind = "ask", thread_title, thread_body, reply_text, thread_filter;
  std::vector<std::string> thread_tags;
  std::string threads_fresh_key;    // what threads_fresh was counted for (revision, last visit)
  int threads_fresh = 0;            // replies and threads new since the last visit
  // Connections
  unsigned network_off = 0;         // tie kinds unticked (bit i: cv::kTieKinds[i])
  std::string network_from, network_to, network_key;
  cv::Network network;              // for network_key (revision and filter)
  cv::NetworkRun network_run;       // reading the network for network_run_key, a slice a frame
  std::string network_run_key;      // (network_run.work set while it runs; the last network shows meanwhile)
  cv::LayoutRun map_run;            // places on the map, for network_key: computed a slice a frame
                                    // (map_run.work set while it runs), drawn as they settle
  // The map's ties by member index, strongest first, and each member's ties (indexes into those):
  // what a frame draws without looking anything up by id.
  std::vector<std::array<int, 3>> map_ties;  // member a, member b, the tie's index in network.ties
  std::vector<std::vector<int>> map_ties_of;
  std::vector<int> map_order;  // members in the order they get a dot: without a tie first, then the most tied
  std::vector<float> network_density;  // the timeline's density in %, per point (read per network)
  std::vector<int> map_drawn;       // this frame's members with a dot (kept to reuse its memory)
  // Once the places are settled: members by cell of a kMapCells x kMapCells grid over the map, with
  // counts summed from the corner, and each member's rank in map_order (what a zoomed-in frame reads
  // instead of every member).
  std::vector<std::vector<int>> map_cells;
  std::vector<int> map_cell_sums, map_rank;
  float map_view[7] = {};  // the last frame's map: left, top, right, bottom, centre x and y, scale (for the tests)
  size_t map_read = 0;     // members the map's last drawing looked at to find those drawn
  // The map's faint ties and its members as a picture (draw_to_picture), and what it was drawn for:
  // shown again while that has not changed (network_panel.cpp).
  void* map_picture = nullptr;
  std::array<double, 21> map_picture_for{};
  unsigned map_places = 0;  // counts the moves of the places (a new network, a step of the layout)
  bool map_more = false;    // more members in view than kMapDots, in the last drawing
  bool map_reused = false;  // the last frame showed the picture as it was (for the tests)
  ImVec2 map_pan = ImVec2(0, 0);
  float map_zoom = 1;
  std::string intro_key;            // what introductions were suggested for (revision)
  cv::IntroRun intro_run;           // finding them for intro_run_key, a slice a frame
  std::string intro_run_key;
  bool intro_run_whole = false;     // the run reads the map's network (begun again if that changes)
  std::vector<cv::Introduction> introductions;
  std::string intro_message;        // the last introduction's message (on the clipboard too)
  // Projects
  std::string projects_key, project_open, project_title, project_goal, project_needs, project_offer;
  std::vector<cv::ProjectView> projects;  // for projects_key (revision)
  std::vector<std::string> project_rows;  // each one's line in the list, made with it
  // Objectives revisited
  int revisit_cycle = -1;           // the cycle looked at (-1: the one running)
  std::string revisit_key;
  cv::CycleSummary revisit;         // for revisit_key (revision, cycle)
  std::string directory_key;       // what directory_rows were filtered for (revision, filter, choices)
  std::vector<int> directory_rows;  // indexes into Views::profiles that pass the filter
  // Each row's place and skills as drawn, made when the row is first on screen ("" and "" not yet).
  std::vector<std::array<std::string, 2>> directory_lines;
  bool live_open = false;         // the Matrix room window
  std::string live_homeserver, live_user, live_password, live_room;
  bool live_join = false;         // join a room (live_room) rather than create one
  std::string confirm_trash;      // a community waiting for "Move to bin?"
  std::string confirm_purge;      // a community in the bin waiting for "Delete for good?"
  bool focus_name = false;        // put the keyboard in the community name next frame
  std::string member_filter;      // the members panel's search text
  std::string focus_record;       // a record whose first field takes the keyboard next frame
  bool name_needed = false;       // answers were to be sent without a name: ask for it
  bool name_focus = false;        // ...and put the keyboard in the name field, once
  std::string status;             // the last message for the status line
  bool status_is_error = false;
};

// What the app tells the UI about the world outside the model.
struct Env {
  std::string (*new_id)() = nullptr;  // a fresh record id
  const cv::Views* views = nullptr;   // what is read from the whole community, kept between frames
  int64_t now_ms = 0;                 // the platform clock this frame (World::now_ms, for panels without the World)
};

// [SECTION] Accessibility ---------------------------------------------------------------------------
// What Dear ImGui does not report of a widget, told to whoever mirrors the UI for screen readers
// (the page sets these; nothing is told while they are null): a field's name (its hint) and its text,
// and the status line, which is announced when it changes.
extern void (*describe_item)(unsigned id, std::string_view name, std::string_view value);
extern void (*announce_status)(std::string_view text);
extern void (*describe_text_item)(std::string_view text, bool heading);
// Text just drawn, for the mirror (a screen reader reads it where it stands); heading: a section's
// title, drawn by heading().
void describe_text(std::string_view text);
void heading(const char* title);
// The last item's name and value, for the mirror.
void describe_last(std::string_view name, std::string_view value);
// One-line fields not being edited (nor hovered, focused or asked to take the cursor) are drawn as
// Dear ImGui draws an idle InputText, without it; false: by InputText (a test compares the two).
extern bool idle_fields;

// [SECTION] Pictures
// Shapes that stay the same over many frames (the Connections map's ties and members), drawn once into
// a texture by whoever renders (the page sets this; the native UI, without it, draws them each frame):
// x, y, w, h is the rectangle they cover, `into` the texture drawn before (null: a new one). Returns the
// texture to show with AddImage over that rectangle, or null when none could be made.
extern void* (*draw_to_picture)(const ImDrawList& shapes, float x, float y, float w, float h, void* into);

// Called at the start and the end of each frame's UI: the keyboard's focus is kept when Escape is
// pressed on a panel's widget, and a focus whose widget went away lets Tab start again at the top.
void keyboard_focus_start();
void keyboard_focus_end();
// A child region the keyboard crosses: Tab and the arrows go on into it and out of it (its widgets are
// flattened into its window's navigation), so no panel traps the focus.
bool begin_child(const char* id, const ImVec2& size = ImVec2(0, 0), ImGuiChildFlags flags = 0);
// Below this width (a phone, or a narrow window at a large text size) panels stack what sits side by
// side and tables keep their essential columns.
inline constexpr float kNarrow = 600;
// Small buttons and selectable rows, sized for a fingertip on a touch screen (44 pixels; a small
// button at least as wide as tall), as they are on a desktop otherwise.
bool small_button(const char* label);
bool selectable(const char* label, bool selected = false, ImGuiSelectableFlags flags = 0, ImVec2 size = ImVec2(0, 0));
// The width of a number field with its - and + buttons (as tall as wide) whose digits get `field`.
float number_width(float field);
bool touch_sized();
void set_touch_sized(bool touch);  // by apply_style
// A list beside its detail (a share of the width, at most `most`), or above it at a phone's width;
// each is ended with ImGui::EndChild.
void begin_list_pane(const char* id, float most, float share);
void begin_detail_pane(const char* id);
// ImGui::BeginTable, and a scrolling table's region is crossed by the keyboard in the same way.
bool begin_table(const char* id, int columns, ImGuiTableFlags flags = 0, const ImVec2& size = ImVec2(0, 0));

// [SECTION] Text as drawn ---------------------------------------------------------------------------
// Dear ImGui draws code points left to right without shaping: text with right-to-left or Arabic
// letters, or Devanagari's i sign, is drawn in cv::visual form. shown(s) is s itself when nothing
// changes (a byte scan), else its drawn form, kept until a later frame; logical_of(d) gives back the
// text as written for a drawn form, so a screen reader reads words, not reversed letters.
const std::string& shown(const std::string& s);
inline const std::string& shown_name(const cv::Views& v, const std::string& member) { return shown(cv::views_name(v, member)); }
inline std::string shown_member(const cv::Community& c, const std::string& member) { return shown(cv::member_name(c, member)); }
const std::string* logical_of(std::string_view drawn);
// "Zoë, Ñúñez, Jürgen and 212 others": the first `most` of `items` as `name` gives them, then how many
// more (a list held by thousands costs the time of a few).
template <class Name>
std::string some_names(const std::vector<std::string>& items, Name name, size_t most = 12) {
  std::string names;
  for (size_t i = 0; i < items.size() && i < most; ++i) (names += i ? ", " : "") += name(items[i]);
  if (items.size() > most) names += " and " + std::to_string(items.size() - most) + " others";
  return names;
}

// [SECTION] Panels ----------------------------------------------------------------------------------
// The whole window: menu bar, panels, status line.
void draw_app(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out);
void draw_communities_window(const cv::Doc& doc, const World& w, State& st, Output& out);
void draw_import_window(const World& w, Output& out);
void draw_share_window(const World& w, Output& out);
void draw_live_window(const cv::Doc& doc, const World& w, State& st, Output& out);
void draw_objectives_panel(const cv::Doc& doc, State& st, const Env& env, Output& out);
void draw_topics_panel(const cv::Doc& doc, State& st, const Env& env, Output& out);
// While the objectives and skills regroup after a change: a progress bar, and that what is shown is from before.
void draw_regrouping(const cv::Views& v);
void draw_skills_panel(const cv::Doc& doc, State& st, const Env& env, Output& out);
void draw_first_meeting_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out);
void draw_csv_window(const World& w, Output& out);
void draw_groups_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out);
void draw_guidelines_panel(const cv::Doc& doc, State& st, const Env& env, Output& out);
void draw_guidelines_to_acknowledge(const cv::Doc& doc, const std::string& member, Output& out);
void draw_meetings_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out);
// A meeting's blocks: start, minutes, kind, title, airtime, groups for breakouts, order (drag or buttons),
// and a block from the library at the end. `warnings` are shown on their blocks' rows.
// The meeting's roles (facilitator, presenter...): a combo each, and "Rotate roles" for the open ones.
void draw_roles(const cv::Community& c, const cv::Views& v, const std::string& meeting, const std::vector<cv::Block>& blocks,
                Output& out);
void draw_agenda_table(const cv::Community& c, const World& w, const cv::MeetingInfo& m, const std::vector<cv::Block>& blocks,
                       const std::vector<cv::MeetingWarning>& warnings, int people, const Env& env, Output& out);
// The facilitator's view of a running meeting, in place of the tabs.
void draw_live_view(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out);
std::string meeting_in_progress(const cv::Community& c, const cv::Views& views, int64_t now_ms);  // "" when none
// One member's intake (what they bring); `own` when the person answers for themself.
void draw_member_intake(const cv::Doc& doc, const std::string& member, bool own, State& st, const Env& env,
                        Output& out);
void draw_answers_window(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out);
void draw_community_panel(const cv::Doc& doc, State& st, const Env& env, Output& out, bool compact = false);  // compact: a phone, the purpose folded
// "1.2 MB", "340 KB"
std::string human_bytes(double bytes);
// "just now", "5 minutes ago", "2026-11-02"
std::string human_age(int64_t then_ms, int64_t now_ms);
void draw_members_panel(const cv::Doc& doc, State& st, const Env& env, Output& out);
void draw_books_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out);
void draw_directory_panel(const cv::Doc& doc, State& st, const Env& env, Output& out);
// The Connections tab, and its filter as text ("kinds|from|to") for the exports to read the same network.
void draw_network_panel(const cv::Doc& doc, State& st, const Env& env, Output& out);
std::string network_filter(const State& st);
cv::Network network_of(const cv::Community& c, const std::string& filter);
void draw_threads_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out);
void draw_projects_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out);
// Objectives revisited at the end of a cycle, in the Objectives tab: ratings, what helped, the next cycle.
void draw_objectives_revisited(const cv::Doc& doc, State& st, const Env& env, Output& out);
// A rating of progress on an objective ("not started" .. "achieved"; -1 not rated): true when changed.
bool rating_combo(const char* label, int rating, int& out);
void draw_cases_panel(const cv::Doc& doc, const World& w, State& st, const Env& env, Output& out);
// The look: the usual one, or high contrast (black on white, every frame outlined); on a touch screen,
// buttons, fields, checkboxes and tabs 44 pixels tall.
void apply_style(bool high_contrast = false, bool touch = false);

// [SECTION] Widgets shared by panels ----------------------------------------------------------------
// A text field that gives its text back once, when the person leaves it after an edit (one Op per
// edit, not one per keystroke). True when `out` holds a changed value.
// ImGui::BeginCombo, findable by its label in the browser tests (1.90's combo does not report it).
bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags = 0);
// Puts the keyboard in the text field `label` (of the current ID scope) on the next frame.
void focus_text(const char* label);
bool edit_text(const char* label, const std::string& value, std::string& out, const char* hint = nullptr,
               float width = 0, bool multiline = false, float height = 0);
// Between two buttons of a row: on the same line when the next one (`next`, its label) fits in the
// width the window has, else on the next line (a phone's narrow screen).
void same_line_if_fits(const char* next);
void same_line_if_fits(float next_width);  // the next widget is as wide as that
// How many lines a row of buttons with these labels takes in the width there is now.
int button_lines(std::initializer_list<const char*> labels);
// The member the Books, Threads and Projects tabs act as, when none is picked yet (or they left): who
// this browser answers as, else who it is in its own copy, else the first member.
void default_acting_as(const World& w, const cv::Views& v, State& st);
// A text field and a button to add what it holds: true (text trimmed, not empty) on the button or Enter.
bool input_and_add(const char* label, const char* hint, std::string& text, const char* button);
// Up, Down and Remove for block i of an agenda.
void block_order_buttons(const std::vector<cv::Block>& blocks, size_t i, Output& out);
// Colours that go with words (never instead of them): a warning, and all is well.
inline const ImVec4 kWarn(0.62f, 0.25f, 0.0f, 1);
inline const ImVec4 kGood(0.15f, 0.5f, 0.28f, 1);
// The newest breakout round made for a block, or nullptr; its groups as bullets; the button that
// makes (or remakes) them from who attends.
const cv::BreakoutRound* round_for(const std::vector<cv::BreakoutRound>& rounds, const std::string& block);
void draw_groups_line(const cv::Community& c, const cv::BreakoutRound& r);
void groups_button(const cv::Community& c, const World& w, const cv::Block& b, const std::string& meeting,
                   const cv::BreakoutRound* made, Output& out);
// A book discussion meeting: the book, the part read for it and its questions (nothing otherwise).
void draw_meeting_reading(const cv::Community& c, const std::string& meeting);
// A peer-assist or case discussion block's case: a combo of the library (live cases, open first).
void case_picker(const cv::Views& v, const cv::Block& b, Output& out);
// What the meeting asks about cases discussed before (views_follow_ups), a bullet each.
void draw_follow_ups(const cv::Community& c, const cv::Views& v, const std::string& meeting);
// The case a peer-assist or case discussion works on, in the live view: the case, the phases with
// their own countdown, contributions logged by who offered them, advice parked during the questions.
void draw_live_case(const cv::Community& c, const World& w, State& st, const Env& env, const cv::Record& meeting,
                    const std::string& meeting_id, const cv::Block& b, int64_t elapsed_ms, bool paused, Output& out);
// Who attends a meeting: a checkbox per member, in `columns` columns.
void draw_attendance(const cv::Community& c, const cv::Views& v, const std::string& meeting, Output& out, int columns);
// A member picked from a combo of all members (a field to find one when there are many, the list
// drawn a screenful at a time). True when `picked` holds a new choice. Each member's item is labelled
// "<name>##<item_tag><id>".
bool member_combo(const char* label, const std::string& preview, const cv::Views& v, const std::string& selected,
                  std::string& picked, const char* item_tag, ImGuiComboFlags flags = 0);
// "presenter, book chooser; case bringer" -> ["presenter", "book chooser", "case bringer"], and back.
cv::json split_roles(const std::string& text);
std::string join_roles(const std::vector<std::string>& roles);
// A checkbox per member in columns, a screenful of rows at a time; `tag` makes each label unique.
void member_checkboxes(const char* table, const std::vector<std::pair<std::string, const cv::Record*>>& members,
                       int columns, const std::function<bool(const std::string&)>& checked,
                       const std::function<void(const std::string&, bool)>& toggled, const char* tag);

}  // namespace ui
