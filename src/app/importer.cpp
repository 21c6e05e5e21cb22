// importer.cpp: see importer.h.
#include "app/importer.h"

#include "core/format.h"
#include "core/getting_started.h"
#include "core/meetings.h"
#include "core/text.h"

namespace app {

namespace {

std::string name_of(const cv::Community& c) {
  const std::string n = cv::community_record(c).text("name");
  return n.empty() ? "Untitled community" : n;
}

}  // namespace

std::string diff_words(const cv::Diff& d) {
  int added = 0, changed = 0, removed = 0;
  for (const auto& [type, c] : d.by_type) {
    added += c.added;
    changed += c.changed;
    removed += c.removed;
  }
  if (!added && !changed && !removed) return "nothing new";
  return std::to_string(added) + " added, " + std::to_string(changed) + " changed, " + std::to_string(removed) +
         " removed";
}

void importer_close(Importer& im) { im = Importer{}; }

void importer_preview(Importer& im, const cv::Doc& doc, const std::vector<Incoming>& in, Importer::Kind kind,
                      const std::string& source, int64_t now_ms) {
  im = Importer{};
  im.open = true;
  im.kind = kind;
  im.source = source;
  for (const Incoming& f : in) {
    Importer::File view;
    view.name = f.name;
    if (!f.error.empty()) {
      view.error = f.error;
    } else {
      cv::Preview p = cv::preview_import(doc, f.bytes, now_ms);
      // The files must agree with each other too: one id, one type.
      if (p.ok && im.readable > 0) {
        if (std::string why = cv::check_compatible(im.all, p.community); !why.empty()) {
          p.ok = false;
          p.error = why + " (in another of these files)";
        }
      }
      if (!p.ok) {
        view.error = p.error;
      } else {
        view.diff = p.diff;
        view.other_community = p.other_community;
        view.incoming_name = name_of(p.community);
        if (im.readable++ == 0) {
          im.all = std::move(p.community);
        } else {
          if (p.community.id != im.all.id) im.mixed = true;
          cv::merge_into(im.all, p.community);
        }
      }
    }
    im.files.push_back(std::move(view));
  }
  if (im.readable == 0) return;
  // Together: the same checks once more (two files that each fit may not fit together). One file
  // alone was just checked.
  if (im.readable == 1) {
    for (const Importer::File& f : im.files)
      if (f.error.empty()) im.diff = f.diff;
  } else {
    const cv::Preview together = cv::preview_community(doc, im.all, now_ms);
    if (!together.ok) im.error = together.error;
    else im.diff = together.diff;
  }
  if (im.all.id != doc.community.id) {
    im.other = true;
    im.other_name = name_of(im.all);
  }
  if (kind == Importer::Invitation) {
    const cv::Record& r = cv::community_record(im.all);
    im.purpose = r.text("purpose_why");
    if (!r.text("purpose_learn").empty())
      im.purpose += (im.purpose.empty() ? "" : "\n") + std::string("We want to learn: ") + r.text("purpose_learn");
    im.guidelines = static_cast<int>(cv::guidelines(im.all).size());
  }
}

std::string merge_checked(cv::Doc& doc, const cv::Community& incoming, const std::string& label, int64_t now_ms,
                          bool& ok) {
  const cv::Preview p = cv::preview_community(doc, incoming, now_ms);
  ok = p.ok;
  if (!p.ok) return "Not imported: " + p.error;
  // Older answers could come without a name: such a member gets one that says when they answered.
  const cv::Community* in = &incoming;
  cv::Community patched;
  std::pair<int, std::string> named{0, ""};
  for (const auto& [id, r] : incoming.records)
    if (r.type == cv::kMember && !r.deleted() && cv::trim(r.text("name")).empty()) {
      patched = incoming;
      named = cv::name_nameless(patched);
      in = &patched;
      break;
    }
  const cv::Diff d = cv::doc_import(doc, *in, label);
  if (d.empty()) return "Nothing new: this community already holds everything in the import.";
  std::string said = "Imported: " + diff_words(d) + ". Undo takes the whole import back.";
  if (named.first > 0)
    said += " " + std::to_string(named.first) + (named.first == 1 ? " member" : " members") + " came without a name and " +
            (named.first == 1 ? "is" : "are") + " called \"" + named.second + "\"" + (named.first == 1 ? "" : " and so on") +
            ": rename them in Members.";
  return said;
}

std::string importer_merge(Importer& im, cv::Doc& doc, int64_t now_ms, bool& ok) {
  ok = false;
  if (im.readable == 0 || !im.error.empty()) return {};
  const std::string label = im.files.size() == 1 ? "Import " + im.files[0].name
                                                 : "Import " + std::to_string(im.files.size()) + " files";
  const std::string said = merge_checked(doc, im.all, label, now_ms, ok);
  if (ok) importer_close(im);
  return said;
}

}  // namespace app
