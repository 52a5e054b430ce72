#include "store/postgres/bytea.h"

#include <sodium.h>

namespace bdp::pg {

std::string bytes_to_hex(std::string_view bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  hex.pop_back();  // the terminating NUL
  return hex;
}

Result<std::string> bytes_from_hex(std::string_view hex) {
  std::string bytes(hex.size() / 2, '\0');
  std::size_t length = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), hex.data(),
                     hex.size(), nullptr, &length, nullptr) != 0) {
    return fail(ErrorKind::internal, "stored bytes are not hex");
  }
  bytes.resize(length);
  return bytes;
}

}  // namespace bdp::pg
