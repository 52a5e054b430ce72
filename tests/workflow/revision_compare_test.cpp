// Two revisions compared: only changed fields, in the later one's order, fields only in the
// earlier one where they stood, each with its word diff.
#include "workflow/revision_compare.h"

#include <gtest/gtest.h>

namespace bdp::workflow {
namespace {

std::vector<std::string> keys(const std::vector<FieldChange>& changes) {
  std::vector<std::string> out;
  for (const auto& c : changes) out.push_back(c.key);
  return out;
}

TEST(RevisionCompare, OnlyChangedFieldsInTheLaterOrder) {
  const std::vector<ContentField> before = {
      {"title", "Stary tytuł"}, {"summary", "Bez zmian"}, {"street", "Polna 1"}};
  const std::vector<ContentField> after = {
      {"title", "Nowy tytuł"}, {"summary", "Bez zmian"}, {"street", "Polna 2"}};
  const auto changes = compare_fields(before, after);
  EXPECT_EQ(keys(changes), (std::vector<std::string>{"title", "street"}));
  EXPECT_EQ(changes[0].before, "Stary tytuł");
  EXPECT_EQ(changes[0].after, "Nowy tytuł");
  EXPECT_FALSE(changes[0].added);
  EXPECT_EQ(changes[0].pieces.front(), (DiffPiece{DiffKind::deleted, "Stary"}));
}

TEST(RevisionCompare, AddedAndRemovedFieldsStandWhereTheyWere) {
  const std::vector<ContentField> before = {{"title", "T"},
                                            {"contacts.0.name", "Ewa"},
                                            {"contacts.1.name", "Jan"},
                                            {"provenance.note", ""}};
  const std::vector<ContentField> after = {{"title", "T"},
                                           {"contacts.0.name", "Ewa"},
                                           {"provenance.note", ""},
                                           {"attachments.0.title", "Uchwała"}};
  const auto changes = compare_fields(before, after);
  EXPECT_EQ(keys(changes), (std::vector<std::string>{"contacts.1.name", "attachments.0.title"}));
  EXPECT_TRUE(changes[0].removed);
  EXPECT_EQ(changes[0].pieces, (std::vector<DiffPiece>{{DiffKind::deleted, "Jan"}}));
  EXPECT_TRUE(changes[1].added);
}

TEST(RevisionCompare, TheSameContentHasNoChanges) {
  const std::vector<ContentField> fields = {{"title", "T"}, {"summary", "S"}};
  EXPECT_TRUE(compare_fields(fields, fields).empty());
}

}  // namespace
}  // namespace bdp::workflow
