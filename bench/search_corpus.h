// A generator of N realistic Polish practices for the search benchmarks: a fixed seed, domain
// vocabulary (topics, institutions, places, in several inflected forms) mixed with words drawn
// from hunspell-pl's dictionary, units of every type across the 16 voivodeships, and the
// section tree of the old portal. Also the fixed query mix: 1–4 words and two facet filters.
#pragma once

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "search/latin2.h"
#include "store/store.h"

namespace bdp::bench {

inline const std::vector<std::string> kVoivodeships = {
    "dolnośląskie",   "kujawsko-pomorskie",  "lubelskie",     "lubuskie",
    "łódzkie",        "małopolskie",         "mazowieckie",   "opolskie",
    "podkarpackie",   "podlaskie",           "pomorskie",     "śląskie",
    "świętokrzyskie", "warmińsko-mazurskie", "wielkopolskie", "zachodniopomorskie"};
inline const std::vector<std::string> kUnitTypes = {
    "gmina miejska", "gmina wiejska", "gmina miejsko-wiejska",   "miasto na prawach powiatu",
    "powiat",        "województwo",   "związek/porozumienie JST"};
inline const std::vector<std::string> kProgrammes = {
    "Budowa kompetencji JST",
    "Model współpracy administracji publicznej i organizacji pozarządowych",
    "Samorządowy Lider Zarządzania", "Grupy Wymiany Doświadczeń"};

// Topic phrases in several forms: nominative for titles, other cases for running text.
struct Topic {
  std::string title;
  std::vector<std::string> phrases;
};

inline const std::vector<Topic>& topics() {
  static const std::vector<Topic> t = {
      {"Budżet obywatelski",
       {"budżetu obywatelskiego", "budżet obywatelski", "głosowanie mieszkańców",
        "projekty mieszkańców"}},
      {"Centrum aktywności lokalnej",
       {"centrum aktywności lokalnej", "animatorów lokalnych", "aktywizacji społecznej"}},
      {"Klub seniora", {"klubu seniora", "seniorów", "osób starszych", "zajęć dla seniorów"}},
      {"Teleopieka domowa",
       {"teleopieki", "opasek alarmowych", "osób samotnych", "centrum powiadamiania"}},
      {"Asystent rodziny",
       {"asystenta rodziny", "rodzin w kryzysie", "pieczy zastępczej", "pracowników socjalnych"}},
      {"Rower miejski",
       {"rowerów miejskich", "dróg rowerowych", "stacji rowerowych", "komunikacji miejskiej"}},
      {"Modernizacja oświetlenia ulicznego",
       {"oświetlenia ulicznego", "lamp LED", "energii elektrycznej", "oszczędności energii"}},
      {"Termomodernizacja budynków szkolnych",
       {"termomodernizacji szkół", "ocieplenia budynków", "kosztów ogrzewania",
        "audytu energetycznego"}},
      {"Segregacja odpadów komunalnych",
       {"odpadów komunalnych", "selektywnej zbiórki", "punktu selektywnego zbierania",
        "opłaty za odpady"}},
      {"Program współpracy z organizacjami pozarządowymi",
       {"organizacji pozarządowych", "otwartych konkursów ofert", "zadań publicznych",
        "rady działalności pożytku publicznego"}},
      {"Konsultacje społeczne",
       {"konsultacji społecznych", "spotkań z mieszkańcami", "ankiet internetowych",
        "planu zagospodarowania"}},
      {"Młodzieżowa rada gminy",
       {"młodzieżowej rady", "samorządów uczniowskich", "młodych radnych"}},
      {"Centrum usług wspólnych",
       {"centrum usług wspólnych", "obsługi księgowej szkół", "kadr i płac"}},
      {"Elektroniczny obieg dokumentów",
       {"elektronicznego obiegu dokumentów", "e-usług", "platformy ePUAP", "obsługi klienta"}},
      {"Fundusz sołecki",
       {"funduszu sołeckiego", "zebrań wiejskich", "sołectw", "świetlic wiejskich"}},
      {"Dowóz uczniów", {"dowozu uczniów", "uczniów niepełnosprawnych", "transportu szkolnego"}},
      {"Profilaktyka zdrowotna",
       {"profilaktyki zdrowotnej", "szczepień ochronnych", "badań przesiewowych",
        "programu zdrowotnego"}},
      {"Ekonomia społeczna",
       {"spółdzielni socjalnej", "ekonomii społecznej", "klauzul społecznych",
        "osób bezrobotnych"}},
      {"Rewitalizacja centrum",
       {"rewitalizacji", "kamienic komunalnych", "przestrzeni publicznej",
        "programu rewitalizacji"}},
      {"Wspólny transport publiczny gmin",
       {"transportu publicznego", "porozumienia międzygminnego", "linii autobusowych"}},
      {"Dom kultury",
       {"domu kultury", "zespołów ludowych", "wydarzeń kulturalnych", "biblioteki publicznej"}},
      {"Orlik i animator sportu",
       {"boisk sportowych", "animatorów sportu", "zajęć sportowych dla dzieci"}},
      {"Zarządzanie jakością",
       {"systemu zarządzania jakością", "normy ISO 9001", "audytów wewnętrznych"}},
      {"Kolektory słoneczne",
       {"kolektorów słonecznych", "odnawialnych źródeł energii", "instalacji fotowoltaicznych"}},
  };
  return t;
}

inline const std::vector<std::string>& domain_words() {
  static const std::vector<std::string> w = {
      "gmina",       "gminy",      "urząd",       "urzędu",      "mieszkańcy",
      "mieszkańców", "wdrożenie",  "wdrożenia",   "projekt",     "projektu",
      "realizacja",  "realizacji", "uchwała",     "uchwały",     "rada",
      "rady",        "wójt",       "burmistrz",   "starostwo",   "powiatu",
      "współpraca",  "współpracy", "partnerstwo", "partnerów",   "budżet",
      "budżetu",     "środki",     "środków",     "unijnych",    "dotacja",
      "dotacji",     "efekty",     "rezultaty",   "wskaźniki",   "ocena",
      "ewaluacja",   "szkoła",     "szkół",       "przedszkola", "pomoc",
      "pomocy",      "społecznej", "społeczna",   "ośrodek",     "ośrodka",
      "rodziny",     "dzieci",     "młodzieży",   "seniorów",    "niepełnosprawnych",
      "inwestycja",  "inwestycji", "drogi",       "dróg",        "kanalizacji",
      "wodociągu",   "energii",    "środowiska",  "kultury",     "sportu",
      "zdrowia"};
  return w;
}

// Lower-case words of 4–12 letters from hunspell-pl's dictionary, in UTF-8.
inline std::vector<std::string> dictionary_words(const std::string& dic_path, std::mt19937_64& rng,
                                                 std::size_t count) {
  std::ifstream in(dic_path, std::ios::binary);
  std::vector<std::string> all;
  std::string line;
  std::getline(in, line);  // the word count
  while (std::getline(in, line)) {
    std::string word = line.substr(0, line.find('/'));
    if (word.size() < 4 || word.size() > 12) continue;
    if (!std::all_of(word.begin(), word.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0xA0;
        }))
      continue;
    all.push_back(search::latin2_to_utf8(word));
  }
  std::shuffle(all.begin(), all.end(), rng);
  if (all.size() > count) all.resize(count);
  return all;
}

