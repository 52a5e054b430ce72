// PageCache: rendered pages kept in memory, served as bytes with an ETag and precompressed
// gzip and Brotli variants (http/precompressed.h). Each page is tagged with the entities it shows
// (cache_tags.h); a change of the data drops the pages carrying its tags (drop()), or all of them
// (invalidate()). The per-request visitor count is spliced in at the counter marker, and the bytes
// and their variants for a given count are built once and reused until the count changes.
// Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "http/content_coding.h"
#include "http/message.h"

namespace bdp::web {

class PageCache {
 public:
  explicit PageCache(std::size_t max_entries = 20000) : max_entries_(max_entries) {}

  struct Entry;
  // The cached page for `key`, or null.
  std::shared_ptr<Entry> find(const std::string& key) const;
  // Caches a rendered page unless pages were dropped since `generation` was read (the page may
  // then show old data); returns the entry to serve either way. `canonical` is kept with the
  // page (the permalink it answers to) so that handlers need no query to check it; `tags` name
  // what the page shows.
  std::shared_ptr<Entry> insert(const std::string& key, int status, const std::string& html,
                                std::uint64_t generation, std::string canonical = {},
                                std::vector<std::string> tags = {});
  static const std::string& canonical(const Entry& entry);
  static int status(const Entry& entry);
  std::uint64_t generation() const { return generation_.load(); }
  // Drops every page carrying one of `tags`; returns how many were dropped.
  std::size_t drop(const std::vector<std::string>& tags);
  void invalidate();  // drops every page
  std::size_t size() const;

  // The response for `entry` with the counter sentence at the counter marker; `counter_html`
  // is called only when the count changed since the last response; the variant is the one
  // `accepted` prefers. HEAD handling and 304s are left to the server (the etag is set here).
  static http::Response respond(Entry& entry, std::int64_t counter,
                                const std::function<std::string()>& counter_html,
                                const http::AcceptedCodings& accepted);
  // A one-off page (not cached) built the same way.
  static http::Response respond_uncached(int status, const std::string& html,
                                         const std::string& counter_html);

 private:
  std::size_t max_entries_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<Entry>> entries_;
  std::atomic<std::uint64_t> generation_{0};
};

}  // namespace bdp::web
