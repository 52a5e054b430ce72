#include "import/progress_bar.h"

#include <unistd.h>

#include <string>

namespace bdp::legacy {

ProgressBar::ProgressBar(std::size_t total, bool enabled, std::FILE* stream)
    : total_(total), enabled_(enabled && isatty(fileno(stream))), stream_(stream) {}

ProgressBar::~ProgressBar() {
  if (enabled_ && done_ > 0) std::fprintf(stream_, "\r\x1b[2K");
}

void ProgressBar::step(std::string_view label) {
  ++done_;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (done_ != total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  constexpr std::size_t width = 30;
  const std::size_t filled = total_ ? done_ * width / total_ : width;
  std::string bar(filled, '#');
  bar.append(width - filled, '.');
  if (label.size() > 40) label = label.substr(label.size() - 40);
  std::fprintf(stream_, "\r\x1b[2K[%s] %zu/%zu %.*s", bar.c_str(), done_, total_,
               static_cast<int>(label.size()), label.data());
  std::fflush(stream_);
}

}  // namespace bdp::legacy
