#include "model/outgoing_mail.h"

#include <array>
#include <utility>

namespace bdp {
namespace {

constexpr std::array<std::pair<MailState, const char*>, 4> kStates = {{
    {MailState::queued, "queued"},
    {MailState::sending, "sending"},
    {MailState::sent, "sent"},
    {MailState::dead, "dead"},
}};

}  // namespace

const char* to_string(MailState state) {
  for (const auto& [s, name] : kStates) {
    if (s == state) return name;
  }
  return "queued";
}

std::optional<MailState> mail_state_from_string(std::string_view text) {
  for (const auto& [s, name] : kStates) {
    if (text == name) return s;
  }
  return std::nullopt;
}

}  // namespace bdp
