// HTML form bodies (application/x-www-form-urlencoded), parsed with the query-string rules of
// target.h. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "core/result.h"
#include "http/message.h"

namespace bdp::http {

using FormFields = std::multimap<std::string, std::string>;

// The fields of `request`'s body. Errors (invalid_input): a content type other than
// application/x-www-form-urlencoded (parameters such as charset=utf-8 are allowed), a body
// over `max_bytes`, a bad percent-escape, a name or value that is not valid UTF-8.
Result<FormFields> parse_form(const Request& request, std::size_t max_bytes);

// The first value of field `name`; nullopt when the field is absent.
std::optional<std::string> form_field(const FormFields& fields, const std::string& name);

}  // namespace bdp::http
