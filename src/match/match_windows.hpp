// Where in a text a pattern's matches can lie, found for a few patterns in
// one pass.
//
// The quantity finder and its exclusions scan whole documents, and RE2's
// DFA reads every byte of them, though figures are a few per cent of the
// text. A match holds only characters the pattern can contain, and at least
// one character of a set every match needs (pattern_chars.hpp: for the
// finder, a digit or a numeral). So every match lies inside a window: a
// maximal run of characters the pattern can contain that holds a needed
// one (and is at least as long as the shortest match). Scanning window by
// window finds exactly the matches of scanning the whole text: no match
// crosses a window's edge, so every try that would start in a window ends
// the same inside it, and between windows there is nothing to find. A
// pattern with an assertion (^ $ \b), which looks at the text around a
// match, gets no windows, nor does one whose characters the reader cannot
// tell.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "match/pattern_chars.hpp"
#include "text/char_fold.hpp"
#include "text/segmenter.hpp"

namespace zhibiao::match {

class MatchWindows {
 public:
  static constexpr std::size_t kMaxPatterns = 4;

  // Adds a pattern (RE2 syntax, matched with RE2's default options): its
  // slot in find()'s answer, or nullopt when its windows cannot be known
  // (or kMaxPatterns are taken); the caller then scans the whole text.
  std::optional<std::size_t> add(std::string_view pattern);

  // The windows of each added pattern in `text` (well-formed UTF-8), in
  // text order: windows[slot]. With no pattern added, none, and the text is
  // not read.
  std::vector<std::vector<text::Range>> find(std::string_view text) const;

  // The characters some added pattern needs (every character beyond the
  // BMP when one of them is), or null with no pattern added: what
  // text::normalize lists while it folds a document, with a fold table
  // that watches them (text::CharFold::with_watched).
  const text::WatchedChars* needed_chars() const { return patterns_.empty() ? nullptr : &needed_chars_; }
  // The same windows as find(text), from where the needed characters are:
  // the ranges of `needed_at`, in order, hold every character of `text` in
  // needed_chars() (as normalize lists them), so the rest of the text is
  // not read to find them.
  std::vector<std::vector<text::Range>> find(std::string_view text, const std::vector<text::Range>& needed_at) const;

 private:
  struct Pattern {
    CharRanges any, needed;
    std::size_t min_length;  // characters: a shorter run holds no match
  };
  // For a character: bit 2*slot when the pattern can contain it, bit
  // 2*slot+1 when it is needed.
  std::uint8_t flags_of(char32_t c) const { return c < kBmp ? bmp_flags_[c] : flags_beyond_bmp(c); }
  std::uint8_t flags_beyond_bmp(char32_t c) const;
  static constexpr std::uint8_t kNeededBits = 0xAA;
  static constexpr char32_t kBmp = 0x10000;

  // The first character at or after `pos` that some pattern needs, or is
  // beyond the BMP, with its flags; begin == text.size() when there is none.
  struct NeededChar {
    std::size_t begin, end;
    std::uint8_t flags;
  };
  NeededChar next_needed(std::string_view text, std::size_t pos) const;

  struct Progress {
    std::vector<std::vector<text::Range>> windows;
    std::array<std::size_t, kMaxPatterns> measured_to{};  // per slot: where its last window ends
  };
  // For a character at [begin, end) that some patterns need: the window of
  // each such pattern around it, unless one was measured there already.
  void add_windows_around(std::string_view text, std::size_t begin, std::size_t end, std::uint8_t flags,
                          Progress& progress) const;

  std::vector<Pattern> patterns_;
  std::vector<std::uint8_t> bmp_flags_;  // flags_of for the BMP, one byte a character (64 KB)
  text::WatchedChars needed_chars_;
};

}  // namespace zhibiao::match
