// Parser of the text-dump form of an old practice page (as in /work/shared/seeds/).
#pragma once

#include <string_view>

#include "core/result.h"
#include "legacy/legacy_page.h"

namespace bdp::legacy {

// Reads every field of the page in `utf8`; nothing is kept from the input after it returns.
// Errors (invalid_input): the bytes are not UTF-8 (decode with to_utf8 first), the text is no
// practice page, or it has no title. Unreadable fields are warnings. Pure, thread-safe.
Result<LegacyPage> parse_text_page(std::string_view utf8);

}  // namespace bdp::legacy
