// A small RDF graph (a list of triples whose subjects are IRIs) and its two serialisations for
// the catalogue: RDF/XML (what dane.gov.pl's DCAT-AP-PL harvester reads) and Turtle (by
// content negotiation). Every predicate must lie in one of the given prefixes (RDF/XML needs a
// qualified name for it). Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace bdp::opendata {

struct RdfObject {
  enum class Kind { iri, literal };
  Kind kind = Kind::literal;
  std::string value;
  std::string lang;      // literal only: "pl", "en" or ""
  std::string datatype;  // literal only: an IRI, or "" for a plain string
};

RdfObject iri(std::string value);
RdfObject text(std::string value, std::string lang = {});
RdfObject typed(std::string value, std::string datatype);

struct Triple {
  std::string subject;  // an IRI
  std::string predicate;
  RdfObject object;
};

struct RdfPrefix {
  std::string name;  // "dcat"
  std::string iri;   // "http://www.w3.org/ns/dcat#"
};

// Subjects in order of first appearance, each with its triples in the order given.
std::string to_rdf_xml(const std::vector<Triple>& graph, const std::vector<RdfPrefix>& prefixes);
std::string to_turtle(const std::vector<Triple>& graph, const std::vector<RdfPrefix>& prefixes);

}  // namespace bdp::opendata
