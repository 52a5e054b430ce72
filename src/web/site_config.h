// SiteConfig: the portal's branding and settings, read from a JSON file at start, so that an
// operator changes the title, programme header, partners or counter start without a rebuild.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "i18n/i18n.h"
#include "mail/settings.h"
#include "web/limits.h"

namespace bdp::web {

// A named link to another site: a partner in the footer, an item at the end of the menu, a
// branding mark (branding.h: then `name` is the text its image stands for).
struct NamedLink {
  std::string name;  // "Związek Miast Polskich", "Portal jst.org.pl"
  std::string url;   // may be empty for a partner or a mark (then shown without a link)
  std::string logo;  // an image file under <assets>/branding/, "" for none
  bool operator==(const NamedLink&) const = default;
};

struct SiteConfig {
  // Whether the portal is served over https (its cookies are then Secure).
  bool https() const { return base_url.starts_with("https://"); }
  // The portal's title in `lang`.
  const std::string& title_in(i18n::Lang lang) const {
    return lang == i18n::Lang::en && !portal_title_en.empty() ? portal_title_en : portal_title;
  }

  std::string portal_title = "Baza Dobrych Praktyk";
  std::string portal_title_en;        // the title of the English pages; the Polish one when empty
  std::string programme_header;       // shown above the menu, as on the old pages
  std::string funding_note;           // "Projekt współfinansowany przez Unię Europejską…"
  std::vector<NamedLink> partners;    // partner footer
  std::vector<NamedLink> menu_links;  // other sites, at the end of the menu (each with a url)
  std::optional<NamedLink> programme_logo;         // the programme's logo, in the footer
  std::vector<NamedLink> funding_marks;            // the funders' marks, beside the funding note
  std::string counter_since = "2008-04-01";        // "odwiedziło nas od 1 kwietnia 2008 r."
  std::int64_t counter_base = 0;                   // count carried over from the old portal
  std::string base_url = "http://127.0.0.1:8080";  // for canonical links
  std::string default_lang = "pl";
  // Accessibility statement (Deklaracja dostępności) data required by law.
  std::string operator_name = "Związek Miast Polskich";
  std::string contact_email = "bdp@example.org";
  std::string contact_phone;
  std::string statement_date = "2026-11-23";
  Limits limits;  // the "limits" object
  // The interactive map's optional tile layer, e.g.
  // "https://tile.openstreetmap.org/{z}/{x}/{y}.png" (its host must then be allowed by the
  // Content-Security-Policy); "" draws only the shipped voivodeship boundaries, with no request to
  // any other host.
  std::string map_tile_url;
  // Open data: the licence of the published data (dumps, catalogue, API).
  std::string data_licence_name = "CC BY 4.0";
  std::string data_licence_url = "https://creativecommons.org/licenses/by/4.0/";
  // Verification of data: a published practice is due after this many months since its data
  // was last confirmed, long overdue (a notice on its page) after twice as many.
  int verification_months = 12;
  // Notifications by e-mail (the "mail" object, docs/mail.md): not configured by default.
  mail::MailSettings mail;
};

// Reads a SiteConfig from JSON at `path`; missing keys keep their defaults; a non-empty
// BDP_SMTP_PASSWORD in the environment is the mail password. invalid_input names the bad key;
// not_found when the file does not exist.
Result<SiteConfig> load_site_config(const std::string& path);

}  // namespace bdp::web
