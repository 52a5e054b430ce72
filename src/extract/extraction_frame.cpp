#include "extract/extraction_frame.h"

#include <fmt/format.h>

#include <charconv>

#include "extract/utf8_text.h"

namespace bdp::extract {
namespace {

std::unexpected<Error> malformed(const char* what) {
  return fail(ErrorKind::invalid_input, fmt::format("extractor frame: {}", what));
}

// Reads the space- or newline-terminated decimal number at the front of `in`; no leading zero,
// so that a frame has one spelling.
bool take_number(std::string_view& in, std::uint64_t& value, char terminator) {
  if (in.size() > 1 && in[0] == '0' && in[1] != terminator) return false;
  const auto [end, error] = std::from_chars(in.data(), in.data() + in.size(), value);
  if (error != std::errc() || end == in.data() || end == in.data() + in.size() ||
      *end != terminator) {
    return false;
  }
  in.remove_prefix(static_cast<std::size_t>(end - in.data()) + 1);
  return true;
}

bool take_bytes(std::string_view& in, std::uint64_t size, std::string& out) {
  if (in.size() < size) return false;
  out.assign(in.substr(0, size));
  in.remove_prefix(size);
  return true;
}

}  // namespace

std::string encode_extraction(const Extraction& e) {
  std::string out =
      fmt::format("BDPX1 {} {} {}\n", to_string(e.status), e.pages.size(), e.thumbnail_png.size());
  for (const auto& page : e.pages) {
    out += fmt::format("{} {}\n", page.page, page.text.size());
    out += page.text;
    out += '\n';
  }
  out += e.thumbnail_png;
  out += "END\n";
  return out;
}

Result<Extraction> decode_extraction(std::string_view in, std::uint64_t max_pages) {
  if (!in.starts_with("BDPX1 ")) return malformed("no header");
  in.remove_prefix(6);
  const std::size_t space = in.find(' ');
  if (space == std::string_view::npos) return malformed("no status");
  const auto status = text_status_from_string(in.substr(0, space));
  if (!status) return malformed("unknown status");
  in.remove_prefix(space + 1);
  std::uint64_t pages = 0, thumbnail = 0;
  if (!take_number(in, pages, ' ') || !take_number(in, thumbnail, '\n') || pages > max_pages) {
    return malformed("bad header numbers");
  }
  Extraction e{*status, {}, {}};
  for (std::uint64_t i = 0; i < pages; ++i) {
    std::uint64_t number = 0, size = 0;
    PageText page;
    if (!take_number(in, number, ' ') || !take_number(in, size, '\n') || number > 10000000 ||
        !take_bytes(in, size, page.text) || !in.starts_with('\n')) {
      return malformed("bad page");
    }
    in.remove_prefix(1);
    if (repair_utf8(page.text) != page.text) return malformed("page text is not UTF-8");
    page.page = static_cast<int>(number);
    e.pages.push_back(std::move(page));
  }
  if (!take_bytes(in, thumbnail, e.thumbnail_png) || in != "END\n") {
    return malformed("bad thumbnail or end");
  }
  return e;
}

}  // namespace bdp::extract
