#include <fmt/format.h>

#include "core/html_escape.h"
#include "core/url.h"
#include "opendata/atom.h"
#include "web/branding.h"
#include "web/language_path.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

// The translation table as a template object: key "nav.home" is {{t.nav_home}}.
const Data& translations(i18n::Lang lang) {
  static const auto build = [](i18n::Lang l) {
    Data t{Data::type::object};
    for (auto key : i18n::keys()) {
      std::string name(key);
      for (auto& c : name) {
        if (c == '.') c = '_';
      }
      t.set(name, std::string(i18n::tr(l, key)));
    }
    return t;
  };
  static const Data pl = build(i18n::Lang::pl), en = build(i18n::Lang::en);
  return lang == i18n::Lang::en ? en : pl;
}

Data nav_item(const Section& s, const ViewContext& ctx) {
  Data item{Data::type::object};
  item.set("href", section_path(s));
  item.set("name", s.name);
  item.set("current", s.id == ctx.current_section);
  return item;
}

// {name, url, logo}: the url only when safe (safe_href), the logo's address when it has one;
// false otherwise.
Data link_data(const NamedLink& link, const std::string& asset_version) {
  Data item{Data::type::object};
  item.set("name", link.name);
  item.set("url", optional_text(safe_href(link.url)));
  item.set("logo", optional_text(
                       link.logo.empty() ? "" : branding_path(link.logo) + "?v=" + asset_version));
  return item;
}

List links_data(const std::vector<NamedLink>& links, const std::string& asset_version) {
  List out;
  for (const auto& link : links) out.push_back(link_data(link, asset_version));
  return out;
}

}  // namespace

List crumbs_of(const SectionTree& tree, std::int64_t id) {
  List crumbs;
  const auto chain = tree.path(id);
  for (std::size_t i = 0; i < chain.size(); ++i) {
    Data c{Data::type::object};
    c.set("href", section_path(*chain[i]));
    c.set("name", chain[i]->name);
    c.set("last", i + 1 == chain.size());
    crumbs.push_back(std::move(c));
  }
  return crumbs;
}

std::pair<std::string, std::string> voivodeship_feed(const ViewContext& ctx,
                                                     const std::string& voivodeship) {
  return {fmt::format("{}: {}", i18n::tr(ctx.lang, "feed.voivodeship"), voivodeship),
          ctx.config->base_url + "/kanaly/" + opendata::voivodeship_feed_name(voivodeship)};
}

std::pair<std::string, std::string> section_feed(const ViewContext& ctx, const Section& section) {
  return {fmt::format("{}: {}", i18n::tr(ctx.lang, "feed.section"), section.name),
          ctx.config->base_url + "/kanaly/" + opendata::section_feed_name(section)};
}

Data Views::base_data(const ViewContext& ctx) const {
  Data d{Data::type::object};
  d.set("t", translations(ctx.lang));
  d.set("lang", i18n::code(ctx.lang));
  // {{{lang_pl}}} on an element of Polish content (all content is Polish) inside an English
  // page: the language of parts (WCAG 3.1.2).
  d.set("lang_pl", ctx.lang == i18n::Lang::en ? " lang=\"pl\"" : "");
  d.set("asset_version", ctx.asset_version);  // ?v= of /static/ addresses
  return d;
}

std::string Views::layout(const ViewContext& ctx, const Meta& meta, const std::string& body) const {
  return layout(ctx, meta, body, PageHead{});
}

