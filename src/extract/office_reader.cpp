#include "extract/office_reader.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/utf8_text.h"
#include "extract/zip_archive.h"

namespace bdp::extract {
namespace {

using Names = std::vector<std::string_view>;

// Which elements of one namespace carry text and which end a line.
struct TextRules {
  const char* member;
  const char* ns;
  Names text_inside;  // text counts only inside these; empty: all character data counts
  Names line_after;   // a newline after each (paragraphs, cells, shared strings)
  Names tab;
  Names line_break;
  Names space;
};

const char* const kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const char* const kSheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* const kOdfTextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

const TextRules& rules_for(FileKind kind) {
  // DOCX: only w:t, so that field codes (w:instrText) and deleted runs (w:delText) stay out.
  static const TextRules docx{"word/document.xml", kWordNs, {"t"}, {"p"}, {"tab"},
                              {"br", "cr"},        {}};
  static const TextRules xlsx{"xl/sharedStrings.xml", kSheetNs, {"t"}, {"si"}, {}, {}, {}};
  // ODF: character data sits only in text:p/h/span…; indentation between elements is ignored.
  static const TextRules odf{"content.xml", kOdfTextNs,     {},   {"p", "h"},
                             {"tab"},       {"line-break"}, {"s"}};
  if (kind == FileKind::docx) return docx;
  if (kind == FileKind::xlsx) return xlsx;
  return odf;
}

bool listed(const Names& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

int read_from_member(void* context, char* buffer, int size) {
  auto* reader = static_cast<ZipArchive::Reader*>(context);
  return static_cast<int>(reader->read(buffer, static_cast<std::size_t>(size)));
}

struct FreeReader {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};

class TextCollector {
 public:
  TextCollector(const TextRules& rules, std::uint64_t max_bytes)
      : rules_(rules), max_bytes_(max_bytes) {}

  // False to stop: a DOCTYPE (no part of OOXML or ODF, and where entities are declared) or
  // too much text.
  bool on_node(xmlTextReader* r) {
    switch (xmlTextReaderNodeType(r)) {
      case XML_READER_TYPE_DOCUMENT_TYPE:
        status_ = TextStatus::failed;
        return false;
      case XML_READER_TYPE_ELEMENT:
        on_start(r);
        break;
      case XML_READER_TYPE_END_ELEMENT:
        if (ours(r)) on_end(local_name(r));
        break;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
        if (inside_ > 0 || rules_.text_inside.empty()) append_value(r);
        break;
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        if (inside_ > 0) append_value(r);  // elsewhere it is the file's indentation
        break;
      default:  // entity references stay unexpanded and add nothing; comments, PIs neither
        break;
    }
    if (text_.size() > max_bytes_) {
      status_ = TextStatus::too_large;
      return false;
    }
    return true;
  }

  TextStatus status() const { return status_; }
  std::string take_text() { return std::move(text_); }

 private:
  static std::string_view local_name(xmlTextReader* r) {
    const xmlChar* name = xmlTextReaderConstLocalName(r);
    return name ? reinterpret_cast<const char*>(name) : "";
  }
  bool ours(xmlTextReader* r) const {
    const xmlChar* ns = xmlTextReaderConstNamespaceUri(r);
    return ns != nullptr && std::strcmp(reinterpret_cast<const char*>(ns), rules_.ns) == 0;
  }
  void append_value(xmlTextReader* r) {
    const xmlChar* value = xmlTextReaderConstValue(r);
    if (value != nullptr) text_ += reinterpret_cast<const char*>(value);
  }
  void on_start(xmlTextReader* r) {
    if (!ours(r)) return;
    const std::string_view name = local_name(r);
    if (listed(rules_.tab, name)) text_ += '\t';
    if (listed(rules_.line_break, name)) text_ += '\n';
    if (listed(rules_.space, name)) text_ += ' ';
    if (xmlTextReaderIsEmptyElement(r) == 1) {
      if (listed(rules_.line_after, name)) text_ += '\n';
    } else if (listed(rules_.text_inside, name)) {
      ++inside_;
    }
  }
  void on_end(std::string_view name) {
    if (listed(rules_.text_inside, name) && inside_ > 0) --inside_;
    if (listed(rules_.line_after, name)) text_ += '\n';
  }

  const TextRules& rules_;
  std::uint64_t max_bytes_;
  int inside_ = 0;
  std::string text_;
  TextStatus status_ = TextStatus::ok;
};

Extraction read_member_text(const ZipArchive& archive, const TextRules& rules,
                            const UploadLimits& limits) {
  auto member = archive.open_member(rules.member, limits.max_uncompressed);
  if (!member) {
    // An XLSX without shared strings holds numbers only.
    if (member.error().kind == ErrorKind::not_found && rules.ns == kSheetNs) {
      return Extraction{TextStatus::no_text, {}, {}};
    }
    return Extraction{TextStatus::failed, {}, {}};
  }
  // No XML_PARSE_NOENT (entities stay references), no XML_PARSE_DTDLOAD / DTDATTR / DTDVALID
  // (no external subset), XML_PARSE_NONET (no fetch even if one were asked for).
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  std::unique_ptr<xmlTextReader, FreeReader> reader(
      xmlReaderForIO(read_from_member, nullptr, &*member, rules.member, nullptr, options));
  if (!reader) return Extraction{TextStatus::failed, {}, {}};
  TextCollector collector(rules, limits.max_text_bytes);
  int step = 0;
  while ((step = xmlTextReaderRead(reader.get())) == 1) {
    if (!collector.on_node(reader.get())) break;
  }
  if (collector.status() != TextStatus::ok) return Extraction{collector.status(), {}, {}};
  if (step < 0) {
    return Extraction{member->over_limit() ? TextStatus::too_large : TextStatus::failed, {}, {}};
  }
  std::string text = repair_utf8(collector.take_text());
  if (is_blank(text)) return Extraction{TextStatus::no_text, {}, {}};
  return Extraction{TextStatus::ok, {PageText{0, std::move(text)}}, {}};
}

}  // namespace

Extraction read_office(const std::filesystem::path& path, FileKind kind,
                       const UploadLimits& limits) {
  init_libxml();
  try {
    auto archive = ZipArchive::open(path);
    if (!archive) return Extraction{TextStatus::failed, {}, {}};
    // sniff_file refused the other failures of this check already.
    if (!archive->check_members(limits)) return Extraction{TextStatus::too_large, {}, {}};
    return read_member_text(*archive, rules_for(kind), limits);
  } catch (const std::bad_alloc&) {
    return Extraction{TextStatus::too_large, {}, {}};
  }
}

}  // namespace bdp::extract
