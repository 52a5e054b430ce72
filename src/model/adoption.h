// Adoption ("Zastosowaliśmy to u nas"): a unit's word that it took up a practice of the
// catalogue, as it was or adapted. The practice's page shows it under "Przeniesione do…" and,
// when the unit describes its own version in the catalogue, that practice's page under
// "Zainspirowane przez…". Sent by the public, shown once an editor publishes it. Content: in the
// change log, in dump()/load() and in the JSON exchange format.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bdp {

enum class AdoptionKind { adopted, adapted };  // taken over as it was / changed to fit
const char* to_string(AdoptionKind kind);
std::optional<AdoptionKind> adoption_kind_from_string(std::string_view text);

enum class AdoptionStatus { pending, published, rejected };
const char* to_string(AdoptionStatus status);
std::optional<AdoptionStatus> adoption_status_from_string(std::string_view text);

struct Adoption {
  std::int64_t id = 0;
  std::int64_t practice_id = 0;           // the practice taken up
  std::int64_t unit_id = 0;               // the unit that took it up
  std::int64_t adopting_practice_id = 0;  // the unit's own practice in the catalogue, 0: none
  AdoptionKind kind = AdoptionKind::adopted;
  int year = 0;         // when the unit put it in place
  std::string changes;  // what the unit changed, plain text
  std::string contact_name;
  std::string contact_email;  // for the editors' questions; never shown in public
  AdoptionStatus status = AdoptionStatus::pending;
  std::string created_on;  // "YYYY-MM-DD"
  bool operator==(const Adoption&) const = default;
};

}  // namespace bdp
