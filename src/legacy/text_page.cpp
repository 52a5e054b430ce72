#include "legacy/text_page.h"

#include "legacy/encoding.h"
#include "legacy/page_lines.h"
#include "legacy/plain_text.h"

namespace bdp::legacy {

Result<LegacyPage> parse_text_page(std::string_view utf8) {
  if (!is_valid_utf8(utf8)) {
    return fail(ErrorKind::invalid_input, "the text is not valid UTF-8");
  }
  if (utf8.starts_with("\xEF\xBB\xBF")) utf8.remove_prefix(3);
  std::vector<PageLine> lines;
  for (const auto line : split_lines(utf8)) lines.push_back({std::string(line), {}});
  return parse_page_lines(lines);
}

}  // namespace bdp::legacy
