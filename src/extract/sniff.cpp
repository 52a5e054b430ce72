// The rules are written out in docs/documents.md ("Upload checks"); keep the two together.
#include "extract/sniff.h"

#include <fmt/format.h>
#include <magic.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <memory>
#include <type_traits>

#include "extract/zip_archive.h"

namespace bdp::extract {
namespace {

constexpr std::size_t kHeadBytes = 1024;
constexpr std::size_t kMagicBytes = 1u << 20;
// An end-of-central-directory record sits in the last 22 bytes plus at most a 64 KiB comment.
constexpr std::size_t kZipTailBytes = 22 + 65535;

const char* const kNotAccepted =
    "Plik nie jest dokumentem PDF, DOCX, ODT, XLSX, ODS, PNG ani JPEG.";
const char* const kPolyglot =
    "Plik wygląda na dokument, ale zawiera też kod strony WWW albo archiwum (plik "
    "wieloznaczny); nie przyjmujemy go.";
const char* const kIncompleteZip =
    "Plik jest archiwum ZIP, ale nie kompletnym dokumentem DOCX, ODT, XLSX ani ODS.";

std::unexpected<Error> refuse(std::string message) {
  return fail(ErrorKind::invalid_input, std::move(message));
}

Result<std::string> read_range(const std::filesystem::path& path, std::uint64_t offset,
                               std::size_t size) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(size, '\0');
  if (in) in.seekg(static_cast<std::streamoff>(offset));
  if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size))) {
    if (!in.eof()) {
      return fail(ErrorKind::internal, fmt::format("cannot read {}", path.string()));
    }
  }
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

Result<std::string> magic_mime_type(const std::filesystem::path& path) {
  struct Close {
    void operator()(std::remove_pointer_t<magic_t>* m) const { magic_close(m); }
  };
  // One handle per call: a magic_t must not be shared between threads.
  std::unique_ptr<std::remove_pointer_t<magic_t>, Close> magic(
      magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR));
  // libmagic parses the untrusted file in this process: bound how much of it it reads.
  const std::size_t bytes_max = kMagicBytes;
  if (!magic || magic_setparam(magic.get(), MAGIC_PARAM_BYTES_MAX, &bytes_max) != 0 ||
      magic_load(magic.get(), nullptr) != 0) {
    return fail(ErrorKind::internal, "libmagic: cannot load its database");
  }
  const char* type = magic_file(magic.get(), path.c_str());
  if (type == nullptr) {
    return fail(ErrorKind::internal,
                fmt::format("libmagic: {}: {}", path.string(), magic_error(magic.get())));
  }
  return std::string(type);
}

bool contains_nocase(std::string_view haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                     [](char a, char b) {
                       return std::tolower(static_cast<unsigned char>(a)) == b;
                     }) != haystack.end();
}

// Markup a browser would run if it ever took the file for a page.
bool contains_markup(std::string_view head) {
  for (const char* tag : {"<html", "<script", "<svg", "<!doctype html", "<body", "<iframe"}) {
    if (contains_nocase(head, tag)) return true;
  }
  return false;
}

bool is_program(std::string_view mime, std::string_view head) {
  if (head.starts_with("\x7f"
                       "ELF") ||
      head.starts_with("MZ") || head.starts_with("#!")) {
    return true;
  }
  for (const char* type : {"application/x-executable", "application/x-pie-executable",
                           "application/x-sharedlib", "application/x-object",
                           "application/x-dosexec", "application/vnd.microsoft.portable-executable",
                           "application/x-mach-binary", "text/x-shellscript"}) {
    if (mime == type) return true;
  }
  return false;
}

bool is_zip_type(std::string_view mime) {
  if (mime == "application/zip" || mime == "application/octet-stream") return true;
  for (FileKind k : {FileKind::docx, FileKind::odt, FileKind::xlsx, FileKind::ods}) {
    if (mime == mime_type(k)) return true;
  }
  return false;
}

