#include "search/document_builder.h"

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "model/permalink.h"
#include "search/facets.h"
#include "search/terms.h"
#include "search/text_folding.h"

namespace bdp::search {
namespace {

constexpr Xapian::termcount kTitleWeight = 8;
constexpr Xapian::termcount kSummaryWeight = 4;
constexpr Xapian::termcount kPresentationWeight = 2;
constexpr Xapian::termcount kMetadataWeight = 1;
constexpr Xapian::termpos kFieldGap = 100;      // phrases never match across two fields
constexpr std::size_t kStoredTextLimit = 4000;  // bytes of text kept for snippets
constexpr std::size_t kMaxTermBytes = 240;      // Xapian's limit is 245

// Markdown markup that would show up as noise in snippets. Text, not HTML: it is escaped later.
std::string plain_text(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size());
  for (char c : markdown) {
    const bool markup = c == '*' || c == '#' || c == '`' || c == '>' || c == '|';
    out.push_back(markup ? ' ' : c);
  }
  return out;
}

// Cuts at a character boundary at or before `limit` bytes.
std::string cap_utf8(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text;
}

class TermWriter {
 public:
  TermWriter(Xapian::Document& doc, const Analyzer& analyzer, BuiltDocument& built)
      : doc_(doc), analyzer_(analyzer), built_(built) {}

  // `title` adds title-word terms (suggestions); `spelling` feeds the spelling table, from the
  // title and summary only: they hold the words people search for, and the spelling table is
  // the costliest part of indexing.
  void add_field(std::string_view text, Xapian::termcount weight, bool title, bool spelling) {
    const std::string normalized = normalize(text);
    for (const AnalyzedToken& t : analyzer_.analyze(normalized)) {
      if (t.folded.size() > kMaxTermBytes) continue;
      ++position_;
      doc_.add_posting(t.folded, position_, weight);
      for (const auto& lemma : t.lemmas) doc_.add_posting(terms::lemma(lemma), position_, weight);
      if (title && !t.stop) doc_.add_term(std::string(terms::kTitleWord) + t.folded);
      if (spelling && !t.numeric && !t.stop && t.folded.size() >= 3 &&
          spelling_seen_.insert(t.folded).second) {
        built_.spelling_words.push_back(t.folded);
        if (t.lower != t.folded) built_.accented.emplace_back(t.folded, t.lower);
      }
    }
    position_ += kFieldGap;
  }

 private:
  Xapian::Document& doc_;
  const Analyzer& analyzer_;
  BuiltDocument& built_;
  Xapian::termpos position_ = 0;
  std::set<std::string> spelling_seen_;
};

FacetValues facet_values(const Practice& p, const Unit* unit, const SectionTree& sections) {
  FacetValues values;
  std::set<std::int64_t> section_ids;  // a practice counts under each ancestor of its sections
  for (std::int64_t id : p.section_ids) {
    for (const Section* s : sections.path(id)) section_ids.insert(s->id);
  }
  for (std::int64_t id : section_ids) values.emplace_back(kFacetSection, std::to_string(id));
  if (unit != nullptr) {
    if (!unit->voivodeship.empty()) values.emplace_back(1, unit->voivodeship);
    if (!unit->county.empty()) values.emplace_back(2, unit->county);
    if (!unit->type.empty()) values.emplace_back(3, unit->type);
  }
  std::optional<std::int64_t> population = p.population;
  if (unit != nullptr) {
    if (auto current = unit->current_population()) population = current->count;
  }
  if (std::string band = population_band(population); !band.empty()) {
    values.emplace_back(kFacetPopulation, band);
  }
  if (p.entered_on.size() >= 4) values.emplace_back(5, p.entered_on.substr(0, 4));
  if (!p.provenance.programme.empty()) values.emplace_back(6, p.provenance.programme);
  values.emplace_back(kFacetResultType, kResultPractice);
  return values;
}

std::string metadata_text(const Practice& p, const Unit* unit, const SectionTree& sections) {
  std::string text = p.implementing_body + "\n" + p.postal_code + " " + p.post_office + "\n" +
                     p.street + "\n" + p.provenance.programme + "\n";
  if (unit != nullptr) {
    text += unit->name + "\n" + unit->town + "\n" + unit->county + "\n" + unit->voivodeship + "\n" +
            unit->type + "\n";
  }
  for (std::int64_t id : p.section_ids) {
    for (const Section* s : sections.path(id)) text += s->name + "\n";
  }
  for (const Contact& c : p.contacts) text += c.name + " " + c.position + "\n";
  return text;
}

std::string title_sort_key(const icu::Collator& collator, const std::string& title) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(title);
  const int32_t needed = collator.getSortKey(u, nullptr, 0);
  std::string key(static_cast<std::size_t>(needed), '\0');
  collator.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), needed);
  if (!key.empty() && key.back() == '\0') key.pop_back();  // the terminating zero
  return key;
}

// "2026-03-01" of Unix seconds, UTC.
std::string iso_date(std::int64_t seconds) {
  const std::chrono::sys_days day = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds(std::chrono::seconds(seconds)));
  const std::chrono::year_month_day ymd(day);
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

}  // namespace

