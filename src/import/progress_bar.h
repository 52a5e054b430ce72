// A one-line progress bar on a terminal ("[#####.....]  512/10000  file.txt"), redrawn at most
// ten times a second. Draws nothing unless enabled and the stream is a terminal. Not
// thread-safe; does not own the stream.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string_view>

namespace bdp::legacy {

class ProgressBar {
 public:
  ProgressBar(std::size_t total, bool enabled, std::FILE* stream = stderr);
  ~ProgressBar();  // clears the line
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void step(std::string_view label);

 private:
  std::size_t total_, done_ = 0;
  bool enabled_;
  std::FILE* stream_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace bdp::legacy