template <class T>
const T& pick(const std::vector<T>& v, std::mt19937_64& rng) {
  return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}

inline std::string sentence(std::mt19937_64& rng, const Topic& topic,
                            const std::vector<std::string>& dict, int words) {
  std::string s;
  std::bernoulli_distribution domain(0.55), phrase(0.12);
  for (int i = 0; i < words; ++i) {
    if (!s.empty()) s += ' ';
    if (phrase(rng)) {
      s += pick(topic.phrases, rng);
    } else {
      s += domain(rng) ? pick(domain_words(), rng) : pick(dict, rng);
    }
  }
  s += ". ";
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

inline std::string paragraph(std::mt19937_64& rng, const Topic& topic,
                             const std::vector<std::string>& dict, int sentences) {
  std::string p;
  for (int i = 0; i < sentences; ++i)
    p += sentence(rng, topic, dict, 8 + static_cast<int>(rng() % 8));
  return p;
}

inline Dataset generate_corpus(int practices, std::uint64_t seed, const std::string& dic_path) {
  std::mt19937_64 rng(seed);
  const std::vector<std::string> dict = dictionary_words(dic_path, rng, 20000);
  Dataset d;
  d.sections = {{1, std::nullopt, "uslugi-spoleczne", "Usługi społeczne", 0, ""},
                {11, 1, "kultura", "Kultura", 0, ""},
                {12, 1, "pomoc-spoleczna", "Pomoc społeczna", 1, ""},
                {13, 1, "oswiata", "Oświata", 2, ""},
                {14, 1, "ochrona-zdrowia", "Ochrona zdrowia", 3, ""},
                {15, 1, "sport-i-rekreacja", "Sport i rekreacja", 4, ""},
                {2, std::nullopt, "uslugi-techniczne", "Usługi techniczne", 1, ""},
                {3, std::nullopt, "rozwoj-instytucjonalny", "Rozwój instytucjonalny", 2, ""},
                {4, std::nullopt, "efektywnosc-energetyczna", "Efektywność energetyczna", 3, ""},
                {5, std::nullopt, "wspolpraca-jst-ngo", "Współpraca JST-NGO", 4, ""},
                {6, std::nullopt, "wspolpraca-miedzy-jst", "Współpraca między JST", 5, ""},
                {7, std::nullopt, "dialog-spoleczny", "Dialog społeczny", 6, ""}};
  const int units = std::max(50, practices / 40);
  std::uniform_real_distribution<double> log_population(std::log(1500.0), std::log(1'800'000.0));
  for (int u = 1; u <= units; ++u) {
    Unit unit;
    unit.id = u;
    unit.slug = "jst-" + std::to_string(u);
    std::string place = pick(dict, rng);
    place[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(place[0])));
    unit.name = unit.town = place;
    unit.type = pick(kUnitTypes, rng);
    unit.voivodeship = pick(kVoivodeships, rng);
    unit.county = "powiat " + std::to_string(1 + u % 380);
    unit.population = {{2014, static_cast<std::int64_t>(std::exp(log_population(rng)))}};
    d.units.push_back(std::move(unit));
  }
  const std::vector<std::int64_t> section_ids = {11, 12, 13, 14, 15, 2, 3, 4, 5, 6, 7};
  for (int i = 1; i <= practices; ++i) {
    const Topic& topic = pick(topics(), rng);
    const Unit& unit = d.units[rng() % d.units.size()];
    Practice p;
    p.id = i;
    p.slug = "praktyka-" + std::to_string(i);
    p.unit_id = unit.id;
    p.title = topic.title + " w " + unit.name + " " + pick(dict, rng);
    p.summary = paragraph(rng, topic, dict, 4) + "\n\n" + paragraph(rng, topic, dict, 2);
    for (const auto& [key, heading] :
         {std::pair{"sytuacja_przed", "Opis sytuacji przed wdrożeniem"},
          std::pair{"wdrozenie", "Opis wdrożenia"},
          std::pair{"rezultaty", "Rezultaty i sposób ich pomiaru"}}) {
      p.presentation.push_back({key, heading, paragraph(rng, topic, dict, 5)});
    }
    p.entered_on = std::to_string(2009 + rng() % 8) + "-0" + std::to_string(1 + rng() % 9) + "-1" +
                   std::to_string(rng() % 10);
    p.section_ids = {pick(section_ids, rng)};
    p.provenance.programme = pick(kProgrammes, rng);
    p.status = PracticeStatus::published;
    d.practices.push_back(std::move(p));
  }
  return d;
}

