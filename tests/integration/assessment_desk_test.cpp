// The summary of a practice's expert assessment on its public page, on every engine: hidden
// until an editor shows it from the review page, then the mean of each criterion someone scored
// (a declared conflict left out, no reviewer named), in Polish and English number format;
// hidden again at the editor's word; refused while nobody has scored; each step audited.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "desk_fixture.h"

namespace bdp::testing {
namespace {

class AssessmentDesk : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    if (HasFatalFailure()) return;
    for (const auto& p : store->all_practices().value_or(std::vector<Practice>{})) {
      if (p.status != PracticeStatus::published) continue;
      (practice.id == 0 ? practice : unscored) = p;
      if (unscored.id != 0) break;
    }
    ASSERT_GT(unscored.id, 0) << "the demo data has two published practices";
    base = "/redakcja/praktyki/" + std::to_string(practice.id);
    auto permalink = server->get("/praktyki/" + std::to_string(practice.id));
    ASSERT_TRUE(permalink);
    public_path = permalink->header("location").value_or("");
    ASSERT_FALSE(public_path.empty());
  }
  // Saves an assessment of the practice by a new reviewer `email`: every criterion `score`,
  // the first one `first`; or a declared conflict.
  void assess(const std::string& email, const std::string& name, int first, int score,
              bool conflict = false) {
    add_editor(*db, email, name, kEditorPassword, "reviewer");
    auto reviewer = store->editor_by_email(email);
    ASSERT_TRUE(reviewer) << reviewer.error().message;
    Assessment a;
    a.practice_id = practice.id;
    a.reviewer_id = reviewer->id;
    a.criteria_version = current_criteria().version;
    a.conflict = conflict;
    if (!conflict) {
      for (const auto& c : current_criteria().criteria) {
        a.scores.emplace_back(c.key, a.scores.empty() ? first : score);
      }
      a.confidence = Confidence::medium;
    }
    a.justification = "Uzasadnienie recenzenta " + name;
    a.at = 1'800'000'000;
    ASSERT_TRUE(store->write([&](Writer& w) { return w.save_assessment(a); }));
  }
  // The public page (in `lang_prefix`'s language) once it does (or does not) show the summary:
  // the node drops its cached page when it follows the change log.
  std::string public_page(bool shown, const std::string& lang_prefix = "") {
    std::string body;
    for (int i = 0; i < 100; ++i) {
      auto r = server->get(lang_prefix + public_path);
      body = r && r->status == 200 ? r->body : "";
      if ((body.find("id=\"ocena-ekspertow\"") != std::string::npos) == shown) return body;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "the public page never " << (shown ? "showed" : "hid") << " the summary";
    return body;
  }
  std::vector<std::string> audited() {
    return audited_actions("practice:" + std::to_string(practice.id));
  }
  Practice practice, unscored;
  std::string base;
  std::string public_path;
};
INSTANTIATE_TEST_SUITE_P(Engines, AssessmentDesk, ::testing::ValuesIn(test_engines()));

TEST_P(AssessmentDesk, AnEditorShowsTheMeansOnThePublicPageAndHidesThemAgain) {
  assess("ewa@bdp.pl", "Ewa Recenzentka", 3, 2);
  assess("jan@bdp.pl", "Jan Ekspert", 4, 5);
  assess("ola@bdp.pl", "Ola Sąsiadka", 0, 0, true);
  const std::string hidden = public_page(false);
  EXPECT_EQ(hidden.find("Innowacyjność"), std::string::npos);

  auto review = server->get(base, session);
  ASSERT_TRUE(review);
  EXPECT_NE(review->body.find("Strona praktyki nie pokazuje oceny."), std::string::npos);
  EXPECT_NE(review->body.find("<input type=\"hidden\" name=\"pokaz\" value=\"tak\">"),
            std::string::npos);
  ASSERT_EQ(post(base + "/ocena/publiczna", "pokaz=tak").status, 303);

  const std::string shown = public_page(true);
  // Means of the two who scored: (3 + 4) / 2 and (2 + 5) / 2; the conflict counts for nothing.
  EXPECT_NE(shown.find("<th scope=\"row\">Innowacyjność</th><td>3,5</td>"), std::string::npos)
      << shown;
  EXPECT_NE(shown.find("<th scope=\"row\">Trwałość</th><td>3,5</td>"), std::string::npos);
  EXPECT_NE(shown.find("Liczba oceniających ekspertów: 2."), std::string::npos);
  for (const char* secret : {"Ewa Recenzentka", "Jan Ekspert", "Ola Sąsiadka", "Uzasadnienie"}) {
    EXPECT_EQ(shown.find(secret), std::string::npos) << secret << " is not for the public";
  }
  const std::string english = public_page(true, "/en");
  EXPECT_NE(english.find("<th scope=\"row\" lang=\"pl\">Innowacyjność</th><td>3.5</td>"),
            std::string::npos)
      << english;
  EXPECT_NE(english.find("Experts who assessed it: 2."), std::string::npos);

  review = server->get(base, session);
  ASSERT_TRUE(review);
  EXPECT_NE(review->body.find("<input type=\"hidden\" name=\"pokaz\" value=\"nie\">"),
            std::string::npos);
  ASSERT_EQ(post(base + "/ocena/publiczna", "pokaz=nie").status, 303);
  EXPECT_EQ(public_page(false).find("Innowacyjność"), std::string::npos);
  const auto actions = audited();
  ASSERT_GE(actions.size(), 2U);
  EXPECT_EQ(actions[0], "assess:withhold");  // newest first
  EXPECT_EQ(actions[1], "assess:disclose");
}

TEST_P(AssessmentDesk, NothingIsShownWhileNobodyHasScored) {
  const std::string target = "/redakcja/praktyki/" + std::to_string(unscored.id);
  auto refused = post(target + "/ocena/publiczna", "pokaz=tak");
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.find("Błąd: nikt jeszcze nie ocenił tej praktyki."), std::string::npos);
  EXPECT_EQ(store->assessment_disclosed(unscored.id), false);
  EXPECT_EQ(post(target + "/ocena/publiczna", "pokaz=moze").status, 400);
}

}  // namespace
}  // namespace bdp::testing
