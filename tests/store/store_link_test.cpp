// The links of "Inne bazy danych", on every engine: order, validation, updates that keep or
// forget the last check, check results, the change log, dump and load.
#include <gtest/gtest.h>

#include "engines.h"
#include "store/link_validate.h"

namespace bdp::testing {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

Link sample_link(std::string name, std::string category = "Polskie", int position = 0) {
  Link l;
  l.name = std::move(name);
  l.url = "https://www.example.org/baza";
  l.description = "Baza dobrych praktyk.";
  l.language = "pl";
  l.category = std::move(category);
  l.position = position;
  return l;
}

class LinkTest : public StoreTest {
 protected:
  std::int64_t save(const Link& link) {
    auto id = store().save_link(link);
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }
  std::vector<std::string> names() {
    std::vector<std::string> out;
    auto links = store().links();
    EXPECT_TRUE(links) << links.error().message;
    for (const auto& l : links.value_or(std::vector<Link>{})) out.push_back(l.name);
    return out;
  }
};
BDP_STORE_TEST_ON_ALL_ENGINES(LinkTest);

TEST_P(LinkTest, ListsByCategoryThenPositionWithUncategorisedLast) {
  save(sample_link("Bez kategorii", "", 0));
  save(sample_link("Polska 2", "Polskie", 2));
  save(sample_link("Europa", "Europejskie", 5));
  save(sample_link("Polska 1", "Polskie", 1));
  save(sample_link("Polska 1 później", "Polskie", 1));
  EXPECT_EQ(names(), (std::vector<std::string>{"Europa", "Polska 1", "Polska 1 później", "Polska 2",
                                               "Bez kategorii"}));
}

TEST_P(LinkTest, SavesAndReadsEveryField) {
  Link l = sample_link("Związek Miast Polskich");
  l.description = "Opis\nw dwóch liniach.";
  l.language = "en";
  const auto id = save(l);
  auto got = store().link(id);
  ASSERT_TRUE(got) << got.error().message;
  l.id = id;
  EXPECT_EQ(*got, l);
}

TEST_P(LinkTest, RefusesWhatIsNotAnHttpAddressOrAValidLink) {
  for (const char* url : {"javascript:alert(1)", "ftp://example.org/", "https://", "example.org",
                          "https://user@example.org/", "https://exa mple.org/", "data:text/html,x",
                          "https://example.org:port/"}) {
    Link l = sample_link("Zła");
    l.url = url;
    auto saved = store().save_link(l);
    ASSERT_FALSE(saved) << url;
    EXPECT_EQ(saved.error().kind, ErrorKind::invalid_input) << url;
  }
  Link no_name = sample_link("  ");
  EXPECT_FALSE(store().save_link(no_name));
  Link bad_language = sample_link("Język");
  bad_language.language = "Polski";
  EXPECT_FALSE(store().save_link(bad_language));
  Link negative = sample_link("Pozycja", "Polskie", -1);
  EXPECT_FALSE(store().save_link(negative));
  EXPECT_TRUE(names().empty());
  for (const char* url : {"http://example.org", "HTTPS://Example.ORG/a?b=c#d",
                          "http://127.0.0.1:8080/x", "http://[::1]:80/"}) {
    EXPECT_TRUE(is_link_url(url)) << url;
  }
}

TEST_P(LinkTest, AnUpdateKeepsTheCheckUnlessTheAddressChanged) {
  const auto id = save(sample_link("Baza"));
  ASSERT_TRUE(store().record_link_check({id, 404, "HTTP 404", kNow}));
  Link edited = *store().link(id);
  edited.name = "Baza (nowa nazwa)";
  ASSERT_TRUE(store().save_link(edited));
  auto kept = store().link(id);
  EXPECT_EQ(kept->name, "Baza (nowa nazwa)");
  EXPECT_EQ(kept->last_status, 404);
  EXPECT_EQ(kept->checked_at, kNow);
  EXPECT_TRUE(link_broken(*kept));

  edited.url = "https://www.example.org/nowy-adres";
  ASSERT_TRUE(store().save_link(edited));
  auto forgotten = store().link(id);
  EXPECT_EQ(forgotten->last_status, 0);
  EXPECT_EQ(forgotten->last_error, "");
  EXPECT_EQ(forgotten->checked_at, 0);
  EXPECT_FALSE(link_broken(*forgotten));
}

TEST_P(LinkTest, ChecksAreRecordedPrintableAndLoggedOnlyWhenBrokennessChanges) {
  const auto id = save(sample_link("Baza"));
  const auto after_save = *store().last_change_seq();
  ASSERT_TRUE(store().record_link_check({id, 200, "", kNow}));
  EXPECT_EQ(store().last_change_seq(), after_save);  // never checked → fine: nothing shown
  ASSERT_TRUE(store().record_link_check({id, 0, "timeout\r\nżółw", kNow + 1}));
  auto broken = store().link(id);
  EXPECT_EQ(broken->last_error, "timeout????????w");
  EXPECT_TRUE(link_broken(*broken));
  auto changes = store().changes_since(after_save, 10);
  ASSERT_TRUE(changes && changes->size() == 1u);
  EXPECT_EQ(changes->front().kind, EntityKind::link);
  EXPECT_EQ(changes->front().id, id);
  ASSERT_TRUE(store().record_link_check({id, 503, "HTTP 503", kNow + 2}));
  EXPECT_EQ(store().changes_since(after_save, 10)->size(), 1u);  // still broken
  ASSERT_TRUE(store().record_link_check({id, 301, "", kNow + 3}));
  EXPECT_EQ(store().changes_since(after_save, 10)->size(), 2u);  // works again

  auto missing = store().record_link_check({id + 100, 200, "", kNow});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().record_link_check({id, 1000, "", kNow}).error().kind, ErrorKind::invalid_input);
}

