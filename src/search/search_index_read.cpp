// SearchIndex, read side: search with facets and spelling, suggestions, similar practices.
#include <algorithm>

#include "model/permalink.h"
#include "search/document_builder.h"
#include "search/facet_counter.h"
#include "search/facet_list.h"
#include "search/facets.h"
#include "search/query_builder.h"
#include "search/query_parser.h"
#include "search/search_index.h"
#include "search/search_index_impl.h"
#include "search/snippet.h"
#include "search/terms.h"
#include "search/text_folding.h"

namespace bdp::search {
namespace {

constexpr std::size_t kMaxClauses = 32;
constexpr Xapian::termcount kSimilarTerms = 24;
FacetSelection selection_of(const Query& query) {
  FacetSelection selected(facet_definitions().size());
  for (const auto& [name, value] : query.filters) {
    if (auto f = facet_index(name); f && !value.empty()) selected[*f].insert(value);
  }
  return selected;
}

// Per selected facet: OR over its selected values.
std::vector<Xapian::Query> facet_filters(const FacetSelection& selected) {
  std::vector<Xapian::Query> facets;
  for (std::size_t f = 0; f < selected.size(); ++f) {
    if (selected[f].empty()) continue;
    std::vector<Xapian::Query> values;
    for (const auto& v : selected[f]) values.emplace_back(facet_term(f, v));
    facets.emplace_back(Xapian::Query::OP_OR, values.begin(), values.end());
  }
  return facets;
}

// Documents passing every selected facet; MatchAll without selections.
Xapian::Query filter_query(const FacetSelection& selected) {
  const auto facets = facet_filters(selected);
  if (facets.empty()) return match_all();
  return Xapian::Query(Xapian::Query::OP_AND, facets.begin(), facets.end());
}

// Documents passing all selected facets but at most one: the only ones a facet count (which
// leaves out its own facet's selection) can include. Narrows the counting pass, exactly.
Xapian::Query counting_filter(const FacetSelection& selected) {
  const auto facets = facet_filters(selected);
  if (facets.size() < 2) return match_all();
  std::vector<Xapian::Query> all_but_one;
  for (std::size_t skip = 0; skip < facets.size(); ++skip) {
    std::vector<Xapian::Query> others;
    for (std::size_t f = 0; f < facets.size(); ++f) {
      if (f != skip) others.push_back(facets[f]);
    }
    all_but_one.emplace_back(Xapian::Query::OP_AND, others.begin(), others.end());
  }
  return Xapian::Query(Xapian::Query::OP_OR, all_but_one.begin(), all_but_one.end());
}

// `filter`, and with query.near only its practices (a query matching nothing when none is near).
Xapian::Query with_near(Xapian::Query filter, const Query& query) {
  if (!query.near) return filter;
  std::vector<Xapian::Query> ids;
  ids.reserve(query.near->size());
  for (const auto& [id, km] : *query.near) ids.emplace_back(terms::id(id));
  return Xapian::Query(Xapian::Query::OP_FILTER, filter,
                       Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
}

// Sorts by the distance Query::near gives each practice (nearest first).
class DistanceKey final : public Xapian::KeyMaker {
 public:
  explicit DistanceKey(const std::map<std::int64_t, double>& km) : km_(km) {}
  std::string operator()(const Xapian::Document& doc) const override {
    const auto found = km_.find(terms::entity_id(doc.get_docid()));
    return Xapian::sortable_serialise(found == km_.end() ? 1e9 : found->second);
  }

 private:
  const std::map<std::int64_t, double>& km_;
};

// Only practices: for what lists practices alone (suggestions, similar, the map).
Xapian::Query practices_only(const Xapian::Query& query) {
  return Xapian::Query(Xapian::Query::OP_FILTER, query,
                       Xapian::Query(facet_term(kFacetResultType, kResultPractice)));
}

std::size_t mark_count(std::string_view html) {
  std::size_t n = 0;
  for (std::size_t at = html.find("<mark>"); at != std::string_view::npos;
       at = html.find("<mark>", at + 1))
    ++n;
  return n;
}

// A document's snippet comes from the page with the most highlighted words; that page (when
// numbered: PDFs) is the hit's page. When no page matches, the snippet is of the description,
// or of the first page when the description has no match either; the hit then has no page.
void fill_document_hit(Hit& hit, StoredFields& stored, const HighlightForms& forms,
                       const Analyzer& analyzer) {
  hit.kind = HitKind::document;
  hit.href = std::move(stored.href);
  hit.document_kind = std::move(stored.document_kind);
  hit.format = std::move(stored.format);
  hit.file_href = std::move(stored.file_href);
  std::size_t best_marks = 0;
  for (const PageText& page : stored.pages) {
    std::string html = make_snippet(page.text, forms, analyzer);
    if (const std::size_t marks = mark_count(html); marks > best_marks) {
      best_marks = marks;
      hit.page = page.page;
      hit.snippet_html = std::move(html);
    }
  }
  if (best_marks == 0) {
    hit.snippet_html = make_snippet(stored.text, forms, analyzer);
    if (mark_count(hit.snippet_html) == 0 && !stored.pages.empty())
      hit.snippet_html = make_snippet(stored.pages.front().text, forms, analyzer);
  }
  if (hit.page > 0) hit.file_href += "#page=" + std::to_string(hit.page);
}

Hit make_hit(const Xapian::MSetIterator& it, const HighlightForms& forms, const Analyzer& analyzer,
             bool scored) {
  const Xapian::Document doc = it.get_document();
  StoredFields stored = parse_stored_fields(doc.get_data());
  Hit hit;
  hit.id = terms::entity_id(*it);
  hit.title = std::move(stored.title);
  hit.slug = std::move(stored.slug);
  hit.place = std::move(stored.place);
  hit.entered_on = std::move(stored.entered_on);
  hit.score = scored ? it.get_weight() : 0;
  if (stored.document) {
    fill_document_hit(hit, stored, forms, analyzer);
  } else {
    hit.href = practice_path(hit.id, hit.slug);
    hit.snippet_html = make_snippet(stored.text, forms, analyzer);
  }
  return hit;
}

void limit_clauses(ParsedQuery& parsed, SearchResults& results) {
  if (parsed.groups.size() + parsed.excluded.size() <= kMaxClauses) return;
  if (parsed.groups.size() > kMaxClauses) parsed.groups.resize(kMaxClauses);
  parsed.excluded.resize(std::min(parsed.excluded.size(), kMaxClauses - parsed.groups.size()));
  results.notice = Notice::truncated;
}

// The one query the index refuses: one too long (a message for the user).
std::unexpected<Error> too_long() {
  return fail(ErrorKind::invalid_input, "Zapytanie jest za długie (ponad " +
                                            std::to_string(kMaxQueryBytes) +
                                            " znaków). Skróć je do kilku słów.");
}

struct Run {
  std::vector<FacetCounts> counts;
  std::int64_t total = 0;
  Xapian::MSet mset;
};

// Two passes: one over every match of the text (facet counts and the exact total, unweighted),
// one for the requested page with the filters applied (ranked, stops early).
Run run_query(Xapian::Database& db, const Xapian::Query& text, const FacetSelection& selected,
              const Query& query, std::shared_ptr<const FacetTable> facet_table) {
  Run run;
  FacetCounter counter(std::move(facet_table), selected);
  Xapian::Enquire counting(db);
  counting.set_query(
      Xapian::Query(Xapian::Query::OP_FILTER, text, with_near(counting_filter(selected), query)));
  counting.set_weighting_scheme(Xapian::BoolWeight());
  counting.add_matchspy(&counter);
  counting.get_mset(0, 0, db.get_doccount());
  run.counts = counter.counts();
  run.total = counter.total();

  Xapian::Enquire ranking(db);
  ranking.set_query(
      Xapian::Query(Xapian::Query::OP_FILTER, text, with_near(filter_query(selected), query)));
  std::optional<DistanceKey> distance;  // alive until get_mset
  if (query.sort == SortOrder::newest) {
    ranking.set_sort_by_value_then_relevance(terms::kSlotDate, true);
  } else if (query.sort == SortOrder::title) {
    ranking.set_sort_by_value_then_relevance(terms::kSlotTitleKey, false);
  } else if (query.sort == SortOrder::distance && query.near) {
    distance.emplace(*query.near);
    ranking.set_sort_by_key_then_relevance(&*distance, false);
  }
  const int page_size = std::clamp(query.page_size, 1, kMaxPageSize);
  const auto first = static_cast<Xapian::doccount>(std::max(query.page, 1) - 1) * page_size;
  run.mset = ranking.get_mset(first, static_cast<Xapian::doccount>(page_size));
  return run;
}

}  // namespace

Result<SearchResults> SearchIndex::search(const Query& query) {
  if (query.text.size() > kMaxQueryBytes) return too_long();
  SearchResults results;
  results.page = std::max(query.page, 1);
  results.page_size = std::clamp(query.page_size, 1, kMaxPageSize);
  ParsedQuery parsed = parse_query(query.text);
  if (parsed.unbalanced_quote) results.notice = Notice::unbalanced_quote;
  limit_clauses(parsed, results);
  const FacetSelection selected = selection_of(query);
  try {
    return impl_->readers.with_reader([&](Xapian::Database& db) -> Result<SearchResults> {
      SearchResults out = results;  // a retry starts again from here
      QueryBuilder builder(impl_->analyzer, db);
      BuiltQuery built = builder.build(parsed);
      if (!built.has_terms && !parsed.groups.empty()) out.notice = Notice::stop_words_only;
      if (built.has_terms) out.spelling_suggestion = builder.spelling_correction(parsed);
      const auto facet_table = impl_->facet_tables.table_for(db);
      Run run = run_query(db, built.query, selected, query, facet_table);
      if (run.total == 0 && !out.spelling_suggestion.empty()) {
        built = builder.build(parse_query(out.spelling_suggestion));
        Run corrected = run_query(db, built.query, selected, query, facet_table);
        if (corrected.total > 0) {
          run = std::move(corrected);
          out.corrected = true;
        }
      }
      out.total = run.total;
      const bool scored = query.sort == SortOrder::relevance && built.has_terms;
      for (auto it = run.mset.begin(); it != run.mset.end(); ++it) {
        out.hits.push_back(make_hit(it, built.highlight, impl_->analyzer, scored));
        if (query.near) {
          const auto km = query.near->find(out.hits.back().id);
          if (km != query.near->end()) out.hits.back().distance_km = km->second;
        }
      }
      out.facets = facet_list(run.counts, selected, *impl_->section_tree());
      return out;
    });
  } catch (const Xapian::Error& e) {
    return xapian_failure(e, "search failed");
  }
}

Result<std::vector<std::int64_t>> SearchIndex::matching_ids(const Query& query) {
  if (query.text.size() > kMaxQueryBytes) return too_long();
  ParsedQuery parsed = parse_query(query.text);
  SearchResults unused;
  limit_clauses(parsed, unused);
  const FacetSelection selected = selection_of(query);
  try {
    return impl_->readers.with_reader(
        [&](Xapian::Database& db) -> Result<std::vector<std::int64_t>> {
          QueryBuilder builder(impl_->analyzer, db);
          const BuiltQuery built = builder.build(parsed);
          Xapian::Enquire enquire(db);
          enquire.set_query(practices_only(Xapian::Query(
              Xapian::Query::OP_FILTER, built.query, with_near(filter_query(selected), query))));
          enquire.set_weighting_scheme(Xapian::BoolWeight());
          enquire.set_docid_order(Xapian::Enquire::ASCENDING);
          const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
          std::vector<std::int64_t> ids;
          ids.reserve(mset.size());
          for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(terms::entity_id(*it));
          return ids;
        });
  } catch (const Xapian::Error& e) {
    return xapian_failure(e, "matching practices failed");
  }
}

Result<std::vector<Suggestion>> SearchIndex::suggest(std::string_view prefix, int n) {
  std::vector<Suggestion> out;
  if (n <= 0 || prefix.size() > kMaxQueryBytes) return out;
  const std::string text = normalize(prefix);
  const std::vector<AnalyzedToken> tokens = impl_->analyzer.analyze(text);
  if (tokens.empty()) return out;
  const bool last_complete = tokens.back().end < text.size();  // followed by a space
  try {
    return impl_->readers.with_reader([&](Xapian::Database& db) -> Result<std::vector<Suggestion>> {
      QueryBuilder builder(impl_->analyzer, db);
      std::vector<Xapian::Query> parts;
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool partial = i + 1 == tokens.size() && !last_complete;
        if (tokens[i].stop && !partial) continue;
        if (!partial) {
          parts.push_back(builder.token_query(tokens[i]));
          continue;
        }
        parts.emplace_back(Xapian::Query::OP_OR, builder.token_query(tokens[i]),
                           Xapian::Query(Xapian::Query::OP_WILDCARD,
                                         std::string(terms::kTitleWord) + tokens[i].folded, 50,
                                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT));
      }
      if (parts.empty()) return out;
      Xapian::Enquire enquire(db);
      enquire.set_query(
          practices_only(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end())));
      Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(n));
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        StoredFields stored = parse_stored_fields(it.get_document().get_data());
        out.push_back({terms::entity_id(*it), std::move(stored.title), std::move(stored.slug)});
      }
      return out;
    });
  } catch (const Xapian::Error& e) {
    return xapian_failure(e, "suggestions failed");
  }
}

