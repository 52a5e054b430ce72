// A streaming reader: the body is read in blocks; a part's content is everything up to the next
// "\r\n--boundary", and all but the last boundary-length bytes of a block can be handed on at
// once, since a delimiter cannot start before them.
#include "http/multipart.h"

#include <fstream>

#include "http/ascii.h"
#include "http/utf8.h"

namespace bdp::http {
namespace {

constexpr std::size_t kBlock = 64 << 10;

std::unexpected<Error> malformed(std::string why) {
  return fail(ErrorKind::invalid_input, "multipart body: " + std::move(why));
}

class BlockReader {
 public:
  explicit BlockReader(std::ifstream& in) : in_(in) {}
  // Makes at least `n` bytes available unless the body ends first; false at the end.
  bool want(std::size_t n) {
    while (buffer_.size() - start_ < n && !ended_) {
      if (start_ > 0) {
        buffer_.erase(0, start_);
        start_ = 0;
      }
      const std::size_t had = buffer_.size();
      buffer_.resize(had + kBlock);
      in_.read(buffer_.data() + had, static_cast<std::streamsize>(kBlock));
      buffer_.resize(had + static_cast<std::size_t>(in_.gcount()));
      if (in_.gcount() == 0) ended_ = true;
    }
    return buffer_.size() - start_ >= n;
  }
  std::string_view view() const { return std::string_view(buffer_).substr(start_); }
  void consume(std::size_t n) { start_ += n; }
  bool failed() const { return in_.bad(); }

 private:
  std::ifstream& in_;
  std::string buffer_;
  std::size_t start_ = 0;
  bool ended_ = false;
};

struct PartHead {
  std::string name;
  std::optional<std::string> file_name;
  std::string content_type;
};

// A parameter's value of a Content-Disposition header: quoted (backslash escapes, as browsers
// write `"` as %22 anyway) or a token.
std::optional<std::string> disposition_param(std::string_view header, std::string_view key) {
  std::size_t at = 0;
  while ((at = header.find(';', at)) != std::string_view::npos) {
    ++at;
    while (at < header.size() && header[at] == ' ') ++at;
    if (!iequals(header.substr(at, key.size()), key) || at + key.size() >= header.size() ||
        header[at + key.size()] != '=') {
      continue;
    }
    std::size_t i = at + key.size() + 1;
    std::string value;
    if (i < header.size() && header[i] == '"') {
      for (++i; i < header.size() && header[i] != '"'; ++i) {
        if (header[i] == '\\' && i + 1 < header.size()) ++i;
        value += header[i];
      }
      return value;
    }
    while (i < header.size() && header[i] != ';' && header[i] != ' ') value += header[i++];
    return value;
  }
  return std::nullopt;
}

Result<PartHead> parse_head(std::string_view head) {
  PartHead part;
  bool disposed = false;
  while (!head.empty()) {
    const auto end = head.find("\r\n");
    const std::string_view line = head.substr(0, end);
    head = end == std::string_view::npos ? std::string_view() : head.substr(end + 2);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return malformed("a part header without ':'");
    const std::string_view name = line.substr(0, colon);
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (iequals(name, "content-disposition")) {
      if (!iequals(value.substr(0, 9), "form-data")) return malformed("a part not form-data");
      auto field = disposition_param(value, "name");
      if (!field) return malformed("a part without a name");
      part.name = std::move(*field);
      part.file_name = disposition_param(value, "filename");
      disposed = true;
    } else if (iequals(name, "content-type")) {
      part.content_type = std::string(value);
    }
  }
  if (!disposed) return malformed("a part without Content-Disposition");
  if (!is_valid_utf8(part.name) || (part.file_name && !is_valid_utf8(*part.file_name))) {
    return malformed("a name that is not valid UTF-8");
  }
  return part;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  std::string_view type = content_type.substr(0, semicolon);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  if (!iequals(type, "multipart/form-data") || semicolon == std::string_view::npos) {
    return std::nullopt;
  }
  auto boundary = disposition_param(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
  return boundary;
}

Result<MultipartForm> read_multipart(const std::filesystem::path& body, const std::string& boundary,
                                     const std::filesystem::path& directory,
                                     const MultipartLimits& limits) {
  std::ifstream in(body, std::ios::binary);
  if (!in) return fail(ErrorKind::unavailable, "cannot read " + body.string());
  BlockReader reader(in);
  const std::string first = "--" + boundary;
  const std::string delimiter = "\r\n--" + boundary;
  // The preamble is ignored (RFC 2046): find the first delimiter at the start or after CRLF.
  if (!reader.want(first.size())) return malformed("empty");
  if (!reader.view().starts_with(first)) {
    for (;;) {
      const auto at = reader.view().find(delimiter);
      if (at != std::string_view::npos) {
        reader.consume(at + 2);
        break;
      }
      if (!reader.want(reader.view().size() + 1)) return malformed("no boundary");
    }
  }
  reader.consume(first.size());
  MultipartForm form;
  for (std::size_t parts = 0;; ++parts) {
    if (!reader.want(2)) return malformed("cut after a boundary");
    if (reader.view().starts_with("--")) return form;
    if (!reader.view().starts_with("\r\n")) return malformed("junk after a boundary");
    reader.consume(2);
    if (parts == limits.parts) return malformed("too many parts");
    std::size_t head_end;
    while ((head_end = reader.view().find("\r\n\r\n")) == std::string_view::npos) {
      if (reader.view().size() > limits.header_bytes) return malformed("part headers too long");
      if (!reader.want(reader.view().size() + 1)) return malformed("cut in part headers");
    }
    if (head_end > limits.header_bytes) return malformed("part headers too long");
    auto head = parse_head(reader.view().substr(0, head_end));
    if (!head) return std::unexpected(head.error());
    reader.consume(head_end + 4);
    std::shared_ptr<SpooledFile> file;
    if (head->file_name) {
      auto spooled = SpooledFile::create(directory);
      if (!spooled) return std::unexpected(spooled.error());
      file = std::move(*spooled);
    }
    std::string value;
    for (;;) {
      reader.want(delimiter.size() + kBlock);
      const std::string_view view = reader.view();
      const auto at = view.find(delimiter);
      const bool found = at != std::string_view::npos;
      if (!found && view.size() < delimiter.size()) return malformed("cut in a part");
      const std::size_t take = found ? at : view.size() - delimiter.size() + 1;
      if (file) {
        if (auto put = file->append(view.data(), take); !put) return std::unexpected(put.error());
      } else {
        if (value.size() + take > limits.field_bytes) return malformed("a field too long");
        value.append(view.data(), take);
      }
      reader.consume(take);
      if (found) break;
    }
    reader.consume(delimiter.size());
    if (file) {
      if (auto closed = file->close(); !closed) return std::unexpected(closed.error());
      form.files.push_back({head->name, *head->file_name, head->content_type, std::move(file)});
    } else {
      if (!is_valid_utf8(value)) return malformed("a field value that is not valid UTF-8");
      form.fields.emplace(head->name, std::move(value));
    }
  }
}

}  // namespace bdp::http
