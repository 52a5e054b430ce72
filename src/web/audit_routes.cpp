// The audit log in the back office: a filtered page, newest first, and the same filter as CSV.
#include <charconv>

#include "web/desk.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

constexpr int kPageSize = 50;
constexpr int kCsvBatch = 1000;

struct AuditFilter {
  std::string action;
  std::string entity;
  std::int64_t before = 0;
};

AuditFilter filter_of(const http::Request& request) {
  AuditFilter f{request.param("czynnosc"), request.param("obiekt"), 0};
  const std::string before = request.param("przed");
  std::from_chars(before.data(), before.data() + before.size(), f.before);
  return f;
}

// One CSV field (RFC 4180): quoted when it holds a separator, a quote or a line break; a field
// a spreadsheet would run as a formula (= + - @ at its start) is prefixed with an apostrophe.
std::string csv_field(const std::string& text) {
  std::string out = text;
  if (!out.empty() && std::string_view("=+-@\t\r").find(out.front()) != std::string_view::npos) {
    out.insert(0, 1, '\'');
  }
  if (out.find_first_of(",\"\r\n") == std::string::npos) return out;
  std::string quoted = "\"";
  for (char c : out) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

http::Response page(Site& site, const Visit& visit) {
  auto admission = admit(site, visit, workflow::Action::view_audit);
  if (!admission.desk) return admission.refusal;
  const auto filter = filter_of(visit.request);
  auto entries = site.store.audit_log(filter.action, filter.entity, filter.before, kPageSize);
  if (!entries) return site.error(visit, entries.error());
  AuditPage view{std::move(*entries), filter.action, filter.entity, 0};
  if (static_cast<int>(view.entries.size()) == kPageSize) view.next_before = view.entries.back().id;
  const auto tree = site.sections();
  return desk_page(site, visit, 200,
                   site.views.audit_log(site.view_context(visit, *tree),
                                        desk_menu(*admission.desk, visit.lang), view));
}

http::Response csv(Site& site, const Visit& visit) {
  auto admission = admit(site, visit, workflow::Action::view_audit);
  if (!admission.desk) return admission.refusal;
  auto filter = filter_of(visit.request);
  std::string body = "id,at,actor_id,actor,action,entity,detail\r\n";
  for (;;) {
    auto entries = site.store.audit_log(filter.action, filter.entity, filter.before, kCsvBatch);
    if (!entries) return site.error(visit, entries.error());
    for (const auto& e : *entries) {
      body += std::to_string(e.id) + ',' + std::to_string(e.at) + ',' +
              (e.actor_id ? std::to_string(*e.actor_id) : "") + ',' + csv_field(e.actor) + ',' +
              csv_field(e.action) + ',' + csv_field(e.entity) + ',' + csv_field(e.detail) + "\r\n";
    }
    if (static_cast<int>(entries->size()) < kCsvBatch) break;
    filter.before = entries->back().id;
  }
  http::Response r;
  r.status = 200;
  r.body = std::move(body);
  r.set_header("content-type", "text/csv; charset=utf-8");
  r.set_header("content-disposition", "attachment; filename=\"dziennik-zdarzen.csv\"");
  r.set_header("cache-control", "no-store");
  r.compressible = false;
  return r;
}

}  // namespace

void add_audit_routes(Routes& routes, Site& site) {
  using M = http::Method;
  routes.add(
      M::get, "/redakcja/dziennik",
      Route{RouteKind::page, [&site](const Visit& v, const Params&) { return page(site, v); }});
  routes.add(
      M::get, "/redakcja/dziennik.csv",
      Route{RouteKind::page, [&site](const Visit& v, const Params&) { return csv(site, v); }});
}

}  // namespace bdp::web
