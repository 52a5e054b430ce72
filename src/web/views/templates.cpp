#include "web/views/templates.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/html_escape.h"

namespace bdp::web {

Result<std::unique_ptr<Templates>> Templates::load(const std::string& dir) {
  auto out = std::make_unique<Templates>();
  std::error_code ec;
  for (const auto& file : std::filesystem::directory_iterator(dir, ec)) {
    if (file.path().extension() != ".mustache") continue;
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string source = text.str();
    auto tmpl = std::make_unique<kainjow::mustache::mustache>(source);
    if (!tmpl->is_valid()) {
      return fail(ErrorKind::invalid_input,
                  fmt::format("template {}: {}", file.path().string(), tmpl->error_message()));
    }
    tmpl->set_custom_escape([](const std::string& s) { return html_escape(s); });
    out->templates_.emplace(
        file.path().stem().string(),
        Entry{std::move(tmpl), std::make_unique<std::mutex>(), std::move(source)});
  }
  if (ec)
    return fail(ErrorKind::not_found, fmt::format("template folder {}: {}", dir, ec.message()));
  if (out->templates_.empty()) {
    return fail(ErrorKind::not_found, fmt::format("no *.mustache templates in {}", dir));
  }
  return out;
}

std::string Templates::render(const std::string& name, Data data) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::logic_error("unknown template " + name);
  for (const auto& [partial_name, entry] : templates_) {
    const std::string* source = &entry.source;
    data.set(partial_name, kainjow::mustache::partial([source] { return *source; }));
  }
  std::lock_guard lock(*it->second.lock);
  return it->second.tmpl->render(data);
}

}  // namespace bdp::web
