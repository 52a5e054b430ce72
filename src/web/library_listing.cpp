#include "web/library_listing.h"

#include <unicode/coll.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>

#include "web/page_number.h"

namespace bdp::web {
namespace {

template <class T>
std::optional<T> number(const std::string& text) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool has_tag(const Document& d, const std::string& tag) {
  return std::find(d.tags.begin(), d.tags.end(), tag) != d.tags.end();
}
bool has_unit(const Document& d, std::int64_t unit) {
  return std::find(d.unit_ids.begin(), d.unit_ids.end(), unit) != d.unit_ids.end();
}

// Whether `d` passes every filter but the one named `skip` (each option counts what choosing
// it would give with the other filters kept).
enum class Skip { none, kind, year, tag, unit };
bool passes(const Document& d, const LibraryFilter& f, Skip skip) {
  if (skip != Skip::kind && f.kind && d.kind != *f.kind) return false;
  if (skip != Skip::year && f.year && d.year != *f.year) return false;
  if (skip != Skip::tag && !f.tag.empty() && !has_tag(d, f.tag)) return false;
  if (skip != Skip::unit && f.unit_id && !has_unit(d, f.unit_id)) return false;
  return true;
}

std::vector<FilterOption> options(const std::map<std::string, std::int64_t>& counts,
                                  const std::string& selected) {
  std::vector<FilterOption> out;
  out.reserve(counts.size());
  for (const auto& [value, count] : counts) out.push_back({value, count, value == selected});
  return out;
}

}  // namespace

Result<LibraryFilter> library_filter(const http::Request& request) {
  LibraryFilter f;
  const auto bad = [](std::string why) { return fail(ErrorKind::invalid_input, std::move(why)); };
  if (auto kind = request.param("rodzaj"); !kind.empty()) {
    f.kind = document_kind_from_string(kind);
    if (!f.kind) return bad("unknown document kind " + kind);
  }
  if (auto year = request.param("rok"); !year.empty()) {
    f.year = number<int>(year);
    if (!f.year) return bad("bad year " + year);
  }
  f.tag = request.param("tag");
  if (auto unit = request.param("jednostka"); !unit.empty()) {
    auto id = number<std::int64_t>(unit);
    if (!id || *id <= 0) return bad("bad unit " + unit);
    f.unit_id = *id;
  }
  const auto sort = request.param("sort");
  if (sort == "tytul") {
    f.sort = LibrarySort::title;
  } else if (sort == "rok") {
    f.sort = LibrarySort::year;
  } else if (!sort.empty() && sort != "data") {
    return bad("unknown sort " + sort);
  }
  auto page = page_number(request);
  if (!page) return bad("bad page number");
  f.page = *page;
  return f;
}

LibraryListing list_documents(const std::vector<Document>& documents, const LibraryFilter& filter,
                              int page_size) {
  LibraryListing out;
  out.page = filter.page;
  out.page_size = page_size;
  std::map<std::string, std::int64_t> kinds, years, tags, units;
  std::vector<const Document*> chosen;
  for (const auto& d : documents) {
    if (!current_version(d)) continue;
    if (passes(d, filter, Skip::kind)) ++kinds[to_string(d.kind)];
    if (d.year && passes(d, filter, Skip::year)) ++years[std::to_string(*d.year)];
    if (passes(d, filter, Skip::tag)) {
      for (const auto& tag : d.tags) ++tags[tag];
    }
    if (passes(d, filter, Skip::unit)) {
      for (auto unit : d.unit_ids) ++units[std::to_string(unit)];
    }
    if (passes(d, filter, Skip::none)) chosen.push_back(&d);
  }
  // Input order is newest first; the other orders are stable over it.
  if (filter.sort == LibrarySort::title) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> polish(icu::Collator::createInstance(icu::Locale("pl"), status));
    std::stable_sort(chosen.begin(), chosen.end(), [&](const Document* a, const Document* b) {
      if (U_FAILURE(status)) return a->title < b->title;
      UErrorCode ignored = U_ZERO_ERROR;
      return polish->compare(icu::UnicodeString::fromUTF8(a->title),
                             icu::UnicodeString::fromUTF8(b->title), ignored) == UCOL_LESS;
    });
  } else if (filter.sort == LibrarySort::year) {
    std::stable_sort(chosen.begin(), chosen.end(), [](const Document* a, const Document* b) {
      return a->year.value_or(0) > b->year.value_or(0);
    });
  }
  out.total = static_cast<std::int64_t>(chosen.size());
  const auto first =
      static_cast<std::size_t>(filter.page - 1) * static_cast<std::size_t>(page_size);
  for (std::size_t i = first; i < chosen.size() && i < first + page_size; ++i) {
    out.shown.push_back(chosen[i]);
  }
  out.kinds = options(kinds, filter.kind ? to_string(*filter.kind) : "");
  out.years = options(years, filter.year ? std::to_string(*filter.year) : "");
  std::reverse(out.years.begin(), out.years.end());  // the newest year first
  out.tags = options(tags, filter.tag);
  out.units = options(units, filter.unit_id ? std::to_string(filter.unit_id) : "");
  return out;
}

}  // namespace bdp::web
