#include "http/form.h"

#include "http/ascii.h"
#include "http/target.h"

namespace bdp::http {

Result<FormFields> parse_form(const Request& request, std::size_t max_bytes) {
  const auto type = trim_ows(request.header("content-type").value_or(""));
  const auto media = trim_ows(type.substr(0, type.find(';')));
  if (!iequals(media, "application/x-www-form-urlencoded")) {
    return fail(ErrorKind::invalid_input, "the form is not application/x-www-form-urlencoded");
  }
  if (request.body.size() > max_bytes) {
    return fail(ErrorKind::invalid_input,
                "the form is larger than " + std::to_string(max_bytes) + " bytes");
  }
  FormFields fields;
  if (auto parsed = parse_query(request.body, fields); !parsed) {
    return std::unexpected(parsed.error());
  }
  return fields;
}

std::optional<std::string> form_field(const FormFields& fields, const std::string& name) {
  auto it = fields.find(name);
  if (it == fields.end()) return std::nullopt;
  return it->second;
}

}  // namespace bdp::http
