#include "search/reader_pool.h"

namespace bdp::search {

ReaderPool::Lease ReaderPool::borrow() {
  std::unique_ptr<Xapian::Database> db;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      db = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (db) {
    try {
      db->reopen();
    } catch (const Xapian::DatabaseError&) {
      db.reset();  // the revision it held is gone (the index was rebuilt): open afresh
    }
  }
  if (!db) db = std::make_unique<Xapian::Database>(path_);
  return Lease(*this, std::move(db));
}

void ReaderPool::clear() {
  std::lock_guard lock(mutex_);
  idle_.clear();
}

void ReaderPool::give_back(std::unique_ptr<Xapian::Database> db) {
  if (!db) return;
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(db));
}

}  // namespace bdp::search
