// The facets of a search as template data for the partial facet_fieldsets.mustache (checkboxes in a
// fieldset per facet) and as URL parameters, shared by the results page and the map, whose
// filters are search's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "i18n/i18n.h"
#include "search/query.h"
#include "web/map_snapshot.h"
#include "web/views/templates.h"

namespace bdp::web {

// The query's text and filters as URL parameters, "q=<text>&<facet>=<value>…" (percent-encoded),
// which search::query_from_parameters reads back: the filters of /szukaj, /mapa and the GeoJSON.
std::string filter_parameters(const search::Query& query);

// "Near a place" as template data for the partial near_fieldset.mustache and the sentence after
// a total: near (what was typed: the place found, else `typed`), radii [{km, selected}],
// near_text ("w promieniu 30 km od miejscowości Śrem", or false).
void add_near_data(Data& d, i18n::Lang lang, const std::optional<NearPlace>& near,
                   const std::string& typed);

// Per facet with values: {label, values: [{id, name, value, label, count, selected, depth}]};
// population bands labelled in `lang`.
List facets_data(i18n::Lang lang, const std::vector<search::Facet>& facets);

}  // namespace bdp::web
