#include "auth/token.h"

#include <sodium.h>

#include <array>
#include <cstdlib>

#include "auth/sodium_init.h"

namespace bdp::auth {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
using Bytes = std::array<unsigned char, kTokenBytes>;

std::string to_base64url(const Bytes& bytes) {
  std::array<char, sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)> out{};
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), kVariant);
  return std::string(out.data());
}

std::optional<Bytes> from_base64url(std::string_view text) {
  Bytes bytes{};
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length,
                        &end, kVariant) != 0 ||
      length != kTokenBytes || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return bytes;
}

Bytes random_bytes() {
  // No randomness, no tokens: a programming or system error, not an expected failure.
  if (!ensure_sodium()) std::abort();
  Bytes bytes;
  randombytes_buf(bytes.data(), bytes.size());
  return bytes;
}

std::string hash_hex(const unsigned char* data, std::size_t size) {
  Bytes digest;
  crypto_generichash(digest.data(), digest.size(), data, size, nullptr, 0);
  std::array<char, 2 * kTokenBytes + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

}  // namespace

SessionToken new_session_token() {
  const Bytes token = random_bytes();
  return SessionToken{to_base64url(token), hash_hex(token.data(), token.size())};
}

std::optional<std::string> session_token_hash(std::string_view cookie_value) {
  auto token = from_base64url(cookie_value);
  if (!token) return std::nullopt;
  return hash_hex(token->data(), token->size());
}

namespace {

Bytes token_mac(std::string_view secret, const Bytes& nonce) {
  static constexpr std::string_view kLabel = "bdp login csrf v1";
  crypto_generichash_state state;
  crypto_generichash_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                          secret.size(), kTokenBytes);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kLabel.data()),
                            kLabel.size());
  crypto_generichash_update(&state, nonce.data(), nonce.size());
  Bytes mac;
  crypto_generichash_final(&state, mac.data(), mac.size());
  return mac;
}

}  // namespace

std::string signed_token(std::string_view secret) {
  const Bytes nonce = random_bytes();
  return to_base64url(nonce) + "." + to_base64url(token_mac(secret, nonce));
}

bool verify_signed_token(std::string_view secret, std::string_view token) {
  const std::size_t dot = token.find('.');
  if (dot == std::string_view::npos || secret.size() < crypto_generichash_KEYBYTES_MIN ||
      secret.size() > crypto_generichash_KEYBYTES_MAX) {
    return false;
  }
  const auto nonce = from_base64url(token.substr(0, dot));
  const auto mac = from_base64url(token.substr(dot + 1));
  if (!nonce || !mac) return false;
  const Bytes expected = token_mac(secret, *nonce);
  return sodium_memcmp(expected.data(), mac->data(), expected.size()) == 0;
}

std::optional<std::string> session_csrf_token(std::string_view session_cookie_value) {
  auto key = from_base64url(session_cookie_value);
  if (!key) return std::nullopt;
  static constexpr std::string_view kLabel = "bdp editor forms csrf v1";
  Bytes digest;
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(kLabel.data()), kLabel.size(),
                     key->data(), key->size());
  return to_base64url(digest);
}

bool tokens_equal(std::string_view a, std::string_view b) {
  return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string text_hash(std::string_view text) {
  return hash_hex(reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

}  // namespace bdp::auth
