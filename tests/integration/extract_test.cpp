// extract_isolated through the real `bdp extract-text` child, and through stand-in children
// that loop, sleep, crash, flood or lie, each judged within its limits.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>

#include "../extract/fixtures.h"
#include "bdp_process.h"
#include "extract/isolated.h"
#include "library/text_worker.h"
#include "store/byte_sources.h"
#include "store/store.h"

namespace bdp::extract {
namespace {

using Clock = std::chrono::steady_clock;
using testing::TempDir;

Sandbox bdp_child() {
  return Sandbox{{BDP_BINARY, "extract-text"}};
}

Sandbox shell(const std::string& script, int cpu_seconds = 20, int wall_seconds = 30) {
  Sandbox s{{"/bin/sh", "-c", script, "sh"}};
  s.cpu_seconds = cpu_seconds;
  s.wall_seconds = wall_seconds;
  return s;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

TEST(ExtractIsolated, PdfTextComesBackThroughTheChild) {
  TempDir dir;
  const auto pdf = testing::write_file(
      dir / "a.pdf", testing::pdf_bytes({testing::text_stream("Strona pierwsza"),
                                         testing::text_stream("Kr\\363lewska druga")}));
  const Extraction e = extract_isolated(pdf, FileKind::pdf, bdp_child());
  ASSERT_EQ(e.status, TextStatus::ok);
  ASSERT_EQ(e.pages.size(), 2u);
  EXPECT_EQ(e.pages[1].page, 2);
  EXPECT_NE(e.pages[1].text.find("Królewska druga"), std::string::npos) << e.pages[1].text;
  EXPECT_EQ(e.thumbnail_png.substr(1, 3), "PNG");
  // The same as in-process, byte for byte.
  const Extraction direct = extract_text(pdf, FileKind::pdf, UploadLimits{});
  EXPECT_EQ(e.pages[0].text, direct.pages[0].text);
  EXPECT_EQ(e.thumbnail_png, direct.thumbnail_png);
}

TEST(ExtractIsolated, DocxAndStatusesComeBackThroughTheChild) {
  TempDir dir;
  const auto docx = testing::write_docx(
      dir / "a.docx", testing::docx_document("<w:p><w:r><w:t>Uchwała</w:t></w:r></w:p>"));
  const Extraction e = extract_isolated(docx, FileKind::docx, bdp_child());
  ASSERT_EQ(e.status, TextStatus::ok);
  EXPECT_EQ(e.pages.at(0).text, "Uchwała\n");
  const auto scan = testing::write_file(dir / "s.pdf", testing::pdf_bytes({""}));
  EXPECT_EQ(extract_isolated(scan, FileKind::pdf, bdp_child()).status, TextStatus::no_text);
  const auto broken = testing::write_file(dir / "b.pdf", "%PDF-1.4\nnothing");
  EXPECT_EQ(extract_isolated(broken, FileKind::pdf, bdp_child()).status, TextStatus::failed);
}

TEST(ExtractIsolated, CpuLoopIsStoppedByTheCpuLimit) {
  const auto start = Clock::now();
  const Extraction e =
      extract_isolated("/dev/null", FileKind::pdf, shell("while :; do :; done", 1, 20));
  EXPECT_EQ(e.status, TextStatus::timed_out);
  EXPECT_LT(seconds_since(start), 5);
}

TEST(ExtractIsolated, SleepingChildIsKilledAtTheWallClockLimit) {
  const auto start = Clock::now();
  const Extraction e = extract_isolated("/dev/null", FileKind::pdf, shell("sleep 30", 20, 1));
  EXPECT_EQ(e.status, TextStatus::timed_out);
  EXPECT_LT(seconds_since(start), 3);
  // A child that closes its stdout but stays: killed at the limit too.
  const auto later = Clock::now();
  EXPECT_EQ(extract_isolated("/dev/null", FileKind::pdf, shell("exec >&-; sleep 30", 20, 1)).status,
            TextStatus::timed_out);
  EXPECT_LT(seconds_since(later), 3);
}

TEST(ExtractIsolated, CrashIsFailed) {
  EXPECT_EQ(extract_isolated("/dev/null", FileKind::pdf, shell("kill -SEGV $$")).status,
            TextStatus::failed);
  EXPECT_EQ(extract_isolated("/dev/null", FileKind::pdf, shell("exit 1")).status,
            TextStatus::failed);
  EXPECT_EQ(extract_isolated("/dev/null", FileKind::pdf, shell("echo hello")).status,
            TextStatus::failed);
  EXPECT_EQ(
      extract_isolated("/dev/null", FileKind::pdf, Sandbox{{"/nonexistent/extractor"}}).status,
      TextStatus::failed);
  EXPECT_EQ(extract_isolated("/dev/null", FileKind::pdf, Sandbox{}).status, TextStatus::failed);
}

TEST(ExtractIsolated, OutOfMemoryAndFloodsAreTooLarge) {
  EXPECT_EQ(extract_isolated("/dev/null", FileKind::pdf, shell("exit 3")).status,
            TextStatus::too_large);
  const auto start = Clock::now();
  EXPECT_EQ(extract_isolated("/dev/null", FileKind::pdf, shell("exec cat /dev/zero")).status,
            TextStatus::too_large);
  EXPECT_LT(seconds_since(start), 10);
}

// The child's address-space limit, not the text limit, is what stops this one: the smallest
// limit `bdp` starts under is found first (it depends on the machine's libraries), then a DOCX
// of 12 MB of text (under max_text_bytes) needs more than 16 MiB above it.
TEST(ExtractIsolated, MemoryLimitGivesTooLarge) {
  TempDir dir;
  const auto small = testing::write_docx(
      dir / "small.docx", testing::docx_document("<w:p><w:r><w:t>a</w:t></w:r></w:p>"));
  Sandbox sandbox = bdp_child();
  std::uint64_t floor = 0;
  for (std::uint64_t mib = 32; mib <= 1024; mib += 8) {
    sandbox.memory_bytes = mib << 20;
    if (extract_isolated(small, FileKind::docx, sandbox).status == TextStatus::ok) {
      floor = sandbox.memory_bytes;
      break;
    }
  }
  ASSERT_GT(floor, 0u);
  std::string body;
  for (int i = 0; i < 400000; ++i) {
    body += "<w:p><w:r><w:t>akapit " + std::to_string(i) + " tekstu dlugiego</w:t></w:r></w:p>";
  }
  const auto big = testing::write_docx(dir / "big.docx", testing::docx_document(body));
  sandbox.memory_bytes = floor + (16ull << 20);
  EXPECT_EQ(extract_isolated(big, FileKind::docx, sandbox).status, TextStatus::too_large);
  sandbox.memory_bytes = 1ull << 30;
  const Extraction e = extract_isolated(big, FileKind::docx, sandbox);
  ASSERT_EQ(e.status, TextStatus::ok);
  EXPECT_GT(e.pages.at(0).text.size(), 10u << 20);
}

TEST(ExtractIsolated, ChildRunsUnderItsLimitsWithoutOurDescriptors) {
  const int inherited = ::open("/dev/null", O_RDONLY);  // no O_CLOEXEC: only close_range helps
  ASSERT_GE(inherited, 3);
  const std::string script =
      "[ -e /proc/self/fd/" + std::to_string(inherited) +
      " ] && fd=open || fd=closed; t=\"$(ulimit -t) $(ulimit -v) $(ulimit -f) $(ulimit -c) "
      "$fd $1 $2\"; printf 'BDPX1 ok 1 0\\n0 %d\\n%s\\nEND\\n' ${#t} \"$t\"";
  Sandbox s = shell(script, 7);
  s.memory_bytes = 512ull << 20;
  const Extraction e = extract_isolated("/some/file.ods", FileKind::ods, s);
  ::close(inherited);
  ASSERT_EQ(e.status, TextStatus::ok);
  ASSERT_EQ(e.pages.size(), 1u);
  EXPECT_EQ(e.pages[0].text, "7 524288 0 0 closed ods /some/file.ods");
}

TEST(ExtractIsolated, ChildCommandRefusesWrongArguments) {
  const auto [code, output] = bdp::testing::run_bdp({"extract-text", "exe", "/dev/null"},
                                                    std::filesystem::temp_directory_path());
  EXPECT_EQ(code, 2);
  EXPECT_NE(output.find("usage: extract-text"), std::string::npos) << output;
}

// What the text worker records when the extractor is killed at its wall-clock limit: the
// version's status, with the document still listed and its file still served.
TEST(TextWorker, AnExtractorKilledAtItsLimitLeavesTheDocumentListedWithItsStatus) {
  TempDir dir;
  auto store = open_store("sqlite:" + (dir / "bdp.db").string());
  ASSERT_TRUE(store) << store.error().message;
  ASSERT_TRUE((*store)->migrate());
  DocumentStore& documents = (*store)->documents();
  const AuditEntry audit{0, 1'800'000'000, std::nullopt, "cli", "document:create", "", ""};
  Document d;
  d.title = "Raport, którego tekstu nie da się odczytać";
  auto id = documents.save_document(d, audit);
  ASSERT_TRUE(id) << id.error().message;
  const auto pdf = testing::write_file(dir / "r.pdf", testing::pdf_bytes({"BT ET"}));
  FileByteSource source(pdf);
  ASSERT_TRUE(documents.add_version({*id, "r.pdf", "pdf", 1'800'000'000, "cli"}, source, audit));

  const auto start = Clock::now();
  auto recorded = library::extract_pending(documents, shell("sleep 30", 20, 1), dir / "scratch");
  ASSERT_TRUE(recorded) << recorded.error().message;
  EXPECT_EQ(*recorded, 1);
  EXPECT_LT(seconds_since(start), 5);
  auto listed = documents.documents();
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1U);
  const DocumentVersion* current = current_version(listed->front());
  ASSERT_NE(current, nullptr) << "the document keeps its file";
  EXPECT_EQ(current->text_status, "timed_out");
  EXPECT_TRUE(documents.pending_text(10)->empty()) << "not tried again and again";
  EXPECT_EQ(documents.file_bytes(current->sha256, 0, 5).value_or(""), "%PDF-");
}

}  // namespace
}  // namespace bdp::extract
