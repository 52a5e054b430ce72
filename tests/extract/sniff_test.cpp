// sniff_file: every accepted kind by its content, and every hostile input refused with the
// Polish message that says why.
#include "extract/sniff.h"

#include <gtest/gtest.h>

#include "extract/png_encoder.h"
#include "fixtures.h"

namespace bdp::extract {
namespace {

using testing::Member;
using testing::TempDir;
using testing::write_file;

const UploadLimits kLimits;

std::string refusal(const std::filesystem::path& path, const UploadLimits& limits = kLimits) {
  auto kind = sniff_file(path, limits);
  if (kind) return std::string("accepted as ") + extension(*kind);
  EXPECT_EQ(kind.error().kind, ErrorKind::invalid_input) << kind.error().message;
  return kind.error().message;
}

const char* const kProgram = "Plik jest programem, a nie dokumentem; programów nie przyjmujemy.";
const char* const kPolyglot =
    "Plik wygląda na dokument, ale zawiera też kod strony WWW albo archiwum (plik "
    "wieloznaczny); nie przyjmujemy go.";
const char* const kNotAccepted =
    "Plik nie jest dokumentem PDF, DOCX, ODT, XLSX, ODS, PNG ani JPEG.";
const char* const kIncompleteZip =
    "Plik jest archiwum ZIP, ale nie kompletnym dokumentem DOCX, ODT, XLSX ani ODS.";
const char* const kSvg =
    "Plik jest grafiką SVG, która może zawierać skrypty; prosimy o PNG, JPEG albo PDF.";

std::string small_png() {
  return encode_png(std::string(4 * 3 * 3, '\x7f'), 4, 3);
}

std::string small_jpeg() {
  std::string jpeg("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20);
  jpeg += std::string(200, '\0');
  jpeg += "\xff\xd9";
  return jpeg;
}

std::string one_page_pdf() {
  return testing::pdf_bytes({testing::text_stream("Hello")});
}

TEST(Kinds, NamesAndInlineDisplay) {
  EXPECT_STREQ(extension(FileKind::docx), "docx");
  EXPECT_STREQ(mime_type(FileKind::ods), "application/vnd.oasis.opendocument.spreadsheet");
  EXPECT_EQ(file_kind_from_extension("jpeg"), FileKind::jpeg);
  EXPECT_EQ(file_kind_from_extension("exe"), std::nullopt);
  EXPECT_TRUE(shown_inline(FileKind::pdf));
  EXPECT_TRUE(shown_inline(FileKind::png));
  EXPECT_TRUE(shown_inline(FileKind::jpeg));
  EXPECT_FALSE(shown_inline(FileKind::docx));
  EXPECT_FALSE(shown_inline(FileKind::ods));
}

TEST(Sniff, AcceptsEveryKindByContentWhateverItsName) {
  TempDir dir;
  EXPECT_EQ(sniff_file(write_file(dir / "a.txt", one_page_pdf()), kLimits), FileKind::pdf);
  EXPECT_EQ(sniff_file(write_file(dir / "b.pdf", small_png()), kLimits), FileKind::png);
  EXPECT_EQ(sniff_file(write_file(dir / "c", small_jpeg()), kLimits), FileKind::jpeg);
  const auto doc = testing::docx_document("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
  EXPECT_EQ(sniff_file(testing::write_docx(dir / "d.odt", doc), kLimits), FileKind::docx);
  EXPECT_EQ(sniff_file(testing::write_xlsx(dir / "e.bin", "<sst/>"), kLimits), FileKind::xlsx);
  EXPECT_EQ(sniff_file(testing::write_odf(dir / "f.docx", mime_type(FileKind::odt), ""), kLimits),
            FileKind::odt);
  EXPECT_EQ(sniff_file(testing::write_odf(dir / "g", mime_type(FileKind::ods), ""), kLimits),
            FileKind::ods);
}

// libmagic (file 5.44) calls this one application/zip: only its members say it is a DOCX.
TEST(Sniff, DocxWithContentTypesLastIsDecidedByItsMembers) {
  TempDir dir;
  const auto doc = testing::docx_document("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
  EXPECT_EQ(sniff_file(testing::write_docx(dir / "d.docx", doc, false), kLimits), FileKind::docx);
}

TEST(Sniff, RefusesEmptyFile) {
  TempDir dir;
  EXPECT_EQ(refusal(write_file(dir / "empty.pdf", "")), "Plik jest pusty.");
}

TEST(Sniff, RefusesProgramsRenamedAsDocuments) {
  TempDir dir;
  const auto elf = dir / "program.pdf";
  std::filesystem::copy_file("/bin/true", elf);
  EXPECT_EQ(refusal(elf), kProgram);
  std::string pe = "MZ";
  pe += std::string(58, '\0') + std::string("\x80\0\0\0", 4) + std::string(64, '\0') +
        std::string("PE\0\0", 4) + std::string(200, '\0');
  EXPECT_EQ(refusal(write_file(dir / "setup.docx", pe)), kProgram);
  EXPECT_EQ(refusal(write_file(dir / "run.pdf", "#!/bin/sh\nrm -rf /\n")), kProgram);
}

TEST(Sniff, RefusesHtmlAndSvg) {
  TempDir dir;
  EXPECT_EQ(refusal(write_file(dir / "page.pdf",
                               "<!DOCTYPE html>\n<html><body><script>alert(1)</script></body>"
                               "</html>\n")),
            "Plik jest stroną WWW (HTML), a nie dokumentem; nie przyjmujemy go.");
  EXPECT_EQ(refusal(write_file(dir / "s.png",
                               "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">"
                               "<script>alert(1)</script></svg>\n")),
            kSvg);
  EXPECT_EQ(refusal(write_file(dir / "plain.png",
                               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
                               "height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n")),
            kSvg);
}

TEST(Sniff, RefusesPdfWithMarkupInItsHead) {
  TempDir dir;
  std::string pdf = one_page_pdf();
  pdf.insert(pdf.find('\n') + 1, "%<html><script>alert(1)</script>\n");
  EXPECT_EQ(refusal(write_file(dir / "poly.pdf", pdf)), kPolyglot);
}

TEST(Sniff, RefusesPdfThatIsAlsoAZip) {
  TempDir dir;
  const auto zip = testing::write_zip(dir / "x.zip", {{"a.txt", "hello"}});
  EXPECT_EQ(refusal(write_file(dir / "poly.pdf", one_page_pdf() + testing::read_file(zip))),
            kPolyglot);
}

TEST(Sniff, RefusesZipWithDataBeforeIt) {
  TempDir dir;
  const auto doc = testing::docx_document("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
  const auto docx = testing::read_file(testing::write_docx(dir / "d.docx", doc));
  // libmagic takes the first for a GIF, the second for a zip (it finds the members).
  EXPECT_EQ(refusal(write_file(dir / "pre.docx", "GIF89a" + docx)), kNotAccepted);
  EXPECT_EQ(refusal(write_file(dir / "pre2.docx", "<html>" + docx)), kPolyglot);
  EXPECT_EQ(refusal(write_file(dir / "pre3.docx", "PK\x01\x02" + docx)), kPolyglot);
}

TEST(Sniff, RefusesZipBombs) {
  TempDir dir;
  // 30 MB of zeros deflate to ~30 KB: a ratio of ~1000.
  const auto bomb = testing::write_zip(dir / "bomb.docx",
                                       {{"[Content_Types].xml", testing::kContentTypesDocx},
                                        {"word/document.xml", testing::docx_document("")},
                                        {"word/media/zeros.bin", std::string(30u << 20, '\0')}});
  EXPECT_EQ(refusal(bomb),
            "Dokument jest podejrzanie silnie skompresowany (możliwa „bomba zip”); nie "
            "przyjmujemy go.");
  UploadLimits small;
  small.max_uncompressed = 1u << 20;
  small.max_ratio = 1e9;
  EXPECT_EQ(refusal(bomb, small), "Dokument po rozpakowaniu byłby zbyt duży (ponad 1 MB).");
  UploadLimits few;
  few.max_members = 2;
  EXPECT_EQ(refusal(bomb, few), "Archiwum dokumentu zawiera zbyt wiele plików (ponad 2).");
}

TEST(Sniff, RefusesMemberNamesLeavingTheFolder) {
  TempDir dir;
  const char* const message =
      "Archiwum dokumentu zawiera plik o niedozwolonej ścieżce (z „..” albo bezwzględnej); nie "
      "przyjmujemy go.";
  for (const char* name :
       {"../../etc/cron.d/x", "word/../../x", "/etc/passwd", "..\\..\\x.bat", "C:/Windows/x.dll"}) {
    const auto docx =
        testing::write_zip(dir / "t.docx", {{"[Content_Types].xml", testing::kContentTypesDocx},
                                            {"word/document.xml", testing::docx_document("")},
                                            {name, "x"}});
    EXPECT_EQ(refusal(docx), message) << name;
  }
}

TEST(Sniff, RefusesZipsThatAreNoDocument) {
  TempDir dir;
  EXPECT_EQ(refusal(testing::write_zip(dir / "a.docx", {{"a.txt", "hello"}})), kIncompleteZip);
  EXPECT_EQ(refusal(testing::write_zip(dir / "b.docx",
                                       {{"[Content_Types].xml", testing::kContentTypesDocx}})),
            kIncompleteZip);
  // libmagic names a presentation for what it is: not an accepted kind.
  EXPECT_EQ(refusal(testing::write_odf(dir / "c.odt",
                                       "application/vnd.oasis.opendocument.presentation", "")),
            kNotAccepted);
  EXPECT_EQ(
      refusal(testing::write_zip(dir / "d.odt", {{"mimetype", mime_type(FileKind::odt), true}})),
      kIncompleteZip);
}

TEST(Sniff, RefusesOtherFiles) {
  TempDir dir;
  EXPECT_EQ(refusal(write_file(dir / "notes.pdf", "Zwykły tekst, nie PDF.\n")), kNotAccepted);
  EXPECT_EQ(refusal(write_file(dir / "anim.gif", "GIF89a\x01\x00\x01\x00\x00\x00\x00;")),
            kNotAccepted);
  EXPECT_EQ(refusal(write_file(dir / "broken.pdf", std::string("PK\x03\x04", 4) + "junk")),
            "Plik nie jest poprawnym archiwum dokumentu (DOCX, ODT, XLSX, ODS).");
}

TEST(Sniff, UnreadablePathIsAnInternalError) {
  auto kind = sniff_file("/nonexistent/bdp/file.pdf", kLimits);
  ASSERT_FALSE(kind);
  EXPECT_EQ(kind.error().kind, ErrorKind::internal);
}

}  // namespace
}  // namespace bdp::extract
