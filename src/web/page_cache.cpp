#include "web/page_cache.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "http/brotli.h"
#include "http/precompressed.h"
#include "web/views/views.h"

namespace bdp::web {

// The bytes of one page for one counter value.
struct Variant {
  std::int64_t counter = -1;
  http::Precompressed body;
  std::string etag;  // of the identity bytes
};

struct PageCache::Entry {
  int status = 200;
  std::string canonical;
  std::vector<std::string> tags;
  std::string prefix, suffix;  // around the counter marker
  std::mutex lock;             // guards `current`
  std::shared_ptr<const Variant> current;
};

namespace {

std::string etag_of(std::string_view body) {
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(body.data()),
                     body.size(), nullptr, 0);
  std::string tag = "\"";
  for (unsigned char b : hash) tag += fmt::format("{:02x}", b);
  return tag + "\"";
}

std::shared_ptr<const Variant> build_variant(const PageCache::Entry& entry, std::int64_t counter,
                                             const std::string& counter_html) {
  auto v = std::make_shared<Variant>();
  v->counter = counter;
  std::string html;
  html.reserve(entry.prefix.size() + counter_html.size() + entry.suffix.size());
  html.append(entry.prefix).append(counter_html).append(entry.suffix);
  v->etag = etag_of(html);
  // Built again at each new count: Brotli at the quality that costs about what gzip does.
  v->body = http::precompress(std::move(html), http::kBrotliOftenQuality);
  return v;
}

http::Response html_response(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.headers.reserve(5);
  r.headers.emplace_back("content-type", "text/html; charset=utf-8");
  r.body = std::move(body);
  return r;
}

void split_at_marker(const std::string& html, std::string& prefix, std::string& suffix) {
  const auto at = html.find(kCounterMarker);
  if (at == std::string::npos) {
    prefix = html;
    return;
  }
  prefix = html.substr(0, at);
  suffix = html.substr(at + kCounterMarker.size());
}

}  // namespace

std::shared_ptr<PageCache::Entry> PageCache::find(const std::string& key) const {
  std::shared_lock lock(mutex_);
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : it->second;
}

const std::string& PageCache::canonical(const Entry& entry) {
  return entry.canonical;
}
int PageCache::status(const Entry& entry) {
  return entry.status;
}

std::shared_ptr<PageCache::Entry> PageCache::insert(const std::string& key, int status,
                                                    const std::string& html,
                                                    std::uint64_t generation, std::string canonical,
                                                    std::vector<std::string> tags) {
  auto entry = std::make_shared<Entry>();
  entry->status = status;
  entry->canonical = std::move(canonical);
  entry->tags = std::move(tags);
  split_at_marker(html, entry->prefix, entry->suffix);
  std::unique_lock lock(mutex_);
  if (generation != generation_.load()) return entry;
  // A crawler walking every page cannot grow memory without bound: start over when full.
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_[key] = entry;
  return entry;
}

std::size_t PageCache::drop(const std::vector<std::string>& tags) {
  const std::unordered_set<std::string_view> dropped(tags.begin(), tags.end());
  const auto shows_any = [&](const Entry& entry) {
    return std::any_of(entry.tags.begin(), entry.tags.end(),
                       [&](const std::string& tag) { return dropped.contains(tag); });
  };
  std::unique_lock lock(mutex_);
  // Any drop refuses the renders running now, also of untagged pages: simpler than a
  // generation per tag, and a render that overlaps a change is still served once.
  ++generation_;
  return std::erase_if(entries_, [&](const auto& item) { return shows_any(*item.second); });
}

std::size_t PageCache::size() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

void PageCache::invalidate() {
  std::unique_lock lock(mutex_);
  ++generation_;
  entries_.clear();
}

http::Response PageCache::respond(Entry& entry, std::int64_t counter,
                                  const std::function<std::string()>& counter_html,
                                  const http::AcceptedCodings& accepted) {
  std::shared_ptr<const Variant> v;
  {
    std::lock_guard lock(entry.lock);
    if (!entry.current || entry.current->counter != counter) {
      entry.current = build_variant(entry, counter, counter_html());
    }
    v = entry.current;
  }
  http::Response r = html_response(entry.status, {});
  r.headers.emplace_back("vary", "Cookie");  // the language
  http::serve_precompressed(r, v->body, accepted, v->etag);
  // Pages change with the data and the counter: caches may keep them but must revalidate.
  r.headers.emplace_back("cache-control", "no-cache");
  return r;
}

http::Response PageCache::respond_uncached(int status, const std::string& html,
                                           const std::string& counter_html) {
  std::string prefix, suffix;
  split_at_marker(html, prefix, suffix);
  http::Response r = html_response(status, prefix + counter_html + suffix);
  r.headers.emplace_back("cache-control", "no-store");
  return r;
}

}  // namespace bdp::web
