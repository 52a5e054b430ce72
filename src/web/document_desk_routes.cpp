// The back office's document library, /redakcja/dokumenty: the list, a new document with its
// first file, a document's metadata, new versions, withdrawals. Every POST here is an upload
// form (multipart, spooled to disk by the server: limits.h kUploadPrefix) read off the request
// threads; each change and its audit entry are one transaction.
#include <fmt/format.h>

#include <charconv>

#include "auth/token.h"
#include "core/text.h"
#include "http/multipart.h"
#include "web/desk.h"
#include "web/document_upload.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

using workflow::Action;

std::optional<std::int64_t> number_of(std::string_view text) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n <= 0) {
    return std::nullopt;
  }
  return n;
}

std::vector<std::string> comma_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t at = 0;
  while (at <= text.size()) {
    const auto comma = text.find(',', at);
    auto item = trimmed(std::string_view(text).substr(at, comma - at));
    if (!item.empty()) items.push_back(std::move(item));
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return items;
}

// The multipart form of an upload POST once its token matches the session's.
Result<http::MultipartForm> desk_upload_form(const http::Request& request, const DeskVisit& desk) {
  if (!request.spooled) return fail(ErrorKind::invalid_input, "an upload form was not spooled");
  const auto boundary = http::multipart_boundary(request.header("content-type").value_or(""));
  if (!boundary) return fail(ErrorKind::invalid_input, "an upload form that is not multipart");
  auto form = http::read_multipart(request.spooled->path(), *boundary,
                                   request.spooled->path().parent_path());
  if (!form) return form;
  if (desk.csrf.empty() ||
      !auth::tokens_equal(desk.csrf, http::form_field(form->fields, "csrf").value_or(""))) {
    return fail(ErrorKind::forbidden, "a back-office form without the session's token");
  }
  return form;
}

// The document a form describes, or the translation key of what is wrong with it.
struct Posted {
  Document document;
  std::string unit_slugs, practice_ids;
  std::string problem;
};

Posted posted_document(Store& store, const http::FormFields& fields, const Document& base) {
  const auto field = [&](const char* name) {
    return trimmed(http::form_field(fields, name).value_or(""));
  };
  Posted p;
  Document& d = p.document;
  d = base;
  d.title = field("tytul");
  d.description = field("opis");
  d.kind = document_kind_from_string(field("rodzaj")).value_or(DocumentKind::inny);
  d.language = field("jezyk");
  if (d.language.empty()) d.language = "pl";
  d.tags = comma_list(field("tagi"));
  p.unit_slugs = field("jednostki");
  p.practice_ids = field("praktyki");
  const auto problem = [&](const char* key) {
    p.problem = key;
    return p;
  };
  if (d.title.empty() || d.title.size() > 500) return problem("desk.documents_problem.title");
  d.year.reset();
  if (const auto year = field("rok"); !year.empty()) {
    const auto n = number_of(year);
    if (!n || *n < 1900 || *n > 2100) return problem("desk.documents_problem.year");
    d.year = static_cast<int>(*n);
  }
  if (d.language.size() < 2 || d.language.size() > 3 ||
      d.language.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos) {
    return problem("desk.documents_problem.language");
  }
  for (const auto& tag : d.tags) {
    if (tag.size() > 60) return problem("desk.documents_problem.tags");
  }
  d.practice_ids.clear();
  for (const auto& text : comma_list(p.practice_ids)) {
    const auto id = number_of(text);
    if (!id || !store.practice(*id)) return problem("desk.documents_problem.practices");
    d.practice_ids.push_back(*id);
  }
  d.unit_ids.clear();
  for (const auto& slug : comma_list(p.unit_slugs)) {
    auto unit = store.unit_by_slug(slug);
    if (!unit) return problem("desk.documents_problem.units");
    d.unit_ids.push_back(unit->id);
  }
  return p;
}

// The form's fields as typed, for a page that shows the document.
DocumentsDeskPage page_of(Store& store, const Document& doc) {
  DocumentsDeskPage page;
  page.editing = doc.id != 0;
  page.form = doc;
  for (auto id : doc.practice_ids) {
    page.practice_ids += (page.practice_ids.empty() ? "" : ", ") + std::to_string(id);
  }
  for (auto id : doc.unit_ids) {
    auto unit = store.unit(id);
    if (unit) page.unit_slugs += (page.unit_slugs.empty() ? "" : ", ") + unit->slug;
  }
  return page;
}

