#include "import/importer.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sodium.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "../extract/fixtures.h"
#include "core/slug.h"
#include "import/page_files.h"
#include "temp_store.h"

namespace bdp::legacy {
namespace {

using test::TempStore;

constexpr const char* seed0 = "000_1196ef917f521a9f.txt";
constexpr const char* seed2 = "002_4fc2ead593ecafaa.txt";

ImportReport import(Store& store, std::vector<std::string> paths, bool dry_run = false,
                    std::string report_path = "") {
  auto report = run_import(store, {std::move(paths), dry_run, std::move(report_path), false, ""});
  if (!report) ADD_FAILURE() << report.error().message;
  return report.value_or(ImportReport{});
}

const Section* section_named(const std::vector<Section>& sections, const std::string& name) {
  for (const auto& s : sections) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

void expect_one_srem_with_both_records(Store& store) {
  const auto units = store.units();
  ASSERT_TRUE(units);
  ASSERT_EQ(units->size(), 1u);
  const Unit& srem = units->front();
  EXPECT_EQ(srem.name, "Śrem");
  EXPECT_EQ(srem.slug, "srem-wielkopolskie");
  EXPECT_EQ(srem.town, "Śrem");
  EXPECT_EQ(srem.type, "gmina miejsko-wiejska");  // the newest record (2013) wins
  EXPECT_EQ(srem.county, "Śremski");
  EXPECT_EQ(srem.voivodeship, "wielkopolskie");
  EXPECT_EQ(srem.population, (std::vector<PopulationFigure>{{2011, 40333}, {2013, 43061}}));
  const auto practices = store.practices_of_unit(srem.id);
  ASSERT_TRUE(practices);
  EXPECT_EQ(practices->size(), 2u);
}

TEST(Importer, BothSeedsMakeOneUnitWithTwoPracticesAndReportTheConflicts) {
  TempStore db;
  db.add_page(seed0);
  db.add_page(seed2);
  const ImportReport report = import(db.store(), {db.pages()});
  EXPECT_EQ(report.count(PageAction::imported), 2);
  EXPECT_EQ(report.count(PageAction::skipped), 0);
  EXPECT_EQ(report.units_created, 1);
  EXPECT_EQ(report.units_updated, 1);
  EXPECT_EQ(report.sections_created, 4);
  expect_one_srem_with_both_records(db.store());
  EXPECT_EQ(report.conflicts,
            (std::vector<UnitConflict>{{"Śrem", "Typ jednostki", "gmina miejsko-wiejska",
                                        "2013-06-27", "gmina miejska", "2011-03-03"},
                                       {"Śrem", "e-mail: Maria Świdurska", "ops@ops.srem.pl",
                                        "2013-06-27", "poczta@opssrem.lap.pl", "2011-03-03"}}));
  const std::string summary = format_summary(report);
  EXPECT_TRUE(summary.starts_with("Imported 2, updated 0, skipped 0 of 2 pages;")) << summary;
  EXPECT_NE(summary.find("kept 'gmina miejsko-wiejska' (2013-06-27), not 'gmina miejska'"),
            std::string::npos);
}

TEST(Importer, TheNewestRecordWinsWhateverTheOrderOfImport) {
  TempStore db;
  import(db.store(), {db.add_page(seed2)});
  const ImportReport report = import(db.store(), {db.add_page(seed0)});
  expect_one_srem_with_both_records(db.store());
  ASSERT_EQ(report.conflicts.size(), 2u);
  EXPECT_EQ(report.conflicts[0].kept, "gmina miejsko-wiejska");
  EXPECT_EQ(report.conflicts[0].dropped, "gmina miejska");
  EXPECT_EQ(report.conflicts[1].kept, "ops@ops.srem.pl");
}

TEST(Importer, PlacesPracticesInSectionsNamedByTheBreadcrumbs) {
  TempStore db;
  import(db.store(), {db.add_page(seed0), db.add_page(seed2)});
  const auto sections = db.store().sections();
  ASSERT_TRUE(sections);
  ASSERT_EQ(sections->size(), 4u);
  const Section* ngo = section_named(*sections, "Współpraca JST-NGO");
  const Section* practices = section_named(*sections, "Praktyki");
  const Section* social = section_named(*sections, "Usługi społeczne");
  const Section* welfare = section_named(*sections, "Pomoc społeczna");
  ASSERT_TRUE(ngo && practices && social && welfare);
  EXPECT_EQ(practices->parent_id, ngo->id);
  EXPECT_EQ(welfare->parent_id, social->id);
  EXPECT_FALSE(ngo->parent_id);
  const auto all = db.store().all_practices();
  ASSERT_TRUE(all);
  for (const auto& p : *all) {
    EXPECT_EQ(p.section_ids, std::vector<std::int64_t>{p.entered_on == "2011-03-03" ? practices->id
                                                                                    : welfare->id});
  }
}

TEST(Importer, ImportingTheSamePagesAgainUpdatesAndNeverDuplicates) {
  TempStore db;
  const std::vector<std::string> pages = {db.add_page(seed0), db.add_page(seed2),
                                          db.add_page("seed0_art412_utf8.html")};
  import(db.store(), pages);
  const auto first = db.store().all_practices();
  const ImportReport again = import(db.store(), pages);
  EXPECT_EQ(again.count(PageAction::imported), 0);
  EXPECT_EQ(again.count(PageAction::updated), 3);
  EXPECT_EQ(again.units_created, 0);
  EXPECT_EQ(again.sections_created, 0);
  const auto second = db.store().all_practices();
  ASSERT_TRUE(first && second);
  ASSERT_EQ(second->size(), 3u);
  for (std::size_t i = 0; i < second->size(); ++i) {
    EXPECT_EQ((*first)[i].id, (*second)[i].id);
    EXPECT_EQ((*first)[i].source_key, (*second)[i].source_key);
  }
  EXPECT_EQ(db.store().units()->size(), 1u);
  EXPECT_EQ(db.store().sections()->size(), 4u);
}

TEST(Importer, HtmlPagesKeepTheirOldIdsAttachmentsAndProvenance) {
  TempStore db;
  const ImportReport report = import(db.store(), {db.add_page("seed2_art523_cp1250.html"),
                                                  db.add_page("presentation_art77_latin2.html")});
  EXPECT_EQ(report.count(PageAction::imported), 2);
  const auto p523 = db.store().practice(523);
  ASSERT_TRUE(p523) << p523.error().message;
  EXPECT_EQ(p523->source_key, "legacy:art:523");
  EXPECT_EQ(p523->title,
            "Program aktywności lokalnej w gminie Śrem jako innowacyjne narzędzie kształtujące "
            "politykę społeczną");
  EXPECT_EQ(p523->attachments.size(), 2u);
  EXPECT_EQ(p523->provenance.source, "legacy");
  EXPECT_EQ(p523->provenance.programme,
            "Doskonalenie zarządzania usługami publicznymi i rozwojem w jednostkach samorządu "
            "lokalnego (gminach i powiatach)");
  const auto p77 = db.store().practice(77);
  ASSERT_TRUE(p77);
  EXPECT_EQ(p77->presentation.size(), 4u);
  EXPECT_EQ(p77->website, "http://www.powiat.leszno.pl");
  EXPECT_EQ(p77->contacts.size(), 2u);
  const auto leszno = db.store().unit(p77->unit_id);
  ASSERT_TRUE(leszno);
  EXPECT_EQ(leszno->name, "Powiat leszczyński");
  EXPECT_EQ(leszno->type, "powiat");
  EXPECT_EQ(leszno->population, (std::vector<PopulationFigure>{{2009, 52993}}));
  const auto sections = db.store().sections();
  const Section* welfare = section_named(*sections, "Pomoc społeczna");
  ASSERT_TRUE(welfare);
  EXPECT_EQ(welfare->legacy_key, "p1=1&p2=2");
}

TEST(Importer, APageWithoutAnOldIdGetsANewOneAndAWarning) {
  TempStore db;
  const ImportReport report = import(db.store(), {db.add_page(seed0)});
  ASSERT_EQ(report.pages.size(), 1u);
  EXPECT_TRUE(report.pages[0].source_key.starts_with("legacy:sha:"));
  EXPECT_EQ(report.pages[0].source_key.size(), std::string("legacy:sha:").size() + 16);
  ASSERT_EQ(report.pages[0].warnings.size(), 1u);
  EXPECT_NE(report.pages[0].warnings[0].message.find("no old id"), std::string::npos);
}

TEST(Importer, TheOldIdMayComeFromTheFileName) {
  TempStore db;
  const ImportReport report = import(db.store(), {db.add_page(seed0, "art_301.txt")});
  EXPECT_EQ(report.pages.at(0).practice_id, 301);
  EXPECT_EQ(report.pages.at(0).source_key, "legacy:art:301");
  EXPECT_TRUE(report.pages.at(0).warnings.empty());
}

TEST(Importer, ABrokenPageIsReportedWithItsFileAndReasonAndTheRestImports) {
  TempStore db;
  const std::string broken = db.write_page("broken.txt", "Strona główna\nnic tu nie ma\n");
  const std::string no_unit =
      db.write_page("no_unit.txt", "Usługi techniczne : Drogi\nTytuł\n.: Skrót i Metryka :.\n");
  db.add_page(seed2);
  const ImportReport report = import(db.store(), {db.pages(), db.path("missing")});
  EXPECT_EQ(report.count(PageAction::imported), 1);
  EXPECT_EQ(report.count(PageAction::skipped), 3);
  const std::string summary = format_summary(report);
  EXPECT_NE(summary.find("skipped " + broken + ": not a practice page"), std::string::npos)
      << summary;
  EXPECT_NE(summary.find("skipped " + no_unit + ": the page names no unit"), std::string::npos);
  EXPECT_NE(summary.find("no such file or folder"), std::string::npos);
}

TEST(Importer, ADryRunWritesNothingButReportsWhatItWouldDo) {
  TempStore db;
  const ImportReport report =
      import(db.store(), {db.add_page(seed0), db.add_page(seed2)}, /*dry_run=*/true);
  EXPECT_TRUE(report.dry_run);
  EXPECT_EQ(report.count(PageAction::imported), 2);
  EXPECT_EQ(report.units_created, 1);
  EXPECT_EQ(report.conflicts.size(), 2u);
  EXPECT_TRUE(db.store().units()->empty());
  EXPECT_TRUE(db.store().sections()->empty());
  EXPECT_TRUE(db.store().all_practices()->empty());
  EXPECT_TRUE(format_summary(report).starts_with("Dry run (nothing written)"));
}

TEST(Importer, WritesAJsonReport) {
  TempStore db;
  const std::string path = db.path("report.json");
  import(db.store(), {db.add_page(seed0), db.add_page(seed2)}, false, path);
  std::ifstream in(path);
  const auto json = nlohmann::json::parse(in);
  EXPECT_EQ(json["summary"]["imported"], 2);
  EXPECT_EQ(json["summary"]["warnings"], 3);
  EXPECT_EQ(json["pages"].size(), 2u);
  EXPECT_EQ(json["pages"][1]["warnings"][0]["field"], "Kod pocztowy i Poczta");
  EXPECT_EQ(json["conflicts"][0]["kept"], "gmina miejsko-wiejska");
}

// "legacy:sha:" and the first 16 hex digits of SHA-256 of `text`: how a page without an old id
// is keyed (source_key, mapper.h).
std::string sha_key(const std::string& text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::string key = "legacy:sha:";
  for (int i = 0; i < 8; ++i) key += fmt::format("{:02x}", digest[i]);
  return key;
}

TEST(Importer, ARecordMadeByMisreadingAOneLevelBreadcrumbIsCorrectedInPlace) {
  TempStore db;
  // seed0 in a section without subsections: a one-level breadcrumb, no old id.
  std::string text = test::read_fixture(seed0);
  const std::string two_levels = "Współpraca JST-NGO : Praktyki";
  text.replace(text.find(two_levels), two_levels.size(), "Usługi techniczne");
  const std::string file = db.write_page("jednopoziomowa.txt", text);
  const auto page = read_page_file(file);
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->section_path, std::vector<std::string>{"Usługi techniczne"});
  // What an earlier importer stored: the breadcrumb at the start of the title, and its key.
  const std::string misread = "Usługi techniczne " + page->title;
  Unit srem;
  srem.slug = "srem-wielkopolskie";
  srem.name = srem.town = "Śrem";
  srem.type = "gmina miejska";
  srem.voivodeship = "wielkopolskie";
  auto unit = db.store().save_unit(srem);
  ASSERT_TRUE(unit) << unit.error().message;
  Practice wrong;
  wrong.title = misread;
  wrong.slug = slugify(misread);
  wrong.unit_id = *unit;
  wrong.entered_on = page->metryka.entered_on;
  wrong.source_key = sha_key(misread + "\n" + page->metryka.entered_on);
  auto id = db.store().save_practice(wrong);
  ASSERT_TRUE(id) << id.error().message;

  const ImportReport report = import(db.store(), {file});
  EXPECT_EQ(report.count(PageAction::updated), 1) << format_summary(report);
  EXPECT_EQ(report.count(PageAction::imported), 0);
  const auto all = db.store().all_practices();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1u);  // corrected, not duplicated
  const Practice& fixed = all->front();
  EXPECT_EQ(fixed.id, *id);  // same id: its permalink /praktyki/<id>-… redirects the old slug
  EXPECT_EQ(fixed.title, page->title);
  EXPECT_EQ(fixed.slug, slugify(page->title));
  EXPECT_NE(fixed.slug, wrong.slug);
  EXPECT_EQ(fixed.source_key, sha_key(page->title + "\n" + page->metryka.entered_on));
  const auto sections = db.store().sections();
  ASSERT_TRUE(sections);
  const Section* technical = section_named(*sections, "Usługi techniczne");
  ASSERT_NE(technical, nullptr);
  EXPECT_EQ(fixed.section_ids, std::vector<std::int64_t>{technical->id});
}

// seed2_art523_cp1250.html links two attachments: pliki/523/program_aktywnosci_lokalnej.pdf
// and pliki/523/ewaluacja.doc (an old Word file: not a kind the library accepts).
TEST(Importer, AttachmentFilesBecomeDocumentsOfThePracticeUnderTheirOldNames) {
  TempStore db;
  db.add_page("seed2_art523_cp1250.html");
  // A folder per page, as the old portal kept them; a file of the same name for another page
  // and one beside the folders must not be taken instead.
  const std::filesystem::path files = db.path("archiwum");
  std::filesystem::create_directories(files / "523");
  std::filesystem::create_directories(files / "524");
  const std::string pdf =
      extract::testing::pdf_bytes({extract::testing::text_stream("Program Aktywnosci Lokalnej")});
  std::ofstream(files / "523" / "program_aktywnosci_lokalnej.pdf", std::ios::binary) << pdf;
  const std::string other = extract::testing::pdf_bytes({extract::testing::text_stream("Inny")});
  std::ofstream(files / "524" / "program_aktywnosci_lokalnej.pdf", std::ios::binary) << other;
  std::ofstream(files / "program_aktywnosci_lokalnej.pdf", std::ios::binary) << other;
  std::ofstream(files / "ewaluacja.doc", std::ios::binary)
      << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(4096, '\0');
  ImportOptions options{{db.pages()}, false, "", false, files.string()};

  auto report = run_import(db.store(), options);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->attachments_stored, 1);
  EXPECT_NE(format_summary(*report).find("; 1 attachment file stored."), std::string::npos)
      << format_summary(*report);
  ASSERT_EQ(report->pages.size(), 1U);
  const auto& warnings = report->pages[0].warnings;
  EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(), [](const Warning& w) {
    return w.field == "Załączniki" &&
           w.message.starts_with(
               "'Raport z ewaluacji' (pliki/523/ewaluacja.doc) stays a link: the file "
               "ewaluacja.doc is refused: ");
  }));
  const auto practice = db.store().practice(523);
  ASSERT_TRUE(practice) << practice.error().message;
  EXPECT_EQ(practice->attachments,
            (std::vector<Attachment>{{"Raport z ewaluacji", "pliki/523/ewaluacja.doc"}}))
      << "the link whose file is stored is dropped, the other stays";
  auto docs = db.store().documents().documents_of_practice(523);
  ASSERT_TRUE(docs) << docs.error().message;
  ASSERT_EQ(docs->size(), 1U);
  const Document& d = docs->front();
  EXPECT_EQ(d.title, "Program Aktywności Lokalnej na lata 2011-2013");
  EXPECT_EQ(d.unit_ids, std::vector<std::int64_t>{practice->unit_id});
  ASSERT_EQ(d.versions.size(), 1U);
  EXPECT_EQ(d.versions[0].file_name, "program_aktywnosci_lokalnej.pdf");
  EXPECT_EQ(d.versions[0].format, "pdf");
  EXPECT_EQ(d.versions[0].uploaded_by, "import");
  EXPECT_EQ(d.versions[0].size, static_cast<std::int64_t>(pdf.size()));
  EXPECT_EQ(db.store().documents().file_bytes(d.versions[0].sha256, 0, 8).value_or(""),
            pdf.substr(0, 8));

  // Imported again: the file is found in the library, nothing is added twice.
  auto again = run_import(db.store(), options);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->attachments_stored, 0);
  EXPECT_EQ(db.store().documents().documents_of_practice(523)->size(), 1U);
  EXPECT_EQ(db.store().practice(523)->attachments.size(), 1U);
}

TEST(Importer, WithoutAFolderOfFilesAttachmentsStayLinks) {
  TempStore db;
  const ImportReport report = import(db.store(), {db.add_page("seed2_art523_cp1250.html")});
  EXPECT_FALSE(report.attachments_stored.has_value());
  EXPECT_EQ(format_summary(report).find("attachment"), std::string::npos);
  EXPECT_EQ(db.store().practice(523)->attachments.size(), 2U);
  EXPECT_TRUE(db.store().documents().documents()->empty());
}

}  // namespace
}  // namespace bdp::legacy
