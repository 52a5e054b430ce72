#include "opendata/sitemap.h"

#include <algorithm>

#include "opendata/xml_text.h"

namespace bdp::opendata {
namespace {

constexpr const char* kNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

std::string entries(const std::vector<SitemapUrl>& urls, const char* element) {
  std::string xml;
  for (const auto& u : urls) {
    xml += std::string("<") + element + "><loc>" + xml_text(u.loc) + "</loc>";
    if (!u.lastmod.empty()) xml += "<lastmod>" + xml_text(u.lastmod) + "</lastmod>";
    xml += std::string("</") + element + ">\n";
  }
  return xml;
}

std::string lastmod_of(const Practice& p) {
  if (!p.updated_at.empty()) return p.updated_at;
  return p.entered_on;  // a date alone is a W3C datetime too
}

// The later of two W3C datetimes of the forms above ("" is before everything).
void keep_newest(std::string& newest, const std::string& candidate) {
  // Dates and UTC times of one format order as text; a date is its day's midnight.
  if (candidate > newest) newest = candidate;
}

// Splits `urls` of `kind` into parts of at most `max_urls`, adding each file and its index entry.
Status add_parts(const std::string& kind, const std::vector<SitemapUrl>& urls, std::size_t max_urls,
                 const std::string& base, std::map<std::string, std::string>& files,
                 std::vector<SitemapUrl>& index) {
  const std::size_t parts = std::max<std::size_t>(1, (urls.size() + max_urls - 1) / max_urls);
  if (parts > static_cast<std::size_t>(kMaxSitemapParts)) {
    return fail(ErrorKind::invalid_input, "sitemap of " + kind + " needs too many parts");
  }
  for (std::size_t part = 0; part < parts; ++part) {
    const auto first =
        urls.begin() + static_cast<std::ptrdiff_t>(std::min(urls.size(), part * max_urls));
    const auto last =
        urls.begin() + static_cast<std::ptrdiff_t>(std::min(urls.size(), (part + 1) * max_urls));
    const std::vector<SitemapUrl> slice(first, last);
    const std::string name = "sitemap-" + kind + "-" + std::to_string(part + 1) + ".xml";
    std::string newest;
    for (const auto& u : slice) keep_newest(newest, u.lastmod);
    files[name] = sitemap_xml(slice);
    std::string loc = base + '/';
    loc += name;
    index.push_back({std::move(loc), newest});
  }
  return {};
}

}  // namespace

std::string sitemap_xml(const std::vector<SitemapUrl>& urls) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"") + kNamespace +
         "\">\n" + entries(urls, "url") + "</urlset>\n";
}

std::string sitemap_index_xml(const std::vector<SitemapUrl>& sitemaps) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"") +
         kNamespace + "\">\n" + entries(sitemaps, "sitemap") + "</sitemapindex>\n";
}

Result<std::map<std::string, std::string>> sitemap_files(Store& store, const RecordContext& context,
                                                         std::size_t max_urls) {
  const std::string& base = context.base_url();
  std::vector<SitemapUrl> practices;
  std::map<std::int64_t, std::string> unit_newest, section_newest;
  std::string newest;
  PublishedQuery query;
  query.limit = 1000;
  for (;;) {
    auto page = store.published_practices(query);
    if (!page) return std::unexpected(page.error());
    for (const auto& p : *page) {
      const auto lastmod = lastmod_of(p);
      practices.push_back({base + practice_path(p), lastmod});
      keep_newest(unit_newest[p.unit_id], lastmod);
      keep_newest(newest, lastmod);
      for (auto id : p.section_ids) {
        // The section's listing shows it, and so do the listings of the sections above.
        for (const Section* s = context.section(id); s;
             s = s->parent_id ? context.section(*s->parent_id) : nullptr) {
          keep_newest(section_newest[s->id], lastmod);
        }
      }
    }
    if (static_cast<int>(page->size()) < query.limit) break;
    query.after_id = page->back().id;
  }
  std::vector<SitemapUrl> units, sections;
  for (const auto& u : context.units()) {
    auto found = unit_newest.find(u.id);
    if (found != unit_newest.end()) units.push_back({base + unit_path(u), found->second});
  }
  for (const auto& s : context.sections()) {
    auto found = section_newest.find(s.id);
    sections.push_back(
        {base + section_path(s), found == section_newest.end() ? "" : found->second});
  }
  std::vector<SitemapUrl> pages = {{base + "/", newest}};
  for (const char* path :
       {"/mapa", "/publikacje", "/inne-bazy", "/smup", "/deklaracja-dostepnosci"})
    pages.push_back({base + path, ""});

  std::map<std::string, std::string> files;
  std::vector<SitemapUrl> index;
  for (const auto& [kind, urls] :
       {std::pair<std::string, const std::vector<SitemapUrl>&>{"praktyki", practices},
        {"jednostki", units},
        {"dzialy", sections},
        {"strony", pages}}) {
    if (auto added = add_parts(kind, urls, max_urls, base, files, index); !added) {
      return std::unexpected(added.error());
    }
  }
  files["sitemap.xml"] = sitemap_index_xml(index);
  return files;
}

std::string robots_txt(const std::string& base_url) {
  return "User-agent: *\nDisallow: /redakcja\nDisallow: /szukaj\nDisallow: /api/\n\nSitemap: " +
         trim_base_url(base_url) + "/sitemap.xml\n";
}

}  // namespace bdp::opendata
