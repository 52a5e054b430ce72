// The submission form's table and checks: each kind of field refused with its own Polish
// message, what was typed kept, and what a complete form becomes.
#include "web/submission_form.h"

#include <gtest/gtest.h>

namespace bdp::web {
namespace {

const SectionTree& tree() {
  static const SectionTree t(
      {{1, std::nullopt, "uslugi", "Usługi", 0, ""}, {2, 1, "pomoc", "Pomoc społeczna", 0, ""}});
  return t;
}

const StepSpec& step(const char* slug) {
  return *find_step(slug);
}

http::FormFields fields(std::initializer_list<std::pair<const char*, const char*>> list) {
  http::FormFields out;
  for (const auto& [k, v] : list) out.emplace(k, v);
  return out;
}

std::vector<FieldError> check(const char* slug, const http::FormFields& posted) {
  SubmissionForm form;
  form.take(step(slug), posted);
  return check_step(step(slug), form, tree());
}

TEST(SubmissionForm, TheStepsFollowTheMethodology) {
  const auto& steps = submission_steps();
  ASSERT_EQ(steps.size(), 4U);
  EXPECT_EQ(steps[0].slug, "jednostka");
  EXPECT_EQ(steps[3].slug, "prezentacja");
  ASSERT_EQ(steps[3].fields.size(), methodology().size());
  EXPECT_EQ(steps[3].fields[0].name, "m_sytuacja_przed");
  EXPECT_EQ(steps[3].fields[0].label, "Opis sytuacji przed wdrożeniem");
  EXPECT_TRUE(steps[3].fields[0].required);
  EXPECT_FALSE(steps[3].fields[0].hint.empty()) << "every heading has its guidance";
  EXPECT_EQ(find_step("nie-ma"), nullptr);
}

TEST(SubmissionForm, EachBadValueGetsTheMessageOfItsField) {
  const auto errors = check("jednostka", fields({{"jednostka", "Gmina Śrem"},
                                                 {"typ", "gmina kosmiczna"},
                                                 {"wojewodztwo", "lubelskie"},
                                                 {"miejscowosc", ""},
                                                 {"kod", "63100"},
                                                 {"witryna", "javascript:alert(1)"},
                                                 {"mieszkancy", "40 333"}}));
  const std::vector<FieldError> expected = {{"typ", "submit.error.choose"},
                                            {"miejscowosc", "submit.error.required"},
                                            {"kod", "submit.error.postal_code"},
                                            {"witryna", "submit.error.url"},
                                            {"mieszkancy", "submit.error.number"}};
  EXPECT_EQ(errors, expected);
}

TEST(SubmissionForm, GoodValuesPass) {
  EXPECT_TRUE(check("jednostka", fields({{"jednostka", "Gmina Śrem"},
                                         {"typ", "gmina miejsko-wiejska"},
                                         {"wojewodztwo", "wielkopolskie"},
                                         {"miejscowosc", "Śrem"},
                                         {"kod", "63-100"},
                                         {"witryna", "www.srem.pl"},
                                         {"mieszkancy", "40333"}}))
                  .empty());
  EXPECT_TRUE(check("kontakt", fields({{"osoba", "Maria Świdurska"},
                                       {"telefon", "+48 61 28-36-107"},
                                       {"email", "poczta@opssrem.lap.pl"},
                                       {"zgoda", "tak"}}))
                  .empty());
}

TEST(SubmissionForm, ContactNeedsAnAddressAPhoneOfDigitsAndTheConsent) {
  const auto errors = check(
      "kontakt", fields({{"osoba", "Jan"}, {"telefon", "zadzwoń"}, {"email", "jan@localhost"}}));
  const std::vector<FieldError> expected = {{"telefon", "submit.error.phone"},
                                            {"email", "submit.error.email"},
                                            {"zgoda", "submit.error.consent"}};
  EXPECT_EQ(errors, expected);
}

TEST(SubmissionForm, SectionsMustExistAndTextsHaveTheirLimit) {
  const std::string long_title(301, 'a');
  auto errors = check(
      "opis", fields({{"tytul", long_title.c_str()}, {"skrot", "Krótko."}, {"dzialy", "99"}}));
  const std::vector<FieldError> expected = {{"tytul", "submit.error.too_long"},
                                            {"dzialy", "submit.error.sections"}};
  EXPECT_EQ(errors, expected);
  // 300 Polish letters are 600 bytes and still fit: limits count characters.
  std::string polish;
  for (int i = 0; i < 300; ++i) polish += "ś";
  EXPECT_TRUE(
      check("opis", fields({{"tytul", polish.c_str()}, {"skrot", "a"}, {"dzialy", "2"}})).empty());
}

TEST(SubmissionForm, TickedIdsComeOnceInOrderWithoutWhatIsNoId) {
  http::FormFields posted = {{"dzialy", "3"}, {"dzialy", ""},   {"dzialy", "x"}, {"dzialy", "1"},
                             {"dzialy", "3"}, {"dzialy", "2 "}, {"inne", "4"},   {"dzialy", "-"}};
  EXPECT_EQ(ticked_ids(posted, "dzialy"), (std::vector<std::int64_t>{3, 1}));
  // A flood of values (a 1 MiB form) is read once each.
  for (int i = 0; i < 60000; ++i) posted.emplace("dzialy", std::to_string(i % 30000 + 10));
  EXPECT_EQ(ticked_ids(posted, "dzialy").size(), 30002U);
}

TEST(SubmissionForm, WhatWasTypedSurvivesTheDraftAndAStepReplacesOnlyItsFields) {
  SubmissionForm form;
  form.take(step("jednostka"), fields({{"jednostka", "<b>Śrem</b>"}, {"kod", "63100"}}));
  form.take(step("opis"), fields({{"tytul", "Tytuł"}, {"dzialy", "2"}, {"dzialy", "1"}}));
  form.completed.insert("opis");
  auto back = SubmissionForm::from_json(form.to_json());
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->value("jednostka"), "<b>Śrem</b>");
  EXPECT_EQ(back->value("kod"), "63100");
  EXPECT_EQ(back->section_ids, (std::vector<std::int64_t>{2, 1}));
  EXPECT_TRUE(back->completed.contains("opis"));
  back->take(step("opis"), fields({{"tytul", "Nowy"}}));
  EXPECT_TRUE(back->section_ids.empty());
  EXPECT_EQ(back->value("jednostka"), "<b>Śrem</b>");
  EXPECT_EQ(SubmissionForm::from_json("[1]").error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(SubmissionForm::from_json("{\"values\": 3}").error().kind, ErrorKind::invalid_input);
}

TEST(SubmissionForm, ACompleteFormBecomesASubmittedPracticeOfItsUnit) {
  SubmissionForm form;
  form.take(step("jednostka"), fields({{"jednostka", " Gmina Baranów "},
                                       {"typ", "gmina wiejska"},
                                       {"wojewodztwo", "lubelskie"},
                                       {"miejscowosc", "Baranów"},
                                       {"mieszkancy", "4000"}}));
  form.take(step("kontakt"), fields({{"osoba", "Jan Kowal"},
                                     {"telefon", "81 123 45 67"},
                                     {"email", "jan@baranow.pl"},
                                     {"zgoda", "tak"}}));
  form.take(step("opis"),
            fields({{"tytul", "Budżet obywatelski"}, {"skrot", "S"}, {"dzialy", "2"}}));
  form.take(step("prezentacja"), fields({{"m_sytuacja_przed", "Przed"}, {"m_rezultaty", "Po"}}));
  const auto r = submitted_record(form, "2026-12-01");
  EXPECT_EQ(r.unit.name, "Gmina Baranów");
  EXPECT_EQ(r.unit.slug, "gmina-baranow-lubelskie");
  EXPECT_EQ(r.practice.title, "Budżet obywatelski");
  EXPECT_EQ(r.practice.slug, "budzet-obywatelski");
  EXPECT_EQ(r.practice.status, PracticeStatus::submitted);
  EXPECT_EQ(r.practice.entered_on, "2026-12-01");
  EXPECT_EQ(r.practice.population, 4000);
  ASSERT_EQ(r.practice.contacts.size(), 1U);
  EXPECT_EQ(r.practice.contacts[0].phones, (std::vector<std::string>{"81 123 45 67"}));
  ASSERT_EQ(r.practice.presentation.size(), 2U) << "empty headings are left out";
  EXPECT_EQ(r.practice.presentation[1].heading, "Rezultaty i sposób ich pomiaru");
  EXPECT_EQ(r.email, "jan@baranow.pl");
  // Correcting it later starts from the same values, every step complete.
  Practice stored = r.practice;
  stored.id = 5;
  const auto again = form_of(stored, r.unit, "hash");
  EXPECT_EQ(again.practice_id, 5);
  EXPECT_EQ(again.value("m_rezultaty"), "Po");
  EXPECT_EQ(again.value("zgoda"), "tak");
  EXPECT_EQ(again.completed.size(), 4U);
  EXPECT_EQ(submitted_record(again, "2027-01-01").practice.title, "Budżet obywatelski");
}

}  // namespace
}  // namespace bdp::web
