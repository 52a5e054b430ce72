// The PostgreSQL engine for the store tests (included by engines.h): each open() creates a
// scratch schema in the database at BDP_TEST_POSTGRES_URL and drops it after the test.
#pragma once

#include <memory>
#include <string>

#include "store/postgres/postgres_store.h"
#include "store/postgres/scratch_schema.h"

namespace bdp::testing {

inline Engine postgres_engine(const std::string& url) {
  return Engine{"postgres", [url]() -> Result<std::unique_ptr<TestStore>> {
                  auto schema = create_scratch_schema(url);
                  if (!schema) return std::unexpected(schema.error());
                  auto test = std::make_unique<TestStore>();
                  test->cleanup = [schema = *schema] { (void)drop_scratch_schema(schema); };
                  test->url = schema->url;
                  auto store = open_postgres_store(schema->url);
                  if (!store) return std::unexpected(store.error());
                  test->store = std::move(*store);
                  return test;
                }};
}

}  // namespace bdp::testing