BuiltDocument build_document(const Document& d, const DocumentVersion& version,
                             const std::vector<PageText>& pages, const Analyzer& analyzer,
                             const icu::Collator& collator) {
  BuiltDocument built;
  Xapian::Document& doc = built.document;
  TermWriter writer(doc, analyzer, built);
  std::string tags;
  for (const auto& tag : d.tags) tags += tag + "\n";
  writer.add_field(d.title, kTitleWeight, false, true);
  writer.add_field(d.description + "\n" + tags, kSummaryWeight, false, true);
  StoredFields stored;
  std::size_t kept = 0;
  for (const PageText& page : pages) {
    writer.add_field(page.text, kPresentationWeight, false, false);
    if (kept >= kStoredPagesBytes) continue;
    std::string text = cap_utf8(normalize(page.text), kStoredPageBytes);
    kept += text.size();
    stored.pages.push_back({page.page, std::move(text)});
  }
  built.spelling_words.clear();

  const FacetValues facets = {{kFacetResultType, std::string(kResultDocument)}};
  for (const auto& [facet, value] : facets) doc.add_boolean_term(facet_term(facet, value));
  doc.add_boolean_term(terms::document_id(d.id));
  const std::string date = iso_date(version.uploaded_at);
  doc.add_value(terms::kSlotDate, date);
  doc.add_value(terms::kSlotTitleKey, title_sort_key(collator, d.title));
  doc.add_value(terms::kSlotFacets, pack_facet_values(facets));

  stored.title = d.title;
  stored.entered_on = date;
  stored.text = cap_utf8(normalize(d.description + "\n" + tags), kStoredTextLimit);
  stored.document = true;
  stored.href = document_path(d);
  stored.file_href = document_file_path(d.id);
  stored.document_kind = to_string(d.kind);
  stored.format = version.format;
  doc.set_data(serialize_stored_fields(stored));
  return built;
}

BuiltDocument build_document(const Practice& p, const Unit* unit, const SectionTree& sections,
                             const Analyzer& analyzer, const icu::Collator& collator) {
  BuiltDocument built;
  Xapian::Document& doc = built.document;
  TermWriter writer(doc, analyzer, built);
  writer.add_field(p.title, kTitleWeight, true, true);
  writer.add_field(plain_text(p.summary), kSummaryWeight, false, true);
  std::string presentation;
  for (const auto& section : p.presentation) {
    presentation += section.heading + "\n" + plain_text(section.body) + "\n";
  }
  writer.add_field(presentation, kPresentationWeight, false, false);
  writer.add_field(metadata_text(p, unit, sections), kMetadataWeight, false, false);

  const FacetValues facets = facet_values(p, unit, sections);
  for (const auto& [facet, value] : facets) doc.add_boolean_term(facet_term(facet, value));
  doc.add_boolean_term(terms::id(p.id));
  if (unit != nullptr) doc.add_boolean_term(std::string(terms::kUnit) + std::to_string(unit->id));
  doc.add_value(terms::kSlotDate, p.entered_on);
  doc.add_value(terms::kSlotTitleKey, title_sort_key(collator, p.title));
  doc.add_value(terms::kSlotFacets, pack_facet_values(facets));

  StoredFields stored;
  stored.title = p.title;
  stored.slug = p.slug;
  stored.place = unit != nullptr ? unit->name : p.post_office;
  stored.entered_on = p.entered_on;
  stored.text = cap_utf8(normalize(plain_text(p.summary) + "\n" + presentation), kStoredTextLimit);
  doc.set_data(serialize_stored_fields(stored));
  return built;
}

std::string serialize_stored_fields(const StoredFields& f) {
  nlohmann::json j = {{"title", f.title},
                      {"slug", f.slug},
                      {"place", f.place},
                      {"entered_on", f.entered_on},
                      {"text", f.text}};
  if (f.document) {
    nlohmann::json pages = nlohmann::json::array();
    for (const auto& page : f.pages) pages.push_back({{"page", page.page}, {"text", page.text}});
    j["document"] = true;
    j["href"] = f.href;
    j["file_href"] = f.file_href;
    j["document_kind"] = f.document_kind;
    j["format"] = f.format;
    j["pages"] = std::move(pages);
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredFields parse_stored_fields(const std::string& data) {
  StoredFields f;
  nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  if (!j.is_object()) return f;
  f.title = j.value("title", "");
  f.slug = j.value("slug", "");
  f.place = j.value("place", "");
  f.entered_on = j.value("entered_on", "");
  f.text = j.value("text", "");
  f.document = j.value("document", false);
  if (!f.document) return f;
  f.href = j.value("href", "");
  f.file_href = j.value("file_href", "");
  f.document_kind = j.value("document_kind", "");
  f.format = j.value("format", "");
  if (auto pages = j.find("pages"); pages != j.end() && pages->is_array()) {
    for (const auto& page : *pages) {
      if (page.is_object()) f.pages.push_back({page.value("page", 0), page.value("text", "")});
    }
  }
  return f;
}

}  // namespace bdp::search
