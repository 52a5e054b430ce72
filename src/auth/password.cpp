#include "auth/password.h"

#include <sodium.h>

#include <array>

#include "auth/sodium_init.h"

namespace bdp::auth {
namespace {

// Code points of valid UTF-8 text; npos when it is not valid UTF-8 (libsodium's validator is
// not public, and this is the only place auth needs one).
std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80           ? 1
                               : (lead >> 5) == 0x6  ? 2
                               : (lead >> 4) == 0xE  ? 3
                               : (lead >> 3) == 0x1E ? 4
                                                     : 0;
    if (length == 0 || i + length > text.size()) return std::string_view::npos;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return std::string_view::npos;
    }
    i += length;
  }
  return count;
}

}  // namespace

Status check_password_policy(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) {
    return fail(ErrorKind::invalid_input, "the password is longer than 1024 bytes");
  }
  const std::size_t chars = utf8_length(password);
  if (chars == std::string_view::npos) {
    return fail(ErrorKind::invalid_input, "the password is not valid UTF-8 text");
  }
  if (chars < kMinPasswordChars) {
    return fail(ErrorKind::invalid_input, "the password has " + std::to_string(chars) +
                                              " characters; use at least " +
                                              std::to_string(kMinPasswordChars) +
                                              " (a few unrelated words are easy to type)");
  }
  return {};
}

Result<std::string> hash_password(std::string_view password) {
  if (auto ready = ensure_sodium(); !ready) return std::unexpected(ready.error());
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return fail(ErrorKind::internal, "Argon2id could not get its memory");
  }
  return std::string(out.data());
}

bool verify_password(const std::string& hash, std::string_view password) {
  if (!ensure_sodium() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace bdp::auth