namespace {

// Lemma terms only: they carry the content; ids, facets and surface forms would add noise.
class LemmaTermsOnly : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() > terms::kLemma.size() + 3 &&
           term.compare(0, terms::kLemma.size(), terms::kLemma) == 0;
  }
};

// The content query of practice `docid`: its most distinctive lemmas, OR-ed.
Xapian::Query content_query(Xapian::Database& db, Xapian::docid docid) {
  Xapian::Enquire enquire(db);
  Xapian::RSet rset;
  rset.add_document(docid);
  LemmaTermsOnly decider;
  Xapian::ESet eset = enquire.get_eset(kSimilarTerms, rset, &decider);
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::string term_with_prefix(Xapian::Database& db, Xapian::docid docid, std::string_view prefix) {
  auto it = db.termlist_begin(docid);
  it.skip_to(std::string(prefix));
  if (it == db.termlist_end(docid)) return "";
  const std::string term = *it;
  return term.compare(0, prefix.size(), prefix) == 0 ? term : "";
}

// Practices only, without practice `exclude`.
std::vector<Hit> ranked_hits(Xapian::Database& db, const Xapian::Query& query, std::int64_t exclude,
                             int n, const Analyzer& analyzer) {
  Xapian::Enquire enquire(db);
  enquire.set_query(practices_only(
      Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(terms::id(exclude)))));
  Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(n));
  std::vector<Hit> hits;
  for (auto it = mset.begin(); it != mset.end(); ++it)
    hits.push_back(make_hit(it, {}, analyzer, true));
  return hits;
}

}  // namespace

