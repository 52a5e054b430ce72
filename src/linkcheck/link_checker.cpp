#include "linkcheck/link_checker.h"

namespace bdp::linkcheck {

Result<CheckReport> check_links(Store& store, const Prober& probe,
                                const std::function<std::int64_t()>& now) {
  auto links = store.links();
  if (!links) return std::unexpected(links.error());
  CheckReport report;
  for (auto& link : *links) {
    Probe probed = probe(link.url);
    CheckedLink checked{std::move(link), std::move(probed), false};
    const LinkCheck check{checked.link.id, checked.probe.status, checked.probe.error, now()};
    if (auto recorded = store.record_link_check(check); !recorded) {
      if (recorded.error().kind == ErrorKind::not_found) continue;  // deleted meanwhile
      return std::unexpected(recorded.error());
    }
    Link after = checked.link;
    after.last_status = check.status;
    after.checked_at = check.at;
    checked.broken = link_broken(after);
    if (checked.broken) ++report.broken;
    report.links.push_back(std::move(checked));
  }
  return report;
}

}  // namespace bdp::linkcheck
