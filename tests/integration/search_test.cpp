// End to end: search pages and API of the running portal over the demo data.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "bdp_process.h"
#include "model/permalink.h"
#include "store/store.h"

namespace bdp::testing {
namespace {

class Search : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = std::make_unique<TestDatabase>(GetParam());
    server = std::make_unique<BdpServer>(*db, std::vector<std::string>{"--no-access-log"});
  }
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<BdpServer> server;
};

TEST_P(Search, InflectedQueryWithoutDiacriticsFindsThePracticeWithHighlightsAndFacets) {
  auto r = server->get("/szukaj?q=pomocy+spolecznej+w+Sremie");
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("Program aktywności lokalnej w gminie Śrem"), std::string::npos);
  EXPECT_NE(r->body.find("<mark>"), std::string::npos);
  EXPECT_NE(r->body.find("<legend>Województwo</legend>"), std::string::npos);
  EXPECT_NE(r->body.find("value=\"pomocy spolecznej w Sremie\""), std::string::npos)
      << "the query stays in the form";
}

TEST_P(Search, AFacetNarrowsTheResultsWithoutJavaScript) {
  auto all = server->get("/szukaj?q=srem");
  ASSERT_EQ(all->status, 200);
  EXPECT_NE(all->body.find("2 wyniki"), std::string::npos);
  auto narrowed = server->get("/szukaj?q=srem&section=3");
  EXPECT_NE(narrowed->body.find("1 wynik"), std::string::npos);
  EXPECT_NE(narrowed->body.find("value=\"3\" checked"), std::string::npos);
}

TEST_P(Search, JsonApiReturnsResultsFacetsAndTotal) {
  auto r = server->get("/api/v1/search?q=aktywno%C5%9B%C4%87&voivodeship=wielkopolskie");
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->header("content-type"), "application/json; charset=utf-8");
  EXPECT_NE(r->body.find("\"total\":"), std::string::npos);
  EXPECT_NE(r->body.find("\"facets\":"), std::string::npos);
  EXPECT_NE(r->body.find("\"hits\":"), std::string::npos);
  auto s = server->get("/api/v1/suggest?q=o%C5%BCyw");
  ASSERT_EQ(s->status, 200);
  EXPECT_NE(s->body.find("Ożywienie mechanizmów"), std::string::npos);
}

TEST_P(Search, HostileQueriesGetAnAnswerNeverA500) {
  for (const std::string& q :
       std::vector<std::string>{"%22niezamkni%C4%99ty", std::string(10000, 'a'), "i+w+na+z",
                                "%01%02%7F", "-", "OR+OR", "%22%22", "(((", "*"}) {
    auto page = server->get("/szukaj?q=" + q);
    ASSERT_TRUE(page.has_value()) << q.substr(0, 40);
    EXPECT_LT(page->status, 500) << q.substr(0, 40);
    auto api = server->get("/api/v1/search?q=" + q);
    ASSERT_TRUE(api.has_value());
    EXPECT_LT(api->status, 500) << q.substr(0, 40);
  }
}

TEST_P(Search, ATooLongQueryGetsTheResultsPageWithTheReason) {
  auto page = server->get("/szukaj?q=" + std::string(10000, 'a'));
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->status, 400);
  EXPECT_NE(page->body.find("Zapytanie jest za długie"), std::string::npos);
  EXPECT_NE(page->body.find("name=\"q\""), std::string::npos);  // the search form, to shorten it
}

// The bytes of a stored file: the search reads only the text recorded for it (set_text stands
// in for the extraction worker here).
class Bytes final : public ByteSource {
 public:
  explicit Bytes(std::string bytes) : bytes_(std::move(bytes)) {}
  Result<std::size_t> read(char* into, std::size_t capacity) override {
    const std::size_t n = std::min(capacity, bytes_.size() - at_);
    std::copy_n(bytes_.data() + at_, n, into);
    at_ += n;
    return n;
  }

 private:
  std::string bytes_;
  std::size_t at_ = 0;
};

