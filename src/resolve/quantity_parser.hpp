// Turning one quantity mention (already found, in folded text) into a value,
// unit, kind and qualifier, with the pack's quantity grammar: an anchored
// pattern whose named groups split the mention into
//   pre      a qualifier before the number      (约, 超过)
//   unitpre  a currency before the number       (人民币3.14)
//   pctpre   a percent word before the number   (百分之)
//   den      a fraction's denominator           (二分之一: 二)
//   num      the number                         (193.2亿, 一千二百)
//   unit1    a unit after the low end of a range (10%-15%)
//   num_max  the high end of a range
//   mid      a qualifier between number and unit (余, 多)
//   scale    scale words after that qualifier   (30多亿元: 亿)
//   unit     the unit word                      (元, 美元, %, 个百分点, 个)
//   post     a qualifier after the unit         (以上, 左右)
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "rules/compiled_pack.hpp"

namespace zhibiao::resolve {

struct ParsedQuantity {
  QuantityKind kind = QuantityKind::number;
  Decimal value;
  std::optional<Decimal> value_max;
  Qualifier qualifier = Qualifier::eq;
  std::string unit;  // CNY, USD, percent, pp; for counters the folded counter word
  const detail::UnitEntry* unit_entry = nullptr;
  std::size_t unit_offset = 0, unit_length = 0;  // the unit word, relative to the mention
  bool lone_numeral = false;  // a single Chinese numeral character with no unit (一是, 三农)
};

// Where the grammar's groups lie in a mention: for each of
// detail::kQuantityParts, its offset and length in bytes (length 0 when
// the group took no part).
struct QuantityParts {
  std::array<std::pair<std::uint32_t, std::uint32_t>, detail::kQuantityParts.size()> at{};
};

// The mention split by the grammar, or nullopt when it does not match.
std::optional<QuantityParts> split_quantity(std::string_view mention, const detail::CompiledPack& pack);
// The value, unit, kind and qualifier of a mention split into `parts`.
std::optional<ParsedQuantity> read_quantity(std::string_view mention, const QuantityParts& parts,
                                            const detail::CompiledPack& pack);
// Both in one.
std::optional<ParsedQuantity> parse_quantity(std::string_view mention, const detail::CompiledPack& pack);

// Whether a mention that begins at `begin` in `folded` follows a word its
// unit needs there (番 only after 翻: 经过一番努力 holds no figure).
bool unit_fits_context(const ParsedQuantity& q, std::string_view folded, std::size_t begin);

// Where a mention that begins at `begin` in `folded` really begins: past its
// first characters when they end a word that only holds a qualifier word
// (签约56个: the mention is 56个, not 约56个), else `begin`. The grammar
// cannot tell, having no look behind.
std::size_t past_word_holding_qualifier(std::string_view folded, std::size_t begin, std::size_t end,
                                        const detail::QuantityGrammar& grammar);

}  // namespace zhibiao::resolve
