#include <string_view>

#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace bdp {

Result<std::unique_ptr<Store>> open_store(const std::string& url) {
  std::string_view text(url);
  if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
    return open_postgres_store(url);
  }
  if (text.starts_with("sqlite:")) text.remove_prefix(7);
  if (text.empty()) return fail(ErrorKind::invalid_input, "the database URL names no file");
  return open_sqlite_store(std::string(text));
}

}  // namespace bdp