std::string Views::layout(const ViewContext& ctx, const Meta& meta, const std::string& body,
                          const PageHead& head) const {
  const SiteConfig& config = *ctx.config;
  Data d = base_data(ctx);
  List feeds;
  // Every page names the feed of all new practices; a page of a section or place, its own too.
  auto all_feeds = head.feeds;
  all_feeds.insert(all_feeds.begin(),
                   std::pair<std::string, std::string>(std::string(i18n::tr(ctx.lang, "feed.all")),
                                                       config.base_url + "/kanaly/praktyki.atom"));
  for (const auto& [title, href] : all_feeds) {
    Data feed{Data::type::object};
    feed.set("title", title);
    feed.set("href", href);
    feeds.push_back(std::move(feed));
  }
  d.set("feeds", feeds);
  d.set("json_ld", optional_text(head.json_ld));
  d.set("og_type", head.og_type);
  d.set("og_title", meta.title.empty() ? config.title_in(ctx.lang) : meta.title);
  d.set("og_locale", ctx.lang == i18n::Lang::en ? "en_GB" : "pl_PL");
  std::string root = localized_path("/", ctx.lang);  // "/" or "/en/"
  root.pop_back();
  d.set("root", root);  // data-root: the prefix scripts put on the addresses they build
  d.set("other_lang", ctx.lang == i18n::Lang::en ? "pl" : "en");
  const std::string& portal_title = config.title_in(ctx.lang);
  d.set("page_title", meta.title.empty() ? portal_title : meta.title + " — " + portal_title);
  d.set("description", meta.description);
  // The page's two addresses: itself in each language, the Polish one also for any other.
  const std::string& polish = meta.canonical_path.empty() ? ctx.path : meta.canonical_path;
  d.set("canonical", config.base_url + localized_path(polish, ctx.lang));
  List alternates;
  for (const auto& [hreflang, lang] :
       {std::pair{"pl", i18n::Lang::pl}, {"en", i18n::Lang::en}, {"x-default", i18n::Lang::pl}}) {
    Data alternate{Data::type::object};
    alternate.set("hreflang", hreflang);
    alternate.set("href", config.base_url + localized_path(polish, lang));
    alternates.push_back(std::move(alternate));
  }
  d.set("alternates", alternates);
  // The language switch returns to the page's own address, never to the request's target: a
  // cached page must not carry the first visitor's ?utm_… or absolute-form URL to everyone.
  d.set("path", percent_encode(polish));
  d.set("is_home", ctx.path == "/");
  d.set("portal_title", portal_title);
  // The Site's branding (set on every page it renders), else the config's.
  const auto in_force =
      ctx.branding ? ctx.branding : std::make_shared<const Branding>(branding_of(config));
  const Branding& branding = *in_force;
  d.set("programme_header", optional_text(branding.programme_header));
  d.set("funding_note", optional_text(branding.funding_note));
  const List partners = links_data(branding.partners, ctx.asset_version);
  d.set("has_partners", !partners.empty());
  d.set("partners", partners);
  d.set("menu_links", links_data(config.menu_links, ctx.asset_version));
  d.set("programme_logo",
        config.programme_logo ? link_data(*config.programme_logo, ctx.asset_version) : Data(false));
  d.set("has_funding_marks", !config.funding_marks.empty());
  d.set("funding_marks", links_data(config.funding_marks, ctx.asset_version));
  List nav;
  for (const Section* top : ctx.sections->children(std::nullopt)) {
    Data item = nav_item(*top, ctx);
    List children;
    // As in the old menu: subsections show under the open section only.
    const auto path = ctx.sections->path(ctx.current_section);
    const bool open = !path.empty() && path.front()->id == top->id;
    if (open) {
      for (const Section* child : ctx.sections->children(top->id)) {
        children.push_back(nav_item(*child, ctx));
      }
    }
    item.set("has_children", !children.empty());
    item.set("children", children);
    nav.push_back(std::move(item));
  }
  d.set("nav", nav);
  d.set("body", body);
  return localize_links(templates_.render("layout", std::move(d)), ctx.lang);
}

std::string Views::counter_html(i18n::Lang lang, const SiteConfig& config, std::int64_t total) {
  return fmt::format("<strong>{}</strong> {} {}", i18n::format_number(lang, total),
                     i18n::tr(lang, "counter.since"),
                     html_escape(i18n::format_date(lang, config.counter_since)));
}

}  // namespace bdp::web
