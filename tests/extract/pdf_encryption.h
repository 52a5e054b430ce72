// The PDF Standard security handler, revision 2 (RC4, 40-bit key; ISO 32000-1, 7.6.3), written
// out for test fixtures: the /O and /U entries for a user and an owner password, and the
// encryption of one object's stream. MD5 (RFC 1321) and RC4 are here in full because nothing
// the extract module links offers them. Test-only; not for protecting anything.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace bdp::extract::testing {

inline std::string md5(const std::string& message) {
  static const std::uint32_t k[64] = {
      0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613,
      0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193,
      0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d,
      0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
      0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
      0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
      0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244,
      0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
      0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
      0xeb86d391};
  static const int r[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                            5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                            4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                            6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
  std::string m = message;
  const std::uint64_t bits = static_cast<std::uint64_t>(message.size()) * 8;
  m += '\x80';
  while (m.size() % 64 != 56) m += '\0';
  for (int i = 0; i < 8; ++i) m += static_cast<char>((bits >> (8 * i)) & 0xFF);
  std::uint32_t h[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  for (std::size_t chunk = 0; chunk < m.size(); chunk += 64) {
    std::uint32_t w[16];
    for (int i = 0; i < 16; ++i) {
      w[i] = 0;
      for (int b = 3; b >= 0; --b) {
        w[i] = (w[i] << 8) | static_cast<unsigned char>(m[chunk + 4 * i + b]);
      }
    }
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; ++i) {
      std::uint32_t f = 0;
      int g = 0;
      if (i < 16) {
        f = (b & c) | (~b & d), g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c), g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d, g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d), g = (7 * i) % 16;
      }
      const std::uint32_t rotated = a + f + k[i] + w[g];
      a = d, d = c, c = b;
      b = b + ((rotated << r[i]) | (rotated >> (32 - r[i])));
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d;
  }
  std::string digest;
  for (auto word : h) {
    for (int i = 0; i < 4; ++i) digest += static_cast<char>((word >> (8 * i)) & 0xFF);
  }
  return digest;
}

inline std::string rc4(const std::string& key, const std::string& data) {
  std::array<unsigned char, 256> s;
  for (int i = 0; i < 256; ++i) s[i] = static_cast<unsigned char>(i);
  for (int i = 0, j = 0; i < 256; ++i) {
    j = (j + s[i] + static_cast<unsigned char>(key[i % key.size()])) & 0xFF;
    std::swap(s[i], s[j]);
  }
  std::string out = data;
  for (std::size_t n = 0, i = 0, j = 0; n < out.size(); ++n) {
    i = (i + 1) & 0xFF;
    j = (j + s[i]) & 0xFF;
    std::swap(s[i], s[j]);
    out[n] = static_cast<char>(out[n] ^ s[(s[i] + s[j]) & 0xFF]);
  }
  return out;
}

inline std::string pdf_padded(const std::string& password) {
  static const std::string padding(
      "\x28\xBF\x4E\x5E\x4E\x75\x8A\x41\x64\x00\x4E\x56\xFF\xFA\x01\x08"
      "\x2E\x2E\x00\xB6\xD0\x68\x3E\x80\x2F\x0C\xA9\xFE\x64\x53\x69\x7A",
      32);
  return (password + padding).substr(0, 32);
}

inline std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : bytes) out += {digits[c >> 4], digits[c & 15]};
  return out;
}

// What a revision-2 encryption needs: the file key and the /O, /U entries.
struct PdfEncryption {
  std::string key, owner_entry, user_entry;
};

inline PdfEncryption pdf_encryption(const std::string& user, const std::string& owner,
                                    std::int32_t permissions, const std::string& id) {
  PdfEncryption e;
  e.owner_entry = rc4(md5(pdf_padded(owner)).substr(0, 5), pdf_padded(user));
  std::string p;
  for (int i = 0; i < 4; ++i) {
    p += static_cast<char>((static_cast<std::uint32_t>(permissions) >> (8 * i)) & 0xFF);
  }
  e.key = md5(pdf_padded(user) + e.owner_entry + p + id).substr(0, 5);
  e.user_entry = rc4(e.key, pdf_padded(""));
  return e;
}

// The key of object `number` (generation 0): MD5(file key, number, generation), 10 bytes.
inline std::string pdf_object_key(const PdfEncryption& e, int number) {
  std::string salt;
  for (int i = 0; i < 3; ++i) salt += static_cast<char>((number >> (8 * i)) & 0xFF);
  salt += std::string(2, '\0');
  return md5(e.key + salt).substr(0, 10);
}

}  // namespace bdp::extract::testing
