// sniff_file and extract_text are documented thread-safe for different files: four threads
// each sniff and extract their own PDF and DOCX many times and must get what one thread gets.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "extract/sniff.h"
#include "extract/text.h"
#include "fixtures.h"

namespace bdp::extract {
namespace {

TEST(Concurrency, ThreadsSniffAndExtractTheirOwnFiles) {
  testing::TempDir dir;
  const UploadLimits limits;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    const std::string word = "slowo" + std::to_string(t);
    const auto pdf = testing::write_file(dir / (word + ".pdf"),
                                         testing::pdf_bytes({testing::text_stream(word)}));
    const auto docx = testing::write_docx(
        dir / (word + ".docx"),
        testing::docx_document("<w:p><w:r><w:t>" + word + "</w:t></w:r></w:p>"));
    threads.emplace_back([=, &wrong] {
      for (int i = 0; i < 10; ++i) {
        if (sniff_file(pdf, limits) != FileKind::pdf) ++wrong;
        if (sniff_file(docx, limits) != FileKind::docx) ++wrong;
        const Extraction p = extract_text(pdf, FileKind::pdf, limits);
        if (p.status != TextStatus::ok || p.pages.at(0).text.find(word) == std::string::npos) {
          ++wrong;
        }
        const Extraction d = extract_text(docx, FileKind::docx, limits);
        if (d.status != TextStatus::ok || d.pages.at(0).text != word + "\n") ++wrong;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace bdp::extract
