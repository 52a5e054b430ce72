#include <algorithm>

#include "store/sql/tables.h"

namespace bdp::sql {
namespace {

// `sections` with `from` replaced by `into`, once.
void replace_section(std::vector<std::int64_t>& sections, std::int64_t from, std::int64_t into) {
  if (std::ranges::find(sections, into) != sections.end()) {
    std::erase(sections, from);
  } else {
    std::ranges::replace(sections, from, into);
  }
}

// The content of each pending revision (model/revision.h) that files its practice in `section`.
Result<std::vector<Practice>> pending_in(Connection& c, std::int64_t section) {
  auto contents = read_pending_contents(c);
  if (!contents) return std::unexpected(contents.error());
  std::erase_if(*contents, [&](const Practice& p) {
    return std::ranges::find(p.section_ids, section) == p.section_ids.end();
  });
  return contents;
}

// The pending revisions that file their practice in `from` file it in `into`.
Status move_pending_revisions(Connection& c, std::int64_t from, std::int64_t into,
                              const RevisionNote& note) {
  auto pending = pending_in(c, from);
  if (!pending) return std::unexpected(pending.error());
  for (auto& content : *pending) {
    replace_section(content.section_ids, from, into);
    if (auto moved = repropose(c, content, note); !moved) return moved;
  }
  return {};
}

// Moves the practices filed in `from` to `into`, each through its own save (a revision noted
// with `note`, a change naming both sections); a practice already in `into` keeps it once.
Status move_practices(Connection& c, std::int64_t from, std::int64_t into,
                      const RevisionNote& note) {
  auto practices = c.integers(
      "SELECT practice_id FROM practice_sections WHERE section_id = $1 ORDER BY practice_id",
      {value(from)});
  if (!practices) return std::unexpected(practices.error());
  for (auto id : *practices) {
    auto practice = read_practice(c, id);
    if (!practice) return std::unexpected(practice.error());
    replace_section(practice->section_ids, from, into);
    if (auto saved = write_practice(c, *practice, Stamp::now, note); !saved) {
      return std::unexpected(saved.error());
    }
  }
  return {};
}

// Moves the subsections of `from` under `into`, after its own, in their order.
Status move_subsections(Connection& c, std::int64_t from, std::int64_t into) {
  auto sections = read_sections(c);
  if (!sections) return std::unexpected(sections.error());
  int last = -1;
  for (const auto& s : *sections) {
    if (s.parent_id == into) last = std::max(last, s.position);
  }
  for (auto s : *sections) {
    if (s.parent_id != from) continue;
    s.parent_id = into;
    s.position = ++last;
    if (auto saved = write_section(c, s); !saved) return std::unexpected(saved.error());
  }
  return {};
}

}  // namespace

Status write_section_removal(Connection& c, std::int64_t id, std::optional<std::int64_t> into,
                             const RevisionNote& note) {
  auto source = read_stored_slug(c, "sections", id);
  if (!source) return std::unexpected(source.error());
  if (!*source) return fail(ErrorKind::not_found, "no section " + std::to_string(id));
  if (!into) {
    auto content = c.exec(
        "SELECT EXISTS (SELECT 1 FROM practice_sections WHERE section_id = $1) "
        "OR EXISTS (SELECT 1 FROM sections WHERE parent_id = $1)",
        {value(id)});
    if (!content) return std::unexpected(content.error());
    auto pending = pending_in(c, id);
    if (!pending) return std::unexpected(pending.error());
    if (content->boolean(0, 0) || !pending->empty()) {
      return fail(ErrorKind::conflict,
                  "section " + std::to_string(id) +
                      " has practices, pending revisions or subsections: name where they go");
    }
  } else {
    auto subtree = read_section_subtree(c, id);
    if (!subtree) return std::unexpected(subtree.error());
    if (std::ranges::find(*subtree, *into) != subtree->end()) {
      return fail(ErrorKind::invalid_input, "section " + std::to_string(id) +
                                                " cannot go into itself or its subsection " +
                                                std::to_string(*into));
    }
    auto target = read_stored_slug(c, "sections", *into);
    if (!target) return std::unexpected(target.error());
    if (!*target) return fail(ErrorKind::not_found, "no section " + std::to_string(*into));
    if (auto moved = move_practices(c, id, *into, note); !moved) return moved;
    if (auto moved = move_pending_revisions(c, id, *into, note); !moved) return moved;
    if (auto moved = move_subsections(c, id, *into); !moved) return moved;
  }
  if (auto deleted = c.run("DELETE FROM sections WHERE id = $1", {value(id)}); !deleted) {
    return deleted;
  }
  if (!into) {
    if (auto forgotten = forget_retired_slugs(c, EntityKind::section, id); !forgotten) {
      return forgotten;
    }
    return append_change(c, EntityKind::section, id, true);
  }
  if (auto repointed = repoint_retired_slugs(c, EntityKind::section, id, *into); !repointed) {
    return repointed;
  }
  auto live = read_stored_slug(c, "sections", *into);
  if (!live) return std::unexpected(live.error());
  if (auto retired = retire_slug(c, EntityKind::section, *into, *source, live->value_or(""));
      !retired) {
    return retired;
  }
  if (auto logged = append_change(c, EntityKind::section, id, true); !logged) return logged;
  return append_change(c, EntityKind::section, *into, false);
}

}  // namespace bdp::sql
