// Parser of the HTML form of an old practice page: old, often broken markup (tables, <font>,
// unclosed tags) in UTF-8, Windows-1250 or ISO-8859-2, parsed with Gumbo.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.h"
#include "legacy/legacy_page.h"

namespace bdp::legacy {

// Bigger pages are refused (invalid_input): see html_page.cpp.
inline constexpr std::size_t max_html_page_bytes = std::size_t{512} * 1024;

// Reads every field of the page in `bytes` (any encoding: a <meta> charset is honoured unless
// the bytes contradict it; see to_utf8). The old id comes from the tab links (art=...), the
// attachments from the links under "Załączniki". Errors (invalid_input): undecodable bytes, no
// practice page, no title; unreadable fields and encoding notes are warnings. Pure, thread-safe.
Result<LegacyPage> parse_html_page(std::string_view bytes);

}  // namespace bdp::legacy
