// StaticAssets: the CSS, JS and images under assets/ (and vendored npm files), read into memory
// at start with gzip and Brotli variants, served under /static/ with a long immutable cache
// lifetime; the pages link them with ?v=<version>, a hash of all of them, so a new deploy busts
// caches.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/result.h"
#include "http/content_coding.h"
#include "http/message.h"
#include "http/precompressed.h"

namespace bdp::web {

class StaticAssets {
 public:
  // Reads every file under `dir` (except templates/) as /static/<relative path>, and each
  // `extra` {url path under /static/, file} pair. Fails when `dir` cannot be read.
  static Result<std::unique_ptr<StaticAssets>> load(
      const std::string& dir, const std::map<std::string, std::string>& extra = {});
  const std::string& version() const { return version_; }
  // The asset at `path` (relative to /static/) in the variant `accepted` prefers, or 404.
  // Thread-safe.
  http::Response serve(const std::string& path, const http::AcceptedCodings& accepted) const;

 private:
  struct Asset {
    std::string content_type, etag;
    http::Precompressed body;
  };
  std::map<std::string, Asset> assets_;
  std::string version_;
};

}  // namespace bdp::web
