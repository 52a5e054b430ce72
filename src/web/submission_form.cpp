#include "web/submission_form.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "core/slug.h"
#include "core/text.h"
#include "model/adoption.h"
#include "store/mail_validate.h"

namespace bdp::web {
namespace {

std::vector<StepSpec> make_steps() {
  using K = FieldKind;
  std::vector<StepSpec> steps = {
      {"jednostka",
       "submit.step.unit",
       {field_spec("jednostka", "submit.unit_name", K::line, true, 200, "organization",
                   "submit.unit_name_hint"),
        field_spec("typ", "submit.unit_type", K::unit_type, true, 100),
        field_spec("wojewodztwo", "submit.voivodeship", K::voivodeship, true, 100),
        field_spec("powiat", "submit.county", K::line, false, 100),
        field_spec("miejscowosc", "submit.town", K::line, true, 100, "address-level2"),
        field_spec("jednostka_wdrazajaca", "submit.implementing_body", K::line, false, 300, "",
                   "submit.implementing_body_hint"),
        field_spec("ulica", "submit.street", K::line, false, 200, "address-line1"),
        field_spec("kod", "submit.postal_code", K::postal_code, false, 6, "postal-code",
                   "submit.postal_code_hint"),
        field_spec("poczta", "submit.post_office", K::line, false, 100),
        field_spec("witryna", "submit.website", K::url, false, 300, "url", "submit.website_hint"),
        field_spec("mieszkancy", "submit.population", K::number, false, 9, "",
                   "submit.population_hint")}},
      {"kontakt",
       "submit.step.contact",
       {field_spec("osoba", "submit.contact_name", K::line, true, 200, "name"),
        field_spec("stanowisko", "submit.contact_position", K::line, false, 200,
                   "organization-title"),
        field_spec("telefon", "submit.contact_phone", K::phone, false, 40, "tel",
                   "submit.contact_phone_hint"),
        field_spec("email", "submit.contact_email", K::email, true, 254, "email",
                   "submit.contact_email_hint"),
        field_spec("zgoda", "submit.consent", K::consent, true, 10)}},
      {"opis",
       "submit.step.practice",
       {field_spec("tytul", "submit.title", K::line, true, 300, "", "submit.title_hint"),
        field_spec("skrot", "submit.summary", K::text, true, 5000, "", "submit.summary_hint"),
        field_spec("dzialy", "submit.sections", K::sections, true, 0, "", "submit.sections_hint")}},
      {"prezentacja", "submit.step.presentation", {}},
  };
  for (const auto& heading : methodology()) {
    FieldSpec f = field_spec(std::string("m_") + heading.key, heading.heading, K::text,
                             heading.required, 20000, "", heading.guidance);
    f.heading = true;
    steps.back().fields.push_back(std::move(f));
  }
  return steps;
}

std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::ranges::count_if(
      text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_phone(std::string_view text) {
  int digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (std::string_view(" +-()").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return digits >= 9 && digits <= 15;
}

bool is_web_address(std::string_view text) {
  std::string_view rest = text;
  for (std::string_view scheme : {"https://", "http://"}) {
    if (rest.starts_with(scheme)) rest.remove_prefix(scheme.size());
  }
  const auto host = rest.substr(0, rest.find('/'));
  return host.find('.') != std::string_view::npos && host.front() != '.' && host.back() != '.' &&
         std::ranges::none_of(host, [](char c) {
           return static_cast<unsigned char>(c) <= ' ' ||
                  std::string_view("<>\"'\\").find(c) != std::string_view::npos;
         });
}

bool is_count(std::string_view text) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  return ec == std::errc() && end == text.data() + text.size() && n >= 0;
}

// The message of a value that fails `spec`'s kind; "" when it passes.
std::string kind_error(const FieldSpec& spec, const std::string& value) {
  switch (spec.kind) {
    case FieldKind::email:
      return is_mail_address(value) && value.find('.', value.rfind('@')) != std::string::npos
                 ? ""
                 : "submit.error.email";
    case FieldKind::phone:
      return is_phone(value) ? "" : "submit.error.phone";
    case FieldKind::url:
      return is_web_address(value) ? "" : "submit.error.url";
    case FieldKind::number:
      return is_count(value) ? "" : "submit.error.number";
    case FieldKind::postal_code:
      return value.size() == 6 && value[2] == '-' &&
                     std::ranges::all_of(value.substr(0, 2) + value.substr(3),
                                         [](char c) { return c >= '0' && c <= '9'; })
                 ? ""
                 : "submit.error.postal_code";
    case FieldKind::unit_type:
      return std::ranges::find(unit_types(), value) != unit_types().end() ? ""
                                                                          : "submit.error.choose";
    case FieldKind::voivodeship:
      return std::ranges::find(voivodeships(), value) != voivodeships().end()
                 ? ""
                 : "submit.error.choose";
    case FieldKind::line:
      return value.find_first_of("\r\n") == std::string::npos ? "" : "submit.error.one_line";
    case FieldKind::year: {
      int year = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), year);
      return ec == std::errc() && end == value.data() + value.size() && value.size() == 4 &&
                     year >= 1990 && year <= 2100
                 ? ""
                 : "adoption.error.year";
    }
    case FieldKind::adoption_kind:
      return adoption_kind_from_string(value) ? "" : "submit.error.choose";
    case FieldKind::consent:
    case FieldKind::sections:
    case FieldKind::text:
      return "";
  }
  return "";
}

}  // namespace

