// Atom feeds (RFC 4287) of new practices: overall, per section (its subsections included) and
// per voivodeship, newest first by entry date, at most kFeedEntries each. Ids are stable: a
// feed's is its address, an entry's the practice's address by id alone
// (<base>/praktyki/<id>, which redirects to the permalink), so a changed title or slug is not a
// new entry. Thread-safety: as the Store.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "opendata/practice_record.h"
#include "store/store.h"

namespace bdp::opendata {

inline constexpr int kFeedEntries = 50;

struct FeedInfo {
  std::string self;  // the feed's absolute address, also its id
  std::string title;
  std::string alternate;  // the absolute address of the page the feed follows
  std::string author;     // the publisher
};

// The feed document; `updated` is the newest entry's time (a fixed past time when empty).
std::string atom_feed(const FeedInfo& info, const std::vector<PracticeRecord>& entries);

// The address of each feed below <base>/kanaly/: "praktyki.atom", "dzialy/<section slug>.atom",
// "wojewodztwa/<voivodeship slug>.atom".
std::string section_feed_name(const Section& section);
std::string voivodeship_feed_name(const std::string& voivodeship);

// Every feed by its name above: sections with no practices too (an empty feed is valid),
// voivodeships of the units. Errors: the store's.
Result<std::map<std::string, std::string>> feed_files(Store& store, const RecordContext& context,
                                                      const std::string& portal_title,
                                                      const std::string& publisher);

}  // namespace bdp::opendata
