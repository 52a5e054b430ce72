// Reads typed fields out of a parsed JSON document, remembering the first problem with its JSON
// path ("practices[2].title: expected a string") instead of throwing. Internal to exchange.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace bdp::exchange {

using Json = nlohmann::ordered_json;

class JsonReader {
 public:
  enum class Need { required, optional };

  // Each getter reads `key` of the object `object` found at `path`; a missing optional field
  // gives the default (empty, 0 or nullopt). After a problem every getter returns defaults.
  std::string text(const Json& object, const std::string& path, const char* key,
                   Need need = Need::optional);
  std::int64_t integer(const Json& object, const std::string& path, const char* key,
                       Need need = Need::optional);
  int small_integer(const Json& object, const std::string& path, const char* key,
                    Need need = Need::optional);
  std::optional<std::int64_t> nullable_integer(const Json& object, const std::string& path,
                                               const char* key);
  std::optional<double> nullable_number(const Json& object, const std::string& path,
                                        const char* key);
  // The array at `key` (an empty one when missing and optional); each element at path[i].
  const Json& array(const Json& object, const std::string& path, const char* key,
                    Need need = Need::optional);
  // The object at `key`; an empty one when missing.
  const Json& object(const Json& object, const std::string& path, const char* key);
  // Checks that `value` at `path` is an object (array elements).
  bool expect_object(const Json& value, const std::string& path);
  std::string element_text(const Json& value, const std::string& path);
  std::int64_t element_integer(const Json& value, const std::string& path);

  void problem(const std::string& path, const std::string& message);
  bool failed() const { return error_.has_value(); }
  const std::string& error() const { return *error_; }

 private:
  // The value of `key`, or nullptr when missing (a problem if required) or not an object.
  const Json* field(const Json& object, const std::string& path, const char* key, Need need);
  std::optional<std::string> error_;
};

// "practices" + 2 → "practices[2]"; "practices[2]" + "title" → "practices[2].title".
std::string at(const std::string& path, std::size_t index);
std::string at(const std::string& path, const char* key);

}  // namespace bdp::exchange
