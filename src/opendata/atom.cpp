#include "opendata/atom.h"

#include <algorithm>
#include <iterator>
#include <set>

#include "core/slug.h"
#include "core/url.h"
#include "opendata/xml_text.h"

namespace bdp::opendata {
namespace {

// Before any practice: the feed of an empty section still needs an updated time.
constexpr const char* kNoEntriesUpdated = "2008-04-01T00:00:00Z";

std::string published_of(const Practice& p) {
  return (p.entered_on.empty() ? std::string("2008-04-01") : p.entered_on) + "T00:00:00Z";
}

std::string updated_of(const Practice& p) {
  return p.updated_at.empty() ? published_of(p) : p.updated_at;
}

std::string element(const char* name, const std::string& text) {
  return std::string("<") + name + ">" + xml_text(text) + "</" + name + ">";
}

std::string entry_xml(const PracticeRecord& r, const std::string& base) {
  const Practice& p = *r.practice;
  std::string xml = "<entry>";
  xml += element("id", base + practice_id_path(p.id));
  xml += element("title", p.title);
  xml += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(r.url) + "\"/>";
  xml += element("published", published_of(p));
  xml += element("updated", updated_of(p));
  for (const Section* s : r.sections) xml += "<category term=\"" + xml_text(s->name) + "\"/>";
  if (!p.summary.empty()) xml += "<summary type=\"text\">" + xml_text(p.summary) + "</summary>";
  return xml + "</entry>\n";
}

bool newer(const Practice& a, const Practice& b) {
  return a.entered_on != b.entered_on ? a.entered_on > b.entered_on : a.id > b.id;
}

// The newest published practices of a voivodeship, read in pages, kept to kFeedEntries.
Result<std::vector<Practice>> newest_of_voivodeship(Store& store, const std::string& voivodeship) {
  std::vector<Practice> newest;
  PublishedQuery query;
  query.voivodeship = voivodeship;
  query.limit = 500;
  for (;;) {
    auto page = store.published_practices(query);
    if (!page) return std::unexpected(page.error());
    const bool last = static_cast<int>(page->size()) < query.limit;
    if (!page->empty()) query.after_id = page->back().id;
    std::move(page->begin(), page->end(), std::back_inserter(newest));
    std::sort(newest.begin(), newest.end(), newer);
    if (newest.size() > static_cast<std::size_t>(kFeedEntries)) newest.resize(kFeedEntries);
    if (last) break;
  }
  return newest;
}

std::string feed_of(const FeedInfo& info, const RecordContext& context,
                    const std::vector<Practice>& practices) {
  std::vector<PracticeRecord> records;
  records.reserve(practices.size());
  for (const auto& p : practices) records.push_back(context.record(p));
  return atom_feed(info, records);
}

}  // namespace

std::string atom_feed(const FeedInfo& info, const std::vector<PracticeRecord>& entries) {
  const std::string base = info.self.substr(0, info.self.find("/kanaly/"));
  std::string updated = kNoEntriesUpdated;
  for (const auto& r : entries) updated = std::max(updated, updated_of(*r.practice));
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"pl\">\n";
  xml += element("id", info.self) + "\n" + element("title", info.title) + "\n";
  xml += element("updated", updated) + "\n";
  xml += "<author>" + element("name", info.author) + "</author>\n";
  xml +=
      "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_text(info.self) + "\"/>\n";
  xml += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(info.alternate) + "\"/>\n";
  for (const auto& r : entries) xml += entry_xml(r, base);
  return xml + "</feed>\n";
}

std::string section_feed_name(const Section& section) {
  return "dzialy/" + section.slug + ".atom";
}

std::string voivodeship_feed_name(const std::string& voivodeship) {
  return "wojewodztwa/" + slugify(voivodeship) + ".atom";
}

Result<std::map<std::string, std::string>> feed_files(Store& store, const RecordContext& context,
                                                      const std::string& portal_title,
                                                      const std::string& publisher) {
  const std::string& base = context.base_url();
  const auto info = [&](const std::string& name, const std::string& title,
                        const std::string& page) {
    return FeedInfo{base + "/kanaly/" + name, portal_title + ": " + title, base + page, publisher};
  };
  std::map<std::string, std::string> files;
  const PageRequest newest{0, kFeedEntries};
  auto all = store.practices_in_section(0, PracticeSort::newest, newest);
  if (!all) return std::unexpected(all.error());
  files["praktyki.atom"] =
      feed_of(info("praktyki.atom", "nowe praktyki", "/"), context, all->items);
  for (const auto& s : context.sections()) {
    auto listed = store.practices_in_section(s.id, PracticeSort::newest, newest);
    if (!listed) return std::unexpected(listed.error());
    const auto name = section_feed_name(s);
    files[name] = feed_of(info(name, "dział " + s.name, section_path(s)), context, listed->items);
  }
  std::set<std::string> voivodeships;
  for (const auto& u : context.units()) {
    if (!u.voivodeship.empty()) voivodeships.insert(u.voivodeship);
  }
  for (const auto& v : voivodeships) {
    auto newest_there = newest_of_voivodeship(store, v);
    if (!newest_there) return std::unexpected(newest_there.error());
    const auto name = voivodeship_feed_name(v);
    files[name] =
        feed_of(info(name, "województwo " + v, "/szukaj?voivodeship=" + percent_encode(v)), context,
                *newest_there);
  }
  return files;
}

}  // namespace bdp::opendata
