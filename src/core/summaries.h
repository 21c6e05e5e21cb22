// summaries.h: what a meeting leaves on paper and in calendars: its agenda and its summary as
// Markdown and as a printable page (one document each, see document.h), and iCalendar files for one
// meeting or its whole series.
#pragma once
#include <cstdint>
#include <string>

#include "core/model.h"

namespace cv {

// The agenda: time, minutes, block with its notes, lead; the parking lot.
std::string agenda_markdown(const Community& c, const std::string& meeting);
std::string agenda_html(const Community& c, const std::string& meeting);
// The summary: who came, roles, the agenda with debriefs and groups, outcomes, actions, and what is
// still open from earlier meetings.
std::string meeting_summary_markdown(const Community& c, const std::string& meeting);
std::string meeting_summary_html(const Community& c, const std::string& meeting);
// An iCalendar file for the meeting (date and time as the convener wrote them, local time); DTSTAMP
// from now_ms. The series: the same, with a weekly RRULE (INTERVAL and COUNT).
std::string meeting_ics(const Community& c, const std::string& meeting, int64_t now_ms);
std::string meeting_series_ics(const Community& c, const std::string& meeting, int64_t now_ms);

}  // namespace cv
