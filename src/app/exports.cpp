// exports.cpp: see exports.h.
#include "app/exports.h"

#include <cstdlib>

#include "core/books.h"
#include "core/breakouts.h"
#include "core/cases.h"
#include "core/directory.h"
#include "core/getting_started.h"
#include "core/network.h"
#include "core/projects.h"
#include "core/summaries.h"
#include "core/text.h"

namespace app {

Export export_for(const ui::Command& c, const cv::Community& community, int64_t now_ms) {
  using K = ui::Command;
  const cv::Community& cm = community;
  const std::string name = cv::get(cv::community_record(cm), cv::f::community_name);
  const cv::Record* meeting = cv::find_live(cm, c.arg);
  const std::string title = meeting ? meeting->text("title") : std::string();
  switch (c.kind) {
    case K::ExportGroupCards:
      return {cv::filename_safe(name + " " + c.arg + " groups") + ".html", cv::group_cards_html(cm, c.arg), "text/html", ""};
    case K::ExportSummaryMarkdown:
    case K::ExportSummaryHtml:
    case K::ExportSeriesIcs: {
      if (!meeting) return {};
      const std::string base = cv::filename_safe(title + " " + meeting->text("date"));
      const std::string said = "Exported " + title + ".";
      if (c.kind == K::ExportSummaryMarkdown) return {base + ".md", cv::meeting_summary_markdown(cm, c.arg), "text/markdown", said};
      if (c.kind == K::ExportSummaryHtml) return {base + ".html", cv::meeting_summary_html(cm, c.arg), "text/html", said};
      return {base + ".ics", cv::meeting_series_ics(cm, c.arg, now_ms), "text/calendar", said};
    }
    case K::ExportAgendaMarkdown:
    case K::ExportAgendaHtml:
    case K::ExportAgendaIcs: {
      if (!meeting) return {};
      const std::string base = cv::filename_safe(title);
      const std::string said = "Exported the agenda of " + title + ".";
      if (c.kind == K::ExportAgendaMarkdown) return {base + ".md", cv::agenda_markdown(cm, c.arg), "text/markdown", said};
      if (c.kind == K::ExportAgendaHtml) return {base + ".html", cv::agenda_html(cm, c.arg), "text/html", said};
      return {base + ".ics", cv::meeting_ics(cm, c.arg, now_ms), "text/calendar", said};
    }
    case K::ExportReadingPlanMarkdown:
    case K::ExportReadingPlanHtml: {
      const cv::BookView b = cv::book_view(cm, c.arg);
      if (b.id.empty()) return {};
      const std::string base = cv::filename_safe("Reading plan " + b.title), said = "Exported the reading plan of " + b.title + ".";
      if (c.kind == K::ExportReadingPlanMarkdown) return {base + ".md", cv::reading_plan_markdown(cm, b.id), "text/markdown", said};
      return {base + ".html", cv::reading_plan_html(cm, b.id), "text/html", said};
    }
    case K::ExportCaseMarkdown:
    case K::ExportCaseHtml: {
      const cv::CaseView k = cv::case_view(cm, c.arg);
      if (k.id.empty()) return {};
      const std::string base = cv::filename_safe("Case " + k.title);
      const std::string said = "Exported the case " + k.title + (k.anonymous ? ", without the bringer's name." : ".");
      if (c.kind == K::ExportCaseMarkdown) return {base + ".md", cv::case_markdown(cm, k.id), "text/markdown", said};
      return {base + ".html", cv::case_html(cm, k.id), "text/html", said};
    }
    case K::ExportDirectoryHtml:
    case K::ExportDirectoryVcf: {
      const std::string base = cv::filename_safe(name + " directory"), said = "Exported the directory.";
      if (c.kind == K::ExportDirectoryHtml) return {base + ".html", cv::directory_html(cm), "text/html", said};
      return {base + ".vcf", cv::directory_vcf(cm), "text/vcard", said};
    }
    case K::ExportNetworkGraphml:
    case K::ExportNetworkCsv: {
      const cv::Network n = ui::network_of(cm, c.arg);
      const std::string base = cv::filename_safe(name + " connections");
      const std::string said = "Exported the connections: " + std::to_string(n.ties.size()) + " ties among " +
                               std::to_string(n.members.size()) + " members.";
      if (c.kind == K::ExportNetworkGraphml) return {base + ".graphml", cv::network_graphml(cm, n), "application/graphml+xml", said};
      return {base + ".csv", cv::network_csv(cm, n), "text/csv", said};
    }
    case K::ExportCycleSummary: {
      const int cycle = std::atoi(c.arg.c_str());
      const cv::CycleSummary s = cv::cycle_summary(cm, cycle);
      return {cv::filename_safe(name + " " + cv::cycle_label(cycle) + " objectives revisited") + ".md",
              cv::cycle_summary_markdown(cm, s), "text/markdown",
              "Exported " + cv::cycle_label(cycle) + ": " + std::to_string(s.rated) + " of " + std::to_string(s.objectives) +
                  " objectives rated."};
    }
    default: return {};
  }
}

}  // namespace app