FieldSpec field_spec(std::string name, std::string label, FieldKind kind, bool required,
                     std::size_t max_length, std::string autocomplete, std::string hint) {
  return FieldSpec{std::move(name), std::move(label), std::move(hint),         kind,
                   required,        max_length,       std::move(autocomplete), false};
}

const std::vector<StepSpec>& submission_steps() {
  static const std::vector<StepSpec> steps = make_steps();
  return steps;
}

const StepSpec* find_step(std::string_view slug) {
  const auto& steps = submission_steps();
  const auto found = std::ranges::find(steps, slug, &StepSpec::slug);
  return found == steps.end() ? nullptr : &*found;
}

std::string SubmissionForm::value(const std::string& name) const {
  const auto found = values.find(name);
  return found == values.end() ? std::string() : found->second;
}

void SubmissionForm::take(const StepSpec& step, const http::FormFields& posted) {
  for (const auto& spec : step.fields) {
    if (spec.kind == FieldKind::sections) {
      section_ids = ticked_ids(posted, spec.name);
      continue;
    }
    values[spec.name] = http::form_field(posted, spec.name).value_or("");
  }
}

std::string SubmissionForm::to_json() const {
  nlohmann::json j;
  j["values"] = values;
  j["sections"] = section_ids;
  j["completed"] = completed;
  j["practice_id"] = practice_id;
  j["submission_hash"] = submission_hash;
  return j.dump();
}

Result<SubmissionForm> SubmissionForm::from_json(std::string_view json) {
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return fail(ErrorKind::invalid_input, "the draft is not a form");
  }
  try {
    SubmissionForm form;
    form.values = j.at("values").get<std::map<std::string, std::string>>();
    form.section_ids = j.at("sections").get<std::vector<std::int64_t>>();
    form.completed = j.at("completed").get<std::set<std::string>>();
    form.practice_id = j.at("practice_id").get<std::int64_t>();
    form.submission_hash = j.at("submission_hash").get<std::string>();
    return form;
  } catch (const nlohmann::json::exception& e) {
    return fail(ErrorKind::invalid_input, std::string("the draft is not a form: ") + e.what());
  }
}

std::vector<std::int64_t> ticked_ids(const http::FormFields& posted, const std::string& name) {
  std::vector<std::int64_t> ids;
  std::unordered_set<std::int64_t> seen;  // a form may carry many thousands of them
  for (auto [it, end] = posted.equal_range(name); it != end; ++it) {
    std::int64_t id = 0;
    const auto& text = it->second;
    const auto [stop, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec == std::errc() && stop == text.data() + text.size() && seen.insert(id).second) {
      ids.push_back(id);
    }
  }
  return ids;
}

std::string sections_message(const std::vector<std::int64_t>& ids, const SectionTree& tree) {
  const bool known =
      std::ranges::all_of(ids, [&](std::int64_t id) { return tree.find(id) != nullptr; });
  return ids.empty() || !known ? "submit.error.sections" : "";
}

