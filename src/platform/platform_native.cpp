// platform_native.cpp: platform.h for the command-line tool and tests (native or Node).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "core/model.h"
#include "platform/platform.h"

namespace platform {

int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

double steady_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

uint64_t random_u64() {
  static std::random_device rd;
  return (uint64_t(rd()) << 32) ^ rd();
}

std::string new_id() { return cv::make_id(random_u64(), random_u64()); }

bool read_file(const std::string& path, std::string& bytes, std::string& error, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open the file";
    return false;
  }
  // Read in pieces and stop one byte past the limit: /dev/zero or a huge file is refused, not loaded.
  bytes.clear();
  char buf[1 << 16];
  while (in && bytes.size() <= max_bytes) {
    const size_t room = max_bytes - bytes.size() + 1;  // max_bytes + 1 in all; SIZE_MAX wraps to "any"
    in.read(buf, static_cast<std::streamsize>(room == 0 ? sizeof buf : std::min(sizeof buf, room)));
    bytes.append(buf, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    error = path + ": cannot read the file";
    return false;
  }
  return true;
}

bool write_file(const std::string& path, const std::string& bytes, std::string& error) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out || !(out << bytes) || !out.flush()) {
      error = path + ": cannot write the file";
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {  // whole file or nothing
    std::remove(tmp.c_str());
    error = path + ": cannot write the file";
    return false;
  }
  return true;
}

}  // namespace platform
