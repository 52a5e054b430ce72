// Which uploaded files are accepted: the kind of a file decided by its content (never by its
// name), the checks that refuse hostile files, and the name kept for a download.
// Refusals are Result errors of kind invalid_input whose `message` is Polish text the official
// who uploaded the file can be shown as is (it names no path or library; `public_message` stays
// empty). Everything here is thread-safe (no shared state; libmagic is opened per call).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace bdp::extract {

enum class FileKind { pdf, docx, odt, xlsx, ods, png, jpeg };

// "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", …
const char* mime_type(FileKind kind);
// "pdf", "docx", "odt", "xlsx", "ods", "png", "jpeg": the stored name of the kind, without dot.
const char* extension(FileKind kind);
// The inverse of extension(); nullopt for any other word.
std::optional<FileKind> file_kind_from_extension(std::string_view word);
// True for the kinds a browser may show inline (pdf, png, jpeg); others are downloads.
bool shown_inline(FileKind kind);

// Bounds on what one upload may unpack to (zip-based kinds) and what its text may weigh.
struct UploadLimits {
  std::uint64_t max_members = 2000;               // zip entries
  std::uint64_t max_uncompressed = 200ull << 20;  // sum of the members' sizes, bytes
  double max_ratio = 100;                         // uncompressed / compressed, per member
                                                  // of more than 1 MiB
  std::uint64_t max_text_bytes = 64ull << 20;     // extracted text, all pages together
};

// The kind of the file at `path`, decided by libmagic (MIME type) and a structural check of the
// kind (see docs/documents.md for the rules). Refused (invalid_input, Polish message): an empty
// file, a program (ELF, PE), HTML, SVG, XML, a polyglot (markup in the first 1024 bytes; a PDF
// that ends as a zip; a zip with data before its first member), a zip that is not a complete
// DOCX/ODT/XLSX/ODS, a zip over `limits` (members, total size, ratio) or with a member name
// that leaves its folder (`..`, absolute, drive letter), anything else. An unreadable path is
// an error of kind internal.
Result<FileKind> sniff_file(const std::filesystem::path& path, const UploadLimits& limits);

// The name to keep for a download of a file uploaded as `name`: the part after the last '/' or
// '\' (a browser may send the whole path), trimmed of surrounding spaces. Refused (invalid_input,
// Polish message): invalid UTF-8, control characters (C0, DEL, C1), a ".." segment (path
// traversal), an empty name or ".", more than 200 bytes.
Result<std::string> clean_file_name(std::string_view name);

}  // namespace bdp::extract
