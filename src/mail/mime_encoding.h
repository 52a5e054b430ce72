// The MIME encodings a message of UTF-8 text needs (internal to mail/). Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace bdp::mail {

// A header value as is when it is printable ASCII (and holds no "=?"), else as RFC 2047
// encoded words "=?UTF-8?B?…?=", each at most 75 characters and whole UTF-8 characters,
// separated by CRLF + space (a folded header). REQUIRES: valid UTF-8 without CR or LF.
std::string encode_header_text(std::string_view utf8);

// `text` as quoted-printable (RFC 2045) with CRLF line ends: "\n" and "\r\n" end a line, lines
// are soft-broken ("=" CRLF) to at most 76 characters, spaces at a line's end encoded.
std::string quoted_printable(std::string_view text);

}  // namespace bdp::mail
