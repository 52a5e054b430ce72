// The back office's section tree: /redakcja/dzialy shows it with a form adding a section and
// buttons moving each one up or down among its siblings; each section's page renames it
// (name, address), moves it under another parent, or removes it, handing its practices and
// subsections to another. Old addresses keep working (a renamed or removed section's slug is
// retired: Store::retired_slug). Each change and its audit entry are one
// transaction; the pages read the tree from the store, not the follower's copy, so that a
// change shows at once.
#include <fmt/format.h>

#include <algorithm>

#include "core/slug.h"
#include "core/text.h"
#include "web/desk.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

using workflow::Action;

constexpr const char* kTreePath = "/redakcja/dzialy";
constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxReason = 1000;

std::string entity_of(std::int64_t id) {
  return fmt::format("section:{}", id);
}

Result<std::int64_t> section_id_of(const Params& params) {
  const auto id = id_of_reference(params.at("id"));
  if (!id || params.at("id") != std::to_string(*id)) {
    return fail(ErrorKind::not_found, "no section " + params.at("id"));
  }
  return *id;
}

// The section `id` as the store holds it; not_found when none.
Result<Section> stored_section(Site& site, std::int64_t id) {
  auto sections = site.store.sections();
  if (!sections) return std::unexpected(sections.error());
  const auto found = std::ranges::find(*sections, id, &Section::id);
  if (found == sections->end())
    return fail(ErrorKind::not_found, "no section " + std::to_string(id));
  return *found;
}

http::Response sections_page(Site& site, const Visit& visit, const DeskVisit& desk, int status,
                             const SectionsDeskPage& page) {
  auto sections = site.store.sections();
  if (!sections) return site.error(visit, sections.error());
  const SectionTree tree(std::move(*sections));
  if (page.editing != 0 && !tree.find(page.editing)) {
    return site.error(visit,
                      Error{ErrorKind::not_found, "no section " + std::to_string(page.editing)});
  }
  return desk_page(
      site, visit, status,
      site.views.desk_sections(site.view_context(visit, tree), desk_menu(desk, visit.lang), page));
}

// The section a form describes over `base` (an existing section, or a new one): name, slug
// (the name's when empty), parent ("" for the top level); the refused fields in `errors`.
Section posted_section(const http::FormFields& fields, Section base,
                       std::vector<FieldError>& errors) {
  const auto field = [&](const char* name) {
    return trimmed(http::form_field(fields, name).value_or(""));
  };
  base.name = field("nazwa");
  if (base.name.empty()) {
    errors.push_back({"nazwa", "submit.error.required"});
  } else if (base.name.size() > kMaxName) {
    errors.push_back({"nazwa", "submit.error.too_long"});
  } else if (base.name.find_first_of("\r\n") != std::string::npos) {
    errors.push_back({"nazwa", "submit.error.one_line"});
  }
  base.slug = field("slug");
  if (base.slug.empty()) base.slug = slugify(base.name);
  if (!is_slug(base.slug)) errors.push_back({"slug", "unit.error.slug"});
  const auto parent = field("nadrzedny");
  base.parent_id.reset();
  if (!parent.empty()) {
    const auto id = id_of_reference(parent);
    if (!id || parent != std::to_string(*id)) {
      errors.push_back({"nadrzedny", "submit.error.choose"});
    } else {
      base.parent_id = *id;
    }
  }
  return base;
}

// True when `id` is `ancestor` or lies under it.
bool under(const SectionTree& tree, std::int64_t id, std::int64_t ancestor) {
  return std::ranges::any_of(tree.path(id), [&](const Section* s) { return s->id == ancestor; });
}

