// A filter in front of a finder's words by first character (NameIndex,
// LiteralSet): most characters that begin a word begin far more text that
// is none (工 of 工业增加值 begins 工作, 工程 …), so the words are compared
// only where the text's first two characters could begin one.
#pragma once

#include <bitset>
#include <cstdint>
#include <string_view>

#include "match/word_head.hpp"
#include "text/utf8.hpp"

namespace zhibiao::match {

class FirstPairs {
 public:
  // A word's first two characters, when both are of three bytes (most
  // Chinese words), are kept as a bit of a hash of their six bytes. A first
  // character that begins a shorter word, or one whose second character is
  // of another length or holds `wildcard`, is marked instead, and the words
  // it begins are compared wherever it occurs.
  void add(std::string_view word, char wildcard) {
    text::Decoded first = text::decode_at(word, 0);
    if (first.cp >= 0x10000) return;  // only three-byte first characters are filtered
    bool pair = first.size == 3 && word.size() >= 6 && text::decode_at(word, 3).size == 3 &&
                word.substr(0, 6).find(wildcard) == std::string_view::npos;
    if (pair) pairs_.set(hash(WordHead::of(word.substr(0, 6)).bytes));
    else unfiltered_.set(first.cp);
  }

  // Whether a word may begin where the text's next 8 bytes are `here` and
  // its first character is `first`, of `first_size` bytes.
  bool may_begin(char32_t first, std::size_t first_size, std::uint64_t here) const {
    if (first_size != 3 || unfiltered_[first]) return true;
    return pairs_[hash(here & kPairMask)];
  }

 private:
  static constexpr int kBits = 17;  // a few hundred pairs: few false hits
  static std::size_t hash(std::uint64_t six_bytes) {
    return static_cast<std::size_t>((six_bytes * 0x9E3779B97F4A7C15ull) >> (64 - kBits));
  }
  // Over the first six of eight bytes, whatever the byte order.
  inline static const std::uint64_t kPairMask = WordHead::of("123456").mask;

  std::bitset<std::size_t{1} << kBits> pairs_;
  std::bitset<0x10000> unfiltered_;
};

}  // namespace zhibiao::match
