#include "import/page_files.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "legacy/encoding.h"
#include "legacy/html_page.h"
#include "legacy/legacy_address.h"
#include "legacy/plain_text.h"
#include "legacy/text_page.h"

namespace bdp::legacy {
namespace {

namespace fs = std::filesystem;

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool is_page_name(const fs::path& path) {
  const std::string ext = lower_extension(path);
  return ext == ".txt" || ext == ".htm" || ext == ".html";
}

}  // namespace

PageFiles list_page_files(const std::vector<std::string>& paths) {
  PageFiles out;
  for (const auto& path : paths) {
    std::error_code error;
    if (fs::is_regular_file(path, error)) {
      out.files.push_back(path);
      continue;
    }
    if (!fs::is_directory(path, error)) {
      out.unreadable.emplace_back(path, "no such file or folder");
      continue;
    }
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (it->is_regular_file(error) && is_page_name(it->path())) {
        out.files.push_back(it->path().string());
      }
    }
    if (error) out.unreadable.emplace_back(path, "cannot list the folder: " + error.message());
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  return out;
}

Result<LegacyPage> parse_page_bytes(std::string_view name, std::string_view bytes) {
  const std::string ext = lower_extension(fs::path(name));
  const std::string_view start = trim(bytes.substr(0, 512));
  const bool html = ext == ".htm" || ext == ".html" || start.starts_with('<') ||
                    start.starts_with("\xEF\xBB\xBF<");
  Result<LegacyPage> page = [&]() -> Result<LegacyPage> {
    if (html) return parse_html_page(bytes);
    auto decoded = to_utf8(bytes);
    if (!decoded) return std::unexpected(decoded.error());
    auto parsed = parse_text_page(decoded->utf8);
    if (!parsed) return parsed;
    for (auto& note : decoded->notes) parsed->warnings.push_back({"page", std::move(note)});
    parsed->encoding = decoded->encoding;
    parsed->encoding_reason = decoded->reason;
    return parsed;
  }();
  if (page && !page->art) {
    page->art = art_from_file_name(fs::path(name).filename().string());
  }
  return page;
}

Result<LegacyPage> read_page_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail(ErrorKind::unavailable, "cannot open the file");
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return fail(ErrorKind::unavailable, "cannot read the file");
  return parse_page_bytes(file, bytes);
}

}  // namespace bdp::legacy
