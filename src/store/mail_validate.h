// Checks of what is queued in the mail outbox, shared by both engines (and by the mail module,
// which composes headers from these fields). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "model/outgoing_mail.h"

namespace bdp {

// True for one bare address "local@domain" of printable ASCII, at most 254 bytes: no spaces,
// CR/LF or other controls, no display name or list ("<>()[],;:\"\\" refused), one '@'.
bool is_mail_address(std::string_view address);

// Errors (invalid_input, naming the field): `to` not is_mail_address; a subject that is empty,
// over 250 bytes, not UTF-8 or holds CR, LF or another control character (header injection);
// a body over 256 KiB, not UTF-8 or with control characters besides tab, CR and LF; a kind not
// 1-64 of [a-z_]; negative times.
Status validate_mail(const OutgoingMail& mail);

// `error` made storable and safe to log: bytes outside printable ASCII become '?', cut to
// 1000 bytes.
std::string printable_mail_error(std::string_view error);

}  // namespace bdp
