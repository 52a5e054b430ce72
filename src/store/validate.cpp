#include "store/validate.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "core/text.h"

namespace bdp {
namespace {

Status invalid(std::string message) {
  return fail(ErrorKind::invalid_input, std::move(message));
}

bool digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_postal_code(std::string_view text) {
  return text.size() == 6 && text[2] == '-' && digits(text.substr(0, 2)) && digits(text.substr(3));
}

Status validate_contacts(const std::vector<Contact>& contacts) {
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const auto& contact = contacts[i];
    std::string where = "contacts[" + std::to_string(i) + "]";
    if (contact.name.empty()) return invalid(where + ".name is empty");
    for (const auto& phone : contact.phones) {
      if (phone.empty()) return invalid(where + ".phones has an empty phone");
    }
  }
  return {};
}

}  // namespace

// ICU's strict decoder: overlong forms, surrogates and truncated sequences are refused.
bool is_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!digits(text.substr(0, 4)) || !digits(text.substr(5, 2)) || !digits(text.substr(8, 2))) {
    return false;
  }
  int year = std::stoi(std::string(text.substr(0, 4)));
  int month = std::stoi(std::string(text.substr(5, 2)));
  int day = std::stoi(std::string(text.substr(8, 2)));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

namespace {

// Bytes a field may hold: a line (names, titles, addresses) or a text (Markdown bodies).
constexpr std::size_t kLineBytes = 2000;
constexpr std::size_t kTextBytes = std::size_t{1} << 20;
constexpr std::size_t kCommentBytes = 20000;

// invalid_input when `text` is over `max` bytes or holds a NUL (PostgreSQL's text cannot, so
// neither engine takes one: both must store the same).
Status check_text(std::string_view field, std::string_view text, std::size_t max) {
  if (text.size() > max) {
    return invalid(std::string(field) + " is too long (" + std::to_string(text.size()) +
                   " bytes, at most " + std::to_string(max) + ")");
  }
  if (text.find('\0') != std::string_view::npos) {
    return invalid(std::string(field) + " contains a NUL character");
  }
  return {};
}

Status check_lines(std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  for (const auto& [name, text] : fields) {
    if (auto s = check_text(name, text, kLineBytes); !s) return s;
  }
  return {};
}

}  // namespace

Status validate_section(const Section& section) {
  if (section.slug.empty()) return invalid("section slug is empty");
  if (section.name.empty()) return invalid("section name is empty");
  if (section.position < 0) return invalid("section position is negative");
  if (section.id != 0 && section.parent_id == section.id) {
    return invalid("section " + std::to_string(section.id) + " cannot be its own parent");
  }
  return check_lines({{"section slug", section.slug},
                      {"section name", section.name},
                      {"section legacy key", section.legacy_key}});
}

Status validate_unit(const Unit& unit) {
  if (unit.slug.empty()) return invalid("unit slug is empty");
  if (unit.name.empty()) return invalid("unit name is empty");
  const auto& types = unit_types();
  if (!unit.type.empty() && std::find(types.begin(), types.end(), unit.type) == types.end()) {
    return invalid("unit type '" + unit.type + "' is not a known type of JST");
  }
  std::set<int> years;
  for (const auto& figure : unit.population) {
    if (figure.year < 1000 || figure.year > 9999) {
      return invalid("population year " + std::to_string(figure.year) + " is out of range");
    }
    if (!years.insert(figure.year).second) {
      return invalid("population year " + std::to_string(figure.year) + " is given twice");
    }
    if (figure.count < 0) return invalid("population count is negative");
  }
  if (unit.latitude && (*unit.latitude < -90 || *unit.latitude > 90)) {
    return invalid("latitude is out of range");
  }
  if (unit.longitude && (*unit.longitude < -180 || *unit.longitude > 180)) {
    return invalid("longitude is out of range");
  }
  return check_lines({{"unit slug", unit.slug},
                      {"unit name", unit.name},
                      {"unit town", unit.town},
                      {"unit county", unit.county},
                      {"unit voivodeship", unit.voivodeship},
                      {"unit TERYT code", unit.teryt}});
}

