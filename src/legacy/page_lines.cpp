#include "legacy/page_lines.h"

#include <algorithm>
#include <array>
#include <optional>

#include "legacy/legacy_address.h"
#include "legacy/markdown_text.h"
#include "legacy/metryka_block.h"
#include "legacy/metryka_values.h"
#include "legacy/plain_text.h"

namespace bdp::legacy {
namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

// The top-level sections of the old portal (DESIGN.md §1.2), folded: a breadcrumb starts with one.
bool is_top_section(std::string_view folded) {
  static constexpr std::array<std::string_view, 7> names = {
      "usługi społeczne",         "usługi techniczne",  "rozwój instytucjonalny",
      "efektywność energetyczna", "współpraca jst-ngo", "współpraca między jst",
      "dialog społeczny"};
  for (const auto name : names) {
    if (folded == name) return true;
  }
  return false;
}

// Entries of the old menu that are pages of their own, not sections.
bool is_menu_page(std::string_view folded) {
  static constexpr std::array<std::string_view, 6> names = {
      "strona główna",    "smup", "mapa praktyk", "inne bazy danych", "publikacje i dokumenty",
      "portal jst.org.pl"};
  return std::find(names.begin(), names.end(), folded) != names.end();
}

bool is_tab_bar(std::string_view folded) {
  return folded.find("skrót i metryka") != std::string_view::npos;
}

// A menu or breadcrumb entry without the "»" that marks a subsection.
std::string_view without_arrow(std::string_view folded) {
  if (folded.starts_with("»")) folded.remove_prefix(std::string_view("»").size());
  return trim(folded);
}

std::string_view without_colon(std::string_view folded) {
  if (folded.ends_with(':')) folded.remove_suffix(1);
  return trim(folded);
}

// "1.756.567" followed by "gości odwiedziło nas".
bool is_counter_at(const std::vector<std::string>& folded, std::size_t i) {
  if (folded[i].empty() || !read_population(folded[i]) ||
      folded[i].find_first_not_of("0123456789. ") != std::string::npos) {
    return false;
  }
  for (std::size_t k = i + 1; k < folded.size(); ++k) {
    if (folded[k].empty()) continue;
    return folded[k].starts_with("gości odwiedziło");
  }
  return false;
}

// Chrome below the content: funding lines, copyright, the programme header repeated.
bool is_footer(std::string_view folded, std::string_view programme) {
  if (folded.starts_with("projekt współfinansowany") || folded.starts_with("copyright") ||
      folded.starts_with("©")) {
    return true;
  }
  return folded.size() >= 20 && programme.starts_with(folded);
}

// The methodology heading `folded` names ("1. Opis sytuacji przed wdrożeniem:"), or nullptr.
const MethodologyHeading* methodology_heading(std::string_view folded) {
  std::size_t digits = 0;
  while (digits < folded.size() && folded[digits] >= '0' && folded[digits] <= '9') ++digits;
  if (digits > 0 && digits < folded.size() && (folded[digits] == '.' || folded[digits] == ')')) {
    folded = trim(folded.substr(digits + 1));
  }
  folded = without_colon(folded);
  static const std::vector<std::string> headings = [] {
    std::vector<std::string> out;
    for (const auto& heading : methodology()) out.push_back(fold(heading.heading));
    return out;
  }();
  for (std::size_t i = 0; i < headings.size(); ++i) {
    if (headings[i] == folded) return &methodology()[i];
  }
  return nullptr;
}

// Strips the separators between an attachment's title and its address: " - ", " – ", ":", "(".
void trim_separators(std::string& title) {
  constexpr std::string_view en_dash = "–";
  for (;;) {
    if (!title.empty() && std::string_view(" -:(").find(title.back()) != std::string_view::npos) {
      title.pop_back();
    } else if (title.ends_with(en_dash)) {
      title.resize(title.size() - en_dash.size());
    } else {
      return;
    }
  }
}

std::string file_name_of(std::string_view url) {
  const auto slash = url.find_last_of('/');
  return std::string(slash == std::string_view::npos ? url : url.substr(slash + 1));
}

// Markdown paragraphs: lines of one paragraph joined by a newline, paragraphs by a blank line.
class Paragraphs {
 public:
  void add(const std::string& line) {
    if (line.empty()) {
      if (!text_.empty()) blank_ = true;
      return;
    }
    if (!text_.empty()) text_ += blank_ ? "\n\n" : "\n";
    blank_ = false;
    text_ += markdown_line(line);
  }
  std::string take() { return std::exchange(text_, {}); }

 private:
  std::string text_;
  bool blank_ = false;
};

class Reader {
 public:
  explicit Reader(const std::vector<PageLine>& lines) : lines_(lines) {
    for (const auto& line : lines) {
      text_.push_back(collapse_spaces(line.text));
      folded_.push_back(fold(text_.back()));
    }
  }

