// Every string a small pattern matches, in the order a leftmost-first
// matcher prefers them.
//
// An indicator's name_pattern ('第一产业(?:累计)?(?:实现|完成)增加值') is a
// short way to write a handful of names. Spelled out as words, such an
// indicator's rules can be matched like those of an indicator with plain
// names (see match/name_finder.hpp). RE2 cannot list a pattern's strings, so
// this reads the pattern itself: literals, (?:...) groups, alternation, ?,
// {m,n}, small classes and \d; anything else gives up.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhibiao::detail {

// The strings `pattern` matches as a whole, most preferred first (for a|b
// every string of a before those of b; for x? those with x first), without
// duplicates; nullopt when there would be more than `limit` of them or the
// pattern uses syntax not read here. \d is one byte, match::kAnyDigit, that
// stands for each digit in turn (see match/name_finder.hpp).
std::optional<std::vector<std::string>> pattern_words(std::string_view pattern, std::size_t limit = 256);

}  // namespace zhibiao::detail
