#include "extract/zip_archive.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace bdp::extract {
namespace {

// The ratio check only applies to large members: small XML parts legitimately compress 100:1.
constexpr std::uint64_t kRatioCheckedFrom = 1ull << 20;

// A name that, unpacked naively, would land outside the folder it is unpacked in.
bool leaves_folder(std::string_view name) {
  if (name.empty() || name[0] == '/' || name[0] == '\\') return true;
  if (name.size() >= 2 && name[1] == ':') return true;  // C:foo, a Windows drive
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

Result<ZipArchive> ZipArchive::open(const std::filesystem::path& path) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (z == nullptr) {
    return fail(ErrorKind::invalid_input,
                "Plik nie jest poprawnym archiwum dokumentu (DOCX, ODT, XLSX, ODS).");
  }
  ZipArchive archive;
  archive.zip_.reset(z);
  return archive;
}

Status ZipArchive::check_members(const UploadLimits& limits) const {
  const zip_int64_t count = zip_get_num_entries(zip_.get(), 0);
  if (count < 0 || static_cast<std::uint64_t>(count) > limits.max_members) {
    return fail(ErrorKind::invalid_input,
                fmt::format("Archiwum dokumentu zawiera zbyt wiele plików (ponad {}).",
                            limits.max_members));
  }
  std::uint64_t total = 0;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), i, 0, &st) != 0 || (st.valid & ZIP_STAT_NAME) == 0 ||
        (st.valid & ZIP_STAT_SIZE) == 0 || (st.valid & ZIP_STAT_COMP_SIZE) == 0) {
      return fail(ErrorKind::invalid_input, "Archiwum dokumentu jest uszkodzone.");
    }
    if (leaves_folder(st.name)) {
      return fail(ErrorKind::invalid_input,
                  "Archiwum dokumentu zawiera plik o niedozwolonej ścieżce (z „..” albo "
                  "bezwzględnej); nie przyjmujemy go.");
    }
    total += st.size;
    if (total > limits.max_uncompressed) {
      return fail(ErrorKind::invalid_input,
                  fmt::format("Dokument po rozpakowaniu byłby zbyt duży (ponad {} MB).",
                              limits.max_uncompressed >> 20));
    }
    if (st.size >= kRatioCheckedFrom &&
        static_cast<double>(st.size) > limits.max_ratio * static_cast<double>(st.comp_size)) {
      return fail(ErrorKind::invalid_input,
                  "Dokument jest podejrzanie silnie skompresowany (możliwa „bomba zip”); nie "
                  "przyjmujemy go.");
    }
  }
  return {};
}

std::uint64_t ZipArchive::declared_total_size() const {
  std::uint64_t total = 0;
  const zip_int64_t count = zip_get_num_entries(zip_.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), i, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) total += st.size;
  }
  return total;
}

bool ZipArchive::has(const char* name) const {
  return zip_name_locate(zip_.get(), name, 0) >= 0;
}

std::int64_t ZipArchive::Reader::read(char* buffer, std::size_t size) {
  if (over_limit_) return -1;
  // One byte more than allowed tells "over the limit" from "exactly at it".
  const std::uint64_t want = std::min<std::uint64_t>(size, left_ + 1);
  const zip_int64_t got = zip_fread(file_.get(), buffer, want);
  if (got < 0) return -1;
  if (static_cast<std::uint64_t>(got) > left_) {
    over_limit_ = true;
    return -1;
  }
  left_ -= static_cast<std::uint64_t>(got);
  return got;
}

Result<ZipArchive::Reader> ZipArchive::open_member(const char* name,
                                                   std::uint64_t max_bytes) const {
  const zip_int64_t index = zip_name_locate(zip_.get(), name, 0);
  if (index < 0) return fail(ErrorKind::not_found, fmt::format("no member {}", name));
  zip_file_t* f = zip_fopen_index(zip_.get(), index, 0);
  if (f == nullptr) {
    return fail(ErrorKind::internal,
                fmt::format("cannot open member {}: {}", name, zip_strerror(zip_.get())));
  }
  Reader reader;
  reader.file_.reset(f);
  reader.left_ = max_bytes;
  return reader;
}

Result<std::string> ZipArchive::read_member(const char* name, std::uint64_t max_bytes) const {
  auto reader = open_member(name, max_bytes);
  if (!reader) return std::unexpected(reader.error());
  std::string out;
  char buffer[16384];
  for (;;) {
    const std::int64_t got = reader->read(buffer, sizeof buffer);
    if (got == 0) return out;
    if (got < 0) {
      if (reader->over_limit()) {
        return fail(ErrorKind::invalid_input, fmt::format("member {} is too large", name));
      }
      return fail(ErrorKind::internal, fmt::format("cannot read member {}", name));
    }
    out.append(buffer, static_cast<std::size_t>(got));
  }
}

}  // namespace bdp::extract
