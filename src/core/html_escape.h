// The one HTML escaper of the project: & < > " ' become entities. Safe for text and for
// double- or single-quoted attribute values. Templates use it too (views/templates.cpp).
#pragma once

#include <string>
#include <string_view>

namespace bdp {

std::string html_escape(std::string_view text);
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace bdp
