// Word-by-word comparison: the pieces spell both texts, changes are whole words, the edit script
// is minimal, and a text past the edit bound comes back as one deletion and one insertion.
#include "workflow/word_diff.h"

#include <gtest/gtest.h>

namespace bdp::workflow {
namespace {

std::string spelled(const std::vector<DiffPiece>& pieces, DiffKind left_out) {
  std::string out;
  for (const auto& p : pieces) {
    if (p.kind != left_out) out += p.text;
  }
  return out;
}

TEST(WordDiff, AChangedWordIsOneDeletionAndOneInsertion) {
  const auto pieces = word_diff("Ośrodek pomocy w Śremie", "Ośrodek wsparcia w Śremie");
  const std::vector<DiffPiece> expected = {{DiffKind::same, "Ośrodek "},
                                           {DiffKind::deleted, "pomocy"},
                                           {DiffKind::inserted, "wsparcia"},
                                           {DiffKind::same, " w Śremie"}};
  EXPECT_EQ(pieces, expected);
}

TEST(WordDiff, InsertedAndDeletedWordsInTheMiddle) {
  const auto pieces = word_diff("a b c d e", "a c d x e");
  EXPECT_EQ(spelled(pieces, DiffKind::inserted), "a b c d e");
  EXPECT_EQ(spelled(pieces, DiffKind::deleted), "a c d x e");
  int edits = 0;
  for (const auto& p : pieces) edits += p.kind != DiffKind::same;
  EXPECT_EQ(edits, 2);  // "b " deleted, "x " inserted
}

TEST(WordDiff, ARunOfChangedWordsIsOneDeletionAndOneInsertion) {
  const std::vector<DiffPiece> expected = {{DiffKind::same, "Było: "},
                                           {DiffKind::deleted, "Jest lepiej o połowę."},
                                           {DiffKind::inserted, "Koszt: 10 000 zł."}};
  EXPECT_EQ(word_diff("Było: Jest lepiej o połowę.", "Było: Koszt: 10 000 zł."), expected);
}

TEST(WordDiff, SameTextsAreOnePieceAndEmptyOnesNone) {
  EXPECT_EQ(word_diff("bez zmian", "bez zmian"),
            (std::vector<DiffPiece>{{DiffKind::same, "bez zmian"}}));
  EXPECT_TRUE(word_diff("", "").empty());
  EXPECT_EQ(word_diff("", "nowy tekst"),
            (std::vector<DiffPiece>{{DiffKind::inserted, "nowy tekst"}}));
  EXPECT_EQ(word_diff("stary", ""), (std::vector<DiffPiece>{{DiffKind::deleted, "stary"}}));
}

TEST(WordDiff, LineBreaksArePreserved) {
  const auto pieces = word_diff("jeden\n\ndwa", "jeden\n\ntrzy");
  EXPECT_EQ(spelled(pieces, DiffKind::inserted), "jeden\n\ndwa");
  EXPECT_EQ(spelled(pieces, DiffKind::deleted), "jeden\n\ntrzy");
  EXPECT_EQ(pieces.front(), (DiffPiece{DiffKind::same, "jeden\n\n"}));
}

TEST(WordDiff, LongTextsSpellBothSides) {
  std::string before, after;
  for (int i = 0; i < 3000; ++i) {
    before += "słowo" + std::to_string(i) + ' ';
    after += (i % 7 == 0 ? "zmienione" : "słowo" + std::to_string(i)) + ' ';
  }
  const auto pieces = word_diff(before, after);
  EXPECT_EQ(spelled(pieces, DiffKind::inserted), before);
  EXPECT_EQ(spelled(pieces, DiffKind::deleted), after);
  for (std::size_t i = 1; i < pieces.size(); ++i) {
    EXPECT_NE(pieces[i].kind, pieces[i - 1].kind);
    // A deletion is never followed by a deletion after an insertion: runs are grouped.
    if (i >= 2 && pieces[i].kind == DiffKind::deleted) {
      EXPECT_EQ(pieces[i - 1].kind, DiffKind::same);
    }
  }
}

TEST(WordDiff, PastTheEditBoundTheMiddleIsReplacedWhole) {
  const auto pieces = word_diff("start a b c end", "start x y z end", 2);
  const std::vector<DiffPiece> expected = {{DiffKind::same, "start "},
                                           {DiffKind::deleted, "a b c"},
                                           {DiffKind::inserted, "x y z"},
                                           {DiffKind::same, " end"}};
  EXPECT_EQ(pieces, expected);
}

}  // namespace
}  // namespace bdp::workflow
