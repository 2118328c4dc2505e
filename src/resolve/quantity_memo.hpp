// A document's quantity mentions, each parsed once.
//
// A document repeats its mentions (一个, 5%), and many more differ only in
// their digits (5% and 9%, 193.2亿元 and 871.5亿元). Splitting a mention into
// its parts is most of what parsing it costs: RE2 finds the groups of the
// quantity grammar with its NFA (the grammar has too many instructions for
// its backtracker), about 14,000 cycles a mention. So a mention seen before
// in the document is not parsed again, and one whose shape (its text with
// every ASCII digit read as 0) was split before, in this document or an
// earlier one, reuses that split, when the grammar treats all digits alike
// (rules/pattern_digits.hpp): the split is then the same for every mention
// of the shape. The splits are the pack's (split_cache.hpp).
//
// Parsed mentions are kept per document on purpose: an exact text recurs
// across documents far less than a shape does, except in a benchmark that
// repeats its input, which such a memo would make look faster than real
// text is.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "resolve/quantity_parser.hpp"

namespace zhibiao::resolve {

class QuantityMemo {
 public:
  explicit QuantityMemo(const detail::CompiledPack& pack) : pack_(pack) {}

  // parse_quantity(mention); `mention` must outlive the memo.
  const std::optional<ParsedQuantity>& parse(std::string_view mention);

 private:
  std::optional<QuantityParts> split(std::string_view mention);

  const detail::CompiledPack& pack_;
  std::unordered_map<std::string_view, std::optional<ParsedQuantity>> by_text_;
  std::string shape_;  // reused for each mention's shape
};

}  // namespace zhibiao::resolve
