#include "legacy/html_page.h"

#include "legacy/encoding.h"
#include "legacy/html_lines.h"
#include "legacy/page_lines.h"

namespace bdp::legacy {

Result<LegacyPage> parse_html_page(std::string_view bytes) {
  auto decoded = to_utf8(bytes, declared_charset(bytes));
  if (!decoded) return std::unexpected(decoded.error());
  auto page = parse_page_lines(html_lines(decoded->utf8));
  if (!page) return page;
  for (auto& note : decoded->notes) page->warnings.push_back({"page", std::move(note)});
  return page;
}

}  // namespace bdp::legacy
