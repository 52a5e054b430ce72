// The text inside an accepted document, page by page, for the search index, and a thumbnail of
// a PDF's first page. In-process: for untrusted files call it through extract_isolated
// (isolated.h), so that a file crashing or exhausting a parser only hurts a child process.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/sniff.h"
#include "model/document.h"

namespace bdp::extract {

enum class TextStatus {
  ok,         // pages hold the text
  no_text,    // a readable document without text (a scan, an image, an empty sheet)
  encrypted,  // a PDF that needs a password
  timed_out,  // the isolated extractor exceeded its CPU or wall-clock limit
  too_large,  // over UploadLimits (text, unpacked size) or the isolated memory limit
  failed,     // damaged or unreadable, or the extractor crashed
};

// "ok", "no_text", "encrypted", "timed_out", "too_large", "failed": stable, stored in databases.
const char* to_string(TextStatus status);
// The inverse of to_string; nullopt for any other word.
std::optional<TextStatus> text_status_from_string(std::string_view word);
// A short Polish label for officials ("Tekst odczytany", "Plik zaszyfrowany", …).
const char* polish_label(TextStatus status);

// PDF: pages 1..N; other kinds: page 0 (the whole document); text valid UTF-8.
using bdp::PageText;

struct Extraction {
  TextStatus status = TextStatus::failed;
  std::vector<PageText> pages;  // only when status is ok: the pages that hold text, in order
  // A PDF's first page rendered with its longest side 300 px, PNG bytes; empty for other kinds
  // or when it could not be rendered (also for an encrypted or damaged PDF).
  std::string thumbnail_png;
};

// Extracts the text of `path`, already sniffed as `kind`. PDF: poppler, per page; DOCX, ODT:
// the paragraphs of word/document.xml / content.xml, one per line; XLSX: the shared strings;
// ODS: the cells' text; PNG, JPEG: no_text. XML is read without network, DTD or entity
// loading (a document with a DOCTYPE fails). Zip members are inflated at most to `limits`
// (too_large beyond). Never throws. Thread-safe for calls on different files.
Extraction extract_text(const std::filesystem::path& path, FileKind kind,
                        const UploadLimits& limits);

}  // namespace bdp::extract
