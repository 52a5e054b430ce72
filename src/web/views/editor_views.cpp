// The editors' pages: login form, the desk bar and the dashboard.
#include "web/views/views.h"

namespace bdp::web {

std::string Views::login(const ViewContext& ctx, const LoginForm& form) const {
  Data d = base_data(ctx);
  d.set("email", form.email);
  d.set("csrf", form.csrf);
  d.set("error", optional_text(form.error));
  return layout(ctx,
                {std::string(i18n::tr(ctx.lang, "editor.login_title")), "", "/redakcja/logowanie"},
                templates_.render("login", std::move(d)));
}

Data Views::desk_data(const ViewContext& ctx, const DeskMenu& menu) const {
  Data d = base_data(ctx);
  d.set("name", menu.name);
  d.set("role", menu.role);
  d.set("csrf", menu.csrf);
  d.set("can_queue", menu.queue);
  d.set("can_audit", menu.audit);
  d.set("can_links", menu.links);
  d.set("can_adoptions", menu.adoptions);
  d.set("can_documents", menu.documents);
  d.set("can_verify", menu.verification);
  d.set("can_outbox", menu.outbox);
  d.set("can_units", menu.units);
  d.set("can_sections", menu.sections);
  d.set("can_branding", menu.branding);
  return d;
}

std::string Views::dashboard(const ViewContext& ctx, const DeskMenu& menu,
                             const std::vector<RecentChange>& changes,
                             const std::vector<UnplacedUnit>& unplaced) const {
  Data d = desk_data(ctx, menu);
  List items;
  for (const auto& change : changes) {
    Data item{Data::type::object};
    item.set("kind", change.kind);
    item.set("title", change.title);
    item.set("href", optional_text(change.href));
    item.set("deleted", change.deleted);
    items.push_back(std::move(item));
  }
  d.set("has_changes", !items.empty());
  d.set("changes", items);
  List units;
  for (const auto& u : unplaced) {
    Data item{Data::type::object};
    item.set("name", u.name);
    item.set("slug", u.slug);
    item.set("href", u.href);
    item.set("placed", u.placed);
    units.push_back(std::move(item));
  }
  d.set("has_unplaced", !units.empty());
  d.set("unplaced", units);
  return layout(ctx, {std::string(i18n::tr(ctx.lang, "editor.dashboard_title")), "", "/redakcja"},
                templates_.render("dashboard", std::move(d)));
}

}  // namespace bdp::web
