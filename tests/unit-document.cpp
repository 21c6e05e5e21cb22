// unit-document.cpp: the document writer. People's text shows as written in Markdown and HTML:
// nothing in a name or a title becomes a heading, a list, a link, a table cell or HTML.
#include <doctest/doctest.h>

#include "core/document.h"
#include "helpers.h"

TEST_SUITE("unit") {

TEST_CASE("Markdown: text that looks like markup is escaped") {
  CHECK(cv::md_text("# Not a heading", false) == "\\# Not a heading");
  CHECK(cv::md_text("<script>alert(1)</script>", false) == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(cv::md_text("- not a list", false) == "\\- not a list");
  CHECK(cv::md_text("1. not numbered", false) == "1\\. not numbered");
  CHECK(cv::md_text("2026) not numbered", false) == "2026\\) not numbered");
  CHECK(cv::md_text("[click](javascript:x)", false) == "\\[click\\](javascript:x)");
  CHECK(cv::md_text("*bold* _it_ `code` a|b ~~s~~ \\", false) == "\\*bold\\* \\_it\\_ \\`code\\` a\\|b \\~\\~s\\~\\~ \\\\");
  CHECK(cv::md_text("Zoë & Ñúñez: 3-4 pm, 1.5 h", false) == "Zoë &amp; Ñúñez: 3-4 pm, 1.5 h");  // only where it matters
  // A line break never starts a heading or code: each line is escaped, leading spaces dropped.
  CHECK(cv::md_text("one\n# two\n    three", false) == "one  \n\\# two  \nthree");
  CHECK(cv::md_text("one\n# two", true) == "one<br>\\# two");
}

TEST_CASE("a document written as Markdown and as HTML") {
  cv::Document d;
  d.title = "Plan <b>";
  d.heading(1, "Plan # <b>");
  d.paragraph({cv::strong("Zoë"), cv::plain(" · 18:30")});
  d.table({"Time", "Minutes"}, {false, true}, {{{cv::plain("18:30")}, {cv::plain("15"), cv::small("a | b")}}});
  d.list({{cv::plain("- item")}});
  d.cards({{"Group 1", {"Алёна", "<i>"}, "2 first meetings"}});
  const std::string md = cv::to_markdown(d);
  CHECK(md == "# Plan \\# &lt;b&gt;\n\n**Zoë** · 18:30\n\n| Time | Minutes |\n|---|---:|\n| 18:30 | 15<br>*a \\| b* |\n\n"
              "- \\- item\n\n**Group 1**\n\n- Алёна\n- &lt;i&gt;\n\n*2 first meetings*\n\n");
  const std::string html = cv::to_html(d);
  CHECK(html.find("<title>Plan &lt;b&gt;</title>") != std::string::npos);
  CHECK(html.find("<h1>Plan # &lt;b&gt;</h1>") != std::string::npos);
  CHECK(html.find("<td class=\"num\">15<div class=\"small\">a | b</div></td>") != std::string::npos);
  CHECK(html.find("<li>&lt;i&gt;</li>") != std::string::npos);
  CHECK(html.find("<i>") == std::string::npos);
}

}  // TEST_SUITE
