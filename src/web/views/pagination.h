// Internal to views: the data of the pagination partial (page links around the current page).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "web/views/templates.h"

namespace bdp::web {

// Sets has_pages, pages, prev and next in `d`; `href(n)` is the link of page n (1-based).
void add_pagination(Data& d, std::int64_t total, int page, int page_size,
                    const std::function<std::string(int)>& href);

}  // namespace bdp::web
