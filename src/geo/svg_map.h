// SVG maps of Poland drawn on the server (no JavaScript, no tiles): the voivodeships of the
// gazetteer in Web Mercator and round markers over them, sized by their count. Styled by the
// classes map-voivodeship, map-marker and map-count (assets/css/bdp.css); no inline style.
// Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "geo/gazetteer.h"

namespace bdp::geo {

struct SvgMarker {
  LonLat point;
  int count = 1;      // shown in the marker when more than 1
  std::string label;  // the accessible name, plain text ("Śrem: 3 praktyki")
  std::string href;   // a link when not empty
};

struct SvgMapOptions {
  int width = 600;        // of the viewBox; the height follows Poland's shape
  std::string title;      // the map's accessible name, plain text
  std::string css_class;  // on the <svg> element
};

// The map as one <svg> element. With links it is a group of links (each marker a focusable
// link named by its label); without, one image named by the title. Text is escaped. Markers are
// drawn largest first, so a small one is never hidden under a big one.
std::string draw_svg_map(const Gazetteer& gazetteer, std::vector<SvgMarker> markers,
                         const SvgMapOptions& options);

}  // namespace bdp::geo
