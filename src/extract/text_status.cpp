// The names of TextStatus apart from the readers, so that what only needs the names (the frame
// decoder, its fuzz target) links without poppler and libxml2.
#include <array>

#include "extract/text.h"

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

}  // namespace bdp::extract
