// Markdown → HTML with cmark-gfm (tables, strikethrough, autolinks). Raw HTML in the input is
// never passed through (cmark's safe default), so the output is safe to put in a page.
#pragma once

#include <string>
#include <string_view>

namespace bdp::web {

std::string render_markdown(std::string_view markdown);

}  // namespace bdp::web
