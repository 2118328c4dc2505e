// The structure of a pattern's text: where its groups, classes and escapes
// end, and what stands at its top level.
//
// RE2 parses patterns but keeps the parse to itself. The pack reads a few
// things from the text of its own (macro-expanded) patterns to match them
// faster: whether a remainder after a name can stand alone, whether every
// match ends with the figure, whether a pattern begins with a lazy gap. A
// reader here that meets syntax it does not know says so (npos, or an
// answer that keeps the pattern as it is), never guesses.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhibiao::match {

// A pattern read at its top level, outside every group and class.
struct TopLevel {
  bool alternation = false;  // a | there
  bool balanced = true;      // no ) without its (, none left open
  // The last group there: from its ( to its ), or npos when none.
  std::size_t last_group_begin = std::string_view::npos, last_group_end = std::string_view::npos;
};
TopLevel read_top_level(std::string_view pattern);

// Where the atom that begins at i ends (just past it): a group to its
// closing parenthesis, a bracket class, an escape (\x, \x{...}, \p{...}),
// or one character. npos when it is malformed.
std::size_t atom_end(std::string_view pattern, std::size_t i);

// Whether the atom [i, end) matches exactly one character: a bracket
// class, '.', or such an atom inside non-capturing groups.
bool is_one_char_atom(std::string_view pattern, std::size_t i, std::size_t end);

// A lazy gap: "A*?" or "A{0,n}?" with A one character, possibly inside
// non-capturing groups: "(?:(?:A)*?)".
struct LazyGap {
  std::size_t end;                   // where the rest of the pattern begins
  std::size_t char_begin, char_end;  // the one-character atom repeated
  std::optional<std::size_t> max_chars;  // n, or none for *?
};
// The lazy gap that begins at pattern[i], if one does.
std::optional<LazyGap> read_lazy_gap(std::string_view pattern, std::size_t i = 0);

// The capturing groups opened in pattern[i, end): each '(' not followed by
// '?', and each "(?P<"; -1 when the pattern is malformed.
int capturing_groups_from(std::string_view pattern, std::size_t i);

// `pattern` with every group whose whole text, from its '(' to its ')', is
// one of `groups` replaced by `with`. Classes and escapes are read past,
// never into; a group found is not read into either. The pattern as it is
// when a class or an escape in it is malformed (a parenthesis left open
// stays open: what was malformed still is).
std::string replace_groups(std::string_view pattern, const std::vector<std::string>& groups, std::string_view with);

// `pattern` with the quantifier dropped after every group that holds only
// `any`, a pattern that matches any text ("(?s:.*)", which replace_groups
// writes): any number of copies of it, one or more, match what one does.
// RE2 writes a bounded repeat out in full, so (?:(?s:.*)){1,15} compiles to
// fifteen copies of .* without this. A repeat of at most zero copies
// ({0}) is kept, as is everything in a malformed pattern.
std::string without_repeats_of(std::string_view pattern, std::string_view any);

// `pattern` with every repeat that may take no copy, {0,n}, written as *
// (a lazy one as *?). The language is larger, but FilteredRE2 learns
// nothing from either form: it reads a part that may be absent as
// matching anything. RE2 writes x{0,40} out as forty copies of x, and
// x* as one. {0} is kept, as is everything in a malformed pattern.
std::string unbounded_optional_repeats(std::string_view pattern);

// `pattern` with what every non-capturing group that may be absent (one
// followed by ?, * or {0,n}) holds replaced by `any`, when it holds no
// capturing group: FilteredRE2 reads such a part as matching anything
// whatever it holds, and the words of an optional qualifier are most of
// what a rule's copy would otherwise compile. Each group replaced is added
// to `replaced` (whole, from its parenthesis), for a caller that checks
// its syntax, which compiling the result no longer does. As it is when
// malformed.
std::string optional_groups_as(std::string_view pattern, std::string_view any, std::vector<std::string>& replaced);

// A pattern as a filter of the words its matches must hold (FilteredRE2)
// reads it, with what yields no such word left out: every group in
// `skipped` written as `any`, every {0,n} as *, what an optional group
// holds as `any` (listed in `optional_groups`), and no repeat of `any`.
std::string copy_for_filter(std::string_view pattern, const std::vector<std::string>& skipped, std::string_view any,
                            std::vector<std::string>& optional_groups);

}  // namespace zhibiao::match
