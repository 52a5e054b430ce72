// Internal to views: how a document's kind and a version's file are named on every page that
// lists them (the library, a document's page, a practice's "Załączniki").
#pragma once

#include <string>

#include "i18n/i18n.h"
#include "model/document.h"

namespace bdp::web {

// "Uchwała" (pl) / "Resolution" (en).
std::string kind_label(i18n::Lang lang, DocumentKind kind);
// "PDF, 1,2 MB".
std::string file_facts(i18n::Lang lang, const DocumentVersion& version);

}  // namespace bdp::web
