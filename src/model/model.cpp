#include <algorithm>

#include "model/editor.h"
#include "model/practice.h"
#include "model/unit.h"

namespace bdp {

const std::vector<std::string>& unit_types() {
  static const std::vector<std::string> types = {
      "gmina miejska", "gmina wiejska", "gmina miejsko-wiejska",   "miasto na prawach powiatu",
      "powiat",        "województwo",   "związek/porozumienie JST"};
  return types;
}

std::optional<PopulationFigure> Unit::current_population() const {
  if (population.empty()) return std::nullopt;
  return *std::max_element(population.begin(), population.end(),
                           [](const auto& a, const auto& b) { return a.year < b.year; });
}

const char* to_string(PracticeStatus status) {
  switch (status) {
    case PracticeStatus::draft:
      return "draft";
    case PracticeStatus::submitted:
      return "submitted";
    case PracticeStatus::in_review:
      return "in_review";
    case PracticeStatus::changes_requested:
      return "changes_requested";
    case PracticeStatus::published:
      return "published";
    case PracticeStatus::archived:
      return "archived";
  }
  return "draft";
}

std::optional<PracticeStatus> practice_status_from_string(const std::string& text) {
  for (auto s :
       {PracticeStatus::draft, PracticeStatus::submitted, PracticeStatus::in_review,
        PracticeStatus::changes_requested, PracticeStatus::published, PracticeStatus::archived}) {
    if (text == to_string(s)) return s;
  }
  return std::nullopt;
}

const char* to_string(Role role) {
  switch (role) {
    case Role::administrator:
      return "administrator";
    case Role::editor:
      return "editor";
    case Role::reviewer:
      return "reviewer";
    case Role::submitter:
      return "submitter";
  }
  return "submitter";
}

std::optional<Role> role_from_string(std::string_view text) {
  for (auto r : {Role::administrator, Role::editor, Role::reviewer, Role::submitter}) {
    if (text == to_string(r)) return r;
  }
  return std::nullopt;
}

const std::vector<MethodologyHeading>& methodology() {
  static const std::vector<MethodologyHeading> headings = {
      {"sytuacja_przed", "Opis sytuacji przed wdrożeniem"},
      {"cele", "Cele praktyki"},
      {"wdrozenie", "Opis wdrożenia"},
      {"zasoby", "Zaangażowane zasoby i koszty"},
      {"partnerzy", "Partnerzy i interesariusze"},
      {"rezultaty", "Rezultaty i sposób ich pomiaru"},
      {"innowacyjnosc", "Innowacyjność"},
      {"trwalosc", "Trwałość"},
      {"bariery", "Bariery, problemy, wnioski"},
      {"przeniesienie", "Możliwość przeniesienia"},
  };
  return headings;
}

}  // namespace bdp
