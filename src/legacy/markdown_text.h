// Plain text of an old page → Markdown that renders as the same text: characters Markdown would
// read as markup are backslash-escaped. Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace bdp::legacy {

// One line of a paragraph: escapes \ ` * _ [ ] < > | everywhere, and a leading "#", "-", "+",
// ">", "=" or "1." that would start a heading, list, quote or rule.
std::string markdown_line(std::string_view text);

}  // namespace bdp::legacy
