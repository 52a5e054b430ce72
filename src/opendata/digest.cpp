#include "opendata/digest.h"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace bdp::opendata {
namespace {

using Digest = std::array<unsigned char, EVP_MAX_MD_SIZE>;

std::string hex_of(const Digest& digest, unsigned int size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(std::size_t{size} * 2);
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

// OpenSSL's digests fail only when it cannot allocate: a programming-level failure.
void check(int openssl_result) {
  if (openssl_result != 1) throw std::runtime_error("OpenSSL digest failed");
}

std::string digest_hex(const EVP_MD* md, std::string_view bytes) {
  Digest digest{};
  unsigned int size = 0;
  check(EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, md, nullptr));
  return hex_of(digest, size);
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  return digest_hex(EVP_sha256(), bytes);
}

std::string md5_hex(std::string_view bytes) {
  return digest_hex(EVP_md5(), bytes);
}

std::string sha256sum_line(std::string_view sha256_hex, std::string_view file_name) {
  return std::string(sha256_hex) + "  " + std::string(file_name) + "\n";
}

Result<std::string> sha256_file_hex(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorKind::unavailable, "cannot read " + path.string());
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                        &EVP_MD_CTX_free);
  if (!context) throw std::runtime_error("OpenSSL digest failed");
  check(EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr));
  std::string piece(std::size_t{1} << 16, '\0');
  while (in) {
    in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
    check(EVP_DigestUpdate(context.get(), piece.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (!in.eof()) return fail(ErrorKind::unavailable, "cannot read " + path.string());
  Digest digest{};
  unsigned int size = 0;
  check(EVP_DigestFinal_ex(context.get(), digest.data(), &size));
  return hex_of(digest, size);
}

}  // namespace bdp::opendata
