#include "store/sql/connection.h"

#include <string>

namespace bdp::sql {

Result<std::int64_t> Connection::single_integer(std::string_view sql,
                                                std::initializer_list<Value> params) {
  auto rows = exec(sql, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return fail(ErrorKind::internal, "no row from " + std::string(sql));
  return rows->integer(0, 0);
}

}  // namespace bdp::sql
