// Digests of published files as lower-case hex: SHA-256 (the dumps' .sha256 files, as a line of
// a `sha256sum` file, "<hex>  <name>\n", which `sha256sum -c` checks) and MD5 (the .md5 file
// dane.gov.pl's harvester compares with its XML). OpenSSL; pure; thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.h"

namespace bdp::opendata {

std::string sha256_hex(std::string_view bytes);
std::string md5_hex(std::string_view bytes);
// "<sha256 hex>  <file name>\n", a line of a `sha256sum` file.
std::string sha256sum_line(std::string_view sha256_hex, std::string_view file_name);
// The SHA-256 of the file at `path`, read a piece at a time. Errors: unavailable (unreadable).
Result<std::string> sha256_file_hex(const std::filesystem::path& path);

}  // namespace bdp::opendata
