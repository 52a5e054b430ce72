// Readers of single Metryka values with the old pages' quirks. Pure, thread-safe; nullopt means
// "could not be read" and the caller reports a warning with the raw text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bdp::legacy {

// "2011-03-03" or "3.03.2011" / "03-03-2011" → "2011-03-03"; nullopt when no valid date.
std::optional<std::string> read_date(std::string_view text);

// "40.333", "40 333", "40,333", "40333", "40.333 osób" → 40333; nullopt when no number.
std::optional<std::int64_t> read_population(std::string_view text);

struct PostalAddress {
  std::string code;    // "63-100", "" when the page gives none
  std::string office;  // "Śrem"
};
// "63-100 Śrem" → {"63-100", "Śrem"}; " Śrem" → {"", "Śrem"}; "63100 Śrem" → {"63-100", ...}.
PostalAddress read_postal_address(std::string_view text);

// The 16 voivodeships, lower case; true when `name` (any case) is one of them.
bool is_voivodeship(std::string_view name);

}  // namespace bdp::legacy
