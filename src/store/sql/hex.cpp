#include "store/sql/hex.h"

#include <sodium.h>

namespace bdp::sql {

std::string hex(const unsigned char* bytes, std::size_t size) {
  std::string text(size * 2 + 1, '\0');
  sodium_bin2hex(text.data(), text.size(), bytes, size);
  text.pop_back();
  return text;
}

}  // namespace bdp::sql
