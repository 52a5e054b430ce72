#include "store/database_url.h"

#include <string_view>

namespace bdp {

Result<DatabaseUrl> parse_database_url(const std::string& url) {
  std::string_view text(url);
  if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
    return DatabaseUrl{Engine::postgresql, url};
  }
  if (text.starts_with("sqlite://")) {
    text.remove_prefix(9);
  } else if (text.starts_with("sqlite:")) {
    text.remove_prefix(7);
  }
  if (text.empty()) return fail(ErrorKind::invalid_input, "the database URL names no file");
  return DatabaseUrl{Engine::sqlite, std::string(text)};
}

}  // namespace bdp
