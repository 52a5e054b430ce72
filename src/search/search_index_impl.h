// The state behind SearchIndex (search_index.h), shared by its write side (search_index.cpp)
// and its read side (search_index_read.cpp). Internal to the search module.
#pragma once

#include <unicode/coll.h>
#include <xapian.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

#include "model/section_tree.h"
#include "search/analyzer.h"
#include "search/facet_table.h"
#include "search/reader_pool.h"
#include "search/search_index.h"

namespace bdp::search {

// The one mapping of Xapian exceptions to Error values for this module.
inline std::unexpected<Error> xapian_failure(const Xapian::Error& e, const std::string& what) {
  const std::string type = e.get_type();  // Xapian::Error has no virtual functions to cast by
  const bool unavailable = type == "DatabaseLockError" || type == "DatabaseOpeningError" ||
                           type == "DatabaseNotFoundError" || type == "DatabaseCorruptError";
  return fail(unavailable ? ErrorKind::unavailable : ErrorKind::internal,
              what + ": " + e.get_type() + ": " + e.get_msg());
}

struct SearchIndex::Impl {
  Impl(std::filesystem::path dir, std::shared_ptr<Lemmatizer> lemmatizer,
       std::unique_ptr<icu::Collator> collator, Xapian::WritableDatabase writer)
      : dir(std::move(dir)),
        analyzer(std::move(lemmatizer)),
        collator(std::move(collator)),
        writer(std::move(writer)),
        readers(this->dir.string()) {}

  std::shared_ptr<const SectionTree> section_tree() {
    std::lock_guard lock(tree_mutex);
    return tree;
  }
  void set_section_tree(std::shared_ptr<const SectionTree> t) {
    std::lock_guard lock(tree_mutex);
    tree = std::move(t);
  }

  const std::filesystem::path dir;
  const Analyzer analyzer;

  std::mutex write_mutex;  // guards everything below up to `readers`
  std::unique_ptr<icu::Collator> collator;
  Xapian::WritableDatabase writer;
  std::unordered_set<std::string> accented_known;  // folded words whose accent entry is written

  ReaderPool readers;
  FacetTableCache facet_tables;  // facet values of the readers' revision, for counting

  std::mutex tree_mutex;
  std::shared_ptr<const SectionTree> tree;  // the section tree, for facet labels
};

}  // namespace bdp::search
