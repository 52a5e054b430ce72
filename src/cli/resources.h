// Where bdp finds its read-only resources (assets/, data/demo.json, config/bdp.json) when no
// flag names them: the working directory first, then the source tree the binary was built in
// (<binary>/../), so `build/bdp serve` works from anywhere in a checkout.
#pragma once

#include <string>

namespace bdp::cli {

// The first existing of ./<relative> and <binary dir>/../<relative>; ./<relative> if neither.
std::string resource_path(const std::string& relative);

}  // namespace bdp::cli
