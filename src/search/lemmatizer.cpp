#include "search/lemmatizer.h"

#include <algorithm>
#include <filesystem>
#include <hunspell/hunspell.hxx>

#include "search/latin2.h"
#include "search/text_folding.h"

namespace bdp::search {
namespace {

// Enough for the vocabulary of a large corpus; cleared wholesale when full (simple and bounded).
constexpr std::size_t kCacheLimit = 500'000;

}  // namespace

void Lemmatizer::HunspellDeleter::operator()(Hunspell* h) const {
  delete h;
}

Result<std::shared_ptr<Lemmatizer>> Lemmatizer::open(const std::string& aff_path,
                                                     const std::string& dic_path) {
  std::error_code ec;
  for (const auto& path : {aff_path, dic_path}) {
    if (!std::filesystem::is_regular_file(path, ec)) {
      return fail(ErrorKind::unavailable,
                  "Hunspell dictionary file " + path + " not found (install hunspell-pl)");
    }
  }
  std::unique_ptr<Hunspell, HunspellDeleter> hunspell(
      new Hunspell(aff_path.c_str(), dic_path.c_str()));
  const std::string encoding = hunspell->get_dict_encoding();
  const bool latin2 = encoding == "ISO8859-2" || encoding == "ISO-8859-2";
  if (!latin2 && encoding != "UTF-8") {
    return fail(ErrorKind::unavailable,
                "Hunspell dictionary " + aff_path + " has unsupported encoding '" + encoding + "'");
  }
  return std::shared_ptr<Lemmatizer>(new Lemmatizer(std::move(hunspell), latin2));
}

Lemmatizer::Lemmatizer(std::unique_ptr<Hunspell, HunspellDeleter> hunspell, bool latin2)
    : hunspell_(std::move(hunspell)), latin2_(latin2) {}

Lemmatizer::~Lemmatizer() = default;

std::vector<std::string> Lemmatizer::lemmas(std::string_view lower_word) {
  std::string key(lower_word);
  {
    std::shared_lock lock(cache_mutex_);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  }
  std::vector<std::string> result = stem_uncached(key);
  std::unique_lock lock(cache_mutex_);
  if (cache_.size() >= kCacheLimit) cache_.clear();
  cache_.emplace(std::move(key), result);
  return result;
}

std::vector<std::string> Lemmatizer::stem_uncached(const std::string& lower_word) {
  // Proper nouns are capitalised in the dictionary, so "śremie" is only known as "Śremie".
  std::vector<std::string> stems = stem_one(lower_word);
  if (stems.empty()) stems = stem_one(title_case(lower_word));
  std::vector<std::string> out;
  for (const auto& s : stems) {
    std::string lower = fold_case(s);
    if (std::find(out.begin(), out.end(), lower) == out.end()) out.push_back(std::move(lower));
  }
  return out;
}

std::vector<std::string> Lemmatizer::stem_one(const std::string& word) {
  std::string encoded = word;
  if (latin2_) {
    auto converted = utf8_to_latin2(word);
    if (!converted) return {};
    encoded = std::move(*converted);
  }
  std::vector<std::string> stems;
  {
    std::lock_guard lock(hunspell_mutex_);
    stems = hunspell_->stem(encoded);
  }
  if (latin2_) {
    for (auto& s : stems) s = latin2_to_utf8(s);
  }
  return stems;
}

}  // namespace bdp::search
