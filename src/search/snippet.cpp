#include "search/snippet.h"

#include <algorithm>

#include "core/html_escape.h"
#include "search/text_folding.h"
#include "search/tokenizer.h"

namespace bdp::search {
namespace {

constexpr std::size_t kLeadingContext = 60;  // bytes shown before the first match

bool shares_prefix(std::string_view a, std::string_view b, std::size_t n) {
  return a.size() >= n && b.size() >= n && a.substr(0, n) == b.substr(0, n);
}

bool matches(std::string_view word, const HighlightForms& forms, const Analyzer& analyzer) {
  const std::string lower = fold_case(word);
  const std::string folded = fold_diacritics(lower);
  if (forms.surfaces.contains(folded)) return true;
  // Lemmatising every word of the text is the slow part; only words that could share a lemma
  // with the query (same first three letters) are looked up.
  const bool candidate = std::any_of(forms.lemmas.begin(), forms.lemmas.end(),
                                     [&](const auto& l) { return shares_prefix(l, folded, 3); });
  if (!candidate) return false;
  for (const auto& lemma : analyzer.folded_lemmas(lower)) {
    if (forms.lemmas.contains(lemma)) return true;
  }
  return false;
}

// Moves `at` back to the start of a UTF-8 character.
std::size_t char_start(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

}  // namespace

std::string make_snippet(std::string_view text, const HighlightForms& forms,
                         const Analyzer& analyzer, std::size_t max_bytes) {
  const std::vector<Token> tokens = tokenize(text);
  std::vector<bool> hit(tokens.size(), false);
  if (!forms.empty()) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      hit[i] =
          matches(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin), forms, analyzer);
    }
  }
  // The window of max_bytes starting at a matching token that holds the most matches.
  std::size_t best_first = tokens.size(), best_count = 0;
  std::size_t j = 0, count = 0;  // tokens [i, j) fit in the window starting at token i
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (j < i) {
      j = i;
      count = 0;
    }
    while (j < tokens.size() && tokens[j].end <= tokens[i].begin + max_bytes) count += hit[j++];
    if (hit[i] && count > best_count) {
      best_first = i;
      best_count = count;
    }
    if (j > i && hit[i]) --count;  // token i leaves the window
  }
  std::size_t start = 0;
  if (best_first < tokens.size() && tokens[best_first].end > max_bytes) {
    start =
        tokens[best_first].begin > kLeadingContext ? tokens[best_first].begin - kLeadingContext : 0;
    // Begin at a word boundary.
    auto next = std::find_if(tokens.begin(), tokens.end(),
                             [&](const Token& t) { return t.begin >= start; });
    start = next != tokens.end() ? next->begin : char_start(text, start);
  }
  std::size_t end = std::min(text.size(), start + max_bytes);
  auto last =
      std::find_if(tokens.rbegin(), tokens.rend(), [&](const Token& t) { return t.end <= end; });
  if (end < text.size() && last != tokens.rend() && last->end > start) end = last->end;
  end = char_start(text, end);

  std::string html = start > 0 ? "… " : "";
  std::size_t pos = start;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!hit[i] || tokens[i].begin < start || tokens[i].end > end) continue;
    append_html_escaped(html, text.substr(pos, tokens[i].begin - pos));
    html += "<mark>";
    append_html_escaped(html, text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
    html += "</mark>";
    pos = tokens[i].end;
  }
  append_html_escaped(html, text.substr(pos, end - pos));
  if (end < text.size()) html += " …";
  return html;
}

}  // namespace bdp::search
