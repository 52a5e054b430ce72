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

Result<std::vector<std::int64_t>> Connection::integers(std::string_view sql,
                                                       std::initializer_list<Value> params) {
  auto rows = exec(sql, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::int64_t> out;
  out.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) out.push_back(rows->integer(r, 0));
  return out;
}

}  // namespace bdp::sql
