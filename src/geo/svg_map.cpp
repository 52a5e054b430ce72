#include "geo/svg_map.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/html_escape.h"
#include "geo/web_mercator.h"

namespace bdp::geo {
namespace {

// Maps world coordinates onto the viewBox, fitted to Poland's outline with a margin.
struct Frame {
  WorldPoint origin;
  double scale = 1;
  double height = 0;

  static Frame fit(const std::vector<Ring>& outline, int width) {
    double x0 = std::numeric_limits<double>::max(), y0 = x0, x1 = -x0, y1 = -x0;
    for (const auto& ring : outline) {
      for (const auto& p : ring) {
        const WorldPoint w = project(p);
        x0 = std::min(x0, w.x), y0 = std::min(y0, w.y);
        x1 = std::max(x1, w.x), y1 = std::max(y1, w.y);
      }
    }
    constexpr double margin = 0.03;  // of the width, on every side
    Frame f;
    f.scale = width * (1 - 2 * margin) / (x1 - x0);
    f.origin = {x0 - width * margin / f.scale, y0 - width * margin / f.scale};
    f.height = std::ceil((y1 - y0) * f.scale + 2 * width * margin);
    return f;
  }
  WorldPoint at(LonLat p) const {
    const WorldPoint w = project(p);
    return {(w.x - origin.x) * scale, (w.y - origin.y) * scale};
  }
};

std::string path_of(const std::vector<Ring>& rings, const Frame& frame) {
  std::string d;
  for (const auto& ring : rings) {
    for (std::size_t i = 0; i < ring.size(); ++i) {
      const WorldPoint p = frame.at(ring[i]);
      d += fmt::format("{}{:.1f} {:.1f}", i == 0 ? "M" : "L", p.x, p.y);
    }
    d += "Z";
  }
  return d;
}

void append_marker(std::string& svg, const SvgMarker& m, const Frame& frame) {
  const WorldPoint p = frame.at(m.point);
  const double r = 4 + 2.5 * std::sqrt(std::max(m.count, 1) - 1.0);
  const std::string label = html_escape(m.label);
  if (!m.href.empty()) {
    svg += fmt::format(R"(<a href="{}" aria-label="{}">)", html_escape(m.href), label);
  }
  // A link is named by its aria-label; the marker of an image map by its title (a tooltip too).
  svg +=
      fmt::format(R"(<circle class="map-marker" cx="{:.1f}" cy="{:.1f}" r="{:.1f}">)", p.x, p.y, r);
  if (m.href.empty()) svg += fmt::format("<title>{}</title>", label);
  svg += "</circle>";
  if (m.count > 1) {
    svg +=
        fmt::format(R"(<text class="map-count" x="{:.1f}" y="{:.1f}" aria-hidden="true">{}</text>)",
                    p.x, p.y + 3.5, m.count);
  }
  if (!m.href.empty()) svg += "</a>";
}

}  // namespace

std::string draw_svg_map(const Gazetteer& gazetteer, std::vector<SvgMarker> markers,
                         const SvgMapOptions& options) {
  const Frame frame = Frame::fit(gazetteer.outline(), options.width);
  const bool links = std::any_of(markers.begin(), markers.end(),
                                 [](const SvgMarker& m) { return !m.href.empty(); });
  std::string svg = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" class="{}" role="{}" aria-label="{}">)",
      options.width, frame.height, html_escape(options.css_class), links ? "group" : "img",
      html_escape(options.title));
  svg += fmt::format(R"(<path class="map-country" d="{}"/>)", path_of(gazetteer.outline(), frame));
  for (const auto& v : gazetteer.voivodeships()) {
    svg += fmt::format(R"(<path class="map-voivodeship" d="{}"><title>{}</title></path>)",
                       path_of(v.rings, frame), html_escape(v.name));
  }
  std::stable_sort(markers.begin(), markers.end(),
                   [](const SvgMarker& a, const SvgMarker& b) { return a.count > b.count; });
  for (const auto& m : markers) append_marker(svg, m, frame);
  svg += "</svg>";
  return svg;
}

}  // namespace bdp::geo
