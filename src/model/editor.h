// Editor: a person of one of the associations who reviews and publishes practices, and the
// sessions they log in with. Times are Unix seconds (UTC).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bdp {

// What an account may do in the back office (workflow/permissions.h holds the table). A
// submitter is a municipal officer with an account; the anonymous public has no Role.
enum class Role { administrator, editor, reviewer, submitter };
const char* to_string(Role role);
std::optional<Role> role_from_string(std::string_view text);

struct Editor {
  std::int64_t id = 0;
  std::string email;          // stored case-folded (store/validate.h normalize_email); unique
  std::string display_name;   // "Anna Kowalska"
  std::string password_hash;  // an Argon2id string (auth/password.h), never the password
  std::int64_t created_at = 0;
  bool disabled = false;  // a disabled editor cannot log in, and loses their sessions
  Role role = Role::editor;
  bool operator==(const Editor&) const = default;
};

// A login session, kept in the database so that every node behind a load balancer knows it.
// The database holds only a hash of the token (auth/token.h): a leaked table opens no session.
struct EditorSession {
  std::string token_hash;  // hex BLAKE2b-256 of the cookie's token
  std::int64_t editor_id = 0;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::int64_t last_seen_at = 0;
};

}  // namespace bdp
