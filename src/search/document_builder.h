// Turns one practice (with its unit and the section tree) into the Xapian document that
// represents it in the index: weighted, positioned surface and lemma terms, facet terms, sort
// values and the stored fields hits are shown from. Internal to the search module.
// Field weights (wdf per occurrence): title 8 > summary 4 > full presentation 2 > metadata 1.
// Not thread-safe only in that the Collator must not be shared by concurrent callers.
#pragma once

#include <unicode/coll.h>
#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "model/document.h"
#include "model/practice.h"
#include "model/section_tree.h"
#include "model/unit.h"
#include "search/analyzer.h"

namespace bdp::search {

struct StoredFields {
  std::string title, slug, place, entered_on;
  std::string text;  // plain text of the summary and the presentation, capped, for snippets
  // Library documents only (`document` true): `text` is the description and tags.
  bool document = false;
  std::string href, file_href;  // the document's page and its current file
  std::string document_kind;    // model/document.h's to_string(DocumentKind)
  std::string format;           // of the current version: "pdf", "docx", …
  std::vector<PageText> pages;  // each page's text capped (kStoredPageBytes), for snippets
};

// Bytes of each page's text kept for snippets, and of all pages of one document: a word found
// beyond them is still searchable, but its page is not known (the hit shows the first page).
inline constexpr std::size_t kStoredPageBytes = 4000;
inline constexpr std::size_t kStoredPagesBytes = 400'000;

struct BuiltDocument {
  Xapian::Document document;
  std::vector<std::string> spelling_words;  // distinct folded words to feed the spelling table
  std::vector<std::pair<std::string, std::string>>
      accented;  // folded -> case-folded with diacritics
};

// `unit` may be null (unknown unit: no unit facets). `collator` makes the title sort key.
BuiltDocument build_document(const Practice& practice, const Unit* unit,
                             const SectionTree& sections, const Analyzer& analyzer,
                             const icu::Collator& collator);

// A library document's current version `version` with the text found in it (any number of
// pages, possibly none): title 8 > description and tags 4 > text 2; result_type "dokument" is its
// only facet. Its spelling_words are left empty: long texts would swamp the spelling table.
BuiltDocument build_document(const Document& document, const DocumentVersion& version,
                             const std::vector<PageText>& pages, const Analyzer& analyzer,
                             const icu::Collator& collator);

std::string serialize_stored_fields(const StoredFields& fields);
StoredFields parse_stored_fields(const std::string& data);

}  // namespace bdp::search
