// The gazetteer the portal ships (data/gazetteer.json), loaded once for all geo tests.
#pragma once

#include <gtest/gtest.h>

#include <stdexcept>

#include "geo/gazetteer.h"

namespace bdp::geo {

inline const Gazetteer& shipped_gazetteer() {
  static const Gazetteer g = [] {
    auto loaded = Gazetteer::load(BDP_SOURCE_DIR "/data/gazetteer.json");
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::move(*loaded);
  }();
  return g;
}

}  // namespace bdp::geo
