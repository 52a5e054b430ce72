#include "http/forwarded_for.h"

#include <arpa/inet.h>

#include <algorithm>

#include "http/ascii.h"

namespace bdp::http {

bool is_ip_address(std::string_view text) {
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return false;
  const std::string zero_terminated(text);
  unsigned char bytes[sizeof(in6_addr)];
  return inet_pton(AF_INET, zero_terminated.c_str(), bytes) == 1 ||
         inet_pton(AF_INET6, zero_terminated.c_str(), bytes) == 1;
}

std::string client_address(std::string_view peer, const Headers& headers,
                           const std::vector<std::string>& trusted_proxies) {
  if (std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) == trusted_proxies.end()) {
    return std::string(peer);
  }
  // The fields form one list, and a proxy appends its peer to its end: the last element of the
  // last field.
  std::string_view last_field;
  for (const auto& [name, value] : headers) {
    if (name == "x-forwarded-for") last_field = value;
  }
  const auto comma = last_field.rfind(',');
  const auto last_hop =
      trim_ows(comma == std::string_view::npos ? last_field : last_field.substr(comma + 1));
  return is_ip_address(last_hop) ? std::string(last_hop) : std::string(peer);
}

}  // namespace bdp::http