Status validate_practice(const Practice& practice) {
  if (practice.id < 0) return invalid("practice id is negative");
  if (practice.title.empty()) return invalid("practice title is empty");
  if (practice.unit_id <= 0) return invalid("practice has no unit");
  return validate_practice_content(practice);
}

Status validate_practice_content(const Practice& practice) {
  if (practice.title.empty()) return invalid("practice title is empty");
  if (!practice.entered_on.empty() && !is_iso_date(practice.entered_on)) {
    return invalid("entered_on '" + practice.entered_on + "' is not a date YYYY-MM-DD");
  }
  if (!practice.postal_code.empty() && !is_postal_code(practice.postal_code)) {
    return invalid("postal code '" + practice.postal_code + "' is not NN-NNN");
  }
  if (practice.population && *practice.population < 0) return invalid("population is negative");
  if (auto status = validate_contacts(practice.contacts); !status) return status;
  std::set<std::int64_t> sections(practice.section_ids.begin(), practice.section_ids.end());
  if (sections.size() != practice.section_ids.size()) return invalid("a section is given twice");
  for (const auto& part : practice.presentation) {
    if (part.key.empty() || part.heading.empty()) {
      return invalid("a presentation section has no key or heading");
    }
  }
  for (const auto& attachment : practice.attachments) {
    if (attachment.url.empty()) return invalid("attachment '" + attachment.title + "' has no URL");
    if (auto s = check_lines(
            {{"attachment title", attachment.title}, {"attachment URL", attachment.url}});
        !s) {
      return s;
    }
  }
  for (const auto& part : practice.presentation) {
    if (auto s =
            check_lines({{"presentation key", part.key}, {"presentation heading", part.heading}});
        !s) {
      return s;
    }
    if (auto s = check_text("presentation '" + part.key + "'", part.body, kTextBytes); !s) return s;
  }
  for (const auto& contact : practice.contacts) {
    if (auto s = check_lines({{"contact name", contact.name},
                              {"contact position", contact.position},
                              {"contact e-mail", contact.email}});
        !s) {
      return s;
    }
    for (const auto& phone : contact.phones) {
      if (auto s = check_text("contact phone", phone, kLineBytes); !s) return s;
    }
  }
  if (auto s = check_text("summary", practice.summary, kTextBytes); !s) return s;
  return check_lines({{"title", practice.title},
                      {"slug", practice.slug},
                      {"implementing body", practice.implementing_body},
                      {"post office", practice.post_office},
                      {"street", practice.street},
                      {"website", practice.website},
                      {"source key", practice.source_key},
                      {"provenance", practice.provenance.source},
                      {"provenance programme", practice.provenance.programme},
                      {"provenance note", practice.provenance.note}});
}

Status validate_visit(std::string_view day, std::string_view visitor_hash) {
  if (!is_iso_date(day)) return invalid("visit day '" + std::string(day) + "' is not YYYY-MM-DD");
  if (visitor_hash.empty()) return invalid("visitor hash is empty");
  return {};
}

Result<std::vector<Section>> parents_first(const std::vector<Section>& sections) {
  std::set<std::int64_t> pending_ids;
  for (const auto& section : sections) pending_ids.insert(section.id);
  std::vector<Section> ordered;
  std::vector<bool> placed(sections.size(), false);
  while (ordered.size() < sections.size()) {
    bool progress = false;
    for (std::size_t i = 0; i < sections.size(); ++i) {
      const auto& section = sections[i];
      if (placed[i]) continue;
      if (section.parent_id && section.parent_id != section.id &&
          pending_ids.count(*section.parent_id)) {
        continue;  // its parent comes later
      }
      placed[i] = true;
      progress = true;
      ordered.push_back(section);
      pending_ids.erase(section.id);
    }
    if (!progress)
      return fail(ErrorKind::invalid_input, "the parents of the sections form a cycle");
  }
  return ordered;
}

