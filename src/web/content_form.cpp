#include "web/content_form.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <ranges>
#include <set>
#include <unordered_set>

#include "core/text.h"
#include "store/validate.h"

namespace bdp::web {
namespace {

constexpr std::size_t kLine = 500;     // characters; the store keeps 2000 bytes of a line
constexpr std::size_t kText = 200000;  // characters; the store keeps 1 MiB of a long text

// LF for CRLF and CR (what browsers send from a textarea).
std::string with_lf(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string without_blank_lines(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const auto line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t") != std::string::npos) {
      if (!out.empty()) out += '\n';
      out += line;
    }
    start = end + 1;
  }
  return out;
}

// The lists an item is added to or removed from (the methodology's presentation is fixed),
// each with the lists and fields that follow it in content_fields' order.
struct Growable {
  std::string_view list;
  std::vector<std::string_view> followers;
};
const std::vector<Growable>& growable_lists() {
  static const std::vector<Growable> lists = {
      {"contacts", {"presentation", "attachments", "provenance"}},
      {"attachments", {"provenance"}},
  };
  return lists;
}

bool growable(std::string_view list) {
  return std::ranges::any_of(growable_lists(), [&](const Growable& g) { return g.list == list; });
}

// The items of the growable lists whose every field is blank, by list and index.
using Items = std::set<std::pair<std::string, std::size_t>>;
Items blank_items(const std::vector<ContentField>& fields) {
  Items seen, filled;
  for (const auto& f : fields) {
    const auto k = list_field_key(f.key);
    if (!k || !growable(k->list)) continue;
    std::pair<std::string, std::size_t> item{std::string(k->list), k->index};
    if (!is_blank(f.value)) filled.insert(item);
    seen.insert(std::move(item));
  }
  Items blank;
  std::ranges::set_difference(seen, filled, std::inserter(blank, blank.end()));
  return blank;
}

bool in_blank_item(const Items& blank, const std::string& key) {
  const auto k = list_field_key(key);
  return k && blank.contains({std::string(k->list), k->index});
}

// `ticked` with the ids `shown` ("3,5") holds first, in its order (the first is the practice's
// main section), then those newly ticked.
std::vector<std::int64_t> in_shown_order(const std::vector<std::int64_t>& ticked,
                                         const std::string& shown) {
  const std::unordered_set<std::int64_t> is_ticked(ticked.begin(), ticked.end());
  std::vector<std::int64_t> out;
  std::unordered_set<std::int64_t> taken;
  for (auto id : parse_ids(shown).value_or(std::vector<std::int64_t>{})) {
    if (is_ticked.contains(id) && taken.insert(id).second) out.push_back(id);
  }
  for (auto id : ticked) {
    if (taken.insert(id).second) out.push_back(id);
  }
  return out;
}

// Erases the items at `indexes` (ascending) from `items`.
template <class T>
void erase_items(std::vector<T>& items, const std::vector<std::size_t>& indexes) {
  for (const std::size_t at : std::views::reverse(indexes)) {
    if (at < items.size()) items.erase(items.begin() + static_cast<std::ptrdiff_t>(at));
  }
}

}  // namespace

std::vector<ContentField> with_blank_items(std::vector<ContentField> fields) {
  Practice blank;
  blank.contacts.emplace_back();
  blank.attachments.emplace_back();
  const auto item_fields = content_fields(blank);
  for (const auto& g : growable_lists()) {
    std::size_t count = 0;
    auto place = fields.end();
    for (auto f = fields.begin(); f != fields.end(); ++f) {
      const auto k = list_field_key(f->key);
      const auto list = k ? k->list : std::string_view(f->key).substr(0, f->key.find('.'));
      if (k && k->list == g.list) {
        count = std::max(count, k->index + 1);
        place = f + 1;
      } else if (count == 0 && place == fields.end() &&
                 std::ranges::find(g.followers, list) != g.followers.end()) {
        place = f;
      }
    }
    std::vector<ContentField> item;
    for (const auto& f : item_fields) {
      const auto k = list_field_key(f.key);
      if (k && k->list == g.list)
        item.push_back({fmt::format("{}.{}.{}", g.list, count, k->sub), ""});
    }
    fields.insert(place, item.begin(), item.end());
  }
  return fields;
}

ContentInput content_input(const std::string& key) {
  using K = FieldKind;
  const auto input = [&key](K kind, bool required, std::size_t max) {
    return ContentInput{field_spec(key, key, kind, required, max), true};
  };
  if (key == "title") return input(K::line, true, kLine);
  if (key == "summary" || key == "provenance.note") return input(K::text, false, kText);
  if (key == "postal_code") return input(K::postal_code, false, 6);
  if (key == "population") return input(K::number, false, 12);
  if (key == "entered_on") return input(K::line, false, 10);
  if (key == "sections") return input(K::sections, true, 0);
  if (key == "unit_id") return {field_spec(key, key, K::line, false, 0), false};
  if (const auto k = list_field_key(key)) {
    if (k->list == "presentation" && k->sub == "key") {
      return {field_spec(key, key, K::line, false, 0), false};
    }
    if (k->list == "presentation" && k->sub == "body") return input(K::text, false, kText);
    if (k->list == "contacts" && k->sub == "phones") return input(K::text, false, kLine);
    const bool required = (k->list == "contacts" && k->sub == "name") ||
                          (k->list == "presentation" && k->sub == "heading") ||
                          (k->list == "attachments" && k->sub == "url");
    return input(K::line, required, kLine);
  }
  return input(K::line, false, kLine);
}

std::vector<ContentField> posted_content(const http::FormFields& posted,
                                         const std::vector<ContentField>& shown) {
  std::vector<ContentField> out = shown;
  for (auto& f : out) {
    if (!content_input(f.key).editable) continue;
    if (f.key == "sections") {
      if (posted.contains(f.key))
        f.value = ids_text(in_shown_order(ticked_ids(posted, f.key), f.value));
      continue;
    }
    const auto typed = http::form_field(posted, f.key);
    if (!typed) continue;
    f.value = with_lf(*typed);
    if (f.key.ends_with(".phones")) f.value = without_blank_lines(f.value);
  }
  return out;
}

CheckedContent check_content(const std::vector<ContentField>& typed, const Practice& base,
                             const SectionTree& tree) {
  CheckedContent out;
  const auto blank = blank_items(typed);
  for (const auto& f : typed) {
    const auto input = content_input(f.key);
    if (!input.editable || input.spec.kind == FieldKind::sections) continue;
    if (in_blank_item(blank, f.key)) continue;
    auto message = field_message(input.spec, f.value);
    if (message.empty() && f.key == "entered_on" && !f.value.empty() && !is_iso_date(f.value)) {
      message = "content.error.date";
    }
    if (!message.empty()) out.errors.push_back({f.key, std::move(message)});
  }
  if (!out.errors.empty()) return out;
  auto practice = with_content(base, typed);
  if (practice) {
    std::vector<std::size_t> contacts, attachments;
    for (const auto& [list, index] : blank) {
      (list == "contacts" ? contacts : attachments).push_back(index);
    }
    erase_items(practice->contacts, contacts);
    erase_items(practice->attachments, attachments);
    if (auto message = sections_message(practice->section_ids, tree); !message.empty()) {
      out.errors.push_back({"sections", std::move(message)});
      return out;
    }
  }
  if (!practice || !validate_practice(*practice)) {
    out.errors.push_back({"title", "content.error.invalid"});
    return out;
  }
  out.practice = std::move(*practice);
  return out;
}

}  // namespace bdp::web
