// The bulk dumps and their pieces: RFC 4180 quoting, list cells, the CSV and JSONL dumps of a
// store (published only, column order, gzip that zlib reads back), the field dictionary, sha256.
#include "opendata/dumps.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../http/gunzip.h"
#include "opendata/columns.h"
#include "opendata/csv.h"
#include "opendata/digest.h"
#include "sample_data.h"

namespace bdp::opendata {
namespace {

// The dump's bytes unzipped; "" (and a failed test) when they are not valid gzip.
std::string gunzip(const std::string& bytes) {
  auto out = http::testing::gunzip(bytes);
  EXPECT_TRUE(out) << "not valid gzip";
  return out.value_or("");
}

std::vector<std::string> lines(const std::string& text, const std::string& end) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (std::size_t next; (next = text.find(end, at)) != std::string::npos; at = next + end.size())
    out.push_back(text.substr(at, next - at));
  EXPECT_EQ(at, text.size()) << "text does not end with a line end";
  return out;
}

TEST(Csv, QuotesOnlyWhatRfc4180Requires) {
  EXPECT_EQ(csv_field("Śrem"), "Śrem");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  std::ostringstream out;
  write_csv_record(out, {"a", "", "b c"});
  EXPECT_EQ(out.str(), "a,,b c\r\n");
}

TEST(Csv, CellsOfValues) {
  using json = nlohmann::ordered_json;
  EXPECT_EQ(csv_cell(json(nullptr)), "");
  EXPECT_EQ(csv_cell(json(12)), "12");
  EXPECT_EQ(csv_cell(json("x")), "x");
  EXPECT_EQ(csv_cell(json({"Kultura", "Sport; rekreacja"})), "Kultura;Sport, rekreacja");
  EXPECT_EQ(csv_cell(json({1, 2})), "1;2");
}

TEST(Dumps, PublishedPracticesInBothFormats) {
  auto store = testing::sample_store();
  ASSERT_TRUE(store);
  const auto context = testing::sample_context();
  std::ostringstream csv, jsonl_gz;
  auto written = write_dumps(*store, context, csv, jsonl_gz);
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(*written, 2);  // the draft stays out

  const auto rows = lines(csv.str(), "\r\n");
  ASSERT_EQ(rows.size(), 3U);  // header + 2; no field of the sample holds a line break
  EXPECT_TRUE(rows[0].starts_with("id,url,title,summary,entered_on,updated_at,section_ids,"));
  EXPECT_TRUE(
      rows[1].starts_with("412,https://bdp.example.org/praktyki/412-centrum-aktywnosci-"
                          "lokalnej,\"Centrum Aktywności Lokalnej, \"\"CAL\"\"\","));
  EXPECT_NE(rows[1].find(",2;1,Pomoc społeczna;Usługi społeczne,"), std::string::npos);
  EXPECT_NE(rows[1].find(",\"Raport, 2011\",https://example.org/raport.pdf,"), std::string::npos);
  EXPECT_TRUE(rows[2].starts_with("413,"));

  const auto objects = lines(gunzip(jsonl_gz.str()), "\n");
  ASSERT_EQ(objects.size(), 2U);
  const auto first = nlohmann::ordered_json::parse(objects[0]);
  const auto practices = testing::sample_dataset().practices;
  EXPECT_EQ(first, record_json(context.record(practices[0])));
  EXPECT_EQ(nlohmann::ordered_json::parse(objects[1])["id"], 413);
}

TEST(Dumps, AStoreOfManyPracticesIsReadInPages) {
  auto store = testing::sample_store();
  ASSERT_TRUE(store);
  Dataset more = testing::sample_dataset();
  more.practices.clear();
  for (int i = 0; i < kDumpBatch + 3; ++i) {
    Practice p = testing::sample_dataset().practices[1];
    p.id = 1000 + i;
    p.source_key = "";
    more.practices.push_back(p);
  }
  ASSERT_TRUE(store->load(more));
  std::ostringstream csv, jsonl_gz;
  auto written = write_dumps(*store, testing::sample_context(), csv, jsonl_gz);
  ASSERT_TRUE(written);
  EXPECT_EQ(*written, kDumpBatch + 5);
  EXPECT_EQ(lines(gunzip(jsonl_gz.str()), "\n").size(), static_cast<std::size_t>(kDumpBatch + 5));
}

TEST(Dumps, TheDictionaryListsEveryColumnAndExclusion) {
  std::ostringstream out;
  write_field_dictionary(out);
  const auto rows = lines(out.str(), "\r\n");
  EXPECT_EQ(rows.size(), 1 + columns().size() + excluded_fields().size());
  EXPECT_EQ(rows[0], "pole,typ,opis,description");
  EXPECT_EQ(rows[1], "id,integer,Identyfikator praktyki (stały),Practice identifier (stable)");
}

TEST(Digest, Md5) {
  EXPECT_EQ(md5_hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
}

TEST(Digest, Sha256OfBytesAndOfAFileAndTheSumLine) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256sum_line(sha256_hex("abc"), "x.csv"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  x.csv\n");
  const auto path = std::filesystem::temp_directory_path() / "bdp-digest-test.bin";
  const std::string big(200'000, 'z');  // several reads
  std::ofstream(path, std::ios::binary) << big;
  EXPECT_EQ(sha256_file_hex(path).value_or(""), sha256_hex(big));
  std::filesystem::remove(path);
  EXPECT_EQ(sha256_file_hex(path).error().kind, ErrorKind::unavailable);
}

}  // namespace
}  // namespace bdp::opendata
