// slugify: a URL-safe ASCII slug of a Polish title ("Ośrodek Pomocy w Śremie" →
// "osrodek-pomocy-w-sremie"): Polish letters transliterated, other non-alphanumerics collapsed
// to single hyphens, at most `max_length` bytes, cut at a word boundary.
#pragma once

#include <string>
#include <string_view>

namespace bdp {

std::string slugify(std::string_view text, std::size_t max_length = 80);

}  // namespace bdp
