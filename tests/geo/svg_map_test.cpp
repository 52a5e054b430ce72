#include "geo/svg_map.h"

#include <gtest/gtest.h>

#include <regex>

#include "gazetteer_fixture.h"

namespace bdp::geo {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(SvgMap, DrawsTheSixteenVoivodeshipsAndALinkPerMarker) {
  const auto svg = draw_svg_map(shipped_gazetteer(),
                                {{{17.015, 52.089}, 3, "Śrem: 3 praktyki", "/mapa?miejsce=srem"},
                                 {{19.937, 50.061}, 1, "Kraków: 1 praktyka", "/praktyki/1-a"}},
                                {.width = 600, .title = "Mapa <praktyk>", .css_class = "map"});
  EXPECT_TRUE(svg.starts_with(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 )"));
  EXPECT_NE(svg.find(R"(class="map" role="group" aria-label="Mapa &lt;praktyk&gt;")"),
            std::string::npos);
  EXPECT_EQ(count(svg, R"(class="map-voivodeship")"), 16u);
  EXPECT_EQ(count(svg, "<a href="), 2u);
  EXPECT_NE(svg.find(R"(<a href="/mapa?miejsce=srem" aria-label="Śrem: 3 praktyki">)"),
            std::string::npos);
  // The count is written in the marker of several; the larger is drawn first.
  EXPECT_NE(svg.find(R"(aria-hidden="true">3</text>)"), std::string::npos);
  EXPECT_LT(svg.find("Śrem: 3"), svg.find("Kraków: 1"));
  EXPECT_TRUE(svg.ends_with("</svg>"));
}

TEST(SvgMap, PlacesAMarkerWherePolandIs) {
  const auto svg = draw_svg_map(shipped_gazetteer(), {{{17.015, 52.089}, 1, "Śrem", ""}}, {});
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex(R"re(viewBox="0 0 600 (\d+)")re")));
  const double height = std::stod(m[1]);
  EXPECT_NEAR(height, 600 * 0.95, 600 * 0.15);  // Poland is about as tall as wide in Mercator
  ASSERT_TRUE(std::regex_search(
      svg, m, std::regex(R"re(<circle class="map-marker" cx="([\d.]+)" cy="([\d.]+)")re")));
  // Śrem: a third of the way from the west, just north of the middle.
  EXPECT_NEAR(std::stod(m[1]) / 600, 0.30, 0.05);
  EXPECT_NEAR(std::stod(m[2]) / height, 0.45, 0.07);
  EXPECT_NE(svg.find(R"(role="img")"), std::string::npos);  // no links: one image
  EXPECT_EQ(svg.find("<a "), std::string::npos);
}

}  // namespace
}  // namespace bdp::geo
