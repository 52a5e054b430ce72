// Link: one entry of "Inne bazy danych", another database of good practices the portal points
// to, with the result of its last check (`bdp check-links`). Content: it is in the change log,
// in dump()/load() and in the JSON exchange format. Times are Unix seconds (UTC).
#pragma once

#include <cstdint>
#include <string>

namespace bdp {

struct Link {
  std::int64_t id = 0;
  std::string name;
  std::string url;  // an absolute http:// or https:// address (store/link_validate.h)
  std::string description;
  std::string language = "pl";  // ISO 639-1 code of the site's language ("pl", "en", …)
  // Free text: the heading the link is listed under (e.g. "Polskie", "Europejskie"). Links of
  // one category are shown together, categories in byte order of their names; "" comes last,
  // shown as "Inne" (other).
  std::string category;
  int position = 0;  // order within its category (then id)
  // The last check: the HTTP status it answered (0: no answer, or never checked), why it
  // failed (short printable ASCII, "" when it answered), when (0: never checked).
  int last_status = 0;
  std::string last_error;
  std::int64_t checked_at = 0;
  bool operator==(const Link&) const = default;
};

// True when the last check found the address dead: checked, and no answer or a status >= 400.
// A link never checked is not broken.
bool link_broken(const Link& link);

// The result of checking one link, as recorded by Store::record_link_check.
struct LinkCheck {
  std::int64_t link_id = 0;
  int status = 0;       // 0: no answer
  std::string error;    // "" when it answered; made printable ASCII by the store
  std::int64_t at = 0;  // Unix seconds
};

}  // namespace bdp
