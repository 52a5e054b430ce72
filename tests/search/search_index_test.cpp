#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "index_fixture.h"
#include "store/change_follower.h"

namespace bdp::search {
namespace {

using testing::IndexedCorpus;

TEST_F(IndexedCorpus, IndexesEveryPublishedPracticeAndRemembersTheChangeLogPosition) {
  EXPECT_EQ(*index->document_count(), 48);
  EXPECT_EQ(*index->last_applied_seq(), *store.last_change_seq());
  EXPECT_EQ(*index->apply_changes(store), 0);  // nothing new
}

TEST_F(IndexedCorpus, FollowsUpdatesDeletionsAndUnpublishingThroughTheChangeLog) {
  Practice p = *store.practice(5);
  p.title = "Wrocławski system hulajnóg miejskich";
  ASSERT_TRUE(store.save_practice(p));
  ASSERT_TRUE(store.delete_practice(3));
  Practice draft = *store.practice(10);
  draft.status = PracticeStatus::draft;
  ASSERT_TRUE(store.save_practice(draft));
  EXPECT_EQ(*index->apply_changes(store), 3);

  EXPECT_TRUE(contains(ids(run("hulajnogi")), 5));
  EXPECT_FALSE(contains(ids(run("budżet obywatelski")), 3));
  EXPECT_FALSE(contains(ids(run("rada seniorów")), 10));
  EXPECT_EQ(*index->document_count(), 46);
}

TEST_F(IndexedCorpus, ReindexesPracticesOfAUnitWhenTheUnitChanges) {
  Unit u = *store.unit(7);
  u.voivodeship = "kujawsko-pomorskie";  // deliberately wrong, to see it propagate
  ASSERT_TRUE(store.save_unit(u));
  ASSERT_TRUE(index->apply_changes(store));
  Query q;
  q.filters.emplace("voivodeship", "kujawsko-pomorskie");
  auto r = run(q);
  EXPECT_EQ(r.total, 2);  // practices 10 and 36 are in Płock
}

TEST_F(IndexedCorpus, RelabelsSectionsWhenTheTreeChanges) {
  Section s = testing::corpus_sections()[2];
  s.name = "Pomoc i integracja społeczna";
  ASSERT_TRUE(store.save_section(s));
  ASSERT_TRUE(index->apply_changes(store));
  auto r = run("teleopieka");
  const Facet* f = facet(r, "section");
  ASSERT_NE(f, nullptr);
  auto it = std::find_if(f->values.begin(), f->values.end(),
                         [](const auto& v) { return v.value == "12"; });
  ASSERT_NE(it, f->values.end());
  EXPECT_EQ(it->label, "Pomoc i integracja społeczna");
}

TEST_F(IndexedCorpus, ARenamedSectionReindexesOnlyThePracticesFiledUnderIt) {
  const int reads_before = store.whole_reads;
  Section s = testing::corpus_sections()[2];
  s.name = "Pomoc i integracja społeczna";
  ASSERT_TRUE(store.save_section(s));
  auto changes = store.changes_since(*index->last_applied_seq(), 10);
  ASSERT_TRUE(changes);
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_FALSE(changes->front().related.empty());
  ASSERT_TRUE(index->apply_changes(store));
  EXPECT_EQ(store.whole_reads, reads_before);  // not the whole corpus again
  Query q;
  q.filters.emplace("section", std::to_string(s.id));
  const auto found = run(q).total;  // published ones only; the change names every state
  EXPECT_GT(found, 0);
  EXPECT_LE(found, static_cast<std::int64_t>(changes->front().related.size()));
}

TEST_F(IndexedCorpus, KeepsItsPositionAcrossReopeningAndRebuildsToTheSameContent) {
  const auto seq = *index->last_applied_seq();
  index.reset();
  auto reopened = SearchIndex::open(dir.path() / "index", testing::shared_lemmatizer());
  ASSERT_TRUE(reopened);
  EXPECT_EQ(*(*reopened)->last_applied_seq(), seq);
  ASSERT_TRUE((*reopened)->rebuild(store));
  EXPECT_EQ(*(*reopened)->document_count(), 48);
  EXPECT_EQ(*(*reopened)->last_applied_seq(), seq);
  index = std::move(*reopened);
  EXPECT_EQ(ids(run("teleopieka")).at(0), 11);
}

TEST_F(IndexedCorpus, RebuildsBesideTheLiveIndexThenSwapsKeepingItsLockAndNoLeftovers) {
  ASSERT_TRUE(index->rebuild(store));
  for (const char* suffix : {".staging", ".compacted", ".replaced"}) {
    EXPECT_FALSE(std::filesystem::exists(dir.path() / (std::string("index") + suffix))) << suffix;
  }
  EXPECT_FALSE(SearchIndex::open(dir.path() / "index", testing::shared_lemmatizer()));
  ASSERT_TRUE(store.delete_practice(11));
  EXPECT_EQ(*index->apply_changes(store), 1);  // the writer follows the change log again
  EXPECT_FALSE(contains(ids(run("teleopieka")), 11));
}

// A store that cannot list its practices, as when the database goes away mid-rebuild.
class UnlistableStore : public testing::MemoryStore {
 public:
  Result<std::vector<Practice>> all_practices() override {
    return fail(ErrorKind::unavailable, "database went away");
  }
};

TEST_F(IndexedCorpus, AFailedRebuildLeavesTheOldIndexSearchableAndWritable) {
  UnlistableStore broken;
  ASSERT_TRUE(broken.load(testing::corpus()));
  const auto rebuilt = index->rebuild(broken);
  ASSERT_FALSE(rebuilt);
  EXPECT_EQ(rebuilt.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(*index->document_count(), 48);
  EXPECT_EQ(ids(run("teleopieka")).at(0), 11);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "index.staging"));
  ASSERT_TRUE(store.delete_practice(11));
  EXPECT_EQ(*index->apply_changes(store), 1);
}

TEST_F(IndexedCorpus, RefusesASecondWriterOnTheSameDirectory) {
  auto second = SearchIndex::open(dir.path() / "index", testing::shared_lemmatizer());
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, ErrorKind::unavailable);
}

