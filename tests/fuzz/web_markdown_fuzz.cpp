// libFuzzer target: Markdown an editor or a submitter writes, rendered into a page.
// Property: every tag in the HTML is one cmark-gfm makes (raw HTML in the input is dropped,
// '<' in text escaped), with only the attributes cmark sets, and no link or image to a
// javascript:, vbscript: or data: address.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "web/markdown.h"

namespace {

const std::set<std::string, std::less<>> kTags = {
    "a",     "blockquote", "br", "code",  "del", "em", "h1",    "h2",  "h3",     "h4",
    "h5",    "h6",         "hr", "img",   "li",  "ol", "p",     "pre", "strong", "table",
    "tbody", "td",         "th", "thead", "tr",  "ul", "input", "sup", "section"};
const std::set<std::string, std::less<>> kAttributes = {
    "href", "src", "alt", "title", "align", "start", "type", "checked", "disabled", "class"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Checks one tag's inside ("a href=\"x\"", "/p", "br /"); false when it is not cmark's own.
bool allowed_tag(std::string_view tag) {
  if (tag == "!-- raw HTML omitted --") return true;  // what cmark leaves of raw HTML
  if (!tag.empty() && tag.front() == '/') tag.remove_prefix(1);
  const std::size_t name_end = tag.find_first_of(" /");
  if (!kTags.contains(tag.substr(0, name_end))) return false;
  std::size_t i = name_end;
  while (i != std::string_view::npos && i < tag.size()) {
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '/')) ++i;
    if (i >= tag.size()) break;
    const std::size_t eq = tag.find_first_of("= ", i);
    const std::string_view name = tag.substr(i, eq - i);
    if (!kAttributes.contains(name)) return false;
    if (eq == std::string_view::npos || tag[eq] == ' ') {
      i = eq;
      continue;
    }
    if (eq + 1 >= tag.size() || tag[eq + 1] != '"') return false;
    const std::size_t close = tag.find('"', eq + 2);
    if (close == std::string_view::npos) return false;
    const std::string value = lower(tag.substr(eq + 2, close - eq - 2));
    if ((name == "href" || name == "src") &&
        (value.starts_with("javascript:") || value.starts_with("vbscript:") ||
         value.starts_with("data:"))) {
      return false;
    }
    i = close + 1;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string html =
      bdp::web::render_markdown(std::string_view(reinterpret_cast<const char*>(data), size));
  for (std::size_t open = html.find('<'); open != std::string::npos; open = html.find('<', open)) {
    const std::size_t close = html.find('>', open);
    if (close == std::string::npos) __builtin_trap();  // a '<' of text left unescaped
    if (!allowed_tag(std::string_view(html).substr(open + 1, close - open - 1))) __builtin_trap();
    open = close;
  }
  return 0;
}
