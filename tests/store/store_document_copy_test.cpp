// The document library copied from one store into another, as migrate-db does: from every
// engine into every engine (SQLite into PostgreSQL and back when BDP_TEST_POSTGRES_URL is set).
#include <gtest/gtest.h>

#include "byte_samples.h"
#include "engines.h"
#include "samples.h"
#include "store/library_copy.h"

namespace bdp::testing {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;
const AuditEntry kAudit{0, kNow, std::nullopt, "redaktor@zmp.pl", "document:create", "", ""};

class DocumentCopyTest : public StoreTest {
 protected:
  // A source with two documents of one practice: the first with three versions (the first
  // withdrawn, the last with text and a thumbnail), the second sharing a file with the first.
  // The target holds the same content (what migrate-db copies before the library).
  void fill_source() {
    auto unit = store().save_unit(sample_unit("gmina-kopii"));
    ASSERT_TRUE(unit) << unit.error().message;
    auto practice = store().save_practice(sample_practice(*unit, {}));
    ASSERT_TRUE(practice) << practice.error().message;
    Document d;
    d.title = "Uchwała w sprawie budżetu obywatelskiego";
    d.kind = DocumentKind::uchwala;
    d.tags = {"budżet"};
    d.practice_ids = {*practice};
    d.unit_ids = {*unit};
    first_ = add(d, {big_, small_, file_of(1000, 'c')});
    d.title = "Raport z ewaluacji";
    second_ = add(d, {small_});
    auto withdrawn = docs().withdraw_version(first_.versions[0].id, kNow + 5, "redaktor@zmp.pl",
                                             "literówka", kAudit);
    ASSERT_TRUE(withdrawn) << withdrawn.error().message;
    ASSERT_TRUE(docs().set_text(first_.versions[2].id, "ok", {{1, "Strona pierwsza"}, {2, "Dwa"}},
                                "\x89PNG miniatura"));
    auto content = store().dump();
    ASSERT_TRUE(content) << content.error().message;
    ASSERT_TRUE(target().load(*content));
  }
  DocumentStore& docs() { return store().documents(); }

  const std::string big_ = file_of(3 * kFileChunkBytes + 17, 'a');
  const std::string small_ = file_of(5000, 'b');
  Document first_, second_;

 private:
  Document add(const Document& d, const std::vector<std::string>& files) {
    auto id = docs().save_document(d, kAudit);
    EXPECT_TRUE(id) << id.error().message;
    for (const auto& bytes : files) {
      StringSource source(bytes);
      auto v = docs().add_version({id.value_or(0), "plik.pdf", "pdf", kNow, "redaktor@zmp.pl"},
                                  source, kAudit);
      EXPECT_TRUE(v) << v.error().message;
    }
    return docs().document(id.value_or(0)).value_or(Document{});
  }
};
BDP_STORE_TEST_ON_ALL_ENGINES(DocumentCopyTest);

TEST_P(DocumentCopyTest, TheLibraryArrivesWholeWithIdsVersionsTextAndFiles) {
  fill_source();
  auto copied = copy_library(docs(), target().documents());
  ASSERT_TRUE(copied) << copied.error().message;
  EXPECT_EQ(copied->documents, 2U);
  EXPECT_EQ(copied->versions, 4U);
  EXPECT_EQ(copied->files, 3U) << "the shared file is copied once";
  EXPECT_EQ(copied->bytes, static_cast<std::int64_t>(big_.size() + small_.size() + 1000));
  EXPECT_EQ(library_difference(docs(), target().documents()).value_or("?"), "");

  DocumentStore& copy = target().documents();
  EXPECT_EQ(copy.document(first_.id).value_or(Document{}), *docs().document(first_.id));
  const auto& withdrawn = copy.document(first_.id)->versions[0];
  EXPECT_EQ(withdrawn.withdrawn_reason, "literówka");
  EXPECT_EQ(copy.text(first_.versions[2].id).value_or(std::vector<PageText>{}),
            (std::vector<PageText>{{1, "Strona pierwsza"}, {2, "Dwa"}}));
  EXPECT_EQ(copy.thumbnail(first_.versions[2].id).value_or(""), "\x89PNG miniatura");
  EXPECT_EQ(copy.file_bytes(first_.versions[0].sha256, kFileChunkBytes - 3, 10).value_or(""),
            big_.substr(kFileChunkBytes - 3, 10));
  EXPECT_EQ(copy.pending_text(10).value_or(std::vector<DocumentVersion>{}).size(), 3U)
      << "versions never extracted stay pending in the copy";

  Document later;
  later.title = "Nowy po migracji";
  auto id = copy.save_document(later, kAudit);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_GT(*id, second_.id) << "new ids follow the copied ones";
}

TEST_P(DocumentCopyTest, ALibraryHoldingTheDocumentsAlreadyRefusesTheCopy) {
  fill_source();
  ASSERT_TRUE(copy_library(docs(), target().documents()));
  auto again = copy_library(docs(), target().documents());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(target().documents().documents().value_or(std::vector<Document>{}).size(), 2U);
}

TEST_P(DocumentCopyTest, AFileWhoseBytesDoNotHashToItsNameIsNotKept) {
  const std::string claimed(64, 'a');
  StringSource source(file_of(kFileChunkBytes + 1, 'z'));
  auto put = target().documents().put_file(claimed, source);
  ASSERT_FALSE(put);
  EXPECT_EQ(put.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(target().documents().file_bytes(claimed, 0, 1).error().kind, ErrorKind::not_found);
  EXPECT_EQ(target().documents().verify_files().value_or(std::vector<std::string>{"?"}),
            std::vector<std::string>{});
}

TEST_P(DocumentCopyTest, AVersionWhoseFileIsMissingIsRefused) {
  fill_source();
  DocumentCopy copy{*docs().document(second_.id), {{}}, {""}};
  auto put = target().documents().put_document(copy);
  ASSERT_FALSE(put);
  EXPECT_EQ(put.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(target().documents().document(second_.id).error().kind, ErrorKind::not_found)
      << "nothing of the document is kept";
}

TEST_P(DocumentCopyTest, ADifferentTextOrThumbnailAfterTheCopyIsNamed) {
  fill_source();
  ASSERT_TRUE(copy_library(docs(), target().documents()));
  const std::string first = "document " + std::to_string(first_.id);
  ASSERT_TRUE(target().documents().set_text(first_.versions[2].id, "ok",
                                            {{1, "Strona pierwsza"}, {2, "Dwa"}}, "\x89PNG inna"));
  EXPECT_EQ(library_difference(docs(), target().documents()).value_or(""),
            first + " differs in the thumbnail of a version");
  ASSERT_TRUE(target().documents().set_text(first_.versions[2].id, "ok", {{1, "Inna strona"}},
                                            "\x89PNG miniatura"));
  EXPECT_EQ(library_difference(docs(), target().documents()).value_or(""),
            first + " differs in the text of a version");
}

TEST_P(DocumentCopyTest, ADifferenceAfterTheCopyIsNamed) {
  fill_source();
  ASSERT_TRUE(copy_library(docs(), target().documents()));
  ASSERT_TRUE(target().documents().set_text(second_.versions[0].id, "ok", {{0, "inny"}}, ""));
  EXPECT_EQ(library_difference(docs(), target().documents()).value_or(""),
            "document " + std::to_string(second_.id) + " differs (metadata or versions)");
}

}  // namespace
}  // namespace bdp::testing