TEST_F(IndexedCorpus, FollowingTheChangeLogShowsAWriteWithinASecond) {
  // The way the server wires it: the store's follower drives apply_changes.
  bdp::ChangeFollower follower(
      store, *index->last_applied_seq(), std::chrono::milliseconds(50),
      [&](std::int64_t, std::int64_t) { ASSERT_TRUE(index->apply_changes(store)); });
  Practice p = *store.practice(21);
  p.title = "Gminny Ośrodek Kultury i kino plenerowe w Dobrzycy";
  ASSERT_TRUE(store.save_practice(p));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  bool found = false;
  while (!found && std::chrono::steady_clock::now() < deadline) {
    found = contains(ids(run("plenerowe")), 21);
    if (!found) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(found);
}

TEST_F(IndexedCorpus, CountsFacetValuesWithTheOtherFacetsApplied) {
  Query q;
  q.filters.emplace("voivodeship", "mazowieckie");
  auto r = run(q);
  // Płock 10, 36; Łomianki 12, 39; Michałowice 8, 43; Stare Babice 23.
  EXPECT_EQ(r.total, 7);
  EXPECT_EQ(count_of(r, "voivodeship", "mazowieckie"), 7);
  EXPECT_EQ(count_of(r, "voivodeship", "wielkopolskie"), 11);  // still offered as an alternative
  EXPECT_EQ(count_of(r, "unit_type", "gmina wiejska"), 3);     // within mazowieckie
  const Facet* v = facet(r, "voivodeship");
  auto selected =
      std::find_if(v->values.begin(), v->values.end(), [](const auto& x) { return x.selected; });
  ASSERT_NE(selected, v->values.end());
  EXPECT_EQ(selected->value, "mazowieckie");
}

TEST_F(IndexedCorpus, FacetCountsFollowAWriteToTheIndex) {
  Query q;
  q.filters.emplace("voivodeship", "mazowieckie");
  EXPECT_EQ(run(q).total, 7);
  ASSERT_TRUE(store.delete_practice(10));  // Płock, mazowieckie
  ASSERT_TRUE(index->apply_changes(store));
  const auto r = run(q);
  EXPECT_EQ(r.total, 6);
  EXPECT_EQ(count_of(r, "voivodeship", "mazowieckie"), 6);
}

TEST_F(IndexedCorpus, CountsEachFacetWithOnlyTheOtherFacetsSelectionsWhenTwoAreSelected) {
  Query q;
  q.filters.emplace("voivodeship", "mazowieckie");
  q.filters.emplace("unit_type", "gmina wiejska");
  auto r = run(q);
  EXPECT_EQ(r.total, 3);                                      // Michałowice 8, 43; Stare Babice 23
  EXPECT_EQ(count_of(r, "voivodeship", "wielkopolskie"), 2);  // gminy wiejskie: Tarnowo 13, 45
  EXPECT_EQ(count_of(r, "unit_type", "miasto na prawach powiatu"),
            2);  // in mazowieckie: Płock 10, 36
  EXPECT_EQ(count_of(r, "unit_type", "gmina wiejska"), 3);
  EXPECT_EQ(count_of(r, "population", "5k-20k"), 3);  // both selections apply
}

TEST_F(IndexedCorpus, CombinesValuesOfOneFacetWithOrAndFacetsWithAnd) {
  Query q;
  q.filters.emplace("voivodeship", "mazowieckie");
  q.filters.emplace("voivodeship", "lubelskie");
  EXPECT_EQ(run(q).total,
            7 + 7);  // lubelskie: Lublin 4, 17; Ułęż 30, 46; Łęczna 24; Krasnobród 31, 47
  q.filters.emplace("population", "lt5k");
  EXPECT_EQ(run(q).total, 2);  // Ułęż
}

TEST_F(IndexedCorpus, GivesTheIdsOfEveryMatchForTheMapWhateverThePage) {
  Query q;
  q.filters.emplace("voivodeship", "mazowieckie");
  q.page_size = 1;
  q.page = 3;
  auto ids = index->matching_ids(q);
  ASSERT_TRUE(ids) << ids.error().message;
  // Michałowice 8, 43; Płock 10, 36; Łomianki 12, 39; Stare Babice 23: ascending.
  EXPECT_EQ(*ids, (std::vector<std::int64_t>{8, 10, 12, 23, 36, 39, 43}));
  q.filters.emplace("unit_type", "gmina wiejska");
  EXPECT_EQ(*index->matching_ids(q), (std::vector<std::int64_t>{8, 23, 43}));
  EXPECT_EQ(index->matching_ids(Query{})->size(), static_cast<std::size_t>(run(Query{}).total));
  q.text = std::string(kMaxQueryBytes + 1, 'a');
  EXPECT_EQ(index->matching_ids(q).error().kind, ErrorKind::invalid_input);
}

TEST_F(IndexedCorpus, NearAPlaceKeepsOnlyItsPracticesCountsThemAndSortsByDistance) {
  Query q;
  q.filters.emplace("voivodeship", "mazowieckie");
  q.near = std::map<std::int64_t, double>{{8, 12.5}, {10, 3.25}, {23, 40.0}, {1, 1.0}};
  q.sort = SortOrder::distance;
  auto r = run(q);
  // Practice 1 is near but not in mazowieckie: the filters still apply.
  EXPECT_EQ(r.total, 3);
  ASSERT_EQ(r.hits.size(), 3U);
  EXPECT_EQ(r.hits[0].id, 10);
  EXPECT_EQ(r.hits[1].id, 8);
  EXPECT_EQ(r.hits[2].id, 23);
  EXPECT_EQ(r.hits[0].distance_km, 3.25);
  EXPECT_EQ(count_of(r, "voivodeship", "mazowieckie"), 3);
  EXPECT_EQ(*index->matching_ids(q), (std::vector<std::int64_t>{8, 10, 23}));
  // No practice near: nothing, not everything.
  q.near->clear();
  EXPECT_EQ(run(q).total, 0);
  // Without a place, distance is no order: relevance.
  q.near.reset();
  EXPECT_EQ(run(q).total, 7);
}

TEST_F(IndexedCorpus, CountsASubsectionUnderItsParentInTheSectionTree) {
  Query q;
  q.filters.emplace("section", std::to_string(testing::kUslugiSpoleczne));
  auto r = run(q);
  EXPECT_EQ(r.total, count_of(r, "section", "1"));
  EXPECT_GE(r.total, count_of(r, "section", "12"));
  const Facet* f = facet(r, "section");
  auto child = std::find_if(f->values.begin(), f->values.end(),
                            [](const auto& v) { return v.value == "12"; });
  ASSERT_NE(child, f->values.end());
  EXPECT_EQ(child->parent, "1");
  EXPECT_EQ(child->depth, 1);
  EXPECT_EQ(child->label, "Pomoc społeczna");
}

TEST_F(IndexedCorpus, OffersPopulationBandsYearsAndProgrammes) {
  auto r = run("");
  EXPECT_EQ(r.total, 48);
  EXPECT_EQ(count_of(r, "population", "lt5k"), 3);  // Ułęż 30, 46; Łęki Szlacheckie 29
  EXPECT_EQ(facet(r, "population")->values.front().label, "poniżej 5 tys.");
  EXPECT_EQ(count_of(r, "year", "2016"), 10);
  EXPECT_EQ(count_of(r, "programme",
                     "Model współpracy administracji publicznej i organizacji pozarządowych"),
            1);
}

TEST_F(IndexedCorpus, SortsByDateAndByTitleInPolishOrder) {
  Query q;
  q.sort = SortOrder::newest;
  q.page_size = 100;
  auto newest = run(q);
  for (std::size_t i = 1; i < newest.hits.size(); ++i) {
    EXPECT_GE(newest.hits[i - 1].entered_on, newest.hits[i].entered_on);
  }
  q.sort = SortOrder::title;
  auto by_title = run(q);
  std::vector<std::string> titles;
  for (const auto& h : by_title.hits) titles.push_back(h.title);
  // Polish collation: "Ł" after "L", "Ś" after "S" ("Lubelski", "Łódź"…; "Szczepień", "Ścieżka").
  auto pos = [&](const std::string& prefix) {
    return std::find_if(titles.begin(), titles.end(),
                        [&](const auto& t) { return t.rfind(prefix, 0) == 0; }) -
           titles.begin();
  };
  EXPECT_LT(pos("Lubelski"), pos("Ożywienie"));
  EXPECT_LT(pos("System"), pos("Ścieżka"));
  EXPECT_LT(pos("Ścieżka"), pos("Teleopieka"));
}

TEST_F(IndexedCorpus, PaginatesWithoutOverlap) {
  Query q;
  q.page_size = 10;
  q.sort = SortOrder::title;
  std::set<std::int64_t> seen;
  for (int page = 1; page <= 5; ++page) {
    q.page = page;
    auto r = run(q);
    EXPECT_EQ(r.total, 48);
    for (const auto& h : r.hits) EXPECT_TRUE(seen.insert(h.id).second) << h.id;
  }
  EXPECT_EQ(seen.size(), 48u);
}

TEST_F(IndexedCorpus, HighlightsMatchesInSnippets) {
  auto r = run("teleopieki");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_NE(r.hits[0].snippet_html.find("<mark>teleopieki</mark>"), std::string::npos)
      << r.hits[0].snippet_html;
}

TEST_F(IndexedCorpus, SuggestsTitlesAsYouType) {
  auto s = index->suggest("budż", 5);
  ASSERT_TRUE(s);
  ASSERT_EQ(s->size(), 2u);  // the two practices with "budżet" in the title
  EXPECT_EQ(std::set<std::int64_t>({(*s)[0].id, (*s)[1].id}), (std::set<std::int64_t>{3, 4}));
  auto two = index->suggest("rada sen", 5);
  ASSERT_TRUE(two);
  ASSERT_FALSE(two->empty());
  EXPECT_EQ(two->front().id, 10);
  EXPECT_TRUE(index->suggest("", 5)->empty());
}

TEST_F(IndexedCorpus, FindsSimilarPracticesByContent) {
  auto similar = index->similar(3, 3);  // budżet obywatelski Krakowa
  ASSERT_TRUE(similar);
  ASSERT_FALSE(similar->empty());
  EXPECT_EQ(similar->front().id, 4);  // budżet partycypacyjny Lublina
  for (const auto& h : *similar) EXPECT_NE(h.id, 3);
  EXPECT_EQ(index->similar(999, 3).error().kind, ErrorKind::not_found);
}

TEST_F(IndexedCorpus, FindsPracticesFromUnitsOfTheSameTypeAndSizeElsewhere) {
  auto like = index->units_like(18, 10);  // Kołbaskowo: gmina wiejska, 5–20 tys.
  ASSERT_TRUE(like);
  // Michałowice 8, 43; Stare Babice 23; Raciechowice 22 — and not Kołbaskowo's own 40.
  std::set<std::int64_t> found;
  for (const auto& h : *like) found.insert(h.id);
  EXPECT_EQ(found, (std::set<std::int64_t>{8, 22, 23, 43}));
  // Ranked by content: the school thermo-modernisation shares most words with waste sorting
  // taught in schools of a gmina.
  EXPECT_EQ(like->front().id, 8);
}

}  // namespace
}  // namespace bdp::search

namespace bdp::search {
namespace {

TEST_F(IndexedCorpus, SearchesFromManyThreadsWhileTheIndexIsWritten) {
  std::atomic<bool> writing{true};
  std::atomic<int> failures{0}, searches{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      while (writing) {
        Query q;
        q.text = "pomocy społecznej";
        q.filters.emplace("voivodeship", "wielkopolskie");
        auto r = index->search(q);
        if (!r || r->total == 0) {
          ++failures;
          ADD_FAILURE() << (r ? "no hits" : r.error().message);
        }
        ++searches;
      }
    });
  }
  for (int i = 0; i < 30; ++i) {
    Practice p = *store.practice(2);
    p.title = "Program aktywności lokalnej, wersja " + std::to_string(i);
    ASSERT_TRUE(store.save_practice(p));
    ASSERT_TRUE(index->apply_changes(store));
  }
  writing = false;
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_GT(searches, 0);
  EXPECT_EQ(ids(run("wersja 29")).at(0), 2);
}

}  // namespace
}  // namespace bdp::search