struct BenchQuery {
  std::string text;
  std::multimap<std::string, std::string> filters;  // exactly two facets
};

// The fixed mix: 1–4 words, two facets from three combinations.
inline std::vector<BenchQuery> query_mix(int count, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const std::vector<std::string> bands = {"lt5k", "5k-20k", "20k-50k", "50k-100k", "gt100k"};
  const std::vector<std::string> sections = {"1", "12", "2", "3", "4", "5"};
  std::vector<BenchQuery> out;
  for (int i = 0; i < count; ++i) {
    BenchQuery q;
    const int words = 1 + static_cast<int>(rng() % 4);
    const Topic& topic = pick(topics(), rng);
    for (int w = 0; w < words; ++w) {
      if (!q.text.empty()) q.text += ' ';
      // Mostly words of one topic (what people search for), some general domain words.
      const std::string& phrase = pick(topic.phrases, rng);
      q.text += w % 2 == 0 ? phrase.substr(0, phrase.find(' ')) : pick(domain_words(), rng);
    }
    switch (i % 3) {
      case 0:
        q.filters = {{"voivodeship", pick(kVoivodeships, rng)},
                     {"unit_type", pick(kUnitTypes, rng)}};
        break;
      case 1:
        q.filters = {{"population", pick(bands, rng)}, {"section", pick(sections, rng)}};
        break;
      default:
        q.filters = {{"year", std::to_string(2009 + rng() % 8)},
                     {"voivodeship", pick(kVoivodeships, rng)}};
        break;
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace bdp::bench
