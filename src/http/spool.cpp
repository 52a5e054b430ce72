#include "http/spool.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace bdp::http {

Result<std::shared_ptr<SpooledFile>> SpooledFile::create(const std::filesystem::path& directory) {
  std::string pattern = (directory / "upload-XXXXXX").string();
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) {
    return fail(ErrorKind::unavailable, "cannot create a spool file in " + directory.string() +
                                            ": " + std::strerror(errno));
  }
  return std::shared_ptr<SpooledFile>(new SpooledFile(pattern, fd));
}

SpooledFile::~SpooledFile() {
  if (fd_ >= 0) ::close(fd_);
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

Status SpooledFile::append(const char* bytes, std::size_t size) {
  if (fd_ < 0) return fail(ErrorKind::internal, "append to a closed spool file");
  while (size > 0) {
    const ssize_t written = ::write(fd_, bytes, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      return fail(ErrorKind::unavailable,
                  "cannot write " + path_.string() + ": " + std::strerror(errno));
    }
    bytes += written;
    size -= static_cast<std::size_t>(written);
    size_ += static_cast<std::uint64_t>(written);
  }
  return {};
}

Status SpooledFile::close() {
  if (fd_ < 0) return {};
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    return fail(ErrorKind::unavailable,
                "cannot close " + path_.string() + ": " + std::strerror(errno));
  }
  return {};
}

Status reset_spool(const std::filesystem::path& directory) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) {
    return fail(ErrorKind::unavailable,
                "cannot create " + directory.string() + ": " + ec.message());
  }
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    std::filesystem::remove_all(entry.path(), ec);
  }
  if (ec) {
    return fail(ErrorKind::unavailable, "cannot empty " + directory.string() + ": " + ec.message());
  }
  return {};
}

}  // namespace bdp::http