http::Response show(Site& site, const Visit& visit, const DeskVisit& desk, int status,
                    DocumentsDeskPage page) {
  if (!page.editing) {
    auto docs = site.store.documents().documents();
    if (!docs) return site.error(visit, docs.error());
    page.documents = std::move(*docs);
  }
  const auto tree = site.sections();
  return desk_page(site, visit, status,
                   site.views.desk_documents(site.view_context(visit, *tree),
                                             desk_menu(desk, visit.lang), page));
}

// A refused form: the page again with what was typed and the message.
http::Response refused(Site& site, const Visit& visit, const DeskVisit& desk, Posted posted,
                       std::string message) {
  DocumentsDeskPage page = page_of(site.store, posted.document);
  page.unit_slugs = std::move(posted.unit_slugs);
  page.practice_ids = std::move(posted.practice_ids);
  page.error = std::move(message);
  if (page.editing) {
    auto stored = site.store.documents().document(posted.document.id);
    if (stored) page.form.versions = stored->versions;
  }
  return show(site, visit, desk, 400, std::move(page));
}

// The form's file, checked: a refusal (invalid_input) carries the message for the uploader in
// Polish (the check's own, or that no file was chosen).
struct ChosenFile {
  const http::UploadedFile* file = nullptr;
  CheckedUpload checked;
};
Result<ChosenFile> chosen_file(const http::MultipartForm& form, i18n::Lang lang) {
  for (const auto& f : form.files) {
    if (f.field != "plik" || f.file_name.empty() || f.file->size() == 0) continue;
    auto checked = check_upload(f);
    if (!checked) return std::unexpected(checked.error());
    return ChosenFile{&f, std::move(*checked)};
  }
  return fail(ErrorKind::invalid_input, std::string(i18n::tr(lang, "desk.documents_no_file")));
}

// The answer to a refused file: the form again with its message; other errors as they are.
http::Response refused_file(Site& site, const Visit& visit, const DeskVisit& desk, Posted posted,
                            const Error& error) {
  if (error.kind != ErrorKind::invalid_input) return site.error(visit, error);
  return refused(site, visit, desk, std::move(posted), error.message);
}

// Runs `work` (given the admitted desk and the upload form) off the request thread.
template <class Work>
http::Response upload_post(Site& site, const Visit& visit, Work work) {
  auto admission = admit(site, visit, Action::manage_documents);
  if (!admission.desk) return admission.refusal;
  auto request = std::make_shared<http::Request>(visit.request);
  http::Response deferred;
  deferred.deferred = [&site, request, visit = visit.over(*request), desk = *admission.desk, work] {
    auto form = desk_upload_form(*request, desk);
    if (!form) return site.error(visit, form.error());
    return work(site, visit, desk, *form);
  };
  return deferred;
}

http::Response create(Site& site, const Visit& visit, const DeskVisit& desk,
                      const http::MultipartForm& form) {
  auto posted = posted_document(site.store, form.fields, Document{});
  if (!posted.problem.empty()) {
    return refused(site, visit, desk, posted, std::string(i18n::tr(visit.lang, posted.problem)));
  }
  auto chosen = chosen_file(form, visit.lang);
  if (!chosen) return refused_file(site, visit, desk, std::move(posted), chosen.error());
  const auto now = unix_now();
  auto& docs = site.store.documents();
  auto id = docs.save_document(posted.document, audit_by(desk, now, "document:create", ""));
  if (!id) return site.error(visit, id.error());
  auto version = add_uploaded_version(docs, *id, *chosen->file, chosen->checked, desk.editor.email,
                                      now, audit_by(desk, now, "document:version", ""));
  if (!version) return site.error(visit, version.error());
  return see_other(fmt::format("/redakcja/dokumenty/{}", *id));
}

Result<Document> stored(Site& site, const Params& params) {
  const auto id = number_of(params.at("id"));
  if (!id) return fail(ErrorKind::not_found, "no document " + params.at("id"));
  return site.store.documents().document(*id);
}

// The work of a POST about one stored document: given its form and the document as stored.
using DocumentWork = http::Response (*)(Site&, const Visit&, const DeskVisit&,
                                        const http::MultipartForm&, const Params&, Document&);

