// The text and first-page thumbnail of a PDF through poppler-cpp. Internal to the extract
// module; callers use extract_text. Never throws; thread-safe for different files.
#pragma once

#include <filesystem>

#include "extract/text.h"

namespace bdp::extract {

Extraction read_pdf(const std::filesystem::path& path, const UploadLimits& limits);

}  // namespace bdp::extract
