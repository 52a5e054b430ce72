#include "search/query_parser.h"

#include "search/text_folding.h"

namespace bdp::search {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct Scanner {
  std::string_view text;
  std::size_t pos = 0;
  bool unbalanced = false;

  void skip_spaces() {
    while (pos < text.size() && is_space(text[pos])) ++pos;
  }

  // One clause starting at pos (after spaces); `is_or` is set for a bare OR operator.
  QueryClause next(bool* is_or) {
    *is_or = false;
    QueryClause clause;
    if (text[pos] == '-' && pos + 1 < text.size() && !is_space(text[pos + 1])) {
      clause.excluded = true;
      ++pos;
    }
    if (text[pos] == '"') {
      const std::size_t close = text.find('"', pos + 1);
      unbalanced = unbalanced || close == std::string_view::npos;
      const std::size_t end = close == std::string_view::npos ? text.size() : close;
      clause.text = std::string(text.substr(pos + 1, end - pos - 1));
      clause.phrase = true;
      pos = end == text.size() ? end : end + 1;
      return clause;
    }
    const std::size_t begin = pos;
    while (pos < text.size() && !is_space(text[pos]) && text[pos] != '"') ++pos;
    clause.text = std::string(text.substr(begin, pos - begin));
    *is_or = !clause.excluded && (clause.text == "OR" || clause.text == "|");
    return clause;
  }
};

bool has_word_content(const std::string& text) {
  for (char c : text) {
    if (!is_space(c) && c != '"' && c != '-' && c != '|') return true;
  }
  return false;
}

std::string render(const QueryClause& c) {
  std::string out = c.excluded ? "-" : "";
  return c.phrase ? out + "\"" + c.text + "\"" : out + c.text;
}

}  // namespace

ParsedQuery parse_query(std::string_view raw) {
  const std::string text = normalize(raw);
  Scanner scanner{text};
  ParsedQuery query;
  bool pending_or = false;
  for (scanner.skip_spaces(); scanner.pos < text.size(); scanner.skip_spaces()) {
    bool is_or = false;
    QueryClause clause = scanner.next(&is_or);
    if (is_or) {
      pending_or = !query.groups.empty();
      continue;
    }
    if (!has_word_content(clause.text)) continue;
    if (clause.excluded) {
      query.excluded.push_back(std::move(clause));
    } else if (pending_or) {
      query.groups.back().push_back(std::move(clause));
    } else {
      query.groups.push_back({std::move(clause)});
    }
    pending_or = false;
  }
  query.unbalanced_quote = scanner.unbalanced;
  return query;
}

std::string to_query_text(const ParsedQuery& query) {
  std::string out;
  auto add = [&](const std::string& part) {
    if (!out.empty()) out += ' ';
    out += part;
  };
  for (const auto& group : query.groups) {
    for (std::size_t i = 0; i < group.size(); ++i) {
      if (i > 0) add("OR");
      add(render(group[i]));
    }
  }
  for (const auto& clause : query.excluded) add(render(clause));
  return out;
}

}  // namespace bdp::search
