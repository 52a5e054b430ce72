#include "cli/resources.h"

#include <filesystem>

namespace bdp::cli {

std::string resource_path(const std::string& relative) {
  namespace fs = std::filesystem;
  if (fs::exists(relative)) return relative;
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto candidate = exe.parent_path().parent_path() / relative;
    if (fs::exists(candidate)) return candidate.string();
  }
  return relative;
}

}  // namespace bdp::cli
