// Renders an HTML document into the lines a text browser would show (block elements and <br>
// break lines, paragraphs and tables are set apart by a blank line, table cells of a row share a
// line), keeping each line's links. Script, style and the <head> are dropped.
#pragma once

#include <string_view>
#include <vector>

#include "legacy/page_lines.h"

namespace bdp::legacy {

// `utf8`: a whole document, however broken. Pure, thread-safe; never fails (Gumbo recovers
// from any input); depth of nesting is handled without recursion.
std::vector<PageLine> html_lines(std::string_view utf8);

}  // namespace bdp::legacy
