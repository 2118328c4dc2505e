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
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace zhibiao::text {

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
  // Folds to itself and is no space: the normaliser copies it as it is.
  // One bit per character, so the common case does not read the 256 KB
  // table.
  bool is_unchanged(char32_t cp) const { return cp >= kTableSize || unchanged_[cp]; }

  // Folds a whole string (used on rule text when the pack loads).
  std::string fold_string(const std::string& s) const;

 private:
  static constexpr char32_t kTableSize = 0x10000;
  std::vector<char32_t> table_;
  void find_unchanged();
  std::bitset<kTableSize> han_, pinyin_, space_, unchanged_;
};

}  // namespace zhibiao::text
