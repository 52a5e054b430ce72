// libFuzzer target: a JSON import document (`bdp import`, the demo data, backups).
// Properties: never a crash or an exception; a document that imports exports to JSON that
// imports again to the same dataset (export → import → export gives the same bytes).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "exchange/exchange.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto imported = bdp::exchange::from_json(text);
  if (!imported) return 0;
  const std::string exported = bdp::exchange::to_json(*imported);
  auto again = bdp::exchange::from_json(exported);
  if (!again) __builtin_trap();
  if (bdp::exchange::to_json(*again) != exported) __builtin_trap();
  return 0;
}
