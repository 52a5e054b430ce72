#include "web/static_assets.h"

#include <fmt/format.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/brotli.h"
#include "http/content_coding.h"

namespace bdp::web {
namespace {

namespace fs = std::filesystem;

std::string content_type_for(const fs::path& path) {
  const auto ext = path.extension().string();
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "application/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".json") return "application/json";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

std::string hex_hash(std::string_view data, std::size_t bytes) {
  unsigned char hash[32];
  crypto_generichash(hash, bytes, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     nullptr, 0);
  std::string out;
  for (std::size_t i = 0; i < bytes; ++i) out += fmt::format("{:02x}", hash[i]);
  return out;
}

}  // namespace

Result<std::unique_ptr<StaticAssets>> StaticAssets::load(
    const std::string& dir, const std::map<std::string, std::string>& extra) {
  auto out = std::make_unique<StaticAssets>();
  std::map<std::string, fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    const auto rel = fs::relative(it->path(), dir).generic_string();
    if (rel.starts_with("templates")) continue;
    if (it->is_regular_file()) files[rel] = it->path();
  }
  if (ec) return fail(ErrorKind::not_found, fmt::format("assets folder {}: {}", dir, ec.message()));
  for (const auto& [url, file] : extra) {
    if (fs::is_regular_file(file)) files[url] = file;
  }
  std::string all;
  for (const auto& [rel, file] : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    Asset a;
    a.content_type = content_type_for(file);
    a.etag = "\"" + hex_hash(bytes.str(), 16) + "\"";
    if (http::is_compressible(a.content_type)) {
      a.body = http::precompress(bytes.str(), http::kBrotliOnceQuality);  // once, at start
    } else {
      a.body.identity = bytes.str();
    }
    all += rel + a.etag;
    out->assets_.emplace(rel, std::move(a));
  }
  out->version_ = hex_hash(all, 8);
  return out;
}

http::Response StaticAssets::serve(const std::string& path,
                                   const http::AcceptedCodings& accepted) const {
  auto it = assets_.find(path);
  if (it == assets_.end()) return http::text_response(404, "not found\n");
  const Asset& a = it->second;
  http::Response r;
  r.set_header("content-type", a.content_type);
  http::serve_precompressed(r, a.body, accepted, a.etag);
  r.set_header("cache-control", "public, max-age=31536000, immutable");
  return r;
}

}  // namespace bdp::web
