#include "opendata/xml_text.h"

#include "core/html_escape.h"

namespace bdp::opendata {

std::string xml_text(std::string_view text) {
  std::string allowed;
  allowed.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 || c == '\t' || c == '\n' || c == '\r') allowed += c;
  }
  return html_escape(allowed);
}

}  // namespace bdp::opendata