// DOCX/XLSX: the package's content types and main part; ODT/ODS: the mimetype member, exactly.
Result<FileKind> zip_kind(const std::filesystem::path& path, const UploadLimits& limits) {
  auto archive = ZipArchive::open(path);
  if (!archive) return std::unexpected(archive.error());
  if (auto checked = archive->check_members(limits); !checked) {
    return std::unexpected(checked.error());
  }
  if (archive->has("mimetype")) {
    auto declared = archive->read_member("mimetype", 200);
    if (!declared || !archive->has("content.xml")) return refuse(kIncompleteZip);
    if (*declared == mime_type(FileKind::odt)) return FileKind::odt;
    if (*declared == mime_type(FileKind::ods)) return FileKind::ods;
    return refuse(kIncompleteZip);
  }
  if (archive->has("[Content_Types].xml")) {
    if (archive->has("word/document.xml")) return FileKind::docx;
    if (archive->has("xl/workbook.xml")) return FileKind::xlsx;
  }
  return refuse(kIncompleteZip);
}

Result<bool> ends_as_zip(const std::filesystem::path& path, std::uint64_t size) {
  const std::size_t tail = static_cast<std::size_t>(std::min<std::uint64_t>(size, kZipTailBytes));
  auto bytes = read_range(path, size - tail, tail);
  if (!bytes) return std::unexpected(bytes.error());
  return bytes->find("PK\x05\x06") != std::string::npos;
}

Result<FileKind> sniff_checked_pdf(const std::filesystem::path& path, std::string_view head,
                                   std::uint64_t size) {
  if (!head.starts_with("%PDF-")) return refuse(kPolyglot);
  auto zip = ends_as_zip(path, size);
  if (!zip) return std::unexpected(zip.error());
  if (*zip) return refuse(kPolyglot);
  return FileKind::pdf;
}

}  // namespace

Result<FileKind> sniff_file(const std::filesystem::path& path, const UploadLimits& limits) {
  std::error_code error;
  const std::uint64_t size = std::filesystem::file_size(path, error);
  if (error) {
    return fail(ErrorKind::internal, fmt::format("{}: {}", path.string(), error.message()));
  }
  if (size == 0) return refuse("Plik jest pusty.");
  auto head = read_range(path, 0, kHeadBytes);
  if (!head) return std::unexpected(head.error());
  auto mime = magic_mime_type(path);
  if (!mime) return std::unexpected(mime.error());

  if (is_program(*mime, *head)) {
    return refuse("Plik jest programem, a nie dokumentem; programów nie przyjmujemy.");
  }
  if (*mime == "image/svg+xml" || contains_nocase(*head, "<svg")) {
    return refuse(
        "Plik jest grafiką SVG, która może zawierać skrypty; prosimy o PNG, JPEG albo PDF.");
  }
  if (*mime == "text/html" || *mime == "application/xhtml+xml") {
    return refuse("Plik jest stroną WWW (HTML), a nie dokumentem; nie przyjmujemy go.");
  }
  if (*mime == "application/pdf" || *mime == "image/png" || *mime == "image/jpeg" ||
      is_zip_type(*mime)) {
    // Every accepted kind starts with its own signature at byte 0, so markup this early can
    // only be a second meaning of the file.
    if (contains_markup(*head)) return refuse(kPolyglot);
  }
  if (*mime == "application/pdf") return sniff_checked_pdf(path, *head, size);
  if (*mime == "image/png") {
    if (!head->starts_with("\x89PNG\r\n\x1a\n")) return refuse(kPolyglot);
    return FileKind::png;
  }
  if (*mime == "image/jpeg") {
    if (!head->starts_with("\xff\xd8\xff")) return refuse(kPolyglot);
    return FileKind::jpeg;
  }
  if (is_zip_type(*mime) && head->starts_with("PK")) {
    // Data before the first member: libzip would still open it, but it is something else too.
    if (!head->starts_with("PK\x03\x04")) return refuse(kPolyglot);
    auto kind = zip_kind(path, limits);
    if (!kind) return kind;
    const bool generic = *mime == "application/zip" || *mime == "application/octet-stream";
    if (!generic && *mime != mime_type(*kind)) return refuse(kIncompleteZip);
    return kind;
  }
  if (is_zip_type(*mime) && *mime != "application/octet-stream") return refuse(kPolyglot);
  return refuse(kNotAccepted);
}

}  // namespace bdp::extract
