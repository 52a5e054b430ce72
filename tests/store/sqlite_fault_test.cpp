// Fault injection for the SQLite engine (after SQLite's own "fail the N-th write" tests): a VFS
// that passes everything to the default one but fails every write after the first N. Each write
// path is run with N = 0, 1, 2… until it succeeds; after each failure the error must be
// `unavailable`, nothing of the failed write may be visible, and the database must be intact.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

constexpr int kUnlimited = -1;
std::atomic<int> writes_left{kUnlimited};
sqlite3_vfs* real_vfs = nullptr;

struct FaultyFile {
  sqlite3_file base;
  sqlite3_file* real;  // the default VFS's file, allocated right after this struct
};

sqlite3_file* real(sqlite3_file* file) {
  return reinterpret_cast<FaultyFile*>(file)->real;
}

int faulty_write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  int left = writes_left.load();
  while (left != kUnlimited) {
    if (left == 0) return SQLITE_IOERR_WRITE;
    if (writes_left.compare_exchange_weak(left, left - 1)) break;
  }
  return real(file)->pMethods->xWrite(real(file), data, amount, offset);
}

// Every other method forwards to the real file.
const sqlite3_io_methods faulty_methods = {
    3,
    [](sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); },
    [](sqlite3_file* f, void* d, int n, sqlite3_int64 o) {
      return real(f)->pMethods->xRead(real(f), d, n, o);
    },
    faulty_write,
    [](sqlite3_file* f, sqlite3_int64 size) { return real(f)->pMethods->xTruncate(real(f), size); },
    [](sqlite3_file* f, int flags) { return real(f)->pMethods->xSync(real(f), flags); },
    [](sqlite3_file* f, sqlite3_int64* size) {
      return real(f)->pMethods->xFileSize(real(f), size);
    },
    [](sqlite3_file* f, int lock) { return real(f)->pMethods->xLock(real(f), lock); },
    [](sqlite3_file* f, int lock) { return real(f)->pMethods->xUnlock(real(f), lock); },
    [](sqlite3_file* f, int* out) { return real(f)->pMethods->xCheckReservedLock(real(f), out); },
    [](sqlite3_file* f, int op, void* arg) {
      return real(f)->pMethods->xFileControl(real(f), op, arg);
    },
    [](sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); },
    [](sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); },
    [](sqlite3_file* f, int page, int size, int extend, void volatile** out) {
      return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
    },
    [](sqlite3_file* f, int offset, int n, int flags) {
      return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
    },
    [](sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); },
    [](sqlite3_file* f, int remove) { return real(f)->pMethods->xShmUnmap(real(f), remove); },
    [](sqlite3_file* f, sqlite3_int64 offset, int n, void** out) {
      return real(f)->pMethods->xFetch(real(f), offset, n, out);
    },
    [](sqlite3_file* f, sqlite3_int64 offset, void* p) {
      return real(f)->pMethods->xUnfetch(real(f), offset, p);
    },
};

int faulty_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out) {
  auto* faulty = reinterpret_cast<FaultyFile*>(file);
  faulty->real = reinterpret_cast<sqlite3_file*>(faulty + 1);
  int rc = real_vfs->xOpen(real_vfs, name, faulty->real, flags, out);
  faulty->base.pMethods = faulty->real->pMethods ? &faulty_methods : nullptr;
  return rc;
}

void register_faulty_vfs() {
  static std::once_flag once;
  std::call_once(once, [] {
    real_vfs = sqlite3_vfs_find(nullptr);
    ASSERT_GE(real_vfs->iVersion, 3);
    ASSERT_GE(real_vfs->szOsFile, 0);
    static sqlite3_vfs faulty = *real_vfs;
    faulty.zName = "bdp_faulty";
    faulty.szOsFile = static_cast<int>(sizeof(FaultyFile)) + real_vfs->szOsFile;
    faulty.xOpen = faulty_open;
    faulty.pAppData = nullptr;
    ASSERT_EQ(sqlite3_vfs_register(&faulty, 0), SQLITE_OK);
  });
}

