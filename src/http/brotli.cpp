#include "http/brotli.h"

#include <brotli/encode.h>

#include <algorithm>

namespace bdp::http {

Result<std::string> brotli_compress(std::string_view data, int quality) {
  quality = std::clamp(quality, BROTLI_MIN_QUALITY, BROTLI_MAX_QUALITY);
  constexpr int kWindowBits = 22;  // 4 MiB: larger than any page, and every decoder supports it
  std::string out(BrotliEncoderMaxCompressedSize(data.size()), '\0');
  if (out.empty()) return fail(ErrorKind::invalid_input, "body too large to compress with Brotli");
  std::size_t size = out.size();
  if (BrotliEncoderCompress(quality, kWindowBits, BROTLI_MODE_TEXT, data.size(),
                            reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                            reinterpret_cast<std::uint8_t*>(out.data())) == BROTLI_FALSE) {
    return fail(ErrorKind::internal, "brotli: the encoder failed");
  }
  out.resize(size);
  return out;
}

}  // namespace bdp::http
