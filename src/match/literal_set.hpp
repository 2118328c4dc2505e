// Which of many literal words occur in a text, found in one pass.
//
// The rule prefilter (prefilter.hpp) asks this of every sentence with a
// figure, for the literals ("atoms") FilteredRE2 derives from the rules. An
// RE2::Set of the atoms answers it too, but builds DFA states for each new
// mix of partial atoms it meets in a sentence; comparing, at each character,
// the few words that begin with it takes half the instructions on the
// corpus (bench/callgrind.sh). FilteredRE2 lower-cases its atoms and expects
// them matched case-insensitively: ASCII letters here match in either case.
// A word with another cased letter (Greek, Cyrillic) would need Unicode case
// folding; such a set is not usable() and the caller keeps the RE2::Set.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "match/char_buckets.hpp"
#include "match/first_pairs.hpp"
#include "match/word_head.hpp"

namespace zhibiao::match {

class LiteralSet {
 public:
  LiteralSet() = default;
  // Words in UTF-8, ASCII letters in lower case.
  explicit LiteralSet(const std::vector<std::string>& words);

  bool usable() const { return usable_; }
  // Appends the index of every word that occurs in `text` (well-formed
  // UTF-8), each once, in no particular order.
  void find(std::string_view text, std::vector<int>& out) const;

 private:
  struct Word {
    int index;
    std::string text;
    WordHead head;  // most words are told apart from the text by it alone
  };
  bool usable_ = false;
  CharBuckets<Word> by_first_;  // by first code point (ASCII letters in lower case)
  FirstPairs first_pairs_;      // of every word
};

}  // namespace zhibiao::match
