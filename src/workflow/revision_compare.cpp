#include "workflow/revision_compare.h"

#include <algorithm>
#include <optional>

namespace bdp::workflow {
namespace {

std::optional<std::size_t> index_of(const std::vector<ContentField>& fields,
                                    const std::string& key) {
  const auto found = std::ranges::find(
      fields, key, [](const ContentField& f) -> const std::string& { return f.key; });
  if (found == fields.end()) return std::nullopt;
  return static_cast<std::size_t>(found - fields.begin());
}

// The keys of both, in `after`'s order, each key only in `before` after the one before it there.
std::vector<std::string> merged_keys(const std::vector<ContentField>& before,
                                     const std::vector<ContentField>& after) {
  std::vector<std::string> keys;
  keys.reserve(before.size() + after.size());
  for (const auto& f : after) keys.push_back(f.key);
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (index_of(after, before[i].key)) continue;
    auto at = keys.begin();
    if (i > 0) {
      const auto previous = std::ranges::find(keys, before[i - 1].key);
      at = previous == keys.end() ? keys.end() : previous + 1;
    }
    keys.insert(at, before[i].key);
  }
  return keys;
}

}  // namespace

std::vector<FieldChange> compare_fields(const std::vector<ContentField>& before,
                                        const std::vector<ContentField>& after) {
  std::vector<FieldChange> out;
  for (const auto& key : merged_keys(before, after)) {
    const auto was = index_of(before, key);
    const auto is = index_of(after, key);
    FieldChange change;
    change.key = key;
    if (was) change.before = before[*was].value;
    if (is) change.after = after[*is].value;
    change.added = !was;
    change.removed = !is;
    if (was && is && change.before == change.after) continue;
    change.pieces = word_diff(change.before, change.after);
    out.push_back(std::move(change));
  }
  return out;
}

}  // namespace bdp::workflow
