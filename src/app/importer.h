// importer.h: everything that comes in (dropped or picked files, share links, hosted files, answer
// links, invitations) goes through one preview and one set of checks before anything changes: the
// file reads, its records keep their types (against the open community and against each other),
// its stamps are not from the future, and the merged community still fits the limits. A plain
// state machine like the Saver: tests/unit-importer.cpp runs it without a browser.
//  [SECTION] What came in
//  [SECTION] The preview
//  [SECTION] Acting on it
#pragma once
#include <string>
#include <vector>

#include "core/model.h"

namespace app {

// [SECTION] What came in ----------------------------------------------------------------------------
struct Incoming {
  std::string name;   // a file name, an address, "a share link"
  std::string bytes;
  std::string error;  // the page could not read it (too large, unreachable)
};

// [SECTION] The preview -----------------------------------------------------------------------------
struct Importer {
  enum Kind { Files, Link, Invitation };
  bool open = false;
  Kind kind = Files;
  std::string source;                  // "3 files", "a share link", an address, "an invitation"
  struct File {
    std::string name, error;           // error: why this one is not imported
    cv::Diff diff;                     // what it alone would change
    bool other_community = false;
    std::string incoming_name;
  };
  std::vector<File> files;
  cv::Community all;                   // every readable file, merged
  int readable = 0;
  bool mixed = false;                  // the files hold different communities
  cv::Diff diff;                       // all of them together, against the open community
  std::string error;                   // why they cannot be merged together (nothing changes)
  bool other = false;                  // another community than the open one
  std::string other_name;
  // An invitation: the community it invites to.
  std::string purpose;                 // why we come together, and what we want to learn
  int guidelines = 0;
};

// Reads what came in and says what merging it into doc would change; changes nothing.
void importer_preview(Importer& im, const cv::Doc& doc, const std::vector<Incoming>& in, Importer::Kind kind,
                      const std::string& source, int64_t now_ms);
void importer_close(Importer& im);

// [SECTION] Acting on it ----------------------------------------------------------------------------
// Merges everything readable into doc as one undoable step, checked again against doc as it is now.
// Returns the sentence for the status line; `ok` false when it was refused (doc unchanged).
std::string importer_merge(Importer& im, cv::Doc& doc, int64_t now_ms, bool& ok);
// The same for a community held aside until the right community is open (an import into a copy that
// is stored here, not open): checked against doc now.
std::string merge_checked(cv::Doc& doc, const cv::Community& incoming, const std::string& label, int64_t now_ms,
                          bool& ok);
// "3 added, 1 changed" over every type, or "nothing new".
std::string diff_words(const cv::Diff& d);

}  // namespace app
