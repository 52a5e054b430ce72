// The page number of a paged listing (a section, the search results): one URL parameter for
// all of them, "strona". The search page once used "page"; such addresses are redirected.
#pragma once

#include <optional>
#include <string>

#include "http/message.h"

namespace bdp::web {

// The positive page number in "strona" (at most 100 000); absent → 1; anything else → nullopt
// (the caller answers 400). Past the last page is the caller's 404.
std::optional<int> page_number(const http::Request& request);

// The request's target with each old "page" parameter renamed "strona" (the rest of the query
// percent-encoded again, in name order), for a 301; nullopt when the query has no "page" parameter.
std::optional<std::string> target_with_page_renamed(const http::Request& request);

}  // namespace bdp::web
