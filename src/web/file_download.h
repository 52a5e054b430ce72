// A stored file as an HTTP answer: its version's bytes (or the range asked for) with the headers
// a download from a portal of uploads needs: Content-Disposition with the Polish file name,
// nosniff, a sandboxing Content-Security-Policy (an uploaded file never runs script on the
// site's origin), the sha256 as a strong ETag, Accept-Ranges. PDF and images are shown inline,
// the rest downloaded. The bytes are read from the store while they are sent (a piece at a time,
// never the whole file), on the connection's thread; thread-safe.
#pragma once

#include <string>

#include "http/message.h"
#include "model/document.h"
#include "store/document_store.h"

namespace bdp::web {

// The media type of a stored format ("pdf" → "application/pdf"), and whether browsers show it
// inline; unknown formats are application/octet-stream, attachments.
std::string media_type(const std::string& format);
bool shown_inline(const std::string& format);

// 200, 206 or 416 (byte_range.h), or 304 through the server's If-None-Match. The response
// streams from `documents`, which must outlive it.
Result<http::Response> file_response(const http::Request& request, DocumentStore& documents,
                                     const DocumentVersion& version);

}  // namespace bdp::web
