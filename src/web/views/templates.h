// Templates: every assets/templates/*.mustache parsed once at start; rendering escapes by
// default with the project's one escaper. Thread-safe (each template renders under its lock).
#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/result.h"

namespace bdp::web {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::list;

// A string that a template tests with {{#name}}…{{/name}}: mustache treats every string, even
// "", as true, so an empty one must be passed as false.
inline Data optional_text(const std::string& text) {
  return text.empty() ? Data(false) : Data(text);
}

class Templates {
 public:
  // Parses every *.mustache in `dir`; invalid_input names the file and the parse error.
  static Result<std::unique_ptr<Templates>> load(const std::string& dir);
  // Renders template `name` (file name without extension); every other template is available
  // to it as a partial ({{> name}}). REQUIRES: the template exists.
  std::string render(const std::string& name, Data data) const;

 private:
  struct Entry {
    std::unique_ptr<kainjow::mustache::mustache> tmpl;
    std::unique_ptr<std::mutex> lock;  // kainjow's render is not const
    std::string source;                // served as a partial
  };
  std::map<std::string, Entry> templates_;
};

}  // namespace bdp::web
