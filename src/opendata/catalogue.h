// The catalogue of the open data for harvesters: one dataset, "the published practices", with
// its distributions (praktyki.csv, praktyki.jsonl.gz, the read API), described
//  - in DCAT-AP-PL (DCAT-AP 2 with the Polish profile's identifier, issued/modified, themes and
//    keywords) as an RDF graph (rdf.h: RDF/XML and Turtle), and
//  - in dane.gov.pl's own XML format (namespace urn:otwarte-dane:harvester:1.13), whose .md5
//    sibling (digest.h) the harvester checks.
// Addresses are absolute, from base_url: dane.gov.pl accepts only https ones. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "opendata/practice_record.h"
#include "opendata/rdf.h"
#include "store/store.h"

namespace bdp::opendata {

// dane.gov.pl takes extIdent of at most 36 characters; this one is stable forever.
inline constexpr const char* kDatasetIdent = "bdp-praktyki";

struct CatalogueInfo {
  std::string base_url;      // "https://bdp.example.org" (no trailing slash)
  std::string portal_title;  // "Baza Dobrych Praktyk"
  std::string publisher;     // the operator: "Związek Miast Polskich"
  std::string contact_email;
  std::string licence_name;           // "CC BY 4.0"
  std::string licence_url;            // "https://creativecommons.org/licenses/by/4.0/"
  std::string issued;                 // date of the oldest published practice, YYYY-MM-DD
  std::string modified;               // newest change of a published practice, YYYY-MM-DDTHH:MM:SSZ
  std::vector<std::string> keywords;  // the top-level sections' names
  std::int64_t practices = 0;         // how many are published
};

// `info` with the facts read from the published practices of `store` (issued, modified,
// practices) and the top-level sections of `context` (keywords). Errors: the store's.
Result<CatalogueInfo> with_store_facts(CatalogueInfo info, Store& store,
                                       const RecordContext& context);

// The address the catalogue is served at (RDF/XML, Turtle by content negotiation).
std::string catalogue_url(const std::string& base_url);

const std::vector<RdfPrefix>& dcat_prefixes();
std::vector<Triple> dcat_graph(const CatalogueInfo& info);
// The dane.gov.pl harvester XML (served as application/xml).
std::string dane_gov_xml(const CatalogueInfo& info);

}  // namespace bdp::opendata
