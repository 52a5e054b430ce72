// Units and sections in the back office, on every engine: a unit's form refused with what was
// typed and its messages, then saved (its old address answering 301); a duplicate unit merged
// (its practices moved, its address answering 301); sections added, renamed (the old address
// answering 301), moved and reordered, a cycle and a taken address refused; a section removed
// into another (its practice moved, its address answering 301) and an empty one removed (its
// address gone), refusals first; each change audited.
#include <gtest/gtest.h>

#include <algorithm>

#include "desk_fixture.h"

namespace bdp::testing {
namespace {

class CatalogueDesk : public DeskTest {
 protected:
  std::vector<std::string> audited(const std::string& prefix) {
    std::vector<std::string> actions;
    for (const auto& e : store->audit_log(prefix, "", 0, 50).value_or(std::vector<AuditEntry>{})) {
      actions.push_back(e.action + " " + e.entity);
    }
    return actions;
  }
};
INSTANTIATE_TEST_SUITE_P(Engines, CatalogueDesk, ::testing::ValuesIn(test_engines()));

constexpr const char* kUnitForm =
    "nazwa=%C5%9Arem&typ=gmina+miejsko-wiejska&miejscowosc=%C5%9Arem&powiat=%C5%9Bremski&"
    "wojewodztwo=wielkopolskie";

TEST_P(CatalogueDesk, AUnitFormIsRefusedWithWhatWasTypedThenSavedAndItsOldAddressRedirects) {
  auto list = server->get("/redakcja/jednostki?q=sre", session);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_NE(list->body.find("<a href=\"/redakcja/jednostki/1\">Śrem</a>"), std::string::npos);
  EXPECT_NE(list->body.find("Pokazano 1 z 1 jednostek."), std::string::npos);
  auto none = server->get("/redakcja/jednostki?q=krakow", session);
  EXPECT_EQ(none->body.find("/redakcja/jednostki/1\""), std::string::npos);

  auto refused = post("/redakcja/jednostki/1",
                      "nazwa=%3Cb%3ESrem%3C%2Fb%3E&slug=srem&teryt=30260&ludnosc=41+500&"
                      "rok_ludnosci=24&szerokosc=52.1");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("<title>Błąd:"), std::string::npos);
  for (const char* field : {"#teryt", "#ludnosc", "#rok_ludnosci", "#dlugosc"}) {
    EXPECT_NE(refused.body.find(std::string("href=\"") + field + "\""), std::string::npos) << field;
  }
  EXPECT_NE(refused.body.find("Kod TERYT to 2, 4 albo 7 cyfr."), std::string::npos);
  EXPECT_NE(refused.body.find("Podaj obie współrzędne albo żadnej."), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"30260\""), std::string::npos) << "what was typed stays";
  EXPECT_NE(refused.body.find("value=\"41 500\""), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"&lt;b&gt;Srem&lt;/b&gt;\""), std::string::npos);
  EXPECT_EQ(store->unit(1)->slug, "srem-wielkopolskie") << "nothing saved";

  auto saved = post("/redakcja/jednostki/1", std::string(kUnitForm) +
                                                 "&slug=srem-miasto&teryt=3026043&ludnosc=41500&"
                                                 "rok_ludnosci=2024&szerokosc=52%2C0887&"
                                                 "dlugosc=17.0147");
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("location"), "/redakcja/jednostki/1?zapisano=1");
  auto unit = store->unit(1);
  ASSERT_TRUE(unit);
  EXPECT_EQ(unit->slug, "srem-miasto");
  EXPECT_EQ(unit->teryt, "3026043");
  EXPECT_EQ(unit->current_population(), (PopulationFigure{2024, 41500}));
  EXPECT_GT(unit->population.size(), 1u) << "the earlier years stay";
  EXPECT_EQ(unit->latitude, 52.0887);
  auto page = server->get("/redakcja/jednostki/1?zapisano=1", session);
  EXPECT_NE(page->body.find("Zapisano dane jednostki."), std::string::npos);

  auto old = server->get("/jednostki/srem-wielkopolskie");
  ASSERT_TRUE(old);
  EXPECT_EQ(old->status, 301);
  EXPECT_EQ(old->header("location"), "/jednostki/srem-miasto");
  EXPECT_EQ(server->get("/en/jednostki/srem-wielkopolskie")->header("location"),
            "/en/jednostki/srem-miasto");
  EXPECT_EQ(server->get("/jednostki/srem-miasto")->status, 200);
  EXPECT_EQ(server->get("/jednostki/nigdy-nie-bylo")->status, 404);
  EXPECT_EQ(audited("unit:"), std::vector<std::string>{"unit:update unit:1"});

  // Another unit's address is refused on the slug field, with what was typed.
  Unit other;
  other.slug = "baranow-lubelskie";
  other.name = "Baranów";
  ASSERT_TRUE(store->save_unit(other));
  auto taken = post("/redakcja/jednostki/1", std::string(kUnitForm) + "&slug=baranow-lubelskie");
  EXPECT_EQ(taken.status, 409);
  EXPECT_NE(taken.body.find("Ten adres ma już inna jednostka."), std::string::npos);
  EXPECT_NE(taken.body.find("value=\"baranow-lubelskie\""), std::string::npos);
}

