// Content-Disposition for a download (RFC 6266): the file name in ASCII for old clients and in
// UTF-8 as filename* (RFC 8187), so Polish names survive. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace bdp::http {

// `inline` or `attachment` with `file_name` (valid UTF-8, no directory part); characters that
// could break the header (quotes, backslashes, control characters) never appear raw.
// E.g. attachment; filename="Uchwala nr 12.pdf"; filename*=UTF-8''Uchwa%C5%82a%20nr%2012.pdf
std::string content_disposition(bool shown_inline, std::string_view file_name);

}  // namespace bdp::http
