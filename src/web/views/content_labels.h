// The label an editor reads for a content field of a practice (model/revision.h), internal to
// the views: the revisions compared, the form of the text, the pending revision's merge.
#pragma once

#include <string>
#include <vector>

#include "i18n/i18n.h"
#include "model/revision.h"

namespace bdp::web {

// "Tytuł", "Osoba kontaktowa 2: e-mail"; a part of the presentation is named by its heading in
// `fields`, else in `fallback`; an unknown key is shown as it is.
std::string content_label(i18n::Lang lang, const std::string& key,
                          const std::vector<ContentField>& fields,
                          const std::vector<ContentField>& fallback);

}  // namespace bdp::web
