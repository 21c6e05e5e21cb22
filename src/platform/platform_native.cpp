// platform_native.cpp: platform.h for the command-line tool and tests (native or Node).
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

uint64_t random_u64() {
  static std::random_device rd;
  return (uint64_t(rd()) << 32) ^ rd();
}

std::string new_id() { return cv::make_id(random_u64(), random_u64()); }

bool read_file(const std::string& path, std::string& bytes, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open the file";
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  bytes = ss.str();
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
