#include "workflow/pending_merge.h"

#include <map>
#include <optional>

namespace bdp::workflow {
namespace {

using Values = std::map<std::string, std::string, std::less<>>;

Values by_key(const std::vector<ContentField>& fields) {
  Values out;
  for (const auto& f : fields) out.emplace(f.key, f.value);
  return out;
}

std::optional<std::string> at(const Values& values, const std::string& key) {
  const auto found = values.find(key);
  if (found == values.end()) return std::nullopt;
  return found->second;
}

}  // namespace

PendingMerge merge_pending(const std::vector<ContentField>& base,
                           const std::vector<ContentField>& live,
                           const std::vector<ContentField>& pending) {
  const Values b = by_key(base);
  const Values l = by_key(live);
  const Values p = by_key(pending);
  std::vector<std::string> keys;
  keys.reserve(pending.size() + live.size());
  for (const auto& f : pending) keys.push_back(f.key);
  for (const auto& f : live) {
    if (!p.contains(f.key)) keys.push_back(f.key);
  }
  PendingMerge out;
  for (const auto& key : keys) {
    const auto was = at(b, key);
    const auto now = at(l, key);
    const auto proposed = at(p, key);
    std::optional<std::string> merged;
    if (proposed == was) {
      merged = now;
      if (now != was) out.carried.push_back(key);
    } else {
      merged = proposed;
      if (now != was && now != proposed) out.overridden.push_back(key);
    }
    if (merged) out.fields.push_back({key, std::move(*merged)});
  }
  return out;
}

}  // namespace bdp::workflow
