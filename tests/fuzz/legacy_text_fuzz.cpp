// libFuzzer target: the text-dump parser of old practice pages, on arbitrary bytes (decoded as
// the importer does) and on the bytes as UTF-8. Any crash, leak or UB is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "legacy/encoding.h"
#include "legacy/text_page.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)bdp::legacy::parse_text_page(bytes);
  if (auto decoded = bdp::legacy::to_utf8(bytes)) {
    if (auto page = bdp::legacy::parse_text_page(decoded->utf8)) {
      if (page->title.empty()) __builtin_trap();  // a page is only returned with a title
    }
  }
  return 0;
}
