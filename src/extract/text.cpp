#include "extract/text.h"

#include <array>

#include "extract/office_reader.h"
#include "extract/pdf_reader.h"

namespace bdp::extract {
namespace {

struct StatusNames {
  TextStatus status;
  const char* word;
  const char* label;
};

constexpr std::array<StatusNames, 6> kStatuses{{
    {TextStatus::ok, "ok", "Tekst odczytany"},
    {TextStatus::no_text, "no_text", "Brak tekstu (np. skan albo obraz)"},
    {TextStatus::encrypted, "encrypted", "Plik zaszyfrowany hasłem"},
    {TextStatus::timed_out, "timed_out", "Odczyt tekstu trwał zbyt długo"},
    {TextStatus::too_large, "too_large", "Plik lub jego tekst jest zbyt duży"},
    {TextStatus::failed, "failed", "Nie udało się odczytać tekstu"},
}};

const StatusNames& names(TextStatus status) {
  for (const auto& s : kStatuses) {
    if (s.status == status) return s;
  }
  return kStatuses.back();  // unreachable: every enumerator is listed
}

}  // namespace

const char* to_string(TextStatus status) {
  return names(status).word;
}
const char* polish_label(TextStatus status) {
  return names(status).label;
}

std::optional<TextStatus> text_status_from_string(std::string_view word) {
  for (const auto& s : kStatuses) {
    if (word == s.word) return s.status;
  }
  return std::nullopt;
}

Extraction extract_text(const std::filesystem::path& path, FileKind kind,
                        const UploadLimits& limits) {
  switch (kind) {
    case FileKind::pdf:
      return read_pdf(path, limits);
    case FileKind::docx:
    case FileKind::odt:
    case FileKind::xlsx:
    case FileKind::ods:
      return read_office(path, kind, limits);
    case FileKind::png:
    case FileKind::jpeg:
      break;
  }
  return Extraction{TextStatus::no_text, {}, {}};
}

}  // namespace bdp::extract
