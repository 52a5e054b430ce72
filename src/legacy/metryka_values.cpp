#include "legacy/metryka_values.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "legacy/plain_text.h"
#include "model/unit.h"

namespace bdp::legacy {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::optional<int> number(std::string_view digits) {
  if (digits.empty() || digits.size() > 4) return std::nullopt;
  int value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

bool valid_date(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && !leap) return day <= 28;
  return day <= days[static_cast<std::size_t>(month - 1)];
}

// Three runs of digits separated by one of "-./", with nothing else around them.
std::optional<std::array<std::string_view, 3>> three_parts(std::string_view text) {
  std::array<std::string_view, 3> parts;
  std::size_t i = 0;
  for (std::size_t p = 0; p < 3; ++p) {
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    parts[p] = text.substr(start, i - start);
    if (p < 2) {
      if (i >= text.size() || (text[i] != '-' && text[i] != '.' && text[i] != '/')) {
        return std::nullopt;
      }
      ++i;
    }
  }
  if (i != text.size()) return std::nullopt;
  return parts;
}

}  // namespace

std::optional<std::string> read_date(std::string_view text) {
  std::string trimmed(trim(text));
  if (!trimmed.empty() && trimmed.back() == '.') trimmed.pop_back();  // "3.03.2011 r."
  if (trimmed.ends_with(" r")) trimmed.resize(trimmed.size() - 2);
  const auto parts = three_parts(trim(trimmed));
  if (!parts) return std::nullopt;
  const bool iso = (*parts)[0].size() == 4;
  const auto year = number((*parts)[iso ? 0 : 2]);
  const auto month = number((*parts)[1]);
  const auto day = number((*parts)[iso ? 2 : 0]);
  if (!year || !month || !day || (*parts)[iso ? 0 : 2].size() != 4) return std::nullopt;
  if (!valid_date(*year, *month, *day)) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", *year, *month, *day);
}

std::optional<std::int64_t> read_population(std::string_view text) {
  text = trim(text);
  std::int64_t value = 0;
  std::size_t digits = 0;
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      if (++digits > 12) return std::nullopt;
      value = value * 10 + (c - '0');
      continue;
    }
    // A thousands separator sits between digits and is followed by exactly three of them.
    const bool separator = c == '.' || c == ',' || c == ' ';
    const bool three_follow = i + 3 < text.size() && is_digit(text[i + 1]) &&
                              is_digit(text[i + 2]) && is_digit(text[i + 3]) &&
                              (i + 4 == text.size() || !is_digit(text[i + 4]));
    if (separator && digits > 0 && three_follow) continue;
    break;
  }
  if (digits == 0) return std::nullopt;
  const std::string_view rest = trim(text.substr(i));
  // Trailing words ("osób", "mieszkańców") are fine; trailing digits or decimals are not.
  if (!rest.empty() && (is_digit(rest[0]) || rest[0] == '.' || rest[0] == ',')) return std::nullopt;
  return value;
}

PostalAddress read_postal_address(std::string_view text) {
  text = trim(text);
  PostalAddress out;
  const auto digits_at = [&](std::size_t from, std::size_t count) {
    if (from + count > text.size()) return false;
    for (std::size_t k = from; k < from + count; ++k) {
      if (!is_digit(text[k])) return false;
    }
    return true;
  };
  std::size_t rest = 0;
  if (digits_at(0, 2) && text.size() > 2 && text[2] == '-' && digits_at(3, 3)) {
    out.code = std::string(text.substr(0, 6));
    rest = 6;
  } else if (digits_at(0, 5) && (text.size() == 5 || !is_digit(text[5]))) {
    out.code = std::string(text.substr(0, 2)) + "-" + std::string(text.substr(2, 3));
    rest = 5;
  }
  out.office = collapse_spaces(text.substr(rest));
  return out;
}

bool is_voivodeship(std::string_view name) {
  const std::string folded = fold(name);
  return std::ranges::find(voivodeships(), folded) != voivodeships().end();
}

}  // namespace bdp::legacy
