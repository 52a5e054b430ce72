// ReaderPool: Xapian::Database readers for concurrent searches, one per borrower. A borrowed
// reader is reopened to the index's latest commit; it returns to the pool when the lease ends.
// Internal to the search module. Thread-safe. Throws Xapian::Error (callers catch at the edge).
#pragma once

#include <xapian.h>

#include <memory>
#include <mutex>
#include <string>
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
  // Forgets every idle reader (after the index was replaced wholesale).
  void clear();

 private:
  void give_back(std::unique_ptr<Xapian::Database> db);

  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Xapian::Database>> idle_;
};

}  // namespace bdp::search
