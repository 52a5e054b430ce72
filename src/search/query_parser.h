// Parses the text of a search box into clauses (docs/search.md): words, "phrases",
// -exclusions and OR between neighbouring clauses. Never fails: unbalanced quotes close at the
// end, stray operators are words, control characters are spaces. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bdp::search {

struct QueryClause {
  std::string text;     // normalised text of the word or phrase, without quotes or '-'
  bool phrase = false;  // quoted
  bool excluded = false;
};

struct ParsedQuery {
  // Required groups (AND between groups); each group is alternatives (OR) of clauses.
  std::vector<std::vector<QueryClause>> groups;
  std::vector<QueryClause> excluded;  // AND NOT
  bool unbalanced_quote = false;
};

ParsedQuery parse_query(std::string_view text);

// Renders clauses back to query syntax (used to show a corrected query).
std::string to_query_text(const ParsedQuery& query);

}  // namespace bdp::search
