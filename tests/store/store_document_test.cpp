// The document library on every engine: metadata and what a document belongs to, versions over
// content-addressed chunked files, range reads, withdrawal, extracted text, the change log.
#include <gtest/gtest.h>

#include <algorithm>

#include "byte_samples.h"
#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

AuditEntry audit(const std::string& action, std::int64_t at = kNow) {
  return AuditEntry{0, at, std::nullopt, "redaktor@zmp.pl", action, "", ""};
}

class DocumentTest : public StoreTest {
 protected:
  DocumentStore& docs() { return store().documents(); }
  std::int64_t add_document(const std::string& title, std::vector<std::int64_t> practices = {}) {
    Document d;
    d.title = title;
    d.kind = DocumentKind::uchwala;
    d.year = 2019;
    d.tags = {"budżet obywatelski", "partycypacja"};
    d.practice_ids = std::move(practices);
    auto id = docs().save_document(d, audit("document:create"));
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }
  DocumentVersion add_file(std::int64_t document, const std::string& bytes,
                           const std::string& name = "Uchwała nr 12.pdf") {
    StringSource source(bytes);
    auto v = docs().add_version({document, name, "pdf", kNow + 60, "redaktor@zmp.pl"}, source,
                                audit("document:version"));
    EXPECT_TRUE(v) << v.error().message;
    return v.value_or(DocumentVersion{});
  }
  std::int64_t add_practice() {
    auto unit = store().save_unit(sample_unit("gmina-dokumentow"));
    EXPECT_TRUE(unit) << unit.error().message;
    auto id = store().save_practice(sample_practice(unit.value_or(0), {}));
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }
};
BDP_STORE_TEST_ON_ALL_ENGINES(DocumentTest);

TEST_P(DocumentTest, ADocumentKeepsItsMetadataAndWhatItBelongsTo) {
  const auto practice = add_practice();
  const auto id = add_document("Uchwała w sprawie budżetu obywatelskiego", {practice});
  auto d = docs().document(id);
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->title, "Uchwała w sprawie budżetu obywatelskiego");
  EXPECT_EQ(d->kind, DocumentKind::uchwala);
  EXPECT_EQ(d->year, 2019);
  EXPECT_EQ(d->tags, (std::vector<std::string>{"budżet obywatelski", "partycypacja"}));
  EXPECT_EQ(d->practice_ids, std::vector<std::int64_t>{practice});
  EXPECT_EQ(d->created_at, kNow);
  auto of_practice = docs().documents_of_practice(practice);
  ASSERT_TRUE(of_practice);
  ASSERT_EQ(of_practice->size(), 1U);
  EXPECT_EQ(of_practice->front().id, id);
  auto log = store().audit_log("document:", "", 0, 10);
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 1U);
  EXPECT_EQ(log->front().entity, "document:" + std::to_string(id));
}

TEST_P(DocumentTest, BadMetadataIsRefusedWithNothingWritten) {
  Document d;
  d.title = "";
  EXPECT_EQ(docs().save_document(d, audit("x")).error().kind, ErrorKind::invalid_input);
  d.title = "Raport";
  d.year = 1800;
  EXPECT_EQ(docs().save_document(d, audit("x")).error().kind, ErrorKind::invalid_input);
  d.year = 2020;
  d.practice_ids = {987654};
  EXPECT_EQ(docs().save_document(d, audit("x")).error().kind, ErrorKind::invalid_input);
  d.practice_ids.clear();
  d.id = 555;
  EXPECT_EQ(docs().save_document(d, audit("x")).error().kind, ErrorKind::not_found);
  EXPECT_TRUE(docs().documents()->empty());
  EXPECT_TRUE(store().audit_log("", "", 0, 10)->empty());
}

