// The page files an import reads: which files a list of paths names, and how one file becomes
// a LegacyPage. Thread-safe (no shared state); reads the file system.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "legacy/legacy_page.h"

namespace bdp::legacy {

struct PageFiles {
  std::vector<std::string> files;                               // sorted, without duplicates
  std::vector<std::pair<std::string, std::string>> unreadable;  // {path, reason}
};

// Files as given (any name); folders searched recursively for *.txt, *.htm, *.html (any case).
PageFiles list_page_files(const std::vector<std::string>& paths);

// One page from its bytes: HTML when `name` ends in .htm/.html or the bytes start with '<'
// (after white space), else a text dump (decoded with to_utf8 first). The old id comes from
// the file name when the page carries none (see art_from_file_name). Errors: the parsers'.
Result<LegacyPage> parse_page_bytes(std::string_view name, std::string_view bytes);

// Reads `file` and parses it. Errors: unavailable when it cannot be read; the parsers'.
Result<LegacyPage> read_page_file(const std::string& file);

}  // namespace bdp::legacy
