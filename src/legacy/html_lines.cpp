#include "legacy/html_lines.h"

#include <gumbo.h>

#include <memory>

namespace bdp::legacy {
namespace {

struct OutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

enum class Break { none, line, paragraph };

Break break_of(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
      return Break::paragraph;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_BODY:
      return Break::line;
    default:
      return Break::none;
  }
}

bool skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

class Renderer {
 public:
  std::vector<PageLine> take() {
    new_line(Break::line);
    while (!lines_.empty() && lines_.back().text.empty()) lines_.pop_back();
    return std::move(lines_);
  }

  void text(const char* text) {
    for (const char* c = text; *c; ++c) {  // source line breaks are spaces in HTML
      current().text += (*c == '\n' || *c == '\r' || *c == '\t') ? ' ' : *c;
    }
  }

  void new_line(Break kind) {
    if (kind == Break::none) return;
    if (!lines_.empty() && !blank(lines_.back())) lines_.push_back({});
    if (kind == Break::paragraph && lines_.size() >= 2 && !blank(lines_[lines_.size() - 2])) {
      lines_.push_back({});
    }
  }

  void cell() {
    if (!lines_.empty() && !blank(lines_.back())) current().text += "  ";
  }

  // Where a link's text starts: the current line and the offset in it.
  std::pair<std::size_t, std::size_t> mark() {
    current();
    return {lines_.size() - 1, lines_.back().text.size()};
  }

  void link(std::pair<std::size_t, std::size_t> start, const char* href) {
    PageLine& line = lines_[start.first];
    std::string text = start.first == lines_.size() - 1 ? line.text.substr(start.second) : "";
    line.links.push_back({std::move(text), href});
  }

 private:
  static bool blank(const PageLine& line) {
    return line.text.find_first_not_of(" \xC2\xA0") == std::string::npos && line.links.empty();
  }
  PageLine& current() {
    if (lines_.empty()) lines_.push_back({});
    return lines_.back();
  }
  std::vector<PageLine> lines_;
};

struct Frame {
  const GumboNode* node;
  unsigned next_child = 0;
  std::pair<std::size_t, std::size_t> link_start{};
};

}  // namespace

std::vector<PageLine> html_lines(std::string_view utf8) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the errors of old markup are many and of no use here
  std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&options, utf8.data(), utf8.size()));
  Renderer out;
  std::vector<Frame> stack{{output->root}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboElement& element = frame.node->v.element;
    if (frame.next_child == 0) {  // entering
      if (element.tag == GUMBO_TAG_BR) out.new_line(Break::line);
      if (element.tag == GUMBO_TAG_TD || element.tag == GUMBO_TAG_TH) out.cell();
      out.new_line(break_of(element.tag));
      if (element.tag == GUMBO_TAG_A) frame.link_start = out.mark();
    }
    if (frame.next_child < element.children.length) {
      const auto* child = static_cast<const GumboNode*>(element.children.data[frame.next_child++]);
      if (child->type == GUMBO_NODE_ELEMENT) {
        if (!skipped(child->v.element.tag)) stack.push_back({child});
      } else if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
                 child->type == GUMBO_NODE_CDATA) {
        out.text(child->v.text.text);
      }
      continue;
    }
    if (element.tag == GUMBO_TAG_A) {  // leaving
      if (const GumboAttribute* href = gumbo_get_attribute(&element.attributes, "href")) {
        out.link(frame.link_start, href->value);
      }
    }
    out.new_line(break_of(element.tag));
    stack.pop_back();
  }
  return out.take();
}

}  // namespace bdp::legacy
