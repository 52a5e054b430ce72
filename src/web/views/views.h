// Views: model values → HTML pages, through the templates. Views never touch the database:
// handlers fetch what a page needs and pass it in. Every user-supplied string is escaped by the
// templates; only Markdown rendered by cmark (raw HTML disabled) is inserted unescaped.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "i18n/i18n.h"
#include "model/outgoing_mail.h"
#include "model/permalink.h"
#include "model/practice.h"
#include "model/section_tree.h"
#include "model/unit.h"
#include "model/verification.h"
#include "opendata/catalogue.h"
#include "search/query.h"
#include "store/store.h"
#include "web/branding_form.h"
#include "web/library_listing.h"
#include "web/map_snapshot.h"
#include "web/site_config.h"
#include "web/submission_form.h"
#include "web/unit_form.h"
#include "web/views/templates.h"
#include "workflow/assessment_summary.h"
#include "workflow/revision_compare.h"
#include "workflow/transitions.h"

namespace bdp::web {

// What every page shares: language, branding, the section tree for the menu, the current path.
struct ViewContext {
  i18n::Lang lang = i18n::Lang::pl;
  const SiteConfig* config = nullptr;
  const SectionTree* sections = nullptr;
  std::string path;                  // the request's decoded path, without its query
  std::int64_t current_section = 0;  // highlighted in the menu; 0 none
  std::string asset_version;         // cache-busting suffix of /static URLs
  // The programme header, funding note and partners in force (Site::branding); the config's
  // when null.
  std::shared_ptr<const Branding> branding;
};

// The marker the layout leaves where the visitor counter goes; the page cache splices the
// current count in at serve time. User content can never produce it: '<' is always escaped.
inline constexpr std::string_view kCounterMarker = "<!--bdp:counter-->";

enum class PracticeView { summary, full, attachments };

// The population a practice states, else its unit's latest figure.
std::optional<std::int64_t> population_of(const Practice& practice, const Unit& unit);

// The ISO date of a practice's last change: its store time's date, else the day it was entered.
std::string last_change_date(const Practice& practice);

// One column of a comparison (/porownaj).
struct ComparedPractice {
  Practice practice;
  Unit unit;
};

struct PracticeListing {
  Page<Practice> page;
  std::map<std::int64_t, Unit> units;              // the units of the listed practices
  std::map<std::int64_t, std::int64_t> adoptions;  // published adoptions by practice, when some
  int page_number = 1;                             // 1-based
  int page_size = 20;
};

// The editor login form: the e-mail typed (kept after a failure), the CSRF token of the form,
// and the error shown above it ("" for none).
struct LoginForm {
  std::string email;
  std::string csrf;
  std::string error;
};

// One line of the editors' recent-changes list: what changed and, when it can be shown, where.
struct RecentChange {
  std::int64_t seq = 0;
  std::string kind;   // translated label ("Praktyka")
  std::string title;  // the record's title, or "#id" when it is gone
  std::string href;   // the page it touched; "" when there is none (deleted, not published)
  bool deleted = false;
};

// "Near a place" on the results page: the place found, or what was typed when it was not (the
// page then says so, with nothing found).
struct SearchNear {
  std::optional<NearPlace> place;
  std::string unknown;
};

// What /mapa shows: the filters (search's facets, null when search failed), the practices they
// select, and the optional tile layer of the interactive map.
struct MapPage {
  search::Query query;
  const search::SearchResults* facets = nullptr;
  std::vector<const MapPractice*> practices;
  std::optional<NearPlace> near;  // "near a place", when asked
  std::string near_typed;         // what was typed when the place was not found
  std::string notice;             // a translation key shown above the map, "" for none
  std::string tile_url;           // "": the shipped boundaries only
};
// What a page adds to <head> beside its title and description: Atom feeds ({title, absolute
// address}) as <link rel="alternate"> (the feed of all new practices is always named first),
// schema.org JSON-LD (opendata::script_json text, "" for none), the OpenGraph type.
struct PageHead {
  std::vector<std::pair<std::string, std::string>> feeds;
  std::string json_ld;
  std::string og_type = "website";
};
// The {title, absolute address} of the Atom feed of a voivodeship and of a section.
std::pair<std::string, std::string> voivodeship_feed(const ViewContext& ctx,
                                                     const std::string& voivodeship);
std::pair<std::string, std::string> section_feed(const ViewContext& ctx, const Section& section);

// A unit the map places only at its county's or voivodeship's centre, or not at all: listed
// for editors on their dashboard, to be given coordinates.
struct UnplacedUnit {
  std::string name, slug, href;
  std::string placed;  // translated: how the map places it now
};

// The back office's bar on every desk page: who is logged in, their role (translated), the
// logout form's token, and the links their role may follow.
struct DeskMenu {
  std::string name;
  std::string role;
  std::string csrf;
  bool queue = false;
  bool audit = false;
  bool links = false;
  bool documents = false;
  bool adoptions = false;
  bool verification = false;
  bool outbox = false;
  bool units = false;
  bool sections = false;
  bool branding = false;
};

// A review queue: the practices in one status, with the number in every status for the tabs.
struct QueuePage {
  PracticeStatus status = PracticeStatus::submitted;
  std::vector<std::pair<PracticeStatus, std::size_t>> counts;
  std::vector<QueueItem> items;
  std::int64_t now = 0;  // Unix seconds: time in state is counted to it
};

// A practice under review: its record, where it stands, the comments, what the role may do.
// The expert assessment on a practice's review page: the visitor's own assessment, the form
// (offered while the practice is in review to a role that scores and has declared no conflict)
// with the own scores or what a refused form held, and every assessment with their summary
// once the visitor may see them (workflow/assessment_summary.h).
struct AssessmentPanel {
  std::optional<Assessment> own;
  bool conflict = false;  // the visitor declared a conflict of interest
  bool can_assess = false;
  Assessment form;
  std::vector<std::string> refused;  // fields a refused form left wrong (web/assessment_form.h)
  bool sees_others = false;
  std::vector<Assessment> all;
  std::vector<workflow::CriterionSummary> summary;
  bool disclosed = false;     // the practice's public page shows the summary
  bool can_disclose = false;  // the role may show or hide it (workflow Action::disclose_assessment)
};

struct ReviewPage {
  Practice practice;
  Unit unit;
  std::optional<PracticeWorkflow> workflow;
  std::string assignee_name;
  std::vector<ReviewComment> comments;
  std::vector<workflow::Transition> transitions;  // those the visitor's role may make
  std::vector<Editor> assignable;                 // empty when the role may not assign
  bool can_comment = false;
  AssessmentPanel assessment;
  std::string error;  // a refused form's message, shown above the forms
  std::int64_t now = 0;
  bool can_edit = false;  // the role may edit the text (workflow Action::edit_content)
  // A published practice's pending revision, and what publishing it would do with the fixes
  // of the published text since its base (workflow/pending_merge.h): keys of `pending_fields`.
  std::optional<PendingRevision> pending;
  std::vector<ContentField> pending_fields;
  std::vector<std::string> pending_carried;
  std::vector<std::string> pending_overridden;
  bool can_publish_pending = false;
};

// /redakcja/praktyki/{id}/tresc: the form of a practice's text (web/content_form.h). What it
// edits: an unpublished practice's working copy, a published one's text (a fix, public at once,
// that leaves its pending revision as it is) or its pending revision (made from the published
// text when there is none).
enum class ContentTarget { working_copy, published, pending };
struct ContentEditorPage {
  Practice practice;  // as stored
  ContentTarget target = ContentTarget::working_copy;
  bool has_pending = false;          // a published practice with a pending revision
  std::vector<ContentField> values;  // shown, or as typed
  std::string reason;                // as typed
  std::vector<FieldError> errors;    // content_form's, and "powod" (a fix needs a reason)
};

// /redakcja/praktyki/{id}/wersje: the practice's revisions (oldest first, as the store gives
// them; shown newest first), the form comparing two, and the one restoring a revision when the
// role `may_restore` (into the pending revision of a published practice), or why not when the
// practice is archived (not `restorable`). `pending` marks the pending revision (0: none).
struct RevisionsPage {
  Practice practice;
  std::vector<PracticeRevision> revisions;
  int pending = 0;
  bool may_restore = false;
  bool restorable = false;
  std::string error;  // a refused restore's message (translated)
};

// /redakcja/praktyki/{id}/wersje/porownaj: revision `from` (number 0: before the first) against
// `to`, with what changed between them.
struct RevisionComparePage {
  Practice practice;
  PracticeRevision from;
  PracticeRevision to;
  std::vector<workflow::FieldChange> changes;
};

struct AuditPage {
  std::vector<AuditEntry> entries;
  std::string action;  // the filters as typed
  std::string entity;
  std::int64_t next_before = 0;  // the next page's `przed`, 0 when this is the last
};

// /redakcja/linki: every link (Store::links() order) with its last check, the broken ones
// also in a section of their own above (or alone, when `only_broken`); and the form that adds
// a link, or, when `editing`, only the form editing `form` (its id). A refused form comes back
// with what was typed and `error` (translated) above it.
struct LinksDeskPage {
  std::vector<Link> links;
  bool only_broken = false;
  bool editing = false;
  Link form;
  std::string error;
};

// The back office's document library: the list (with each current version's text status) and
// the form of a new document, or one document's page (metadata form, versions with their
// withdrawal forms, the form adding a version).
struct DocumentsDeskPage {
  std::vector<Document> documents;  // the list (when not editing)
  bool editing = false;
  Document form;           // the document edited, or what a refused form held
  std::string unit_slugs;  // the form's units and practices as typed
  std::string practice_ids;
  std::string error;  // a refused form's message, shown above the forms
};

// The password form: the error of a refused change ("" for none), or that it was changed.
struct PasswordForm {
  std::string error;
  bool changed = false;
};

// The public submission form's pages: the task list, a step, "check your answers", the sent
// page with the private link, and the status page the link opens.
struct SubmissionPage {
  const SubmissionForm* form = nullptr;  // never null when rendered
  std::string csrf;                      // the draft's form token ("" before any draft)
  std::vector<FieldError> errors;        // of the step shown (or of every step, on check)
  bool editing = false;                  // the form edits a sent practice
};
struct SubmissionStatusPage {
  std::string title;
  PracticeStatus status = PracticeStatus::submitted;
  std::string entered_on;
  std::vector<ReviewComment> comments;  // addressed to the submitter
  std::string edit_action;              // the form that starts editing; "" when not allowed
  std::string public_href;              // once published
};

// The library's listing: the documents chosen, the filters as given, the names of the units
// its unit filter offers.
struct LibraryPage {
  const LibraryListing* listing = nullptr;
  LibraryFilter filter;
  std::map<std::int64_t, std::string> unit_names;
  std::map<std::int64_t, bool> has_thumbnail;  // by version id
};

// A document's page: what it belongs to, as links.
struct PageLink {
  std::string text;
  std::string href;
};
struct DocumentPage {
  const Document* document = nullptr;
  std::vector<PageLink> units;
  std::vector<PageLink> practices;
};

// One adoption as a page shows it: the unit that took the practice up and the practice at the
// other end of the link (its own version on the adopted practice's page, the adopted one on
// its own version's page), when that has a public page.
struct AdoptionLink {
  Adoption adoption;
  Unit unit;
  std::optional<PageLink> practice;
};
// A practice's adoptions: "Przeniesione do…" (units that took it up) and "Zainspirowane
// przez…" (the practices it took up), published ones only.
struct PracticeAdoptions {
  std::vector<AdoptionLink> taken_up;
  std::vector<AdoptionLink> inspired_by;
};

// The form "Zastosowaliśmy to u nas" of a practice: what was typed and what was refused, or
// the thanks once sent.
struct AdoptionFormPage {
  const Practice* practice = nullptr;  // never null when rendered
  const SubmissionForm* form = nullptr;
  std::vector<FieldError> errors;
  bool sent = false;
};

// One adoption on the editors' list: `link.practice` is the practice taken up; `own` the
// unit's own practice it names (with that practice's unit), when it names one that exists.
struct DeskAdoption {
  AdoptionLink link;
  std::optional<PageLink> own;
  std::string own_unit;
};
// The editors' list of adoptions (/redakcja/zastosowania): those waiting and those shown.
struct AdoptionsDeskPage {
  std::vector<DeskAdoption> pending;
  std::vector<DeskAdoption> published;
};

// What a practice's page says of its data's verification (workflow/verification_schedule.h):
// the dates its content and contacts were confirmed (ISO, "" when never) and, long overdue, a
// notice that they may be out of date.
struct PracticeFreshness {
  std::string content_verified_on;
  std::string contacts_verified_on;
  bool stale = false;
};

// /redakcja/weryfikacja: the published practices due for verification, the longest unverified
// first, each with the one-click buttons; `verified_id` names the one just marked (0: none).
struct VerificationDeskRow {
  VerificationItem item;
  std::string href;  // the public page
  bool long_overdue = false;
};
struct VerificationDeskPage {
  std::vector<VerificationDeskRow> rows;
  int months = 12;
  std::int64_t verified_id = 0;
};

// /potwierdz/<token>: the practice whose submitter confirms from a reminder that its data is
// current (a button: mail scanners follow links, never forms); `done` once confirmed.
struct VerificationConfirmPage {
  std::string title;
  std::string practice_href;
  std::string action;  // the form's address: the link itself
  bool done = false;
};

// /redakcja/poczta: the outbox's mails in one state (dead letters first offered), newest first,
// without their bodies (they carry private links); a dead one can be sent again.
struct OutboxDeskPage {
  MailState state = MailState::dead;
  std::vector<OutgoingMail> mails;
  bool requeued = false;  // a dead letter was just queued again
};

// The back office's units: the list (those matching a part of the name or address, at most a
// few hundred, by name) or one unit's page — its form (as stored, or as typed when refused)
// and the form merging it, a duplicate, into another unit.
struct UnitsDeskPage {
  std::vector<Unit> units;   // the list (when not editing)
  std::size_t matching = 0;  // units matching the filter, listed or not
  std::string query;         // the filter as typed
  bool editing = false;
  Unit unit;  // the unit edited, as stored
  UnitForm form;
  std::vector<FieldError> errors;
  std::string merge_into, merge_reason;  // the merge form as typed
  bool saved = false;                    // the unit was just saved (or merged into)
};

// The back office's branding form, as stored or as typed when refused, with the logos that
// may be chosen.
struct BrandingDeskPage {
  BrandingForm form;
  std::vector<std::string> logos;
  std::vector<FieldError> errors;
  bool saved = false;
};

// The back office's section tree (the context's tree, read from the store): the tree with the
// form adding a section, or one section's form.
struct SectionsDeskPage {
  std::int64_t editing = 0;  // the section edited; 0 for the tree
  Section form;              // the form's section, as typed when refused
  std::vector<FieldError> errors;
  std::int64_t saved = 0;  // the section just saved or moved
  bool removed = false;    // a section was just removed (with nowhere its content went)
  // The removal form of the edited section, as typed when refused: where its content goes
  // (0: nowhere) and why.
  std::int64_t removal_into = 0;
  std::string removal_reason;
};

class Views {
 public:
  // `gazetteer` (borrowed, may be null: no maps are drawn) places units on the maps.
  explicit Views(const Templates& templates, const geo::Gazetteer* gazetteer = nullptr)
      : templates_(templates), gazetteer_(gazetteer) {}

