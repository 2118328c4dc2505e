// Running the indicator rules over a folded text and choosing, for each
// figure, the one reading that holds.
//
// Each sentence that holds a quantity is scanned with the rules the pack's
// prefilter picks for it (match/prefilter.hpp); each match names a figure
// (its q group) and usually the indicator name it hangs on (its name group);
// a list rule (分别) names several, pairing figure qN with name nN. A name
// inside one of its indicator's exclusion spans (人均GDP is not GDP) is
// dropped. Then figures claimed more than once go to the candidate whose
// name is nearest the figure, then to the longer name (进出口 over 出口),
// then to the higher rule priority, then to the rule defined first.
//
// A match is void when its figure touches one of the quantity layer's
// exclusions (a year, a date) or when the rule's reject pattern matches the
// text before its name or between its name and its figure. Rules that
// inherit their indicator (，增长9.2%) are resolved last: each figure no
// other rule took goes to the indicator of the nearest accepted fact before
// it in the same sentence. Their groups, the costly part of a match, are
// found only for matches whose figure no other rule took.
#pragma once

#include <vector>

#include "match/quantity_finder.hpp"
#include "resolve/quantity_parser.hpp"
#include "rules/compiled_pack.hpp"
#include "text/segmenter.hpp"

namespace zhibiao::match {

struct Candidate {
  const detail::CompiledRule* rule;
  std::string indicator;
  std::size_t rule_index;
  std::size_t begin, end;      // the whole match
  std::size_t q_begin, q_end;  // the figure
  std::size_t name_begin, name_end;
  std::size_t base_begin, base_end;  // npos when absent
  bool negated;
  resolve::ParsedQuantity quantity;
};

// Only sentences holding a quantity are tried, and in each only the rules
// the pack's prefilter set says can match there.
std::vector<Candidate> match_rules(std::string_view folded, const text::Segments& segments,
                                   const detail::CompiledPack& pack, QuantityScan& quantities);

}  // namespace zhibiao::match