Result<std::vector<Hit>> SearchIndex::similar(std::int64_t id, int n) {
  if (n <= 0) return std::vector<Hit>{};
  try {
    return impl_->readers.with_reader([&](Xapian::Database& db) -> Result<std::vector<Hit>> {
      if (id <= 0 || !db.term_exists(terms::id(id))) {
        return fail(ErrorKind::not_found,
                    "practice " + std::to_string(id) + " is not in the search index");
      }
      const auto docid = terms::practice_docid(id);
      return ranked_hits(db, content_query(db, docid), id, n, impl_->analyzer);
    });
  } catch (const Xapian::Error& e) {
    return xapian_failure(e, "similar practices failed");
  }
}

Result<std::vector<Hit>> SearchIndex::units_like(std::int64_t id, int n) {
  if (n <= 0) return std::vector<Hit>{};
  try {
    return impl_->readers.with_reader([&](Xapian::Database& db) -> Result<std::vector<Hit>> {
      if (id <= 0 || !db.term_exists(terms::id(id))) {
        return fail(ErrorKind::not_found,
                    "practice " + std::to_string(id) + " is not in the search index");
      }
      const auto docid = terms::practice_docid(id);
      const std::string type = term_with_prefix(db, docid, facet_definitions()[3].prefix);
      const std::string band =
          term_with_prefix(db, docid, facet_definitions()[kFacetPopulation].prefix);
      const std::string unit = term_with_prefix(db, docid, terms::kUnit);
      if (type.empty() || band.empty()) return std::vector<Hit>{};
      // Every practice of a like unit qualifies; content similarity only orders them.
      Xapian::Query like(
          Xapian::Query::OP_FILTER, match_all(),
          Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(type), Xapian::Query(band)));
      if (!unit.empty()) like = Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(unit));
      return ranked_hits(db,
                         Xapian::Query(Xapian::Query::OP_AND_MAYBE, like, content_query(db, docid)),
                         id, n, impl_->analyzer);
    });
  } catch (const Xapian::Error& e) {
    return xapian_failure(e, "practices from like units failed");
  }
}

}  // namespace bdp::search
