// Analyzer: the Polish analysis used on both sides of the index. Text is normalised (NFC,
// control characters dropped), split into tokens, and each word yields its folded surface form
// (case and diacritics folded, ł -> l) and the folded forms of all its Hunspell lemmas.
// Numbers and postal codes are kept as tokens, with no lemmas; stop words are flagged.
// Thread-safety: safe to share; the Lemmatizer behind it serialises Hunspell itself.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "search/lemmatizer.h"

namespace bdp::search {

struct AnalyzedToken {
  std::size_t begin = 0;  // byte range in the normalised text given to analyze()
  std::size_t end = 0;
  std::string lower;                // case-folded surface form, diacritics kept ("śremie")
  std::string folded;               // the surface term ("sremie")
  std::vector<std::string> lemmas;  // folded lemmas, distinct ("srem"); empty if unknown
  bool numeric = false;
  bool stop = false;
};

class Analyzer {
 public:
  // REQUIRES: lemmatizer is not null.
  explicit Analyzer(std::shared_ptr<Lemmatizer> lemmatizer);

  // Analyses `normalized` (the output of normalize()); byte ranges refer to it.
  std::vector<AnalyzedToken> analyze(std::string_view normalized) const;
  // Folded lemmas of one case-folded word (see Lemmatizer::lemmas).
  std::vector<std::string> folded_lemmas(std::string_view lower_word) const;

 private:
  std::shared_ptr<Lemmatizer> lemmatizer_;
};

}  // namespace bdp::search
