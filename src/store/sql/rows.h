// Rows: the whole result of one statement, read the same way whichever engine produced it.
// Cells hold what the engine gave: SQLite its native integers, reals and text, PostgreSQL text
// (bytea already decoded to bytes). Readers convert; REQUIRES: row and column in range and the
// cell of a type the reader can take (the store's own SQL guarantees it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace bdp::sql {

using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

class Rows {
 public:
  Rows() = default;
  Rows(int columns, std::vector<Cell> cells, std::int64_t affected)
      : columns_(columns), cells_(std::move(cells)), affected_(affected) {}

  int size() const { return columns_ ? static_cast<int>(cells_.size()) / columns_ : 0; }
  bool empty() const { return size() == 0; }
  // Rows changed by INSERT, UPDATE or DELETE.
  std::int64_t affected() const { return affected_; }

  bool null(int row, int column) const;
  std::int64_t integer(int row, int column) const;  // NULL reads as 0
  double real(int row, int column) const;           // NULL reads as 0
  bool boolean(int row, int column) const;          // 1/0 or PostgreSQL's t/f
  std::string text(int row, int column) const;      // NULL reads as ""
  // text() that moves the cell out (it reads as "" afterwards): for long texts read once.
  std::string take_text(int row, int column);
  std::optional<std::int64_t> optional_integer(int row, int column) const;
  std::optional<double> optional_real(int row, int column) const;

 private:
  const Cell& at(int row, int column) const { return cells_[row * columns_ + column]; }
  int columns_ = 0;
  std::vector<Cell> cells_;
  std::int64_t affected_ = 0;
};

}  // namespace bdp::sql
