// SearchIndex, write side: opening, rebuilding, following the store's change log.
#include "search/search_index.h"

#include <charconv>
#include <limits>
#include <map>
#include <unordered_map>

#include "search/document_builder.h"
#include "search/facets.h"
#include "search/search_index_impl.h"
#include "search/section_codec.h"
#include "search/terms.h"

namespace bdp::search {
namespace {

constexpr const char* kFormat =
    "2";  // 2: library documents, result_type  // bump when the document layout changes
constexpr int kChangeBatch = 500;

Result<std::unique_ptr<icu::Collator>> polish_collator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale("pl"), status));
  if (U_FAILURE(status) || !collator)
    return fail(ErrorKind::unavailable, "ICU has no Polish collation");
  return collator;
}

Result<Xapian::docid> docid_of(std::int64_t practice_id) {
  if (practice_id <= 0 || practice_id > terms::kMaxIndexedId) {
    return fail(ErrorKind::invalid_input,
                "practice id " + std::to_string(practice_id) + " cannot be indexed");
  }
  return terms::practice_docid(practice_id);
}

// Removes the spelling words an indexed document contributed (each was added once).
void forget_spelling(Xapian::WritableDatabase& db, Xapian::docid docid) {
  for (auto it = db.termlist_begin(docid); it != db.termlist_end(docid); ++it) {
    const std::string term = *it;
    if (term.size() >= 3 && !(term[0] >= 'A' && term[0] <= 'Z') &&
        !(term[0] >= '0' && term[0] <= '9')) {
      db.remove_spelling(term);
    }
  }
}

using UnitCache = std::map<std::int64_t, std::optional<Unit>>;
// Spelling words gathered over many documents (word -> number of documents), added at once: one
// add_spelling per distinct word instead of one per word of every document.
using SpellingBatch = std::unordered_map<std::string, Xapian::termcount>;

// Writes (or removes) the document of one practice. REQUIRES: impl.write_mutex held.
// `batch` null: spelling words go straight to the database.
Status index_practice(SearchIndex::Impl& impl, Store& store, const Practice& practice,
                      const SectionTree& tree, UnitCache& units, SpellingBatch* batch = nullptr) {
  auto docid = docid_of(practice.id);
  if (!docid) return std::unexpected(docid.error());
  Xapian::WritableDatabase& db = impl.writer;
  const bool present = db.term_exists(terms::id(practice.id));
  if (present) forget_spelling(db, *docid);
  if (practice.status != PracticeStatus::published) {
    if (present) db.delete_document(*docid);
    return {};
  }
  auto cached = units.find(practice.unit_id);
  if (cached == units.end()) {
    auto unit = store.unit(practice.unit_id);
    if (!unit && unit.error().kind != ErrorKind::not_found) return std::unexpected(unit.error());
    cached =
        units.emplace(practice.unit_id, unit ? std::optional<Unit>(*unit) : std::nullopt).first;
  }
  const Unit* unit = cached->second ? &*cached->second : nullptr;
  BuiltDocument built = build_document(practice, unit, tree, impl.analyzer, *impl.collator);
  for (const auto& word : built.spelling_words) {
    if (batch != nullptr) {
      ++(*batch)[word];
    } else {
      db.add_spelling(word);
    }
  }
  for (const auto& [folded, accented] : built.accented) {
    if (!impl.accented_known.insert(folded).second) continue;
    const std::string key = std::string(terms::kMetaAccented) + folded;
    if (db.get_metadata(key).empty()) db.set_metadata(key, accented);
  }
  db.replace_document(*docid, built.document);
  return {};
}

