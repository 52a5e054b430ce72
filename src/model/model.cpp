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

const std::vector<std::string>& voivodeships() {
  static const std::vector<std::string> names = {
      "dolnośląskie",   "kujawsko-pomorskie",  "lubelskie",     "lubuskie",
      "łódzkie",        "małopolskie",         "mazowieckie",   "opolskie",
      "podkarpackie",   "podlaskie",           "pomorskie",     "śląskie",
      "świętokrzyskie", "warmińsko-mazurskie", "wielkopolskie", "zachodniopomorskie"};
  return names;
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

bool has_public_page(PracticeStatus status) {
  return status == PracticeStatus::published || status == PracticeStatus::archived;
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
      {"sytuacja_przed", "Opis sytuacji przed wdrożeniem",
       "Jaki problem rozwiązuje praktyka? Diagnoza i dane wyjściowe sprzed wdrożenia.", true},
      {"cele", "Cele praktyki", "Co praktyka miała osiągnąć, najlepiej w liczbach.", true},
      {"wdrozenie", "Opis wdrożenia",
       "Kolejne kroki i harmonogram, podstawa prawna (uchwały, zarządzenia).", true},
      {"zasoby", "Zaangażowane zasoby i koszty",
       "Budżet, zaangażowani pracownicy, źródła finansowania.", false},
      {"partnerzy", "Partnerzy i interesariusze",
       "Kto współpracował: organizacje pozarządowe, inne jednostki, mieszkańcy.", false},
      {"rezultaty", "Rezultaty i sposób ich pomiaru",
       "Wskaźniki, ewaluacja, porównanie sytuacji przed i po wdrożeniu.", true},
      {"innowacyjnosc", "Innowacyjność", "Co w tym rozwiązaniu jest nowego.", false},
      {"trwalosc", "Trwałość", "Jak długo praktyka działa i co zapewnia jej trwanie.", false},
      {"bariery", "Bariery, problemy, wnioski",
       "Co było trudne, co się nie udało i czego się nauczyliście.", false},
      {"przeniesienie", "Możliwość przeniesienia",
       "Warunki i wskazówki dla tych, którzy chcą ją powtórzyć u siebie.", false},
  };
  return headings;
}

}  // namespace bdp
