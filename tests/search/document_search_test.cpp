// Library documents in the index: found by their text beside practices, with the best page of a
// PDF; kept out of what lists practices only; counted in the result_type facet; dropped when
// they stop being public.
#include <gtest/gtest.h>

#include <set>

#include "index_fixture.h"
#include "model/permalink.h"

namespace bdp::search {
namespace {

class IndexedLibrary : public testing::IndexedCorpus {
 protected:
  // A document with one version (id 10 * id) in `format` holding `pages`.
  static Document library_document(std::int64_t id, const std::string& title,
                                   const std::string& format) {
    Document d;
    d.id = id;
    d.title = title;
    d.description = "Materiał dla samorządów.";
    d.kind = DocumentKind::raport;
    d.tags = {"energia"};
    DocumentVersion v;
    v.id = 10 * id;
    v.document_id = id;
    v.number = 1;
    v.file_name = "plik." + format;
    v.format = format;
    v.uploaded_at = 1'767'225'600;  // 2026-01-01
    d.versions.push_back(v);
    return d;
  }
  void put(const Document& d, std::vector<PageText> pages) {
    store.put_document(d, {{d.versions.back().id, std::move(pages)}});
    auto applied = index->apply_changes(store);
    ASSERT_TRUE(applied) << applied.error().message;
  }
  // REQUIRES: `r` outlives the pointers.
  static std::vector<const Hit*> documents_in(const SearchResults& r) {
    std::vector<const Hit*> out;
    for (const auto& h : r.hits) {
      if (h.kind == HitKind::document) out.push_back(&h);
    }
    return out;
  }
};

TEST_F(IndexedLibrary, FindsAWordOnlyInAPdfsTextWithThePageItIsOn) {
  const Document pdf = library_document(1, "Sprawozdanie roczne", "pdf");
  put(pdf, {{1, "Wstęp i podziękowania."},
            {2, "Opisujemy instalacje rekuperacji w szkołach podstawowych."},
            {3, "Podsumowanie."}});
  const SearchResults r = run("rekuperacja");  // another form: the lemma matches
  ASSERT_EQ(r.total, 1);
  ASSERT_EQ(r.hits.size(), 1u);
  const Hit& hit = r.hits[0];
  EXPECT_EQ(hit.kind, HitKind::document);
  EXPECT_EQ(hit.id, 1);
  EXPECT_EQ(hit.title, "Sprawozdanie roczne");
  EXPECT_EQ(hit.href, document_path(pdf));
  EXPECT_EQ(hit.page, 2);
  EXPECT_EQ(hit.file_href, document_file_path(1) + "#page=2");
  EXPECT_EQ(hit.document_kind, "raport");
  EXPECT_EQ(hit.format, "pdf");
  EXPECT_EQ(hit.entered_on, "2026-01-01");
  EXPECT_NE(hit.snippet_html.find("<mark>rekuperacji</mark>"), std::string::npos);
}

TEST_F(IndexedLibrary, FindsAWordOnlyInADocxWithoutAPage) {
  put(library_document(2, "Poradnik", "docx"), {{0, "Geotermia w gminie wiejskiej."}});
  const SearchResults r = run("geotermia");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].kind, HitKind::document);
  EXPECT_EQ(r.hits[0].page, 0);
  EXPECT_EQ(r.hits[0].file_href, document_file_path(2));
  EXPECT_NE(r.hits[0].snippet_html.find("<mark>"), std::string::npos);
}

TEST_F(IndexedLibrary, FindsADocumentByItsTitleAndTagsToo) {
  put(library_document(3, "Kogeneracja w ciepłownictwie", "odt"), {});
  EXPECT_EQ(documents_in(run("kogeneracja")).size(), 1u);
  EXPECT_EQ(documents_in(run("energia")).size(), 1u);
}

