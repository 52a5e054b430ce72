#include "http/precompressed.h"

#include "http/brotli.h"
#include "http/gzip.h"

namespace bdp::http {

Precompressed precompress(std::string body, int brotli_quality) {
  Precompressed out;
  out.identity = std::move(body);
  if (auto gz = gzip_compress(out.identity); gz && gz->size() < out.identity.size()) {
    out.gzip = std::move(*gz);
  }
  if (auto br = brotli_compress(out.identity, brotli_quality);
      br && br->size() < out.identity.size()) {
    out.br = std::move(*br);
  }
  return out;
}

void serve_precompressed(Response& response, const Precompressed& body,
                         const AcceptedCodings& accepted, std::string_view etag) {
  const Coding coding = choose_coding(accepted, !body.br.empty(), !body.gzip.empty());
  response.body = coding == Coding::br     ? body.br
                  : coding == Coding::gzip ? body.gzip
                                           : body.identity;
  std::string tag(etag);
  if (coding != Coding::identity) {
    response.set_header("content-encoding", std::string(content_encoding_name(coding)));
    if (tag.size() >= 2) tag.insert(tag.size() - 1, coding == Coding::br ? "-br" : "-gz");
  }
  if (!body.br.empty() || !body.gzip.empty()) response.add_vary("Accept-Encoding");
  response.set_header("etag", std::move(tag));
}

}  // namespace bdp::http