std::string integrity_of(const std::filesystem::path& file) {
  sqlite3* raw = nullptr;
  sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, sqlite3_close);
  sqlite3_stmt* raw_stmt = nullptr;
  sqlite3_prepare_v2(db.get(), "PRAGMA integrity_check", -1, &raw_stmt, nullptr);
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw_stmt, sqlite3_finalize);
  if (sqlite3_step(stmt.get()) != SQLITE_ROW) return sqlite3_errmsg(db.get());
  return reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 0));
}

class SqliteFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    register_faulty_vfs();
    auto dir = make_temp_dir();
    ASSERT_TRUE(dir);
    dir_ = *dir;
    file_ = dir_ / "bdp.sqlite";
    auto store = open_sqlite_store("file:" + file_.string() + "?vfs=bdp_faulty");
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    ASSERT_TRUE(store_->migrate());
    auto section = store_->save_section(sample_section("kultura", "Kultura"));
    auto unit = store_->save_unit(sample_unit());
    ASSERT_TRUE(section && unit);
    section_ = *section;
    unit_ = *unit;
  }
  void TearDown() override {
    writes_left = kUnlimited;
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Runs `write` with 0, 1, 2… writes allowed until it succeeds; after each failure checks
  // `nothing_written` and the file's integrity. Returns how many runs failed.
  int fail_at_each_write(const std::function<bool()>& write,
                         const std::function<void()>& nothing_written) {
    int failures = 0;
    for (int allowed = 0; allowed < 1000; ++allowed) {
      writes_left = allowed;
      bool ok = write();
      writes_left = kUnlimited;
      if (ok) return failures;
      ++failures;
      nothing_written();
      EXPECT_EQ(integrity_of(file_), "ok") << "after failing write " << allowed + 1;
    }
    ADD_FAILURE() << "the write never succeeded";
    return failures;
  }

  std::filesystem::path dir_, file_;
  std::unique_ptr<Store> store_;
  std::int64_t section_ = 0, unit_ = 0;
};

TEST_F(SqliteFaultTest, FailedPracticeSaveLeavesNoTraceAtAnyWrite) {
  auto seq_before = store_->last_change_seq();
  ASSERT_TRUE(seq_before);
  Practice practice = sample_practice(unit_, {section_});
  int failures = fail_at_each_write(
      [&] {
        auto saved = store_->save_practice(practice);
        if (!saved) {
          EXPECT_EQ(saved.error().kind, ErrorKind::unavailable) << saved.error().message;
        }
        return saved.has_value();
      },
      [&] {
        EXPECT_EQ(store_->all_practices()->size(), 0u);
        EXPECT_EQ(store_->last_change_seq(), *seq_before);
      });
  RecordProperty("failed_runs", failures);
  EXPECT_GE(failures, 1);
  EXPECT_EQ(store_->all_practices()->size(), 1u);
}

TEST_F(SqliteFaultTest, FailedLoadIsAllOrNothingAtAnyWrite) {
  Dataset data;
  for (int i = 0; i < 30; ++i) {
    Practice p = sample_practice(unit_, {section_}, "Praktyka " + std::to_string(i));
    p.id = 100 + i;
    data.practices.push_back(p);
  }
  int failures = fail_at_each_write([&] { return store_->load(data).has_value(); },
                                    [&] { EXPECT_EQ(store_->all_practices()->size(), 0u); });
  RecordProperty("failed_runs", failures);
  EXPECT_GE(failures, 1);
  EXPECT_EQ(store_->all_practices()->size(), 30u);
}

TEST_F(SqliteFaultTest, FailedVisitIsNotCountedAndTheNextOneIs) {
  int failures =
      fail_at_each_write([&] { return store_->record_visits("2026-01-01", {"a"}).has_value(); },
                         [&] { EXPECT_EQ(store_->visitor_totals()->total, 0); });
  RecordProperty("failed_runs", failures);
  EXPECT_GE(failures, 1);
  EXPECT_EQ(store_->visitor_totals()->total, 1);
}

}  // namespace
}  // namespace bdp::testing
