// probe_url over libcurl: one easy handle per request, no signals (timeouts on any thread).
#include <curl/curl.h>

#include <array>
#include <memory>
#include <mutex>

#include "linkcheck/link_checker.h"
#include "store/link_validate.h"

namespace bdp::linkcheck {
namespace {

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};

// Stops a GET at its first body bytes: the status is known by then.
size_t stop_at_body(char*, size_t size, size_t count, void* stopped) {
  if (size * count == 0) return 0;
  *static_cast<bool*>(stopped) = true;
  return 0;  // curl ends the transfer with CURLE_WRITE_ERROR
}

struct Answer {
  Probe probe;
  bool timed_out = false;
};

Answer request(const std::string& url, const CheckOptions& options, bool head) {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return {{0, "curl_easy_init failed"}};
  CURL* c = curl.get();
  std::array<char, CURL_ERROR_SIZE> error{};
  bool stopped = false;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, options.max_redirects);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options.timeout_ms);
  curl_easy_setopt(c, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_NOBODY, head ? 1L : 0L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, stop_at_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &stopped);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error.data());
  const CURLcode code = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (code == CURLE_OK || (code == CURLE_WRITE_ERROR && stopped)) {
    return {{static_cast<int>(status), status >= 400 ? "HTTP " + std::to_string(status) : ""}};
  }
  // No final answer (a redirect loop ends on a 3xx: that is no answer either).
  return {{0, printable_check_error(error[0] ? error.data() : curl_easy_strerror(code))},
          code == CURLE_OPERATION_TIMEDOUT};
}

}  // namespace

Probe probe_url(const std::string& url, const CheckOptions& options) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  Answer head = request(url, options, true);
  if ((head.probe.status > 0 && head.probe.status < 400) || head.timed_out) return head.probe;
  return request(url, options, false).probe;
}

}  // namespace bdp::linkcheck
