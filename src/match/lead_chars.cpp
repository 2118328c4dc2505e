#include "match/lead_chars.hpp"

#include <algorithm>

#include "match/pattern_chars.hpp"

namespace zhibiao::match {
namespace {

// More lead characters than this (a negated class is about a million) and
// anchored tries would run at nearly every position: not worth it.
constexpr std::size_t kMaxLeadChars = 20000;

}  // namespace

std::optional<LeadChars> LeadChars::of(std::string_view pattern) {
  auto chars = read_pattern_chars(pattern, CharsToRead::first_only);
  if (!chars) return std::nullopt;
  return of(*chars);
}

std::optional<LeadChars> LeadChars::of(const PatternChars& chars) {
  if (chars.nullable || chars.first.empty()) return std::nullopt;
  LeadChars lead;
  lead.ranges_ = chars.first;
  if (count_chars(lead.ranges_) > kMaxLeadChars) return std::nullopt;
  // Each block of the BMP as a bitmap, then the distinct ones kept.
  std::vector<Block> flat(256, Block{});
  for (auto [b, e] : lead.ranges_)
    for (char32_t c = b; c <= e && c < kBmp; ++c) flat[c >> 8][(c >> 6) & 3] |= std::uint64_t{1} << (c & 63);
  lead.blocks_.push_back(Block{});
  for (std::size_t i = 0; i < flat.size(); ++i) {
    auto known = std::find(lead.blocks_.begin(), lead.blocks_.end(), flat[i]);
    if (known == lead.blocks_.end()) known = lead.blocks_.insert(known, flat[i]);
    lead.block_of_[i] = static_cast<std::uint16_t>(known - lead.blocks_.begin());
  }
  return lead;
}

bool LeadChars::contains_beyond_bmp(char32_t c) const { return match::contains(ranges_, c); }

std::size_t LeadChars::size() const { return count_chars(ranges_); }

}  // namespace zhibiao::match
