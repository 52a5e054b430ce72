// Text for XML 1.0 documents (sitemap, Atom, the catalogue): escaped with the one HTML escaper
// (its entities are XML's too) after dropping the control characters XML 1.0 forbids (all
// below U+0020 but tab, LF and CR), which old imported pages sometimes hold. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace bdp::opendata {

std::string xml_text(std::string_view text);

}  // namespace bdp::opendata
