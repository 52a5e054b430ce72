// libFuzzer target: what an upload's client sends besides the framing: a multipart/form-data
// body (read from a spooled file, as the server reads it), its Content-Type, and a Range header.
// Properties: every field name and value is valid UTF-8; the file parts' bytes sum to no more
// than the body; a range answered 206 lies inside the representation.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "http/byte_range.h"
#include "http/multipart.h"
#include "http/utf8.h"

namespace {

const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    auto d =
        std::filesystem::temp_directory_path() / ("bdp-upload-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto body = scratch() / "body";
  {
    std::ofstream out(body, std::ios::binary | std::ios::trunc);
    out.write(input.data(), static_cast<std::streamsize>(input.size()));
  }
  if (auto form = bdp::http::read_multipart(body, "XyZ", scratch())) {
    for (const auto& [name, value] : form->fields) {
      if (!bdp::http::is_valid_utf8(name) || !bdp::http::is_valid_utf8(value)) __builtin_trap();
    }
    std::uint64_t total = 0;
    for (const auto& f : form->files) total += f.file->size();
    if (total > size) __builtin_trap();
  }
  (void)bdp::http::multipart_boundary(input);
  bdp::http::Request request;
  request.headers = {{"range", std::string(input.substr(0, 200))}};
  const std::uint64_t length = size * 37;
  const auto answer = bdp::http::answer_range(request, length, "\"x\"");
  if (answer.status == 206 &&
      (answer.range.length == 0 || answer.range.first + answer.range.length > length)) {
    __builtin_trap();
  }
  return 0;
}
