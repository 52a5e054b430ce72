// /inne-bazy: the links to other good-practice databases, grouped by category.
#include <fmt/format.h>

#include "web/views/views.h"

namespace bdp::web {
namespace {

// "pl" → "polski" (in `lang`); a code without a name in the table is shown as it is.
std::string language_name(i18n::Lang lang, const std::string& code) {
  const std::string key = "links.language." + code;
  const auto name = i18n::tr(lang, key);
  return name == key ? code : std::string(name);
}

}  // namespace

std::string Views::other_databases(const ViewContext& ctx, const std::vector<Link>& links) const {
  Data d = base_data(ctx);
  List groups;
  List group_links;
  std::string category;
  const auto close_group = [&] {
    if (group_links.empty()) return;
    Data group{Data::type::object};
    group.set("anchor", fmt::format("kategoria-{}", groups.size() + 1));
    group.set("category",
              category.empty() ? std::string(i18n::tr(ctx.lang, "links.other")) : category);
    group.set("links", group_links);
    groups.push_back(std::move(group));
    group_links = List();
  };
  for (const auto& link : links) {
    if (link.category != category) close_group();
    category = link.category;
    Data item{Data::type::object};
    item.set("href", link.url);  // is_link_url: http(s) only, checked when saved
    item.set("name", link.name);
    item.set("hreflang", link.language);
    item.set("language", language_name(ctx.lang, link.language));
    item.set("description", optional_text(link.description));
    item.set("broken", link_broken(link));
    item.set("archived_href", "https://web.archive.org/web/" + link.url);
    group_links.push_back(std::move(item));
  }
  close_group();
  d.set("has_groups", !groups.empty());
  d.set("groups", groups);
  return layout(ctx,
                {std::string(i18n::tr(ctx.lang, "nav.other_databases")),
                 std::string(i18n::tr(ctx.lang, "links.description")), "/inne-bazy"},
                templates_.render("other_databases", std::move(d)));
}

}  // namespace bdp::web
