// The characters a pattern's matches can hold, read from the pattern text.
//
// RE2 has no public API for these, so a small reader of RE2 syntax works
// them out: what a match can begin with (for anchored tries, see
// lead_chars.hpp), every character a match can contain, and characters of
// which every match holds at least one (for scanning a text only where a
// match can lie, see match_windows.hpp). It understands the syntax rule
// packs use (literals, classes, groups, alternation, repetition, \d, ^ $
// \b, (?m:...), and on request \pN); for anything else (other flags,
// backreferences) it gives up, and the caller does without.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace zhibiao::match {

// Code point ranges, inclusive; sorted and disjoint once normalized.
using CharRanges = std::vector<std::pair<char32_t, char32_t>>;

void normalize(CharRanges& ranges);
// Of normalized ranges:
std::size_t count_chars(const CharRanges& ranges);
bool contains(const CharRanges& ranges, char32_t c);

struct PatternChars {
  CharRanges first;       // what a match can begin with
  bool nullable = false;  // whether a match can be empty
  // What a match's second character can be, and whether a match can be one
  // character long: when it can be neither that nor empty, every match has
  // a second character, and it is one of these.
  CharRanges second;
  bool one_char = false;
  CharRanges any;         // every character a match can contain
  // Every match holds at least one of these; nullopt when the reader can
  // promise no such set (a pattern that can match the empty string).
  std::optional<CharRanges> needed;
  // Sets that would do as `needed` as well (each part of a concatenation
  // gives one; the smallest few are kept), normalized, with their sizes.
  // For each branch after its first, an alternation picks the one that adds
  // the fewest characters to what the branches before it need: in
  // [0-9百]|上百 the choice for 上百 is 百, which the first branch needs
  // already, not 上.
  struct NeededChoice {
    CharRanges chars;
    std::size_t count = 0;
  };
  std::vector<NeededChoice> needed_choices;
  bool has_assertion = false;  // ^ $ \b \B \A \z: a match depends on the text around it
  std::size_t min_length = 0;  // the fewest characters a match holds
};

// Lead characters are read for every rule when a pack loads, the rest for
// a few patterns: reading only the first two characters (`first` and
// `second`) is a third of the work.
enum class CharsToRead { first_only, everything };

// Unicode classes (\p{Han}, \PN) are read only when asked for, with ICU's
// tables: their Unicode version may not be RE2's, so a character added to
// or moved between classes since could be placed where RE2 does not place
// it. Good enough to ask about characters whose class has long been settled
// (that 。 is no Han character), not for anchoring or windows.
enum class UnicodeClasses { give_up, from_icu };

// All ranges normalized; nullopt for syntax the reader does not know. With
// first_only, `any` is empty and `needed` nullopt.
// Every set is the characters a match can hold there or more (x{2,3}
// counts as x{2,}), never fewer.
std::optional<PatternChars> read_pattern_chars(std::string_view pattern, CharsToRead what = CharsToRead::everything,
                                               UnicodeClasses classes = UnicodeClasses::give_up);

}  // namespace zhibiao::match
