// The bulk dumps of the published practices: praktyki.csv (RFC 4180, UTF-8, a header row of
// column names, one record per practice) and praktyki.jsonl.gz (one JSON object per line,
// gzipped), both with the columns of columns.h, written in one pass over the store in pages of
// kDumpBatch practices, so memory stays flat however many there are. Also the field dictionary.
// Thread-safety: as the Store; the streams belong to the caller.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>

#include "core/result.h"
#include "opendata/practice_record.h"
#include "store/store.h"

namespace bdp::opendata {

inline constexpr int kDumpBatch = 500;

// Writes both dumps of the published practices of `store`; returns how many practices were
// written. Each page is one read snapshot (a write between pages may show in later pages only).
// `cancelled`, when given, is asked before each page. Errors: the store's, or unavailable when
// a stream fails or the dumps were cancelled.
Result<std::int64_t> write_dumps(Store& store, const RecordContext& context, std::ostream& csv,
                                 std::ostream& jsonl_gz,
                                 const std::function<bool()>& cancelled = {});

// The field dictionary as CSV: pole,typ,opis,description — one record per column — followed
// by the excluded model fields with "wyłączone"/"excluded" as their type and the reason.
void write_field_dictionary(std::ostream& out);

}  // namespace bdp::opendata
