// libFuzzer target: the HTML parser of old practice pages (charset detection, ICU conversion,
// Gumbo, line rendering, field reading) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "legacy/html_page.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto page = bdp::legacy::parse_html_page(bytes)) {
    if (page->title.empty()) __builtin_trap();
  }
  return 0;
}
