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
inline constexpr std::string_view kLemma = "Z";        // folded Hunspell lemma: "Zsrem"
inline constexpr std::string_view kTitleWord = "S";    // folded title word (suggestions)
inline constexpr std::string_view kId = "Q";           // unique id term: "Q412"
inline constexpr std::string_view kDocumentId = "QD";  // a library document's id term: "QD7"
inline constexpr std::string_view kUnit = "XU";        // unit id: "XU17"

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
inline std::string document_id(std::int64_t id) {
  return std::string(kDocumentId) + std::to_string(id);
}

// Practices and library documents share the index in two interleaved docid spaces: practice p
// is docid 2p - 1, document d is docid 2d. Dense (the facet table is indexed by docid) and
// decidable from the docid alone. REQUIRES: 0 < id <= kMaxIndexedId.
inline constexpr std::int64_t kMaxIndexedId = 0x7fffffff;
inline Xapian::docid practice_docid(std::int64_t id) {
  return static_cast<Xapian::docid>(2 * id - 1);
}
inline Xapian::docid document_docid(std::int64_t id) {
  return static_cast<Xapian::docid>(2 * id);
}
inline bool is_document(Xapian::docid docid) {
  return docid % 2 == 0;
}
// The practice or document id of a docid.
inline std::int64_t entity_id(Xapian::docid docid) {
  return (static_cast<std::int64_t>(docid) + 1) / 2;
}

}  // namespace bdp::search::terms
