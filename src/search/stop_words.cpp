#include "search/stop_words.h"

#include <algorithm>
#include <array>

namespace bdp::search {
namespace {

// Folded (no diacritics), sorted for binary search. Words that are also content words once
// folded ("sad" = sąd/sad, "pan") are left out on purpose.
constexpr std::array<std::string_view, 118> kStopWords = {
    "a",     "aby",     "ale",     "az",     "bardzo",   "bez",   "bo",       "by",      "byc",
    "byl",   "byla",    "byli",    "bylo",   "byly",     "cala",  "cale",     "caly",    "choc",
    "ci",    "cie",     "co",      "czy",    "dla",      "do",    "dwa",      "gdy",     "gdyz",
    "gdzie", "go",      "i",       "ich",    "ile",      "im",    "inne",     "iz",      "ja",
    "jak",   "jaki",    "jako",    "je",     "jednak",   "jego",  "jej",      "jemu",    "jesli",
    "jest",  "jestem",  "jeszcze", "jezeli", "juz",      "ktora", "ktore",    "ktorego", "ktorej",
    "ktory", "ktorych", "ktorym",  "ktorzy", "lecz",     "lub",   "ma",       "maja",    "mi",
    "mnie",  "moze",    "my",      "na",     "nad",      "nam",   "nas",      "nawet",   "nic",
    "nie",   "niech",   "niz",     "o",      "od",       "ok",    "on",       "ona",     "one",
    "oni",   "ono",     "oraz",    "owszem", "po",       "pod",   "poniewaz", "przed",   "przez",
    "przy",  "sa",      "sie",     "sobie",  "ta",       "tak",   "takze",    "te",      "tego",
    "tej",   "ten",     "to",      "tu",     "tych",     "tylko", "tym",      "u",       "w",
    "we",    "wiec",    "wlasnie", "wraz",   "wszystko", "z",     "za",       "zas",     "ze",
    "zeby",
};

static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()));

}  // namespace

bool is_stop_word(std::string_view folded_word) {
  return std::binary_search(kStopWords.begin(), kStopWords.end(), folded_word);
}

}  // namespace bdp::search
