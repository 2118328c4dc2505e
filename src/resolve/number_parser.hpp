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
//   digits are (二〇二三 = 2023, 一七二零点一 = 1720.1).
// * After the decimal point word, digits are read one by one (十三点五七 =
//   13.57, 零点77 = 0.77); large units may follow (一点五亿).
//
// Two digits in a row inside a unit-built number (十二五) are no number.
#pragma once

#include <optional>
#include <string_view>

#include "rules/compiled_pack.hpp"
#include "zhibiao/decimal.hpp"

namespace zhibiao::resolve {

struct ParsedNumber {
  Decimal value;
  int scale_power = 0;  // the power of ten its trailing large unit applied (亿 → 8), when it ends in one
  bool chinese = false;  // written with at least one Chinese numeral word
  std::size_t numeral_chars = 0;  // code points read
};

std::optional<ParsedNumber> parse_number(std::string_view folded, const detail::NumberLexicon& lexicon);

// Fills lexicon.by_first_byte from its word lists; parse_number reads words
// only through it.
void index_number_words(detail::NumberLexicon& lexicon);

// Reads unit words alone ("亿" after 多 in 30多亿): their power of ten.
std::optional<int> parse_scale(std::string_view folded, const detail::NumberLexicon& lexicon);

}  // namespace zhibiao::resolve
