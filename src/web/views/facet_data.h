// The facets of a search as template data for the partial facet_fieldsets.mustache (checkboxes in a
// fieldset per facet) and as URL parameters, shared by the results page and the map, whose
// filters are search's.
#pragma once

#include <string>
#include <vector>

#include "i18n/i18n.h"
#include "search/query.h"
#include "web/views/templates.h"

namespace bdp::web {

// The query's text and filters as URL parameters, "q=<text>&<facet>=<value>…" (percent-encoded),
// which search::query_from_parameters reads back: the filters of /szukaj, /mapa and the GeoJSON.
std::string filter_parameters(const search::Query& query);

// Per facet with values: {label, values: [{id, name, value, label, count, selected, depth}]};
// population bands labelled in `lang`.
List facets_data(i18n::Lang lang, const std::vector<search::Facet>& facets);

}  // namespace bdp::web
