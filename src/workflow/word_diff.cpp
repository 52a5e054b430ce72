#include "workflow/word_diff.h"

#include <algorithm>
#include <cstdint>

namespace bdp::workflow {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Words and the runs of white space between them, in order: joined they spell `text`.
std::vector<std::string_view> tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const bool space = is_space(text[start]);
    std::size_t end = start + 1;
    while (end < text.size() && is_space(text[end]) == space) ++end;
    out.push_back(text.substr(start, end - start));
    start = end;
  }
  return out;
}

void add(std::vector<DiffPiece>& out, DiffKind kind, std::string_view text) {
  if (text.empty()) return;
  if (!out.empty() && out.back().kind == kind) {
    out.back().text += text;
  } else {
    out.push_back({kind, std::string(text)});
  }
}

using Tokens = std::vector<std::string_view>;

// The edit script between a and b by Myers' greedy algorithm, keeping each round's furthest
// reaching paths (O(D²) memory) to walk back; false when it needs more than `max_edits` edits.
bool myers(const Tokens& a, const Tokens& b, int max_edits, std::vector<DiffPiece>& out) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int offset = max_edits + 1;
  std::vector<int> v(static_cast<std::size_t>(2 * offset + 1), 0);
  std::vector<std::vector<int>> trace;
  int found = -1;
  for (int d = 0; d <= max_edits && found < 0; ++d) {
    // The paths before this round: diagonals -d..d are all a walk back from it reads.
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    for (int k = -d; k <= d; k += 2) {
      const auto at = [&](int diagonal) -> int& {
        return v[static_cast<std::size_t>(diagonal) + static_cast<std::size_t>(offset)];
      };
      int x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      int y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      at(k) = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return false;
  // Walk back from (n, m), collecting the pieces in reverse.
  std::vector<DiffPiece> reversed;
  int x = n;
  int y = m;
  for (int d = found; d >= 0; --d) {
    const auto& before = trace[static_cast<std::size_t>(d)];
    const auto at = [&](int diagonal) {
      return before[static_cast<std::size_t>(diagonal) + static_cast<std::size_t>(d)];
    };
    const int k = x - y;
    int prev_k = 0;
    if (d > 0) prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    const int prev_x = d > 0 ? at(prev_k) : 0;
    const int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x;
      --y;
      reversed.push_back({DiffKind::same, std::string(a[static_cast<std::size_t>(x)])});
    }
    if (d > 0) {
      if (x == prev_x) {
        reversed.push_back({DiffKind::inserted, std::string(b[static_cast<std::size_t>(prev_y)])});
      } else {
        reversed.push_back({DiffKind::deleted, std::string(a[static_cast<std::size_t>(prev_x)])});
      }
    }
    x = prev_x;
    y = prev_y;
  }
  std::reverse(reversed.begin(), reversed.end());
  for (auto& piece : reversed) add(out, piece.kind, piece.text);
  return true;
}

bool all_space(std::string_view text) {
  return std::ranges::all_of(text, is_space);
}

// Each run of changes as one deletion then one insertion, taking in the white space alone that
// stayed between two changes: "a b" → "x y" reads as "a b" replaced by "x y", not word by word.
std::vector<DiffPiece> grouped(const std::vector<DiffPiece>& pieces) {
  std::vector<DiffPiece> out;
  std::string deleted, inserted;
  const auto flush = [&] {
    add(out, DiffKind::deleted, deleted);
    add(out, DiffKind::inserted, inserted);
    deleted.clear();
    inserted.clear();
  };
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const auto& p = pieces[i];
    const bool bridge = p.kind == DiffKind::same && all_space(p.text) && i > 0 &&
                        i + 1 < pieces.size() && pieces[i - 1].kind != DiffKind::same &&
                        pieces[i + 1].kind != DiffKind::same;
    if (p.kind == DiffKind::deleted || bridge) deleted += p.text;
    if (p.kind == DiffKind::inserted || bridge) inserted += p.text;
    if (p.kind == DiffKind::same && !bridge) {
      flush();
      add(out, DiffKind::same, p.text);
    }
  }
  flush();
  return out;
}

}  // namespace

std::vector<DiffPiece> word_diff(std::string_view before, std::string_view after, int max_edits) {
  const Tokens a_all = tokens(before);
  const Tokens b_all = tokens(after);
  // The common start and end need no search.
  std::size_t head = 0;
  while (head < a_all.size() && head < b_all.size() && a_all[head] == b_all[head]) ++head;
  std::size_t tail = 0;
  while (tail < a_all.size() - head && tail < b_all.size() - head &&
         a_all[a_all.size() - 1 - tail] == b_all[b_all.size() - 1 - tail]) {
    ++tail;
  }
  std::vector<DiffPiece> out;
  for (std::size_t i = 0; i < head; ++i) add(out, DiffKind::same, a_all[i]);
  const Tokens a(a_all.begin() + static_cast<std::ptrdiff_t>(head),
                 a_all.end() - static_cast<std::ptrdiff_t>(tail));
  const Tokens b(b_all.begin() + static_cast<std::ptrdiff_t>(head),
                 b_all.end() - static_cast<std::ptrdiff_t>(tail));
  if (!myers(a, b, std::max(max_edits, 0), out)) {
    for (const auto& t : a) add(out, DiffKind::deleted, t);
    for (const auto& t : b) add(out, DiffKind::inserted, t);
  }
  for (std::size_t i = a_all.size() - tail; i < a_all.size(); ++i) {
    add(out, DiffKind::same, a_all[i]);
  }
  return grouped(out);
}

}  // namespace bdp::workflow
