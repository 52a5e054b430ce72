// The vocabulary of the Xapian index: term prefixes and value slots, in one place so the
// document builder and the query side cannot disagree. Internal to the search module.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace bdp::search {

// A query matching every document. Never use Xapian::Query::MatchAll: it is one static object
// whose (non-atomic) reference count every copy touches, so copies made by concurrent searches
// corrupt it (seen as crashes in Enquire::set_query under load). An empty term is the same query,
// owned by the caller.
inline Xapian::Query match_all() {
  return Xapian::Query(std::string());
}

}  // namespace bdp::search

namespace bdp::search::terms {

// Surface terms are the folded words themselves, unprefixed ("sremie", "63-100").
inline constexpr std::string_view kLemma = "Z";      // folded Hunspell lemma: "Zsrem"
inline constexpr std::string_view kTitleWord = "S";  // folded title word (suggestions)
inline constexpr std::string_view kId = "Q";         // unique id term: "Q412"
inline constexpr std::string_view kUnit = "XU";      // unit id: "XU17"

inline constexpr Xapian::valueno kSlotDate = 0;      // entered_on, ISO date
inline constexpr Xapian::valueno kSlotTitleKey = 1;  // ICU Polish collation key of the title
inline constexpr Xapian::valueno kSlotFacets = 2;    // packed facet values (facet_values.h)

// Index metadata keys.
inline constexpr std::string_view kMetaLastSeq = "bdp:last_seq";
inline constexpr std::string_view kMetaSections = "bdp:sections";
inline constexpr std::string_view kMetaFormat = "bdp:format";
inline constexpr std::string_view kMetaAccented = "a:";  // + folded word -> accented word

inline std::string lemma(std::string_view folded) {
  return std::string(kLemma) + std::string(folded);
}
inline std::string id(std::int64_t id) {
  return std::string(kId) + std::to_string(id);
}

}  // namespace bdp::search::terms
