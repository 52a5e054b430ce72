// The translation table: every UI string, Polish first, English second.
#include <array>
#include <string_view>

#include "i18n/table.h"

namespace bdp::i18n {

const std::vector<Entry>& table() {
  static const std::vector<Entry> entries = {
      {"site.skip", "Przejdź do treści", "Skip to content"},
      {"nav.label", "Menu główne", "Main menu"},
      {"nav.home", "Strona główna", "Home"},
      {"nav.sections", "Działy", "Sections"},
      {"nav.map", "Mapa Praktyk", "Map of Practices"},
      {"nav.publications", "Publikacje i dokumenty", "Publications and documents"},
      {"nav.other_databases", "Inne bazy danych", "Other databases"},
      {"nav.smup", "SMUP", "SMUP"},
      {"nav.accessibility", "Deklaracja dostępności", "Accessibility statement"},
      {"nav.breadcrumb", "Jesteś tutaj", "You are here"},
      {"lang.switch", "English", "Polski"},
      {"lang.switch_label", "Wersja angielska", "Wersja polska"},
      {"search.label", "Szukaj praktyk", "Search practices"},
      {"search.button", "Szukaj", "Search"},
      {"search.placeholder", "np. pomoc społeczna", "e.g. social welfare"},
      {"search.title", "Wyszukiwanie praktyk", "Search practices"},
      {"search.filters", "Filtry", "Filters"},
      {"search.apply_filters", "Zastosuj filtry", "Apply filters"},
      {"search.sort_relevance", "trafność", "relevance"},
      {"search.did_you_mean", "Czy chodziło o", "Did you mean"},
      {"search.unavailable", "Wyszukiwarka jest chwilowo niedostępna.",
       "Search is temporarily unavailable."},
      {"practice.similar", "Podobne praktyki", "Similar practices"},
      {"practice.units_like", "Z jednostek podobnych do tej", "From units like this one"},
      {"counter.since", "gości odwiedziło nas od", "visitors since"},
      {"home.title", "Baza Dobrych Praktyk", "Good Practice Database"},
      {"home.intro",
       "Baza Dobrych Praktyk to katalog sprawdzonych rozwiązań wdrożonych przez gminy, powiaty i "
       "województwa. Każda praktyka jest opisana według jednej metodologii: skrót i metryka, "
       "a potem pełna prezentacja — od sytuacji przed wdrożeniem po rezultaty i możliwość "
       "przeniesienia. Przeglądaj działy, czytaj opisy i kontaktuj się z ich autorami.",
       "The Good Practice Database is a catalogue of proven solutions put in place by Polish "
       "municipalities, counties and regions. Every practice follows one methodology: a summary "
       "and metadata, then a full presentation — from the situation before to the results and "
       "how to transfer it. Browse the sections, read the descriptions and contact their authors."},
      {"home.newest", "Najnowsze praktyki", "Newest practices"},
      {"home.sections", "Działy", "Sections"},
      {"home.total", "W bazie", "In the database"},
      {"section.sort", "Sortuj", "Sort"},
      {"section.sort_newest", "od najnowszych", "newest first"},
      {"section.sort_title", "alfabetycznie", "by title"},
      {"section.sort_apply", "Pokaż", "Show"},
      {"section.empty", "W tym dziale nie ma jeszcze praktyk.",
       "No practices in this section yet."},
      {"section.subsections", "Poddziały", "Subsections"},
      {"pagination.label", "Strony wyników", "Result pages"},
      {"pagination.prev", "Poprzednia strona", "Previous page"},
      {"pagination.next", "Następna strona", "Next page"},
      {"pagination.page", "Strona", "Page"},
      {"pagination.of", "z", "of"},
      {"practice.views", "Widoki praktyki", "Views of the practice"},
      {"practice.view_summary", "Skrót i Metryka", "Summary and metadata"},
      {"practice.view_full", "Pełna prezentacja", "Full presentation"},
      {"practice.view_attachments", "Załączniki", "Attachments"},
      {"practice.summary", "Skrót", "Summary"},
      {"practice.metryka", "Metryka praktyki", "Practice metadata"},
      {"practice.no_full",
       "Pełna prezentacja tej praktyki nie została jeszcze opracowana. Skontaktuj się z osobami "
       "wskazanymi w metryce.",
       "The full presentation of this practice has not been written yet. Please contact the "
       "persons named in the metadata."},
      {"practice.no_attachments", "Ta praktyka nie ma załączników.",
       "This practice has no attachments."},
      {"practice.unit_all", "Wszystkie praktyki tej jednostki", "All practices of this unit"},
      {"practice.provenance", "Pochodzenie opisu", "Origin of the record"},
      {"practice.sections", "Działy", "Sections"},
      {"practice.phone", "tel.", "phone"},
      {"practice.email", "e-mail", "e-mail"},
      {"field.entered_on", "Data wprowadzenia do BDP", "Date entered"},
      {"field.unit_type", "Typ jednostki", "Unit type"},
      {"field.town", "Miejscowość", "Town"},
      {"field.county", "Powiat", "County"},
      {"field.voivodeship", "Województwo", "Voivodeship"},
      {"field.postal", "Kod pocztowy i Poczta", "Postal code and post office"},
      {"field.implementing_body", "Jednostka wdrażająca", "Implementing unit"},
      {"field.street", "Ulica", "Street"},
      {"field.website", "Witryna internetowa", "Website"},
      {"field.population", "Liczba mieszkańców", "Population"},
      {"field.contacts", "Osoby kontaktowe", "Contact persons"},
      {"unit.practices", "Praktyki jednostki", "Practices of the unit"},
      {"unit.population_series", "Liczba mieszkańców w latach", "Population by year"},
      {"unit.year", "Rok", "Year"},
      {"placeholder.text", "Ta część portalu jest w przygotowaniu. Zajrzyj tu wkrótce.",
       "This part of the portal is being prepared. Please come back soon."},
      {"smup.text",
       "System Monitorowania Usług Publicznych (SMUP) prowadzi GUS wraz z ministerstwem i "
       "związkami samorządowymi: ponad 750 wskaźników dla wszystkich 2 477 gmin i 314 powiatów "
       "pozwala porównać jednostkę z podobnymi. To osobny system.",
       "The Public Services Monitoring System (SMUP) is run by Statistics Poland with the ministry "
       "and the local-government associations: over 750 indicators for all 2,477 municipalities "
       "and 314 counties let you compare a unit with similar ones. It is a separate system."},
      {"error.404.title", "Nie znaleziono strony", "Page not found"},
      {"error.404.text", "Strona, której szukasz, nie istnieje lub została przeniesiona.",
       "The page you are looking for does not exist or has moved."},
      {"error.400.title", "Nieprawidłowe żądanie", "Bad request"},
      {"error.400.text", "Adres lub dane żądania są nieprawidłowe.",
       "The address or the data of the request are not valid."},
      {"error.500.title", "Błąd serwera", "Server error"},
      {"error.500.text", "Coś poszło nie tak po naszej stronie. Spróbuj ponownie za chwilę.",
       "Something went wrong on our side. Please try again in a moment."},
      {"error.503.title", "Serwis chwilowo niedostępny", "Service temporarily unavailable"},
      {"error.503.text", "Baza danych jest chwilowo niedostępna. Spróbuj ponownie za chwilę.",
       "The database is temporarily unavailable. Please try again in a moment."},
      {"error.403.title", "Brak dostępu", "Forbidden"},
      {"error.403.text",
       "Formularz wygasł lub nie pochodzi z tej strony. Wróć, odśwież stronę i spróbuj ponownie.",
       "The form has expired or did not come from this site. Go back, reload the page and try "
       "again."},
      {"editor.login_title", "Logowanie redaktora", "Editor login"},
      {"editor.email", "E-mail", "E-mail"},
      {"editor.password", "Hasło", "Password"},
      {"editor.login_button", "Zaloguj się", "Log in"},
      {"editor.login_failed", "Nieprawidłowy e-mail lub hasło. Sprawdź je i spróbuj ponownie.",
       "Wrong e-mail or password. Check them and try again."},
      {"editor.too_many_attempts",
       "Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za kilka minut.",
       "Too many failed login attempts. Try again in a few minutes."},
      {"editor.dashboard_title", "Redakcja", "Editorial desk"},
      {"editor.logged_in_as", "Zalogowano jako", "Logged in as"},
      {"editor.logout", "Wyloguj się", "Log out"},
      {"editor.recent_changes", "Ostatnie zmiany w bazie", "Recent changes in the database"},
      {"editor.no_changes", "Nie ma jeszcze żadnych zmian.", "There are no changes yet."},
      {"editor.change_deleted", "usunięto", "deleted"},
      {"editor.kind.practice", "Praktyka", "Practice"},
      {"editor.kind.unit", "Jednostka", "Unit"},
      {"editor.kind.section", "Dział", "Section"},
      {"editor.kind.setting", "Ustawienie", "Setting"},
      {"error.back", "Wróć na stronę główną", "Back to the home page"},
      {"footer.partners", "Partnerzy", "Partners"},
  };
  return entries;
}

}  // namespace bdp::i18n
