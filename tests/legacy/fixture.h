// Reads a test fixture of tests/legacy/fixtures/ as bytes.
#pragma once

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace bdp::legacy::test {

inline std::string fixture_path(const std::string& name) {
  return std::string(BDP_SOURCE_DIR) + "/tests/legacy/fixtures/" + name;
}

inline std::string read_fixture(const std::string& name) {
  std::ifstream in(fixture_path(name), std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + name);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace bdp::legacy::test
