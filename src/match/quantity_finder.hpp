// The quantity layer: every numeric mention in a folded text that is not a
// year, date, ordinal or code (the pack's exclusion patterns decide which).
#pragma once

#include <vector>

#include "resolve/quantity_parser.hpp"
#include "rules/compiled_pack.hpp"

namespace zhibiao::match {

struct FoundQuantity {
  std::size_t begin, end;  // folded text
  resolve::ParsedQuantity quantity;
};

struct QuantityScan {
  std::vector<FoundQuantity> quantities;                     // in text order
  std::vector<std::pair<std::size_t, std::size_t>> excluded;  // spans that are no quantity, sorted
  // Whether [b, e) touches an excluded span (a year, a date, an ordinal).
  bool touches_excluded(std::size_t b, std::size_t e) const;
  // The mention spanning exactly [b, e), or nullptr.
  const FoundQuantity* at(std::size_t b, std::size_t e) const;
};

QuantityScan scan_quantities(std::string_view folded, const detail::CompiledPack& pack);

}  // namespace zhibiao::match
