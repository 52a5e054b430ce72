// GzipStream: gzip (RFC 1952) written as it is produced, to a std::ostream, in constant memory:
// for dumps too large to hold. (http/gzip.h compresses a whole response body at once.)
// Not thread-safe; one stream per writer.
#pragma once

#include <zlib.h>

#include <ostream>
#include <string_view>

#include "core/result.h"

namespace bdp::opendata {

class GzipStream {
 public:
  // `out` is borrowed and must outlive the stream. Check ok() before writing.
  explicit GzipStream(std::ostream& out);
  ~GzipStream();
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;

  // Compresses `data` into the output. Errors (internal) stick: later calls fail too.
  Status write(std::string_view data);
  // Ends the gzip member; after it the stream takes no more data. Fails when any write failed
  // or the output stream is bad.
  Status finish();

 private:
  Status deflate_into_output(int flush);
  std::ostream& out_;
  z_stream z_{};
  bool ready_ = false;
  bool finished_ = false;
};

}  // namespace bdp::opendata
