// Attachments of old pages kept as documents of the library (`bdp import-legacy --attachments
// DIR`): the file a link names is looked up in DIR by the link's path (percent-decoded), whole
// or without its leading folders (pliki/523/x.pdf, 523/x.pdf, x.pdf: the first that exists);
// found and accepted by its content (extract/sniff.h, the checks of an upload), it becomes
// a document of the practice and its unit (title: the link's text; kind guessed from it) whose
// first version is the file, under its old name. A link whose file is missing or refused stays
// a link of the practice, with a warning that says why.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/result.h"
#include "legacy/legacy_page.h"
#include "model/practice.h"
#include "store/document_store.h"

namespace bdp::legacy {

struct AttachedFiles {
  std::vector<Attachment> links;  // the attachments left as links
  std::vector<Warning> warnings;
  int stored = 0;  // documents added (in a dry run: that would be)
};

// Takes the files of `practice.attachments` (a stored practice: its id and unit_id are set)
// from `dir`. A document of the practice holding a version of the same file name and size is
// the file imported before (or linked twice): nothing is added for it again. Errors: the store's
// (what was added before stays, and is found again next time).
Result<AttachedFiles> attach_files(DocumentStore& documents, const Practice& practice,
                                   const std::filesystem::path& dir, bool dry_run,
                                   std::int64_t now);

}  // namespace bdp::legacy
