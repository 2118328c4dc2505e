// Whether a pattern treats every ASCII digit alike.
//
// When it does, two texts that differ only in which digits they have (5%
// and 9%, 193.2亿元 and 871.5亿元) take the same path through the pattern:
// each step that accepts one digit accepts all ten. Their groups then lie at
// the same offsets, and a split worked out for one serves the other (see
// resolve/quantity_memo.hpp). RE2 does not say which bytes its program
// tells apart, so this reads the pattern text, conservatively: any digit
// written in the pattern, other than in a counted repetition's bounds ({4},
// {1,3}) or a group's name, or an escape that could stand for a digit
// (\x31, \061), makes it false.
#pragma once

#include <string_view>

namespace zhibiao::detail {

bool treats_digits_alike(std::string_view pattern);

}  // namespace zhibiao::detail