TEST_P(DocumentTest, AFileComesBackByteForByteWholeAndByRanges) {
  const auto id = add_document("Raport z ewaluacji");
  const std::string bytes = file_of(3 * kFileChunkBytes + 12'345, 'a');
  const auto v = add_file(id, bytes);
  EXPECT_EQ(v.number, 1);
  EXPECT_EQ(v.size, static_cast<std::int64_t>(bytes.size()));
  EXPECT_EQ(v.sha256.size(), 64U);
  EXPECT_EQ(v.text_status, "pending");
  auto whole = docs().file_bytes(v.sha256, 0, v.size);
  ASSERT_TRUE(whole) << whole.error().message;
  EXPECT_TRUE(*whole == bytes);
  // Ranges across chunk borders, reassembled.
  std::string joined;
  for (std::int64_t at = 0; at < v.size; at += 300'007) {
    auto piece = docs().file_bytes(v.sha256, at, std::min<std::int64_t>(300'007, v.size - at));
    ASSERT_TRUE(piece) << piece.error().message;
    joined += *piece;
  }
  EXPECT_TRUE(joined == bytes);
  EXPECT_EQ(docs().file_bytes(v.sha256, v.size - 1, 2).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(docs().file_bytes(std::string(64, '0'), 0, 1).error().kind, ErrorKind::not_found);
  EXPECT_TRUE(docs().verify_files()->empty());
}

TEST_P(DocumentTest, ReplacingAFileAddsAVersionAndTheSameBytesAreStoredOnce) {
  const auto id = add_document("Zarządzenie");
  const auto first = add_file(id, file_of(1000, 'x'), "v1.pdf");
  const auto second = add_file(id, file_of(2000, 'y'), "v2.pdf");
  const auto again = add_file(id, file_of(1000, 'x'), "v1-again.pdf");
  EXPECT_EQ(second.number, 2);
  EXPECT_EQ(again.number, 3);
  EXPECT_EQ(again.sha256, first.sha256);
  auto d = docs().document(id);
  ASSERT_TRUE(d);
  ASSERT_EQ(d->versions.size(), 3U);
  EXPECT_EQ(current_version(*d)->id, again.id);
  EXPECT_EQ(d->versions[0].file_name, "v1.pdf");
}

TEST_P(DocumentTest, AWithdrawnVersionIsKeptAndTheCurrentOneIsTheNewestLeft) {
  const auto id = add_document("Prezentacja");
  const auto first = add_file(id, file_of(500, 'a'));
  const auto second = add_file(id, file_of(600, 'b'));
  ASSERT_TRUE(docs().withdraw_version(second.id, kNow + 120, "redaktor@zmp.pl", "literówka",
                                      audit("document:withdraw")));
  auto d = docs().document(id);
  ASSERT_TRUE(d);
  ASSERT_EQ(d->versions.size(), 2U);
  EXPECT_EQ(d->versions[1].withdrawn_at, kNow + 120);
  EXPECT_EQ(d->versions[1].withdrawn_reason, "literówka");
  EXPECT_EQ(current_version(*d)->id, first.id);
  EXPECT_EQ(docs()
                .withdraw_version(second.id, kNow, "x", "again", audit("document:withdraw"))
                .error()
                .kind,
            ErrorKind::conflict);
  EXPECT_EQ(store().audit_log("document:withdraw", "", 0, 10)->size(), 1U);
  EXPECT_TRUE(docs().file_bytes(second.sha256, 0, 600));  // the bytes stay
}

TEST_P(DocumentTest, AnUploadThatFailsAddsNoVersion) {
  const auto id = add_document("Poradnik");
  FailingSource broken;
  auto v = docs().add_version({id, "a.pdf", "pdf", kNow, "x"}, broken, audit("document:version"));
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().kind, ErrorKind::unavailable);
  StringSource empty("");
  EXPECT_EQ(docs().add_version({id, "a.pdf", "pdf", kNow, "x"}, empty, audit("v")).error().kind,
            ErrorKind::invalid_input);
  StringSource some("abc");
  EXPECT_EQ(docs().add_version({id + 99, "a.pdf", "pdf", kNow, "x"}, some, audit("v")).error().kind,
            ErrorKind::not_found);
  EXPECT_TRUE(docs().document(id)->versions.empty());
}

TEST_P(DocumentTest, ExtractedTextAndThumbnailAreKeptPerVersion) {
  const auto id = add_document("Raport");
  const auto v = add_file(id, file_of(700, 'r'));
  EXPECT_EQ(docs().pending_text(10)->size(), 1U);
  const std::vector<PageText> pages = {{1, "Strona pierwsza"}, {2, "Słowo tylko na drugiej"}};
  const std::string png("\x89PNG\r\n\x1a\n\0rest", 13);
  ASSERT_TRUE(docs().set_text(v.id, "ok", pages, png));
  EXPECT_EQ(*docs().text(v.id), pages);
  EXPECT_TRUE(*docs().thumbnail(v.id) == png);
  EXPECT_EQ(docs().version(v.id)->text_status, "ok");
  EXPECT_TRUE(docs().pending_text(10)->empty());
  ASSERT_TRUE(docs().set_text(v.id, "timed_out", {}, ""));
  EXPECT_TRUE(docs().text(v.id)->empty());
  EXPECT_EQ(docs().thumbnail(v.id).error().kind, ErrorKind::not_found);
}

TEST_P(DocumentTest, ChangesNameTheDocumentAndThePracticesItIsAndWasAttachedTo) {
  const auto a = add_practice();
  const auto since = store().last_change_seq().value_or(0);
  const auto id = add_document("Uchwała", {a});
  auto d = docs().document(id);
  ASSERT_TRUE(d);
  d->practice_ids.clear();
  ASSERT_TRUE(docs().save_document(*d, audit("document:edit")));
  auto changes = store().changes_since(since, 10);
  ASSERT_TRUE(changes);
  ASSERT_EQ(changes->size(), 2U);
  for (const auto& change : *changes) {
    EXPECT_EQ(change.kind, EntityKind::document);
    EXPECT_EQ(change.id, id);
    EXPECT_EQ(change.related, (std::vector<EntityRef>{{EntityKind::practice, a}}));
  }
}

}  // namespace
}  // namespace bdp::testing
