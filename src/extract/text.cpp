#include "extract/text.h"

#include "extract/office_reader.h"
#include "extract/pdf_reader.h"

namespace bdp::extract {

Extraction extract_text(const std::filesystem::path& path, FileKind kind,
                        const UploadLimits& limits) {
  switch (kind) {
    case FileKind::pdf:
      return read_pdf(path, limits);
    case FileKind::docx:
    case FileKind::odt:
    case FileKind::xlsx:
    case FileKind::ods:
      return read_office(path, kind, limits);
    case FileKind::png:
    case FileKind::jpeg:
      break;
  }
  return Extraction{TextStatus::no_text, {}, {}};
}

}  // namespace bdp::extract
