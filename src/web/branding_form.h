// The back office's form of the portal's branding: the programme header, the funding note and
// up to kPartnerRows partners (name, address, a logo of those available), kept as typed when
// refused, each refusal bound to its field. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "http/form.h"
#include "web/field_error.h"
#include "web/portal_branding.h"

namespace bdp::web {

inline constexpr std::size_t kPartnerRows = 8;

// The input names: naglowek, finansowanie, and partner_<n>_nazwa, partner_<n>_adres,
// partner_<n>_logo for n = 1..kPartnerRows.
std::string partner_field(std::size_t row, const char* part);

struct BrandingForm {
  std::map<std::string, std::string> values;  // by input name, trimmed
  std::string value(const std::string& name) const;

  static BrandingForm of(const Branding& branding);
  static BrandingForm posted(const http::FormFields& fields);
};

struct CheckedBranding {
  Branding branding;               // the form's, when no errors
  std::vector<FieldError> errors;  // in the form's order; empty when it passes
};

// The branding `form` makes: a header of one line of at most 300 bytes, a note of at most 1000;
// each partner row left empty is dropped, any other needs a name (one line, at most 200 bytes),
// an address empty or an http(s) URL, and a logo empty or one of `logos`. More partners than
// rows cannot be posted.
CheckedBranding check_branding_form(const BrandingForm& form,
                                    const std::vector<std::string>& logos);

}  // namespace bdp::web
