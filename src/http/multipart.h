// multipart/form-data (RFC 7578) read from a spooled body, streaming: fields are kept in memory
// (bounded), each file part is written to a spool file of its own, so an upload of any size
// costs a fixed amount of memory. Pure but for those files; thread-safe (no shared state).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "http/form.h"
#include "http/spool.h"

namespace bdp::http {

// One file input's part. An input left empty sends a part with an empty name and no bytes.
struct UploadedFile {
  std::string field;                  // the input's name
  std::string file_name;              // as the client sent it (never trusted: clean it)
  std::string content_type;           // as the client declared it (never trusted)
  std::shared_ptr<SpooledFile> file;  // the bytes
};

struct MultipartForm {
  FormFields fields;  // the other parts, as parse_form gives them
  std::vector<UploadedFile> files;
};

struct MultipartLimits {
  std::size_t parts = 64;
  std::size_t field_bytes = 256 << 10;  // each field's value
  std::size_t header_bytes = 8 << 10;   // each part's headers
};

// The boundary named by a Content-Type "multipart/form-data; boundary=…"; nullopt when it is
// another type or has no valid boundary (1..70 characters).
std::optional<std::string> multipart_boundary(std::string_view content_type);

// The parts of `body` (a multipart/form-data body with `boundary`), in order; file parts are
// spooled into `directory`. Errors: invalid_input (malformed, over a limit, a field name or
// value or a file name that is not valid UTF-8), unavailable (the disk).
Result<MultipartForm> read_multipart(const std::filesystem::path& body, const std::string& boundary,
                                     const std::filesystem::path& directory,
                                     const MultipartLimits& limits = {});

}  // namespace bdp::http
