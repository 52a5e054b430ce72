// The back office's document library (/redakcja/dokumenty): upload forms are multipart (their
// POSTs are spooled to disk), and name what a file may be.
#include <fmt/format.h>

#include <ranges>

#include "extract/text.h"
#include "web/views/document_facts.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

std::string text_status_label(const std::string& status) {
  if (status == "pending") return "oczekuje na odczytanie";
  const auto known = extract::text_status_from_string(status);
  return known ? extract::polish_label(*known) : status;
}

Data form_data(i18n::Lang lang, const DocumentsDeskPage& page) {
  const Document& f = page.form;
  Data form{Data::type::object};
  form.set("title", f.title);
  form.set("description", f.description);
  form.set("year", f.year ? std::to_string(*f.year) : std::string());
  form.set("language", f.language);
  std::string tags;
  for (const auto& tag : f.tags) tags += (tags.empty() ? "" : ", ") + tag;
  form.set("tags", tags);
  form.set("units", page.unit_slugs);
  form.set("practices", page.practice_ids);
  List kinds;
  for (auto kind : kDocumentKinds) {
    Data k{Data::type::object};
    k.set("value", to_string(kind));
    k.set("label", kind_label(lang, kind));
    k.set("selected", kind == f.kind);
    kinds.push_back(std::move(k));
  }
  form.set("kinds", kinds);
  return form;
}

}  // namespace

std::string Views::desk_documents(const ViewContext& ctx, const DeskMenu& menu,
                                  const DocumentsDeskPage& page) const {
  const auto lang = ctx.lang;
  Data d = desk_data(ctx, menu);
  d.set("editing", page.editing);
  d.set("error", optional_text(page.error));
  d.set("form", form_data(lang, page));
  List rows;
  for (const auto& doc : page.documents) {
    const DocumentVersion* v = current_version(doc);
    Data row{Data::type::object};
    row.set("title", doc.title);
    row.set("edit_href", fmt::format("/redakcja/dokumenty/{}", doc.id));
    row.set("kind", kind_label(lang, doc.kind));
    row.set("versions", std::to_string(doc.versions.size()));
    row.set("file", optional_text(v ? file_facts(lang, *v) : ""));
    row.set("text_status", v ? text_status_label(v->text_status) : std::string("—"));
    rows.push_back(std::move(row));
  }
  d.set("has_documents", !rows.empty());
  d.set("documents", rows);
  std::string heading(i18n::tr(lang, "desk.documents"));
  std::string path = "/redakcja/dokumenty";
  if (page.editing) {
    const Document& doc = page.form;
    heading += ": " + doc.title;
    path += fmt::format("/{}", doc.id);
    d.set("form_action", path);
    d.set("version_action", path + "/wersje");
    d.set("public_href", optional_text(current_version(doc) ? document_path(doc) : ""));
    List versions;
    for (const auto& version : doc.versions | std::views::reverse) {
      Data v{Data::type::object};
      v.set("number", std::to_string(version.number));
      v.set("file_name", version.file_name);
      v.set("facts", file_facts(lang, version));
      v.set("sha256", version.sha256);
      v.set("uploaded_by", version.uploaded_by);
      v.set("text_status", text_status_label(version.text_status));
      v.set("withdrawn", version.withdrawn_at.has_value());
      v.set("withdrawn_reason", version.withdrawn_reason);
      v.set("withdraw_action", fmt::format("{}/wersje/{}/wycofaj", path, version.number));
      versions.push_back(std::move(v));
    }
    d.set("has_versions", !versions.empty());
    d.set("versions", versions);
  } else {
    d.set("form_action", path);
  }
  d.set("heading", heading);
  return layout(ctx, {heading, "", path}, templates_.render("desk_documents", std::move(d)));
}

}  // namespace bdp::web
