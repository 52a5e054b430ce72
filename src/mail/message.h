// The RFC 5322 message of one outbox mail: UTF-8 plain text, the subject and sender's name
// encoded for Polish letters (RFC 2047), the body quoted-printable, CRLF line ends (SMTP's
// dot-stuffing is the transport's). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "model/outgoing_mail.h"

namespace bdp::mail {

struct Sender {
  std::string address;  // "bdp@zmp.poznan.pl"
  std::string name;     // "Baza Dobrych Praktyk", may be empty
};

// The whole message: Date (of `now`, Unix seconds), From, To, Subject, Message-ID (the same for
// every attempt of one mail, "<bdp.ID.CREATED@sender's domain>", so a receiver can tell a
// repeated delivery), MIME headers, Auto-Submitted, a blank line and the body. Errors
// (invalid_input, nothing built): a mail that store/mail_validate.h refuses (header injection:
// CR or LF in the recipient or subject), a sender that is not one address or whose name is not
// one line of UTF-8.
Result<std::string> build_message(const OutgoingMail& mail, const Sender& sender, std::int64_t now);

}  // namespace bdp::mail
