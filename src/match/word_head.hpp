// A word's first eight bytes, for telling most words that begin with the
// same character apart from a text with one comparison (match::NameIndex,
// match::LiteralSet), before comparing a longer word whole.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace zhibiao::match {

struct WordHead {
  std::uint64_t bytes = 0;  // the word's first 8 bytes (fewer for a shorter word)
  std::uint64_t mask = 0;   // all ones over those bytes

  // Both copied as bytes, so the comparison holds whatever the byte order.
  static WordHead of(std::string_view word) {
    WordHead head;
    std::size_t n = std::min<std::size_t>(word.size(), 8);
    std::memcpy(&head.bytes, word.data(), n);
    const unsigned char all_set[8] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    std::memcpy(&head.mask, all_set, n);
    return head;
  }

  // The same, where bytes equal to `wildcard` (a byte that stands for a
  // class of characters) are left out of the mask: the head then says only
  // whether the word's other bytes agree, and the caller checks the rest.
  static WordHead of(std::string_view word, char wildcard) {
    WordHead head = of(word);
    for (std::size_t k = 0; k < std::min<std::size_t>(word.size(), 8); ++k)
      if (word[k] == wildcard) {  // byte k of each, as `of` copied them
        reinterpret_cast<unsigned char*>(&head.mask)[k] = 0;
        reinterpret_cast<unsigned char*>(&head.bytes)[k] = 0;
      }
    return head;
  }

  // Whether the word differs from the text whose next 8 bytes are `here`
  // within its first 8 bytes.
  bool differs_from(std::uint64_t here) const { return ((here ^ bytes) & mask) != 0; }
};

// The 8 bytes of text at pos, if there are 8.
inline bool eight_bytes_at(std::string_view text, std::size_t pos, std::uint64_t& out) {
  if (text.size() - pos < 8) return false;
  std::memcpy(&out, text.data() + pos, 8);
  return true;
}

}  // namespace zhibiao::match
