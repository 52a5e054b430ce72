// The editors' pages as HTML: labelled fields, the CSRF token in the form, everything the
// visitor typed escaped, the error tied to the field for screen readers.
#include <gtest/gtest.h>

#include "views_fixture.h"

namespace bdp::web {
namespace {

const std::string kHostile = R"("><script>alert(1)</script>)";
const DeskMenu anna{"Anna", "redaktor", "c"};

class EditorViewsTest : public testing::ViewsFixture {
 protected:
  void SetUp() override { set_up_views({}, "/redakcja"); }
};

TEST_F(EditorViewsTest, TheLoginFormHasLabelledFieldsAndTheCsrfToken) {
  const auto html = views->login(ctx, LoginForm{"", "tok_EN-1", ""});
  EXPECT_NE(html.find(R"(<form class="editor-form" method="post" action="/redakcja/logowanie">)"),
            std::string::npos);
  EXPECT_NE(html.find(R"(name="csrf" value="tok_EN-1")"), std::string::npos);
  EXPECT_NE(html.find(R"(<label for="email">E-mail</label>)"), std::string::npos);
  EXPECT_NE(html.find(R"(<label for="haslo">Hasło</label>)"), std::string::npos);
  EXPECT_NE(html.find(R"(autocomplete="current-password")"), std::string::npos);
  EXPECT_EQ(html.find("role=\"alert\""), std::string::npos) << "no error before a failure";
}

TEST_F(EditorViewsTest, AFailedLoginKeepsTheEmailEscapedAndDescribesTheFieldWithTheError) {
  const auto html = views->login(ctx, LoginForm{kHostile, "t", "Nieprawidłowy e-mail lub hasło."});
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&quot;&gt;&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find(R"(id="login-error" role="alert">Nieprawidłowy e-mail lub hasło.</p>)"),
            std::string::npos);
  EXPECT_NE(html.find(R"(aria-describedby="login-error")"), std::string::npos);
}

TEST_F(EditorViewsTest, TheDashboardNamesTheEditorListsChangesAndOffersLogout) {
  const std::vector<RecentChange> changes = {
      {3, "Praktyka", "Budżet <obywatelski>", "/praktyki/7-budzet", false},
      {2, "Praktyka", "#5", "", true},
  };
  const auto html = views->dashboard(ctx, {kHostile, "redaktor", "csrf-of-session"}, changes);
  EXPECT_NE(html.find("Zalogowano jako <strong>&quot;&gt;&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find(R"(<a href="/praktyki/7-budzet">Budżet &lt;obywatelski&gt;</a>)"),
            std::string::npos);
  EXPECT_NE(html.find("#5 (usunięto)"), std::string::npos);
  EXPECT_NE(html.find(R"(action="/redakcja/wyloguj")"), std::string::npos);
  EXPECT_NE(html.find(R"(name="csrf" value="csrf-of-session")"), std::string::npos);
  ctx.lang = i18n::Lang::en;
  EXPECT_NE(views->dashboard(ctx, anna, {}).find("There are no changes yet."), std::string::npos);
}

TEST_F(EditorViewsTest, TheDashboardListsUnitsWithoutAPlaceOnTheMap) {
  const auto html = views->dashboard(
      ctx, anna, {},
      {{"Gmina <Nibylandia>", "nibylandia", "/jednostki/nibylandia", "środek powiatu"}});
  EXPECT_NE(html.find(R"(<a href="/jednostki/nibylandia">Gmina &lt;Nibylandia&gt;</a> )"
                      R"((<code>nibylandia</code>): środek powiatu</li>)"),
            std::string::npos);
  EXPECT_NE(html.find("bdp unit set-place"), std::string::npos);
  EXPECT_NE(views->dashboard(ctx, anna, {}).find("Każda jednostka ma miejsce na mapie."),
            std::string::npos);
}

TEST_F(EditorViewsTest, TheDeskBarLinksOnlyWhatTheRoleMayOpen) {
  const auto reviewer = views->dashboard(ctx, {"Ewa", "recenzent", "c", true, false}, {});
  EXPECT_NE(reviewer.find("<strong>Ewa</strong> (recenzent)"), std::string::npos);
  EXPECT_NE(reviewer.find(R"(<a href="/redakcja/kolejka">Kolejka przeglądu</a>)"),
            std::string::npos);
  EXPECT_EQ(reviewer.find("/redakcja/dziennik"), std::string::npos);
  const auto submitter = views->dashboard(ctx, {"Jan", "zgłaszający", "c"}, {});
  EXPECT_EQ(submitter.find("/redakcja/kolejka"), std::string::npos);
  EXPECT_NE(submitter.find(R"(<a href="/redakcja/haslo">Zmiana hasła</a>)"), std::string::npos);
}

TEST_F(EditorViewsTest, TheReviewPageOffersTheRolesTransitionsAndEscapesComments) {
  ReviewPage page;
  page.practice.id = 12;
  page.practice.title = "Budżet <obywatelski>";
  page.practice.status = PracticeStatus::in_review;
  page.unit.name = "Śrem";
  page.transitions = workflow::transitions_for(Role::editor, PracticeStatus::in_review);
  page.comments = {{1, 12, 3, "Ewa", true, kHostile, 1'800'000'000}};
  page.can_comment = true;
  const auto html = views->review_practice(ctx, anna, page);
  EXPECT_NE(html.find("<h1>Budżet &lt;obywatelski&gt;</h1>"), std::string::npos);
  EXPECT_NE(html.find(R"(<button type="submit" name="akcja" value="request_changes">)"
                      R"(Poproś o poprawki</button>)"),
            std::string::npos);
  EXPECT_NE(html.find(R"(value="publish">Opublikuj</button>)"), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("<dd>W przeglądzie</dd>"), std::string::npos);
  EXPECT_NE(html.find("<dt>Jednostka</dt><dd>Śrem</dd>"), std::string::npos);
  EXPECT_EQ(html.find(R"(action="/redakcja/praktyki/12/przypisz")"), std::string::npos)
      << "no one to assign: no assignment form";
  EXPECT_NE(html.find(R"(action="/redakcja/praktyki/12/komentarz")"), std::string::npos);
}

TEST_F(EditorViewsTest, TheQueueShowsTimeInStateAndTheCountOfEveryState) {
  QueuePage page;
  page.status = PracticeStatus::submitted;
  page.counts = {{PracticeStatus::submitted, 1}, {PracticeStatus::in_review, 0}};
  page.items = {{5, "Praktyka", PracticeStatus::submitted, "Śrem", std::nullopt, "", "2027-01-31",
                 1'800'000'000}};
  page.now = 1'800'000'000 + 3 * 86400 + 4 * 3600 + 59;
  const auto html = views->review_queue(ctx, anna, page);
  EXPECT_NE(html.find(R"(<a href="/redakcja/kolejka?stan=submitted" aria-current="page">)"
                      R"(Zgłoszone (1)</a>)"),
            std::string::npos);
  EXPECT_NE(html.find("<td>nikt</td><td>2027-01-31</td><td>3 d 4 h</td>"), std::string::npos);
}

}  // namespace
}  // namespace bdp::web
