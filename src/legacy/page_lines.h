// The shared reader of an old practice page laid out as lines, the way a text browser shows it
// (the text dumps are exactly that; the HTML parser renders its DOM into the same lines). It
// knows the page's structure: programme header, menu, visitor counter, breadcrumb, title, tab
// bar, summary, Metryka, full presentation, attachments, footer.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "legacy/legacy_page.h"

namespace bdp::legacy {

struct Link {
  std::string text;
  std::string href;  // as written, entities decoded
};

struct PageLine {
  std::string text;         // UTF-8
  std::vector<Link> links;  // the links on this line (HTML form only)
};

// Reads every field of the page. Errors (invalid_input): the lines are no practice page (no
// tab bar, no Metryka and no breadcrumb), or the page has no title. Everything else that cannot
// be read becomes a warning in the result. Pure, thread-safe.
Result<LegacyPage> parse_page_lines(const std::vector<PageLine>& lines);

}  // namespace bdp::legacy
