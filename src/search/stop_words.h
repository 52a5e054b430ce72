// Polish stop words: function words that carry no meaning for search ("i", "w", "się", "oraz").
// Queries drop them outside phrases; the index keeps them as surface terms so phrases still
// match. Looked up by the folded form (see text_folding.h). Thread-safe.
#pragma once

#include <string_view>

namespace bdp::search {

bool is_stop_word(std::string_view folded_word);

}  // namespace bdp::search
