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
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "match/pattern_chars.hpp"
#include "text/utf8.hpp"

namespace zhibiao::match {

// A set of characters, tested at every character of every sentence a rule
// is tried on.
class CharBitmap {
 public:
  explicit CharBitmap(CharRanges ranges);  // normalized

  bool contains(char32_t c) const {
    if (c < kBmp) return (blocks_[block_of_[c >> 8]][(c >> 6) & 3] >> (c & 63)) & 1;
    return contains_beyond_bmp(c);
  }
  std::size_t size() const;  // number of characters

 private:
  static constexpr char32_t kBmp = 0x10000;
  bool contains_beyond_bmp(char32_t c) const;

  CharRanges ranges_;  // sorted, disjoint, inclusive
  // The same for the Basic Multilingual Plane as a bitmap: 256 blocks of
  // 256 characters, each an index into blocks_, where equal blocks are
  // stored once (the first is the empty block). Most lead sets are a few
  // dozen characters, so this is under a kilobyte where one flat bitmap
  // took 8 KB: a pack holds hundreds, and at start-up each page of memory
  // first touched costs time (bench/README.md, "Start-up: fewer pages
  // touched").
  using Block = std::array<std::uint64_t, 4>;
  std::array<std::uint16_t, 256> block_of_{};
  std::vector<Block> blocks_;
};

class LeadChars {
 public:
  // The characters every match of `pattern` begins with, or nullopt when
  // the pattern can match the empty string, uses syntax not read here, or
  // can begin with so many characters (a negated class) that anchoring
  // would not pay.
  static std::optional<LeadChars> of(std::string_view pattern);
  // The same from a pattern's characters already read (first_only will do).
  static std::optional<LeadChars> of(const PatternChars& chars);

  bool contains(char32_t c) const { return first_.contains(c); }
  std::size_t size() const { return first_.size(); }

  // Whether a match beginning with a lead character can go on at `next`
  // (the character after it) in text that ends at `to`: when every match
  // has a second character, only where one it can have stands. Most tries
  // at a lead character that fail are told apart here (一 of 一批 begins no
  // year, 比 of 比较 no comparison with last year), without asking RE2.
  bool may_go_on(std::string_view text, std::size_t next, std::size_t to) const {
    if (!second_) return true;
    return next < to && second_->contains(text::decode_valid_at(text, next).cp);
  }

 private:
  explicit LeadChars(CharRanges first) : first_(std::move(first)) {}
  CharBitmap first_;
  std::shared_ptr<const CharBitmap> second_;  // null: not known, or a match can be one character
};

}  // namespace zhibiao::match
