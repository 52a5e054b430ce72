#include "search/query_builder.h"

#include <ranges>
#include <set>
#include <utility>

#include "search/terms.h"
#include "search/text_folding.h"

namespace bdp::search {
namespace {

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

QueryBuilder::WordTerms QueryBuilder::word_terms(const AnalyzedToken& token) const {
  WordTerms out;
  out.surface = token.folded;
  std::vector<std::string> lemmas = token.lemmas;
  if (lemmas.empty() && !token.numeric && !token.stop && is_ascii(token.lower)) {
    // Typed without Polish letters: Hunspell cannot stem it, the index knows the accented form.
    const std::string accented = db_.get_metadata(std::string(terms::kMetaAccented) + token.folded);
    if (!accented.empty()) lemmas = analyzer_.folded_lemmas(accented);
  }
  for (const auto& lemma : lemmas) out.lemma_terms.push_back(terms::lemma(lemma));
  return out;
}

Xapian::Query QueryBuilder::word_query(const WordTerms& terms, bool in_phrase) const {
  std::vector<Xapian::Query> alternatives{Xapian::Query(terms.surface)};
  for (const auto& t : terms.lemma_terms) alternatives.emplace_back(t);
  if (alternatives.size() == 1) return alternatives.front();
  // One word, several forms: a synonym, so a document is not scored twice for one occurrence
  // indexed under both its surface form and its lemma. Xapian's phrases take only OR of terms.
  const auto op = in_phrase ? Xapian::Query::OP_OR : Xapian::Query::OP_SYNONYM;
  return Xapian::Query(op, alternatives.begin(), alternatives.end());
}

bool QueryBuilder::known(const WordTerms& terms) const {
  if (db_.term_exists(terms.surface)) return true;
  for (const auto& t : terms.lemma_terms) {
    if (db_.term_exists(t)) return true;
  }
  return false;
}

Xapian::Query QueryBuilder::clause_query(const QueryClause& clause,
                                         HighlightForms* highlight) const {
  const std::vector<AnalyzedToken> tokens = analyzer_.analyze(clause.text);
  std::vector<Xapian::Query> parts;
  for (const AnalyzedToken& token : tokens) {
    if (token.stop && !clause.phrase && tokens.size() == 1) continue;
    WordTerms terms = word_terms(token);
    if (highlight != nullptr && !token.stop) {
      highlight->surfaces.insert(terms.surface);
      for (const auto& t : terms.lemma_terms)
        highlight->lemmas.insert(t.substr(terms::kLemma.size()));
    }
    parts.push_back(word_query(terms, clause.phrase || tokens.size() > 1));
  }
  if (parts.empty()) return Xapian::Query();
  if (parts.size() == 1) return parts.front();
  // Several tokens in one clause (a quoted phrase, or "miejsko-wiejska"): consecutive words.
  return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), parts.size());
}

BuiltQuery QueryBuilder::build(const ParsedQuery& parsed) const {
  BuiltQuery built;
  std::vector<Xapian::Query> required;
  std::set<std::vector<std::pair<std::string, bool>>> seen;  // a repeated group adds nothing
  for (const auto& group : parsed.groups) {
    std::vector<std::pair<std::string, bool>> key;
    key.reserve(group.size());
    for (const auto& clause : group) key.emplace_back(clause.text, clause.phrase);
    if (!seen.insert(std::move(key)).second) continue;
    std::vector<Xapian::Query> alternatives;
    for (const auto& clause : group) {
      Xapian::Query q = clause_query(clause, &built.highlight);
      if (!q.empty()) alternatives.push_back(std::move(q));
    }
    if (!alternatives.empty()) {
      required.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    }
  }
  std::vector<Xapian::Query> excluded;
  for (const auto& clause : parsed.excluded) {
    Xapian::Query q = clause_query(clause, nullptr);
    if (!q.empty()) excluded.push_back(std::move(q));
  }
  built.has_terms = !required.empty();
  built.query = required.empty()
                    ? match_all()
                    : Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
  if (!excluded.empty()) {
    built.query =
        Xapian::Query(Xapian::Query::OP_AND_NOT, built.query,
                      Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
  }
  return built;
}

std::string QueryBuilder::spelling_correction(const ParsedQuery& parsed) const {
  ParsedQuery corrected = parsed;
  bool changed = false;
  for (auto& group : corrected.groups) {
    for (auto& clause : group) {
      const std::vector<AnalyzedToken> tokens = analyzer_.analyze(clause.text);
      // Replace from the end so earlier byte ranges stay valid.
      for (const AnalyzedToken& token : std::views::reverse(tokens)) {
        if (token.stop || token.numeric || known(word_terms(token))) continue;
        const std::string suggestion = db_.get_spelling_suggestion(token.folded);
        if (suggestion.empty()) continue;
        std::string display = db_.get_metadata(std::string(terms::kMetaAccented) + suggestion);
        if (display.empty()) display = suggestion;
        clause.text.replace(token.begin, token.end - token.begin, display);
        changed = true;
      }
    }
  }
  return changed ? to_query_text(corrected) : "";
}

}  // namespace bdp::search