TEST_F(IndexedLibrary, PracticeOnlyFunctionsNeverReturnDocuments) {
  Query q;
  q.text = "budżet obywatelski";
  const auto before = *index->matching_ids(q);
  ASSERT_FALSE(before.empty());
  const std::int64_t practice = before.front();
  const auto similar_before = *index->similar(practice, 10);
  // Ids that are also practice ids, and words of practices: a mix-up would show.
  for (std::int64_t id = 1; id <= 5; ++id) {
    put(library_document(id, "Budżet obywatelski w praktyce " + std::to_string(id), "pdf"),
        {{1, "Budżet obywatelski, budżet obywatelski i jeszcze raz budżet obywatelski."}});
  }
  ASSERT_EQ(documents_in(run(q)).size(), 5u);
  EXPECT_EQ(*index->matching_ids(q), before);
  const auto suggestions = *index->suggest("budżet obyw", 20);
  for (const auto& s : suggestions)
    EXPECT_EQ(s.title.find("w praktyce"), std::string::npos) << s.title;
  const auto similar = *index->similar(practice, 10);
  for (const auto& h : similar) EXPECT_EQ(h.kind, HitKind::practice);
  EXPECT_EQ(similar.size(), similar_before.size());
  const auto like = *index->units_like(practice, 10);
  for (const auto& h : like) EXPECT_EQ(h.kind, HitKind::practice);
  EXPECT_EQ(*index->document_count(), 48);  // practices
}

TEST_F(IndexedLibrary, CountsResultTypesAndAPracticeFacetLeavesDocumentsOut) {
  put(library_document(1, "Budżet obywatelski — raport", "pdf"), {{1, "Budżet obywatelski."}});
  put(library_document(2, "Budżet obywatelski — poradnik", "docx"), {{0, "Budżet obywatelski."}});
  Query q;
  q.text = "budżet obywatelski";
  const SearchResults all = run(q);
  const std::int64_t practices = count_of(all, "result_type", "praktyka");
  ASSERT_GT(practices, 0);
  EXPECT_EQ(count_of(all, "result_type", "dokument"), 2);
  EXPECT_EQ(all.total, practices + 2);
  ASSERT_FALSE(all.facets.empty());
  EXPECT_EQ(all.facets.front().name, "result_type");  // shown first
  EXPECT_EQ(all.facets.front().label, "Rodzaj wyniku");

  Query documents = q;
  documents.filters.emplace("result_type", "dokument");
  const SearchResults only = run(documents);
  EXPECT_EQ(only.total, 2);
  EXPECT_EQ(documents_in(only).size(), 2u);
  EXPECT_EQ(count_of(only, "result_type", "praktyka"), practices);  // its own facet left out

  const Facet* voivodeships = facet(all, "voivodeship");
  ASSERT_TRUE(voivodeships != nullptr && !voivodeships->values.empty());
  Query narrowed = q;
  narrowed.filters.emplace("voivodeship", voivodeships->values.front().value);
  const SearchResults practice_facet = run(narrowed);
  EXPECT_TRUE(documents_in(practice_facet).empty());
  EXPECT_EQ(count_of(practice_facet, "result_type", "dokument"), 0);
  EXPECT_EQ(practice_facet.total, voivodeships->values.front().count);
}

TEST_F(IndexedLibrary, AWithdrawnOrRemovedDocumentDisappearsAfterApplyChanges) {
  Document d = library_document(4, "Sprawozdanie", "pdf");
  put(d, {{1, "Fotowoltaika na dachach."}});
  put(library_document(5, "Inne", "odt"), {{0, "Fotowoltaika w szkołach."}});
  ASSERT_EQ(documents_in(run("fotowoltaika")).size(), 2u);

  d.versions.back().withdrawn_at = 1'767'300'000;
  put(d, {});
  const SearchResults after = run("fotowoltaika");
  auto left = documents_in(after);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0]->id, 5);

  store.remove_document(5);
  ASSERT_TRUE(index->apply_changes(store));
  EXPECT_TRUE(documents_in(run("fotowoltaika")).empty());
}

TEST_F(IndexedLibrary, ARebuildIndexesEveryPublicDocument) {
  store.put_document(library_document(6, "Raport", "pdf"),
                     {{60, {{7, "Retencjonowanie deszczówki."}}}});
  Document withdrawn = library_document(7, "Wycofany", "pdf");
  withdrawn.versions.back().withdrawn_at = 1'767'300'000;
  store.put_document(withdrawn, {{70, {{1, "Retencjonowanie deszczówki."}}}});
  ASSERT_TRUE(index->rebuild(store));
  const SearchResults r = run("retencjonowanie");
  const auto found = documents_in(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->id, 6);
  EXPECT_EQ(found[0]->page, 7);
}

}  // namespace
}  // namespace bdp::search
