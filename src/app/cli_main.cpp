// cli_main.cpp: `cultivate`, the command-line tool on the same core as the page.
//   cultivate validate FILE          check a community file; prints what it holds
//   cultivate merge A B [C...] -o OUT  merge copies of one community into a canonical file
//   cultivate stats FILE             records per type, writers, last edit (JSON)
// Bad input: a message naming the file and the place, and a non-zero exit.
#include <cstdio>
#include <string>
#include <vector>

#include "core/format.h"
#include "platform/platform.h"

namespace {

int usage() {
  std::fputs(
      "usage:\n"
      "  cultivate validate FILE\n"
      "  cultivate merge A B [C...] -o OUT\n"
      "  cultivate stats FILE\n",
      stderr);
  return 2;
}

// Reads and validates one file; prints "FILE: message" and returns false when it is refused.
bool load(const std::string& path, cv::Community& out) {
  std::string bytes, error;
  if (!platform::read_file(path, bytes, error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return false;
  }
  cv::Parsed p = cv::parse_file(bytes);
  if (!p.ok) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), p.error.c_str());
    return false;
  }
  out = std::move(p.community);
  return true;
}

int cmd_validate(const std::vector<std::string>& args) {
  if (args.size() != 1) return usage();
  cv::Community c;
  if (!load(args[0], c)) return 1;
  const cv::json s = cv::stats(c);
  std::printf("%s: a valid community file (\"%s\", %zu records)\n", args[0].c_str(),
              s["name"].get<std::string>().c_str(), c.records.size());
  return 0;
}

int cmd_stats(const std::vector<std::string>& args) {
  if (args.size() != 1) return usage();
  cv::Community c;
  if (!load(args[0], c)) return 1;
  std::printf("%s\n", cv::stats(c).dump(2).c_str());
  return 0;
}

int cmd_merge(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" || args[i] == "--output") {
      if (i + 1 >= args.size()) return usage();
      out = args[++i];
    } else {
      inputs.push_back(args[i]);
    }
  }
  if (inputs.size() < 2 || out.empty()) return usage();
  cv::Community merged;
  for (size_t i = 0; i < inputs.size(); ++i) {
    cv::Community c;
    if (!load(inputs[i], c)) return 1;
    if (i == 0) {
      merged = std::move(c);
      continue;
    }
    if (c.id != merged.id) {
      std::fprintf(stderr, "%s: a different community (id \"%s\"; %s is \"%s\"); only copies of one community merge\n",
                   inputs[i].c_str(), c.id.c_str(), inputs[0].c_str(), merged.id.c_str());
      return 1;
    }
    if (std::string why = cv::check_compatible(merged, c); !why.empty()) {
      std::fprintf(stderr, "%s: %s\n", inputs[i].c_str(), why.c_str());
      return 1;
    }
    cv::merge_into(merged, c);
  }
  std::string error;
  if (!platform::write_file(out, cv::to_file(merged), error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  std::printf("%s: %zu records merged from %zu files\n", out.c_str(), merged.records.size(), inputs.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string cmd = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (cmd == "validate") return cmd_validate(args);
  if (cmd == "merge") return cmd_merge(args);
  if (cmd == "stats") return cmd_stats(args);
  return usage();
}
