// Throughput of extract_text: a generated 200-page PDF (40 lines of Helvetica text a page) and a
// DOCX of 20 000 paragraphs, each extracted 5 times in-process; prints MB/s of input (the PDF
// file; the DOCX's uncompressed document.xml) and of text out, best of the 5 runs. With the
// path of a built `bdp`, also times extract_isolated (a child process per document).
// Usage: build/bench_extract_throughput [build/bdp]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "../tests/extract/fixtures.h"
#include "extract/isolated.h"
#include "extract/text.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fixtures = bdp::extract::testing;

constexpr int kRuns = 5;

std::string pdf_page(int page) {
  std::string stream = "BT /F1 10 Tf 50 800 Td 12 TL";
  for (int line = 0; line < 40; ++line) {
    stream += " (Strona " + std::to_string(page) + " wiersz " + std::to_string(line) +
              ": sprawozdanie z realizacji programu wspierania rodziny w gminie) '";
  }
  return stream + " ET";
}

struct Run {
  double seconds = 1e9;
  std::size_t text_bytes = 0;
  const char* status = "";
};

template <class Extract>
Run best_of(Extract extract) {
  Run best;
  for (int i = 0; i < kRuns; ++i) {
    const auto start = Clock::now();
    const bdp::extract::Extraction e = extract();
    const double s = std::chrono::duration<double>(Clock::now() - start).count();
    std::size_t bytes = 0;
    for (const auto& p : e.pages) bytes += p.text.size();
    if (s < best.seconds) best = Run{s, bytes, bdp::extract::to_string(e.status)};
  }
  return best;
}

void report(const char* what, std::size_t input_bytes, const Run& r) {
  std::printf("%-34s %8.2f MB in  %8.2f MB text  %8.3f s  %8.1f MB/s in  %8.1f MB/s text  (%s)\n",
              what, input_bytes / 1e6, r.text_bytes / 1e6, r.seconds, input_bytes / 1e6 / r.seconds,
              r.text_bytes / 1e6 / r.seconds, r.status);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace bdp::extract;
  fixtures::TempDir dir;
  std::vector<std::string> pages;
  for (int p = 1; p <= 200; ++p) pages.push_back(pdf_page(p));
  const auto pdf = fixtures::write_file(dir / "report.pdf", fixtures::pdf_bytes(pages));
  std::string body;
  for (int p = 0; p < 20000; ++p) {
    body += "<w:p><w:r><w:t>Akapit " + std::to_string(p) +
            ": uchwała rady gminy w sprawie przyjęcia programu współpracy</w:t></w:r></w:p>";
  }
  const std::string document_xml = fixtures::docx_document(body);
  const auto docx = fixtures::write_docx(dir / "long.docx", document_xml);

  const UploadLimits limits;
  const std::size_t pdf_bytes = fixtures::read_file(pdf).size();
  report("extract_text, PDF 200 pages", pdf_bytes,
         best_of([&] { return extract_text(pdf, FileKind::pdf, limits); }));
  report("extract_text, DOCX 20 000 paras", document_xml.size(),
         best_of([&] { return extract_text(docx, FileKind::docx, limits); }));
  if (argc > 1) {
    const Sandbox sandbox{{argv[1], "extract-text"}};
    report("extract_isolated, PDF 200 pages", pdf_bytes,
           best_of([&] { return extract_isolated(pdf, FileKind::pdf, sandbox); }));
    report("extract_isolated, DOCX", document_xml.size(),
           best_of([&] { return extract_isolated(docx, FileKind::docx, sandbox); }));
  }
  return 0;
}