// Writes the Xapian document of library document `document` when it is public (has a current
// version), else removes it. No spelling words: a document's text is not what people mistype,
// and removing them again would take words practices contributed. REQUIRES: write_mutex held.
Status index_library_document(SearchIndex::Impl& impl, Store& store, const Document& document) {
  if (document.id <= 0 || document.id > terms::kMaxIndexedId) {
    return fail(ErrorKind::invalid_input,
                "document id " + std::to_string(document.id) + " cannot be indexed");
  }
  const Xapian::docid docid = terms::document_docid(document.id);
  const DocumentVersion* version = current_version(document);
  if (version == nullptr) {
    if (impl.writer.term_exists(terms::document_id(document.id)))
      impl.writer.delete_document(docid);
    return {};
  }
  auto pages = store.documents().text(version->id);
  if (!pages) return std::unexpected(pages.error());
  BuiltDocument built = build_document(document, *version, *pages, impl.analyzer, *impl.collator);
  for (const auto& [folded, accented] : built.accented) {
    if (!impl.accented_known.insert(folded).second) continue;
    const std::string key = std::string(terms::kMetaAccented) + folded;
    if (impl.writer.get_metadata(key).empty()) impl.writer.set_metadata(key, accented);
  }
  impl.writer.replace_document(docid, built.document);
  return {};
}

Status reindex_library_document(SearchIndex::Impl& impl, Store& store, std::int64_t id) {
  auto document = store.documents().document(id);
  if (!document && document.error().kind == ErrorKind::not_found) {
    if (id > 0 && id <= terms::kMaxIndexedId && impl.writer.term_exists(terms::document_id(id)))
      impl.writer.delete_document(terms::document_docid(id));
    return {};
  }
  if (!document) return std::unexpected(document.error());
  return index_library_document(impl, store, *document);
}

Result<std::shared_ptr<const SectionTree>> load_sections(SearchIndex::Impl& impl, Store& store) {
  auto sections = store.sections();
  if (!sections) return std::unexpected(sections.error());
  impl.writer.set_metadata(std::string(terms::kMetaSections), serialize_sections(*sections));
  auto tree = std::make_shared<const SectionTree>(std::move(*sections));
  impl.set_section_tree(tree);
  return tree;
}

Status index_all(SearchIndex::Impl& impl, Store& store, const SectionTree& tree) {
  auto practices = store.all_practices();
  if (!practices) return std::unexpected(practices.error());
  UnitCache units;
  auto all_units = store.units();
  if (!all_units) return std::unexpected(all_units.error());
  for (auto& u : *all_units) units.emplace(u.id, std::move(u));
  SpellingBatch spelling;
  for (const auto& p : *practices) {
    if (auto s = index_practice(impl, store, p, tree, units, &spelling); !s) return s;
  }
  for (const auto& [word, documents] : spelling) impl.writer.add_spelling(word, documents);
  auto documents = store.documents().documents();
  if (!documents) return std::unexpected(documents.error());
  for (const auto& d : *documents) {
    if (auto s = index_library_document(impl, store, d); !s) return s;
  }
  return {};
}

Status reindex_practice(SearchIndex::Impl& impl, Store& store, std::int64_t id,
                        const SectionTree& tree, UnitCache& units) {
  auto practice = store.practice(id);
  if (!practice && practice.error().kind == ErrorKind::not_found) {
    auto docid = docid_of(id);
    if (docid && impl.writer.term_exists(terms::id(id))) {
      forget_spelling(impl.writer, *docid);
      impl.writer.delete_document(*docid);
    }
    return {};
  }
  if (!practice) return std::unexpected(practice.error());
  return index_practice(impl, store, *practice, tree, units);
}

Status apply_change(SearchIndex::Impl& impl, Store& store, const Change& change,
                    std::shared_ptr<const SectionTree>& tree, UnitCache& units) {
  switch (change.kind) {
    case EntityKind::practice:
      return reindex_practice(impl, store, change.id, *tree, units);
    case EntityKind::unit: {
      units.erase(change.id);
      auto practices = store.practices_of_unit(change.id);
      if (!practices) return std::unexpected(practices.error());
      for (const auto& p : *practices) {
        if (auto s = index_practice(impl, store, p, *tree, units); !s) return s;
      }
      return {};
    }
    case EntityKind::section: {
      // The entry names the practices filed under the section: only their section names and
      // ancestors can have changed.
      auto loaded = load_sections(impl, store);
      if (!loaded) return std::unexpected(loaded.error());
      tree = *loaded;
      for (const auto& ref : change.related) {
        if (ref.kind != EntityKind::practice) continue;
        if (auto s = reindex_practice(impl, store, ref.id, *tree, units); !s) return s;
      }
      return {};
    }
    case EntityKind::document:
      return reindex_library_document(impl, store, change.id);
    case EntityKind::setting:
    case EntityKind::link:      // not indexed
    case EntityKind::adoption:  // not indexed
      return {};
  }
  return {};
}

