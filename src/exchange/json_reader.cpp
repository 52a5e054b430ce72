#include "exchange/json_reader.h"

#include <limits>

namespace bdp::exchange {
namespace {

const Json& empty_array() {
  static const Json value = Json::array();
  return value;
}

const Json& empty_object() {
  static const Json value = Json::object();
  return value;
}

}  // namespace

std::string at(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string at(const std::string& path, const char* key) {
  return path.empty() ? std::string(key) : path + "." + key;
}

void JsonReader::problem(const std::string& path, const std::string& message) {
  if (!error_) error_ = (path.empty() ? std::string("document") : path) + ": " + message;
}

const Json* JsonReader::field(const Json& object, const std::string& path, const char* key,
                              Need need) {
  if (failed() || !object.is_object()) return nullptr;
  auto found = object.find(key);
  if (found == object.end()) {
    if (need == Need::required) problem(at(path, key), "required field is missing");
    return nullptr;
  }
  return &*found;
}

std::string JsonReader::element_text(const Json& value, const std::string& path) {
  if (failed()) return {};
  if (!value.is_string()) {
    problem(path, "expected a string");
    return {};
  }
  return value.get<std::string>();
}

std::int64_t JsonReader::element_integer(const Json& value, const std::string& path) {
  if (failed()) return 0;
  if (value.is_number_unsigned() &&
      value.get<std::uint64_t>() >
          static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    problem(path, "integer out of range");
    return 0;
  }
  if (!value.is_number_integer()) {
    problem(path, "expected an integer");
    return 0;
  }
  return value.get<std::int64_t>();
}

std::string JsonReader::text(const Json& object, const std::string& path, const char* key,
                             Need need) {
  const Json* value = field(object, path, key, need);
  return value ? element_text(*value, at(path, key)) : std::string();
}

std::int64_t JsonReader::integer(const Json& object, const std::string& path, const char* key,
                                 Need need) {
  const Json* value = field(object, path, key, need);
  return value ? element_integer(*value, at(path, key)) : 0;
}

int JsonReader::small_integer(const Json& object, const std::string& path, const char* key,
                              Need need) {
  std::int64_t value = integer(object, path, key, need);
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    problem(at(path, key), "integer out of range");
    return 0;
  }
  return static_cast<int>(value);
}

std::optional<std::int64_t> JsonReader::nullable_integer(const Json& object,
                                                         const std::string& path, const char* key) {
  const Json* value = field(object, path, key, Need::optional);
  if (!value || value->is_null()) return std::nullopt;
  std::int64_t number = element_integer(*value, at(path, key));
  if (failed()) return std::nullopt;
  return number;
}

std::optional<double> JsonReader::nullable_number(const Json& object, const std::string& path,
                                                  const char* key) {
  const Json* value = field(object, path, key, Need::optional);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_number()) {
    problem(at(path, key), "expected a number or null");
    return std::nullopt;
  }
  return value->get<double>();
}

const Json& JsonReader::array(const Json& object, const std::string& path, const char* key,
                              Need need) {
  const Json* value = field(object, path, key, need);
  if (!value) return empty_array();
  if (!value->is_array()) {
    problem(at(path, key), "expected an array");
    return empty_array();
  }
  return *value;
}

const Json& JsonReader::object(const Json& object, const std::string& path, const char* key) {
  const Json* value = field(object, path, key, Need::optional);
  if (!value) return empty_object();
  if (!value->is_object()) {
    problem(at(path, key), "expected an object");
    return empty_object();
  }
  return *value;
}

bool JsonReader::expect_object(const Json& value, const std::string& path) {
  if (failed()) return false;
  if (!value.is_object()) problem(path, "expected an object");
  return !failed();
}

}  // namespace bdp::exchange
