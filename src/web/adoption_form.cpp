#include "web/adoption_form.h"

#include <algorithm>
#include <charconv>

#include "core/slug.h"
#include "core/text.h"

namespace bdp::web {
namespace {

constexpr const char* kOwnPractice = "nasza_praktyka";

// The submission's unit fields the form shares, in its order: name, type, voivodeship, county.
std::vector<FieldSpec> unit_fields() {
  std::vector<FieldSpec> out;
  for (const char* name : {"jednostka", "typ", "wojewodztwo", "powiat"}) {
    const auto& fields = find_step("jednostka")->fields;
    out.push_back(*std::ranges::find(fields, std::string(name), &FieldSpec::name));
  }
  return out;
}

StepSpec make_step() {
  using K = FieldKind;
  StepSpec step{"zastosowalismy", "adoption.title", unit_fields()};
  for (auto& f : std::vector<FieldSpec>{
           field_spec("sposob", "adoption.kind", K::adoption_kind, true, 20),
           field_spec("rok", "adoption.year", K::year, true, 4, "", "adoption.year_hint"),
           field_spec("zmiany", "adoption.changes", K::text, true, 4000, "",
                      "adoption.changes_hint"),
           field_spec(kOwnPractice, "adoption.own_practice", K::line, false, 300, "",
                      "adoption.own_practice_hint"),
           field_spec("osoba", "submit.contact_name", K::line, true, 200, "name"),
           field_spec("email", "submit.contact_email", K::email, true, 254, "email",
                      "adoption.contact_hint")}) {
    step.fields.push_back(std::move(f));
  }
  return step;
}

}  // namespace

const StepSpec& adoption_step() {
  static const StepSpec step = make_step();
  return step;
}

std::optional<std::int64_t> practice_id_in(std::string_view address) {
  std::string_view rest = address;
  const auto at = rest.find("/praktyki/");
  if (at != std::string_view::npos) {
    rest.remove_prefix(at + std::string_view("/praktyki/").size());
    rest = rest.substr(0, rest.find_first_of("/?#"));
  } else if (rest.find('/') != std::string_view::npos) {
    return std::nullopt;
  }
  return id_of_reference(rest);
}

std::vector<FieldError> check_adoption(const SubmissionForm& form, int this_year) {
  auto errors = check_step(adoption_step(), form, SectionTree({}));
  const auto refused = [&](const char* name) {
    return std::ranges::find(errors, std::string(name), &FieldError::field) != errors.end();
  };
  const std::string year = trimmed(form.value("rok"));
  int value = 0;
  std::from_chars(year.data(), year.data() + year.size(), value);
  if (!refused("rok") && value > this_year) errors.push_back({"rok", "adoption.error.future"});
  const std::string own = trimmed(form.value(kOwnPractice));
  if (!refused(kOwnPractice) && !own.empty() && !practice_id_in(own)) {
    errors.push_back({kOwnPractice, "adoption.error.own_practice"});
  }
  return errors;
}

AdoptionRecord adoption_record(const SubmissionForm& form, std::int64_t practice_id,
                               const std::string& today) {
  const auto v = [&](const char* name) { return trimmed(form.value(name)); };
  AdoptionRecord r;
  r.unit.name = v("jednostka");
  r.unit.type = v("typ");
  r.unit.voivodeship = v("wojewodztwo");
  r.unit.county = v("powiat");
  r.unit.town = r.unit.name;
  r.unit.slug = slugify(r.unit.name + " " + r.unit.voivodeship);
  Adoption& a = r.adoption;
  a.practice_id = practice_id;
  a.kind = adoption_kind_from_string(v("sposob")).value_or(AdoptionKind::adopted);
  const std::string year = v("rok");
  std::from_chars(year.data(), year.data() + year.size(), a.year);
  a.changes = v("zmiany");
  a.adopting_practice_id = practice_id_in(v(kOwnPractice)).value_or(0);
  a.contact_name = v("osoba");
  a.contact_email = v("email");
  a.status = AdoptionStatus::pending;
  a.created_on = today;
  return r;
}

}  // namespace bdp::web
