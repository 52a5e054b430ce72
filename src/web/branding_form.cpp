#include "web/branding_form.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "store/link_validate.h"

namespace bdp::web {
namespace {

constexpr const char* kParts[] = {"nazwa", "adres", "logo"};

std::vector<std::string> field_names() {
  std::vector<std::string> names = {"naglowek", "finansowanie"};
  for (std::size_t row = 1; row <= kPartnerRows; ++row) {
    for (const char* part : kParts) names.push_back(partner_field(row, part));
  }
  return names;
}

}  // namespace

std::string partner_field(std::size_t row, const char* part) {
  return fmt::format("partner_{}_{}", row, part);
}

std::string BrandingForm::value(const std::string& name) const {
  const auto found = values.find(name);
  return found == values.end() ? std::string() : found->second;
}

BrandingForm BrandingForm::of(const Branding& branding) {
  BrandingForm form;
  form.values["naglowek"] = branding.programme_header;
  form.values["finansowanie"] = branding.funding_note;
  for (std::size_t i = 0; i < branding.partners.size() && i < kPartnerRows; ++i) {
    const auto& p = branding.partners[i];
    form.values[partner_field(i + 1, "nazwa")] = p.name;
    form.values[partner_field(i + 1, "adres")] = p.url;
    form.values[partner_field(i + 1, "logo")] = p.logo;
  }
  return form;
}

BrandingForm BrandingForm::posted(const http::FormFields& fields) {
  BrandingForm form;
  for (const auto& name : field_names()) {
    form.values[name] = trimmed(http::form_field(fields, name).value_or(""));
  }
  return form;
}

CheckedBranding check_branding_form(const BrandingForm& form,
                                    const std::vector<std::string>& logos) {
  CheckedBranding out;
  Branding& b = out.branding;
  auto& errors = out.errors;
  b.programme_header = form.value("naglowek");
  if (b.programme_header.size() > 300) {
    errors.push_back({"naglowek", "submit.error.too_long"});
  } else if (b.programme_header.find_first_of("\r\n") != std::string::npos) {
    errors.push_back({"naglowek", "submit.error.one_line"});
  }
  b.funding_note = form.value("finansowanie");
  if (b.funding_note.size() > 1000) errors.push_back({"finansowanie", "submit.error.too_long"});
  for (std::size_t row = 1; row <= kPartnerRows; ++row) {
    const auto name_field = partner_field(row, "nazwa");
    const auto url_field = partner_field(row, "adres");
    const auto logo_field = partner_field(row, "logo");
    NamedLink p{form.value(name_field), form.value(url_field), form.value(logo_field)};
    if (p.name.empty() && p.url.empty() && p.logo.empty()) continue;
    if (p.name.empty()) {
      errors.push_back({name_field, "submit.error.required"});
    } else if (p.name.size() > 200) {
      errors.push_back({name_field, "submit.error.too_long"});
    } else if (p.name.find_first_of("\r\n") != std::string::npos) {
      errors.push_back({name_field, "submit.error.one_line"});
    }
    if (!p.url.empty() && !is_link_url(p.url)) errors.push_back({url_field, "submit.error.url"});
    if (!p.logo.empty() && std::ranges::find(logos, p.logo) == logos.end()) {
      errors.push_back({logo_field, "submit.error.choose"});
    }
    b.partners.push_back(std::move(p));
  }
  return out;
}

}  // namespace bdp::web
