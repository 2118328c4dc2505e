#include "match/lead_chars.hpp"

#include <algorithm>

#include "match/pattern_chars.hpp"

namespace zhibiao::match {
namespace {

// More lead characters than this (a negated class is about a million) and
// anchored tries would run at nearly every position: not worth it. The
// same for the characters that can come second.
constexpr std::size_t kMaxLeadChars = 20000;

}  // namespace

std::optional<LeadChars> LeadChars::of(std::string_view pattern) {
  auto chars = read_pattern_chars(pattern, CharsToRead::first_only);
  if (!chars) return std::nullopt;
  return of(*chars);
}

std::optional<LeadChars> LeadChars::of(const PatternChars& chars) {
  if (chars.nullable || chars.first.empty() || count_chars(chars.first) > kMaxLeadChars) return std::nullopt;
  LeadChars lead(chars.first);
  // A second character from a gap's negated class, most of Unicode, would
  // tell almost no try apart: not kept.
  if (!chars.one_char && !chars.second.empty() && count_chars(chars.second) <= kMaxLeadChars)
    lead.second_ = std::make_shared<const CharBitmap>(chars.second);
  return lead;
}

CharBitmap::CharBitmap(CharRanges ranges) : ranges_(std::move(ranges)) {
  // Each block of the BMP as a bitmap, a word of 64 characters at a time
  // (a negated class is most of the BMP), then the distinct ones kept.
  std::vector<Block> flat(256, Block{});
  for (auto [b, e] : ranges_) {
    for (char32_t c = b; c <= e && c < kBmp;) {
      char32_t word_last = std::min<char32_t>(e, c | 63);
      std::uint64_t upto = (word_last & 63) == 63 ? ~std::uint64_t{0} : (std::uint64_t{1} << ((word_last & 63) + 1)) - 1;
      flat[c >> 8][(c >> 6) & 3] |= upto & ~((std::uint64_t{1} << (c & 63)) - 1);
      c = word_last + 1;
    }
  }
  blocks_.push_back(Block{});
  for (std::size_t i = 0; i < flat.size(); ++i) {
    auto known = std::find(blocks_.begin(), blocks_.end(), flat[i]);
    if (known == blocks_.end()) known = blocks_.insert(known, flat[i]);
    block_of_[i] = static_cast<std::uint16_t>(known - blocks_.begin());
  }
}

bool CharBitmap::contains_beyond_bmp(char32_t c) const { return match::contains(ranges_, c); }

std::size_t CharBitmap::size() const { return count_chars(ranges_); }

}  // namespace zhibiao::match
