// Checking the links of "Inne bazy danych" (`bdp check-links`): each address is asked for with
// HEAD, and with GET when HEAD gets no answer or an error status (servers that refuse HEAD answer
// 403, 405 or 501), redirects followed at most `max_redirects` times, http and https only (also
// for redirects). The result is recorded in the store (Store::record_link_check); a link is
// broken when there was no answer or the status was >= 400 (model/link.h, link_broken).
// Thread-safety: probe_url may run on several threads at once; check_links is one caller's.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/link.h"
#include "store/store.h"

namespace bdp::linkcheck {

struct CheckOptions {
  long connect_timeout_ms = 10'000;  // to open the connection (TCP and TLS)
  long timeout_ms = 30'000;          // each request in all, redirects included
  long max_redirects = 5;
  std::string user_agent = "bdp-check-links/1 (Baza Dobrych Praktyk; link checker)";
};

// What asking for one address gave: the final status (0: no answer) and why it failed ("" when
// it answered), short printable ASCII.
struct Probe {
  int status = 0;
  std::string error;
};

// Asks for `url` over the network (libcurl): HEAD, then GET as described above (a GET reads
// no more of the body than its first bytes). A timeout is not retried with GET.
Probe probe_url(const std::string& url, const CheckOptions& options);

// The seam: how an address is probed (probe_url in production, a fake in tests).
using Prober = std::function<Probe(const std::string& url)>;

struct CheckedLink {
  Link link;  // as listed before the check
  Probe probe;
  bool broken = false;
};
struct CheckReport {
  std::vector<CheckedLink> links;  // in Store::links() order
  int broken = 0;
};

// Probes every link of `store` and records each result at now(). A link deleted meanwhile is
// skipped. Errors: those of the store (listing or recording); results recorded before stay.
Result<CheckReport> check_links(Store& store, const Prober& probe,
                                const std::function<std::int64_t()>& now);

}  // namespace bdp::linkcheck
