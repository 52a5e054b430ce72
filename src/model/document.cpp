#include "model/document.h"

#include <ranges>

namespace bdp {

const char* to_string(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::raport:
      return "raport";
    case DocumentKind::poradnik:
      return "poradnik";
    case DocumentKind::publikacja:
      return "publikacja";
    case DocumentKind::uchwala:
      return "uchwala";
    case DocumentKind::zarzadzenie:
      return "zarzadzenie";
    case DocumentKind::prezentacja:
      return "prezentacja";
    case DocumentKind::inny:
      return "inny";
  }
  return "inny";
}

std::optional<DocumentKind> document_kind_from_string(std::string_view text) {
  for (auto kind : kDocumentKinds) {
    if (text == to_string(kind)) return kind;
  }
  return std::nullopt;
}

const DocumentVersion* current_version(const Document& document) {
  for (const auto& version : document.versions | std::views::reverse) {
    if (!version.withdrawn_at) return &version;
  }
  return nullptr;
}

}  // namespace bdp
