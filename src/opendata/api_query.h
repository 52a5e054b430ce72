// The parameters of GET /api/v1/practices (docs/openapi.json) read into a PublishedQuery, and
// the address of the next page. Pure; thread-safe.
//
//   cursor          the next_cursor of the previous page (opaque to clients: a practice id)
//   limit           1..kMaxApiPage, default kDefaultApiPage
//   modified_since  YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)
//   section         a section id (its subsections included), as in the search API
//   voivodeship     e.g. "wielkopolskie";  unit_type  e.g. "gmina wiejska"
#pragma once

#include <map>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace bdp::opendata {

inline constexpr int kMaxApiPage = 100;
inline constexpr int kDefaultApiPage = 20;

// Errors: invalid_input naming the parameter (public_message "api.bad_parameter").
Result<PublishedQuery> api_query(const std::multimap<std::string, std::string>& parameters);

// The absolute URL of the page after `last_id` under `base_url` for the same parameters.
std::string next_page_url(const std::string& base_url, const std::string& path,
                          const std::multimap<std::string, std::string>& parameters,
                          std::int64_t last_id);

}  // namespace bdp::opendata
