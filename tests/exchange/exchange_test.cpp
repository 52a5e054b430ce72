// The JSON exchange format: lossless round trips, and clear errors for bad documents.
#include "exchange/exchange.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "../store/samples.h"

namespace bdp::exchange {
namespace {

using bdp::testing::sample_practice;
using bdp::testing::sample_section;
using bdp::testing::sample_unit;

Dataset full_dataset() {
  Dataset data;
  data.sections = {sample_section("uslugi-spoleczne", "Usługi społeczne", {}, 0),
                   sample_section("pomoc-spoleczna", "Pomoc społeczna", 1, 2)};
  data.sections[0].id = 1;
  data.sections[1].id = 2;
  data.units = {sample_unit()};
  data.units[0].id = 7;
  Practice p = sample_practice(7, {1, 2});
  p.id = 412;
  p.source_key = "legacy:412";
  p.updated_at = "2013-06-27T10:00:00Z";
  p.status = PracticeStatus::changes_requested;
  Practice hostile = sample_practice(7, {2}, "<script>alert('x')</script> \"cudzysłów\"");
  hostile.id = 413;
  hostile.summary = "linia 1\nlinia 2\r\n\ttab \\u0041 \\n \\\" \u2028 \x01 zażółć gęślą jaźń";
  hostile.contacts[0].email = "\"quoted\"@example.org";
  hostile.population.reset();
  hostile.presentation[0].body = "```\n{\"json\": [1, 2]}\n```\n</textarea>";
  data.practices = {p, hostile};
  Link link;
  link.id = 3;
  link.name = "Związek \"Miast\" <Polskich>";
  link.url = "https://www.miasta.pl/?a=1&b=2";
  link.description = "opis\nw dwóch liniach";
  link.language = "en";
  link.category = "Polskie";
  link.position = 2;
  link.last_status = 404;
  link.last_error = "HTTP 404";
  link.checked_at = 1'800'000'000;
  data.links = {link, Link{}};
  return data;
}

TEST(ExchangeJson, ALinkLeftOutFieldsTakeTheirDefaults) {
  auto data = from_json(
      R"({"format":"bdp","version":1,"links":[{"id":1,"name":"A","url":"https://a.pl/"}]})");
  ASSERT_TRUE(data) << data.error().message;
  ASSERT_EQ(data->links.size(), 1u);
  EXPECT_EQ(data->links[0].language, "pl");
  EXPECT_EQ(data->links[0].checked_at, 0);
  EXPECT_EQ(
      from_json(R"({"format":"bdp","version":1,"links":[{"id":1,"name":"A"}]})").error().message,
      "links[0].url: required field is missing");
}

std::string error_of(std::string_view text) {
  auto data = from_json(text);
  EXPECT_FALSE(data);
  if (data) return "";
  EXPECT_EQ(data.error().kind, ErrorKind::invalid_input);
  return data.error().message;
}

TEST(ExchangeJson, RoundTripKeepsEveryFieldAndHostileStrings) {
  Dataset data = full_dataset();
  std::string text = to_json(data);
  auto back = from_json(text);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, data);
  EXPECT_EQ(to_json(*back), text);
}

TEST(ExchangeJson, EmptyDatasetRoundTrips) {
  auto back = from_json(to_json(Dataset{}));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, Dataset{});
}

TEST(ExchangeJson, DocumentStartsWithFormatAndVersion) {
  std::string text = to_json(Dataset{});
  EXPECT_EQ(text.find("\"format\": \"bdp\""), 4u) << text;
  EXPECT_NE(text.find("\"version\": 1"), std::string::npos);
}

TEST(ExchangeJson, PolishLettersAreWrittenAsUtf8NotEscaped) {
  Dataset data;
  data.sections = {sample_section("dzial", "Współpraca między JST")};
  EXPECT_NE(to_json(data).find("Współpraca między JST"), std::string::npos);
}

TEST(ExchangeJson, OptionalFieldsMayBeLeftOut) {
  auto data = from_json(R"({"format":"bdp","version":1,
    "sections":[{"id":1,"slug":"kultura","name":"Kultura"}],
    "units":[{"id":2,"slug":"srem","name":"Śrem"}],
    "practices":[{"id":3,"title":"T","unit_id":2}]})");
  ASSERT_TRUE(data) << data.error().message;
  EXPECT_FALSE(data->sections[0].parent_id);
  EXPECT_TRUE(data->units[0].population.empty());
  EXPECT_EQ(data->practices[0].status, PracticeStatus::published);
  EXPECT_FALSE(data->practices[0].population);
  EXPECT_TRUE(data->practices[0].contacts.empty());
}

TEST(ExchangeJson, MalformedJsonIsInvalidInput) {
  EXPECT_NE(error_of("{\"format\": \"bdp\",").find("malformed JSON"), std::string::npos);
  EXPECT_NE(error_of("").find("malformed JSON"), std::string::npos);
  EXPECT_NE(error_of("{\"format\": \"bdp\"} trailing").find("malformed JSON"), std::string::npos);
  EXPECT_NE(error_of("{\"format\": \"\xff\"}").find("malformed JSON"), std::string::npos);
}

