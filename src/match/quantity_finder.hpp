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
//
// Nor are the mentions found up front: the finder and its exclusions scan a
// window of the text (match_windows.hpp) the first time a question covers
// it (matches_by_window.hpp). Three of the finder's windows in four on the
// corpus lie in sentences that name no indicator, which no question
// reaches.
#pragma once

#include <string_view>
#include <vector>

#include "match/matches_by_window.hpp"
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
  // Finds where the mentions and exclusions of `folded` can lie; `folded`
  // and `pack` must outlive the scan. Reads none of the mentions yet.
  // `needed_at`, when given, is where the characters of
  // pack.quantity.windows.needed_chars() are in folded (text::normalize
  // lists them with the pack's fold table), so the text is not read again
  // for them.
  QuantityScan(std::string_view folded, const detail::CompiledPack& pack,
               const std::vector<text::Range>* needed_at = nullptr);

  // Whether [b, e) touches an excluded span (a year, a date, an ordinal).
  bool touches_excluded(std::size_t b, std::size_t e);
  // The quantity spanning exactly [b, e), or nullptr when no mention spans
  // it or the mention is no quantity.
  const resolve::ParsedQuantity* at(std::size_t b, std::size_t e);
  // Whether a mention could begin in [from, to): false only when none
  // does. Scans nothing.
  bool may_have_mention_in(std::size_t from, std::size_t to);
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
  using Span = std::pair<std::size_t, std::size_t>;
  // Appends the exclusions' spans in window w, sorted and disjoint.
  void scan_exclusions(const text::Range& w, std::vector<Span>& out);
  // Appends the mentions in window w, in text order.
  void scan_mentions(const text::Range& w, std::vector<Mention>& out);
  // Calls visit(Mention&) on each mention that begins in [from, to), in
  // text order, until it returns true; whether it did.
  template <typename Visit>
  bool find_mention(std::size_t from, std::size_t to, Visit&& visit);
  // Reads m once: its quantity, or nullptr when it is none.
  const resolve::ParsedQuantity* quantity_of(Mention& m);

  std::string_view folded_;
  const detail::CompiledPack& pack_;
  resolve::QuantityMemo memo_;
  MatchesByWindow<Mention> mentions_;
  MatchesByWindow<Span> excluded_;  // spans that are no quantity
};

}  // namespace zhibiao::match
