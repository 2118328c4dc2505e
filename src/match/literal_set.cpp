#include "match/literal_set.hpp"

#include <algorithm>
#include <cstdint>

#include "text/utf8.hpp"

namespace zhibiao::match {
namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `word` occurs in text at pos, ASCII letters in either case.
bool occurs_at(std::string_view text, std::size_t pos, const std::string& word) {
  if (word.size() > text.size() - pos) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (ascii_lower(text[pos + k]) != word[k]) return false;
  return true;
}

// Eight bytes with their ASCII capitals in lower case, all at once: bit 7
// of each byte ends up set for 'A'..'Z' only (no sum carries into the next
// byte), and then bit 5 is set in those bytes.
std::uint64_t ascii_lower8(std::uint64_t x) {
  constexpr std::uint64_t kHigh = 0x8080808080808080, kLow7 = 0x7F7F7F7F7F7F7F7F;
  std::uint64_t seven = x & kLow7;
  std::uint64_t above_z = seven + 0x2525252525252525;  // 0x7F - 'Z'
  std::uint64_t from_a = seven + 0x3F3F3F3F3F3F3F3F;   // 0x80 - 'A'
  std::uint64_t capital = ~x & (from_a ^ above_z) & kHigh;
  return x | (capital >> 2);
}

// A letter beyond ASCII whose case RE2 would fold.
bool has_other_case(char32_t cp) { return cp >= 0x80 && text::has_case(cp); }

}  // namespace

LiteralSet::LiteralSet(const std::vector<std::string>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.empty()) return;  // matches everywhere: not what this is for
    for (std::size_t k = 0; k < w.size();) {
      text::Decoded d = text::decode_at(w, k);
      if (!d.valid || has_other_case(d.cp) || (d.cp >= 'A' && d.cp <= 'Z')) return;
      k += d.size;
    }
    first_pairs_.add(w, '\0');  // no byte of a word is a wildcard
    by_first_.add(text::decode_at(w, 0).cp, {static_cast<int>(i), w, WordHead::of(w)});
  }
  // A word's letters are in lower case; the text's capitals find them too.
  for (char32_t c = 'A'; c <= 'Z'; ++c) by_first_.alias(c, c - 'A' + 'a');
  usable_ = true;
}

void LiteralSet::find(std::string_view text, std::vector<int>& out) const {
  // A sentence holds few of the words: whether one was found already is
  // asked of those found so far, with nothing to allocate.
  const auto found_before = static_cast<std::ptrdiff_t>(out.size());
  auto seen = [&](int index) { return std::find(out.begin() + found_before, out.end(), index) != out.end(); };
  for (std::size_t pos = 0; pos < text.size();) {
    pos = by_first_.next_start(text, pos, text.size());
    if (pos >= text.size()) break;
    text::Decoded d = text::decode_valid_at(text, pos);
    if (const auto* words = by_first_.starting_with(d.cp)) {  // capitals too (alias)
      // The text's next 8 bytes in lower case, where there are 8.
      std::uint64_t here = 0;
      bool have_head = eight_bytes_at(text, pos, here);
      if (have_head && !first_pairs_.may_begin(d.cp, d.size, here)) {
        pos += d.size;
        continue;
      }
      if (have_head) here = ascii_lower8(here);
      for (const Word& w : *words) {
        if (have_head) {
          if (w.head.differs_from(here)) continue;
          if (w.text.size() > 8 && !occurs_at(text, pos, w.text)) continue;
        } else if (!occurs_at(text, pos, w.text)) {
          continue;
        }
        if (!seen(w.index)) out.push_back(w.index);
      }
    }
    pos += d.size;
  }
}

}  // namespace zhibiao::match
