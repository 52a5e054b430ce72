// PNG bytes of an RGB image (the thumbnails of PDF pages). Internal to the extract module.
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bdp::extract {

// `rgb` holds height rows of width * 3 bytes (R, G, B), top row first. REQUIRES:
// rgb.size() == width * height * 3, width and height > 0. Empty on a zlib failure.
std::string encode_png(std::string_view rgb, std::uint32_t width, std::uint32_t height);

}  // namespace bdp::extract
