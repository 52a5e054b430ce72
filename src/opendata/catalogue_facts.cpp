#include "opendata/catalogue.h"

namespace bdp::opendata {

Result<CatalogueInfo> with_store_facts(CatalogueInfo info, Store& store,
                                       const RecordContext& context) {
  info.base_url = trim_base_url(info.base_url);
  info.practices = 0;
  PublishedQuery query;
  query.limit = 1000;
  for (;;) {
    auto page = store.published_practices(query);
    if (!page) return std::unexpected(page.error());
    for (const auto& p : *page) {
      ++info.practices;
      if (!p.entered_on.empty() && (info.issued.empty() || p.entered_on < info.issued))
        info.issued = p.entered_on;
      const std::string changed = !p.updated_at.empty()  ? p.updated_at
                                  : p.entered_on.empty() ? std::string()
                                                         : p.entered_on + "T00:00:00Z";
      if (changed > info.modified) info.modified = changed;
    }
    if (static_cast<int>(page->size()) < query.limit) break;
    query.after_id = page->back().id;
  }
  info.keywords.clear();
  for (const auto& s : context.sections()) {
    if (!s.parent_id) info.keywords.push_back(s.name);
  }
  return info;
}

}  // namespace bdp::opendata
