#include "resolve/quantity_memo.hpp"

#include <algorithm>

#include "resolve/split_cache.hpp"
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
  auto split_now = [&] { return split_quantity(mention, pack_); };
  if (!pack_.quantity.splits) return split_now();
  // The split is the same for every mention of a shape (with digits, when
  // the grammar treats them alike) or of a text (any other).
  bool has_digit = std::any_of(mention.begin(), mention.end(), text::is_ascii_digit);
  if (!pack_.quantity.parts_treat_digits_alike || !has_digit) return pack_.quantity.splits->get(mention, split_now);
  shape_.assign(mention);
  std::replace_if(shape_.begin(), shape_.end(), [](char c) { return c >= '1' && c <= '9'; }, '0');
  return pack_.quantity.splits->get(shape_, split_now);
}

}  // namespace zhibiao::resolve
