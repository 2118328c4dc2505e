#include "resolve/quantity_memo.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace zhibiao::resolve {

const std::optional<ParsedQuantity>& QuantityMemo::parse(std::string_view mention) {
  auto [known, first_time] = by_text_.try_emplace(mention);
  if (first_time) {
    auto parts = split(mention);
    if (parts) known->second = read_quantity(mention, *parts, pack_);
  }
  return known->second;
}

std::optional<QuantityParts> QuantityMemo::split(std::string_view mention) {
  bool has_digit = std::any_of(mention.begin(), mention.end(), text::is_ascii_digit);
  // Without digits the shape is the mention itself, which by_text_ has seen once.
  if (!pack_.quantity.parts_treat_digits_alike || !has_digit) return split_quantity(mention, pack_);
  shape_.assign(mention);
  std::replace_if(shape_.begin(), shape_.end(), [](char c) { return c >= '1' && c <= '9'; }, '0');
  auto [known, first_time] = by_shape_.try_emplace(shape_);
  if (first_time) known->second = split_quantity(mention, pack_);
  return known->second;
}

}  // namespace zhibiao::resolve