http::Response update(Site& site, const Visit& visit, const DeskVisit& desk,
                      const http::MultipartForm& form, const Params&, Document& doc) {
  auto posted = posted_document(site.store, form.fields, doc);
  if (!posted.problem.empty()) {
    return refused(site, visit, desk, posted, std::string(i18n::tr(visit.lang, posted.problem)));
  }
  auto saved = site.store.documents().save_document(
      posted.document, audit_by(desk, unix_now(), "document:update", ""));
  if (!saved) return site.error(visit, saved.error());
  return see_other(fmt::format("/redakcja/dokumenty/{}", doc.id));
}

http::Response add_version(Site& site, const Visit& visit, const DeskVisit& desk,
                           const http::MultipartForm& form, const Params&, Document& doc) {
  auto chosen = chosen_file(form, visit.lang);
  if (!chosen) {
    const auto shown = page_of(site.store, doc);
    return refused_file(site, visit, desk, Posted{doc, shown.unit_slugs, shown.practice_ids, {}},
                        chosen.error());
  }
  const auto now = unix_now();
  auto version =
      add_uploaded_version(site.store.documents(), doc.id, *chosen->file, chosen->checked,
                           desk.editor.email, now, audit_by(desk, now, "document:version", ""));
  if (!version) return site.error(visit, version.error());
  return see_other(fmt::format("/redakcja/dokumenty/{}", doc.id));
}

http::Response withdraw(Site& site, const Visit& visit, const DeskVisit& desk,
                        const http::MultipartForm& form, const Params& params, Document& doc) {
  const auto number = number_of(params.at("number"));
  const DocumentVersion* version = nullptr;
  for (const auto& v : doc.versions) {
    if (number && v.number == *number) version = &v;
  }
  if (!version) return site.error(visit, Error{ErrorKind::not_found, "no such version"});
  const auto reason = trimmed(http::form_field(form.fields, "powod").value_or(""));
  const auto now = unix_now();
  auto withdrawn = site.store.documents().withdraw_version(
      version->id, now, desk.editor.email, reason,
      audit_by(desk, now, "document:withdraw", "", fmt::format("{} {}", version->number, reason)));
  if (!withdrawn && withdrawn.error().kind != ErrorKind::conflict) {
    return site.error(visit, withdrawn.error());
  }
  return see_other(fmt::format("/redakcja/dokumenty/{}", doc.id));
}

}  // namespace

void add_document_desk_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [&site](auto handler) {
    return Route{RouteKind::page,
                 [&site, handler](const Visit& v, const Params& p) { return handler(site, v, p); }};
  };
  // A POST about one stored document: admitted, its form read off the request thread, the
  // document read, then `work`.
  const auto document_post = [&page](DocumentWork work) {
    return page([work](Site& s, const Visit& v, const Params& p) {
      return upload_post(s, v,
                         [work, params = p](Site& site, const Visit& visit, const DeskVisit& desk,
                                            const http::MultipartForm& form) {
                           auto doc = stored(site, params);
                           if (!doc) return site.error(visit, doc.error());
                           return work(site, visit, desk, form, params, *doc);
                         });
    });
  };
  routes.add(M::get, "/redakcja/dokumenty", page([](Site& s, const Visit& v, const Params&) {
               auto admission = admit(s, v, Action::manage_documents);
               if (!admission.desk) return admission.refusal;
               return show(s, v, *admission.desk, 200, DocumentsDeskPage{});
             }));
  routes.add(M::post, "/redakcja/dokumenty", page([](Site& s, const Visit& v, const Params&) {
               return upload_post(s, v, create);
             }));
  routes.add(M::get, "/redakcja/dokumenty/{id}", page([](Site& s, const Visit& v, const Params& p) {
               auto admission = admit(s, v, Action::manage_documents);
               if (!admission.desk) return admission.refusal;
               auto doc = stored(s, p);
               if (!doc) return s.error(v, doc.error());
               return show(s, v, *admission.desk, 200, page_of(s.store, *doc));
             }));
  routes.add(M::post, "/redakcja/dokumenty/{id}", document_post(update));
  routes.add(M::post, "/redakcja/dokumenty/{id}/wersje", document_post(add_version));
  routes.add(M::post, "/redakcja/dokumenty/{id}/wersje/{number}/wycofaj", document_post(withdraw));
}

}  // namespace bdp::web