TEST_P(CatalogueDesk, ADuplicateUnitIsMergedAndItsAddressRedirectsToTheOneThatStays) {
  Unit dup;
  dup.slug = "srem-duplikat";
  dup.name = "Śrem (duplikat)";
  auto dup_id = store->save_unit(dup);
  ASSERT_TRUE(dup_id);
  auto practice = store->practice(1);
  ASSERT_TRUE(practice);
  practice->unit_id = *dup_id;
  ASSERT_TRUE(store->save_practice(*practice));
  const std::string merge = "/redakcja/jednostki/" + std::to_string(*dup_id) + "/polacz";

  auto unknown = post(merge, "do=nie-ma-takiej&powod=Duplikat");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("Nie ma jednostki o tym adresie."), std::string::npos);
  EXPECT_NE(unknown.body.find("value=\"nie-ma-takiej\""), std::string::npos);
  EXPECT_EQ(post(merge, "do=srem-duplikat&powod=x").status, 400) << "not into itself";
  auto no_reason = post(merge, "do=srem-wielkopolskie&powod=+");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("href=\"#powod\""), std::string::npos);
  EXPECT_EQ(store->practice(1)->unit_id, *dup_id) << "nothing moved";

  auto merged = post(merge, "do=srem-wielkopolskie&powod=Ta+sama+gmina");
  EXPECT_EQ(merged.status, 303) << merged.body;
  EXPECT_EQ(merged.header("location"), "/redakcja/jednostki/1?zapisano=1");
  EXPECT_EQ(store->practice(1)->unit_id, 1);
  EXPECT_EQ(store->unit(*dup_id).error().kind, ErrorKind::not_found);
  auto old = server->get("/jednostki/srem-duplikat");
  EXPECT_EQ(old->status, 301);
  EXPECT_EQ(old->header("location"), "/jednostki/srem-wielkopolskie");
  EXPECT_EQ(server->get("/redakcja/jednostki/" + std::to_string(*dup_id), session)->status, 404);
  EXPECT_EQ(audited("unit:merge"),
            std::vector<std::string>{"unit:merge unit:" + std::to_string(*dup_id)});
  EXPECT_EQ(store->revisions(1)->back().note.reason,
            "srem-duplikat → srem-wielkopolskie: Ta sama gmina");
}

// Children of `parent` in the store's order.
std::vector<std::string> children_of(Store& store, std::optional<std::int64_t> parent) {
  auto sections = store.sections();
  std::vector<std::string> slugs;
  for (const auto& s : sections.value_or(std::vector<Section>{})) {
    if (s.parent_id == parent) slugs.push_back(s.slug);
  }
  return slugs;
}

TEST_P(CatalogueDesk, SectionsAreAddedRenamedMovedAndReorderedAndOldAddressesRedirect) {
  auto tree = server->get("/redakcja/dzialy", session);
  ASSERT_TRUE(tree);
  EXPECT_EQ(tree->status, 200);
  EXPECT_NE(tree->body.find("<tr id=\"dzial-3\">"), std::string::npos);

  auto empty = post("/redakcja/dzialy", "nazwa=+&nadrzedny=7");
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("href=\"#nazwa\""), std::string::npos);
  auto added = post("/redakcja/dzialy", "nazwa=Transport+publiczny&nadrzedny=7");
  EXPECT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(children_of(*store, 7), std::vector<std::string>{"transport-publiczny"});

  auto renamed = post("/redakcja/dzialy/3",
                      "nazwa=Pomoc+spo%C5%82eczna+i+rodzina&slug=pomoc-i-rodzina&nadrzedny=1");
  EXPECT_EQ(renamed.status, 303) << renamed.body;
  EXPECT_EQ(renamed.header("location"), "/redakcja/dzialy?zapisano=3#dzial-3");
  // The section tree is the change follower's: renamed within its interval.
  EXPECT_TRUE(within(std::chrono::seconds(1), [&] {
    return server->get("/dzialy/pomoc-spoleczna")->header("location") == "/dzialy/pomoc-i-rodzina";
  }));
  EXPECT_EQ(server->get("/dzialy/pomoc-spoleczna")->status, 301);
  EXPECT_EQ(server->get("/dzialy/pomoc-i-rodzina")->status, 200);

  auto cycle = post("/redakcja/dzialy/1", "nazwa=Us%C5%82ugi+spo%C5%82eczne&nadrzedny=3");
  EXPECT_EQ(cycle.status, 400);
  EXPECT_NE(cycle.body.find("Wybierz dział spoza tego działu i jego poddziałów."),
            std::string::npos);
  auto taken = post("/redakcja/dzialy/3", "nazwa=Pomoc&slug=kultura&nadrzedny=1");
  EXPECT_EQ(taken.status, 409);
  EXPECT_NE(taken.body.find("Ten adres ma już inny dział."), std::string::npos);

  // Moved under another parent: last there.
  EXPECT_EQ(post("/redakcja/dzialy/6", "nazwa=Sport+i+rekreacja&nadrzedny=7").status, 303);
  EXPECT_EQ(children_of(*store, 7),
            (std::vector<std::string>{"transport-publiczny", "sport-i-rekreacja"}));
  const auto before = children_of(*store, 1);
  ASSERT_GE(before.size(), 2u);
  ASSERT_EQ(before[1], "pomoc-i-rodzina");
  EXPECT_EQ(post("/redakcja/dzialy/3/przesun", "kierunek=gora").status, 303);
  auto after = children_of(*store, 1);
  ASSERT_GE(after.size(), 2u);
  EXPECT_EQ(after[0], "pomoc-i-rodzina");
  EXPECT_EQ(after[1], before[0]);
  EXPECT_EQ(post("/redakcja/dzialy/3/przesun", "kierunek=gora").status, 303) << "first stays first";
  EXPECT_EQ(children_of(*store, 1), after);
  EXPECT_EQ(post("/redakcja/dzialy/3/przesun", "kierunek=bok").status, 400);

  const auto actions = audited("section:");
  EXPECT_EQ(std::ranges::count_if(
                actions, [](const std::string& a) { return a.starts_with("section:create "); }),
            1);
  EXPECT_EQ(std::ranges::count(actions, std::string("section:update section:3")), 1);
  EXPECT_EQ(std::ranges::count(actions, std::string("section:move section:3")), 2);
}

