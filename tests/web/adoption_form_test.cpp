// The form "Zastosowaliśmy to u nas": each field refused with its own message, the address of
// one's own practice read in every form a visitor pastes it, and what a passing form becomes.
#include "web/adoption_form.h"

#include <gtest/gtest.h>

namespace bdp::web {
namespace {

SubmissionForm form_of(std::initializer_list<std::pair<const char*, const char*>> list) {
  http::FormFields posted;
  for (const auto& [k, v] : list) posted.emplace(k, v);
  SubmissionForm form;
  form.take(adoption_step(), posted);
  return form;
}

SubmissionForm good(const char* year = "2022", const char* own = "") {
  return form_of({{"jednostka", " Kościany "},
                  {"typ", "gmina wiejska"},
                  {"wojewodztwo", "opolskie"},
                  {"sposob", "adapted"},
                  {"rok", year},
                  {"zmiany", "Klub działa w szkole."},
                  {"nasza_praktyka", own},
                  {"osoba", "Anna Nowak"},
                  {"email", "anna@kosciany.example.pl"}});
}

TEST(AdoptionForm, AFormWithEveryRequiredFieldPasses) {
  EXPECT_EQ(check_adoption(good(), 2026), std::vector<FieldError>{});
  EXPECT_EQ(check_adoption(good("2026", "/praktyki/12-klub"), 2026), std::vector<FieldError>{});
}

TEST(AdoptionForm, EachFieldIsRefusedWithItsOwnMessage) {
  const auto refused = form_of({{"typ", "gmina"},
                                {"sposob", "stolen"},
                                {"rok", "22"},
                                {"email", "anna"},
                                {"nasza_praktyka", "https://example.org/x"}});
  EXPECT_EQ(check_adoption(refused, 2026),
            (std::vector<FieldError>{{"jednostka", "submit.error.required"},
                                     {"typ", "submit.error.choose"},
                                     {"wojewodztwo", "submit.error.required"},
                                     {"sposob", "submit.error.choose"},
                                     {"rok", "adoption.error.year"},
                                     {"zmiany", "submit.error.required"},
                                     {"osoba", "submit.error.required"},
                                     {"email", "submit.error.email"},
                                     {"nasza_praktyka", "adoption.error.own_practice"}}));
  EXPECT_EQ(check_adoption(good("1989"), 2026),
            (std::vector<FieldError>{{"rok", "adoption.error.year"}}));
  EXPECT_EQ(check_adoption(good("2027"), 2026),
            (std::vector<FieldError>{{"rok", "adoption.error.future"}}));
}

TEST(AdoptionForm, TheOwnPracticeIsReadFromAnyAddressOfItsPage) {
  EXPECT_EQ(practice_id_in("/praktyki/12-klub-seniora"), 12);
  EXPECT_EQ(practice_id_in("https://bdp.example/en/praktyki/12/pelna-prezentacja?x=1"), 12);
  EXPECT_EQ(practice_id_in("12-klub"), 12);
  EXPECT_EQ(practice_id_in("12"), 12);
  EXPECT_EQ(practice_id_in("https://example.org/x"), std::nullopt);
  EXPECT_EQ(practice_id_in("/praktyki/klub"), std::nullopt);
  EXPECT_EQ(practice_id_in("0"), std::nullopt);
  EXPECT_EQ(practice_id_in(""), std::nullopt);
}

TEST(AdoptionForm, APassingFormBecomesAUnitAndAPendingAdoption) {
  const auto record =
      adoption_record(good("2022", "https://bdp.example/praktyki/12-klub"), 40, "2026-12-02");
  EXPECT_EQ(record.unit.name, "Kościany");
  EXPECT_EQ(record.unit.slug, "kosciany-opolskie");
  EXPECT_EQ(record.unit.type, "gmina wiejska");
  EXPECT_EQ(record.unit.voivodeship, "opolskie");
  EXPECT_EQ(record.unit.id, 0);
  Adoption expected;
  expected.practice_id = 40;
  expected.adopting_practice_id = 12;
  expected.kind = AdoptionKind::adapted;
  expected.year = 2022;
  expected.changes = "Klub działa w szkole.";
  expected.contact_name = "Anna Nowak";
  expected.contact_email = "anna@kosciany.example.pl";
  expected.status = AdoptionStatus::pending;
  expected.created_on = "2026-12-02";
  EXPECT_EQ(record.adoption, expected);
}

}  // namespace
}  // namespace bdp::web
