// cli_main.cpp: `cultivate`, the command-line tool on the same core as the page.
//   cultivate validate FILE          check a community file; prints what it holds
//   cultivate merge A B [C...] -o OUT  merge copies of one community into a canonical file
//   cultivate stats FILE             records per type, writers, last edit (JSON)
//   cultivate schema                 the JSON Schema of the file format, from the record registry
//   cultivate groups --groups G | --size S --rounds R [--members FILE] [--seed N] [--budget-ms MS]
//                    [--smaller] [--json]
//                                    breakout groups that make the most new connections
// Bad input: a message naming the file and the place, and a non-zero exit.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/directory.h"
#include "core/format.h"
#include "core/groups.h"
#include "core/network.h"
#include "core/registry.h"
#include "core/text.h"
#include "platform/platform.h"

namespace {

int usage() {
  std::fputs(
      "usage:\n"
      "  cultivate validate FILE\n"
      "  cultivate merge A B [C...] -o OUT\n"
      "  cultivate stats FILE\n"
      "  cultivate schema\n"
      "  cultivate directory FILE (--vcf | --html | --who QUESTION)\n"
      "  cultivate network FILE (--json | --graphml | --csv)\n"
      "  cultivate groups (--groups G | --size S) --rounds R [--players N | --members FILE]\n"
      "                   [--seed N] [--budget-ms MS] [--smaller] [--json]\n",
      stderr);
  return 2;
}

// Reads and validates one file; prints "FILE: message" and returns false when it is refused.
bool load(const std::string& path, cv::Community& out) {
  std::string bytes, error;
  if (!platform::read_file(path, bytes, error, cv::kMaxFileBytes)) {
    std::fprintf(stderr, "%s\n", cv::terminal_safe(error).c_str());
    return false;
  }
  cv::Parsed p = cv::parse_file(bytes);
  if (!p.ok) {
    std::fprintf(stderr, "%s: %s\n", cv::terminal_safe(path).c_str(), cv::terminal_safe(p.error).c_str());
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
  // Names are the file's, not ours: printed so they cannot move the cursor or clear the terminal.
  std::printf("%s: a valid community file (\"%s\", %zu %s)\n", cv::terminal_safe(args[0]).c_str(),
              cv::terminal_safe(s["name"].get<std::string>()).c_str(), c.records.size(),
              c.records.size() == 1 ? "record" : "records");
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
      std::fprintf(stderr, "%s: %s\n", inputs[i].c_str(), cv::terminal_safe(why).c_str());
      return 1;
    }
    cv::merge_into(merged, c);
  }
  // The same checks as the page: no stamps from the future, and a result that can be read back.
  if (std::string why = cv::check_stamps(merged, platform::now_ms()); !why.empty()) {
    std::fprintf(stderr, "merge: %s\n", cv::terminal_safe(why).c_str());
    return 1;
  }
  if (std::string why = cv::check_fits(merged); !why.empty()) {
    std::fprintf(stderr, "merge: the merged community would be too large to open again (%s); nothing was written\n",
                 why.c_str());
    return 1;
  }
  std::string error;
  if (!platform::write_file(out, cv::to_file(merged), error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  std::printf("%s: %zu records merged from %zu files\n", out.c_str(), merged.records.size(), inputs.size());
  return 0;
}

double now_ms() { return static_cast<double>(platform::now_ms()); }

// A members file: {"members": [names], "absent": [[names absent in round 1], ...],
// "apart": [[a, b]], "together": [[a, b, c]], "hosts": [names], "attribute": {name: value},
// "met": [[a, b, times]]}. Names must be in "members".
bool read_members(const std::string& path, cv::GroupsProblem& p, std::vector<std::string>& names) {
  std::string bytes, error;
  if (!platform::read_file(path, bytes, error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return false;
  }
  const cv::json j = cv::json::parse(bytes, nullptr, false);
  auto fail = [&](const std::string& what) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), what.c_str());
    return false;
  };
  if (j.is_discarded() || !j.is_object()) return fail("not valid JSON (expected an object with \"members\")");
  if (!j.contains("members") || !j["members"].is_array()) return fail("members: expected a list of names");
  for (const auto& m : j["members"]) {
    if (!m.is_string()) return fail("members: expected names (strings)");
    names.push_back(m.get<std::string>());
  }
  auto index = [&](const cv::json& v, int& out) {
    if (!v.is_string()) return false;
    auto it = std::find(names.begin(), names.end(), v.get<std::string>());
    if (it == names.end()) return false;
    out = static_cast<int>(it - names.begin());
    return true;
  };
  p.players = static_cast<int>(names.size());
  if (j.contains("absent")) {
    if (!j["absent"].is_array()) return fail("absent: expected a list per round");
    p.present.assign(p.rounds, std::vector<bool>(p.players, true));
    for (size_t r = 0; r < j["absent"].size() && r < p.present.size(); ++r)
      for (const auto& v : j["absent"][r]) {
        int i = -1;
        if (!index(v, i)) return fail("absent[" + std::to_string(r) + "]: " + v.dump() + " is not a member");
        p.present[r][i] = false;
      }
  }
  for (const char* key : {"apart", "together"}) {
    if (!j.contains(key)) continue;
    for (const auto& set : j[key]) {
      std::vector<int> ids;
      for (const auto& v : set) {
        int i = -1;
        if (!index(v, i)) return fail(std::string(key) + ": " + v.dump() + " is not a member");
        ids.push_back(i);
      }
      if (std::string(key) == "apart" && ids.size() == 2) p.apart.emplace_back(ids[0], ids[1]);
      else if (std::string(key) == "together") p.together.push_back(ids);
      else return fail("apart: pairs of two names");
    }
  }
  if (j.contains("hosts"))
    for (const auto& v : j["hosts"]) {
      int i = -1;
      if (!index(v, i)) return fail("hosts: " + v.dump() + " is not a member");
      p.hosts.push_back(i);
    }
  if (j.contains("attribute") && j["attribute"].is_object()) {
    std::vector<std::string> values;
    p.attribute.assign(p.players, -1);
    for (auto it = j["attribute"].begin(); it != j["attribute"].end(); ++it) {
      int i = -1;
      if (!index(cv::json(it.key()), i)) return fail("attribute: " + it.key() + " is not a member");
      const std::string v = it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
      auto f = std::find(values.begin(), values.end(), v);
      if (f == values.end()) values.push_back(v), f = values.end() - 1;
      p.attribute[i] = static_cast<int>(f - values.begin());
    }
  }
  if (j.contains("met")) {
    p.met.assign(p.players, std::vector<int>(p.players, 0));
    for (const auto& m : j["met"]) {
      int a = -1, b = -1;
      if (!m.is_array() || m.size() != 3 || !index(m[0], a) || !index(m[1], b) || !m[2].is_number_integer())
        return fail("met: expected [name, name, times]");
      p.met[a][b] = p.met[b][a] = m[2].get<int>();
    }
  }
  return true;
}

