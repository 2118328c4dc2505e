// The characters a pattern's matches can begin with.
//
// An unanchored RE2 search of a large pattern starts a new thread at every
// byte; the DFA's states are sets of such threads, and on Chinese text with
// many names, figures and gaps in flight those sets rarely repeat, so the
// search keeps building states. Trying an anchored match only where a match
// can begin (at an indicator's name, a comma) gives the same leftmost-first
// matches with a handful of reusable states.
//
// RE2 has no public API for a pattern's first characters; they are read
// from the pattern text (pattern_chars.hpp). For syntax that reader does
// not know there are none, and the caller searches as before.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "match/pattern_chars.hpp"

namespace zhibiao::match {

class LeadChars {
 public:
  // The characters every match of `pattern` begins with, or nullopt when
  // the pattern can match the empty string, uses syntax not read here, or
  // can begin with so many characters (a negated class) that anchoring
  // would not pay.
  static std::optional<LeadChars> of(std::string_view pattern);
  // The same from a pattern's characters already read (first_only will do).
  static std::optional<LeadChars> of(const PatternChars& chars);

  bool contains(char32_t c) const {
    if (c < kBmp) return (blocks_[block_of_[c >> 8]][(c >> 6) & 3] >> (c & 63)) & 1;
    return contains_beyond_bmp(c);
  }
  std::size_t size() const;  // number of characters

 private:
  static constexpr char32_t kBmp = 0x10000;
  bool contains_beyond_bmp(char32_t c) const;

  std::vector<std::pair<char32_t, char32_t>> ranges_;  // sorted, disjoint, inclusive
  // The same for the Basic Multilingual Plane as a bitmap, tested at every
  // character of every sentence a rule is tried on: 256 blocks of 256
  // characters, each an index into blocks_, where equal blocks are stored
  // once (the first is the empty block). Most lead sets are a few dozen
  // characters, so this is under a kilobyte where one flat bitmap took
  // 8 KB: a pack holds hundreds, and at start-up each page of memory first
  // touched costs time (bench/README.md, "Start-up: fewer pages touched").
  using Block = std::array<std::uint64_t, 4>;
  std::array<std::uint16_t, 256> block_of_{};
  std::vector<Block> blocks_;
};

}  // namespace zhibiao::match