TEST(ExchangeJson, WrongHeaderIsNamed) {
  EXPECT_NE(error_of("[]").find("expected a JSON object"), std::string::npos);
  EXPECT_EQ(error_of(R"({"version":1})"), "format: required field is missing");
  EXPECT_EQ(error_of(R"({"format":"csv","version":1})"), "format: expected \"bdp\", got \"csv\"");
  EXPECT_EQ(error_of(R"({"format":"bdp","version":2})"),
            "version: version 2 is not supported (this build reads version 1)");
  EXPECT_EQ(error_of(R"({"format":"bdp","version":"1"})"), "version: expected an integer");
}

TEST(ExchangeJson, WrongTypesNameTheirPath) {
  EXPECT_EQ(error_of(R"({"format":"bdp","version":1,"sections":{}})"),
            "sections: expected an array");
  EXPECT_EQ(error_of(R"({"format":"bdp","version":1,"sections":[1]})"),
            "sections[0]: expected an object");
  EXPECT_EQ(error_of(R"({"format":"bdp","version":1,"units":[
      {"id":1,"slug":"s","name":"n","population":[{"year":"2011","count":1}]}]})"),
            "units[0].population[0].year: expected an integer");
  EXPECT_EQ(error_of(R"({"format":"bdp","version":1,"practices":[
      {"id":1,"title":"t","unit_id":1,"contacts":[{"name":"a","phones":["1",2]}]}]})"),
            "practices[0].contacts[0].phones[1]: expected a string");
  EXPECT_EQ(error_of(R"({"format":"bdp","version":1,"practices":[
      {"id":1,"title":"t","unit_id":1,"population":"40.333"}]})"),
            "practices[0].population: expected an integer");
  EXPECT_EQ(error_of(R"({"format":"bdp","version":1,"units":[
      {"id":1,"slug":"s","name":"n","latitude":"52"}]})"),
            "units[0].latitude: expected a number or null");
  EXPECT_EQ(error_of(R"({"format":"bdp","version":1,"practices":[
      {"id":18446744073709551615,"title":"t","unit_id":1}]})"),
            "practices[0].id: integer out of range");
  EXPECT_EQ(error_of(R"({"format":"bdp","version":1,"sections":[
      {"id":1,"slug":"s","name":"n","position":3000000000}]})"),
            "sections[0].position: integer out of range");
}

TEST(ExchangeJson, MissingRequiredFieldsAreNamed) {
  EXPECT_EQ(error_of(R"({"format":"bdp","version":1,"practices":[
      {"id":1,"unit_id":1}]})"),
            "practices[0].title: required field is missing");
  EXPECT_EQ(error_of(R"({"format":"bdp","version":1,"practices":[
      {"id":1,"title":"t","unit_id":1,"contacts":[{"email":"a@b"}]}]})"),
            "practices[0].contacts[0].name: required field is missing");
  EXPECT_EQ(error_of(R"({"format":"bdp","version":1,"units":[{"id":1,"name":"n"}]})"),
            "units[0].slug: required field is missing");
  EXPECT_EQ(error_of(R"({"format":"bdp","version":1,"practices":[
      {"id":1,"title":"t","unit_id":1,"attachments":[{"title":"x"}]}]})"),
            "practices[0].attachments[0].url: required field is missing");
}

TEST(ExchangeJson, UnknownStatusIsNamed) {
  EXPECT_EQ(error_of(R"({"format":"bdp","version":1,"practices":[
      {"id":1,"title":"t","unit_id":1,"status":"gone"}]})"),
            "practices[0].status: unknown status 'gone'");
}

TEST(ExchangeJson, InvalidUtf8IsReplacedOnOutputSoTheDocumentStaysReadable) {
  Dataset data;
  data.sections = {sample_section("s", std::string("zły \xc3\x28 bajt"))};
  auto back = from_json(to_json(data));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->sections[0].name, "zły \xEF\xBF\xBD( bajt");
}

TEST(ExchangeJson, ExampleInTheFormatDocumentationReads) {
  std::ifstream file(BDP_SOURCE_DIR "/docs/json-format.md");
  std::stringstream text;
  text << file.rdbuf();
  std::string doc = text.str();
  auto start = doc.find("```json\n");
  ASSERT_NE(start, std::string::npos);
  start += 8;
  auto end = doc.find("```", start);
  ASSERT_NE(end, std::string::npos);
  auto data = from_json(std::string_view(doc).substr(start, end - start));
  ASSERT_TRUE(data) << data.error().message;
  EXPECT_EQ(data->sections.size(), 2u);
  ASSERT_EQ(data->practices.size(), 1u);
  EXPECT_EQ(data->practices[0].contacts[0].email, "ops@ops.srem.pl");
  EXPECT_EQ(data->practices[0].presentation.size(), 1u);
}

}  // namespace
}  // namespace bdp::exchange