// Saves `section` with its audit entry; a refused one comes back as the form (the parent
// checked against the store's tree, a taken slug told apart).
http::Response save_section(Site& site, const Visit& visit, const DeskVisit& desk,
                            SectionsDeskPage page, const std::string& action) {
  auto sections = site.store.sections();
  if (!sections) return site.error(visit, sections.error());
  const SectionTree tree(std::move(*sections));
  Section& s = page.form;
  const Section* before = s.id ? tree.find(s.id) : nullptr;
  if (s.id && !before) return site.error(visit, Error{ErrorKind::not_found, "no section"});
  if (s.parent_id && (!tree.find(*s.parent_id) || (s.id && under(tree, *s.parent_id, s.id)))) {
    page.errors.push_back({"nadrzedny", "section.error.parent"});
  }
  if (!page.errors.empty()) return sections_page(site, visit, desk, 400, page);
  if (!before || before->parent_id != s.parent_id) {
    // Last among its new siblings.
    int last = -1;
    for (const Section* sibling : tree.children(s.parent_id))
      last = std::max(last, sibling->position);
    s.position = last + 1;
  }
  const auto now = unix_now();
  auto written = site.store.write([&](Writer& w) -> Status {
    auto saved = w.save_section(s);
    if (!saved) return std::unexpected(saved.error());
    s.id = *saved;
    std::string detail = s.name;
    if (before && before->slug != s.slug) detail += fmt::format(" ({} → {})", before->slug, s.slug);
    return w.append_audit(audit_by(desk, now, action, entity_of(*saved), detail));
  });
  if (!written) {
    if (written.error().kind != ErrorKind::conflict) return site.error(visit, written.error());
    page.errors = {{"slug", "section.error.slug_taken"}};
    return sections_page(site, visit, desk, 409, page);
  }
  return see_other(fmt::format("{}?zapisano={}#dzial-{}", kTreePath, s.id, s.id));
}

// A form posted about one stored section: the editor admitted, the form read, the tree as
// the store holds it and the section in it; otherwise the refusal to answer.
struct SectionPost {
  std::optional<DeskVisit> desk;
  http::FormFields fields;
  std::optional<SectionTree> tree;
  Section section;
  http::Response refusal;
};

SectionPost section_post(Site& site, const Visit& visit, const Params& params) {
  SectionPost post;
  auto admission = admit(site, visit, Action::manage_sections);
  if (!admission.desk) {
    post.refusal = std::move(admission.refusal);
    return post;
  }
  auto id = section_id_of(params);
  auto fields = id ? desk_form(site, visit, *admission.desk)
                   : Result<http::FormFields>(std::unexpected(id.error()));
  auto sections = fields ? site.store.sections()
                         : Result<std::vector<Section>>(std::unexpected(fields.error()));
  if (!sections) {
    post.refusal = site.error(visit, sections.error());
    return post;
  }
  post.tree.emplace(std::move(*sections));
  const Section* section = post.tree->find(*id);
  if (!section) {
    post.refusal =
        site.error(visit, Error{ErrorKind::not_found, "no section " + std::to_string(*id)});
    return post;
  }
  post.section = *section;
  post.desk = std::move(admission.desk);
  post.fields = std::move(*fields);
  return post;
}

http::Response tree_page(Site& site, const Visit& visit, const Params&) {
  auto admission = admit(site, visit, Action::manage_sections);
  if (!admission.desk) return admission.refusal;
  SectionsDeskPage page;
  const auto saved = id_of_reference(visit.request.param("zapisano"));
  page.saved = saved.value_or(0);
  page.removed = visit.request.param("usunieto") == "1";
  return sections_page(site, visit, *admission.desk, 200, page);
}

http::Response add(Site& site, const Visit& visit, const Params&) {
  auto admission = admit(site, visit, Action::manage_sections);
  if (!admission.desk) return admission.refusal;
  auto fields = desk_form(site, visit, *admission.desk);
  if (!fields) return site.error(visit, fields.error());
  SectionsDeskPage page;
  page.form = posted_section(*fields, Section{}, page.errors);
  return save_section(site, visit, *admission.desk, std::move(page), "section:create");
}

http::Response edit(Site& site, const Visit& visit, const Params& params) {
  auto admission = admit(site, visit, Action::manage_sections);
  if (!admission.desk) return admission.refusal;
  auto id = section_id_of(params);
  if (!id) return site.error(visit, id.error());
  auto section = stored_section(site, *id);
  if (!section) return site.error(visit, section.error());
  SectionsDeskPage page;
  page.editing = *id;
  page.form = std::move(*section);
  return sections_page(site, visit, *admission.desk, 200, page);
}

http::Response update(Site& site, const Visit& visit, const Params& params) {
  auto post = section_post(site, visit, params);
  if (!post.desk) return post.refusal;
  SectionsDeskPage page;
  page.editing = post.section.id;
  page.form = posted_section(post.fields, post.section, page.errors);
  return save_section(site, visit, *post.desk, std::move(page), "section:update");
}

