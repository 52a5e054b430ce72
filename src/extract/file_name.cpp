#include <algorithm>
#include <string>

#include "extract/sniff.h"
#include "extract/utf8_text.h"

namespace bdp::extract {
namespace {

constexpr std::size_t kMaxNameBytes = 200;

bool has_control_character(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x20 || c == 0x7F) return true;
    // C1 controls U+0080..U+009F are encoded C2 80..C2 9F.
    if (c == 0xC2 && i + 1 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) <= 0x9F) {
      return true;
    }
  }
  return false;
}

// True when a segment of `name` between slashes or backslashes is "..".
bool climbs_out(std::string_view name) {
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find_first_of("/\\", start), name.size());
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

Result<std::string> clean_file_name(std::string_view name) {
  if (repair_utf8(name) != name) {
    return fail(ErrorKind::invalid_input, "Nazwa pliku nie jest poprawnym tekstem UTF-8.");
  }
  if (has_control_character(name)) {
    return fail(ErrorKind::invalid_input, "Nazwa pliku zawiera niedozwolone znaki sterujące.");
  }
  if (climbs_out(name)) {
    return fail(ErrorKind::invalid_input,
                "Nazwa pliku wskazuje folder powyżej („..”); prosimy nadać plikowi zwykłą nazwę.");
  }
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  name = trim_spaces(name);
  if (name.empty() || name == "." || name == "..") {
    return fail(ErrorKind::invalid_input, "Plik nie ma nazwy; prosimy nadać mu nazwę.");
  }
  if (name.size() > kMaxNameBytes) {
    return fail(ErrorKind::invalid_input,
                "Nazwa pliku jest zbyt długa (najwyżej 200 bajtów); prosimy ją skrócić.");
  }
  return std::string(name);
}

}  // namespace bdp::extract
