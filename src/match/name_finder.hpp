// Every place an indicator's names occur in a sentence.
//
// Most rules begin with the indicator's name, (?P<name>{NAME}), followed by
// a remainder that many indicators share (the same template). Such a rule
// is matched as its name, found here among plain words, then the shared
// remainder anchored right after it: one compiled remainder serves every
// indicator, and its DFA is warmed by all of them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "match/char_buckets.hpp"
#include "match/first_pairs.hpp"
#include "match/word_head.hpp"

namespace zhibiao::match {

// In a name word, this byte stands for any one ASCII digit: a name written
// with \d (财政\d{1,2}月收入) is a handful of words rather than hundreds.
// It is never a byte of UTF-8 text.
inline constexpr char kAnyDigit = '\xFF';

// Where a match can begin (begin), and the name in it: [name_begin, end).
struct NameAt {
  std::size_t begin, name_begin, end;
};

// Occurrences of `names` (literal words, in the order an alternation of them
// prefers: see detail::alternation_order) in text[from, to), on character
// boundaries: ordered by start, and at one start in the order of `names`.
// The text is well-formed UTF-8 (folded text always is), here and in
// NameIndex::find.
std::vector<NameAt> find_names(const std::vector<std::string>& names, std::string_view text, std::size_t from,
                               std::size_t to);

// The names of many indicators, found in one pass over a sentence: for
// each indicator, what find_names gives for its names. A sentence is read a
// character at a time and only the names that begin with that character
// are compared. (RE2::Set would say which indicators a sentence names, but
// not where; this gives both in the same pass.)
class NameIndex {
 public:
  NameIndex() = default;
  // names_of[i]: indicator i's names, in the order its alternation prefers.
  explicit NameIndex(const std::vector<std::vector<std::string>>& names_of);

  // found[i]: where indicator i's names occur in text[from, to), as
  // find_names(names_of[i], text, from, to) gives them.
  std::vector<std::vector<NameAt>> find(std::string_view text, std::size_t from, std::size_t to) const;
  // The same in `found`, whose vectors are reused: a caller that keeps it
  // from sentence to sentence allocates nothing once it has grown.
  void find(std::string_view text, std::size_t from, std::size_t to, std::vector<std::vector<NameAt>>& found) const;

 private:
  // Kept small, the head first: at each character that begins a name,
  // every name of its bucket is compared by head, and few go further.
  struct Name {
    WordHead head;  // its kAnyDigit bytes left out: see WordHead::of
    std::uint32_t indicator;
    std::uint32_t word;  // in words_
    std::uint32_t size;  // of the word, in bytes
    bool whole;          // compared whole after its head: longer than 8 bytes, or with a kAnyDigit byte
    bool any_digit;      // with a kAnyDigit byte: compared byte by byte
  };

  std::size_t indicators_ = 0;
  std::vector<std::string> words_;
  CharBuckets<Name> by_first_;  // in (indicator, preference) order
  FirstPairs first_pairs_;      // of every word
};

// What a scan of the alternation of the words would match, given their
// occurrences as find_names (or NameIndex) gives them: at the leftmost
// place, the first listed there, then on from its end, without overlap.
std::vector<NameAt> leftmost_first(const std::vector<NameAt>& occurrences);

// The occurrences of prefix `words` that end where one of `names` begins
// (names as find_names gives them), at or after `from`: what find_names
// gives for the words, less those no name follows, which
// with_optional_prefix passes over. Only the few places before a name are
// compared, not every character of the sentence.
std::vector<NameAt> prefixes_of(const std::vector<std::string>& words, const std::vector<NameAt>& names,
                                std::string_view text, std::size_t from);

// Where a rule written (?:PREFIX)?(?P<name>NAMES) can begin, given where
// its prefix words and its names occur (find_names): at each start, first
// each prefix word there followed by each name right after it, then each
// name alone, the order in which a greedy ? tries them.
std::vector<NameAt> with_optional_prefix(const std::vector<NameAt>& prefixes, const std::vector<NameAt>& names);

}  // namespace zhibiao::match
