// The document library's public side: the listing /publikacje, a document's page, its files
// (the current version at a stable address, each version at its own) and thumbnails. Files are
// streamed from the store (file_download.h), each answer from one stored version.
#include <fmt/format.h>

#include "core/slug.h"
#include "web/cache_tags.h"
#include "web/file_download.h"
#include "web/library_listing.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

Error no_page(std::string why) {
  return Error{ErrorKind::not_found, std::move(why)};
}

// A document shown to the public has a current version (a document without one, or whose
// versions are all withdrawn, has no public page).
Result<Document> public_document(Site& site, std::int64_t id) {
  auto doc = site.store.documents().document(id);
  if (!doc) return doc;
  if (!current_version(*doc))
    return std::unexpected(no_page(fmt::format("document {} has no file", id)));
  return doc;
}

Result<Rendered> render_library(Site& site, const Visit& visit, const LibraryFilter& filter) {
  auto docs = site.store.documents().documents();
  if (!docs) return std::unexpected(docs.error());
  const auto listing = list_documents(*docs, filter);
  if (filter.page > 1 && listing.shown.empty()) {
    return std::unexpected(no_page("library page past the end"));
  }
  LibraryPage page{&listing, filter, {}, {}};
  for (const auto& option : listing.units) {
    auto unit = site.store.unit(std::stoll(option.value));
    if (unit) page.unit_names.emplace(unit->id, unit->name);
  }
  for (const Document* d : listing.shown) {
    const auto* v = current_version(*d);
    page.has_thumbnail[v->id] = site.store.documents().thumbnail(v->id).has_value();
  }
  Rendered out;
  out.tags = {kDocumentsTag};
  const auto tree = site.sections();
  out.html = site.views.library(site.view_context(visit, *tree), page);
  return out;
}

Result<Rendered> render_document(Site& site, const Visit& visit, std::int64_t id) {
  auto doc = public_document(site, id);
  if (!doc) return std::unexpected(doc.error());
  DocumentPage page{&*doc, {}, {}};
  for (auto unit_id : doc->unit_ids) {
    auto unit = site.store.unit(unit_id);
    if (unit) page.units.push_back({unit->name, unit_path(*unit)});
  }
  Rendered out;
  out.tags = {document_tag(id)};
  for (auto practice_id : doc->practice_ids) {
    auto practice = site.store.practice(practice_id);
    if (!practice || !has_public_page(practice->status)) continue;
    page.practices.push_back({practice->title, practice_path(*practice)});
    out.tags.push_back(practice_tag(practice_id));
  }
  const auto tree = site.sections();
  out.html = site.views.document(site.view_context(visit, *tree), page);
  out.canonical = document_path(*doc);
  return out;
}

// The file of version `number` (0: the current one) of document `id`, streamed from the store.
http::Response serve_file(Site& site, const Visit& visit, std::int64_t id, int number) {
  auto doc = public_document(site, id);
  if (!doc) return site.error(visit, doc.error());
  const DocumentVersion* chosen = number == 0 ? current_version(*doc) : nullptr;
  for (const auto& v : doc->versions) {
    if (v.number == number && !v.withdrawn_at) chosen = &v;
  }
  if (!chosen) return site.error(visit, no_page(fmt::format("no version {} of {}", number, id)));
  auto response = file_response(visit.request, site.store.documents(), *chosen);
  if (!response) return site.error(visit, response.error());
  return std::move(*response);
}

}  // namespace

void add_library_routes(Routes& routes, Site& site) {
  using M = http::Method;
  routes.add(M::get, "/publikacje",
             {RouteKind::page, [&site](const Visit& v, const Params&) {
                auto filter = library_filter(v.request);
                if (!filter) return site.error(v, filter.error());
                const auto key = fmt::format("/publikacje|{}", v.request.target);
                return site.cached_page(v, key, [&] { return render_library(site, v, *filter); });
              }});
  routes.add(M::get, "/publikacje/{ref}",
             {RouteKind::page, [&site](const Visit& v, const Params& p) {
                const auto id = id_of_reference(p.at("ref"));
                if (!id) return site.error(v, no_page("not a document: " + p.at("ref")));
                auto entry = site.cached(v, fmt::format("/publikacje/{}", *id),
                                         [&] { return render_document(site, v, *id); });
                if (!entry) return site.error(v, entry.error());
                const auto& canonical = PageCache::canonical(**entry);
                if (canonical == "/publikacje/" + p.at("ref")) return site.respond(v, **entry);
                return http::redirect(301, canonical);
              }});
  routes.add(M::get, "/publikacje/{id}/plik",
             {RouteKind::asset, [&site](const Visit& v, const Params& p) {
                const auto id = id_of_reference(p.at("id"));
                if (!id) return site.error(v, no_page("not a document: " + p.at("id")));
                return serve_file(site, v, *id, 0);
              }});
  routes.add(M::get, "/publikacje/{id}/wersje/{number}",
             {RouteKind::asset, [&site](const Visit& v, const Params& p) {
                const auto id = id_of_reference(p.at("id"));
                const auto number = id_of_reference(p.at("number"));
                if (!id || !number || *number > 100000) {
                  return site.error(v, no_page("not a version: " + v.request.path));
                }
                return serve_file(site, v, *id, static_cast<int>(*number));
              }});
  routes.add(M::get, "/publikacje/{id}/miniatura",
             {RouteKind::asset, [&site](const Visit& v, const Params& p) {
                const auto id = id_of_reference(p.at("id"));
                if (!id) return site.error(v, no_page("not a document: " + p.at("id")));
                auto doc = public_document(site, *id);
                if (!doc) return site.error(v, doc.error());
                auto png = site.store.documents().thumbnail(current_version(*doc)->id);
                if (!png) return site.error(v, png.error());
                auto r = http::text_response(200, std::move(*png), "image/png");
                r.compressible = false;
                r.set_header("cache-control", "public, max-age=300");
                r.set_header("x-content-type-options", "nosniff");
                return r;
              }});
}

}  // namespace bdp::web
