// The field list of the open data: every model field is exported or excluded with a reason,
// personal data of contact persons never reaches a record, values as the dictionary says.
#include "opendata/columns.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "opendata/field_count.h"
#include "sample_data.h"

namespace bdp::opendata {
namespace {

// The distinct fields of `type` ("Unit") named by the columns or the excluded list.
std::size_t named_fields(const std::string& type) {
  std::set<std::string> names;
  const auto take = [&](std::string_view field) {
    if (field.starts_with(type + "::")) names.emplace(field);
  };
  for (const auto& c : columns()) {
    for (const auto f : c.model_fields) take(f);
  }
  for (const auto& e : excluded_fields()) take(e.model_field);
  return names.size();
}

TEST(Columns, EveryModelFieldIsExportedOrExcluded) {
  // A new field in a model struct fails here until columns.cpp exports it or excludes it.
  EXPECT_EQ(named_fields("Practice"), field_count<Practice>());
  EXPECT_EQ(named_fields("Unit"), field_count<Unit>());
  EXPECT_EQ(named_fields("Contact"), field_count<Contact>());
  EXPECT_EQ(named_fields("Provenance"), field_count<Provenance>());
}

TEST(Columns, NamesAreUniqueAndEveryExclusionHasAReason) {
  std::set<std::string_view> names;
  for (const auto& c : columns()) EXPECT_TRUE(names.insert(c.name).second) << c.name;
  for (const auto& e : excluded_fields()) EXPECT_FALSE(e.reason.empty()) << e.model_field;
}

TEST(Columns, ARecordHoldsTheInstitutionButNoContactPerson) {
  const auto data = testing::sample_dataset();
  const auto context = testing::sample_context();
  const auto record = record_json(context.record(data.practices[0]));
  const std::string text = record.dump();
  EXPECT_EQ(text.find("Świdurska"), std::string::npos);
  EXPECT_EQ(text.find("maria@ops.pl"), std::string::npos);
  EXPECT_EQ(text.find("61 28 36 107"), std::string::npos);
  EXPECT_EQ(text.find("Kierownik OPS"), std::string::npos);
  EXPECT_EQ(text.find("legacy:412"), std::string::npos);
  EXPECT_EQ(record["implementing_body"], "Ośrodek Pomocy Społecznej w Śremie");
  EXPECT_EQ(record["street"], "Mickiewicza 40");
  EXPECT_EQ(record["website"], "www.opssrem.lap.pl");
}

TEST(Columns, ValuesOfARecord) {
  const auto data = testing::sample_dataset();
  const auto context = testing::sample_context();
  const auto r = record_json(context.record(data.practices[0]));
  EXPECT_EQ(r.begin().key(), "id");
  EXPECT_EQ(r["id"], 412);
  EXPECT_EQ(r["url"], "https://bdp.example.org/praktyki/412-centrum-aktywnosci-lokalnej");
  EXPECT_EQ(r["sections"], nlohmann::ordered_json({"Pomoc społeczna", "Usługi społeczne"}));
  EXPECT_EQ(r["section_ids"], nlohmann::ordered_json({2, 1}));
  EXPECT_EQ(r["unit_url"], "https://bdp.example.org/jednostki/srem-wielkopolskie");
  EXPECT_EQ(r["unit_teryt"], "3026033");
  EXPECT_EQ(r["unit_population"], 43061);
  EXPECT_EQ(r["unit_population_year"], 2013);
  EXPECT_EQ(r["unit_latitude"], 52.0886);
  EXPECT_EQ(r["presentation"], "## Opis sytuacji przed wdrożeniem\n\nByło źle.");
  EXPECT_EQ(r["attachment_urls"], nlohmann::ordered_json({"https://example.org/raport.pdf"}));
  EXPECT_EQ(r["provenance_source"], "slz");
  EXPECT_EQ(r["programme"], "Doskonalenie zarządzania");
  EXPECT_EQ(r.size(), columns().size());
}

TEST(Columns, UnknownUnitAndEmptyTextsAreNull) {
  Practice p;
  p.id = 1;
  p.slug = "x";
  p.unit_id = 99;
  const RecordContext context("https://x.org", {}, {});
  const auto r = record_json(context.record(p));
  EXPECT_TRUE(r["unit_name"].is_null());
  EXPECT_TRUE(r["summary"].is_null());
  EXPECT_TRUE(r["population"].is_null());
  EXPECT_EQ(r["sections"], nlohmann::ordered_json::array());
}

}  // namespace
}  // namespace bdp::opendata
