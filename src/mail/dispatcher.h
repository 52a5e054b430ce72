// Sending the outbox: claims due mails (store.h, "the mail outbox"), builds and sends each and
// records the outcome, so that every mail is sent once by one node, retried with backoff, and
// dead after settings.retry.max_attempts. Nothing is logged of a mail but its id, kind and
// attempt (never the body or the address).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "core/result.h"
#include "mail/settings.h"
#include "mail/transport.h"
#include "store/store.h"

namespace bdp::mail {

// Now in Unix seconds: the dispatcher's clock seam.
using Clock = std::function<std::int64_t()>;
std::int64_t system_now();

struct DrainReport {
  int sent = 0;
  int retried = 0;  // failed, queued again
  int dead = 0;     // failed for the last time (or refused for good: a 5xx reply)
};

// Sends every mail due when it starts, claiming settings.batch at a time, each at most once
// (a failed one is due again only later); before each claim it stops early when `stopping`
// (if set) says so. Errors: the store's (unavailable), after recording what it sent; a failed
// send is not an error but counted. REQUIRES: validate_settings(settings) passed.
Result<DrainReport> drain_outbox(Store& store, MailTransport& transport,
                                 const MailSettings& settings, const Clock& now = system_now,
                                 const std::function<bool()>& stopping = {});

// drain_outbox every settings.poll_seconds on a thread of its own (never a request thread),
// from construction until the object is destroyed (which waits for the batch being sent, at most
// one batch). Errors are logged and the next round tries again.
class OutboxDispatcher {
 public:
  OutboxDispatcher(Store& store, std::unique_ptr<MailTransport> transport, MailSettings settings);
  ~OutboxDispatcher();
  OutboxDispatcher(const OutboxDispatcher&) = delete;
  OutboxDispatcher& operator=(const OutboxDispatcher&) = delete;

 private:
  void run();

  Store& store_;
  std::unique_ptr<MailTransport> transport_;
  MailSettings settings_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<bool> stopping_ = false;
  std::thread thread_;  // last: started when everything it uses is ready
};

}  // namespace bdp::mail
