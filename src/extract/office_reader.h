// The text of DOCX, ODT, XLSX and ODS files: one XML member of the zip read through libxml2's
// streaming reader, without network, DTD or entity loading, inflated at most to the limits.
// Internal to the extract module; callers use extract_text. Never throws; thread-safe for
// different files.
#pragma once

#include <filesystem>

#include "extract/text.h"

namespace bdp::extract {

// REQUIRES: kind is docx, odt, xlsx or ods.
Extraction read_office(const std::filesystem::path& path, FileKind kind,
                       const UploadLimits& limits);

}  // namespace bdp::extract
