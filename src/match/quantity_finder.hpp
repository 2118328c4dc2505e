// The quantity layer: every numeric mention in a folded text that is not a
// year, date, ordinal or code (the pack's exclusion patterns decide which).
//
// Finding the mentions is one pass over the text; reading one (splitting it
// into number, unit and qualifiers) costs far more, and most of a
// document's mentions are never needed: a sentence is worth matching once
// one of its mentions is a quantity, and a fact needs only its own figure.
// So the scan finds every mention up front and reads each only when asked
// about it, once (see resolve/quantity_memo.hpp). Whatever the order of the
// questions, the answers are those of reading every mention.
#pragma once

#include <string_view>
#include <vector>

#include "resolve/quantity_memo.hpp"
#include "resolve/quantity_parser.hpp"
#include "rules/compiled_pack.hpp"

namespace zhibiao::match {

struct FoundQuantity {
  std::size_t begin, end;  // folded text
  resolve::ParsedQuantity quantity;
};

class QuantityScan {
 public:
  // Finds the mentions and exclusions of `folded`, which must outlive the
  // scan; reads none of the mentions yet. `needed_at`, when given, is where
  // the characters of pack.quantity.windows.needed_chars() are in folded
  // (text::normalize lists them with the pack's fold table), so the text is
  // not read again for them.
  QuantityScan(std::string_view folded, const detail::CompiledPack& pack,
               const std::vector<text::Range>* needed_at = nullptr);

  // Whether [b, e) touches an excluded span (a year, a date, an ordinal).
  bool touches_excluded(std::size_t b, std::size_t e) const;
  // The quantity spanning exactly [b, e), or nullptr when no mention spans
  // it or the mention is no quantity.
  const resolve::ParsedQuantity* at(std::size_t b, std::size_t e);
  // Whether a mention, quantity or not, begins in [from, to): none is read.
  bool has_mention_in(std::size_t from, std::size_t to);
  // Whether a quantity begins in [from, to): the mentions there are read
  // in order until one is.
  bool any_in(std::size_t from, std::size_t to);
  // Whether a quantity begins in (after, before).
  bool any_between(std::size_t after, std::size_t before) { return any_in(after + 1, before); }
  // Every quantity, in text order: reads every mention.
  std::vector<FoundQuantity> all();

 private:
  struct Mention {
    std::size_t begin, end;
    bool alone_on_line;   // a lone numeral is a number only there
    const std::optional<resolve::ParsedQuantity>* parsed = nullptr;  // in memo_; null until read
  };
  // The first mention that begins at or after pos.
  std::vector<Mention>::iterator first_from(std::size_t pos);
  // Reads m once: its quantity, or nullptr when it is none.
  const resolve::ParsedQuantity* quantity_of(Mention& m);

  std::string_view folded_;
  resolve::QuantityMemo memo_;
  std::vector<Mention> mentions_;                              // in text order
  std::vector<std::pair<std::size_t, std::size_t>> excluded_;  // spans that are no quantity, sorted
};

}  // namespace zhibiao::match
