// A read-only zip archive (libzip) with the checks an upload needs: member count, sizes,
// compression ratio and names, and member reads that never inflate more than asked. Internal to
// the extract module. Not thread-safe: one archive per thread.
#pragma once

#include <zip.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/result.h"
#include "extract/sniff.h"

namespace bdp::extract {

class ZipArchive {
 public:
  // Opens `path` with libzip's consistency checks; invalid_input (Polish) when it is not a zip.
  static Result<ZipArchive> open(const std::filesystem::path& path);

  // invalid_input (Polish message) when the archive is over `limits` or a member's name is
  // absolute, has a drive letter or a ".." part. Uses the sizes the central directory declares;
  // reads stay bounded by themselves when those lie.
  Status check_members(const UploadLimits& limits) const;
  std::uint64_t declared_total_size() const;

  bool has(const char* name) const;

  // A member opened for reading; read() returns at most what is left of `max_bytes`, and
  // over_limit() tells that the member holds more than that.
  class Reader {
   public:
    // Bytes read into `buffer` (0 at the end), or -1 on a read error or when over the limit.
    std::int64_t read(char* buffer, std::size_t size);
    bool over_limit() const { return over_limit_; }

   private:
    friend class ZipArchive;
    struct Close {
      void operator()(zip_file_t* f) const { zip_fclose(f); }
    };
    std::unique_ptr<zip_file_t, Close> file_;
    std::uint64_t left_ = 0;
    bool over_limit_ = false;
  };
  // not_found when there is no such member.
  Result<Reader> open_member(const char* name, std::uint64_t max_bytes) const;
  // The whole member, at most max_bytes (invalid_input beyond, internal on a read error).
  Result<std::string> read_member(const char* name, std::uint64_t max_bytes) const;

 private:
  struct Discard {
    void operator()(zip_t* z) const { zip_discard(z); }
  };
  std::unique_ptr<zip_t, Discard> zip_;
};

}  // namespace bdp::extract
