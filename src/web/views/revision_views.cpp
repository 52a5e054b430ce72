// The back office's pages of a practice's revisions: the list with the compare and restore forms,
// and two revisions compared, each changed field word by word (ins/del with their meaning in
// text, not in colour alone).
#include <fmt/format.h>

#include <ranges>

#include "web/views/content_labels.h"
#include "web/views/local_time.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

std::string text_of(i18n::Lang lang, const std::string& key) {
  return std::string(i18n::tr(lang, key));
}

// "2026-12-03 10:20, anna@gmina.pl"
std::string noted(const RevisionNote& note) {
  return fmt::format("{}, {}", local_time(note.at), note.actor);
}

Data pieces_data(const std::vector<workflow::DiffPiece>& pieces) {
  List out;
  for (const auto& piece : pieces) {
    Data item{Data::type::object};
    item.set("same", piece.kind == workflow::DiffKind::same);
    item.set("deleted", piece.kind == workflow::DiffKind::deleted);
    item.set("inserted", piece.kind == workflow::DiffKind::inserted);
    item.set("text", piece.text);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

std::string Views::revisions(const ViewContext& ctx, const DeskMenu& menu,
                             const RevisionsPage& page) const {
  Data d = desk_data(ctx, menu);
  const std::int64_t id = page.practice.id;
  d.set("id", std::to_string(id));
  d.set("title", page.practice.title);
  d.set("error", optional_text(page.error));
  const int latest = page.revisions.empty() ? 0 : page.revisions.back().number;
  List rows;
  List restorable;
  for (const auto& r : std::ranges::reverse_view(page.revisions)) {
    Data row{Data::type::object};
    const std::string number = std::to_string(r.number);
    row.set("number", number);
    row.set("previous", std::to_string(r.number - 1));
    row.set("at", local_time(r.note.at));
    row.set("actor", r.note.actor);
    row.set("reason", optional_text(r.note.reason));
    row.set("hash", r.content_hash.substr(0, 12));
    row.set("same_as", optional_text(r.same_content_as ? std::to_string(*r.same_content_as) : ""));
    row.set("pending", r.number == page.pending);
    row.set("from_checked", r.number == latest - 1 || (latest == 1 && r.number == 1));
    row.set("to_checked", r.number == latest);
    rows.push_back(std::move(row));
    if (r.number != latest) {
      Data option{Data::type::object};
      option.set("number", number);
      option.set("label", fmt::format("{} {} ({})", text_of(ctx.lang, "rev.revision"), r.number,
                                      noted(r.note)));
      restorable.push_back(std::move(option));
    }
  }
  d.set("has_revisions", !rows.empty());
  d.set("rows", rows);
  d.set("can_compare", rows.size() > 1);
  d.set("may_restore", page.may_restore && !restorable.empty());
  d.set("restorable", page.restorable);
  d.set("to_pending", page.practice.status == PracticeStatus::published);
  d.set("restore_options", restorable);
  const std::string path = fmt::format("/redakcja/praktyki/{}/wersje", id);
  return layout(ctx, {page.practice.title + " — " + text_of(ctx.lang, "rev.heading"), "", path},
                templates_.render("revisions", std::move(d)));
}

std::string Views::revision_compare(const ViewContext& ctx, const DeskMenu& menu,
                                    const RevisionComparePage& page) const {
  Data d = desk_data(ctx, menu);
  d.set("id", std::to_string(page.practice.id));
  d.set("title", page.practice.title);
  d.set("from_number", std::to_string(page.from.number));
  d.set("from_noted", optional_text(page.from.number ? noted(page.from.note) : ""));
  d.set("to_number", std::to_string(page.to.number));
  d.set("to_noted", noted(page.to.note));
  List changes;
  for (const auto& change : page.changes) {
    Data item{Data::type::object};
    item.set("label", content_label(ctx.lang, change.key, page.to.fields, page.from.fields));
    item.set("added", change.added);
    item.set("removed", change.removed);
    item.set("pieces", pieces_data(change.pieces));
    changes.push_back(std::move(item));
  }
  d.set("has_changes", !changes.empty());
  d.set("changes", changes);
  const std::string path = fmt::format("/redakcja/praktyki/{}/wersje/porownaj", page.practice.id);
  return layout(ctx, {page.practice.title + " — " + text_of(ctx.lang, "rev.compare"), "", path},
                templates_.render("revision_compare", std::move(d)));
}

}  // namespace bdp::web
