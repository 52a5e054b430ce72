#include "store/mail_validate.h"

#include <algorithm>

#include "store/validate.h"

namespace bdp {
namespace {

constexpr std::size_t kMaxAddressBytes = 254;  // RFC 5321's limit of a forward path
constexpr std::size_t kMaxSubjectBytes = 250;
constexpr std::size_t kMaxBodyBytes = 256 << 10;
constexpr std::size_t kMaxKindBytes = 64;
constexpr std::size_t kMaxErrorBytes = 1000;

std::unexpected<Error> invalid(std::string message) {
  return fail(ErrorKind::invalid_input, std::move(message));
}

bool is_control(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

bool is_kind(std::string_view kind) {
  return !kind.empty() && kind.size() <= kMaxKindBytes &&
         std::all_of(kind.begin(), kind.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

}  // namespace

bool is_mail_address(std::string_view address) {
  if (address.empty() || address.size() > kMaxAddressBytes) return false;
  constexpr std::string_view kSpecials = "<>()[],;:\"\\";
  const bool printable = std::all_of(address.begin(), address.end(), [&](char c) {
    return c > ' ' && c < 0x7f && kSpecials.find(c) == std::string_view::npos;
  });
  const auto at = address.find('@');
  return printable && at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
         address.find('@', at + 1) == std::string_view::npos;
}

Status validate_mail(const OutgoingMail& mail) {
  if (!is_mail_address(mail.to)) {
    return invalid("the mail's recipient '" + printable_mail_error(mail.to) +
                   "' is not one ASCII e-mail address");
  }
  if (mail.subject.empty()) return invalid("the mail's subject is empty");
  if (mail.subject.size() > kMaxSubjectBytes) return invalid("the mail's subject is too long");
  if (std::any_of(mail.subject.begin(), mail.subject.end(), is_control)) {
    return invalid("the mail's subject holds a line break or control character");
  }
  if (!is_utf8(mail.subject)) return invalid("the mail's subject is not valid UTF-8");
  if (mail.body.size() > kMaxBodyBytes) return invalid("the mail's body is too long");
  if (std::any_of(mail.body.begin(), mail.body.end(),
                  [](char c) { return is_control(c) && c != '\t' && c != '\r' && c != '\n'; })) {
    return invalid("the mail's body holds a control character");
  }
  if (!is_utf8(mail.body)) return invalid("the mail's body is not valid UTF-8");
  if (!is_kind(mail.kind)) return invalid("the mail's kind must be 1-64 of a-z and _");
  if (mail.created_at < 0 || mail.next_attempt_at < 0)
    return invalid("the mail's times are negative");
  return {};
}

std::string printable_mail_error(std::string_view error) {
  std::string out(error.substr(0, kMaxErrorBytes));
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c < ' ' || c > '~'; }, '?');
  return out;
}

}  // namespace bdp
