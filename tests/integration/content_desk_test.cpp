// A published practice's text in the back office, on every engine: its next revision is pending
// while the public page keeps the published text; a fix of the published text (a reason
// required) is public at once and leaves the pending revision as it is; publishing the pending
// revision keeps the fix; discarding one leaves its revision in the history; a practice filed in
// other sections by ticking them (none ticked refused); a contact added in the form's blank row
// and removed by emptying it; each step audited.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "desk_fixture.h"

namespace bdp::testing {
namespace {

class ContentDesk : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    if (HasFatalFailure()) return;
    for (const auto& p : store->all_practices().value_or(std::vector<Practice>{})) {
      if (p.status == PracticeStatus::published && !p.summary.empty()) {
        practice = p;
        break;
      }
    }
    ASSERT_GT(practice.id, 0) << "the demo data has a published practice";
    base = "/redakcja/praktyki/" + std::to_string(practice.id);
    auto permalink = server->get("/praktyki/" + std::to_string(practice.id));
    ASSERT_TRUE(permalink);
    public_path = permalink->header("location").value_or("");
    ASSERT_FALSE(public_path.empty());
  }
  // True once the public page does (or does not) show `text`: the node drops its cached page
  // when it follows the change log.
  bool public_page_shows(const std::string& text, bool wanted) {
    for (int i = 0; i < 100; ++i) {
      auto r = server->get(public_path);
      if (r && r->status == 200 && (r->body.find(text) != std::string::npos) == wanted) {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  std::vector<std::string> audited() {
    return audited_actions("practice:" + std::to_string(practice.id));
  }
  Practice practice;
  std::string base;
  std::string public_path;
};
INSTANTIATE_TEST_SUITE_P(Engines, ContentDesk, ::testing::ValuesIn(test_engines()));

TEST_P(ContentDesk, APendingRevisionWaitsWhileAFixOfThePublishedTextIsPublicAndBothSurvive) {
  auto form = server->get(base + "/tresc", session);
  ASSERT_TRUE(form);
  ASSERT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("<strong aria-current=\"page\">Wersja oczekująca (do przeglądu)"),
            std::string::npos)
      << "a published practice's form edits its pending revision first";
  EXPECT_NE(form->body.find("<input type=\"hidden\" name=\"cel\" value=\"oczekujaca\">"),
            std::string::npos);

  // The next revision: a new summary, pending; the public page keeps the published one.
  ASSERT_EQ(
      post(base + "/tresc", "cel=oczekujaca&summary=" + form_encode("Nowy skrót: dwa kluby.") +
                                "&powod=" + form_encode("aktualizacja"))
          .status,
      303);
  auto pending = store->pending_revision(practice.id);
  ASSERT_TRUE(pending) << pending.error().message;
  EXPECT_EQ(store->practice(practice.id)->summary, practice.summary);
  EXPECT_TRUE(public_page_shows("Nowy skrót: dwa kluby.", false));
  auto queue = server->get("/redakcja/kolejka?stan=in_review", session);
  ASSERT_TRUE(queue);
  EXPECT_NE(queue->body.find(">" + practice.title +
                             "</a> <span class=\"rev-same\">(zmiany "
                             "opublikowanej praktyki)</span>"),
            std::string::npos)
      << queue->body;

  // A fix of the published title: refused without a reason, with what was typed escaped.
  const std::string fixed = practice.title + " <b>poprawione</b>";
  auto refused = post(base + "/tresc", "cel=opublikowana&title=" + form_encode(fixed));
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("<title>Błąd:"), std::string::npos);
  EXPECT_NE(refused.body.find("<a href=\"#powod\">"), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("&lt;b&gt;poprawione&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(refused.body.find("<b>poprawione</b>"), std::string::npos);
  ASSERT_EQ(post(base + "/tresc", "cel=opublikowana&title=" + form_encode(fixed) +
                                      "&powod=" + form_encode("literówka"))
                .status,
            303);
  EXPECT_TRUE(public_page_shows("&lt;b&gt;poprawione&lt;/b&gt;", true)) << "public at once";
  EXPECT_TRUE(public_page_shows("Nowy skrót: dwa kluby.", false)) << "the pending one still waits";
  auto still = store->pending_revision(practice.id);
  ASSERT_TRUE(still) << "the fix leaves the pending revision";
  EXPECT_EQ(still->number, pending->number);
  auto review = server->get(base, session);
  ASSERT_TRUE(review);
  EXPECT_NE(review->body.find("zostaną zachowane w polach:</p><ul class=\"pending-merge\"><li>Tytuł"
                              "</li></ul>"),
            std::string::npos)
      << review->body;

  // Published, the pending revision keeps the fix of the field it left alone.
  ASSERT_EQ(post(base + "/oczekujaca/opublikuj", "").status, 303);
  EXPECT_TRUE(public_page_shows("Nowy skrót: dwa kluby.", true));
  auto live = store->practice(practice.id);
  ASSERT_TRUE(live);
  EXPECT_EQ(live->title, fixed);
  EXPECT_EQ(live->summary, "Nowy skrót: dwa kluby.");
  EXPECT_EQ(live->status, PracticeStatus::published);
  EXPECT_EQ(store->pending_revision(practice.id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(post(base + "/oczekujaca/opublikuj", "").status, 409) << "published once";
  EXPECT_EQ(audited(), (std::vector<std::string>{"transition:publish_pending", "content:fix",
                                                 "content:propose"}));
}

TEST_P(ContentDesk, ADiscardedPendingRevisionStaysInTheHistoryAndTheSameTextIsRefused) {
  auto same = post(base + "/tresc", "cel=oczekujaca");
  EXPECT_EQ(same.status, 409) << "the published text is no pending revision";
  EXPECT_NE(same.body.find("Ta wersja ma treść taką jak opublikowana."), std::string::npos);
  ASSERT_EQ(post(base + "/tresc", "cel=oczekujaca&title=" + form_encode("Inny tytuł")).status, 303);
  const auto revisions = store->revisions(practice.id)->size();
  auto edit = server->get(base + "/tresc?cel=oczekujaca", session);
  ASSERT_TRUE(edit);
  EXPECT_NE(edit->body.find("value=\"Inny tytuł\""), std::string::npos) << "the pending text";
  auto published_form = server->get(base + "/tresc?cel=opublikowana", session);
  ASSERT_TRUE(published_form);
  EXPECT_NE(published_form->body.find("value=\"" + practice.title + "\""), std::string::npos);
  ASSERT_EQ(post(base + "/oczekujaca/odrzuc", "").status, 303);
  EXPECT_EQ(store->pending_revision(practice.id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store->revisions(practice.id)->size(), revisions) << "its revision is kept";
  EXPECT_EQ(store->practice(practice.id)->title, practice.title);
  EXPECT_EQ(post(base + "/oczekujaca/odrzuc", "").status, 409);
  EXPECT_EQ(audited(), (std::vector<std::string>{"content:discard", "content:propose"}));
}

TEST_P(ContentDesk, APracticeIsFiledInOtherSectionsByTickingThemAndNoneTickedIsRefused) {
  auto form = server->get(base + "/tresc?cel=opublikowana", session);
  ASSERT_TRUE(form);
  const auto own = std::to_string(practice.section_ids.at(0));
  EXPECT_NE(form->body.find("name=\"sections\" value=\"" + own + "\" checked"), std::string::npos)
      << "its sections are ticked";
  auto none = post(base + "/tresc", "cel=opublikowana&powod=Porz%C4%85dki&sections=");
  EXPECT_EQ(none.status, 400);
  EXPECT_NE(none.body.find("href=\"#sections\""), std::string::npos);
  EXPECT_NE(none.body.find("Zaznacz co najmniej jeden dział."), std::string::npos);
  EXPECT_EQ(post(base + "/tresc", "cel=opublikowana&powod=x&sections=&sections=777").status, 400);
  EXPECT_EQ(store->practice(practice.id)->section_ids, practice.section_ids) << "nothing saved";

  auto moved = post(base + "/tresc",
                    "cel=opublikowana&powod=Inny+dzia%C5%82&sections=&sections=13&"
                    "sections=2&sections=13");
  EXPECT_EQ(moved.status, 303) << moved.body;
  EXPECT_EQ(store->practice(practice.id)->section_ids, (std::vector<std::int64_t>{13, 2}));
  EXPECT_TRUE(within(std::chrono::seconds(1), [&] {
    auto listing = server->get("/dzialy/dialog-spoleczny");
    return listing && listing->body.find(practice.title) != std::string::npos;
  }));
  EXPECT_EQ(audited().front(), "content:fix");
}

TEST_P(ContentDesk, AContactIsAddedInTheBlankRowAndRemovedByEmptyingIt) {
  const auto row = "contacts." + std::to_string(practice.contacts.size()) + ".";
  auto form = server->get(base + "/tresc?cel=opublikowana", session);
  ASSERT_TRUE(form);
  EXPECT_NE(form->body.find("name=\"" + row + "name\" type=\"text\" value=\"\""), std::string::npos)
      << "a blank contact follows the practice's contacts";

  ASSERT_EQ(post(base + "/tresc", "cel=opublikowana&powod=Nowa+osoba&" + row + "name=Jan+Nowy&" +
                                      row + "email=jan%40gmina.pl")
                .status,
            303);
  auto added = store->practice(practice.id);
  ASSERT_TRUE(added);
  ASSERT_EQ(added->contacts.size(), practice.contacts.size() + 1);
  EXPECT_EQ(added->contacts.back().name, "Jan Nowy");
  EXPECT_EQ(added->contacts.back().email, "jan@gmina.pl");
  EXPECT_EQ(added->attachments, practice.attachments) << "the blank attachment adds none";
  EXPECT_TRUE(public_page_shows("Jan Nowy", true));

  std::string emptied = "cel=opublikowana&powod=Nieaktualna";
  for (const char* sub : {"name", "position", "phones", "email"}) emptied += "&" + row + sub + "=";
  ASSERT_EQ(post(base + "/tresc", emptied).status, 303);
  EXPECT_EQ(store->practice(practice.id)->contacts, practice.contacts);
  EXPECT_TRUE(public_page_shows("Jan Nowy", false));
}

}  // namespace
}  // namespace bdp::testing
