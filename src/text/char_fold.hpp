// The per-code-point folding table used by the normaliser.
//
// Rules and documents are compared after folding both with this one table:
// compatibility forms to their plain form (NFKC of a single code point, so
// full-width １２３％ become 123%), traditional Han to simplified (ICU's
// Traditional-Simplified transform), then the rule pack's own extra pairs
// (dash variants, character variants ICU leaves alone). The ICU part is
// computed when the library is built (text/icu_fold.hpp); filling the table
// takes a few milliseconds once per process, and looking a character up is
// one array access, so no document ever goes through ICU's transliterator.
#pragma once

#include <bitset>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace zhibiao::text {

// Characters whose places in the folded copy a caller wants listed while
// the normaliser makes it: reading every character again costs a second
// pass over the whole document (see match/match_windows.hpp, the one
// caller). Every character beyond the BMP is listed when beyond_bmp is set.
struct WatchedChars {
  std::bitset<0x10000> bmp;
  bool beyond_bmp = false;
  bool contains(char32_t c) const { return c < 0x10000 ? bmp[c] : beyond_bmp; }
};

class CharFold {
 public:
  // The ICU-derived base table, built once per process and shared.
  static std::shared_ptr<const CharFold> base();
  // A copy of this table with extra code point pairs applied on top.
  std::shared_ptr<const CharFold> with_overrides(const std::map<char32_t, char32_t>& extra) const;

  char32_t fold(char32_t cp) const { return cp < kTableSize ? table_[cp] : cp; }
  bool is_han(char32_t cp) const { return cp < kTableSize ? han_[cp] : (cp >= 0x20000 && cp < 0x32000); }
  // Lower-case Latin letters, tone-marked vowels included: what a pinyin
  // annotation is made of.
  bool is_pinyin_letter(char32_t cp) const { return cp < kTableSize && pinyin_[cp]; }
  bool is_space(char32_t cp) const { return cp < kTableSize && space_[cp]; }
  // What the normaliser does with a character, one byte per character of
  // the BMP (most text is a few thousand of them, so the common case does
  // not read the 256 KB fold table), as bits:
  enum Kind : std::uint8_t {
    // Folds to itself and is no space, no '(' (which may open a pinyin
    // annotation) and no CR: copied as it is.
    kCopied = 1,
    // Folds to another character and needs nothing else decided (，→ ,
    // １ → 1, 國 → 国): no space and no '(' or CR before or after folding.
    kFoldedAlone = 2,
    // A folded character the caller asked to have listed (with_watched).
    kWatched = 4,
    // A folded character listed apart, as one that may end a sentence or a
    // line (with_breaks).
    kBreak = 8,
  };
  std::uint8_t kind(char32_t cp) const { return cp < kTableSize ? kinds_[cp] : kind_beyond_bmp_; }
  bool is_watched(char32_t cp) const { return kind(cp) & kWatched; }
  bool is_break(char32_t cp) const { return kind(cp) & kBreak; }
  // kind() of the BMP as one table, for the normaliser's loop.
  const std::uint8_t* bmp_kinds() const { return kinds_.data(); }
  // A copy of this table whose kinds mark the characters of `watched`
  // (listed by the normaliser, see NormalizedText::watched).
  std::shared_ptr<const CharFold> with_watched(const WatchedChars& watched) const;
  // A copy of this table whose kinds mark the characters of `breaks`
  // (listed by the normaliser, see NormalizedText::breaks).
  std::shared_ptr<const CharFold> with_breaks(const WatchedChars& breaks) const;

  // Folds a whole string (used on rule text when the pack loads).
  std::string fold_string(const std::string& s) const;

 private:
  static constexpr char32_t kTableSize = 0x10000;
  // The fold of each BMP character (256 KB), shared by the copies that only
  // mark characters (with_watched, with_breaks): a copy of it was a
  // quarter of a megabyte more to touch at start-up.
  std::shared_ptr<char32_t[]> table_;
  // Sets kinds_ from the table, keeping the watched and break marks.
  void find_kinds();
  // A copy of this table with `mark` set on the characters of `chars`.
  std::shared_ptr<const CharFold> with_marked(const WatchedChars& chars, Kind mark) const;
  std::bitset<kTableSize> han_, pinyin_, space_;
  std::vector<std::uint8_t> kinds_;
  std::uint8_t kind_beyond_bmp_ = kCopied;  // with the marks asked for every character beyond the BMP
};

}  // namespace zhibiao::text