TEST_P(LinkTest, DeletesAndLogsTheDeletion) {
  const auto id = save(sample_link("Baza"));
  ASSERT_TRUE(store().delete_link(id));
  EXPECT_EQ(store().link(id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().delete_link(id).error().kind, ErrorKind::not_found);
  auto changes = store().changes_since(0, 10);
  ASSERT_TRUE(changes && changes->size() == 2u);
  EXPECT_EQ(changes->back().kind, EntityKind::link);
  EXPECT_TRUE(changes->back().deleted);
}

TEST_P(LinkTest, DumpAndLoadCarryLinksWithTheirChecks) {
  Link l = sample_link("Baza", "Europejskie", 3);
  l.id = 42;
  l.last_status = 404;
  l.last_error = "HTTP 404";
  l.checked_at = kNow;
  Dataset data;
  data.links = {l};
  ASSERT_TRUE(store().load(data));
  auto dumped = store().dump();
  ASSERT_TRUE(dumped) << dumped.error().message;
  EXPECT_EQ(dumped->links, data.links);
  // New ids never collide with loaded ones.
  EXPECT_GT(save(sample_link("Nowa")), 42);
}

TEST_P(LinkTest, AWriteSavesALinkWithItsAuditEntryOrNeither) {
  auto refused = store().write([&](Writer& w) -> Status {
    auto id = w.save_link(sample_link("Baza"));
    if (!id) return std::unexpected(id.error());
    return fail(ErrorKind::conflict, "the audit could not be written");
  });
  EXPECT_FALSE(refused);
  EXPECT_TRUE(names().empty());
  auto written = store().write([&](Writer& w) -> Status {
    auto id = w.save_link(sample_link("Baza"));
    if (!id) return std::unexpected(id.error());
    auto read = w.link(*id);
    if (!read) return std::unexpected(read.error());
    return w.append_audit(
        {0, kNow, std::nullopt, "cli", "link:save", "link:" + std::to_string(*id), read->name});
  });
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(names(), std::vector<std::string>{"Baza"});
}

}  // namespace
}  // namespace bdp::testing
