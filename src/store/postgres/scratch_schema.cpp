#include "store/postgres/scratch_schema.h"

#include <sodium.h>

#include <array>
#include <string_view>

#include "store/postgres/connection.h"

namespace bdp {
namespace {

// The URL of the database itself: the scratch URL less the options we added.
std::string base_url(const ScratchSchema& schema) {
  auto at = schema.url.rfind("options=");
  return schema.url.substr(0, at == std::string::npos ? schema.url.size() : at - 1);
}

// Schema names cannot be statement parameters; this one is built here from hex digits only.
Status run_on(const std::string& url, const std::string& sql) {
  auto conn = pg::Connection::open(url);
  if (!conn) return std::unexpected(conn.error());
  auto done = (*conn)->exec(sql);
  if (!done) return std::unexpected(done.error());
  return {};
}

}  // namespace

Result<ScratchSchema> create_scratch_schema(const std::string& url) {
  std::string_view text(url);
  if (!text.starts_with("postgresql://") && !text.starts_with("postgres://")) {
    return fail(ErrorKind::invalid_input, "not a postgresql:// URL: " + url);
  }
  if (text.find("options=") != std::string_view::npos) {
    return fail(ErrorKind::invalid_input, "the URL sets options already: " + url);
  }
  if (sodium_init() < 0) return fail(ErrorKind::internal, "libsodium cannot initialise");
  std::array<unsigned char, 8> random;
  randombytes_buf(random.data(), random.size());
  std::array<char, 2 * random.size() + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());

  ScratchSchema schema;
  schema.name = "t_" + std::string(hex.data());
  schema.url = url + (text.find('?') == std::string_view::npos ? "?" : "&") +
               "options=-csearch_path%3D" + schema.name;
  if (auto created = run_on(url, "CREATE SCHEMA " + schema.name); !created) {
    return std::unexpected(created.error());
  }
  return schema;
}

Status drop_scratch_schema(const ScratchSchema& schema) {
  return run_on(base_url(schema), "DROP SCHEMA IF EXISTS " + schema.name + " CASCADE");
}

}  // namespace bdp