  Result<LegacyPage> read() {
    read_addresses();
    find_anchors();
    if (tab_bar_ == none && metryka_ == none && breadcrumb_ == none) {
      return fail(ErrorKind::invalid_input,
                  "not a practice page of the old portal: no 'Skrót i Metryka' tabs, no "
                  "'Metryka praktyki' block and no breadcrumb");
    }
    read_header();
    const std::size_t content = read_title();
    if (page_.title.empty()) return fail(ErrorKind::invalid_input, "the page has no title");
    read_content(content);
    return std::move(page_);
  }

 private:
  void take_address(const LegacyAddress& address) {
    if (!page_.art) {
      page_.art = address.art;
      page_.p1 = address.p1;
      page_.p2 = address.p2;
    } else if (*page_.art != address.art) {
      page_.warnings.push_back(
          {"page", "links to several practices (art=" + std::to_string(*page_.art) +
                       " and art=" + std::to_string(address.art) + "); the first is kept"});
    }
  }

  // The old id: from the tab links when there are any, else from any address on the page.
  void read_addresses() {
    for (const bool tabs_only : {true, false}) {
      for (std::size_t i = 0; i < lines_.size(); ++i) {
        if (tabs_only && !is_tab_bar(folded_[i])) continue;
        for (const auto& link : lines_[i].links) {
          if (auto address = parse_legacy_href(link.href)) take_address(*address);
        }
        const auto at = text_[i].find("index.php?");
        if (at == std::string::npos) continue;
        const auto end = text_[i].find(' ', at);
        if (auto address = parse_legacy_href(std::string_view(text_[i]).substr(at, end - at))) {
          take_address(*address);
          address_lines_.push_back(i);
        }
      }
      if (page_.art) return;
    }
  }

