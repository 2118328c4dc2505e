#include "resolve/quantity_parser.hpp"

#include <array>

#include "resolve/number_parser.hpp"
#include "text/ends_with_any.hpp"

namespace zhibiao::resolve {
namespace {

// Enough groups for any sensible quantity grammar without allocating; a
// larger one gets a vector.
constexpr std::size_t kInlineGroups = 48;

}  // namespace

std::optional<QuantityParts> split_quantity(std::string_view mention, const detail::CompiledPack& pack) {
  const RE2& grammar = *pack.quantity.parts;
  auto n = static_cast<std::size_t>(grammar.NumberOfCapturingGroups()) + 1;
  std::array<re2::StringPiece, kInlineGroups> inline_groups;
  std::vector<re2::StringPiece> more_groups(n > kInlineGroups ? n : 0);
  re2::StringPiece* groups = n > kInlineGroups ? more_groups.data() : inline_groups.data();
  if (!grammar.Match(mention, 0, mention.size(), RE2::ANCHOR_BOTH, groups, static_cast<int>(n))) return std::nullopt;
  QuantityParts out;
  for (std::size_t i = 0; i < out.at.size(); ++i) {
    int k = pack.quantity.part_groups[i];
    if (k <= 0 || groups[k].data() == nullptr) continue;
    out.at[i] = {static_cast<std::uint32_t>(groups[k].data() - mention.data()),
                 static_cast<std::uint32_t>(groups[k].size())};
  }
  return out;
}

std::optional<ParsedQuantity> parse_quantity(std::string_view mention, const detail::CompiledPack& pack) {
  auto parts = split_quantity(mention, pack);
  if (!parts) return std::nullopt;
  return read_quantity(mention, *parts, pack);
}

std::optional<ParsedQuantity> read_quantity(std::string_view mention, const QuantityParts& parts,
                                            const detail::CompiledPack& pack) {
  std::array<std::string_view, detail::kQuantityParts.size()> g{};
  for (std::size_t i = 0; i < g.size(); ++i) g[i] = mention.substr(parts.at[i].first, parts.at[i].second);
  auto [pre, unitpre, pctpre, den, num, unit1, num_max, mid, scale, unit, post] = g;

  ParsedQuantity out;
  auto low = parse_number(num, pack.numbers);
  if (!low) return std::nullopt;
  out.value = low->value;
  if (!den.empty()) {  // 二分之一: a fraction, kept only when its decimal is exact
    auto denominator = parse_number(den, pack.numbers);
    if (!denominator) return std::nullopt;
    auto quotient = low->value.divide_exact(denominator->value);
    if (!quotient) return std::nullopt;
    out.value = *quotient;
    low->chinese = false;  // never a lone numeral
  }
  out.lone_numeral = low->chinese && low->numeral_chars == 1 && unit.empty() && pctpre.empty();
  if (low->value_max) {  // 五六个: a range in the number itself
    if (low->range_at_end && unit.empty() && scale.empty() && pctpre.empty()) return std::nullopt;
    out.value_max = low->value_max;
    out.qualifier = Qualifier::range;
  }

  if (!num_max.empty()) {
    auto high = parse_number(num_max, pack.numbers);
    if (!high) return std::nullopt;
    // 5至8亿元: the low end shares the high end's scale when it has none.
    if (low->scale_power == 0 && high->scale_power > 0) {
      auto scaled = low->value.scale_pow10(high->scale_power);
      if (scaled && !(high->value < *scaled)) out.value = *scaled;
    }
    out.value_max = high->value_max ? high->value_max : high->value;
    out.qualifier = Qualifier::range;
  }
  if (!scale.empty()) {
    auto power = parse_scale(scale, pack.numbers, low->place_power);
    if (!power) return std::nullopt;
    // A fraction's value is no longer the number's: all of it is scaled.
    auto v = den.empty() ? scale_after_qualifier(*low, out.value, *power) : out.value.scale_pow10(*power);
    if (!v) return std::nullopt;
    out.value = *v;
    if (out.value_max) out.value_max = out.value_max->scale_pow10(*power);
  }
  const detail::UnitEntry* entry = nullptr;
  if (!unit.empty()) {
    auto it = pack.quantity.units.find(std::string(unit));
    if (it == pack.quantity.units.end()) return std::nullopt;
    entry = &it->second;
    out.unit_offset = static_cast<std::size_t>(unit.data() - mention.data());
    out.unit_length = unit.size();
  } else if (!unitpre.empty()) {
    auto it = pack.quantity.units_before.find(std::string(unitpre));
    if (it == pack.quantity.units_before.end()) return std::nullopt;
    entry = &it->second;
  }
  if (entry) {
    out.unit_entry = entry;
    out.kind = entry->kind;
    out.unit = entry->unit.empty() ? std::string(unit) : entry->unit;
    auto apply = [&](const Decimal& d) -> std::optional<Decimal> {
      auto v = d.scale_pow10(entry->scale);
      if (v && entry->factor) v = v->multiply(*entry->factor);
      return v;
    };
    auto v = apply(out.value);
    if (!v) return std::nullopt;
    out.value = *v;
    if (out.value_max) out.value_max = apply(*out.value_max);
  }
  if (!pctpre.empty() && (unit.empty() || out.kind == QuantityKind::percent)) {
    out.kind = QuantityKind::percent;
    out.unit = "percent";
  }
  if (out.qualifier != Qualifier::range) {
    // The word nearest the unit wins: 20%以上 over a leading 约, and either
    // over an approximate digit in the number (约数十亿元: 约).
    for (std::string_view word : {post, mid, pre}) {
      if (word.empty()) continue;
      auto it = pack.quantity.qualifier_words.find(std::string(word));
      if (it != pack.quantity.qualifier_words.end()) {
        out.qualifier = it->second;
        break;
      }
    }
    if (out.qualifier == Qualifier::eq && low->qualifier) out.qualifier = *low->qualifier;
  }
  return out;
}

bool unit_fits_context(const ParsedQuantity& q, std::string_view folded, std::size_t begin) {
  if (!q.unit_entry || q.unit_entry->only_after.empty()) return true;
  return text::ends_with_any(folded.substr(0, begin), q.unit_entry->only_after);
}

std::size_t past_word_holding_qualifier(std::string_view folded, std::size_t begin, std::size_t end,
                                        const detail::QuantityGrammar& grammar) {
  // Most mentions begin with a digit, which begins none of those qualifiers.
  if (begin >= end || !grammar.inside_words_first_bytes[static_cast<unsigned char>(folded[begin])]) return begin;
  std::string_view before = folded.substr(0, begin), from = folded.substr(begin, end - begin);
  for (const auto& q : grammar.qualifiers_inside_words) {
    if (from.size() <= q.qualifier.size() || !from.starts_with(q.qualifier)) continue;
    for (const auto& head : q.heads)
      if (before.ends_with(head)) return begin + q.qualifier.size();
  }
  return begin;
}

}  // namespace zhibiao::resolve
