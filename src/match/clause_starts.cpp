#include "match/clause_starts.hpp"

#include "match/pattern_chars.hpp"
#include "match/pattern_syntax.hpp"

namespace zhibiao::match {

std::optional<ClauseStarts> ClauseStarts::of(std::string_view pattern) {
  // An empty match would let a scan go on one character later, wherever.
  auto whole = read_pattern_chars(pattern, CharsToRead::first_only);
  if (!whole || whole->nullable) return std::nullopt;
  // X? first, when there is one: a one-character atom and a greedy ?.
  std::optional<LeadChars> optional_first;
  std::size_t gap_at = 0;
  std::size_t first = atom_end(pattern, 0);
  if (first != std::string_view::npos && first < pattern.size() && pattern[first] == '?' &&
      is_one_char_atom(pattern, 0, first) && !(first + 1 < pattern.size() && pattern[first + 1] == '?')) {
    optional_first = LeadChars::of(pattern.substr(0, first));
    if (!optional_first) return std::nullopt;
    gap_at = first + 1;
  }
  auto gap = read_lazy_gap(pattern, gap_at);
  if (!gap || gap->max_chars || gap->end >= pattern.size()) return std::nullopt;
  // "G S|T" is not G followed by S.
  TopLevel top = read_top_level(pattern);
  if (top.alternation || !top.balanced) return std::nullopt;
  auto gap_chars = read_pattern_chars(pattern.substr(gap->char_begin, gap->char_end - gap->char_begin),
                                      CharsToRead::first_only);
  if (!gap_chars || gap_chars->nullable) return std::nullopt;
  // The characters outside C: what C's ranges leave out, up to U+10FFFF.
  CharRanges gap_ranges = gap_chars->first;
  normalize(gap_ranges);
  PatternChars stops;
  char32_t next = 0;
  for (auto [b, e] : gap_ranges) {
    if (b > next) stops.first.push_back({next, b - 1});
    next = e + 1;
  }
  if (next <= 0x10FFFF) stops.first.push_back({next, 0x10FFFF});
  auto stop_chars = LeadChars::of(stops);
  if (!stop_chars) return std::nullopt;  // C leaves out too many characters to be a gap
  return ClauseStarts(std::move(optional_first), std::move(*stop_chars));
}

}  // namespace zhibiao::match
