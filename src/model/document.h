// A document of the library ("Publikacje i dokumenty", a practice's "Załączniki"): its metadata,
// the units and practices it belongs to, and its versions. A file's bytes are kept once per
// sha256 (content-addressed); a version names them. Times are Unix seconds (UTC).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bdp {

enum class DocumentKind { raport, poradnik, publikacja, uchwala, zarzadzenie, prezentacja, inny };
inline constexpr DocumentKind kDocumentKinds[] = {
    DocumentKind::raport,  DocumentKind::poradnik,    DocumentKind::publikacja,
    DocumentKind::uchwala, DocumentKind::zarzadzenie, DocumentKind::prezentacja,
    DocumentKind::inny};
// "raport", "uchwala", …: stable ASCII words (database, addresses).
const char* to_string(DocumentKind kind);
std::optional<DocumentKind> document_kind_from_string(std::string_view text);

// One uploaded file of a document. `number` counts from 1 within the document.
struct DocumentVersion {
  std::int64_t id = 0;
  std::int64_t document_id = 0;
  int number = 0;
  std::string sha256;     // lower-case hex of the file's bytes
  std::int64_t size = 0;  // bytes
  std::string file_name;  // as uploaded, cleaned (no directory part)
  std::string format;     // "pdf", "docx", …: decided by content at upload
  std::int64_t uploaded_at = 0;
  std::string uploaded_by;                   // an e-mail, "public", "import"
  std::optional<std::int64_t> withdrawn_at;  // hidden from the public when set
  std::string withdrawn_by;
  std::string withdrawn_reason;
  std::string text_status = "pending";  // extract/text.h's TextStatus words, or "pending"
  bool operator==(const DocumentVersion&) const = default;
};

struct Document {
  std::int64_t id = 0;
  std::string title;
  std::string description;  // plain text
  std::optional<int> year;
  DocumentKind kind = DocumentKind::inny;
  std::string language = "pl";    // ISO 639-1
  std::vector<std::string> tags;  // ordered, each once
  std::vector<std::int64_t> unit_ids;
  std::vector<std::int64_t> practice_ids;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::vector<DocumentVersion> versions;  // oldest first; read-only through save_document
  bool operator==(const Document&) const = default;
};

// The newest version not withdrawn: what the document's address gives. Null when none.
const DocumentVersion* current_version(const Document& document);

// The text found inside a version's file, page by page (PDF pages count from 1; other formats
// have one entry, page 0).
struct PageText {
  int page = 0;
  std::string text;
  bool operator==(const PageText&) const = default;
};

}  // namespace bdp
