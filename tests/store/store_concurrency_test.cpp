// Readers running while a writer changes the same records see whole versions, never a mix.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

class ConcurrencyTest : public StoreTest {};
BDP_STORE_TEST_ON_ALL_ENGINES(ConcurrencyTest);

// Version n of the practice: title "v<n>" and n % 3 + 1 contacts, n % 4 presentation sections.
Practice version(std::int64_t unit, std::int64_t section, int n) {
  Practice p = sample_practice(unit, {section}, "v" + std::to_string(n));
  p.id = 7;
  p.contacts.resize(n % 3 + 1, Contact{"Osoba", "", {"1"}, ""});
  p.presentation.resize(n % 4);
  return p;
}

TEST_P(ConcurrencyTest, ReadersSeeEachPracticeAsOneWholeVersion) {
  auto section = store().save_section(sample_section("kultura", "Kultura"));
  auto unit = store().save_unit(sample_unit());
  ASSERT_TRUE(section && unit);
  ASSERT_TRUE(store().save_practice(version(*unit, *section, 0)));

  std::atomic<bool> done = false;
  std::atomic<int> reads = 0, torn = 0, errors = 0;
  std::vector<std::thread> readers;
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&] {
      while (!done) {
        auto page = store().practices_in_section(*section, PracticeSort::title, {});
        if (!page || page->items.size() != 1) {
          ++errors;
          continue;
        }
        const Practice& p = page->items[0];
        int n = std::stoi(p.title.substr(1));
        if (p.contacts.size() != static_cast<std::size_t>(n % 3 + 1) ||
            p.presentation.size() != static_cast<std::size_t>(n % 4)) {
          ++torn;
        }
        ++reads;
      }
    });
  }
  for (int n = 1; n <= 60; ++n) {
    EXPECT_TRUE(store().save_practice(version(*unit, *section, n)));
  }
  done = true;
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(errors, 0);
  EXPECT_EQ(torn, 0);
  EXPECT_GT(reads, 0);
  EXPECT_EQ(store().practice(7)->title, "v60");
}

}  // namespace
}  // namespace bdp::testing
