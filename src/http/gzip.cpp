#include "http/gzip.h"

#include <zlib.h>

#include <limits>
#include <memory>

namespace bdp::http {
namespace {

constexpr int kLevel = 6;  // zlib's default: the usual size/speed balance for HTML
constexpr int kGzipWindowBits = 16 + MAX_WBITS;  // +16 asks zlib for a gzip header and trailer
constexpr int kMemLevel = 8;

struct DeflateEnd {
  void operator()(z_stream* z) const {
    deflateEnd(z);
    delete z;
  }
};
using DeflateStream = std::unique_ptr<z_stream, DeflateEnd>;

// The calling thread's deflate stream, created on first use; null when zlib cannot allocate.
z_stream* thread_stream() {
  thread_local DeflateStream stream = [] {
    auto* z = new z_stream{};
    if (deflateInit2(z, kLevel, Z_DEFLATED, kGzipWindowBits, kMemLevel, Z_DEFAULT_STRATEGY) !=
        Z_OK) {
      delete z;
      return DeflateStream();
    }
    return DeflateStream(z);
  }();
  return stream.get();
}

}  // namespace

Result<std::string> gzip_compress(std::string_view data) {
  if (data.size() > std::numeric_limits<uInt>::max() / 2) {
    return fail(ErrorKind::invalid_input, "body too large to gzip in one call");
  }
  z_stream* z = thread_stream();
  if (z == nullptr || deflateReset(z) != Z_OK) {
    return fail(ErrorKind::internal, "zlib: cannot initialise a deflate stream");
  }
  std::string out(deflateBound(z, data.size()), '\0');
  z->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z->avail_in = static_cast<uInt>(data.size());
  z->next_out = reinterpret_cast<Bytef*>(out.data());
  z->avail_out = static_cast<uInt>(out.size());
  // deflateBound() guarantees one Z_FINISH call completes when the stream was just reset.
  if (deflate(z, Z_FINISH) != Z_STREAM_END) {
    return fail(ErrorKind::internal, "zlib: deflate did not finish");
  }
  out.resize(z->total_out);
  return out;
}

}  // namespace bdp::http