  void find_anchors() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (tab_bar_ == none && is_tab_bar(folded_[i])) tab_bar_ = i;
      if (metryka_ == none && without_colon(folded_[i]) == "metryka praktyki") metryka_ = i;
      if (counter_ == none && is_counter_at(folded_, i)) counter_ = i;
    }
    const std::size_t from = counter_ == none ? 0 : counter_ + 1;
    const std::size_t to = std::min(tab_bar_, metryka_);
    std::size_t first_pair = none;
    for (std::size_t i = from; i < lines_.size() && i < to; ++i) {
      const auto colon = folded_[i].find(" : ");
      if (colon == std::string::npos) continue;
      if (first_pair == none) first_pair = i;
      std::string_view top = std::string_view(folded_[i]).substr(0, colon);
      if (is_top_section(without_arrow(top))) {
        breadcrumb_ = i;
        break;
      }
    }
    if (breadcrumb_ == none && counter_ != none) breadcrumb_ = first_pair;
    if (breadcrumb_ == none && counter_ != none) breadcrumb_ = one_level_breadcrumb(to);
  }

  // A section without subsections has a one-level breadcrumb (" Efektywność energetyczna"):
  // the first line after the counter, when it names a section of the menu above the counter.
  std::size_t one_level_breadcrumb(std::size_t to) const {
    std::size_t i = counter_ + 3;
    while (i < lines_.size() && i < to && folded_[i].empty()) ++i;
    if (i >= lines_.size() || i >= to) return none;
    const std::string_view name = without_arrow(folded_[i]);
    if (is_menu_page(name)) return none;
    for (std::size_t m = 0; m < counter_; ++m) {
      if (!name.empty() && without_arrow(folded_[m]) == name) return i;
    }
    return none;
  }

  // Programme header (first line, above the menu), visitor counter, breadcrumb.
  void read_header() {
    const std::size_t header_end = std::min({counter_, breadcrumb_, tab_bar_, metryka_});
    for (std::size_t i = 0; i < lines_.size() && i < header_end; ++i) {
      if (text_[i].empty()) continue;
      if (folded_[i] != "strona główna") page_.programme = text_[i];
      break;
    }
    if (counter_ != none) page_.visitor_count = read_population(text_[counter_]);
    if (breadcrumb_ == none) {
      page_.warnings.push_back({"page", "no breadcrumb: the practice is in no section"});
      return;
    }
    std::string_view rest = text_[breadcrumb_];
    while (!rest.empty()) {
      const auto colon = rest.find(" : ");
      std::string part = collapse_spaces(rest.substr(0, colon));
      if (part.starts_with("»")) part = collapse_spaces(part.substr(std::string_view("»").size()));
      if (!part.empty()) page_.section_path.push_back(std::move(part));
      rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 3);
    }
  }

  // The title: the first run of non-empty lines after the breadcrumb (or the counter), up to the
  // tab bar. Returns the index where the content starts.
  std::size_t read_title() {
    if (breadcrumb_ == none && counter_ == none && tab_bar_ != none) return title_above_tab_bar();
    std::size_t i = breadcrumb_ != none ? breadcrumb_ + 1 : counter_ != none ? counter_ + 3 : 0;
    while (i < lines_.size() && text_[i].empty()) ++i;
    std::string title;
    for (; i < lines_.size() && !text_[i].empty() && !is_tab_bar(folded_[i]); ++i) {
      if (i == metryka_) break;
      if (!title.empty()) title += ' ';
      title += text_[i];
    }
    page_.title = collapse_spaces(title);
    return i;
  }

  // With neither breadcrumb nor counter, the title is the run of lines just above the tab bar.
  std::size_t title_above_tab_bar() {
    std::size_t end = tab_bar_;
    while (end > 0 && text_[end - 1].empty()) --end;
    std::size_t begin = end;
    while (begin > 0 && !text_[begin - 1].empty()) --begin;
    std::string title;
    for (std::size_t i = begin; i < end; ++i) title += text_[i] + " ";
    page_.title = collapse_spaces(title);
    return tab_bar_;
  }

  void read_content(std::size_t begin) {
    enum class State { summary, presentation, metryka, attachments } state = State::summary;
    Paragraphs paragraphs;
    MetrykaBlock metryka;
    bool seen_content = false;
    const std::string programme = fold(page_.programme);
    const auto close_paragraphs = [&] {
      std::string text = paragraphs.take();
      if (state == State::summary && !text.empty()) {
        page_.summary = std::move(text);
      } else if (state == State::presentation) {
        page_.presentation.back().body = std::move(text);
      }
    };
    std::size_t i = begin;
    for (; i < lines_.size(); ++i) {
      const std::string& f = folded_[i];
      if (std::find(address_lines_.begin(), address_lines_.end(), i) != address_lines_.end()) {
        continue;
      }
      if (is_tab_bar(f)) {
        if (seen_content) break;  // the closing tab bar: the footer follows
        continue;
      }
      if (is_footer(f, programme)) break;
      if (without_colon(f) == "metryka praktyki") {
        close_paragraphs();
        state = State::metryka;
        seen_content = true;
        continue;
      }
      if (const auto* heading = methodology_heading(f)) {
        close_paragraphs();
        state = State::presentation;
        page_.presentation.push_back({heading->key, heading->heading, ""});
        seen_content = true;
        continue;
      }
      if (without_colon(f) == "załączniki") {
        close_paragraphs();
        state = State::attachments;
        seen_content = true;
        continue;
      }
      seen_content = seen_content || !f.empty();
      switch (state) {
        case State::summary:
        case State::presentation:
          paragraphs.add(text_[i]);
          break;
        case State::attachments:
          read_attachment(i);
          break;
        case State::metryka:
          if (metryka.ends_before(text_[i])) {
            page_.warnings.push_back(
                {"page", "text after the Metryka taken for the footer: '" + text_[i] + "'"});
            i = lines_.size();
            continue;
          }
          metryka.add(text_[i]);
          break;
      }
    }
    close_paragraphs();
    if (metryka_ == none) {
      page_.warnings.push_back({"Metryka praktyki", "the page has no Metryka block"});
      return;
    }
    page_.metryka = metryka.read(page_.warnings);
  }

  void read_attachment(std::size_t i) {
    if (text_[i].empty()) return;
    bool found = false;
    for (const auto& link : lines_[i].links) {
      if (link.href.empty() || parse_legacy_href(link.href)) continue;
      std::string title = collapse_spaces(link.text);
      if (title.empty()) title = file_name_of(link.href);
      page_.attachments.push_back({std::move(title), link.href});
      found = true;
    }
    if (found) return;
    const std::string& line = text_[i];
    for (const std::string_view scheme : {"http://", "https://", "www."}) {
      const auto at = line.find(scheme);
      if (at == std::string::npos) continue;
      const auto end = std::min(line.find(' ', at), line.size());
      std::string url = line.substr(at, end - at);
      while (!url.empty() && (url.back() == ')' || url.back() == ',')) url.pop_back();
      std::string title = collapse_spaces(line.substr(0, at) + " " + line.substr(end));
      trim_separators(title);
      title = collapse_spaces(title);
      if (title.empty()) title = file_name_of(url);
      page_.attachments.push_back({std::move(title), std::move(url)});
      return;
    }
    page_.warnings.push_back({"Załączniki", "no address for '" + line + "'"});
  }

  const std::vector<PageLine>& lines_;
  std::vector<std::string> text_, folded_;
  std::vector<std::size_t> address_lines_;
  std::size_t tab_bar_ = none, metryka_ = none, counter_ = none, breadcrumb_ = none;
  LegacyPage page_;
};

}  // namespace

Result<LegacyPage> parse_page_lines(const std::vector<PageLine>& lines) {
  return Reader(lines).read();
}

}  // namespace bdp::legacy
