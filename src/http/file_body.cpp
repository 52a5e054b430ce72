#include "http/file_body.h"

#include <algorithm>

namespace bdp::http {

Result<std::shared_ptr<FileBody>> FileBody::open(const std::filesystem::path& path,
                                                 std::uint64_t offset, std::uint64_t length) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!in || ec || offset + length > size) {
    return fail(ErrorKind::unavailable, "cannot read " + path.string());
  }
  in.seekg(static_cast<std::streamoff>(offset));
  return std::shared_ptr<FileBody>(new FileBody(std::move(in), length));
}

Result<std::string> FileBody::next(std::size_t max) {
  std::string piece(static_cast<std::size_t>(std::min<std::uint64_t>(max, left_)), '\0');
  if (piece.empty()) return piece;
  in_.read(piece.data(), static_cast<std::streamsize>(piece.size()));
  if (static_cast<std::size_t>(in_.gcount()) != piece.size()) {
    return fail(ErrorKind::unavailable, "a file ended before its announced length");
  }
  left_ -= piece.size();
  return piece;
}

}  // namespace bdp::http
