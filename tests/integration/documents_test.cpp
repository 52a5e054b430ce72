// The document library end to end, on every engine: an editor uploads a PDF through the back
// office's multipart form (spooled by the server), the text is read by the isolated extractor,
// visitors list and download it (whole, by ranges, with its Polish name), hostile uploads are
// refused with their message and nothing stored, a new version keeps the old one's address, a
// withdrawn version disappears, and a second node serves the same file.
#include <gtest/gtest.h>
#include <sodium.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <thread>

#include "../extract/fixtures.h"
#include "editor_client.h"

namespace bdp::testing {
namespace {

using namespace std::chrono_literals;

std::string sha256_hex(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[2 * sizeof digest + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

constexpr const char* kBoundary = "----bdpTestBoundary7MA4YWxkTrZu0gW";

struct Part {
  std::string name, value;
  std::string file_name = {};  // a file part when set
};

std::string multipart(const std::vector<Part>& parts) {
  std::string body;
  for (const auto& p : parts) {
    body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + p.name +
            "\"";
    if (!p.file_name.empty()) {
      body += "; filename=\"" + p.file_name + "\"\r\nContent-Type: application/octet-stream";
    }
    body += "\r\n\r\n" + p.value + "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

std::string a_pdf() {
  return extract::testing::pdf_bytes(
      {extract::testing::text_stream("Sprawozdanie z budzetu obywatelskiego"),
       extract::testing::text_stream("Tylko na drugiej stronie: hipopotamowy")});
}

class Documents : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = std::make_unique<TestDatabase>(GetParam());
    add_editor(*db, "redaktor@bdp.pl", "Redaktor", kEditorPassword, "editor");
    server = std::make_unique<BdpServer>(*db, std::vector<std::string>{"--no-access-log"});
    auto login = log_in(*server, "redaktor@bdp.pl");
    ASSERT_EQ(login.status, 303) << login.body;
    cookie = session_header(set_cookie_value(login, "bdp_session"));
    auto page = server->get("/redakcja/dokumenty", cookie);
    ASSERT_TRUE(page && page->status == 200) << (page ? page->body : "no answer");
    csrf = csrf_field(page->body);
    ASSERT_FALSE(csrf.empty());
  }
  RawResponse post(const std::string& target, const std::vector<Part>& parts) {
    auto r =
        server->request(post_request(target, multipart(parts), cookie,
                                     std::string("multipart/form-data; boundary=") + kBoundary));
    EXPECT_TRUE(r.has_value()) << target;
    return r.value_or(RawResponse{});
  }
  RawResponse upload_new(const std::string& title, const std::string& file_name,
                         const std::string& bytes) {
    return post("/redakcja/dokumenty", {{"csrf", csrf},
                                        {"tytul", title},
                                        {"rodzaj", "raport"},
                                        {"rok", "2021"},
                                        {"tagi", "budżet, partycypacja"},
                                        {"plik", bytes, file_name}});
  }
  // The id the redirect after a created document names.
  static std::int64_t created_id(const RawResponse& r) {
    const auto location = r.header("location").value_or("");
    const auto at = location.rfind('/');
    return at == std::string::npos ? 0 : std::stoll(location.substr(at + 1));
  }
  // Waits until the document's current version has its text read (the extractor's status).
  std::string text_status_of(std::int64_t id) {
    for (int i = 0; i < 200; ++i) {
      auto page = server->get("/redakcja/dokumenty/" + std::to_string(id), cookie);
      if (page && page->body.find("oczekuje na odczytanie") == std::string::npos) {
        std::smatch m;
        static const std::regex status(R"re(Tekst: ([^\n<]+))re");
        if (std::regex_search(page->body, m, status)) return m[1].str();
      }
      std::this_thread::sleep_for(100ms);
    }
    return "still pending";
  }

  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<BdpServer> server;
  std::string cookie, csrf;
};
INSTANTIATE_TEST_SUITE_P(Engines, Documents, ::testing::ValuesIn(test_engines()));

TEST_P(Documents, AnUploadedPdfIsListedReadAndDownloadedWithItsPolishName) {
  const std::string pdf = a_pdf();
  auto created = upload_new("Raport z ewaluacji", "Sprawozdanie roczne ŁÓDŹ.pdf", pdf);
  ASSERT_EQ(created.status, 303) << created.body;
  const auto id = created_id(created);
  ASSERT_GT(id, 0);
  EXPECT_EQ(text_status_of(id), "Tekst odczytany");

  auto file = server->get("/publikacje/" + std::to_string(id) + "/plik");
  ASSERT_TRUE(file);
  EXPECT_EQ(file->status, 200);
  EXPECT_TRUE(file->body == pdf);
  EXPECT_EQ(file->header("content-type"), "application/pdf");
  EXPECT_EQ(file->header("content-disposition"),
            "inline; filename=\"Sprawozdanie roczne LODZ.pdf\"; "
            "filename*=UTF-8''Sprawozdanie%20roczne%20%C5%81%C3%93D%C5%B9.pdf");
  EXPECT_EQ(file->header("x-content-type-options"), "nosniff");
  EXPECT_EQ(file->header("etag"), "\"" + sha256_hex(pdf) + "\"");
  EXPECT_NE(file->header("content-security-policy").value_or("").find("sandbox"),
            std::string::npos);

  auto listing = server->get("/publikacje");
  ASSERT_TRUE(listing);
  EXPECT_NE(listing->body.find("Raport z ewaluacji"), std::string::npos);
  EXPECT_NE(listing->body.find("PDF, "), std::string::npos);
  auto filtered = server->get("/publikacje?rodzaj=uchwala");
  ASSERT_TRUE(filtered);
  EXPECT_EQ(filtered->body.find("Raport z ewaluacji"), std::string::npos);
  auto by_tag = server->get("/publikacje?tag=partycypacja&rok=2021");
  ASSERT_TRUE(by_tag);
  EXPECT_NE(by_tag->body.find("Raport z ewaluacji"), std::string::npos);
  auto thumbnail = server->get("/publikacje/" + std::to_string(id) + "/miniatura");
  ASSERT_TRUE(thumbnail);
  EXPECT_EQ(thumbnail->status, 200);
  EXPECT_TRUE(thumbnail->body.starts_with("\x89PNG"));
}

TEST_P(Documents, ADownloadByRangesReassemblesToTheSameSha256) {
  std::string big = a_pdf();
  big.insert(big.size() - 6, std::string(700'000, ' '));  // whitespace before %%EOF
  auto created = upload_new("Duży raport", "duzy.pdf", big);
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string path = "/publikacje/" + std::to_string(created_id(created)) + "/plik";
  std::string joined;
  constexpr std::size_t kPiece = 100'000;
  for (std::size_t at = 0; at < big.size(); at += kPiece) {
    const auto last = std::min(at + kPiece, big.size()) - 1;
    auto part = server->get(
        path, "Range: bytes=" + std::to_string(at) + "-" + std::to_string(last) + "\r\n");
    ASSERT_TRUE(part);
    ASSERT_EQ(part->status, 206);
    EXPECT_EQ(part->header("content-range"), "bytes " + std::to_string(at) + "-" +
                                                 std::to_string(last) + "/" +
                                                 std::to_string(big.size()));
    joined += part->body;
  }
  EXPECT_EQ(sha256_hex(joined), sha256_hex(big));
  auto past = server->get(path, "Range: bytes=" + std::to_string(big.size()) + "-\r\n");
  ASSERT_TRUE(past);
  EXPECT_EQ(past->status, 416);
  auto stale = server->get(path, "Range: bytes=0-9\r\nIf-Range: \"another-version\"\r\n");
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 200);
  EXPECT_EQ(stale->body.size(), big.size());
}

TEST_P(Documents, HostileUploadsAreRefusedWithTheirMessageAndNothingIsStored) {
  const std::string elf = std::string(
                              "\x7f"
                              "ELF\x02\x01\x01",
                              7) +
                          std::string(200, '\0');
  std::string polyglot = a_pdf();
  polyglot.insert(polyglot.find('\n') + 1, "%<html><script>alert(1)</script>\n");
  // 30 MB of zeros deflate to ~30 KB: a ratio of ~1000.
  const std::string bomb = extract::testing::read_file(extract::testing::write_zip(
      db->dir() / "bomb.docx", {{"[Content_Types].xml", extract::testing::kContentTypesDocx},
                                {"word/document.xml", extract::testing::docx_document("")},
                                {"word/media/zeros.bin", std::string(30U << 20, '\0')}}));
  const struct {
    std::string name, bytes, message;
  } hostile[] = {
      {"program.pdf", elf, "program"},
      {"strona.pdf", "<!DOCTYPE html><html><script>alert(1)</script></html>", "HTML"},
      {"rysunek.pdf",
       "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)"
       "</script></svg>",
       "SVG"},
      {"pusty.pdf", "", "Wybierz plik"},
      {std::string("zly\x01nazwa.pdf"), a_pdf(), "znaki sterujące"},
      {"../../etc/cron.d/raport.pdf", a_pdf(), "folder powyżej"},
      {"sprawozdanie.pdf", polyglot, "plik wieloznaczny"},
      {"uchwala.docx", bomb, "bomba zip"},
  };
  for (const auto& h : hostile) {
    auto r = upload_new("Wrogi plik", h.name, h.bytes);
    EXPECT_EQ(r.status, 400) << h.name << ": " << r.body.substr(0, 300);
    EXPECT_NE(r.body.find(h.message), std::string::npos) << h.name;
    EXPECT_EQ(r.body.find("<script>alert"), std::string::npos) << h.name;
  }
  auto list = server->get("/redakcja/dokumenty", cookie);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->body.find("Wrogi plik</a>"), std::string::npos);
  auto forged =
      post("/redakcja/dokumenty", {{"csrf", "forged"}, {"tytul", "x"}, {"plik", a_pdf(), "a.pdf"}});
  EXPECT_EQ(forged.status, 403);
}

TEST_P(Documents, ANewVersionKeepsTheAddressAndAWithdrawnOneDisappears) {
  auto created = upload_new("Uchwała", "v1.pdf", a_pdf());
  ASSERT_EQ(created.status, 303) << created.body;
  const auto id = std::to_string(created_id(created));
  const std::string second = extract::testing::pdf_bytes({extract::testing::text_stream("Druga")});
  auto added =
      post("/redakcja/dokumenty/" + id + "/wersje", {{"csrf", csrf}, {"plik", second, "v2.pdf"}});
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_TRUE(server->get("/publikacje/" + id + "/plik")->body == second);
  EXPECT_TRUE(server->get("/publikacje/" + id + "/wersje/1")->body == a_pdf());
  auto withdrawn = post("/redakcja/dokumenty/" + id + "/wersje/2/wycofaj",
                        {{"csrf", csrf}, {"powod", "literówka w tytule"}});
  ASSERT_EQ(withdrawn.status, 303) << withdrawn.body;
  // The page cache follows the change log within a second or so.
  for (int i = 0; i < 50 && server->get("/publikacje/" + id + "/plik")->body != a_pdf(); ++i) {
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_TRUE(server->get("/publikacje/" + id + "/plik")->body == a_pdf());
  EXPECT_EQ(server->get("/publikacje/" + id + "/wersje/2")->status, 404);
  auto log = server->get("/redakcja/dziennik?akcja=document", cookie);
  ASSERT_TRUE(log);
  EXPECT_NE(log->body.find("document:withdraw"), std::string::npos);
}

TEST_P(Documents, AFileUploadedOnOneNodeIsServedByAnother) {
  const std::string pdf = a_pdf();
  auto created = upload_new("Wspólny plik", "wspolny.pdf", pdf);
  ASSERT_EQ(created.status, 303) << created.body;
  BdpServer other(*db, {"--no-access-log"});
  auto file = other.get("/publikacje/" + std::to_string(created_id(created)) + "/plik");
  ASSERT_TRUE(file);
  EXPECT_EQ(file->status, 200);
  EXPECT_EQ(sha256_hex(file->body), sha256_hex(pdf));
}

// The server's peak memory (VmHWM) grows by far less than an upload of the limit's size: the
// body goes to disk as it arrives and is read back in blocks.
TEST_P(Documents, AnUploadOfTheLimitsSizeKeepsPeakMemoryFlat) {
  const auto peak_kib = [&] {
    std::ifstream status("/proc/" + std::to_string(server->pid()) + "/status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.starts_with("VmHWM:")) return std::stoll(line.substr(6));
    }
    return 0LL;
  };
  std::string big = a_pdf();
  big.insert(big.size() - 6, std::string(48u << 20, ' '));
  auto warm = upload_new("Mały", "maly.pdf", a_pdf());
  ASSERT_EQ(warm.status, 303);
  const auto before = peak_kib();
  auto created = upload_new("Pełny rozmiar", "duzy.pdf", big);
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 300);
  const auto growth_mib = (peak_kib() - before) / 1024;
  EXPECT_LT(growth_mib, 16) << "peak RSS grew by " << growth_mib << " MiB for a 48 MiB upload";
}

}  // namespace
}  // namespace bdp::testing
