// Snippets: a short passage of a practice's text around the words a query matched, as SAFE
// HTML — the text is escaped with bdp::html_escape and the only markup added is <mark>…</mark>
// around matching words (inflected forms and forms without diacritics included).
// Pure apart from the (thread-safe) Analyzer; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "search/analyzer.h"
#include "search/query_builder.h"

namespace bdp::search {

inline constexpr std::size_t kSnippetBytes = 260;

// `text` is normalised text (as stored in the index). Returns at most about `max_bytes` of
// it (plus ellipses and markup); starts at the densest run of matches, or at the beginning.
std::string make_snippet(std::string_view text, const HighlightForms& forms,
                         const Analyzer& analyzer, std::size_t max_bytes = kSnippetBytes);

}  // namespace bdp::search
