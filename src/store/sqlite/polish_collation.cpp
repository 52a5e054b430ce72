#include "store/sqlite/polish_collation.h"

#include <unicode/ucol.h>

#include <string>

namespace bdp::sqlite {
namespace {

int compare(void* collator, int left_size, const void* left, int right_size, const void* right) {
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result =
      ucol_strcollUTF8(static_cast<UCollator*>(collator), static_cast<const char*>(left), left_size,
                       static_cast<const char*>(right), right_size, &status);
  if (U_FAILURE(status)) return 0;
  return result == UCOL_LESS ? -1 : (result == UCOL_GREATER ? 1 : 0);
}

void destroy(void* collator) {
  ucol_close(static_cast<UCollator*>(collator));
}

}  // namespace

Status register_polish_collation(sqlite3* db) {
  UErrorCode status = U_ZERO_ERROR;
  // One collator per connection: ICU collators must not be shared between threads.
  UCollator* collator = ucol_open("pl", &status);
  if (U_FAILURE(status)) {
    return fail(ErrorKind::internal,
                std::string("cannot open the ICU Polish collator: ") + u_errorName(status));
  }
  int rc = sqlite3_create_collation_v2(db, "pl", SQLITE_UTF8, collator, compare, destroy);
  if (rc != SQLITE_OK) {
    destroy(collator);  // SQLite does not call xDestroy when registration fails
    return fail(ErrorKind::internal,
                std::string("cannot register the pl collation: ") + sqlite3_errstr(rc));
  }
  return {};
}

}  // namespace bdp::sqlite
