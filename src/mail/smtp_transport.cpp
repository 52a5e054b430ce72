// libcurl's SMTP client: it speaks EHLO, STARTTLS, AUTH, MAIL FROM, RCPT TO and DATA, and
// dot-stuffs the message.
#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>

#include "mail/transport.h"

namespace bdp::mail {
namespace {

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// The rest of the message, handed to curl as it asks.
struct Upload {
  std::string_view rest;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, upload->rest.size());
  std::memcpy(buffer, upload->rest.data(), n);
  upload->rest.remove_prefix(n);
  return n;
}

class SmtpTransport final : public MailTransport {
 public:
  explicit SmtpTransport(MailSettings settings) : settings_(std::move(settings)) {}

  Status send(const std::string& from, const std::string& to, std::string_view message) override {
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) return fail(ErrorKind::unavailable, "smtp: curl_easy_init failed");
    const std::string sender = "<" + from + ">";
    std::unique_ptr<curl_slist, SlistDeleter> recipients(
        curl_slist_append(nullptr, ("<" + to + ">").c_str()));
    Upload upload{message};
    std::array<char, CURL_ERROR_SIZE> error{};
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, settings_.smtp_url.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // a background thread: no SIGALRM for timeouts
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout_seconds));
    curl_easy_setopt(c, CURLOPT_USE_SSL, settings_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
    if (!settings_.username.empty()) {
      curl_easy_setopt(c, CURLOPT_USERNAME, settings_.username.c_str());
      curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, sender.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error.data());
    const CURLcode code = curl_easy_perform(c);
    if (code == CURLE_OK) return {};
    long response = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response);
    const std::string reason = fmt::format("smtp: {} ({}; server reply {})",
                                           error[0] ? error.data() : curl_easy_strerror(code),
                                           static_cast<int>(code), response);
    // A 5xx reply is permanent (RFC 5321 4.2.1): the same mail would be refused again.
    return fail(response >= 500 ? ErrorKind::invalid_input : ErrorKind::unavailable, reason);
  }

 private:
  MailSettings settings_;
};

}  // namespace

std::unique_ptr<MailTransport> make_smtp_transport(const MailSettings& settings) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  return std::make_unique<SmtpTransport>(settings);
}

}  // namespace bdp::mail
