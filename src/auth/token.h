// Session and CSRF tokens: 32 random bytes (randombytes_buf), base64url without padding in the
// cookie (43 characters). The database keeps only the hex BLAKE2b-256 hash of a session token
// (crypto_generichash), so a copy of the sessions table opens no session. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bdp::auth {

struct SessionToken {
  std::string cookie_value;  // goes to the browser only
  std::string hash;          // goes to the store only (64 hex digits)
};

// A fresh session token and its hash. REQUIRES: libsodium initialises (it aborts otherwise:
// there is no safe token without randomness).
SessionToken new_session_token();

// The hash of a token read from a cookie; nullopt when `cookie_value` is not the base64url of
// exactly 32 bytes (a forged or truncated cookie: no store lookup needed).
std::optional<std::string> session_token_hash(std::string_view cookie_value);

// The login form's CSRF token: 32 random bytes and their BLAKE2b MAC keyed by `secret`, each
// base64url, joined by a dot. A client cannot make up a token that verifies without the secret
// (a double-submit of values it picks would pass a mere equality check).
// REQUIRES: `secret` is 16 to 64 bytes.
std::string signed_token(std::string_view secret);

// True when `token` was made by signed_token with the same `secret`. Constant time in the MAC.
bool verify_signed_token(std::string_view secret, std::string_view token);

// The CSRF token of the forms of a logged-in editor, bound to their session: the base64url
// BLAKE2b-256 of a fixed label keyed by the session token. Any node computes it from the
// cookie alone (no server secret to share, nothing stored), and it changes with every login.
// nullopt for a malformed session token.
std::optional<std::string> session_csrf_token(std::string_view session_cookie_value);

// The hex BLAKE2b-256 of any text: what the store keeps instead of a key that names a person
// (a throttle key of address and e-mail).
std::string text_hash(std::string_view text);

// Constant-time equality of two tokens (sodium_memcmp); different lengths are unequal (the
// length of a token is not secret), and an empty token equals nothing.
bool tokens_equal(std::string_view a, std::string_view b);

}  // namespace bdp::auth
