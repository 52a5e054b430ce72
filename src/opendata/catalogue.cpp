#include "opendata/catalogue.h"

#include "opendata/xml_text.h"

namespace bdp::opendata {
namespace {

constexpr const char* kDcat = "http://www.w3.org/ns/dcat#";
constexpr const char* kDct = "http://purl.org/dc/terms/";
constexpr const char* kFoaf = "http://xmlns.com/foaf/0.1/";
constexpr const char* kVcard = "http://www.w3.org/2006/vcard/ns#";
constexpr const char* kXsd = "http://www.w3.org/2001/XMLSchema#";
constexpr const char* kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr const char* kEuTheme = "http://publications.europa.eu/resource/authority/data-theme/";
constexpr const char* kEuFileType = "http://publications.europa.eu/resource/authority/file-type/";
constexpr const char* kEuLanguage = "http://publications.europa.eu/resource/authority/language/";
constexpr const char* kIana = "http://www.iana.org/assignments/media-types/";

std::string p(const char* ns, const char* local) {
  return std::string(ns) + local;
}

const char* kTitlePl = "Baza Dobrych Praktyk samorządów: opisy praktyk";
const char* kTitleEn = "Good-practice database of Polish local governments: practices";
const char* kDescriptionPl =
    "Opisy rozwiązań wdrożonych przez jednostki samorządu terytorialnego, zweryfikowane przez "
    "związki samorządowe: tytuł, skrót, metryka (jednostka, typ, województwo, TERYT), działy, "
    "pełna prezentacja według metodyki. Tylko opublikowane praktyki; bez danych osobowych osób "
    "kontaktowych. Słownik pól: praktyki-slownik.csv.";
const char* kDescriptionEn =
    "Descriptions of solutions put in place by Polish local-government units, verified by the "
    "local-government associations: title, summary, metadata (unit, type, voivodeship, TERYT), "
    "sections, the full presentation by the methodology. Published practices only; no personal "
    "data of contact persons. Field dictionary: praktyki-slownik.csv.";

// One distribution of the dataset.
struct Distribution {
  const char* key;     // fragment of its IRI and its extIdent suffix
  std::string url;     // download or access address
  const char* format;  // EU file type
  const char* media;   // IANA media type
  const char* title_pl;
  const char* title_en;
  bool download;  // a file (downloadURL too), not a service
};

std::vector<Distribution> distributions(const std::string& base) {
  return {{"csv", base + "/dane/praktyki.csv", "CSV", "text/csv", "Praktyki (CSV, UTF-8)",
           "Practices (CSV, UTF-8)", true},
          {"jsonl", base + "/dane/praktyki.jsonl.gz", "JSON", "application/json",
           "Praktyki (JSON Lines, gzip)", "Practices (JSON Lines, gzip)", true},
          {"api", base + "/api/v1/practices", "JSON", "application/json",
           "API do odczytu (OpenAPI: /api/v1/openapi.json)",
           "Read API (OpenAPI: /api/v1/openapi.json)", false}};
}

std::string dataset_iri(const std::string& base) {
  return base + "/dane#" + kDatasetIdent;
}

}  // namespace

std::string catalogue_url(const std::string& base_url) {
  return base_url + "/dane/katalog";
}

const std::vector<RdfPrefix>& dcat_prefixes() {
  static const std::vector<RdfPrefix> prefixes = {
      {"dcat", kDcat}, {"dct", kDct}, {"foaf", kFoaf}, {"vcard", kVcard}, {"xsd", kXsd}};
  return prefixes;
}

std::vector<Triple> dcat_graph(const CatalogueInfo& info) {
  const std::string& base = info.base_url;
  const std::string catalogue = catalogue_url(base) + "#katalog";
  const std::string dataset = dataset_iri(base);
  const std::string publisher = base + "/#wydawca";
  const std::string contact = base + "/#kontakt";
  std::vector<Triple> g;
  const auto add = [&g](const std::string& s, std::string predicate, RdfObject o) {
    g.push_back({s, std::move(predicate), std::move(o)});
  };
  // DCAT-AP 2.1.1 §4.3 Catalogue, mandatory: dct:title, dct:description, dct:publisher,
  // dcat:dataset; recommended: foaf:homepage, dct:language, dct:license, dct:modified.
  add(catalogue, kRdfType, iri(p(kDcat, "Catalog")));
  add(catalogue, p(kDct, "title"), text(info.portal_title, "pl"));
  add(catalogue, p(kDct, "title"), text("Good-practice database (BDP)", "en"));
  add(catalogue, p(kDct, "description"), text(kDescriptionPl, "pl"));
  add(catalogue, p(kDct, "description"), text(kDescriptionEn, "en"));
  add(catalogue, p(kDct, "publisher"), iri(publisher));
  add(catalogue, p(kFoaf, "homepage"), iri(base + "/"));
  add(catalogue, p(kDct, "language"), iri(std::string(kEuLanguage) + "POL"));
  add(catalogue, p(kDct, "license"), iri(info.licence_url));
  if (!info.modified.empty())
    add(catalogue, p(kDct, "modified"), typed(info.modified, p(kXsd, "dateTime")));
  add(catalogue, p(kDcat, "dataset"), iri(dataset));
  // §4.4 Dataset, mandatory: dct:title, dct:description; recommended: dcat:contactPoint,
  // dcat:distribution, dcat:keyword, dct:publisher, dcat:theme; DCAT-AP-PL: dct:identifier,
  // dct:issued, dct:modified.
  add(dataset, kRdfType, iri(p(kDcat, "Dataset")));
  add(dataset, p(kDct, "identifier"), text(kDatasetIdent));
  add(dataset, p(kDct, "title"), text(kTitlePl, "pl"));
  add(dataset, p(kDct, "title"), text(kTitleEn, "en"));
  add(dataset, p(kDct, "description"), text(kDescriptionPl, "pl"));
  add(dataset, p(kDct, "description"), text(kDescriptionEn, "en"));
  if (!info.issued.empty()) add(dataset, p(kDct, "issued"), typed(info.issued, p(kXsd, "date")));
  if (!info.modified.empty())
    add(dataset, p(kDct, "modified"), typed(info.modified, p(kXsd, "dateTime")));
  add(dataset, p(kDct, "publisher"), iri(publisher));
  add(dataset, p(kDcat, "contactPoint"), iri(contact));
  add(dataset, p(kDcat, "landingPage"), iri(base + "/dane"));
  for (const char* theme : {"GOVE", "REGI"})
    add(dataset, p(kDcat, "theme"), iri(std::string(kEuTheme) + theme));
  add(dataset, p(kDcat, "keyword"), text("dobre praktyki", "pl"));
  add(dataset, p(kDcat, "keyword"), text("samorząd terytorialny", "pl"));
  add(dataset, p(kDcat, "keyword"), text("good practices", "en"));
  add(dataset, p(kDcat, "keyword"), text("local government", "en"));
  for (const auto& k : info.keywords) add(dataset, p(kDcat, "keyword"), text(k, "pl"));
  for (const auto& d : distributions(base))
    add(dataset, p(kDcat, "distribution"), iri(dataset + "-" + d.key));
  // §4.5 Distribution, mandatory: dcat:accessURL; recommended: dct:description, dct:format,
  // dct:license; optional: dcat:downloadURL, dcat:mediaType, dcat:compressFormat, dct:title.
  for (const auto& d : distributions(base)) {
    const std::string s = dataset + "-" + d.key;
    add(s, kRdfType, iri(p(kDcat, "Distribution")));
    add(s, p(kDcat, "accessURL"), iri(d.url));
    if (d.download) add(s, p(kDcat, "downloadURL"), iri(d.url));
    add(s, p(kDct, "title"), text(d.title_pl, "pl"));
    add(s, p(kDct, "title"), text(d.title_en, "en"));
    add(s, p(kDct, "description"), text(d.title_pl, "pl"));
    add(s, p(kDct, "format"), iri(std::string(kEuFileType) + d.format));
    add(s, p(kDcat, "mediaType"), iri(std::string(kIana) + d.media));
    if (std::string(d.key) == "jsonl")
      add(s, p(kDcat, "compressFormat"), iri(std::string(kIana) + "application/gzip"));
    add(s, p(kDct, "license"), iri(info.licence_url));
    if (!info.modified.empty())
      add(s, p(kDct, "modified"), typed(info.modified, p(kXsd, "dateTime")));
  }
  add(publisher, kRdfType, iri(p(kFoaf, "Agent")));
  add(publisher, p(kFoaf, "name"), text(info.publisher, "pl"));
  add(contact, kRdfType, iri(p(kVcard, "Organization")));
  add(contact, p(kVcard, "fn"), text(info.publisher, "pl"));
  add(contact, p(kVcard, "hasEmail"), iri("mailto:" + info.contact_email));
  return g;
}

std::string dane_gov_xml(const CatalogueInfo& info) {
  const auto bilingual = [](const char* element, const std::string& pl, const std::string& en) {
    return std::string("    <") + element + "><polish>" + xml_text(pl) + "</polish><english>" +
           xml_text(en) + "</english></" + element + ">\n";
  };
  const std::string date = info.modified.substr(0, 10);
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<ns2:datasets xmlns:ns2=\"urn:otwarte-dane:harvester:1.13\">\n"
      "  <dataset status=\"published\">\n"
      "    <extIdent>" +
      std::string(kDatasetIdent) + "</extIdent>\n";
  xml += bilingual("title", kTitlePl, kTitleEn);
  xml += bilingual("description", kDescriptionPl, kDescriptionEn);
  xml += "    <url>" + xml_text(info.base_url + "/dane") + "</url>\n";
  xml += "    <updateFrequency>weekly</updateFrequency>\n";
  xml += "    <categories><category>GOVE</category><category>REGI</category></categories>\n";
  xml += "    <conditions><dbOrCopyrighted>true</dbOrCopyrighted><dbOrCopyrightedLicenseChosen>" +
         xml_text(info.licence_name) + "</dbOrCopyrightedLicenseChosen></conditions>\n";
  xml += "    <resources>\n";
  for (const auto& d : distributions(info.base_url)) {
    xml += std::string("      <resource status=\"published\">\n") + "        <extIdent>" +
           kDatasetIdent + "-" + d.key + "</extIdent>\n" + "        <url>" + xml_text(d.url) +
           "</url>\n" + "        <title><polish>" + xml_text(d.title_pl) + "</polish><english>" +
           xml_text(d.title_en) + "</english></title>\n" + "        <description><polish>" +
           xml_text(d.title_pl) + "</polish><english>" + xml_text(d.title_en) +
           "</english></description>\n" + "        <availability>" +
           (d.download ? "local" : "remote") + "</availability>\n";
    if (!date.empty()) xml += "        <dataDate>" + date + "</dataDate>\n";
    xml += std::string("        <hasDynamicData>") + (d.download ? "false" : "true") +
           "</hasDynamicData>\n"
           "        <hasHighValueData>false</hasHighValueData>\n"
           "        <hasHighValueDataFromEuropeanCommissionList>false"
           "</hasHighValueDataFromEuropeanCommissionList>\n"
           "        <hasResearchData>false</hasResearchData>\n"
           "        <containsProtectedData>false</containsProtectedData>\n"
           "      </resource>\n";
  }
  xml += "    </resources>\n    <tags>\n";
  for (const char* tag : {"dobre praktyki", "samorząd terytorialny"})
    xml += std::string("      <tag lang=\"pl\">") + xml_text(tag) + "</tag>\n";
  for (const auto& k : info.keywords) xml += "      <tag lang=\"pl\">" + xml_text(k) + "</tag>\n";
  for (const char* tag : {"good practices", "local government"})
    xml += std::string("      <tag lang=\"en\">") + xml_text(tag) + "</tag>\n";
  xml += "    </tags>\n";
  if (!info.modified.empty())
    xml += "    <lastUpdateDate>" + xml_text(info.modified) + "</lastUpdateDate>\n";
  xml +=
      "    <hasDynamicData>false</hasDynamicData>\n"
      "    <hasHighValueData>false</hasHighValueData>\n"
      "    <hasHighValueDataFromEuropeanCommissionList>false"
      "</hasHighValueDataFromEuropeanCommissionList>\n"
      "    <hasResearchData>false</hasResearchData>\n"
      "  </dataset>\n</ns2:datasets>\n";
  return xml;
}

}  // namespace bdp::opendata
