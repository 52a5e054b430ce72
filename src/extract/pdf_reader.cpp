#include "extract/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "extract/png_encoder.h"
#include "extract/utf8_text.h"

namespace bdp::extract {
namespace {

constexpr double kThumbnailPixels = 300;

// Poppler reports damage in a file on stderr by default; a hostile upload would fill the log.
void silence_poppler() {
  static std::once_flag once;
  std::call_once(
      once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

bool only_whitespace(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
  });
}

// The first page scaled so that its longest side is kThumbnailPixels, as PNG.
std::string thumbnail(const poppler::page& page) {
  if (!poppler::page_renderer::can_render()) return {};
  const poppler::rectf box = page.page_rect();
  const double longest = std::max(box.width(), box.height());
  if (longest <= 0) return {};
  const double dpi = 72.0 * kThumbnailPixels / longest;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_argb32);
  const poppler::image image = renderer.render_page(&page, dpi, dpi);
  if (!image.is_valid() || image.format() != poppler::image::format_argb32) return {};
  const int w = image.width(), h = image.height();
  std::string rgb;
  rgb.reserve(static_cast<std::size_t>(w) * h * 3);
  const auto stride = static_cast<std::ptrdiff_t>(image.bytes_per_row());
  for (std::ptrdiff_t y = 0; y < h; ++y) {
    // argb32 is one native-endian 0xAARRGGBB word per pixel: B, G, R, A in memory here.
    const auto* row = reinterpret_cast<const unsigned char*>(image.const_data() + y * stride);
    for (std::ptrdiff_t x = 0; x < w; ++x) {
      rgb += static_cast<char>(row[4 * x + 2]);
      rgb += static_cast<char>(row[4 * x + 1]);
      rgb += static_cast<char>(row[4 * x]);
    }
  }
  return encode_png(rgb, static_cast<std::uint32_t>(w), static_cast<std::uint32_t>(h));
}

Extraction read_document(poppler::document& doc, const UploadLimits& limits) {
  Extraction out;
  std::uint64_t total = 0;
  for (int i = 0; i < doc.pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc.create_page(i));
    if (!page) continue;
    if (i == 0) out.thumbnail_png = thumbnail(*page);
    const poppler::byte_array utf8 = page->text().to_utf8();
    std::string text = repair_utf8(std::string_view(utf8.data(), utf8.size()));
    if (only_whitespace(text)) continue;
    total += text.size();
    if (total > limits.max_text_bytes) {
      out.status = TextStatus::too_large;
      out.pages.clear();
      return out;
    }
    out.pages.push_back(PageText{i + 1, std::move(text)});
  }
  out.status = out.pages.empty() ? TextStatus::no_text : TextStatus::ok;
  return out;
}

}  // namespace

Extraction read_pdf(const std::filesystem::path& path, const UploadLimits& limits) {
  silence_poppler();
  try {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path.string()));
    if (!doc) return Extraction{TextStatus::failed, {}, {}};
    if (doc->is_locked()) return Extraction{TextStatus::encrypted, {}, {}};
    return read_document(*doc, limits);
  } catch (const std::bad_alloc&) {
    return Extraction{TextStatus::too_large, {}, {}};  // the child's RLIMIT_AS, typically
  } catch (const std::exception&) {
    return Extraction{TextStatus::failed, {}, {}};
  }
}

}  // namespace bdp::extract
