#include "opendata/gzip_stream.h"

#include <array>

namespace bdp::opendata {

GzipStream::GzipStream(std::ostream& out) : out_(out) {
  // 15 + 16: a gzip header and trailer rather than zlib's.
  ready_ = deflateInit2(&z_, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
}

GzipStream::~GzipStream() {
  if (ready_) deflateEnd(&z_);
}

Status GzipStream::deflate_into_output(int flush) {
  std::array<unsigned char, std::size_t{64} * 1024> buffer{};
  do {
    z_.next_out = buffer.data();
    z_.avail_out = buffer.size();
    const int rc = deflate(&z_, flush);
    if (rc == Z_STREAM_ERROR) return fail(ErrorKind::internal, "zlib deflate failed");
    out_.write(reinterpret_cast<const char*>(buffer.data()),
               static_cast<std::streamsize>(buffer.size() - z_.avail_out));
    if (!out_) return fail(ErrorKind::unavailable, "cannot write the gzip output");
  } while (z_.avail_out == 0);
  return {};
}

Status GzipStream::write(std::string_view data) {
  if (!ready_ || finished_) return fail(ErrorKind::internal, "gzip stream not writable");
  z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z_.avail_in = static_cast<uInt>(data.size());
  auto status = deflate_into_output(Z_NO_FLUSH);
  if (!status) ready_ = false;
  return status;
}

Status GzipStream::finish() {
  if (!ready_ || finished_) return fail(ErrorKind::internal, "gzip stream not writable");
  finished_ = true;
  z_.next_in = nullptr;
  z_.avail_in = 0;
  return deflate_into_output(Z_FINISH);
}

}  // namespace bdp::opendata