  std::string home(const ViewContext& ctx, const PracticeListing& newest,
                   const std::vector<std::pair<std::int64_t, std::int64_t>>& section_counts) const;
  std::string section(const ViewContext& ctx, const Section& section, const PracticeListing& list,
                      PracticeSort sort) const;
  // Up to three practices side by side: unit, type, population, sections, dates and each
  // heading of the methodology one of them has; `full`: with the notice that a fourth was refused.
  std::string comparison(const ViewContext& ctx, const std::vector<ComparedPractice>& compared,
                         bool full) const;
  // `similar` and `units_like` (from the search index) are listed under the summary view.
  // `documents`: the library's documents attached to it, listed in its "Załączniki" tab.
  // `assessment`: the criteria of its disclosed expert assessment someone scored (none: hidden).
  std::string practice(const ViewContext& ctx, const Practice& practice, const Unit& unit,
                       PracticeView view, const std::vector<search::Hit>& similar = {},
                       const std::vector<search::Hit>& units_like = {},
                       const std::vector<Document>& documents = {},
                       const PracticeAdoptions& adoptions = {},
                       const PracticeFreshness& freshness = {},
                       const std::vector<workflow::CriterionSummary>& assessment = {}) const;
  // /praktyki/<id>/zastosowalismy (adoption_views.cpp).
  std::string adoption_form(const ViewContext& ctx, const AdoptionFormPage& page) const;
  // The results page; `results` is null when the search failed (a message is shown instead).
  std::string search(const ViewContext& ctx, const search::Query& query,
                     const search::SearchResults* results, const SearchNear& near = {}) const;
  std::string unit(const ViewContext& ctx, const Unit& unit, const PracticeListing& list) const;
  // /publikacje and a document's page (document_views.cpp): withdrawn versions are listed as
  // such, without a link.
  std::string library(const ViewContext& ctx, const LibraryPage& page) const;
  std::string document(const ViewContext& ctx, const DocumentPage& page) const;
  // /mapa: a server-drawn SVG map (markers grouped by town, each a link to its group in the
  // list) and the list grouped voivodeship → county → town, linked by skip links; the
  // interactive map enhances it when JavaScript runs (assets/js/map.js).
  // REQUIRES: a gazetteer.
  std::string map(const ViewContext& ctx, const MapPage& page) const;
  // A simple page: heading, paragraphs, an optional link (placeholders, SMUP, errors).
  std::string message(const ViewContext& ctx, const std::string& title,
                      const std::vector<std::string>& paragraphs, const std::string& link_href,
                      const std::string& link_text) const;
  std::string accessibility(const ViewContext& ctx) const;
  // The open-data page (/dane): the downloads, the API, the feeds, the catalogue for
  // harvesters, with the catalogue's schema.org Dataset.
  std::string open_data(const ViewContext& ctx, const opendata::CatalogueInfo& catalogue) const;
  // The unit's published practices as a small page of its own, to be framed on the unit's
  // site (/osadz/jednostki/<unit>): no script, links absolute and opened outside the frame.
  std::string embed_unit(const ViewContext& ctx, const Unit& unit,
                         const std::vector<Practice>& practices) const;
  // The editors' pages (never cached): the login form, and the dashboard of the logged-in
  // editor with the recent changes and a logout form carrying `logout_csrf`.
  std::string login(const ViewContext& ctx, const LoginForm& form) const;
  std::string dashboard(const ViewContext& ctx, const DeskMenu& menu,
                        const std::vector<RecentChange>& changes,
                        const std::vector<UnplacedUnit>& unplaced = {}) const;
  // The back office's review pages, the audit log and the password form (desk_views.cpp).
  std::string review_queue(const ViewContext& ctx, const DeskMenu& menu,
                           const QueuePage& page) const;
  std::string review_practice(const ViewContext& ctx, const DeskMenu& menu,
                              const ReviewPage& page) const;
  std::string audit_log(const ViewContext& ctx, const DeskMenu& menu, const AuditPage& page) const;
  // The form of a practice's text (content_views.cpp).
  std::string content_editor(const ViewContext& ctx, const DeskMenu& menu,
                             const ContentEditorPage& page) const;
  // A practice's revisions (revision_views.cpp).
  std::string revisions(const ViewContext& ctx, const DeskMenu& menu,
                        const RevisionsPage& page) const;
  std::string revision_compare(const ViewContext& ctx, const DeskMenu& menu,
                               const RevisionComparePage& page) const;
  std::string password_form(const ViewContext& ctx, const DeskMenu& menu,
                            const PasswordForm& form) const;
  std::string desk_links(const ViewContext& ctx, const DeskMenu& menu,
                         const LinksDeskPage& page) const;
  std::string desk_documents(const ViewContext& ctx, const DeskMenu& menu,
                             const DocumentsDeskPage& page) const;
  std::string desk_adoptions(const ViewContext& ctx, const DeskMenu& menu,
                             const AdoptionsDeskPage& page) const;
  // Verification of data (verification_views.cpp).
  std::string desk_verifications(const ViewContext& ctx, const DeskMenu& menu,
                                 const VerificationDeskPage& page) const;
  std::string verification_confirm(const ViewContext& ctx,
                                   const VerificationConfirmPage& page) const;
  // The mail outbox (outbox_views.cpp).
  std::string desk_outbox(const ViewContext& ctx, const DeskMenu& menu,
                          const OutboxDeskPage& page) const;
  std::string desk_units(const ViewContext& ctx, const DeskMenu& menu,
                         const UnitsDeskPage& page) const;
  std::string desk_sections(const ViewContext& ctx, const DeskMenu& menu,
                            const SectionsDeskPage& page) const;
  std::string desk_branding(const ViewContext& ctx, const DeskMenu& menu,
                            const BrandingDeskPage& page) const;
  // /inne-bazy: `links` (in Store::links() order) grouped by category, each name a link out;
  // a link whose last check failed stays listed, flagged, with an archived copy offered.
  std::string other_databases(const ViewContext& ctx, const std::vector<Link>& links) const;

