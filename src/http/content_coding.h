// Content-coding negotiation (RFC 9110, 12.5.3): which responses are worth compressing, what a
// client's Accept-Encoding accepts, and which of the codings at hand to send. Pure functions;
// thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace bdp::http {

enum class Coding { identity, gzip, br };

// The Content-Encoding value of `coding`: "gzip", "br"; "" for identity (no header is sent).
std::string_view content_encoding_name(Coding coding);

// The quality a client gives each coding bdp can send, in thousandths (0 = refused, 1000 = q=1).
struct AcceptedCodings {
  int br = 0;
  int gzip = 0;
  int identity = 1000;
};

// The qualities in an Accept-Encoding value: a listed coding takes its q (default 1; "x-gzip"
// counts as gzip); one not listed takes the q of "*" when "*" is listed, else 0 — but identity
// 1 (acceptable, least preferred). A malformed q counts as 0. An absent header (nullopt) or an
// empty value accepts identity only.
AcceptedCodings parse_accept_encoding(std::optional<std::string_view> accept_encoding);

// The coding to send when the body exists in identity and in the codings flagged available:
// the one of highest quality above zero; on equal quality br before gzip before identity (the
// smaller body wins). Identity when the client refuses everything (a body it can read at all
// beats a 406).
Coding choose_coding(const AcceptedCodings& accepted, bool br_available, bool gzip_available);

// True for media types that compress well: text/*, application/json, application/javascript,
// image/svg+xml (parameters such as "; charset=utf-8" are ignored; case-insensitive).
bool is_compressible(std::string_view content_type);

}  // namespace bdp::http