// Applies one batch of the change log in a transaction: its documents and the position they
// bring the index to commit together, or nothing does. Moves `seq` on success.
Status apply_batch(SearchIndex::Impl& impl, Store& store, const std::vector<Change>& changes,
                   std::shared_ptr<const SectionTree>& tree, UnitCache& units, std::int64_t& seq) {
  impl.writer.begin_transaction();
  Status status;
  try {
    for (const Change& change : changes) {
      status = apply_change(impl, store, change, tree, units);
      if (!status) break;
    }
    if (status) {
      impl.writer.set_metadata(std::string(terms::kMetaLastSeq),
                               std::to_string(changes.back().seq));
      impl.writer.commit_transaction();
      seq = changes.back().seq;
      return {};
    }
  } catch (const Xapian::Error& e) {
    status = xapian_failure(e, "updating the search index failed");
  }
  impl.writer.cancel_transaction();  // throws only if the database broke: the caller catches
  impl.accented_known.clear();       // entries noted during the batch were not written
  return status;
}

// Indexes every published practice of `store` into a new database at `staging` (through
// impl.writer, which the caller restores), then writes a compacted copy to `compacted`.
Status build_compacted(SearchIndex::Impl& impl, Store& store, std::int64_t seq,
                       const std::filesystem::path& staging,
                       const std::filesystem::path& compacted) {
  try {
    impl.writer = Xapian::WritableDatabase(staging.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    impl.accented_known.clear();
    impl.writer.set_metadata(std::string(terms::kMetaFormat), kFormat);
    auto tree = load_sections(impl, store);
    if (!tree) return std::unexpected(tree.error());
    if (auto s = index_all(impl, store, **tree); !s) return s;
    impl.writer.set_metadata(std::string(terms::kMetaLastSeq), std::to_string(seq));
    impl.writer.commit();
    // About half the size of the built database, and fewer blocks to read per search.
    impl.writer.compact(compacted.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    impl.writer.close();
    return {};
  } catch (const Xapian::Error& e) {
    return xapian_failure(e, "rebuilding the search index failed");
  }
}

// Puts the database at `compacted` in the place of the live index. The live writer closes for
// the moment of the swap (its lock with it); on failure the old index stays in place.
Status swap_in(SearchIndex::Impl& impl, const std::filesystem::path& compacted) {
  const std::filesystem::path dir = impl.dir, replaced = dir.string() + ".replaced";
  std::error_code ec, ignored;
  std::filesystem::remove_all(replaced, ignored);
  try {
    impl.writer.close();
  } catch (const Xapian::Error& e) {
    return xapian_failure(e, "closing the search index failed");
  }
  std::filesystem::rename(dir, replaced, ec);
  if (!ec) {
    std::filesystem::rename(compacted, dir, ec);
    if (ec) std::filesystem::rename(replaced, dir, ignored);
  }
  std::filesystem::remove_all(replaced, ignored);
  std::filesystem::remove_all(compacted, ignored);
  impl.readers.clear();
  impl.facet_tables.clear();
  try {
    impl.writer = Xapian::WritableDatabase(dir.string(), Xapian::DB_OPEN);
  } catch (const Xapian::Error& e) {
    return xapian_failure(e, "reopening the search index failed");
  }
  if (ec) return fail(ErrorKind::unavailable, "replacing the search index failed: " + ec.message());
  return {};
}

std::int64_t stored_seq(const Xapian::Database& db) {
  const std::string text = db.get_metadata(std::string(terms::kMetaLastSeq));
  std::int64_t seq = 0;
  std::from_chars(text.data(), text.data() + text.size(), seq);  // stays 0 if absent or malformed
  return seq;
}

}  // namespace

SearchIndex::SearchIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SearchIndex::~SearchIndex() = default;

Result<std::unique_ptr<SearchIndex>> SearchIndex::open(const std::filesystem::path& dir,
                                                       std::shared_ptr<Lemmatizer> lemmatizer) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    return fail(ErrorKind::unavailable,
                "cannot create index directory " + dir.string() + ": " + ec.message());
  if (!lemmatizer) {
    auto opened = Lemmatizer::open();
    if (!opened) return std::unexpected(opened.error());
    lemmatizer = std::move(*opened);
  }
  auto collator = polish_collator();
  if (!collator) return std::unexpected(collator.error());
  try {
    Xapian::WritableDatabase writer(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    const std::string format = writer.get_metadata(std::string(terms::kMetaFormat));
    if (format.empty()) {
      writer.set_metadata(std::string(terms::kMetaFormat), kFormat);
      writer.commit();
    } else if (format != kFormat) {
      return fail(ErrorKind::invalid_input, "search index " + dir.string() + " has format " +
                                                format + "; run `bdp reindex` to rebuild it");
    }
    auto tree = std::make_shared<const SectionTree>(
        parse_sections(writer.get_metadata(std::string(terms::kMetaSections))));
    auto impl =
        std::make_unique<Impl>(dir, std::move(lemmatizer), std::move(*collator), std::move(writer));
    impl->set_section_tree(std::move(tree));
    return std::unique_ptr<SearchIndex>(new SearchIndex(std::move(impl)));
  } catch (const Xapian::Error& e) {
    return xapian_failure(e, "cannot open search index " + dir.string());
  }
}

Status SearchIndex::rebuild(Store& store) {
  std::lock_guard lock(impl_->write_mutex);
  auto seq = store.last_change_seq();  // read first: later changes are applied again, harmlessly
  if (!seq) return std::unexpected(seq.error());
  const std::string dir = impl_->dir.string();
  const std::filesystem::path staging = dir + ".staging", compacted = dir + ".compacted";
  std::error_code ignored;
  std::filesystem::remove_all(staging, ignored);
  std::filesystem::remove_all(compacted, ignored);
  const Xapian::WritableDatabase live = impl_->writer;
  const auto live_tree = impl_->section_tree();
  Status built = build_compacted(*impl_, store, *seq, staging, compacted);
  impl_->writer = live;
  std::filesystem::remove_all(staging, ignored);
  if (!built) {
    impl_->set_section_tree(live_tree);
    std::filesystem::remove_all(compacted, ignored);
    return built;
  }
  return swap_in(*impl_, compacted);
}

Result<std::int64_t> SearchIndex::apply_changes(Store& store) {
  std::lock_guard lock(impl_->write_mutex);
  try {
    std::int64_t seq = stored_seq(impl_->writer);
    std::int64_t applied = 0;
    std::shared_ptr<const SectionTree> tree = impl_->section_tree();
    UnitCache units;
    for (;;) {
      auto changes = store.changes_since(seq, kChangeBatch);
      if (!changes) return std::unexpected(changes.error());
      if (changes->empty()) break;
      if (auto s = apply_batch(*impl_, store, *changes, tree, units, seq); !s)
        return std::unexpected(s.error());
      applied += static_cast<std::int64_t>(changes->size());
    }
    return applied;
  } catch (const Xapian::Error& e) {
    return xapian_failure(e, "updating the search index failed");
  }
}

Result<std::int64_t> SearchIndex::last_applied_seq() {
  std::lock_guard lock(impl_->write_mutex);
  try {
    return stored_seq(impl_->writer);
  } catch (const Xapian::Error& e) {
    return xapian_failure(e, "reading the search index failed");
  }
}

Result<std::int64_t> SearchIndex::document_count() {
  try {
    auto lease = impl_->readers.borrow();
    return static_cast<std::int64_t>(
        lease.db().get_termfreq(facet_term(kFacetResultType, kResultPractice)));
  } catch (const Xapian::Error& e) {
    return xapian_failure(e, "reading the search index failed");
  }
}

}  // namespace bdp::search
