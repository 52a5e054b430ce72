#include "model/assessment.h"

#include <algorithm>

namespace bdp {

// Version 1: the seven criteria of the Samorządowy Lider Zarządzania (DESIGN.md §1.3).
const std::vector<CriteriaSet>& criteria_sets() {
  static const std::vector<CriteriaSet> sets = {
      {1,
       {
           {"innowacyjnosc",
            "Innowacyjność",
            "Czy rozwiązanie jest nowe dla samorządów lub nowatorsko łączy znane metody?",
            {"Brak elementów nowatorskich.",
             "Rozwiązanie powszechnie stosowane, nowe tylko dla tej jednostki.",
             "Znane rozwiązanie z drobnymi własnymi zmianami.",
             "Znane rozwiązanie istotnie przekształcone albo połączone w nowy sposób.",
             "Rozwiązanie rzadko spotykane w samorządach w Polsce.",
             "Rozwiązanie pionierskie, bez znanego wcześniejszego odpowiednika."}},
           {"skutecznosc",
            "Skuteczność",
            "Czy praktyka osiągnęła zamierzone cele i czy jej rezultaty zmierzono?",
            {"Brak rezultatów albo nie da się ich wskazać.",
             "Rezultaty opisane ogólnie, bez pomiaru.",
             "Część celów osiągnięta, pomiar szczątkowy.",
             "Większość celów osiągnięta, rezultaty zmierzone wskaźnikami.",
             "Wszystkie cele osiągnięte, rezultaty zmierzone i porównane ze stanem sprzed "
             "wdrożenia.",
             "Cele przekroczone, rezultaty potwierdzone niezależną ewaluacją."}},
           {"efektywnosc",
            "Efektywność",
            "Czy rezultaty są warte poniesionych kosztów i zaangażowanych zasobów?",
            {"Koszty nieznane albo niewspółmierne do rezultatów.",
             "Koszty podane, relacja do rezultatów wątpliwa.",
             "Koszty uzasadnione, ale bez porównania z innymi sposobami.",
             "Dobra relacja kosztów do rezultatów, koszty opisane szczegółowo.",
             "Rezultaty osiągnięte mniejszym kosztem niż w porównywalnych rozwiązaniach.",
             "Wysoka efektywność wykazana rachunkiem kosztów i korzyści."}},
           {"integracja",
            "Integracja z systemem zarządzania",
            "Czy praktyka jest częścią strategii i procedur jednostki, a nie osobnym projektem?",
            {"Działanie odosobnione, bez związku z zarządzaniem jednostką.",
             "Luźny związek z dokumentami strategicznymi.",
             "Praktyka wpisana w jeden dokument albo procedurę.",
             "Praktyka powiązana ze strategią i codziennymi procedurami.",
             "Praktyka zmieniła sposób zarządzania jednostką.",
             "Praktyka jest trwałym elementem systemu zarządzania, monitorowanym i "
             "doskonalonym."}},
           {"adekwatnosc",
            "Adekwatność",
            "Czy rozwiązanie odpowiada na rzetelnie zdiagnozowany problem mieszkańców lub "
            "jednostki?",
            {"Brak opisu problemu.", "Problem opisany ogólnie, bez diagnozy.",
             "Problem opisany, diagnoza niepełna.", "Problem zdiagnozowany na podstawie danych.",
             "Rozwiązanie dobrane do dobrze zdiagnozowanego problemu, z udziałem "
             "zainteresowanych.",
             "Rozwiązanie w pełni odpowiada diagnozie opartej na danych i konsultacjach."}},
           {"replikowalnosc",
            "Replikowalność",
            "Czy inna jednostka może przenieść praktykę do siebie?",
            {"Rozwiązanie możliwe tylko w tej jednostce.",
             "Przeniesienie bardzo trudne, wymaga wyjątkowych warunków.",
             "Przeniesienie możliwe w jednostkach o podobnych warunkach.",
             "Przeniesienie możliwe, warunki i kroki opisane.",
             "Praktyka łatwa do przeniesienia, z radami dla naśladowców.",
             "Praktykę już przeniesiono z powodzeniem do innych jednostek."}},
           {"trwalosc",
            "Trwałość",
            "Czy praktyka działa dłużej niż pół roku i ma zapewnioną przyszłość?",
            {"Praktyka zakończona albo działa krócej niż 6 miesięcy.",
             "Działa, ale jej przyszłość jest niepewna.",
             "Działa ponad 6 miesięcy, finansowanie na kolejny rok niepewne.",
             "Działa ponad rok, finansowanie zapewnione.",
             "Działa kilka lat, wpisana w budżet i plany jednostki.",
             "Trwale ugruntowana, niezależna od jednego źródła finansowania i od osób."}},
       }},
  };
  return sets;
}

const CriteriaSet& current_criteria() {
  return criteria_sets().back();
}

const CriteriaSet* criteria_of(int version) {
  const auto& sets = criteria_sets();
  const auto found = std::ranges::find(sets, version, &CriteriaSet::version);
  return found == sets.end() ? nullptr : &*found;
}

const char* to_string(Confidence confidence) {
  switch (confidence) {
    case Confidence::none:
      return "none";
    case Confidence::low:
      return "low";
    case Confidence::medium:
      return "medium";
    case Confidence::high:
      return "high";
  }
  return "none";
}

}  // namespace bdp