  // /zglos-praktyke (submission_views.cpp).
  std::string submission_tasks(const ViewContext& ctx, const SubmissionPage& page) const;
  std::string submission_step(const ViewContext& ctx, const StepSpec& step,
                              const SubmissionPage& page) const;
  std::string submission_check(const ViewContext& ctx, const SubmissionPage& page) const;
  std::string submission_sent(const ViewContext& ctx, const std::string& private_link,
                              bool resent) const;
  std::string submission_status(const ViewContext& ctx, const SubmissionStatusPage& page) const;

  // The counter sentence as shown on every page: "1 756 567 gości odwiedziło nas od 1 kwietnia
  // 2008 r.", escaped HTML.
  static std::string counter_html(i18n::Lang lang, const SiteConfig& config, std::int64_t total);

 private:
  struct Meta {
    std::string title;
    std::string description;
    std::string canonical_path;
  };
  std::string layout(const ViewContext& ctx, const Meta& meta, const std::string& body) const;
  std::string layout(const ViewContext& ctx, const Meta& meta, const std::string& body,
                     const PageHead& head) const;
  Data base_data(const ViewContext& ctx) const;
  // base_data with the desk bar of `menu`.
  Data desk_data(const ViewContext& ctx, const DeskMenu& menu) const;
  // The small map of the unit's place (safe SVG), or false when it has none or no gazetteer.
  Data place_map(i18n::Lang lang, const Unit& unit) const;
  const Templates& templates_;
  const geo::Gazetteer* gazetteer_;
};

// The breadcrumb of section `id` (root first) as template data: {href, name, last}.
List crumbs_of(const SectionTree& tree, std::int64_t id);

// Permalinks (model/permalink.h), named here too for the views' callers.
using bdp::practice_path;
using bdp::section_path;
using bdp::unit_path;

}  // namespace bdp::web
