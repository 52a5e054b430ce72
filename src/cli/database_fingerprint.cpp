#include "cli/database_fingerprint.h"

#include <fmt/format.h>
#include <sodium.h>

#include <array>

#include "exchange/exchange.h"

namespace bdp::cli {
namespace {

std::string blake2b(const std::string& bytes) {
  std::array<unsigned char, crypto_generichash_BYTES> hash;
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size(), nullptr, 0);
  std::array<char, crypto_generichash_BYTES * 2 + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  return std::string("blake2b-256:") + hex.data();
}

// Each field as "<length>:<bytes>;", so that no two different states serialise alike.
void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}
void put(std::string& out, std::int64_t number) {
  put(out, std::to_string(number));
}

std::string canonical(const OperationalState& state) {
  std::string out;
  put(out, state.visitor_base);
  put(out, state.visitor_days_counted);
  put(out, static_cast<std::int64_t>(state.recent_visitors.size()));
  for (const auto& visitor : state.recent_visitors) {
    put(out, visitor.day);
    put(out, visitor.hash);
  }
  put(out, static_cast<std::int64_t>(state.daily_salts.size()));
  for (const auto& salt : state.daily_salts) {
    put(out, salt.day);
    put(out, salt.salt);
  }
  put(out, static_cast<std::int64_t>(state.editors.size()));
  for (const auto& editor : state.editors) {
    put(out, editor.id);
    put(out, editor.email);
    put(out, editor.display_name);
    put(out, editor.password_hash);
    put(out, editor.created_at);
    put(out, editor.disabled ? 1 : 0);
  }
  return out;
}

}  // namespace

DatabaseFingerprint fingerprint(const Dataset& content, const OperationalState& state) {
  return {content.sections.size(),
          content.units.size(),
          content.practices.size(),
          content.links.size(),
          state.editors.size(),
          state.visitor_days_counted,
          state.visitor_base + state.visitor_days_counted,
          blake2b(exchange::to_json(content)),
          blake2b(canonical(state))};
}

std::string describe(const DatabaseFingerprint& f) {
  return fmt::format(
      "{} sections, {} units, {} practices, {} links, {} editors, {} visitor-days (counter total "
      "{}); content {}, state {}",
      f.sections, f.units, f.practices, f.links, f.editors, f.visitor_days, f.visitor_total,
      f.content_checksum, f.state_checksum);
}

}  // namespace bdp::cli
