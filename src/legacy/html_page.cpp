#include "legacy/html_page.h"

#include "legacy/encoding.h"
#include "legacy/html_lines.h"
#include "legacy/page_lines.h"

namespace bdp::legacy {

Result<LegacyPage> parse_html_page(std::string_view bytes) {
  // Gumbo's tree construction is quadratic in the nesting depth: 16 000 nested elements take
  // seconds. Pages of the old portal are tens of KiB; a bigger one is no page of it.
  if (bytes.size() > max_html_page_bytes) {
    return fail(ErrorKind::invalid_input,
                "the page is larger than " + std::to_string(max_html_page_bytes / 1024) + " KiB");
  }
  auto decoded = to_utf8(bytes, declared_charset(bytes));
  if (!decoded) return std::unexpected(decoded.error());
  auto page = parse_page_lines(html_lines(decoded->utf8));
  if (!page) return page;
  for (auto& note : decoded->notes) page->warnings.push_back({"page", std::move(note)});
  page->encoding = decoded->encoding;
  page->encoding_reason = decoded->reason;
  return page;
}

}  // namespace bdp::legacy
