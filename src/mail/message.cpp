#include "mail/message.h"

#include <fmt/format.h>

#include <array>
#include <ctime>

#include "mail/mime_encoding.h"
#include "store/mail_validate.h"

namespace bdp::mail {
namespace {

// RFC 5322 date-time in UTC, "Tue, 01 Dec 2026 15:11:09 +0000"; English names whatever the
// locale.
std::string rfc5322_date(std::int64_t unix_seconds) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", kDays.at(tm.tm_wday), tm.tm_mday,
                     kMonths.at(tm.tm_mon), tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

// The sender's name checked as a subject would be (one line of UTF-8).
Status validate_sender(const Sender& sender) {
  if (!is_mail_address(sender.address)) {
    return fail(ErrorKind::invalid_input, "the sender is not one e-mail address");
  }
  OutgoingMail probe;
  probe.to = sender.address;
  probe.subject = sender.name.empty() ? "-" : sender.name;
  probe.kind = "sender";
  if (auto valid = validate_mail(probe); !valid) {
    return fail(ErrorKind::invalid_input, "the sender's name is not one line of UTF-8");
  }
  return {};
}

std::string from_header(const Sender& sender) {
  if (sender.name.empty()) return sender.address;
  std::string name = encode_header_text(sender.name);
  if (name == sender.name) {
    // Plain ASCII: a quoted string, so that specials in the name ("," "." …) stay in it.
    name = "\"";
    for (const char c : sender.name) {
      if (c == '"' || c == '\\') name += '\\';
      name += c;
    }
    name += '"';
  }
  return name + " <" + sender.address + ">";
}

}  // namespace

Result<std::string> build_message(const OutgoingMail& mail, const Sender& sender,
                                  std::int64_t now) {
  if (auto valid = validate_mail(mail); !valid) return std::unexpected(valid.error());
  if (auto valid = validate_sender(sender); !valid) return std::unexpected(valid.error());
  const auto domain = sender.address.substr(sender.address.find('@') + 1);
  std::string body = quoted_printable(mail.body);
  if (!body.ends_with("\r\n")) body += "\r\n";
  return fmt::format(
      "Date: {}\r\nFrom: {}\r\nTo: {}\r\nSubject: {}\r\nMessage-ID: <bdp.{}.{}@{}>\r\n"
      "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\nAuto-Submitted: auto-generated\r\n\r\n{}",
      rfc5322_date(now), from_header(sender), mail.to, encode_header_text(mail.subject), mail.id,
      mail.created_at, domain, body);
}

}  // namespace bdp::mail
