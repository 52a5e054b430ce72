// The HTTP date format (IMF-fixdate, RFC 9110 §5.6.7): "Sun, 06 Nov 1994 08:49:37 GMT".
#pragma once

#include <ctime>
#include <string>
#include <string_view>

namespace bdp::http {

// `t` (seconds since the epoch) as an IMF-fixdate in GMT. Locale-independent; thread-safe.
std::string format_http_date(std::time_t t);

// The current time as an IMF-fixdate, formatted at most once per second per thread. The view
// stays valid on the calling thread until its next call.
std::string_view http_date_now();

}  // namespace bdp::http
