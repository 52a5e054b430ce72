// The published open-data files, each built per revision by OpenData (never per request):
// /dane/praktyki.csv and /dane/praktyki.jsonl.gz with their .sha256 files and the field
// dictionary /dane/praktyki-slownik.csv; the catalogue for harvesters, DCAT-AP-PL at
// /dane/katalog (RDF/XML; Turtle when the client accepts text/turtle and not RDF/XML; also
// /dane/katalog.rdf and .ttl) and dane.gov.pl's XML /dane/dane-gov-pl.xml with its .md5; the
// sitemap index /sitemap.xml and its parts
// /sitemap-<kind>-<n>.xml; /robots.txt; the Atom feeds under /kanaly/.
#include <tuple>
#include <vector>

#include "opendata/atom.h"
#include "opendata/catalogue.h"
#include "opendata/digest.h"
#include "opendata/dumps.h"
#include "opendata/sitemap.h"
#include "web/cache_tags.h"
#include "web/open_data_routes.h"

namespace bdp::web {
namespace {

constexpr int kFileMaxAge = 300;
constexpr const char* kCsv = "text/csv; charset=utf-8; header=present";

// `name` and its sha256sum line as `name`.sha256.
Status add_with_sha256(OpenDataWriter& out, const std::string& name) {
  auto file = out.finish(name);
  if (!file) return std::unexpected(file.error());
  auto line =
      out.add(name + ".sha256", file->sha256 + "  " + name + "\n", "text/plain; charset=utf-8");
  if (!line) return std::unexpected(line.error());
  return {};
}

Status build_dumps(Store& store, const opendata::RecordContext& context, OpenDataWriter& out) {
  auto& csv = out.open("praktyki.csv", kCsv);
  auto& jsonl = out.open("praktyki.jsonl.gz", "application/gzip");
  if (auto written =
          opendata::write_dumps(store, context, csv, jsonl, [&out] { return out.cancelled(); });
      !written) {
    return std::unexpected(written.error());
  }
  for (const char* name : {"praktyki.csv", "praktyki.jsonl.gz"}) {
    if (auto added = add_with_sha256(out, name); !added) return added;
  }
  auto& dictionary = out.open("praktyki-slownik.csv", kCsv);
  opendata::write_field_dictionary(dictionary);
  return {};
}

// Each text of `texts` as a file of `content_type`.
Status add_texts(OpenDataWriter& out, const std::map<std::string, std::string>& texts,
                 const char* content_type) {
  for (const auto& [name, text] : texts) {
    if (auto added = out.add(name, text, content_type); !added) {
      return std::unexpected(added.error());
    }
  }
  return {};
}

Status build_sitemap(Store& store, const opendata::RecordContext& context, OpenDataWriter& out) {
  auto texts = opendata::sitemap_files(store, context);
  if (!texts) return std::unexpected(texts.error());
  return add_texts(out, *texts, "application/xml");
}

OpenDataBuilder feeds_builder(const SiteConfig& config) {
  return [&config](Store& store, const opendata::RecordContext& context,
                   OpenDataWriter& out) -> Status {
    auto texts = opendata::feed_files(store, context, config.portal_title, config.operator_name);
    if (!texts) return std::unexpected(texts.error());
    return add_texts(out, *texts, "application/atom+xml; charset=utf-8");
  };
}

// The catalogue's facts at the revision of `context`: configuration and the store's.
Result<opendata::CatalogueInfo> catalogue_info(const SiteConfig& config, Store& store,
                                               const opendata::RecordContext& context) {
  opendata::CatalogueInfo info;
  info.base_url = config.base_url;
  info.portal_title = config.portal_title;
  info.publisher = config.operator_name;
  info.contact_email = config.contact_email;
  info.licence_name = config.data_licence_name;
  info.licence_url = config.data_licence_url;
  return opendata::with_store_facts(std::move(info), store, context);
}

OpenDataBuilder catalogue_builder(const SiteConfig& config) {
  return [&config](Store& store, const opendata::RecordContext& context,
                   OpenDataWriter& out) -> Status {
    auto facts = catalogue_info(config, store, context);
    if (!facts) return std::unexpected(facts.error());
    const auto graph = opendata::dcat_graph(*facts);
    const auto xml = opendata::dane_gov_xml(*facts);
    // Renamed into place with the group: the XML and its .md5 appear together.
    const std::vector<std::tuple<const char*, std::string, const char*>> files = {
        {"katalog.rdf", opendata::to_rdf_xml(graph, opendata::dcat_prefixes()),
         "application/rdf+xml"},
        {"katalog.ttl", opendata::to_turtle(graph, opendata::dcat_prefixes()),
         "text/turtle; charset=utf-8"},
        {"dane-gov-pl.xml", xml, "application/xml"},
        {"dane-gov-pl.md5", opendata::md5_hex(xml), "text/plain; charset=utf-8"}};
    for (const auto& [name, text, type] : files) {
      if (auto added = out.add(name, text, type); !added) return std::unexpected(added.error());
    }
    return {};
  };
}

// Turtle for a client that asks for it and not for RDF/XML; RDF/XML, DCAT-AP's own, otherwise.
bool wants_turtle(const http::Request& request) {
  const auto accept = request.header("accept").value_or("");
  return accept.find("text/turtle") != std::string_view::npos &&
         accept.find("application/rdf+xml") == std::string_view::npos;
}

// The file `name` of `group` as the answer to `v`, or the error page.
http::Response file_answer(Site& site, OpenData& data, const Visit& v, const std::string& group,
                           const std::string& name) {
  auto file = data.file(group, name);
  if (!file) return site.error(v, file.error());
  auto r = open_data_response(v.request, *file, kFileMaxAge);
  return r ? std::move(*r) : site.error(v, r.error());
}

// The file of `group` named by the request: `name`, or `prefix` + the path parameter "file"
// when `name` is empty.
Route file_route(Site& site, std::shared_ptr<OpenData> data, std::string group, std::string name,
                 std::string prefix = {}) {
  return {RouteKind::asset,
          [&site, data = std::move(data), group = std::move(group), name = std::move(name),
           prefix = std::move(prefix)](const Visit& v, const Params& p) {
            return file_answer(site, *data, v, group, name.empty() ? prefix + p.at("file") : name);
          }};
}

}  // namespace

void add_open_data_file_routes(Routes& routes, Site& site, const std::shared_ptr<OpenData>& data) {
  using M = http::Method;
  for (const char* name : {"praktyki.csv", "praktyki.csv.sha256", "praktyki.jsonl.gz",
                           "praktyki.jsonl.gz.sha256", "praktyki-slownik.csv"}) {
    routes.add(M::get, std::string("/dane/") + name, file_route(site, data, "dumps", name));
  }
  routes.add(
      M::get, "/dane",
      {RouteKind::page, [&site, data](const Visit& v, const Params&) {
         return site.cached_page(v, "/dane", [&]() -> Result<Rendered> {
           auto context = data->context();
           if (!context) return std::unexpected(context.error());
           auto info = catalogue_info(site.config, site.store, **context);
           if (!info) return std::unexpected(info.error());
           const auto tree = site.sections();
           // Its counts and dates change with any practice, as the home page's do.
           return Rendered{
               200, site.views.open_data(site.view_context(v, *tree), *info), {}, {kHomeTag}};
         });
       }});
  data->add_group("catalogue", catalogue_builder(site.config));
  for (const char* name : {"katalog.rdf", "katalog.ttl", "dane-gov-pl.xml", "dane-gov-pl.md5"}) {
    routes.add(M::get, std::string("/dane/") + name, file_route(site, data, "catalogue", name));
  }
  routes.add(M::get, "/dane/katalog",
             {RouteKind::asset, [&site, data](const Visit& v, const Params&) {
                auto r = file_answer(site, *data, v, "catalogue",
                                     wants_turtle(v.request) ? "katalog.ttl" : "katalog.rdf");
                r.set_header("vary", "Accept");
                return r;
              }});
  data->add_group("sitemap", build_sitemap);
  routes.add(M::get, "/sitemap.xml", file_route(site, data, "sitemap", "sitemap.xml"));
  for (const char* kind : {"praktyki", "jednostki", "dzialy", "strony"}) {
    for (int part = 1; part <= opendata::kMaxSitemapParts; ++part) {
      const auto name = "sitemap-" + std::string(kind) + "-" + std::to_string(part) + ".xml";
      routes.add(M::get, "/" + name, file_route(site, data, "sitemap", name));
    }
  }
  routes.add(M::get, "/robots.txt", {RouteKind::asset, [&site](const Visit&, const Params&) {
                                       return etagged_response(
                                           opendata::robots_txt(site.config.base_url),
                                           "text/plain; charset=utf-8", kFileMaxAge);
                                     }});
  data->add_group("feeds", feeds_builder(site.config));
  routes.add(M::get, "/kanaly/praktyki.atom", file_route(site, data, "feeds", "praktyki.atom"));
  routes.add(M::get, "/kanaly/dzialy/{file}", file_route(site, data, "feeds", "", "dzialy/"));
  routes.add(M::get, "/kanaly/wojewodztwa/{file}",
             file_route(site, data, "feeds", "", "wojewodztwa/"));
  // The largest group last: the others are ready sooner after a start or a change.
  data->add_group("dumps", build_dumps);
}

}  // namespace bdp::web
