#include "model/document.h"

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
  for (auto it = document.versions.rbegin(); it != document.versions.rend(); ++it) {
    if (!it->withdrawn_at) return &*it;
  }
  return nullptr;
}

}  // namespace bdp
