// One refused field of a form: its name (the input's id, or the address of another page's
// field) and the message (an i18n key). The error summary links each one (views/form_fields.h).
#pragma once

#include <string>

namespace bdp::web {

struct FieldError {
  std::string field;
  std::string message_key;
  bool operator==(const FieldError&) const = default;
};

}  // namespace bdp::web
