// Bytes as lower-case hexadecimal (digests, random keys), for the store's rows.
#pragma once

#include <cstddef>
#include <string>

namespace bdp::sql {

std::string hex(const unsigned char* bytes, std::size_t size);

}  // namespace bdp::sql