TEST_P(CatalogueDesk, ASectionIsRemovedIntoAnotherOrEmptyAndRefusalsChangeNothing) {
  auto form = server->get("/redakcja/dzialy/3", session);
  ASSERT_TRUE(form);
  EXPECT_NE(form->body.find("action=\"/redakcja/dzialy/3/usun\""), std::string::npos);
  EXPECT_EQ(form->body.find("<option value=\"3\""), form->body.rfind("<option value=\"3\""))
      << "the section is no target of its own removal, only a parent option";

  auto not_empty = post("/redakcja/dzialy/3/usun", "do=&powod=Porz%C4%85dki");
  EXPECT_EQ(not_empty.status, 409);
  EXPECT_NE(
      not_empty.body.find("Dział ma praktyki lub poddziały: wybierz dział, do którego przejdą."),
      std::string::npos);
  EXPECT_NE(not_empty.body.find(">Porządki</textarea>"), std::string::npos)
      << "what was typed stays";
  auto into_itself = post("/redakcja/dzialy/1/usun", "do=3&powod=x");
  EXPECT_EQ(into_itself.status, 400);
  EXPECT_NE(into_itself.body.find("Wybierz dział spoza usuwanego działu i jego poddziałów."),
            std::string::npos);
  EXPECT_EQ(post("/redakcja/dzialy/3/usun", "do=abc&powod=x").status, 400);
  auto no_reason = post("/redakcja/dzialy/3/usun", "do=2&powod=+");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("href=\"#powod\""), std::string::npos);
  EXPECT_EQ(post("/redakcja/dzialy/777/usun", "do=2&powod=x").status, 404);
  EXPECT_EQ(store->practice(2)->section_ids, std::vector<std::int64_t>{3}) << "nothing moved";
  EXPECT_EQ(store->sections()->size(), 13u);

  const auto revisions = store->revisions(2)->size();
  auto merged = post("/redakcja/dzialy/3/usun", "do=2&powod=Scalenie");
  EXPECT_EQ(merged.status, 303) << merged.body;
  EXPECT_EQ(merged.header("location"), "/redakcja/dzialy?zapisano=2#dzial-2");
  EXPECT_EQ(store->practice(2)->section_ids, std::vector<std::int64_t>{2});
  ASSERT_EQ(store->revisions(2)->size(), revisions + 1);
  EXPECT_EQ(store->revisions(2)->back().note.reason, "pomoc-spoleczna → kultura: Scalenie");
  EXPECT_TRUE(within(std::chrono::seconds(1), [&] {
    return server->get("/dzialy/pomoc-spoleczna")->header("location") == "/dzialy/kultura";
  }));
  EXPECT_EQ(server->get("/dzialy/pomoc-spoleczna")->status, 301);

  auto removed = post("/redakcja/dzialy/13/usun", "do=&powod=Pusty");
  EXPECT_EQ(removed.status, 303) << removed.body;
  EXPECT_EQ(removed.header("location"), "/redakcja/dzialy?usunieto=1");
  auto tree = server->get("/redakcja/dzialy?usunieto=1", session);
  EXPECT_NE(tree->body.find("<p class=\"notice\" role=\"status\">Dział usunięty.</p>"),
            std::string::npos);
  EXPECT_EQ(tree->body.find("dzial-13"), std::string::npos);
  EXPECT_TRUE(within(std::chrono::seconds(1),
                     [&] { return server->get("/dzialy/dialog-spoleczny")->status == 404; }));
  EXPECT_EQ(store->sections()->size(), 11u);

  const auto actions = audited("section:remove");
  EXPECT_EQ(actions,
            (std::vector<std::string>{"section:remove section:13", "section:remove section:3"}));
}

}  // namespace
}  // namespace bdp::testing
