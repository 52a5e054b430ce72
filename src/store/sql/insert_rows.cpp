#include <algorithm>
#include <string>

#include "store/sql/tables.h"

namespace bdp::sql {
namespace {

// Rows per statement: few round trips for a practice's children, at most this many distinct
// statements per table in each connection's cache.
constexpr int kRowsPerStatement = 16;

std::string statement(std::string_view table, std::string_view column_list, int columns, int rows,
                      std::string_view returning) {
  std::string sql = "INSERT INTO ";
  sql += table;
  sql += " (";
  sql += column_list;
  sql += ") VALUES ";
  int parameter = 0;
  for (int r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (int col = 0; col < columns; ++col) {
      if (col) sql += ", ";
      sql += '$';
      sql += std::to_string(++parameter);
    }
    sql += ')';
  }
  if (!returning.empty()) {
    sql += " RETURNING ";
    sql += returning;
  }
  return sql;
}

}  // namespace

Result<std::vector<Rows>> insert_rows(Connection& c, std::string_view table,
                                      std::string_view column_list, int columns,
                                      const std::vector<Value>& values,
                                      std::string_view returning) {
  std::vector<Rows> results;
  const int total = static_cast<int>(values.size()) / columns;
  for (int first = 0; first < total; first += kRowsPerStatement) {
    const int rows = std::min(kRowsPerStatement, total - first);
    auto begin = values.begin() + static_cast<std::ptrdiff_t>(first) * columns;
    std::span<const Value> params(&*begin, static_cast<std::size_t>(rows) * columns);
    auto done = c.exec(statement(table, column_list, columns, rows, returning), params);
    if (!done) return std::unexpected(done.error());
    results.push_back(std::move(*done));
  }
  return results;
}

}  // namespace bdp::sql
