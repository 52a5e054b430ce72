// ReaderPool: Xapian::Database readers for concurrent searches, one per borrower. A borrowed
// reader is reopened to the index's latest commit; it returns to the pool when the lease ends.
// Internal to the search module. Thread-safe. Throws Xapian::Error (callers catch at the edge).
#pragma once

#include <xapian.h>

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace bdp::search {

class ReaderPool {
 public:
  explicit ReaderPool(std::string path) : path_(std::move(path)) {}

  class Lease {
   public:
    Lease(ReaderPool& pool, std::unique_ptr<Xapian::Database> db)
        : pool_(pool), db_(std::move(db)) {}
    ~Lease() { pool_.give_back(std::move(db_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Xapian::Database& db() { return *db_; }

   private:
    ReaderPool& pool_;
    std::unique_ptr<Xapian::Database> db_;
  };

  Lease borrow();

  // Runs f(db) on a borrowed reader. Xapian drops old revisions a commit or two after they are
  // replaced, so a read during writes can fail with DatabaseModifiedError: f then runs again on
  // a reader reopened to the latest revision. Commits may come back to back and a starved
  // search thread may see several of them go by (seen with 5 attempts on a loaded 2-core CI
  // machine): retrying costs one reopen, so it tries many times before giving up.
  static constexpr int kAttempts = 50;
  template <class F>
  auto with_reader(F f) {
    for (int attempt = 0;; ++attempt) {
      try {
        Lease lease = borrow();
        return f(lease.db());
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt + 1 == kAttempts) throw;
        std::this_thread::yield();  // let the writer finish its commit
      }
    }
  }
  // Forgets every idle reader (after the index was replaced wholesale).
  void clear();

 private:
  void give_back(std::unique_ptr<Xapian::Database> db);

  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Xapian::Database>> idle_;
};

}  // namespace bdp::search
