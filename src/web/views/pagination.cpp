#include "web/views/pagination.h"

#include <cstdlib>

namespace bdp::web {

void add_pagination(Data& d, std::int64_t total, int page, int page_size,
                    const std::function<std::string(int)>& href) {
  const auto pages = static_cast<int>((total + page_size - 1) / page_size);
  d.set("has_pages", pages > 1);
  List numbers;
  for (int n = 1; n <= pages; ++n) {
    // Long lists: the first, the last and a window around the current page.
    if (n != 1 && n != pages && std::abs(n - page) > 3) continue;
    Data item{Data::type::object};
    item.set("number", std::to_string(n));
    item.set("href", href(n));
    item.set("current", n == page);
    numbers.push_back(std::move(item));
  }
  d.set("pages", numbers);
  d.set("prev", optional_text(page > 1 ? href(page - 1) : std::string()));
  d.set("next", optional_text(page < pages ? href(page + 1) : std::string()));
}

}  // namespace bdp::web
