// Lemmatizer: Polish lemmas (dictionary forms) of a word, from Hunspell with hunspell-pl.
// Hunspell often returns several stems for one form (pomocy -> pomocy, pomoc); all are returned.
// Thread-safety: Hunspell is not thread-safe, so calls are serialised by a lock; a shared
// cache in front answers repeated words without taking the Hunspell lock. Safe to share.
#pragma once

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

class Hunspell;

namespace bdp::search {

inline constexpr const char* kDefaultAffPath = "/usr/share/hunspell/pl_PL.aff";
inline constexpr const char* kDefaultDicPath = "/usr/share/hunspell/pl_PL.dic";

class Lemmatizer {
 public:
  // Loads the dictionary (~0.2 s). Errors: unavailable when the files are missing or unreadable.
  static Result<std::shared_ptr<Lemmatizer>> open(const std::string& aff_path = kDefaultAffPath,
                                                  const std::string& dic_path = kDefaultDicPath);
  ~Lemmatizer();

  // Lower-case lemmas of a lower-case word, without duplicates; empty when Hunspell does not know
  // the word (e.g. typed without its Polish letters). Proper nouns are found from the lower-case
  // form too ("śremie" -> "śrem").
  std::vector<std::string> lemmas(std::string_view lower_word);

 private:
  struct HunspellDeleter {
    void operator()(Hunspell* h) const;
  };
  explicit Lemmatizer(std::unique_ptr<Hunspell, HunspellDeleter> hunspell, bool latin2);
  std::vector<std::string> stem_uncached(const std::string& lower_word);
  std::vector<std::string> stem_one(const std::string& word);

  std::unique_ptr<Hunspell, HunspellDeleter> hunspell_;
  bool latin2_;  // the dictionary is ISO-8859-2 (hunspell-pl is); otherwise UTF-8
  std::mutex hunspell_mutex_;
  std::shared_mutex cache_mutex_;
  std::unordered_map<std::string, std::vector<std::string>> cache_;
};

}  // namespace bdp::search
