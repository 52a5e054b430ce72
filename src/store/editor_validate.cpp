// Checks of editors and sessions, shared by both engines (declared in store/validate.h).
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/validate.h"

namespace bdp {
namespace {

constexpr std::size_t kMaxEmailBytes = 254;  // RFC 5321's limit of a forward path
constexpr std::size_t kMaxNameBytes = 200;

std::unexpected<Error> invalid(std::string message) {
  return fail(ErrorKind::invalid_input, std::move(message));
}

std::string_view trim(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

// Unicode case folding of UTF-8 text; nullopt when `text` is not valid UTF-8.
std::optional<std::string> fold_case(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  std::vector<UChar> utf16(text.size() + 1);
  int32_t length = 0;
  u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &length, text.data(),
                static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  // Folding may lengthen a string (ß → ss): three times is ICU's documented bound.
  std::vector<UChar> folded(static_cast<std::size_t>(length) * 3 + 1);
  const int32_t folded_length = u_strFoldCase(folded.data(), static_cast<int32_t>(folded.size()),
                                              utf16.data(), length, U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out(static_cast<std::size_t>(folded_length) * 3, '\0');
  int32_t out_length = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &out_length, folded.data(),
              folded_length, &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(out_length));
  return out;
}

}  // namespace

Result<std::string> normalize_email(std::string_view email) {
  const auto text = trim(email);
  if (text.empty()) return invalid("the e-mail address is empty");
  if (text.size() > kMaxEmailBytes) return invalid("the e-mail address is too long");
  const bool bad_char = std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == 0x7f;
  });
  const auto at = text.rfind('@');
  if (bad_char || at == std::string_view::npos || at == 0 || at + 1 == text.size()) {
    return invalid("'" + std::string(text) + "' is not an e-mail address");
  }
  auto folded = fold_case(text);
  if (!folded) return invalid("the e-mail address is not valid UTF-8");
  return *folded;
}

Status validate_editor(const Editor& editor) {
  if (auto email = normalize_email(editor.email); !email) return std::unexpected(email.error());
  const auto name = trim(editor.display_name);
  if (name.empty()) return invalid("the editor's name is empty");
  if (name.size() > kMaxNameBytes) return invalid("the editor's name is too long");
  if (!fold_case(name)) return invalid("the editor's name is not valid UTF-8");
  if (editor.password_hash.empty()) return invalid("the editor has no password hash");
  return {};
}

Status validate_session(const EditorSession& session) {
  if (session.token_hash.empty()) return invalid("the session has no token hash");
  if (session.expires_at <= session.created_at) {
    return invalid("the session expires before it starts");
  }
  return {};
}

}  // namespace bdp
