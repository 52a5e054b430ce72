// The back office's units: /redakcja/jednostki lists them (a part of the name filters), each
// unit's page edits its data and merges it, as a duplicate, into another. Each change and its
// audit entry are one transaction; a refused form comes back with what was typed.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "core/slug.h"
#include "core/text.h"
#include "web/desk.h"
#include "web/route_families.h"
#include "web/unit_form.h"

namespace bdp::web {
namespace {

using workflow::Action;

constexpr std::size_t kListed = 200;  // units listed at most; the filter narrows the rest

std::string entity_of(std::int64_t id) {
  return fmt::format("unit:{}", id);
}

std::string desk_path(std::int64_t id) {
  return fmt::format("/redakcja/jednostki/{}", id);
}

Result<std::int64_t> unit_id_of(const Params& params) {
  const auto id = id_of_reference(params.at("id"));
  if (!id || params.at("id") != std::to_string(*id)) {
    return fail(ErrorKind::not_found, "no unit " + params.at("id"));
  }
  return *id;
}

// ASCII letters folded to lower case: a filter that ignores the case of Latin letters.
std::string lower_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

http::Response units_page(Site& site, const Visit& visit, const DeskVisit& desk, int status,
                          const UnitsDeskPage& page) {
  const auto tree = site.sections();
  return desk_page(
      site, visit, status,
      site.views.desk_units(site.view_context(visit, *tree), desk_menu(desk, visit.lang), page));
}

http::Response list(Site& site, const Visit& visit, const Params&) {
  auto admission = admit(site, visit, Action::manage_units);
  if (!admission.desk) return admission.refusal;
  auto units = site.store.units();
  if (!units) return site.error(visit, units.error());
  UnitsDeskPage page;
  page.query = trimmed(visit.request.param("q"));
  const auto needle = lower_ascii(page.query);
  for (auto& unit : *units) {
    if (needle.empty() || lower_ascii(unit.name).find(needle) != std::string::npos ||
        unit.slug.find(needle) != std::string::npos) {
      page.units.push_back(std::move(unit));
    }
  }
  std::ranges::sort(page.units, {}, [](const Unit& u) { return std::tie(u.name, u.slug); });
  page.matching = page.units.size();
  if (page.units.size() > kListed) page.units.resize(kListed);
  return units_page(site, visit, *admission.desk, 200, page);
}

// One unit's page: its form (as stored, or `form` as typed) and the merge form.
http::Response unit_page(Site& site, const Visit& visit, const DeskVisit& desk, int status,
                         UnitsDeskPage page) {
  page.editing = true;
  return units_page(site, visit, desk, status, page);
}

http::Response edit(Site& site, const Visit& visit, const Params& params) {
  auto admission = admit(site, visit, Action::manage_units);
  if (!admission.desk) return admission.refusal;
  auto id = unit_id_of(params);
  if (!id) return site.error(visit, id.error());
  auto unit = site.store.unit(*id);
  if (!unit) return site.error(visit, unit.error());
  UnitsDeskPage page;
  page.form = UnitForm::of(*unit);
  page.unit = std::move(*unit);
  page.saved = visit.request.param("zapisano") == "1";
  return unit_page(site, visit, *admission.desk, 200, std::move(page));
}

// A form posted to a unit's address by an account that may edit units: the account, the
// fields and the unit as stored; otherwise (no desk) the answer to give: the login, 403, 404, a
// refused token.
struct UnitPost {
  std::optional<DeskVisit> desk;
  http::FormFields fields;
  Unit stored;
  http::Response refusal;
};

UnitPost unit_post(Site& site, const Visit& visit, const Params& params) {
  UnitPost post;
  auto admission = admit(site, visit, Action::manage_units);
  if (!admission.desk) {
    post.refusal = std::move(admission.refusal);
    return post;
  }
  auto id = unit_id_of(params);
  auto fields = id ? desk_form(site, visit, *admission.desk)
                   : Result<http::FormFields>(std::unexpected(id.error()));
  auto stored = fields ? site.store.unit(*id) : Result<Unit>(std::unexpected(fields.error()));
  if (!stored) {
    post.refusal = site.error(visit, stored.error());
    return post;
  }
  post.desk = std::move(admission.desk);
  post.fields = std::move(*fields);
  post.stored = std::move(*stored);
  return post;
}

http::Response save(Site& site, const Visit& visit, const Params& params) {
  auto post = unit_post(site, visit, params);
  if (!post.desk) return post.refusal;
  const DeskVisit& desk = *post.desk;
  const auto id = post.stored.id;
  UnitsDeskPage page;
  page.form = UnitForm::posted(post.fields);
  auto checked = check_unit_form(page.form, post.stored);
  page.unit = std::move(post.stored);
  if (!checked.errors.empty()) {
    page.errors = std::move(checked.errors);
    return unit_page(site, visit, desk, 400, std::move(page));
  }
  const auto now = unix_now();
  auto written = site.store.write([&](Writer& w) -> Status {
    auto before = w.unit(id);
    if (!before) return std::unexpected(before.error());
    if (auto saved = w.save_unit(checked.unit); !saved) return std::unexpected(saved.error());
    const auto detail =
        before->slug == checked.unit.slug
            ? checked.unit.name
            : fmt::format("{} ({} → {})", checked.unit.name, before->slug, checked.unit.slug);
    return w.append_audit(audit_by(desk, now, "unit:update", entity_of(id), detail));
  });
  if (!written) {
    if (written.error().kind != ErrorKind::conflict) return site.error(visit, written.error());
    page.errors = {{"slug", "unit.error.slug_taken"}};
    return unit_page(site, visit, desk, 409, std::move(page));
  }
  return see_other(desk_path(id) + "?zapisano=1");
}

// Merges the unit, a duplicate, into the one whose address is typed; the old address then
// answers 301 to it.
http::Response merge(Site& site, const Visit& visit, const Params& params) {
  auto post = unit_post(site, visit, params);
  if (!post.desk) return post.refusal;
  const DeskVisit& desk = *post.desk;
  const auto id = post.stored.id;
  UnitsDeskPage page;
  page.form = UnitForm::of(post.stored);
  page.unit = std::move(post.stored);
  page.merge_into = trimmed(http::form_field(post.fields, "do").value_or(""));
  page.merge_reason = trimmed(http::form_field(post.fields, "powod").value_or(""));
  const auto refuse = [&](const char* field, const char* key) {
    page.errors = {{field, key}};
    return unit_page(site, visit, desk, 400, std::move(page));
  };
  auto target = site.store.unit_by_slug(page.merge_into);
  if (!target) {
    if (target.error().kind != ErrorKind::not_found) return site.error(visit, target.error());
    return refuse("do", "unit.error.merge_target");
  }
  if (target->id == id) return refuse("do", "unit.error.merge_self");
  if (page.merge_reason.empty()) return refuse("powod", "submit.error.required");
  if (page.merge_reason.size() > 1000) return refuse("powod", "submit.error.too_long");
  const auto now = unix_now();
  const auto note = fmt::format("{} → {}: {}", page.unit.slug, target->slug, page.merge_reason);
  auto written = site.store.write([&](Writer& w) -> Status {
    if (auto merged = w.merge_unit(id, target->id, noted_by(desk, now, note)); !merged) {
      return merged;
    }
    return w.append_audit(audit_by(desk, now, "unit:merge", entity_of(id), note));
  });
  if (!written) return site.error(visit, written.error());
  return see_other(desk_path(target->id) + "?zapisano=1");
}

}  // namespace

void add_unit_desk_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [&site](auto handler) {
    return Route{RouteKind::page,
                 [&site, handler](const Visit& v, const Params& p) { return handler(site, v, p); }};
  };
  routes.add(M::get, "/redakcja/jednostki", page(list));
  routes.add(M::get, "/redakcja/jednostki/{id}", page(edit));
  routes.add(M::post, "/redakcja/jednostki/{id}", page(save));
  routes.add(M::post, "/redakcja/jednostki/{id}/polacz", page(merge));
}

}  // namespace bdp::web
