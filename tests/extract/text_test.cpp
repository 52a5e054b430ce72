// extract_text on documents built by fixtures.h: page numbers of PDF text, thumbnails, scans,
// encrypted and damaged files, office paragraphs, XXE, and the text and inflation bounds.
#include "extract/text.h"

#include <gtest/gtest.h>

#include "extract/png_encoder.h"
#include "extract/zip_archive.h"
#include "fixtures.h"
#include "pdf_encryption.h"

namespace bdp::extract {
namespace {

using testing::TempDir;
using testing::write_file;

const UploadLimits kLimits;

std::uint32_t png_u32(const std::string& png, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
  return v;
}

std::string all_text(const Extraction& e) {
  std::string out;
  for (const auto& p : e.pages) out += p.text;
  return out;
}

TEST(TextStatus, StableWordsAndPolishLabels) {
  for (auto s : {TextStatus::ok, TextStatus::no_text, TextStatus::encrypted, TextStatus::timed_out,
                 TextStatus::too_large, TextStatus::failed}) {
    EXPECT_EQ(text_status_from_string(to_string(s)), s);
    EXPECT_GT(std::string(polish_label(s)).size(), 5u);
  }
  EXPECT_STREQ(to_string(TextStatus::no_text), "no_text");
  EXPECT_STREQ(to_string(TextStatus::timed_out), "timed_out");
  EXPECT_STREQ(polish_label(TextStatus::encrypted), "Plik zaszyfrowany hasłem");
  EXPECT_EQ(text_status_from_string("OK"), std::nullopt);
}

TEST(PdfText, WordOnlyOnPageTwoComesWithPageTwo) {
  TempDir dir;
  const auto pdf =
      write_file(dir / "a.pdf", testing::pdf_bytes({testing::text_stream("Sprawozdanie roczne"),
                                                    testing::text_stream("Kr\\363lewski budzet")}));
  const Extraction e = extract_text(pdf, FileKind::pdf, kLimits);
  ASSERT_EQ(e.status, TextStatus::ok);
  ASSERT_EQ(e.pages.size(), 2u);
  EXPECT_EQ(e.pages[0].page, 1);
  EXPECT_NE(e.pages[0].text.find("Sprawozdanie roczne"), std::string::npos) << e.pages[0].text;
  EXPECT_EQ(e.pages[0].text.find("budzet"), std::string::npos);
  EXPECT_EQ(e.pages[1].page, 2);
  EXPECT_NE(e.pages[1].text.find("Królewski budzet"), std::string::npos) << e.pages[1].text;
}

TEST(PdfText, ThumbnailIsAPngOfThePageScaledTo300Pixels) {
  TempDir dir;
  const auto pdf = write_file(dir / "a.pdf", testing::pdf_bytes({testing::text_stream("Okladka")}));
  const Extraction e = extract_text(pdf, FileKind::pdf, kLimits);
  ASSERT_GT(e.thumbnail_png.size(), 33u);
  EXPECT_EQ(e.thumbnail_png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(e.thumbnail_png.substr(12, 4), "IHDR");
  const auto width = png_u32(e.thumbnail_png, 16), height = png_u32(e.thumbnail_png, 20);
  EXPECT_EQ(height, 300u);  // A4 portrait: the height is the longest side
  EXPECT_NEAR(width, 300.0 * 595 / 842, 2);
}

TEST(PdfText, PageWithoutTextIsNoText) {
  TempDir dir;
  // A drawn rectangle: what a scan without OCR looks like to a text extractor.
  const auto pdf =
      write_file(dir / "scan.pdf", testing::pdf_bytes({"0 0 1 rg 100 100 300 300 re f", ""}));
  const Extraction e = extract_text(pdf, FileKind::pdf, kLimits);
  EXPECT_EQ(e.status, TextStatus::no_text);
  EXPECT_TRUE(e.pages.empty());
  EXPECT_FALSE(e.thumbnail_png.empty());
}

TEST(PdfEncryptionFixture, Md5IsRfc1321) {
  EXPECT_EQ(testing::hex(testing::md5("")), "D41D8CD98F00B204E9800998ECF8427E");
  EXPECT_EQ(testing::hex(testing::md5("abc")), "900150983CD24FB0D6963F7D28E17F72");
  EXPECT_EQ(testing::hex(testing::md5(std::string(100, 'a'))), "36A92CC94A9E0FA21F625F8BFB007ADF");
}

// A PDF encrypted with the Standard security handler (RC4, 40 bits, revision 2), by hand.
std::string encrypted_pdf(const std::string& user_password, const std::string& text) {
  const std::string id = "0123456789abcdef";
  const std::int32_t permissions = -44;  // printing and copying refused
  const auto e = testing::pdf_encryption(user_password, "wlasciciel", permissions, id);
  const std::string encrypt = "<< /Filter /Standard /V 1 /R 2 /O <" + testing::hex(e.owner_entry) +
                              "> /U <" + testing::hex(e.user_entry) + "> /P " +
                              std::to_string(permissions) + " >>";
  return testing::pdf_bytes(
      {testing::text_stream(text)},
      "/Encrypt 6 0 R /ID [<" + testing::hex(id) + "> <" + testing::hex(id) + ">] ", {encrypt},
      [&](int object, const std::string& data) {
        return testing::rc4(testing::pdf_object_key(e, object), data);
      });
}

TEST(PdfText, PasswordProtectedPdfIsEncrypted) {
  TempDir dir;
  const auto pdf = write_file(dir / "secret.pdf", encrypted_pdf("tajne", "Tajne dane"));
  const Extraction e = extract_text(pdf, FileKind::pdf, kLimits);
  EXPECT_EQ(e.status, TextStatus::encrypted);
  EXPECT_TRUE(e.pages.empty());
  EXPECT_TRUE(e.thumbnail_png.empty());
}

// Many official PDFs are encrypted only to restrict printing or copying: an empty user
// password opens them, and their text is read like any other.
TEST(PdfText, PdfWithOnlyAnOwnerPasswordIsRead) {
  TempDir dir;
  const auto pdf = write_file(dir / "restricted.pdf", encrypted_pdf("", "Jawne dane"));
  EXPECT_EQ(testing::read_file(pdf).find("Jawne"), std::string::npos);  // really encrypted
  const Extraction e = extract_text(pdf, FileKind::pdf, kLimits);
  ASSERT_EQ(e.status, TextStatus::ok);
  EXPECT_NE(e.pages.at(0).text.find("Jawne dane"), std::string::npos) << e.pages.at(0).text;
}

TEST(PdfText, DamagedPdfFails) {
  TempDir dir;
  const auto pdf = write_file(dir / "broken.pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Cat");
  EXPECT_EQ(extract_text(pdf, FileKind::pdf, kLimits).status, TextStatus::failed);
}

TEST(PdfText, TextOverTheLimitIsTooLarge) {
  TempDir dir;
  const auto pdf =
      write_file(dir / "a.pdf",
                 testing::pdf_bytes({testing::text_stream("abc"), testing::text_stream("def")}));
  UploadLimits limits;
  limits.max_text_bytes = 4;
  EXPECT_EQ(extract_text(pdf, FileKind::pdf, limits).status, TextStatus::too_large);
}

TEST(OfficeText, DocxParagraphsOnePerLine) {
  TempDir dir;
  const auto docx = testing::write_docx(
      dir / "u.docx",
      testing::docx_document(
          "<w:p><w:r><w:t>Uchwała nr 12</w:t></w:r></w:p>"
          "<w:p><w:r><w:t xml:space=\"preserve\">Rada </w:t></w:r><w:r><w:t>Gminy</w:t></w:r>"
          "<w:r><w:tab/><w:t>Żółć</w:t></w:r></w:p>"
          "<w:p><w:r><w:instrText>PAGE \\* MERGEFORMAT</w:instrText></w:r></w:p>"
          "<w:p/><w:p><w:r><w:t>koniec</w:t><w:br/><w:t>&amp; dopisek</w:t></w:r></w:p>"),
      false);
  const Extraction e = extract_text(docx, FileKind::docx, kLimits);
  ASSERT_EQ(e.status, TextStatus::ok);
  ASSERT_EQ(e.pages.size(), 1u);
  EXPECT_EQ(e.pages[0].page, 0);
  EXPECT_EQ(e.pages[0].text, "Uchwała nr 12\nRada Gminy\tŻółć\n\n\nkoniec\n& dopisek\n");
}

TEST(OfficeText, OdtAndOdsParagraphsAndCells) {
  TempDir dir;
  const auto odt = testing::write_odf(
      dir / "a.odt", mime_type(FileKind::odt),
      "<office:text>\n      <text:h>Zarządzenie</text:h>\n      <text:p>Wójt<text:s/>gminy "
      "<text:span>postanawia</text:span></text:p>\n    </office:text>");
  const Extraction t = extract_text(odt, FileKind::odt, kLimits);
  ASSERT_EQ(t.status, TextStatus::ok);
  EXPECT_EQ(all_text(t), "Zarządzenie\nWójt gminy postanawia\n");

  const auto ods =
      testing::write_odf(dir / "a.ods", mime_type(FileKind::ods),
                         "<office:spreadsheet><table:table table:name=\"A\"><table:table-row>"
                         "<table:table-cell><text:p>Budżet</text:p></table:table-cell>"
                         "<table:table-cell><text:p>1200</text:p></table:table-cell>"
                         "</table:table-row></table:table></office:spreadsheet>");
  const Extraction s = extract_text(ods, FileKind::ods, kLimits);
  ASSERT_EQ(s.status, TextStatus::ok);
  EXPECT_EQ(all_text(s), "Budżet\n1200\n");
}

TEST(OfficeText, XlsxSharedStrings) {
  TempDir dir;
  const auto xlsx = testing::write_xlsx(
      dir / "a.xlsx",
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2"><si><t>Wydatki bieżące</t></si><si><r><t>Oświata</t></r><r><t xml:space="preserve"> i sport</t></r></si></sst>)");
  const Extraction e = extract_text(xlsx, FileKind::xlsx, kLimits);
  ASSERT_EQ(e.status, TextStatus::ok);
  EXPECT_EQ(all_text(e), "Wydatki bieżące\nOświata i sport\n");
  const auto numbers = testing::write_xlsx(dir / "n.xlsx", "");
  EXPECT_EQ(extract_text(numbers, FileKind::xlsx, kLimits).status, TextStatus::no_text);
}

TEST(OfficeText, EmptyDocumentIsNoText) {
  TempDir dir;
  const auto docx = testing::write_docx(dir / "e.docx", testing::docx_document("<w:p/>"));
  EXPECT_EQ(extract_text(docx, FileKind::docx, kLimits).status, TextStatus::no_text);
}

TEST(OfficeText, ExternalEntitiesAreNeverRead) {
  TempDir dir;
  const auto secret = write_file(dir / "secret.txt", "TAJNE-HASLO-ROOT\n");
  for (const std::string& url : {std::string("file:///etc/passwd"), "file://" + secret.string(),
                                 std::string("http://127.0.0.1:1/x")}) {
    const auto docx = testing::write_docx(
        dir / "xxe.docx",
        testing::docx_document("<w:p><w:r><w:t>przed &xxe; po</w:t></w:r></w:p>",
                               "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + url + "\">]>"));
    const Extraction e = extract_text(docx, FileKind::docx, kLimits);
    EXPECT_EQ(e.status, TextStatus::failed) << url;
    const std::string text = all_text(e);
    EXPECT_EQ(text.find("root:"), std::string::npos);
    EXPECT_EQ(text.find("TAJNE"), std::string::npos);
  }
  // A parameter entity pulling in an external DTD: refused the same way.
  const auto dtd = testing::write_docx(
      dir / "dtd.docx",
      testing::docx_document("<w:p><w:r><w:t>x</w:t></w:r></w:p>",
                             "<!DOCTYPE w:document [<!ENTITY % ext SYSTEM \"file://" +
                                 secret.string() + "\"> %ext;]>"));
  EXPECT_EQ(extract_text(dtd, FileKind::docx, kLimits).status, TextStatus::failed);
}

TEST(OfficeText, TextOverTheLimitIsTooLarge) {
  TempDir dir;
  std::string body;
  for (int i = 0; i < 1000; ++i) body += "<w:p><w:r><w:t>akapit tekstu</w:t></w:r></w:p>";
  const auto docx = testing::write_docx(dir / "big.docx", testing::docx_document(body));
  UploadLimits limits;
  limits.max_text_bytes = 1000;
  EXPECT_EQ(extract_text(docx, FileKind::docx, limits).status, TextStatus::too_large);
  limits.max_uncompressed = 10000;  // the archive's declared size is over it
  EXPECT_EQ(extract_text(docx, FileKind::docx, limits).status, TextStatus::too_large);
}

TEST(ZipArchiveReads, NeverInflateMoreThanAsked) {
  TempDir dir;
  const auto zip = testing::write_zip(dir / "z.zip", {{"zeros", std::string(1u << 20, '\0')}});
  auto archive = ZipArchive::open(zip);
  ASSERT_TRUE(archive);
  auto whole = archive->read_member("zeros", 1u << 20);
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->size(), 1u << 20);
  auto bounded = archive->read_member("zeros", 1000);
  ASSERT_FALSE(bounded);
  EXPECT_EQ(bounded.error().kind, ErrorKind::invalid_input);
  auto reader = archive->open_member("zeros", 1000);
  ASSERT_TRUE(reader);
  char buffer[4096];
  EXPECT_EQ(reader->read(buffer, sizeof buffer), -1);
  EXPECT_TRUE(reader->over_limit());
  EXPECT_EQ(archive->read_member("absent", 10).error().kind, ErrorKind::not_found);
}

// Writes `size` as the uncompressed size of every member, in the local headers and the central
// directory: an archive that lies about what it unpacks to.
std::string with_declared_size(std::string zip, std::uint32_t size) {
  const auto put = [&](std::size_t at) {
    for (int i = 0; i < 4; ++i) zip[at + i] = static_cast<char>((size >> (8 * i)) & 0xFF);
  };
  for (std::size_t at = zip.find("PK\x03\x04"); at != std::string::npos;
       at = zip.find("PK\x03\x04", at + 4)) {
    put(at + 22);
  }
  for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos;
       at = zip.find("PK\x01\x02", at + 4)) {
    put(at + 24);
  }
  return zip;
}

TEST(OfficeText, ArchiveLyingAboutItsSizeIsNeverInflatedPastTheLimit) {
  TempDir dir;
  std::string body;
  for (int i = 0; i < 20000; ++i) body += "<w:p><w:r><w:t>akapit tekstu</w:t></w:r></w:p>";
  const auto honest = testing::write_docx(dir / "honest.docx", testing::docx_document(body));
  const auto liar =
      write_file(dir / "liar.docx", with_declared_size(testing::read_file(honest), 100));
  UploadLimits limits;
  limits.max_uncompressed = 100000;  // the real document.xml is ~1 MB, the declared 100 bytes
  const Extraction e = extract_text(liar, FileKind::docx, limits);
  EXPECT_TRUE(e.status == TextStatus::failed || e.status == TextStatus::too_large)
      << to_string(e.status);
  EXPECT_LE(all_text(e).size(), limits.max_uncompressed);
}

TEST(OfficeText, DamagedArchivesFail) {
  TempDir dir;
  const auto docx = testing::write_docx(
      dir / "a.docx", testing::docx_document("<w:p><w:r><w:t>tekst</w:t></w:r></w:p>"));
  const std::string bytes = testing::read_file(docx);
  for (std::size_t cut : {bytes.size() / 2, bytes.size() - 10, std::size_t{30}}) {
    const auto cut_file = write_file(dir / "cut.docx", bytes.substr(0, cut));
    EXPECT_EQ(extract_text(cut_file, FileKind::docx, kLimits).status, TextStatus::failed) << cut;
  }
  // Not XML at all inside.
  const auto junk = testing::write_docx(dir / "j.docx", "\x01\x02 nie <xml");
  EXPECT_EQ(extract_text(junk, FileKind::docx, kLimits).status, TextStatus::failed);
}

TEST(ImageText, ImagesHaveNoText) {
  TempDir dir;
  const auto png = write_file(dir / "a.png", encode_png(std::string(12, '\0'), 2, 2));
  const Extraction e = extract_text(png, FileKind::png, kLimits);
  EXPECT_EQ(e.status, TextStatus::no_text);
  EXPECT_TRUE(e.thumbnail_png.empty());
}

}  // namespace
}  // namespace bdp::extract
