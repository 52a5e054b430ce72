// The bytes an isolated extractor writes to its stdout for one Extraction, and their reading.
// Internal to the extract module. Pure; thread-safe.
//
// Format (all numbers decimal ASCII):
//   "BDPX1 <status word> <page count> <thumbnail bytes>\n"
//   then per page "<page number> <text bytes>\n<text bytes>\n"
//   then the thumbnail's bytes, then "END\n".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "extract/text.h"

namespace bdp::extract {

std::string encode_extraction(const Extraction& extraction);

// invalid_input when `frame` is not exactly one well-formed frame (truncated, trailing bytes,
// unknown status, text not UTF-8, more than max_pages pages).
Result<Extraction> decode_extraction(std::string_view frame, std::uint64_t max_pages = 1000000);

}  // namespace bdp::extract
