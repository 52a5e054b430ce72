// Brotli decompression for tests (the server only compresses). Test-only.
#pragma once

#include <brotli/decode.h>

#include <optional>
#include <string>
#include <string_view>

namespace bdp::http::testing {

// The bytes of one Brotli stream, or nullopt when `data` is not valid Brotli.
inline std::optional<std::string> unbrotli(std::string_view data) {
  BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (state == nullptr) return std::nullopt;
  const auto* in = reinterpret_cast<const std::uint8_t*>(data.data());
  std::size_t available_in = data.size();
  std::string out;
  BrotliDecoderResult rc = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
  while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
    std::uint8_t buf[16384];
    std::uint8_t* next_out = buf;
    std::size_t available_out = sizeof buf;
    rc = BrotliDecoderDecompressStream(state, &available_in, &in, &available_out, &next_out,
                                       nullptr);
    out.append(reinterpret_cast<const char*>(buf), sizeof buf - available_out);
  }
  BrotliDecoderDestroyInstance(state);
  if (rc != BROTLI_DECODER_RESULT_SUCCESS || available_in != 0) return std::nullopt;
  return out;
}

}  // namespace bdp::http::testing
