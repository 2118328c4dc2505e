#include "match/match_windows.hpp"

#include <bit>

#include "text/utf8.hpp"

namespace zhibiao::match {

std::optional<std::size_t> MatchWindows::add(std::string_view pattern) {
  if (patterns_.size() == kMaxPatterns) return std::nullopt;
  auto chars = read_pattern_chars(pattern);
  if (!chars || chars->has_assertion || !chars->needed) return std::nullopt;
  std::size_t slot = patterns_.size();
  patterns_.push_back({std::move(chars->any), std::move(*chars->needed), chars->min_length});
  if (bmp_flags_.empty()) bmp_flags_.assign(kBmp, 0);
  const Pattern& p = patterns_.back();
  auto mark = [&](const CharRanges& ranges, std::size_t bit) {
    for (auto [b, e] : ranges)
      for (char32_t c = b; c <= e && c < kBmp; ++c) bmp_flags_[c] |= static_cast<std::uint8_t>(1u << bit);
  };
  mark(p.any, 2 * slot);
  mark(p.needed, 2 * slot + 1);
  for (auto [b, e] : p.needed) {
    for (char32_t c = b; c <= e && c < kBmp; ++c) needed_chars_.bmp[c] = true;
    if (e >= kBmp) needed_chars_.beyond_bmp = true;
  }
  return slot;
}

std::uint8_t MatchWindows::flags_beyond_bmp(char32_t c) const {
  std::uint8_t f = 0;
  for (std::size_t slot = 0; slot < patterns_.size(); ++slot) {
    if (contains(patterns_[slot].any, c)) f |= static_cast<std::uint8_t>(1u << (2 * slot));
    if (contains(patterns_[slot].needed, c)) f |= static_cast<std::uint8_t>(1u << (2 * slot + 1));
  }
  return f;
}

void MatchWindows::add_windows_around(std::string_view text, std::size_t begin, std::size_t end, std::uint8_t flags,
                                      Progress& progress) const {
  for (unsigned bits = (flags & kNeededBits) >> 1; bits != 0; bits &= bits - 1) {
    auto slot = static_cast<std::size_t>(std::countr_zero(bits)) / 2;
    if (begin < progress.measured_to[slot]) continue;  // inside the run measured last
    auto can_contain = [&](char32_t c) { return (flags_of(c) & (1u << (2 * slot))) != 0; };
    std::size_t run_begin = begin, run_end = end, length = 1;  // in characters
    while (run_begin > 0) {
      text::Decoded before = text::decode_valid_before(text, run_begin);
      if (!can_contain(before.cp)) break;
      run_begin -= before.size;
      ++length;
    }
    while (run_end < text.size()) {
      text::Decoded next = text::decode_valid_at(text, run_end);
      if (!can_contain(next.cp)) break;
      run_end += next.size;
      ++length;
    }
    // Too short for any match (a lone 年 for a year): no window.
    if (length >= patterns_[slot].min_length) progress.windows[slot].push_back({run_begin, run_end});
    progress.measured_to[slot] = run_end;
  }
}

MatchWindows::NeededChar MatchWindows::next_needed(std::string_view text, std::size_t pos) const {
  // This loop reads every character of every document. It calls nothing,
  // so what it uses stays in registers (with a call inside, GCC kept the
  // position in memory: 15% more instructions in find, callgrind).
  const std::uint8_t* bmp_flags = bmp_flags_.data();
  const std::size_t size = text.size();
  while (pos < size) {
    std::size_t begin = pos;
    text::Decoded d = text::decode_valid_at(text, pos);
    auto c = static_cast<UChar32>(d.cp);
    pos += d.size;
    // A character beyond the BMP (rare) is looked up out of the loop.
    if (c >= static_cast<UChar32>(kBmp)) return {begin, pos, flags_beyond_bmp(static_cast<char32_t>(c))};
    if (bmp_flags[c] & kNeededBits) return {begin, pos, bmp_flags[c]};
  }
  return {size, size, 0};
}

std::vector<std::vector<text::Range>> MatchWindows::find(std::string_view text) const {
  // Needed characters are few (digits, numerals): the text is read for
  // them, and only around one is a pattern's run of characters measured.
  return find(text, {text::Range{0, text.size()}});
}

std::vector<std::vector<text::Range>> MatchWindows::find(std::string_view text,
                                                         const std::vector<text::Range>& needed_at) const {
  if (patterns_.empty()) return {};  // (and bmp_flags_ is empty)
  Progress progress;
  progress.windows.resize(patterns_.size());
  for (const text::Range& run : needed_at) {
    for (std::size_t pos = run.begin; pos < run.end;) {
      NeededChar found = next_needed(text.substr(0, run.end), pos);
      if (found.begin == run.end) break;
      if (found.flags & kNeededBits) add_windows_around(text, found.begin, found.end, found.flags, progress);
      pos = found.end;
    }
  }
  return std::move(progress.windows);
}

}  // namespace zhibiao::match
