// libFuzzer target: what a search box receives (normalize, tokenize, parse_query, to_query_text).
// Properties: tokens are ordered, in bounds and non-empty; the parsed query has no empty
// clause; rendering a parsed query and parsing it again gives the same words, exclusions and
// alternatives, because a corrected query ("did you mean") is rendered and parsed again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "search/query_parser.h"
#include "search/text_folding.h"
#include "search/tokenizer.h"

namespace {

bool same_clause(const bdp::search::QueryClause& a, const bdp::search::QueryClause& b) {
  return a.text == b.text && a.excluded == b.excluded;
}

bool same_query(const bdp::search::ParsedQuery& a, const bdp::search::ParsedQuery& b) {
  if (a.groups.size() != b.groups.size() || a.excluded.size() != b.excluded.size()) return false;
  for (std::size_t g = 0; g < a.groups.size(); ++g) {
    if (a.groups[g].size() != b.groups[g].size()) return false;
    for (std::size_t c = 0; c < a.groups[g].size(); ++c) {
      if (!same_clause(a.groups[g][c], b.groups[g][c])) return false;
    }
  }
  for (std::size_t c = 0; c < a.excluded.size(); ++c) {
    if (!same_clause(a.excluded[c], b.excluded[c])) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text =
      bdp::search::normalize(std::string_view(reinterpret_cast<const char*>(data), size));
  std::size_t previous_end = 0;
  for (const auto& token : bdp::search::tokenize(text)) {
    if (token.begin < previous_end || token.end <= token.begin || token.end > text.size())
      __builtin_trap();
    previous_end = token.end;
  }
  (void)bdp::search::fold(text);
  const auto parsed = bdp::search::parse_query(text);
  for (const auto& group : parsed.groups) {
    if (group.empty()) __builtin_trap();
    for (const auto& clause : group) {
      if (clause.text.empty()) __builtin_trap();
    }
  }
  const auto again = bdp::search::parse_query(bdp::search::to_query_text(parsed));
  if (!same_query(parsed, again)) __builtin_trap();
  return 0;
}
