// The `pl` collation: Polish alphabetical order (ICU collator "pl"), registered per connection so
// that `ORDER BY title COLLATE pl` sorts "Cyrk" < "Ćma" and "Lublin" < "Łódź" < "Mazury".
#pragma once

#include <sqlite3.h>

#include "core/result.h"

namespace bdp::sqlite {

// Registers `pl` on `db`; the collator is owned by the connection and freed with it.
// Errors: internal when ICU has no Polish collator.
Status register_polish_collation(sqlite3* db);

}  // namespace bdp::sqlite
