// libFuzzer target: old portal addresses and file names (parse_legacy_href, art_from_file_name).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "legacy/legacy_address.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto address = bdp::legacy::parse_legacy_href(text)) {
    if (address->art <= 0 || address->tab < 1 || address->tab > 3) __builtin_trap();
  }
  if (auto art = bdp::legacy::art_from_file_name(text)) {
    if (*art <= 0) __builtin_trap();
  }
  return 0;
}