int cmd_groups(const std::vector<std::string>& args) {
  cv::GroupsProblem p;
  std::string members;
  bool json_out = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto number = [&](int& out) {
      if (i + 1 >= args.size()) return false;
      out = std::atoi(args[++i].c_str());
      return true;
    };
    int v = 0;
    if (a == "--groups" && number(v)) p.groups = v;
    else if (a == "--size" && number(v)) p.group_size = v;
    else if (a == "--rounds" && number(v)) p.rounds = v;
    else if (a == "--players" && number(v)) p.players = v;
    else if (a == "--seed" && number(v)) p.seed = static_cast<uint64_t>(v);
    else if (a == "--budget-ms" && number(v)) p.budget_ms = v;
    else if (a == "--members" && i + 1 < args.size()) members = args[++i];
    else if (a == "--smaller") p.odd_bigger = false;
    else if (a == "--json") json_out = true;
    else return usage();
  }
  std::vector<std::string> names;
  if (!members.empty() && !read_members(members, p, names)) return 1;
  if (p.players == 0 && p.groups > 0 && p.group_size > 0) p.players = p.groups * p.group_size;
  p.clock_ms = now_ms;
  const cv::GroupsResult r = cv::solve_groups(p);
  if (!r.ok) {
    std::fprintf(stderr, "groups: %s\n", r.error.c_str());
    return 1;
  }
  auto name = [&](int x) { return x < static_cast<int>(names.size()) ? names[x] : std::to_string(x + 1); };
  if (json_out) {
    cv::json rounds = cv::json::array();
    for (const auto& round : r.schedule) {
      cv::json gs = cv::json::array();
      for (const auto& g : round) {
        cv::json members_json = cv::json::array();
        for (int x : g) names.empty() ? members_json.push_back(x + 1) : members_json.push_back(name(x));
        gs.push_back(members_json);
      }
      rounds.push_back(gs);
    }
    const cv::GroupsQuality& q = r.quality;
    cv::json out = {{"rounds", rounds},
                    {"quality", {{"repeated_pairs", q.repeated_pairs}, {"distinct_pairs", q.distinct_pairs},
                                 {"possible_pairs", q.possible_pairs}, {"max_meetings", q.max_meetings},
                                 {"first_repeat_round", q.first_repeat_round < 0 ? cv::json() : cv::json(q.first_repeat_round + 1)},
                                 {"new_pairs", q.new_pairs}, {"fewest_possible", r.lower_bound}}},
                    {"method", r.method}, {"ms", static_cast<long long>(r.ms)}, {"seed", p.seed}};
    std::printf("%s\n", out.dump(2, ' ', false, cv::json::error_handler_t::replace).c_str());
    return 0;
  }
  for (size_t ri = 0; ri < r.schedule.size(); ++ri) {
    std::printf("Round %zu\n", ri + 1);
    for (size_t g = 0; g < r.schedule[ri].size(); ++g) {
      std::printf("  %zu:", g + 1);
      for (int x : r.schedule[ri][g]) std::printf(" %s", name(x).c_str());
      std::printf("\n");
    }
  }
  const cv::GroupsQuality& q = r.quality;
  std::printf("repeated pairs %d (the fewest possible: %d); distinct pairs %d of %d possible; most meetings of a pair %d; "
              "first repeat %s; %s in %.0f ms\n",
              q.repeated_pairs, r.lower_bound, q.distinct_pairs, q.possible_pairs, q.max_meetings,
              q.first_repeat_round < 0 ? "none" : ("round " + std::to_string(q.first_repeat_round + 1)).c_str(),
              r.method.c_str(), r.ms);
  return 0;
}

