// libFuzzer target: what the parent reads from an isolated extractor (a child that a hostile
// document may have taken over), and the cleaning of uploaded file names. Any crash, leak or
// UB is a bug; so is a decoded frame that does not encode back to itself, or a cleaned name
// with a separator, over 200 bytes or not UTF-8.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/extraction_frame.h"
#include "extract/sniff.h"
#include "extract/utf8_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bdp::extract;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto frame = decode_extraction(bytes)) {
    if (encode_extraction(*frame) != bytes) __builtin_trap();
  }
  if (auto name = clean_file_name(bytes)) {
    if (name->empty() || name->size() > 200 || name->find_first_of("/\\") != std::string::npos ||
        repair_utf8(*name) != *name) {
      __builtin_trap();
    }
  }
  const std::string repaired = repair_utf8(bytes);
  if (repair_utf8(repaired) != repaired) __builtin_trap();
  return 0;
}