std::vector<FieldError> check_step(const StepSpec& step, const SubmissionForm& form,
                                   const SectionTree& tree) {
  std::vector<FieldError> errors;
  for (const auto& spec : step.fields) {
    if (spec.kind == FieldKind::sections) {
      if (auto message = sections_message(form.section_ids, tree); !message.empty()) {
        errors.push_back({spec.name, std::move(message)});
      }
      continue;
    }
    const std::string value = form.value(spec.name);
    if (spec.kind == FieldKind::consent) {
      if (value != "tak") errors.push_back({spec.name, "submit.error.consent"});
      continue;
    }
    if (auto message = field_message(spec, value); !message.empty()) {
      errors.push_back({spec.name, std::move(message)});
    }
  }
  return errors;
}

std::string field_message(const FieldSpec& spec, const std::string& value) {
  if (is_blank(value)) return spec.required ? "submit.error.required" : "";
  if (characters(value) > spec.max_length) return "submit.error.too_long";
  return kind_error(spec, trimmed(value));
}

SubmissionForm form_of(const Practice& practice, const Unit& unit, const std::string& token_hash) {
  SubmissionForm f;
  auto& v = f.values;
  v["jednostka"] = unit.name;
  v["typ"] = unit.type;
  v["wojewodztwo"] = unit.voivodeship;
  v["powiat"] = unit.county;
  v["miejscowosc"] = unit.town;
  v["jednostka_wdrazajaca"] = practice.implementing_body;
  v["ulica"] = practice.street;
  v["kod"] = practice.postal_code;
  v["poczta"] = practice.post_office;
  v["witryna"] = practice.website;
  v["mieszkancy"] = practice.population ? std::to_string(*practice.population) : "";
  if (!practice.contacts.empty()) {
    const Contact& c = practice.contacts.front();
    v["osoba"] = c.name;
    v["stanowisko"] = c.position;
    v["telefon"] = c.phones.empty() ? "" : c.phones.front();
    v["email"] = c.email;
  }
  v["zgoda"] = "tak";
  v["tytul"] = practice.title;
  v["skrot"] = practice.summary;
  for (const auto& part : practice.presentation) v["m_" + part.key] = part.body;
  f.section_ids = practice.section_ids;
  for (const auto& step : submission_steps()) f.completed.insert(step.slug);
  f.practice_id = practice.id;
  f.submission_hash = token_hash;
  return f;
}

SubmittedRecord submitted_record(const SubmissionForm& form, const std::string& today) {
  const auto v = [&](const char* name) { return trimmed(form.value(name)); };
  SubmittedRecord r;
  r.unit.name = v("jednostka");
  r.unit.type = v("typ");
  r.unit.voivodeship = v("wojewodztwo");
  r.unit.county = v("powiat");
  r.unit.town = v("miejscowosc");
  r.unit.slug = slugify(r.unit.name + " " + r.unit.voivodeship);
  Practice& p = r.practice;
  p.title = v("tytul");
  p.slug = slugify(p.title);
  p.summary = v("skrot");
  p.entered_on = today;
  p.implementing_body = v("jednostka_wdrazajaca");
  p.street = v("ulica");
  p.postal_code = v("kod");
  p.post_office = v("poczta");
  p.website = v("witryna");
  if (const auto people = v("mieszkancy"); !people.empty()) p.population = std::stoll(people);
  Contact contact{v("osoba"), v("stanowisko"), {}, v("email")};
  if (const auto phone = v("telefon"); !phone.empty()) contact.phones.push_back(phone);
  p.contacts.push_back(std::move(contact));
  p.section_ids = form.section_ids;
  for (const auto& heading : methodology()) {
    auto body = trimmed(form.value(std::string("m_") + heading.key));
    if (!body.empty()) p.presentation.push_back({heading.key, heading.heading, std::move(body)});
  }
  p.provenance = {"submission", "", "sent through the public form /zglos-praktyke"};
  p.status = PracticeStatus::submitted;
  r.email = v("email");
  return r;
}

}  // namespace bdp::web