// The member directory: vCards for address books, the printable page, or who can help with a question.
int cmd_directory(const std::vector<std::string>& args) {
  if (args.size() < 2) return usage();
  cv::Community c;
  if (!load(args[0], c)) return 1;
  if (args[1] == "--vcf" && args.size() == 2) std::fputs(cv::directory_vcf(c).c_str(), stdout);
  else if (args[1] == "--html" && args.size() == 2) std::fputs(cv::directory_html(c).c_str(), stdout);
  else if (args[1] == "--who" && args.size() == 3)
    for (const cv::Helper& h : cv::who_can_help(c, args[2])) {
      std::string why;
      for (const std::string& r : h.reasons) why += (why.empty() ? "" : "; ") + r;
      std::printf("%s: %s\n", cv::terminal_safe(h.name).c_str(), cv::terminal_safe(why).c_str());
    }
  else return usage();
  return 0;
}

// The web of connections: ties, density and the least connected (JSON), or the graph for Gephi and Kumu.
int cmd_network(const std::vector<std::string>& args) {
  if (args.size() != 2) return usage();
  cv::Community c;
  if (!load(args[0], c)) return 1;
  const cv::Network n = cv::network(c);
  if (args[1] == "--json") std::printf("%s\n", cv::network_json(c, n).c_str());
  else if (args[1] == "--graphml") std::fputs(cv::network_graphml(c, n).c_str(), stdout);
  else if (args[1] == "--csv") std::fputs(cv::network_csv(c, n).c_str(), stdout);
  else return usage();
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
  if (cmd == "groups") return cmd_groups(args);
  if (cmd == "directory") return cmd_directory(args);
  if (cmd == "network") return cmd_network(args);
  if (cmd == "schema" && args.empty()) {
    std::printf("%s\n", cv::file_schema().dump(2, ' ', false, cv::json::error_handler_t::replace).c_str());
    return 0;
  }
  return usage();
}
