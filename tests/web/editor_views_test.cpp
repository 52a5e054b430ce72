// The editors' pages as HTML: labelled fields, the CSRF token in the form, everything the
// visitor typed escaped, the error tied to the field for screen readers.
#include <gtest/gtest.h>

#include "views_fixture.h"

namespace bdp::web {
namespace {

const std::string kHostile = R"("><script>alert(1)</script>)";

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
  const auto html = views->dashboard(ctx, kHostile, changes, "csrf-of-session");
  EXPECT_NE(html.find("Zalogowano jako <strong>&quot;&gt;&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find(R"(<a href="/praktyki/7-budzet">Budżet &lt;obywatelski&gt;</a>)"),
            std::string::npos);
  EXPECT_NE(html.find("#5 (usunięto)"), std::string::npos);
  EXPECT_NE(html.find(R"(action="/redakcja/wyloguj")"), std::string::npos);
  EXPECT_NE(html.find(R"(name="csrf" value="csrf-of-session")"), std::string::npos);
  ctx.lang = i18n::Lang::en;
  EXPECT_NE(views->dashboard(ctx, "Anna", {}, "c").find("There are no changes yet."),
            std::string::npos);
}

TEST_F(EditorViewsTest, TheDashboardListsUnitsWithoutAPlaceOnTheMap) {
  const auto html = views->dashboard(
      ctx, "Anna", {}, "c",
      {{"Gmina <Nibylandia>", "nibylandia", "/jednostki/nibylandia", "środek powiatu"}});
  EXPECT_NE(html.find(R"(<a href="/jednostki/nibylandia">Gmina &lt;Nibylandia&gt;</a> )"
                      R"((<code>nibylandia</code>): środek powiatu</li>)"),
            std::string::npos);
  EXPECT_NE(html.find("bdp unit set-place"), std::string::npos);
  EXPECT_NE(views->dashboard(ctx, "Anna", {}, "c").find("Każda jednostka ma miejsce na mapie."),
            std::string::npos);
}

}  // namespace
}  // namespace bdp::web
