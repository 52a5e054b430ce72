#include "model/revision.h"

#include <charconv>
#include <map>
#include <string_view>

namespace bdp {
namespace {

constexpr std::size_t kMaxListIndex = 10000;  // no stored practice comes near it

std::string joined_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

// The parts of `text` between `separator`s; none for an empty text.
std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::size_t start = 0;
  for (;;) {
    const auto end = text.find(separator, start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

template <class Number>
bool parse_number(std::string_view text, Number& out) {
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end && !text.empty();
}

// The list item's key of `key` when it is one of `list`.
std::optional<ListFieldKey> list_key(std::string_view key, std::string_view list) {
  auto k = list_field_key(key);
  if (!k || k->list != list) return std::nullopt;
  return k;
}

template <class Item>
Item& item_at(std::vector<Item>& items, std::size_t index) {
  if (items.size() <= index) items.resize(index + 1);
  return items[index];
}

// Sets the one field `f` names on `p`, a list item's at `at` (its place among the list's
// items); false for a key that names none.
bool apply(Practice& p, const ContentField& f, std::size_t at) {
  const std::string& v = f.value;
  if (auto k = list_key(f.key, "contacts")) {
    auto& c = item_at(p.contacts, at);
    if (k->sub == "name") return c.name = v, true;
    if (k->sub == "position") return c.position = v, true;
    if (k->sub == "phones") return c.phones = split(v, '\n'), true;
    if (k->sub == "email") return c.email = v, true;
    return false;
  }
  if (auto k = list_key(f.key, "presentation")) {
    auto& part = item_at(p.presentation, at);
    if (k->sub == "key") return part.key = v, true;
    if (k->sub == "heading") return part.heading = v, true;
    if (k->sub == "body") return part.body = v, true;
    return false;
  }
  if (auto k = list_key(f.key, "attachments")) {
    auto& a = item_at(p.attachments, at);
    if (k->sub == "title") return a.title = v, true;
    if (k->sub == "url") return a.url = v, true;
    return false;
  }
  struct Text {
    const char* key;
    std::string Practice::*field;
  };
  static constexpr Text kTexts[] = {
      {"title", &Practice::title},
      {"summary", &Practice::summary},
      {"entered_on", &Practice::entered_on},
      {"implementing_body", &Practice::implementing_body},
      {"postal_code", &Practice::postal_code},
      {"post_office", &Practice::post_office},
      {"street", &Practice::street},
      {"website", &Practice::website},
  };
  for (const auto& t : kTexts) {
    if (f.key == t.key) return p.*t.field = v, true;
  }
  if (f.key == "provenance.source") return p.provenance.source = v, true;
  if (f.key == "provenance.programme") return p.provenance.programme = v, true;
  if (f.key == "provenance.note") return p.provenance.note = v, true;
  return false;
}

}  // namespace

std::string ids_text(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
  return out;
}

Result<std::vector<std::int64_t>> parse_ids(const std::string& text) {
  std::vector<std::int64_t> ids;
  for (const auto& part : split(text, ',')) {
    std::int64_t id = 0;
    if (!parse_number(part, id)) return fail(ErrorKind::invalid_input, "a malformed id: " + part);
    ids.push_back(id);
  }
  return ids;
}

std::optional<ListFieldKey> list_field_key(std::string_view key) {
  const auto first = key.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = key.find('.', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  ListFieldKey out{key.substr(0, first), 0, key.substr(second + 1)};
  if (!parse_number(key.substr(first + 1, second - first - 1), out.index) ||
      out.index >= kMaxListIndex) {
    return std::nullopt;
  }
  return out;
}

std::vector<ContentField> content_fields(const Practice& p) {
  std::vector<ContentField> out = {
      {"title", p.title},
      {"summary", p.summary},
      {"entered_on", p.entered_on},
      {"unit_id", std::to_string(p.unit_id)},
      {"implementing_body", p.implementing_body},
      {"postal_code", p.postal_code},
      {"post_office", p.post_office},
      {"street", p.street},
      {"website", p.website},
      {"population", p.population ? std::to_string(*p.population) : ""},
      {"sections", ids_text(p.section_ids)},
  };
  for (std::size_t i = 0; i < p.contacts.size(); ++i) {
    const auto& c = p.contacts[i];
    const std::string prefix = "contacts." + std::to_string(i) + '.';
    out.push_back({prefix + "name", c.name});
    out.push_back({prefix + "position", c.position});
    out.push_back({prefix + "phones", joined_lines(c.phones)});
    out.push_back({prefix + "email", c.email});
  }
  for (std::size_t i = 0; i < p.presentation.size(); ++i) {
    const auto& part = p.presentation[i];
    const std::string prefix = "presentation." + std::to_string(i) + '.';
    out.push_back({prefix + "key", part.key});
    out.push_back({prefix + "heading", part.heading});
    out.push_back({prefix + "body", part.body});
  }
  for (std::size_t i = 0; i < p.attachments.size(); ++i) {
    const std::string prefix = "attachments." + std::to_string(i) + '.';
    out.push_back({prefix + "title", p.attachments[i].title});
    out.push_back({prefix + "url", p.attachments[i].url});
  }
  out.push_back({"provenance.source", p.provenance.source});
  out.push_back({"provenance.programme", p.provenance.programme});
  out.push_back({"provenance.note", p.provenance.note});
  return out;
}

// A list's items come in the order of their indexes, a missing index leaving no empty item
// (fields merged from two states of the practice, an item removed in one).
Result<Practice> with_content(Practice base, const std::vector<ContentField>& fields) {
  Practice p;
  p.id = base.id;
  p.slug = std::move(base.slug);
  p.source_key = std::move(base.source_key);
  p.status = base.status;
  p.updated_at = std::move(base.updated_at);
  // Each list's items by the order of their indexes, so that a missing one (merged away,
  // removed) leaves no empty item behind.
  std::map<std::string_view, std::map<std::size_t, std::size_t>> places;
  for (const auto& f : fields) {
    if (auto k = list_field_key(f.key)) places[k->list].emplace(k->index, 0);
  }
  for (auto& [list, indexes] : places) {
    std::size_t next = 0;
    for (auto& [index, place] : indexes) place = next++;
  }
  for (const auto& f : fields) {
    const auto k = list_field_key(f.key);
    const std::size_t at = k ? places[k->list][k->index] : 0;
    if (f.key == "unit_id") {
      if (!parse_number(f.value, p.unit_id)) {
        return fail(ErrorKind::invalid_input, "unit_id: not a number: " + f.value);
      }
    } else if (f.key == "population") {
      std::int64_t population = 0;
      if (f.value.empty()) {
        p.population.reset();
      } else if (parse_number(f.value, population)) {
        p.population = population;
      } else {
        return fail(ErrorKind::invalid_input, "population: not a number: " + f.value);
      }
    } else if (f.key == "sections") {
      auto ids = parse_ids(f.value);
      if (!ids) return std::unexpected(ids.error());
      p.section_ids = std::move(*ids);
    } else if (!apply(p, f, at)) {
      return fail(ErrorKind::invalid_input, "not a content field: " + f.key);
    }
  }
  return p;
}

}  // namespace bdp
