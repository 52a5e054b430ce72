#include "opendata/rdf.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <stdexcept>

#include "opendata/xml_text.h"

namespace bdp::opendata {
namespace {

constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

struct QName {
  std::string prefix, local;
};

bool plain_local(const std::string& local) {
  if (local.empty() || !std::isalpha(static_cast<unsigned char>(local[0]))) return false;
  return std::all_of(local.begin(), local.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

std::optional<QName> qname(const std::string& iri_text, const std::vector<RdfPrefix>& prefixes) {
  for (const auto& p : prefixes) {
    if (iri_text.starts_with(p.iri) && plain_local(iri_text.substr(p.iri.size()))) {
      return QName{p.name, iri_text.substr(p.iri.size())};
    }
  }
  return std::nullopt;
}

// Subjects in order of first appearance with the indexes of their triples.
std::vector<std::pair<std::string, std::vector<std::size_t>>> by_subject(
    const std::vector<Triple>& graph) {
  std::vector<std::pair<std::string, std::vector<std::size_t>>> subjects;
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    auto [found, added] = at.emplace(graph[i].subject, subjects.size());
    if (added) subjects.push_back({graph[i].subject, {}});
    subjects[found->second].second.push_back(i);
  }
  return subjects;
}

std::string turtle_string(const std::string& value) {
  std::string out = "\"";
  for (const char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  return out + "\"";
}

std::string turtle_iri(const std::string& value, const std::vector<RdfPrefix>& prefixes) {
  if (auto q = qname(value, prefixes)) return q->prefix + ":" + q->local;
  return "<" + value + ">";
}

std::string turtle_object(const RdfObject& o, const std::vector<RdfPrefix>& prefixes) {
  if (o.kind == RdfObject::Kind::iri) return turtle_iri(o.value, prefixes);
  std::string text = turtle_string(o.value);
  if (!o.lang.empty()) return text + "@" + o.lang;
  if (!o.datatype.empty()) return text + "^^" + turtle_iri(o.datatype, prefixes);
  return text;
}

}  // namespace

RdfObject iri(std::string value) {
  return {RdfObject::Kind::iri, std::move(value), {}, {}};
}
RdfObject text(std::string value, std::string lang) {
  return {RdfObject::Kind::literal, std::move(value), std::move(lang), {}};
}
RdfObject typed(std::string value, std::string datatype) {
  return {RdfObject::Kind::literal, std::move(value), {}, std::move(datatype)};
}

std::string to_rdf_xml(const std::vector<Triple>& graph, const std::vector<RdfPrefix>& prefixes) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF xmlns:rdf=\"" +
                    std::string(kRdf) + "\"";
  for (const auto& p : prefixes) {
    if (p.name != "rdf") xml += "\n    xmlns:" + p.name + "=\"" + xml_text(p.iri) + "\"";
  }
  xml += ">\n";
  auto names = prefixes;
  names.push_back({"rdf", kRdf});
  for (const auto& [subject, triples] : by_subject(graph)) {
    xml += "  <rdf:Description rdf:about=\"" + xml_text(subject) + "\">\n";
    for (const auto i : triples) {
      const Triple& t = graph[i];
      const auto q = qname(t.predicate, names);
      // A programming error: every predicate of the catalogue lies in a declared prefix.
      if (!q) throw std::logic_error("RDF/XML: no prefix for " + t.predicate);
      const std::string element = q->prefix + ":" + q->local;
      if (t.object.kind == RdfObject::Kind::iri) {
        xml += "    <" + element + " rdf:resource=\"" + xml_text(t.object.value) + "\"/>\n";
        continue;
      }
      xml += "    <" + element;
      if (!t.object.lang.empty()) xml += " xml:lang=\"" + xml_text(t.object.lang) + "\"";
      if (!t.object.datatype.empty())
        xml += " rdf:datatype=\"" + xml_text(t.object.datatype) + "\"";
      xml += ">" + xml_text(t.object.value) + "</" + element + ">\n";
    }
    xml += "  </rdf:Description>\n";
  }
  return xml + "</rdf:RDF>\n";
}

std::string to_turtle(const std::vector<Triple>& graph, const std::vector<RdfPrefix>& prefixes) {
  std::string ttl;
  auto names = prefixes;
  if (std::none_of(names.begin(), names.end(), [](const auto& p) { return p.name == "rdf"; }))
    names.push_back({"rdf", kRdf});
  for (const auto& p : names) ttl += "@prefix " + p.name + ": <" + p.iri + "> .\n";
  for (const auto& [subject, triples] : by_subject(graph)) {
    ttl += "\n<" + subject + ">";
    for (std::size_t k = 0; k < triples.size(); ++k) {
      const Triple& t = graph[triples[k]];
      const std::string predicate =
          t.predicate == std::string(kRdf) + "type" ? "a" : turtle_iri(t.predicate, names);
      ttl += (k == 0 ? "\n    " : " ;\n    ") + predicate + " " + turtle_object(t.object, names);
    }
    ttl += " .\n";
  }
  return ttl;
}

}  // namespace bdp::opendata