// Moves the section one place up or down among its siblings: the siblings are numbered anew
// in their order (imported ones may share a position) and the two neighbours swap.
http::Response reorder(Site& site, const Visit& visit, const Params& params) {
  auto post = section_post(site, visit, params);
  if (!post.desk) return post.refusal;
  const DeskVisit& desk = *post.desk;
  const Section& section = post.section;
  const auto direction = http::form_field(post.fields, "kierunek").value_or("");
  if (direction != "gora" && direction != "dol") {
    return site.error(visit, Error{ErrorKind::invalid_input, "no direction " + direction});
  }
  std::vector<Section> siblings;
  for (const Section* s : post.tree->children(section.parent_id)) siblings.push_back(*s);
  const auto at = static_cast<std::size_t>(std::ranges::find(siblings, section.id, &Section::id) -
                                           siblings.begin());
  const bool up = direction == "gora";
  if ((up && at > 0) || (!up && at + 1 < siblings.size())) {
    std::swap(siblings[at], siblings[up ? at - 1 : at + 1]);
  }
  const auto now = unix_now();
  auto written = site.store.write([&](Writer& w) -> Status {
    for (std::size_t i = 0; i < siblings.size(); ++i) {
      if (siblings[i].position == static_cast<int>(i)) continue;
      siblings[i].position = static_cast<int>(i);
      if (auto saved = w.save_section(siblings[i]); !saved) return std::unexpected(saved.error());
    }
    return w.append_audit(audit_by(desk, now, "section:move", entity_of(section.id),
                                   section.name + (up ? " ↑" : " ↓")));
  });
  if (!written) return site.error(visit, written.error());
  return see_other(fmt::format("{}?zapisano={}#dzial-{}", kTreePath, section.id, section.id));
}

// Removes the section with a reason: its practices and subsections go to the section chosen
// (its old addresses then answer 301 there); an empty one may go with nowhere chosen.
http::Response remove(Site& site, const Visit& visit, const Params& params) {
  auto post = section_post(site, visit, params);
  if (!post.desk) return post.refusal;
  const DeskVisit& desk = *post.desk;
  const SectionTree& tree = *post.tree;
  const Section& section = post.section;
  SectionsDeskPage page;
  page.editing = section.id;
  page.form = section;
  page.removal_reason = trimmed(http::form_field(post.fields, "powod").value_or(""));
  const auto refuse = [&](int status, const char* field, const char* key) {
    page.errors = {{field, key}};
    return sections_page(site, visit, desk, status, page);
  };
  const auto chosen = trimmed(http::form_field(post.fields, "do").value_or(""));
  const Section* into = nullptr;
  if (!chosen.empty()) {
    const auto into_id = id_of_reference(chosen);
    if (!into_id || chosen != std::to_string(*into_id)) {
      return refuse(400, "do", "submit.error.choose");
    }
    page.removal_into = *into_id;
    into = tree.find(*into_id);
    if (!into || under(tree, *into_id, section.id)) {
      return refuse(400, "do", "section.error.remove_into");
    }
  }
  if (page.removal_reason.empty()) return refuse(400, "powod", "submit.error.required");
  if (page.removal_reason.size() > kMaxReason) return refuse(400, "powod", "submit.error.too_long");
  const auto note = into ? fmt::format("{} → {}: {}", section.slug, into->slug, page.removal_reason)
                         : fmt::format("{}: {}", section.slug, page.removal_reason);
  const auto now = unix_now();
  auto written = site.store.write([&](Writer& w) -> Status {
    const auto target = into ? std::optional(into->id) : std::nullopt;
    if (auto removed = w.remove_section(section.id, target, noted_by(desk, now, note)); !removed) {
      return removed;
    }
    return w.append_audit(audit_by(desk, now, "section:remove", entity_of(section.id), note));
  });
  if (!written) {
    if (written.error().kind == ErrorKind::conflict) {
      return refuse(409, "do", "section.error.not_empty");
    }
    return site.error(visit, written.error());
  }
  if (into) return see_other(fmt::format("{}?zapisano={}#dzial-{}", kTreePath, into->id, into->id));
  return see_other(fmt::format("{}?usunieto=1", kTreePath));
}

}  // namespace

void add_section_desk_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [&site](auto handler) {
    return Route{RouteKind::page,
                 [&site, handler](const Visit& v, const Params& p) { return handler(site, v, p); }};
  };
  routes.add(M::get, kTreePath, page(tree_page));
  routes.add(M::post, kTreePath, page(add));
  routes.add(M::get, "/redakcja/dzialy/{id}", page(edit));
  routes.add(M::post, "/redakcja/dzialy/{id}", page(update));
  routes.add(M::post, "/redakcja/dzialy/{id}/przesun", page(reorder));
  routes.add(M::post, "/redakcja/dzialy/{id}/usun", page(remove));
}

}  // namespace bdp::web
