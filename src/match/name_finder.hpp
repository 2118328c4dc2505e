// Every place an indicator's names occur in a sentence.
//
// Most rules begin with the indicator's name, (?P<name>{NAME}), followed by
// a remainder that many indicators share (the same template). Such a rule
// is matched as its name, found here among plain words, then the shared
// remainder anchored right after it: one compiled remainder serves every
// indicator, and its DFA is warmed by all of them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace zhibiao::match {

// Where a match can begin (begin), and the name in it: [name_begin, end).
struct NameAt {
  std::size_t begin, name_begin, end;
};

// Occurrences of `names` (literal words, in the order an alternation of them
// prefers: see detail::alternation_order) in text[from, to), on character
// boundaries: ordered by start, and at one start in the order of `names`.
std::vector<NameAt> find_names(const std::vector<std::string>& names, std::string_view text, std::size_t from,
                               std::size_t to);

// Where a rule written (?:PREFIX)?(?P<name>NAMES) can begin, given where
// its prefix words and its names occur (find_names): at each start, first
// each prefix word there followed by each name right after it, then each
// name alone, the order in which a greedy ? tries them.
std::vector<NameAt> with_optional_prefix(const std::vector<NameAt>& prefixes, const std::vector<NameAt>& names);

}  // namespace zhibiao::match
