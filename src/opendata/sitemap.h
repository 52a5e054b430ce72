// The sitemap (sitemaps.org protocol 0.9): an index /sitemap.xml naming one file per kind of
// page and part — sitemap-praktyki-1.xml, sitemap-jednostki-1.xml, sitemap-dzialy-1.xml,
// sitemap-strony-1.xml — each of at most max_urls URLs (the protocol allows 50 000), with
// lastmod the time of the published revision (a practice's updated_at, else its entry date; a
// unit's or section's, the newest of its practices). robots.txt names the index. Reads the
// store in pages (memory grows with the text of the files, not with the practices read).
// Thread-safety: as the Store.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "opendata/practice_record.h"
#include "store/store.h"

namespace bdp::opendata {

inline constexpr std::size_t kMaxSitemapUrls = 50000;
inline constexpr int kMaxSitemapParts = 20;  // parts per kind the portal routes: 1 000 000 URLs

struct SitemapUrl {
  std::string loc;      // absolute URL
  std::string lastmod;  // W3C datetime, or "" for none
};

// <urlset> of `urls` (at most kMaxSitemapUrls), and <sitemapindex> of the files at `urls`.
std::string sitemap_xml(const std::vector<SitemapUrl>& urls);
std::string sitemap_index_xml(const std::vector<SitemapUrl>& sitemaps);

// Every sitemap file by name: "sitemap.xml" and its parts. Errors: the store's; invalid_input
// when a kind needs more than kMaxSitemapParts parts.
Result<std::map<std::string, std::string>> sitemap_files(Store& store, const RecordContext& context,
                                                         std::size_t max_urls = kMaxSitemapUrls);

// robots.txt: every page may be crawled except the editors' desk and search results (endless
// combinations of filters); names the sitemap index.
std::string robots_txt(const std::string& base_url);

}  // namespace bdp::opendata
