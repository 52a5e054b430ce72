// The one Store implementation, over any sql::Engine (sqlite/, postgres/): every Store method
// is written once here, in terms of the row functions of tables.h.
#pragma once

#include <memory>

#include "store/sql/engine.h"
#include "store/store.h"

namespace bdp::sql {

std::unique_ptr<Store> make_sql_store(std::unique_ptr<Engine> engine);

}  // namespace bdp::sql
