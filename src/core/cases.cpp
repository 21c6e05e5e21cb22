// cases.cpp: see cases.h.
#include "core/cases.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>

#include "core/document.h"
#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/text.h"

namespace cv {

namespace {

using Notes = std::vector<std::pair<std::pair<int64_t, std::string>, const Record*>>;

// Every case's notes, read in one pass.
std::map<std::string, Notes> notes_by_case(const Community& c) {
  std::map<std::string, Notes> out;
  for (const auto* e : records_of(c, kCaseNote))
    if (!e->second.deleted())
      out[get(e->second, f::case_note_case)].push_back({{get(e->second, f::case_note_at), e->first}, &e->second});
  return out;
}

CaseView view_of(const std::string& id, const Record* r, Notes notes) {
  CaseView k;
  if (!r || r->type != kCase || r->deleted()) return k;
  k.id = id;
  k.title = get(*r, f::case_title);
  k.context = get(*r, f::case_context);
  k.question = get(*r, f::case_question);
  k.bringer = get(*r, f::case_bringer);
  k.status = get(*r, f::case_status);
  if (k.status.empty()) k.status = "open";
  k.tried = get(*r, f::case_tried);
  k.outcome = get(*r, f::case_outcome);
  k.meetings = get(*r, f::case_meetings);
  k.anonymous = get(*r, f::case_anonymous);
  std::sort(notes.begin(), notes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [key, n] : notes)
    k.notes.push_back({key.second, get(*n, f::case_note_member), get(*n, f::case_note_kind), get(*n, f::case_note_text),
                       get(*n, f::case_note_meeting), key.first, get(*n, f::case_note_parked), get(*n, f::case_note_will_try)});
  return k;
}

}  // namespace

CaseView case_view(const Community& c, const std::string& id) {
  Notes notes;
  for (const auto* e : records_of(c, kCaseNote))
    if (!e->second.deleted() && get(e->second, f::case_note_case) == id)
      notes.push_back({{get(e->second, f::case_note_at), e->first}, &e->second});
  return view_of(id, find_live(c, id), std::move(notes));
}

std::vector<std::string> note_texts(const CaseView& k, const char* kind) {
  std::vector<std::string> out;
  for (const CaseNote& n : k.notes)
    if (n.kind == kind) out.push_back(n.text);
  return out;
}

static int status_rank(const std::string& s) {
  for (size_t i = 0; i < std::size(kCaseStatuses); ++i)
    if (s == kCaseStatuses[i]) return static_cast<int>(i);
  return 0;  // an unknown status reads as open
}

std::vector<CaseView> cases(const Community& c) {
  std::vector<CaseView> out;
  auto notes = notes_by_case(c);
  for (const auto* e : records_of(c, kCase))
    if (!e->second.deleted()) out.push_back(view_of(e->first, &e->second, std::move(notes[e->first])));
  std::stable_sort(out.begin(), out.end(), [](const CaseView& a, const CaseView& b) {
    if (status_rank(a.status) != status_rank(b.status)) return status_rank(a.status) < status_rank(b.status);
    return collate_less(a.title, b.title);
  });
  return out;
}

std::string case_bringer_shown(const Community& c, const CaseView& k) {
  if (k.anonymous) return "a member";
  return k.bringer.empty() ? std::string("nobody yet") : member_name(c, k.bringer);
}

Op op_bring_case(const std::string& id, const std::string& bringer, const std::string& title, const std::string& question,
                 const std::string& context, bool anonymous) {
  Op op{"Bring a case", {}};
  put_new(op, id, kCase);
  put(op, id, f::case_title, title);
  put(op, id, f::case_question, question);
  put(op, id, f::case_context, context);
  put(op, id, f::case_bringer, bringer);
  put(op, id, f::case_status, std::string("open"));
  put(op, id, f::case_anonymous, anonymous);
  return op;
}

Op op_case_note(const std::string& note_id, const std::string& case_id, const std::string& member, const std::string& kind,
                const std::string& text, int64_t at_ms) {
  Op op{kind == "question" ? "Add a question" : "Add a suggestion", {}};
  put_new(op, note_id, kCaseNote);
  put(op, note_id, f::case_note_case, case_id);
  put(op, note_id, f::case_note_member, member);
  put(op, note_id, f::case_note_kind, kind);
  put(op, note_id, f::case_note_text, trim(text));
  put(op, note_id, f::case_note_at, at_ms);
  return op;
}

// The meeting joins the case's list (once), and an open case becomes discussed.
static void put_came_up(Op& op, const CaseView& k, const std::string& meeting) {
  std::vector<std::string> m = k.meetings;
  if (std::find(m.begin(), m.end(), meeting) == m.end()) m.push_back(meeting);
  put(op, k.id, f::case_meetings, m);
  if (k.status == "open") put(op, k.id, f::case_status, std::string("discussed"));
}

Op op_case_came_up(const Community& c, const std::string& id, const std::string& meeting) {
  Op op{"Discuss a case", {}};
  put_came_up(op, case_view(c, id), meeting);
  return op;
}

std::vector<CaseView> case_follow_ups(const Community& c, const std::string& meeting) {
  std::vector<CaseView> out;
  const Record* m = find_live(c, meeting);
  if (!m) return out;
  const std::string date = get(*m, f::meeting_date);
  for (const CaseView& k : cases(c)) {
    if (k.status == "open" || k.status == "resolved" || !k.outcome.empty()) continue;
    if (std::find(k.meetings.begin(), k.meetings.end(), meeting) != k.meetings.end()) continue;  // discussed here
    bool earlier = false;
    for (const std::string& at : k.meetings)
      if (const Record* r = find_live(c, at)) earlier = earlier || meets_before(get(*r, f::meeting_date), date);
    if (earlier) out.push_back(k);
  }
  return out;
}

std::string follow_up_line(const Community& c, const CaseView& k) {
  const std::string who = k.anonymous || k.bringer.empty() ? std::string("its bringer") : member_name(c, k.bringer);
  return "Ask " + who + " what happened with \u201c" + k.title + "\u201d" + (k.tried.empty() ? "" : " (tried: " + k.tried + ")");
}

// [SECTION] Peer-assist ------------------------------------------------------------------------------

std::array<int, 4> phase_starts(const Block& b) {
  const int total = std::max(b.minutes, 0) * 60;
  std::array<int, 4> s = {0, total / 4, total / 2, total - total / 8};
  if (b.phases.size() == 3 && std::is_sorted(b.phases.begin(), b.phases.end()))
    for (int i = 0; i < 3; ++i) s[i + 1] = b.phases[i];
  return s;
}

PhaseView phase_at(const Block& b, int64_t elapsed_ms, int extra_minutes) {
  const auto s = phase_starts(b);
  int p = 0;
  while (p < 3 && elapsed_ms >= int64_t{s[p + 1]} * 1000) ++p;
  const int64_t end_ms = p < 3 ? int64_t{s[p + 1]} * 1000 : int64_t{std::max(b.minutes + extra_minutes, 0)} * 60000;
  PhaseView v;
  v.phase = static_cast<Phase>(p);
  v.left_ms = end_ms - elapsed_ms;
  v.length_ms = std::max<int64_t>(0, end_ms - int64_t{s[p]} * 1000);
  return v;
}

static Op phases_op(const char* label, const Block& b, const std::array<int, 4>& s) {
  return op_set(label, b.id, f::block_phases, std::vector<int>{s[1], s[2], s[3]});
}

Op op_next_phase(const Block& b, int64_t elapsed_ms) {
  auto s = phase_starts(b);
  const int p = static_cast<int>(phase_at(b, elapsed_ms, 0).phase);
  if (p >= 3) return Op{"Next phase", {}};
  const int now = static_cast<int>(std::clamp<int64_t>(elapsed_ms / 1000, 0, 86400));
  s[p + 1] = now;
  for (int i = p + 2; i < 4; ++i) s[i] = std::max(s[i], now);
  return phases_op(("Start " + std::string(kPhaseTitles[p + 1]) + " now").c_str(), b, s);
}

Op op_more_phase_time(const Block& b, const Record& meeting, const std::string& meeting_id, int64_t elapsed_ms, int minutes) {
  auto s = phase_starts(b);
  const int p = static_cast<int>(phase_at(b, elapsed_ms, 0).phase);
  for (int i = p + 1; i < 4; ++i) s[i] = std::min(s[i] + minutes * 60, 86400);
  Op op = phases_op("More time for this phase", b, s);
  put(op, meeting_id, f::meeting_run_extra, get(meeting, f::meeting_run_extra) + minutes);
  return op;
}

Op op_suggestions_from(const Block& b, int minute) {
  auto s = phase_starts(b);
  s[2] = std::clamp(minute, 0, 1440) * 60;
  s[1] = std::min(s[1], s[2]);
  s[3] = std::max(s[3], s[2]);
  return phases_op("Set when suggestions begin", b, s);
}

namespace {

// Phrases that give advice, lower case (as lower() writes them), with and without accents where
// people type both. Each must start and end at a word's edge ("i would" is not in "Ali would").
// Those in kOpening give advice only when they open a sentence: "Have you tried asking her?" is
// advice, "What have you tried?" is the clarifying question the phase is for.
constexpr const char* kAnywhere[] = {
    "you should", "you shouldn't", "you could", "you might want", "you might try", "you need to", "you ought to",
    "i would", "i'd", "if i were you", "my advice", "i suggest", "i recommend", "my suggestion", "maybe try",
    "du solltest", "sie sollten", "ihr solltet", "ich würde", "ich wuerde", "was wäre wenn", "was wäre, wenn",
    "was waere wenn", "versuch doch", "probier doch", "mein rat", "an deiner stelle", "an ihrer stelle", "du könntest",
    "du koenntest", "ich empfehle",
    "tu devrais", "vous devriez", "pourquoi ne pas", "je ferais", "à ta place", "a ta place", "à votre place",
    "a votre place", "tu pourrais", "vous pourriez", "je te conseille", "je vous conseille", "mon conseil",
    "deberías", "deberias", "usted debería", "yo haría", "yo haria", "te recomiendo", "le recomiendo", "te sugiero",
    "mi consejo", "yo que tú", "yo que tu", "yo en tu lugar", "podrías", "podrias"};
constexpr const char* kOpening[] = {
    "have you tried", "have you considered", "have you thought about", "did you try", "why don't you", "why not",
    "what if you", "how about", "try",
    "hast du schon", "hast du mal", "haben sie schon", "wie wäre es", "wie waere es", "versuch",
    "as-tu essayé", "as tu essayé", "avez-vous essayé", "tu as essayé", "et si tu", "et si vous", "essaie", "essayez",
    "has probado", "has intentado", "ha probado", "qué tal si", "que tal si", "y si", "intenta"};

// A byte that continues a word: an ASCII letter or digit, or any byte of a character beyond ASCII
// (é, ü, ñ: letters in the languages above).
bool wordish(unsigned char ch) { return std::isalnum(ch) || ch >= 0x80; }

// True when t[at] opens a sentence: nothing but spaces and opening marks since the text's start or
// the last . ! ? , ; : (or a leading "so", "and", "but", "maybe").
bool opens_sentence(const std::string& t, size_t at) {
  size_t i = at;
  auto skip = [&] {
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\n' || t[i - 1] == '"' || t[i - 1] == '(')) --i;
    for (const char* mark : {"\xc2\xbf", "\xc2\xa1"})  // ¿ ¡
      if (i >= 2 && t.compare(i - 2, 2, mark) == 0) i -= 2;
  };
  skip();
  for (const char* word : {"so", "and", "but", "maybe", "also", "then", "und", "et", "y", "pero", "mais", "aber"}) {
    const size_t n = std::char_traits<char>::length(word);
    if (i >= n && t.compare(i - n, n, word) == 0 && (i == n || !wordish(static_cast<unsigned char>(t[i - n - 1])))) {
      i -= n;
      skip();
      break;
    }
  }
  return i == 0 || std::strchr(".!?,;:", t[i - 1]) != nullptr;
}

bool has_phrase(const std::string& t, std::string_view p, bool opening) {
  for (size_t at = t.find(p); at != std::string::npos; at = t.find(p, at + 1)) {
    const bool opening_mark = at >= 2 && (t.compare(at - 2, 2, "\xc2\xbf") == 0 || t.compare(at - 2, 2, "\xc2\xa1") == 0);  // ¿ ¡
    const bool starts = at == 0 || opening_mark || !wordish(static_cast<unsigned char>(t[at - 1]));
    const size_t end = at + p.size();
    const bool ends = end == t.size() || !wordish(static_cast<unsigned char>(t[end]));
    if (starts && ends && (!opening || opens_sentence(t, at))) return true;
  }
  return false;
}

}  // namespace

bool reads_as_advice(std::string_view words) {
  std::string t = lower(words);
  for (size_t at; (at = t.find("\u2019")) != std::string::npos;) t.replace(at, 3, "'");  // typographic apostrophe
  for (const char* p : kAnywhere)
    if (has_phrase(t, p, false)) return true;
  for (const char* p : kOpening)
    if (has_phrase(t, p, true)) return true;
  return false;
}

NoteKind note_kind_in(Phase p, std::string_view words) {
  const bool advice = reads_as_advice(words);
  if (p == Phase::Case || p == Phase::Questions) return advice ? NoteKind{"suggestion", true} : NoteKind{"question", false};
  const std::string t = trim(words);
  const bool asks = !t.empty() && (t.back() == '?' || (t.size() >= 3 && t.compare(t.size() - 3, 3, "\xef\xbc\x9f") == 0));
  return asks && !advice ? NoteKind{"question", false} : NoteKind{"suggestion", false};
}

Op op_peer_note(const CaseView& k, const std::string& note_id, const std::string& meeting, const std::string& member,
                const std::string& words, Phase phase, int64_t at_ms) {
  const NoteKind nk = note_kind_in(phase, words);
  Op op = op_case_note(note_id, k.id, member, nk.kind, words, at_ms);
  if (nk.parked) op.label = "Park a suggestion for later";
  put(op, note_id, f::case_note_meeting, meeting);
  if (nk.parked) put(op, note_id, f::case_note_parked, true);
  if (std::find(k.meetings.begin(), k.meetings.end(), meeting) == k.meetings.end()) put_came_up(op, k, meeting);
  return op;
}

Op op_pick_case(const Block& b, const CaseView& k) {
  Op op = op_set("Pick a case", b.id, f::block_case, k.id);
  if (!k.bringer.empty()) put(op, b.id, f::block_lead, k.bringer);
  return op;
}

Op op_keep_as_question(const std::string& note_id) {
  Op op = op_set("Keep it as a question", note_id, f::case_note_kind, std::string("question"));
  put(op, note_id, f::case_note_parked, false);
  return op;
}

Op op_will_try(const std::string& note_id, bool yes) {
  return op_set(yes ? "Will try a suggestion" : "Will not try a suggestion", note_id, f::case_note_will_try, yes);
}

PeerAssist peer_assist(const CaseView& k, const std::string& meeting, const std::vector<std::string>& present) {
  PeerAssist out;
  std::vector<std::string> spoke;
  for (const CaseNote& n : k.notes) {
    if (n.meeting != meeting) continue;
    (n.kind == "question" ? out.questions : out.suggestions).push_back(n);
    out.parked += n.parked;
    spoke.push_back(n.member);
  }
  std::stable_partition(out.suggestions.begin(), out.suggestions.end(), [](const CaseNote& n) { return n.parked; });
  std::sort(spoke.begin(), spoke.end());
  for (const std::string& m : present)
    if (m != k.bringer && !std::binary_search(spoke.begin(), spoke.end(), m)) out.not_spoken.push_back(m);
  return out;
}

std::string lead_shown(const Community& c, const std::string& block_id, const std::string& lead) {
  if (lead.empty()) return {};
  const Record* b = find_live(c, block_id);
  const Record* k = b ? find_live(c, get(*b, f::block_case)) : nullptr;
  if (k && k->type == kCase && get(*k, f::case_anonymous) && get(*k, f::case_bringer) == lead) return "a member";
  return member_name(c, lead);
}

static Document case_document(const Community& c, const CaseView& k) {
  Document d;
  d.title = "Case: " + k.title;
  d.heading(1, "Case: " + k.title);
  d.paragraph({strong(get(community_record(c), f::community_name)), plain(" · brought by " + case_bringer_shown(c, k)),
               plain(" · " + k.status)});
  // Each part only when it holds something: a heading, then a paragraph or a list.
  auto text = [&](const char* heading, const std::string& t) {
    if (t.empty()) return;
    d.heading(2, heading);
    d.paragraph({plain(t)});
  };
  auto list = [&](const char* heading, const std::vector<std::string>& texts) {
    if (texts.empty()) return;
    std::vector<Line> items;
    for (const std::string& t : texts) items.push_back({plain(t)});
    d.heading(2, heading);
    d.list(items);
  };
  text("The question", k.question);
  text("The situation", k.context);
  std::vector<std::string> came;
  for (const std::string& m : k.meetings)
    if (const Record* r = find_live(c, m)) came.push_back(get(*r, f::meeting_date) + " " + get(*r, f::meeting_title));
  list("Where it came up", came);
  list("Questions asked", note_texts(k, "question"));
  list("What the others suggested", note_texts(k, "suggestion"));
  std::vector<std::string> chosen;
  for (const CaseNote& n : k.notes)
    if (n.kind == "suggestion" && n.will_try) chosen.push_back(n.text);
  list("What the bringer will try", chosen);
  text("What was tried", k.tried);
  text("What happened", k.outcome);
  return d;
}

std::string case_markdown(const Community& c, const std::string& id) {
  const CaseView k = case_view(c, id);
  return k.id.empty() ? std::string() : to_markdown(case_document(c, k));
}

std::string case_html(const Community& c, const std::string& id) {
  const CaseView k = case_view(c, id);
  return k.id.empty() ? std::string() : to_html(case_document(c, k));
}

}  // namespace cv
