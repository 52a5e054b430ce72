// The library's pages: the listing /publikacje with its filters (a GET form, so they work without
// JavaScript) and a document's page with its versions.
#include <fmt/format.h>

#include <ranges>

#include "core/url.h"
#include "web/views/document_facts.h"
#include "web/views/pagination.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

std::string date_of(i18n::Lang lang, std::int64_t unix_seconds) {
  const std::time_t t = unix_seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  return i18n::format_date(
      lang, fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday));
}

List option_list(const std::vector<FilterOption>& options,
                 const std::function<std::string(const std::string&)>& label) {
  List out;
  for (const auto& o : options) {
    Data item{Data::type::object};
    item.set("value", o.value);
    item.set("label", label(o.value));
    item.set("count", std::to_string(o.count));
    item.set("selected", o.selected);
    out.push_back(std::move(item));
  }
  return out;
}

// The query of the listing's filters, with page `n` (1: none).
std::string filter_query(const LibraryFilter& f, int n) {
  std::vector<std::pair<std::string, std::string>> params;
  if (f.kind) params.emplace_back("rodzaj", to_string(*f.kind));
  if (f.year) params.emplace_back("rok", std::to_string(*f.year));
  if (!f.tag.empty()) params.emplace_back("tag", f.tag);
  if (f.unit_id) params.emplace_back("jednostka", std::to_string(f.unit_id));
  if (f.sort == LibrarySort::title) params.emplace_back("sort", "tytul");
  if (f.sort == LibrarySort::year) params.emplace_back("sort", "rok");
  if (n > 1) params.emplace_back("strona", std::to_string(n));
  std::string q;
  for (const auto& [k, v] : params) q += (q.empty() ? "?" : "&") + k + "=" + percent_encode(v);
  return q;
}

}  // namespace

std::string kind_label(i18n::Lang lang, DocumentKind kind) {
  return std::string(i18n::tr(lang, fmt::format("document.kind.{}", to_string(kind))));
}

// "PDF, 1,2 MB"
std::string file_facts(i18n::Lang lang, const DocumentVersion& v) {
  std::string format = v.format;
  for (auto& c : format) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return format + ", " + i18n::format_size(lang, v.size);
}

std::string Views::library(const ViewContext& ctx, const LibraryPage& page) const {
  const auto lang = ctx.lang;
  const LibraryListing& list = *page.listing;
  Data d = base_data(ctx);
  List items;
  for (const Document* doc : list.shown) {
    const DocumentVersion* v = current_version(*doc);
    Data item{Data::type::object};
    item.set("href", document_path(*doc));
    item.set("title", doc->title);
    item.set("kind", kind_label(lang, doc->kind));
    item.set("year", optional_text(doc->year ? std::to_string(*doc->year) : ""));
    item.set("description", optional_text(doc->description.substr(0, 300)));
    item.set("file_href", document_file_path(doc->id));
    item.set("file_facts", file_facts(lang, *v));
    const auto thumb = page.has_thumbnail.find(v->id);
    item.set("thumbnail", optional_text(thumb != page.has_thumbnail.end() && thumb->second
                                            ? fmt::format("/publikacje/{}/miniatura", doc->id)
                                            : ""));
    items.push_back(std::move(item));
  }
  d.set("has_items", !items.empty());
  d.set("items", items);
  d.set("total_text", i18n::count_noun(lang, list.total, "document"));
  d.set("kinds", option_list(list.kinds, [&](const std::string& v) {
          return kind_label(lang, document_kind_from_string(v).value_or(DocumentKind::inny));
        }));
  d.set("years", option_list(list.years, [](const std::string& v) { return v; }));
  d.set("has_tags", !list.tags.empty());
  d.set("tags", option_list(list.tags, [](const std::string& v) { return v; }));
  d.set("has_units", !list.units.empty());
  d.set("units", option_list(list.units, [&](const std::string& v) {
          const auto found = page.unit_names.find(std::stoll(v));
          return found == page.unit_names.end() ? v : found->second;
        }));
  d.set("sort_newest", page.filter.sort == LibrarySort::newest);
  d.set("sort_title", page.filter.sort == LibrarySort::title);
  d.set("sort_year", page.filter.sort == LibrarySort::year);
  add_pagination(d, list.total, list.page, list.page_size,
                 [&](int n) { return "/publikacje" + filter_query(page.filter, n); });
  std::string title(i18n::tr(lang, "nav.publications"));
  if (list.page > 1) title += fmt::format(" — {} {}", i18n::tr(lang, "pagination.page"), list.page);
  return layout(ctx,
                {title, std::string(i18n::tr(lang, "library.intro")),
                 "/publikacje" + filter_query(page.filter, list.page)},
                templates_.render("library", std::move(d)));
}

std::string Views::document(const ViewContext& ctx, const DocumentPage& page) const {
  const auto lang = ctx.lang;
  const Document& doc = *page.document;
  Data d = base_data(ctx);
  d.set("title", doc.title);
  d.set("kind", kind_label(lang, doc.kind));
  d.set("year", optional_text(doc.year ? std::to_string(*doc.year) : ""));
  d.set("description", optional_text(doc.description));
  d.set("language", doc.language);
  d.set("has_tags", !doc.tags.empty());
  List tags;
  for (const auto& tag : doc.tags) {
    Data item{Data::type::object};
    item.set("name", tag);
    item.set("href", "/publikacje?tag=" + percent_encode(tag));
    tags.push_back(std::move(item));
  }
  d.set("tags", tags);
  const auto links = [](const std::vector<PageLink>& from) {
    List out;
    for (const auto& l : from) {
      Data item{Data::type::object};
      item.set("text", l.text);
      item.set("href", l.href);
      out.push_back(std::move(item));
    }
    return out;
  };
  d.set("has_units", !page.units.empty());
  d.set("units", links(page.units));
  d.set("has_practices", !page.practices.empty());
  d.set("practices", links(page.practices));
  const DocumentVersion* current = current_version(doc);
  d.set("has_file", current != nullptr);
  if (current) {
    d.set("file_href", document_file_path(doc.id));
    d.set("file_facts", file_facts(lang, *current));
    d.set("file_name", current->file_name);
  }
  List versions;
  for (const auto& version : doc.versions | std::views::reverse) {
    Data item{Data::type::object};
    item.set("number", std::to_string(version.number));
    item.set("href", optional_text(version.withdrawn_at ? "" : version_file_path(version)));
    item.set("facts", file_facts(lang, version));
    item.set("date", date_of(lang, version.uploaded_at));
    item.set("withdrawn", version.withdrawn_at.has_value());
    item.set("current", current && current->id == version.id);
    versions.push_back(std::move(item));
  }
  d.set("has_versions", doc.versions.size() > 1);
  d.set("versions", versions);
  return layout(ctx, {doc.title, doc.description.substr(0, 200), document_path(doc)},
                templates_.render("document", std::move(d)));
}

}  // namespace bdp::web
