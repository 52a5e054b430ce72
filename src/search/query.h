// What a search asks for and what it returns: plain values shared by the index, the JSON API
// and the web pages. See docs/search.md for the query syntax.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bdp::search {

// title: Polish collation; distance: nearest first (Query::near; without it, relevance).
enum class SortOrder { relevance, newest, title, distance };
const char* to_string(SortOrder sort);
// "relevance" | "newest" | "title" | "distance"; anything else is relevance.
SortOrder sort_order_from_string(const std::string& text);

inline constexpr int kMaxPageSize = 100;
inline constexpr std::size_t kMaxQueryBytes = 1000;

struct Query {
  std::string text;  // words, "phrases", -exclusions, OR (docs/search.md)
  // facet name (facets.h: section, voivodeship, county, unit_type, population, year, programme,
  // result_type) -> selected value; several values of one facet are alternatives (OR), facets
  // combine (AND).
  std::multimap<std::string, std::string> filters;
  SortOrder sort = SortOrder::relevance;
  int page = 1;        // 1-based
  int page_size = 20;  // 1..kMaxPageSize
  // "Near a place", when set (by the web layer, which knows where practices are): only these
  // practices, each with its distance in km; library documents are left out then.
  std::optional<std::map<std::int64_t, double>> near;
};

// What a hit is: a practice, or a document of the library (model/document.h). Only search()
// returns documents; similar, units_like, suggest and matching_ids list practices alone.
enum class HitKind { practice, document };
const char* to_string(HitKind kind);  // "practice" | "document"

struct Hit {
  HitKind kind = HitKind::practice;
  std::int64_t id = 0;  // of the practice or of the document, by kind
  std::string title;
  std::string slug;          // practices only
  std::string place;         // the unit's name; "" for documents
  std::string entered_on;    // ISO date; for documents the day the current version was added
  std::string snippet_html;  // SAFE HTML: escaped text with <mark> around matching words only
  double score = 0;          // relevance weight; 0 when not ranked by relevance
  std::string href;          // the practice's or the document's page ("/publikacje/7-uchwala")
  std::optional<double> distance_km;  // with Query::near: from the place
  // Documents only:
  std::string file_href;      // the current file; "…/plik#page=N" when `page` is set
  int page = 0;               // the best-matching PDF page (1..N); 0 if none or not a PDF
  std::string document_kind;  // to_string(DocumentKind): "raport", "uchwala", …
  std::string format;         // of the current file: "pdf", "docx", "odt", …
};

struct FacetValue {
  std::string value;       // what goes into Query::filters
  std::string label;       // Polish, for display
  std::int64_t count = 0;  // matches if this value were selected too (other facets applied)
  bool selected = false;
  std::string parent;  // section facet only: the parent section's value ("" at the top)
  int depth = 0;       // section facet only: 0 for top-level sections
};

struct Facet {
  std::string name;                // "voivodeship"
  std::string label;               // "Województwo"
  std::vector<FacetValue> values;  // sections in tree order, bands ascending, years descending,
                                   // others by count then label
};

// What the results page tells about how the query was read (the UI translates the code):
// an unbalanced quote ran to the end, only stop words were typed (everything is shown), only
// the first words of a very long query were used, or the query was refused as too long.
enum class Notice { none, unbalanced_quote, stop_words_only, truncated, too_long };
// "" for none, else the name above ("unbalanced_quote").
const char* to_string(Notice notice);

struct SearchResults {
  std::vector<Hit> hits;
  std::vector<Facet> facets;
  std::int64_t total = 0;  // exact number of matching practices and documents
  int page = 1;
  int page_size = 20;
  std::string spelling_suggestion;  // corrected query text ("did you mean"), "" if none
  bool corrected = false;           // the query found nothing, so hits are for spelling_suggestion
  Notice notice = Notice::none;     // how the query was read, when it was not plain
};

// The Query named by URL parameters (docs/search.md), shared by the results page and the API:
// q (text), sort (relevance|newest|title), page, page_size, and one parameter per selected
// facet value named after the facet (section=3&voivodeship=wielkopolskie&voivodeship=…).
// Malformed numbers fall back to defaults; unknown parameters are ignored. Never fails.
Query query_from_parameters(const std::multimap<std::string, std::string>& parameters);

struct Suggestion {
  std::int64_t id = 0;
  std::string title;
  std::string slug;
};

}  // namespace bdp::search
