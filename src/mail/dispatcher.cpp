#include "mail/dispatcher.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "mail/message.h"

namespace bdp::mail {
namespace {

// A mail the server refused for good is dead at once: this retry allows one attempt only.
constexpr MailRetry kNoRetry{.max_attempts = 1};

Status send_one(Store& store, MailTransport& transport, const MailSettings& settings,
                const OutgoingMail& mail, const Clock& now, DrainReport& report) {
  auto message = build_message(mail, Sender{settings.from, settings.from_name}, now());
  Status sent = message ? transport.send(settings.from, mail.to, *message)
                        : Status(std::unexpected(message.error()));
  if (sent) {
    if (auto marked = store.mail_sent(mail.id, now()); !marked) return marked;
    ++report.sent;
    spdlog::info("mail {} ({}) sent, attempt {}", mail.id, mail.kind, mail.attempts);
    return {};
  }
  const bool permanent = sent.error().kind == ErrorKind::invalid_input;
  const bool last = permanent || mail.attempts >= settings.retry.max_attempts;
  if (auto marked = store.mail_failed(mail.id, now(), sent.error().message,
                                      permanent ? kNoRetry : settings.retry);
      !marked) {
    return marked;
  }
  ++(last ? report.dead : report.retried);
  spdlog::warn("mail {} ({}) attempt {} failed{}: {}", mail.id, mail.kind, mail.attempts,
               last ? ", dead" : ", will retry", sent.error().message);
  return {};
}

}  // namespace

std::int64_t system_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<DrainReport> drain_outbox(Store& store, MailTransport& transport,
                                 const MailSettings& settings, const Clock& now,
                                 const std::function<bool()>& stopping) {
  DrainReport report;
  // Claims are made at the start's time: a mail that fails is due again after it, not in this
  // run.
  const std::int64_t start = now();
  while (!stopping || !stopping()) {
    auto claimed = store.claim_mail(start, settings.lease_seconds(), settings.batch);
    if (!claimed) return std::unexpected(claimed.error());
    if (claimed->empty()) return report;
    for (const auto& mail : *claimed) {
      if (auto done = send_one(store, transport, settings, mail, now, report); !done) {
        return std::unexpected(done.error());
      }
    }
  }
  return report;
}

OutboxDispatcher::OutboxDispatcher(Store& store, std::unique_ptr<MailTransport> transport,
                                   MailSettings settings)
    : store_(store),
      transport_(std::move(transport)),
      settings_(std::move(settings)),
      thread_([this] { run(); }) {}

OutboxDispatcher::~OutboxDispatcher() {
  {
    // Under the lock: the thread is either before its wait (and sees the flag) or in it.
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void OutboxDispatcher::run() {
  const auto stopping = [this] { return stopping_.load(); };
  while (!stopping()) {
    auto drained = drain_outbox(store_, *transport_, settings_, system_now, stopping);
    if (!drained) spdlog::warn("mail outbox: {}", drained.error().message);
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::seconds(settings_.poll_seconds), stopping);
  }
}

}  // namespace bdp::mail
