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

std::vector<FoundQuantity> find_quantities(std::string_view folded, const detail::CompiledPack& pack);

}  // namespace zhibiao::match