// Adds a document with one version of `format` whose text is `pages`; returns the document.
Document add_document(Store& store, const std::string& title, const std::string& format,
                      const std::vector<PageText>& pages) {
  const AuditEntry audit{0, 1'767'225'600, std::nullopt, "cli", "document:save", "", ""};
  Document d;
  d.title = title;
  d.kind = DocumentKind::raport;
  auto id = store.documents().save_document(d, audit);
  EXPECT_TRUE(id) << id.error().message;
  Bytes bytes(title + " " + format);
  auto version = store.documents().add_version(
      {id.value_or(0), "plik." + format, format, 1'767'225'600, "cli"}, bytes, audit);
  EXPECT_TRUE(version) << version.error().message;
  auto set = store.documents().set_text(version.value_or(DocumentVersion{}).id, "ok", pages, "");
  EXPECT_TRUE(set) << set.error().message;
  auto stored = store.documents().document(id.value_or(0));
  EXPECT_TRUE(stored) << stored.error().message;
  return stored.value_or(Document{});
}

TEST_P(Search, AWordOnlyInAPdfADocxOrAnOdtFindsThatDocumentAndItsPage) {
  auto opened = open_store(db->url());
  ASSERT_TRUE(opened) << opened.error().message;
  Store& store = **opened;
  const Document pdf = add_document(store, "Sprawozdanie z rekuperacji", "pdf",
                                    {{1, "Wstęp i spis treści."},
                                     {2, "Wentylacja z odzyskiem ciepła: rekuperatory w szkołach."},
                                     {3, "Podsumowanie."}});
  const Document docx = add_document(store, "Poradnik dla gmin", "docx",
                                     {{0, "Geotermia płytka w budynkach gminnych."}});
  const Document odt = add_document(store, "Uchwała w sprawie zieleni", "odt",
                                    {{0, "Ogrody deszczowe i retencjonowanie wody."}});

  // The server follows the change log: the documents are searchable within moments.
  auto search = [&](const std::string& q, const std::string& expected) {
    std::optional<RawResponse> page;
    for (int i = 0; i < 100; ++i) {
      page = server->get("/szukaj?q=" + q);
      if (page && page->body.find(expected) != std::string::npos) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return page.value_or(RawResponse{});
  };
  const auto found_pdf = search("rekuperatory", document_path(pdf));
  ASSERT_EQ(found_pdf.status, 200);
  EXPECT_NE(found_pdf.body.find("href=\"" + document_path(pdf) + "\""), std::string::npos)
      << found_pdf.body;
  EXPECT_NE(found_pdf.body.find("href=\"" + document_file_path(pdf.id) + "#page=2\""),
            std::string::npos);
  EXPECT_NE(found_pdf.body.find("strona 2"), std::string::npos);
  EXPECT_NE(found_pdf.body.find("<mark>rekuperatory</mark>"), std::string::npos);
  EXPECT_NE(found_pdf.body.find("Dokument"), std::string::npos);

  const auto found_docx = search("geotermia", document_path(docx));
  EXPECT_NE(found_docx.body.find("href=\"" + document_path(docx) + "\""), std::string::npos);
  EXPECT_EQ(found_docx.body.find("#page="), std::string::npos);
  const auto found_odt = search("retencjonowanie", document_path(odt));
  EXPECT_NE(found_odt.body.find("href=\"" + document_path(odt) + "\""), std::string::npos);

  // Only practices when asked for them; the API names the kind and the page.
  auto practices = server->get("/szukaj?q=geotermia&result_type=praktyka");
  ASSERT_TRUE(practices.has_value());
  EXPECT_EQ(practices->body.find(document_path(docx)), std::string::npos);
  auto api = server->get("/api/v1/search?q=rekuperatory");
  ASSERT_TRUE(api.has_value());
  EXPECT_NE(api->body.find("\"kind\":\"document\""), std::string::npos) << api->body;
  EXPECT_NE(api->body.find("\"page\":2"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, Search, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bdp::testing
