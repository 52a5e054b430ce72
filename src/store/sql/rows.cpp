#include "store/sql/rows.h"

#include <charconv>
#include <cstdlib>

namespace bdp::sql {

bool Rows::null(int row, int column) const {
  return std::holds_alternative<std::monostate>(at(row, column));
}

std::int64_t Rows::integer(int row, int column) const {
  const Cell& cell = at(row, column);
  if (const auto* i = std::get_if<std::int64_t>(&cell)) return *i;
  if (const auto* d = std::get_if<double>(&cell)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&cell)) {
    std::int64_t value = 0;
    std::from_chars(s->data(), s->data() + s->size(), value);
    return value;
  }
  return 0;
}

double Rows::real(int row, int column) const {
  const Cell& cell = at(row, column);
  if (const auto* d = std::get_if<double>(&cell)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&cell)) return static_cast<double>(*i);
  if (const auto* s = std::get_if<std::string>(&cell)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

bool Rows::boolean(int row, int column) const {
  const Cell& cell = at(row, column);
  if (const auto* s = std::get_if<std::string>(&cell))
    return *s == "t" || *s == "true" || *s == "1";
  return integer(row, column) != 0;
}

std::string Rows::text(int row, int column) const {
  const Cell& cell = at(row, column);
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&cell)) return std::to_string(*d);
  return {};
}

std::string Rows::take_text(int row, int column) {
  if (auto* s = std::get_if<std::string>(&cells_[row * columns_ + column])) return std::move(*s);
  return text(row, column);
}

std::optional<std::int64_t> Rows::optional_integer(int row, int column) const {
  if (null(row, column)) return std::nullopt;
  return integer(row, column);
}

std::optional<double> Rows::optional_real(int row, int column) const {
  if (null(row, column)) return std::nullopt;
  return real(row, column);
}

}  // namespace bdp::sql
