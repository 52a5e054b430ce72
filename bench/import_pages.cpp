// Imports 10 000 generated old-portal pages (half text dumps, half windows-1250 HTML; 400 units
// in 16 voivodeships, 12 sections) into a fresh SQLite store and prints pages per second and the
// peak RSS (getrusage). Usage: bench_import_pages [pages] [work-dir]. Figures: docs/benchmarks.md.
#include <stdlib.h>
#include <sys/resource.h>
#include <unicode/ucnv.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "import/importer.h"
#include "import/page_files.h"

namespace {

namespace fs = std::filesystem;

const char* const voivodeships[] = {
    "dolnośląskie",   "kujawsko-pomorskie",  "lubelskie",     "lubuskie",
    "łódzkie",        "małopolskie",         "mazowieckie",   "opolskie",
    "podkarpackie",   "podlaskie",           "pomorskie",     "śląskie",
    "świętokrzyskie", "warmińsko-mazurskie", "wielkopolskie", "zachodniopomorskie"};
const char* const sections[][2] = {
    {"Usługi społeczne", "Pomoc społeczna"},   {"Usługi społeczne", "Kultura"},
    {"Usługi społeczne", "Oświata"},           {"Usługi społeczne", "Ochrona zdrowia"},
    {"Usługi społeczne", "Sport i rekreacja"}, {"Usługi techniczne", "Praktyki"},
    {"Rozwój instytucjonalny", "Praktyki"},    {"Efektywność energetyczna", "Praktyki"},
    {"Współpraca JST-NGO", "Praktyki"},        {"Współpraca między JST", "Praktyki"},
    {"Dialog społeczny", "Praktyki"},          {"Usługi społeczne", "Praktyki"}};
const char* const types[] = {"gmina miejska", "gmina wiejska", "gmina miejsko-wiejska"};

const char* const menu =
    "Strona główna\nUsługi społeczne\n» Kultura\n» Pomoc społeczna\nUsługi techniczne\n"
    "Rozwój instytucjonalny\nEfektywność energetyczna\nWspółpraca JST-NGO\nWspółpraca między JST\n"
    "Dialog społeczny\nSMUP\nMapa Praktyk\nInne bazy danych\nPublikacje i dokumenty\n"
    "Portal jst.org.pl\n\n1.756.567\ngości odwiedziło nas\nod 1 kwietnia 2008 r.\n\n";

struct Fields {
  int art, unit, year;
  std::string town, voivodeship, type, title, section, subsection;
};

Fields fields_of(int i) {
  Fields f;
  f.art = i + 1;
  f.unit = i % 400;
  f.year = 2008 + i % 6;
  f.town = "Miasteczko Żółte " + std::to_string(f.unit);
  f.voivodeship = voivodeships[f.unit % 16];
  f.type = types[(i / 400) % 3];  // records of one unit disagree on its type, as in the seeds
  f.title = "Praktyka numer " + std::to_string(f.art) + ": aktywizacja społeczności lokalnej";
  f.section = sections[i % 12][0];
  f.subsection = sections[i % 12][1];
  return f;
}

std::string summary() {
  return "Zagrożenie postępującą alienacją i wykluczeniem ze społeczności lokalnej niektórych "
         "grup ludności wymaga podjęcia skutecznych działań. Ośrodek Pomocy Społecznej wraz z "
         "organizacją pozarządową realizuje projekt \"Centrum Aktywności Lokalnej\".";
}

std::string text_page(const Fields& f) {
  const std::string date = std::to_string(f.year) + "-03-0" + std::to_string(1 + f.art % 9);
  return "Doskonalenie zarządzania usługami publicznymi\n" + std::string(menu) + " " + f.section +
         " : " + f.subsection + "\n" + f.title +
         "\n\n.:   Skrót i Metryka -> Pełna prezentacja   :.\n\n\n" + summary() + "\n\n" +
         summary() + "\n\nMetryka praktyki\nData wprowadzenia do BDP:  " + date +
         "\n\nTyp jednostki:  " + f.type + "\nMiejscowość:  " + f.town +
         "\nWojewództwo:  " + f.voivodeship + "\nKod pocztowy i Poczta:  63-100 " + f.town +
         "\nJednostka wdrażająca:  Ośrodek Pomocy Społecznej\nUlica:  Mickiewicza 40\n"
         "Witryna internetowa:  www.ops.example.pl\nLiczba mieszkańców:  " +
         std::to_string(10 + f.unit) + "." + std::to_string(100 + f.year) +
         "\nOsoby kontaktowe:  Maria Świdurska\n Kierownik Ośrodka\n tel. 61 28 36 107\n"
         " e@mail: poczta@ops.example.pl\n\n.:   Skrót i Metryka -> Pełna prezentacja   :.\n\n"
         "Projekt współfinansowany przez Unię Europejską\n";
}

std::string html_page(const Fields& f) {
  const std::string date = std::to_string(f.year) + "-06-1" + std::to_string(f.art % 9);
  const std::string tabs =
      ".:&nbsp; <b>Skrót i Metryka</b> -&gt; <a href=\"index.php?p1=1&amp;"
      "p2=2&amp;art=" +
      std::to_string(f.art) +
      "&amp;s=2\">Pełna "
      "prezentacja</a> :.";
  std::string row = "<tr><td><b>%s:</b><td>%s\n";
  const auto field = [](const std::string& label, const std::string& value) {
    return "<tr><td><b>" + label + ":</b><td>" + value + "\n";
  };
  return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
         "charset=windows-1250\"><title>BDP</title></head><body><table><tr><td colspan=2><b>"
         "Doskonalenie zarządzania usługami publicznymi</b><tr><td>"
         "<a href=index.php>Strona główna</a><br><a href=index.php?p1=1>Usługi społeczne</a><br>"
         "<p><b>1.555.439</b><br>gości odwiedziło nas<br>od 1 kwietnia 2008 r.<td>"
         "<div>" +
         f.section + " : " + f.subsection + "</div><h1>" + f.title + "</h1><div>" + tabs +
         "</div><p>" + summary() + "<p>" + summary() + "<p><b>Metryka praktyki</b><table>" +
         field("Data wprowadzenia do BDP", date) + field("Typ jednostki", f.type) +
         field("Miejscowość", f.town) + field("Powiat", "powiat " + f.town) +
         field("Województwo", f.voivodeship) + field("Kod pocztowy i Poczta", "&nbsp;" + f.town) +
         field("Jednostka wdrażająca", "Urząd Gminy") + field("Ulica", "Rynek 1") +
         field("Liczba mieszkańców",
               std::to_string(10 + f.unit) + " " + std::to_string(200 + f.year)) +
         field("Osoby kontaktowe",
               "Jan Kowalski<br>Sekretarz<br>tel. 61 28 36 100<br>e-mail: "
               "sekretarz@ug.example.pl") +
         "</table><div>" + tabs +
         "</div><tr><td colspan=2>Projekt współfinansowany przez Unię "
         "Europejską</table></body></html>";
}

std::string to_cp1250(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n =
      ucnv_convert("windows-1250", "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                   utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(n) : 0);
  return out;
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  const int pages = argc > 1 ? std::atoi(argv[1]) : 10000;
  std::string work =
      argc > 2 ? argv[2] : (fs::temp_directory_path() / "bdp-legacy-bench-XXXXXX").string();
  if (argc <= 2 && !mkdtemp(work.data())) return 1;
  fs::create_directories(fs::path(work) / "pages");
  fs::remove(fs::path(work) / "bdp.sqlite");
  for (int i = 0; i < pages; ++i) {
    const Fields f = fields_of(i);
    const bool html = i % 2 == 1;
    const fs::path file =
        fs::path(work) / "pages" /
        (std::to_string(f.art) + (html ? ".html" : "_art" + std::to_string(f.art) + ".txt"));
    std::ofstream(file, std::ios::binary) << (html ? to_cp1250(html_page(f)) : text_page(f));
  }
  const long rss_before = peak_rss_kib();

  const auto parse_start = std::chrono::steady_clock::now();
  const auto files = bdp::legacy::list_page_files({(fs::path(work) / "pages").string()});
  std::size_t parsed = 0;
  for (const auto& file : files.files) parsed += bdp::legacy::read_page_file(file).has_value();
  const double parse_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - parse_start).count();

  auto store = bdp::open_store("sqlite:" + (fs::path(work) / "bdp.sqlite").string());
  if (!store || !(*store)->migrate()) {
    std::fprintf(stderr, "cannot open the store in %s\n", work.c_str());
    return 1;
  }
  auto report = bdp::legacy::run_import(
      **store, {{(fs::path(work) / "pages").string()}, false, "", true, ""});
  if (!report) {
    std::fprintf(stderr, "import failed: %s\n", report.error().message.c_str());
    return 1;
  }
  const int done = report->count(bdp::legacy::PageAction::imported);
  std::printf("pages generated:        %d (half text, half windows-1250 HTML) in %s\n", pages,
              work.c_str());
  std::printf("parse only:             %zu pages in %.2f s = %.0f pages/s\n", parsed, parse_seconds,
              static_cast<double>(parsed) / parse_seconds);
  std::printf(
      "import into SQLite:     %d imported, %d skipped, %zu units in %.2f s = %.0f pages/s\n", done,
      report->count(bdp::legacy::PageAction::skipped), (*store)->units()->size(), report->seconds,
      done / report->seconds);
  std::printf("peak RSS:               %ld KiB before the import, %ld KiB after\n", rss_before,
              peak_rss_kib());
  return done == pages ? 0 : 1;
}
