#include "legacy/contacts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "legacy/plain_text.h"

namespace bdp::legacy {
namespace {

constexpr std::string_view field = "Osoby kontaktowe";

char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Position of `needle` (lower-case ASCII) in `text`, ignoring ASCII case; npos when absent.
std::size_t find_ascii_ci(std::string_view text, std::string_view needle, std::size_t from = 0) {
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && lower_ascii(text[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// Strips a leading label like "tel.:" or "e@mail:" (any of `labels`, ASCII case-insensitive)
// and the punctuation after it; returns false when none matches.
bool strip_label(std::string_view& text, std::initializer_list<std::string_view> labels) {
  for (const auto label : labels) {
    if (find_ascii_ci(text.substr(0, label.size()), label) != 0) continue;
    const std::size_t after = label.size();
    // "tel" must not be the start of a word such as "telewizja".
    if (after < text.size() && std::isalpha(static_cast<unsigned char>(text[after]))) continue;
    text.remove_prefix(after);
    while (!text.empty() && (text[0] == '.' || text[0] == ':' || text[0] == ' ' || text[0] == '/' ||
                             text[0] == '-')) {
      text.remove_prefix(1);
    }
    return true;
  }
  return false;
}

const std::initializer_list<std::string_view> email_labels = {"e@mail", "e-mail", "email",
                                                              "adres e-mail", "mail"};
const std::initializer_list<std::string_view> fax_labels = {"faks", "fax"};
const std::initializer_list<std::string_view> phone_labels = {
    "tel. kom", "tel./fax", "tel./faks", "telefon", "tel", "kom", "tel.kom"};

bool is_upper_initial(std::string_view word) {
  if (word.empty()) return false;
  const auto c = static_cast<unsigned char>(word[0]);
  if (c >= 'A' && c <= 'Z') return true;
  static constexpr std::array<std::string_view, 9> upper = {"Ą", "Ć", "Ę", "Ł", "Ń",
                                                            "Ó", "Ś", "Ź", "Ż"};
  for (const auto u : upper) {
    if (word.starts_with(u)) return true;
  }
  return false;
}

}  // namespace

bool looks_like_name(std::string_view line) {
  int words = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t end = std::min(line.find(' ', i), line.size());
    const std::string_view word = line.substr(i, end - i);
    i = end + 1;
    if (word.empty()) continue;
    for (const char c : word) {
      if (c >= '0' && c <= '9') return false;
    }
    if (word == "mgr" || word == "dr" || word == "inż." || word == "prof." || word == "hab.") {
      continue;
    }
    if (!is_upper_initial(word)) return false;
    ++words;
  }
  return words >= 2 && words <= 4;
}

namespace {

struct Builder {
  std::vector<Contact> contacts;
  std::vector<Warning>& warnings;
  Contact current;
  bool has_details = false;  // a phone or an e-mail was seen for `current`

  bool empty() const { return current.name.empty() && current.position.empty() && !has_details; }

  void finish() {
    if (empty()) return;
    if (current.name.empty()) {
      warnings.push_back(
          {std::string(field), "a contact person without a name: '" + current.position + "'"});
    }
    contacts.push_back(std::move(current));
    current = {};
    has_details = false;
  }

  void add_email(std::string_view text) {
    // The address is the first word with an '@'; the rest of the line is reported.
    std::string_view address;
    std::size_t i = 0;
    while (i < text.size()) {
      const std::size_t end = std::min(text.find_first_of(" ,;", i), text.size());
      const std::string_view word = text.substr(i, end - i);
      if (word.find('@') != std::string_view::npos) {
        address = word;
        break;
      }
      i = end + 1;
    }
    if (address.empty()) {
      warnings.push_back({std::string(field), "no e-mail address in '" + std::string(text) + "'"});
      return;
    }
    if (!current.email.empty()) {
      warnings.push_back({std::string(field), "a second e-mail for '" + current.name +
                                                  "' kept only here: '" + std::string(address) +
                                                  "'"});
      return;
    }
    current.email = std::string(address);
    has_details = true;
  }

  void add_phones(std::string_view text, std::string_view prefix) {
    std::size_t i = 0;
    while (i <= text.size()) {
      std::size_t end = std::min(text.find_first_of(",;", i), text.size());
      const std::size_t lub = find_ascii_ci(text.substr(0, end), " lub ", i);
      if (lub != std::string_view::npos) end = lub;
      const std::string number = collapse_spaces(text.substr(i, end - i));
      if (!number.empty()) current.phones.push_back(std::string(prefix) + number);
      i = end + (end == lub ? 5 : 1);
    }
    has_details = true;
  }

  void add_text(const std::string& line) {
    if (has_details) finish();
    if (current.name.empty()) {
      current.name = line;
    } else if (current.position.empty()) {
      current.position = line;
    } else if (looks_like_name(line)) {
      finish();
      current.name = line;
    } else {
      current.position += ", " + line;
    }
  }

  void add_line(std::string_view line) {
    // "tel. 61 28 36 107, e-mail: x@y.pl": the e-mail part is read on its own.
    for (const auto label : {"e@mail", "e-mail", "email"}) {
      const std::size_t at = find_ascii_ci(line, label);
      if (at == std::string_view::npos || at == 0) continue;
      if (line[at - 1] != ' ' && line[at - 1] != ',' && line[at - 1] != ';') continue;
      std::string_view before = trim(line.substr(0, at));
      while (!before.empty() && (before.back() == ',' || before.back() == ';')) {
        before.remove_suffix(1);
      }
      add_line(trim(before));
      add_line(line.substr(at));
      return;
    }
    std::string_view rest = line;
    if (strip_label(rest, email_labels)) return add_email(rest);
    if (strip_label(rest, fax_labels)) return add_phones(rest, "faks ");
    if (strip_label(rest, phone_labels)) return add_phones(rest, "");
    if (rest.find('@') != std::string_view::npos && rest.find(' ') == std::string_view::npos) {
      return add_email(rest);
    }
    if (!rest.empty()) add_text(std::string(rest));
  }
};

}  // namespace

std::vector<Contact> read_contacts(const std::vector<std::string>& lines,
                                   std::vector<Warning>& warnings) {
  Builder builder{.contacts = {}, .warnings = warnings, .current = {}};
  for (const auto& line : lines) {
    if (line.empty()) {
      builder.finish();
      continue;
    }
    builder.add_line(collapse_spaces(line));
  }
  builder.finish();
  return std::move(builder.contacts);
}

}  // namespace bdp::legacy
