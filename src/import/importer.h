// `bdp import-legacy PATH...`: imports old portal practice pages (text dumps and HTML) into a
// Store. Units are matched, not duplicated (conflicts resolved by the newest record and
// reported); sections are found or created by breadcrumb; practices keep their old id and are
// keyed by Practice::source_key, so importing a page again updates it. A page that cannot be
// read or saved is reported with its file and reason, and the rest still imports. Given the
// folder of the old attachments, their files become documents of the library.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "import/import_report.h"
#include "store/store.h"

namespace bdp::legacy {

struct ImportOptions {
  std::vector<std::string> paths;  // files or folders (see list_page_files)
  bool dry_run = false;            // read and match everything, write nothing to the store
  std::string report_path;         // write the JSON report here when not empty
  bool progress = false;           // a progress bar on stderr (drawn only on a terminal)
  std::string attachments_dir;     // take attachments' files from here (import/attachment_files.h)
};

// Runs the import. Errors only for the run as a whole: the store cannot list its sections or
// units (unavailable), or the report cannot be written (unavailable; the import itself is done
// by then). Per-page failures are in the report. `store` is borrowed; not thread-safe with
// another import on the same store.
Result<ImportReport> run_import(Store& store, const ImportOptions& options);

}  // namespace bdp::legacy
