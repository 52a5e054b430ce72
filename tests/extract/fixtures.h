// Documents built by the tests themselves (no binary fixtures in the repository): minimal PDFs
// written by hand with computed xref offsets, and DOCX/ODT/XLSX/ODS packages written with
// libzip holding the members real files have. Test and benchmark only (no gtest here: a
// fixture that cannot be written throws std::runtime_error).
#pragma once

#include <fmt/format.h>
#include <stdlib.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace bdp::extract::testing {

// A fresh directory under /tmp, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    char pattern[] = "/tmp/bdp-extract-XXXXXX";
    path_ = ::mkdtemp(pattern);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline std::filesystem::path write_file(const std::filesystem::path& path,
                                        const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Member {
  std::string name;
  std::string content;
  bool stored = false;  // no compression (an ODF package's mimetype must be stored)
};

// Writes `members` in this order into a new zip at `path`.
inline std::filesystem::path write_zip(const std::filesystem::path& path,
                                       const std::vector<Member>& members) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (z == nullptr) throw std::runtime_error("cannot create " + path.string());
  for (const auto& m : members) {
    zip_source_t* source = zip_source_buffer(z, m.content.data(), m.content.size(), 0);
    const zip_int64_t index = zip_file_add(z, m.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) throw std::runtime_error("cannot add " + m.name);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(index),
                             m.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
  }
  if (zip_close(z) != 0) throw std::runtime_error("cannot write " + path.string());
  return path;
}

inline const char* const kContentTypesDocx =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";
inline const char* const kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)";

// word/document.xml around `body` (w:p elements).
inline std::string docx_document(const std::string& body, const std::string& prolog = "") {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)" + prolog +
         R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
         body + "</w:body></w:document>";
}

// A DOCX as Word writes it ([Content_Types].xml first), or with it last (libmagic then sees a
// plain zip).
inline std::filesystem::path write_docx(const std::filesystem::path& path,
                                        const std::string& document_xml,
                                        bool content_types_first = true) {
  std::vector<Member> members{{"_rels/.rels", kRels},
                              {"word/document.xml", document_xml},
                              {"docProps/app.xml", "<Properties/>"}};
  const Member types{"[Content_Types].xml", kContentTypesDocx};
  if (content_types_first) {
    members.insert(members.begin(), types);
  } else {
    members.push_back(types);
  }
  return write_zip(path, members);
}

inline std::filesystem::path write_xlsx(const std::filesystem::path& path,
                                        const std::string& shared_strings_xml) {
  std::vector<Member> members{
      {"[Content_Types].xml",
       R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)"},
      {"_rels/.rels", kRels},
      {"xl/workbook.xml",
       R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Arkusz1" sheetId="1"/></sheets></workbook>)"},
      {"xl/worksheets/sheet1.xml",
       R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>)"}};
  if (!shared_strings_xml.empty()) members.push_back({"xl/sharedStrings.xml", shared_strings_xml});
  return write_zip(path, members);
}

// An ODF package: the stored mimetype member first, as the specification requires.
inline std::filesystem::path write_odf(const std::filesystem::path& path, const std::string& mime,
                                       const std::string& body_xml) {
  const std::string content =
      R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">
  <office:body>
    )" +
      body_xml + R"(
  </office:body>
</office:document-content>)";
  return write_zip(
      path,
      {{"mimetype", mime, true},
       {"META-INF/manifest.xml",
        R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>)"},
       {"content.xml", content},
       {"styles.xml", "<office:document-styles/>"}});
}

// A PDF of one page per entry of `page_streams` (content streams using font /F1, Helvetica
// with WinAnsiEncoding), xref offsets computed; `trailer_extra` is added to the trailer and
// `extra_objects` appended as objects after the pages; `encrypt(object number, data)`, when
// given, turns each content stream into what the file stores.
inline std::string pdf_bytes(
    const std::vector<std::string>& page_streams, const std::string& trailer_extra = "",
    const std::vector<std::string>& extra_objects = {},
    const std::function<std::string(int, const std::string&)>& encrypt = {}) {
  std::vector<std::string> objects;
  const int n = static_cast<int>(page_streams.size());
  std::string kids;
  for (int i = 0; i < n; ++i) kids += fmt::format("{} 0 R ", 4 + 2 * i);
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back(fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, n));
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (int i = 0; i < n; ++i) {
    objects.push_back(fmt::format(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
        ">> >> /Contents {} 0 R >>",
        5 + 2 * i));
    const std::string data = encrypt ? encrypt(5 + 2 * i, page_streams[i]) : page_streams[i];
    objects.push_back(fmt::format("<< /Length {} >>\nstream\n{}\nendstream", data.size(), data));
  }
  for (const auto& o : extra_objects) objects.push_back(o);
  std::string pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  const std::size_t xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (auto offset : offsets) pdf += fmt::format("{:010} 00000 n \n", offset);
  pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R {}>>\nstartxref\n{}\n%%EOF\n",
                     objects.size() + 1, trailer_extra, xref);
  return pdf;
}

// A content stream showing `text` (PDF string syntax, WinAnsi bytes) at the top of the page.
inline std::string text_stream(const std::string& text) {
  return "BT /F1 18 Tf 72 760 Td (" + text + ") Tj ET";
}

}  // namespace bdp::extract::testing