Status validate_comment(const ReviewComment& comment) {
  if (comment.practice_id <= 0) return invalid("comment has no practice");
  if (comment.body.empty()) return invalid("comment is empty");
  if (auto s = check_lines({{"comment author", comment.author_name}}); !s) return s;
  return check_text("comment", comment.body, kCommentBytes);
}

Status validate_audit(const AuditEntry& entry) {
  if (entry.action.empty()) return invalid("audit entry has no action");
  if (auto s = check_lines({{"audit actor", entry.actor},
                            {"audit action", entry.action},
                            {"audit entity", entry.entity}});
      !s) {
    return s;
  }
  return check_text("audit detail", entry.detail, kLineBytes);
}

Status validate_draft(const SubmissionDraft& draft) {
  if (draft.token_hash.empty()) return invalid("draft has no token");
  return check_text("draft form", draft.form, kTextBytes);
}

Status validate_submission(const Submission& submission) {
  if (submission.token_hash.empty()) return invalid("submission has no token");
  if (submission.practice_id <= 0) return invalid("submission has no practice");
  if (auto email = normalize_email(submission.email); !email) return std::unexpected(email.error());
  return check_lines({{"submission consent", submission.consent_text}});
}

Status validate_assessment(const Assessment& a) {
  if (a.practice_id <= 0) return invalid("assessment has no practice");
  if (a.reviewer_id <= 0) return invalid("assessment has no reviewer");
  const CriteriaSet* set = criteria_of(a.criteria_version);
  if (set == nullptr) {
    return invalid("no criteria version " + std::to_string(a.criteria_version));
  }
  if (is_blank(a.justification)) return invalid("assessment justification is empty");
  if (auto s = check_text("assessment justification", a.justification, kCommentBytes); !s) {
    return s;
  }
  if (a.conflict) {
    if (!a.scores.empty() || a.confidence != Confidence::none) {
      return invalid("a declared conflict of interest carries no scores");
    }
    return {};
  }
  if (a.confidence == Confidence::none) return invalid("assessment has no confidence");
  if (a.scores.size() != set->criteria.size()) {
    return invalid("assessment scores " + std::to_string(a.scores.size()) + " criteria of " +
                   std::to_string(set->criteria.size()));
  }
  for (std::size_t i = 0; i < a.scores.size(); ++i) {
    const auto& [key, score] = a.scores[i];
    if (key != set->criteria[i].key) return invalid("assessment scores " + key + " out of order");
    if (score < 0 || score > kMaxScore) {
      return invalid("score of " + key + " is outside 0-" + std::to_string(kMaxScore));
    }
  }
  return {};
}

Status validate_adoption(const Adoption& adoption) {
  if (adoption.practice_id <= 0) return invalid("adoption has no practice");
  if (adoption.unit_id <= 0) return invalid("adoption has no unit");
  if (adoption.adopting_practice_id < 0 || adoption.adopting_practice_id == adoption.practice_id) {
    return invalid("adoption's own practice is the practice it took up");
  }
  if (adoption.year < 1990 || adoption.year > 2100) {
    return invalid("adoption year " + std::to_string(adoption.year) + " is outside 1990-2100");
  }
  if (adoption.changes.find_first_not_of(" \t\r\n") == std::string::npos) {
    return invalid("adoption changes are empty");
  }
  if (auto s = check_text("adoption changes", adoption.changes, 16000); !s) return s;
  if (!adoption.contact_email.empty()) {
    if (auto email = normalize_email(adoption.contact_email); !email) {
      return std::unexpected(email.error());
    }
  }
  if (!is_iso_date(adoption.created_on)) {
    return invalid("adoption created_on '" + adoption.created_on + "' is not a YYYY-MM-DD date");
  }
  return check_lines({{"adoption contact name", adoption.contact_name}});
}

}  // namespace bdp
