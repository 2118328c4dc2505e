// Reading a number written in Arabic digits, Chinese numerals or a mix.
//
// The words (一, 两, 十, 百, 万, 亿, 点, 半, 负, 廿 ...) come from the pack's
// [numbers] lexicon; this file only knows how numerals compose. A number is
// read as a sequence of tokens: digits (a Chinese digit, or a whole Arabic
// number such as 600 or 1.2), small units (十 百 千), large units (万 亿),
// the decimal point word, and a leading minus word or sign.
//
// * Digits with units build up sections: a small unit multiplies the digit
//   before it (or 1: 十五 = 15); a large unit multiplies everything before
//   it that is smaller than itself, so 一千亿一千万一千零一 = 100010001001,
//   一万亿 = 10^12 and 1.2万亿 = 1.2 * 10^12.
// * A bare Chinese digit right after a unit is one place below it (两千六 =
//   2600, 一百二十万三 = 1203000, 百二万 = 1200000); an Arabic number after a
//   unit is added as written (1万600 = 10600). 零 marks a skipped place
//   (一千零十 = 1010).
// * Chinese digits with no unit word at all are read positionally, as Arabic
//   digits are (二〇二三 = 2023, 一七二零点一 = 1720.1), unless they are two
//   neighbouring digits (below).
// * After the decimal point word, digits are read one by one (十三点五七 =
//   13.57, 零点77 = 0.77); large units may follow (一点五亿).
// * Two neighbouring digits side by side give a range, read once with each
//   (五六 = 5 to 6, 三四十 = 30 to 40, 十五六 = 15 to 16); any other two
//   digits in a row inside a unit-built number (十二五) are no number.
// * An approximate digit before a unit (几十, 数百, 上千) is read as 1 and
//   gives the number its qualifier (more than ten; a thousand or more).
#pragma once

#include <optional>
#include <string_view>

#include "rules/compiled_pack.hpp"
#include "zhibiao/decimal.hpp"

namespace zhibiao::resolve {

struct ParsedNumber {
  Decimal value;
  int scale_power = 0;  // the power of ten its trailing large unit applied (亿 → 8), when it ends in one
  int place_power = 0;  // the power of ten of the unit word it ends in (一百 → 2, 二十 → 1), else 0
  bool chinese = false;  // written with at least one Chinese numeral word
  std::size_t numeral_chars = 0;  // code points read
  std::optional<Decimal> value_max;  // the high end of neighbouring digits (五六: 6)
  // The neighbouring digits end the number (五六, 十五六, not 三四十): a
  // range only with a unit word after it (五六个), since alone they are as
  // often a name (十四五, the fourteenth five-year plan; 二三产业).
  bool range_at_end = false;
  std::optional<Qualifier> qualifier;  // an approximate digit's (几十: gt)
  // What follows its last large unit, when digits do (3千 in 1亿3千), and
  // that unit's power of ten (8): a scale word after 多 smaller than the
  // unit multiplies only this part (1亿3千多万 is 1亿 + 3千万 and more).
  std::optional<Decimal> after_large_unit;
  int large_unit_power = 0;
};

std::optional<ParsedNumber> parse_number(std::string_view folded, const detail::NumberLexicon& lexicon);

// A whole number of at most six digits, neither negative nor a range nor
// approximate (a year, a month, a count of years: 2025, 二〇二五, 三), or
// nullopt.
std::optional<int> small_whole_number(std::string_view folded, const detail::NumberLexicon& lexicon);

// Fills lexicon.by_first_byte from its word lists; parse_number reads words
// only through it.
void index_number_words(detail::NumberLexicon& lexicon);

// Reads unit words alone ("亿" after 多 in 30多亿): the power of ten they
// scale the number by. Units at or below `place_power`, the place the number
// ends in, are a place inside it and scale nothing: in 一百几十万 only 万
// scales 一百 (几十 is some tens of it).
std::optional<int> parse_scale(std::string_view folded, const detail::NumberLexicon& lexicon, int place_power = 0);
// `value` (the number `n` read, or what a range made of it) scaled by the
// `power` parse_scale gave for the unit words after its qualifier word: all
// of it (30多亿), or, when the number has digits after a larger unit, only
// those digits (1亿3千多万 is 1亿 + 3千多万).
std::optional<Decimal> scale_after_qualifier(const ParsedNumber& n, const Decimal& value, int power);

}  // namespace zhibiao::resolve
