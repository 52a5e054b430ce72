// slugify: a URL-safe ASCII slug of a Polish title ("Ośrodek Pomocy w Śremie" →
// "osrodek-pomocy-w-sremie"): Polish letters transliterated, other non-alphanumerics collapsed
// to single hyphens, at most `max_length` bytes, cut at a word boundary; and the id in front of
// a slug in an address.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bdp {

std::string slugify(std::string_view text, std::size_t max_length = 80);
// True for what slugify makes: 1–80 bytes of a-z and 0-9, single hyphens between them.
bool is_slug(std::string_view text);

// The id of an address segment "<id>-<slug>" or "<id>" (a positive decimal number); nullopt for
// anything else ("0-x", "12x", "-3").
std::optional<std::int64_t> id_of_reference(std::string_view reference);

}  // namespace bdp
