#include "opendata/dumps.h"

#include "opendata/columns.h"
#include "opendata/csv.h"
#include "opendata/gzip_stream.h"

namespace bdp::opendata {
namespace {

std::vector<std::string> header() {
  std::vector<std::string> names;
  for (const auto& column : columns()) names.emplace_back(column.name);
  return names;
}

Status write_practice(const PracticeRecord& record, std::ostream& csv, GzipStream& jsonl) {
  const auto object = record_json(record);
  std::vector<std::string> cells;
  cells.reserve(object.size());
  for (const auto& [name, value] : object.items()) cells.push_back(csv_cell(value));
  write_csv_record(csv, cells);
  if (!csv) return fail(ErrorKind::unavailable, "cannot write the CSV dump");
  return jsonl.write(object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace

Result<std::int64_t> write_dumps(Store& store, const RecordContext& context, std::ostream& csv,
                                 std::ostream& jsonl_gz, const std::function<bool()>& cancelled) {
  GzipStream jsonl(jsonl_gz);
  write_csv_record(csv, header());
  std::int64_t written = 0;
  PublishedQuery query;
  query.limit = kDumpBatch;
  for (;;) {
    if (cancelled && cancelled()) return fail(ErrorKind::unavailable, "the dumps were cancelled");
    auto page = store.published_practices(query);
    if (!page) return std::unexpected(page.error());
    for (const auto& practice : *page) {
      if (auto ok = write_practice(context.record(practice), csv, jsonl); !ok) {
        return std::unexpected(ok.error());
      }
      ++written;
    }
    if (static_cast<int>(page->size()) < query.limit) break;
    query.after_id = page->back().id;
  }
  if (auto finished = jsonl.finish(); !finished) return std::unexpected(finished.error());
  return written;
}

void write_field_dictionary(std::ostream& out) {
  write_csv_record(out, {"pole", "typ", "opis", "description"});
  for (const auto& c : columns()) {
    write_csv_record(out, {std::string(c.name), std::string(c.type), std::string(c.description_pl),
                           std::string(c.description_en)});
  }
  for (const auto& e : excluded_fields()) {
    write_csv_record(
        out, {std::string(e.model_field), "wyłączone / excluded", "", std::string(e.reason)});
  }
}

}  // namespace bdp::opendata
