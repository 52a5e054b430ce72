#include "http/byte_range.h"

#include <charconv>

namespace bdp::http {
namespace {

std::optional<std::uint64_t> number(std::string_view text) {
  std::uint64_t value = 0;
  if (text.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

RangeAnswer answer_range(const Request& request, std::uint64_t size, std::string_view etag) {
  const RangeAnswer whole{200, {0, size}};
  auto header = request.header("range");
  if (!header) return whole;
  // If-Range with an entity tag: the range only if the client's copy is this one (§13.1.5);
  // a date there is weak validation, which a strong ETag replaces: send the whole.
  if (auto if_range = request.header("if-range"); if_range && trimmed(*if_range) != etag) {
    return whole;
  }
  std::string_view spec = trimmed(*header);
  if (!spec.starts_with("bytes=")) return whole;
  spec = trimmed(spec.substr(6));
  if (spec.find(',') != std::string_view::npos) return whole;  // several ranges: the whole
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return whole;
  const auto from = spec.substr(0, dash);
  const auto to = spec.substr(dash + 1);
  if (from.empty()) {  // a suffix: the last N bytes
    auto last = number(to);
    if (!last) return whole;
    if (*last == 0 || size == 0) return {416, {}};
    const std::uint64_t length = std::min(*last, size);
    return {206, {size - length, length}};
  }
  auto first = number(from);
  if (!first) return whole;
  std::uint64_t end = size == 0 ? 0 : size - 1;
  if (!to.empty()) {
    auto given = number(to);
    if (!given || *given < *first) return whole;
    end = std::min(*given, end);
  }
  if (*first >= size) return {416, {}};
  return {206, {*first, end - *first + 1}};
}

std::string content_range(const RangeAnswer& answer, std::uint64_t size) {
  if (answer.status == 416) return "bytes */" + std::to_string(size);
  return "bytes " + std::to_string(answer.range.first) + "-" +
         std::to_string(answer.range.first + answer.range.length - 1) + "/" + std::to_string(size);
}

RangedResponse ranged_response(const Request& request, std::uint64_t size,
                               const std::string& etag) {
  RangedResponse out{{}, answer_range(request, size, etag)};
  Response& r = out.response;
  r.status = out.answer.status;
  r.compressible = false;  // a range of a compressed stream is not a range of the file
  r.set_header("etag", etag);
  r.set_header("accept-ranges", "bytes");
  if (r.status != 200) r.set_header("content-range", content_range(out.answer, size));
  if (r.status == 416) {
    r.set_header("content-type", "text/plain; charset=utf-8");
    r.body = "Zakres poza plikiem.\n";
  }
  return out;
}

}  // namespace bdp::http
