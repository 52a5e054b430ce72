#include <array>

#include "extract/sniff.h"

namespace bdp::extract {
namespace {

struct KindNames {
  FileKind kind;
  const char* extension;
  const char* mime;
};

constexpr std::array<KindNames, 7> kKinds{{
    {FileKind::pdf, "pdf", "application/pdf"},
    {FileKind::docx, "docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {FileKind::odt, "odt", "application/vnd.oasis.opendocument.text"},
    {FileKind::xlsx, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {FileKind::ods, "ods", "application/vnd.oasis.opendocument.spreadsheet"},
    {FileKind::png, "png", "image/png"},
    {FileKind::jpeg, "jpeg", "image/jpeg"},
}};

const KindNames& names(FileKind kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k;
  }
  return kKinds[0];  // unreachable: every enumerator is listed
}

}  // namespace

const char* mime_type(FileKind kind) {
  return names(kind).mime;
}
const char* extension(FileKind kind) {
  return names(kind).extension;
}

std::optional<FileKind> file_kind_from_extension(std::string_view word) {
  for (const auto& k : kKinds) {
    if (word == k.extension) return k.kind;
  }
  return std::nullopt;
}

bool shown_inline(FileKind kind) {
  return kind == FileKind::pdf || kind == FileKind::png || kind == FileKind::jpeg;
}

}  // namespace bdp::extract
