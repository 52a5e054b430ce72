// Turns parsed clauses into a Xapian query over the analysed index, the set of forms to
// highlight, and a spelling correction for words the index does not know.
// A word matches its folded surface form or any of its lemmas; a word typed without Polish
// letters that Hunspell does not know is looked up in the index's accent table first
// ("spolecznej" -> "społecznej" -> lemma "społeczny"). Several tokens in one clause form a phrase.
// Internal to the search module; `db` must stay valid while the builder is used; one thread.
#pragma once

#include <xapian.h>

#include <set>
#include <string>

#include "search/analyzer.h"
#include "search/query_parser.h"

namespace bdp::search {

struct HighlightForms {
  std::set<std::string> surfaces;  // folded surface forms of the query's words
  std::set<std::string> lemmas;    // folded lemmas of the query's words
  bool empty() const { return surfaces.empty() && lemmas.empty(); }
};

struct BuiltQuery {
  Xapian::Query query;     // MatchAll when nothing searchable remains
  bool has_terms = false;  // false: only stop words (or nothing) were typed
  HighlightForms highlight;
};

class QueryBuilder {
 public:
  QueryBuilder(const Analyzer& analyzer, const Xapian::Database& db)
      : analyzer_(analyzer), db_(db) {}

  BuiltQuery build(const ParsedQuery& parsed) const;
  // The query with each unknown word replaced by the index's spelling suggestion; "" when no
  // word needed (or had) a correction.
  std::string spelling_correction(const ParsedQuery& parsed) const;
  // One analysed word: its folded surface form OR any of its lemmas.
  Xapian::Query token_query(const AnalyzedToken& token) const {
    return word_query(word_terms(token), false);
  }

 private:
  struct WordTerms {
    std::string surface;
    std::vector<std::string> lemma_terms;
  };
  WordTerms word_terms(const AnalyzedToken& token) const;
  Xapian::Query word_query(const WordTerms& terms, bool in_phrase) const;
  Xapian::Query clause_query(const QueryClause& clause, HighlightForms* highlight) const;
  bool known(const WordTerms& terms) const;

  const Analyzer& analyzer_;
  const Xapian::Database& db_;
};

}  // namespace bdp::search
