#include "opendata/digest.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace bdp::opendata {
namespace {

std::string digest_hex(const EVP_MD* md, std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  // EVP_Digest fails only when OpenSSL cannot allocate a context: a programming-level failure.
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, md, nullptr) != 1) {
    throw std::runtime_error("OpenSSL digest failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(std::size_t{size} * 2);
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  return digest_hex(EVP_sha256(), bytes);
}

std::string md5_hex(std::string_view bytes) {
  return digest_hex(EVP_md5(), bytes);
}

std::string sha256sum_line(std::string_view bytes, std::string_view file_name) {
  return sha256_hex(bytes) + "  " + std::string(file_name) + "\n";
}

}  // namespace bdp::opendata
