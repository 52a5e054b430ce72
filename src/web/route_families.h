// The route families of the portal, each in its own file; each adds its routes, declaring
// their kind, over the shared Site (borrowed: it must outlive the routes).
#pragma once

#include <memory>

#include "web/open_data.h"
#include "web/route.h"
#include "web/site.h"

namespace bdp::web {

// Home, sections, practices, units, info pages, language switch, old addresses (public_routes.cpp).
void add_public_routes(Routes& routes, Site& site);
// The document library /publikacje: listing, document pages, files, thumbnails
// (library_routes.cpp).
void add_library_routes(Routes& routes, Site& site);
// The back office's document library /redakcja/dokumenty (document_desk_routes.cpp).
void add_document_desk_routes(Routes& routes, Site& site);
// The search results page (search_routes.cpp).
void add_search_routes(Routes& routes, Site& site);
// Editor login, dashboard, logout (editor_routes.cpp).
void add_editor_routes(Routes& routes, Site& site);
// The back office's review queues and review page with its forms (review_routes.cpp).
void add_review_routes(Routes& routes, Site& site);
// The expert assessment's forms of a practice under review (assessment_routes.cpp).
void add_assessment_routes(Routes& routes, Site& site);
// A practice's revisions: list, comparison, restoring one (revision_routes.cpp).
void add_revision_routes(Routes& routes, Site& site);
// A practice's text in the back office: its form, and a published one's pending revision
// published or discarded (content_routes.cpp).
void add_content_routes(Routes& routes, Site& site);
// Verification of data: the overdue list /redakcja/weryfikacja and the reminders' links
// /potwierdz/ (verification_routes.cpp).
void add_verification_routes(Routes& routes, Site& site);
// The mail outbox /redakcja/poczta and its "send again" (outbox_routes.cpp).
void add_outbox_routes(Routes& routes, Site& site);
// The units' list and forms /redakcja/jednostki: edit, merge (unit_desk_routes.cpp).
void add_unit_desk_routes(Routes& routes, Site& site);
// The section tree's forms /redakcja/dzialy: add, rename, move, reorder
// (section_desk_routes.cpp).
void add_section_desk_routes(Routes& routes, Site& site);
// The portal's branding form /redakcja/wyglad (branding_routes.cpp).
void add_branding_routes(Routes& routes, Site& site);
// The audit log page and its CSV export (audit_routes.cpp).
void add_audit_routes(Routes& routes, Site& site);
// "Inne bazy danych": the public /inne-bazy and the back office's /redakcja/linki
// (link_routes.cpp).
void add_link_routes(Routes& routes, Site& site);
// The account's own password change (account_routes.cpp).
void add_account_routes(Routes& routes, Site& site);
// The public submission form /zglos-praktyke and the private links /zgloszenie/
// (submission_routes.cpp).
void add_submission_routes(Routes& routes, Site& site);
// "Zastosowaliśmy to u nas": the public form of a practice and the editors' list
// /redakcja/zastosowania (adoption_routes.cpp).
void add_adoption_routes(Routes& routes, Site& site);
// "Porównaj praktyki": /porownaj and its buttons' POSTs (compare_routes.cpp).
void add_compare_routes(Routes& routes, Site& site);
// The JSON API under /api/ and the health check (api_routes.cpp).
void add_api_routes(Routes& routes, Site& site);
// The map page /mapa and its GeoJSON under /api/v1/ (map_routes.cpp).
void add_map_routes(Routes& routes, Site& site);
// The open data: the read API under /api/v1/ (practices, units, sections, openapi.json), the
// dumps under /dane/, the sitemap, robots.txt and the Atom feeds (open_data_routes.h).
// `data` builds the files (OpenData, open_data.h).
void add_open_data_routes(Routes& routes, Site& site, const std::shared_ptr<OpenData>& data);
// The files under /static/ (asset_routes.cpp).
void add_asset_routes(Routes& routes, Site& site);

}  // namespace bdp::web
