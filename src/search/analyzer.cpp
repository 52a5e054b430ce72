#include "search/analyzer.h"

#include <algorithm>

#include "search/stop_words.h"
#include "search/text_folding.h"
#include "search/tokenizer.h"

namespace bdp::search {

Analyzer::Analyzer(std::shared_ptr<Lemmatizer> lemmatizer) : lemmatizer_(std::move(lemmatizer)) {}

std::vector<std::string> Analyzer::folded_lemmas(std::string_view lower_word) const {
  std::vector<std::string> out;
  for (const auto& lemma : lemmatizer_->lemmas(lower_word)) {
    std::string f = fold_diacritics(lemma);
    if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(std::move(f));
  }
  return out;
}

std::vector<AnalyzedToken> Analyzer::analyze(std::string_view normalized) const {
  std::vector<AnalyzedToken> out;
  for (const Token& token : tokenize(normalized)) {
    AnalyzedToken a;
    a.begin = token.begin;
    a.end = token.end;
    a.numeric = token.numeric;
    a.lower = fold_case(normalized.substr(token.begin, token.end - token.begin));
    a.folded = fold_diacritics(a.lower);
    a.stop = !a.numeric && is_stop_word(a.folded);
    if (!a.numeric && !a.stop) a.lemmas = folded_lemmas(a.lower);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace bdp::search
