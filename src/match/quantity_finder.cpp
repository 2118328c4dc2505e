#include "match/quantity_finder.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "match/scan.hpp"
#include "resolve/quantity_parser.hpp"
#include "text/utf8.hpp"

namespace zhibiao::match {
namespace {

// A single numeral character (一是, 三农) is a number only when it stands
// alone on its line.
bool alone_on_line(std::string_view folded, std::size_t begin, std::size_t end) {
  return (begin == 0 || folded[begin - 1] == '\n') && (end == folded.size() || folded[end] == '\n');
}

// Most such mentions are one Chinese character inside a word (进一步):
// known to be lone numerals without reading them.
bool one_chinese_char(std::string_view folded, std::size_t begin, std::size_t end) {
  return static_cast<unsigned char>(folded[begin]) >= 0x80 && text::decode_at(folded, begin).size == end - begin;
}

}  // namespace

QuantityScan::QuantityScan(std::string_view folded, const detail::CompiledPack& pack,
                           const std::vector<text::Range>* needed_at)
    : folded_(folded), memo_(pack) {
  const auto& grammar = pack.quantity;
  std::vector<std::vector<text::Range>> windows =
      needed_at ? grammar.windows.find(folded, *needed_at) : grammar.windows.find(folded);
  // The matches of `re` in the whole text, found only inside its windows
  // when it has a slot (the same matches, see match/match_windows.hpp).
  auto scan_where_it_can_match = [&](const RE2& re, std::optional<std::size_t> slot,
                                     const std::optional<LeadChars>& lead, auto&& visit) {
    if (slot) scan_in_windows(re, lead, folded, windows[*slot], visit);
    else scan(re, folded, visit);
  };

  // One pass with all exclusions in one pattern (spans come out sorted and
  // disjoint); the separate patterns only when that could not be built.
  if (grammar.any_exclude) {
    scan_where_it_can_match(*grammar.any_exclude, grammar.exclude_windows, grammar.exclude_lead,
                            [&](const Hit& h) { excluded_.emplace_back(h.begin, h.end); });
  } else {
    for (const auto& re : grammar.excludes)
      scan(*re, folded, [&](const Hit& h) { excluded_.emplace_back(h.begin, h.end); });
    std::sort(excluded_.begin(), excluded_.end());
    // Merge overlaps so the binary search in touches_excluded holds.
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (auto s : excluded_) {
      if (!merged.empty() && s.first <= merged.back().second) merged.back().second = std::max(merged.back().second, s.second);
      else merged.push_back(s);
    }
    excluded_ = std::move(merged);
  }

  // A finder window of one Chinese character can only match that character,
  // which is dropped below unless alone on its line: such windows (一 in
  // 进一步, a third of them) are not scanned at all.
  if (grammar.finder_windows)
    std::erase_if(windows[*grammar.finder_windows], [&](const text::Range& w) {
      return one_chinese_char(folded, w.begin, w.end) && !alone_on_line(folded, w.begin, w.end);
    });
  scan_where_it_can_match(*grammar.finder, grammar.finder_windows, grammar.finder_lead, [&](const Hit& h) {
    if (touches_excluded(h.begin, h.end)) return;
    std::size_t begin = resolve::past_word_holding_qualifier(folded, h.begin, h.end, grammar);
    bool alone = alone_on_line(folded, begin, h.end);
    if (one_chinese_char(folded, begin, h.end) && !alone) return;
    mentions_.push_back({begin, h.end, alone});
  });
}

bool QuantityScan::touches_excluded(std::size_t b, std::size_t e) const {
  // The first excluded span that ends after b; it touches when it starts before e.
  auto it = std::lower_bound(excluded_.begin(), excluded_.end(), b,
                             [](const std::pair<std::size_t, std::size_t>& s, std::size_t pos) { return s.second <= pos; });
  return it != excluded_.end() && it->first < e;
}

const resolve::ParsedQuantity* QuantityScan::quantity_of(Mention& m) {
  if (!m.parsed) m.parsed = &memo_.parse(folded_.substr(m.begin, m.end - m.begin));
  const auto& q = *m.parsed;
  if (!q || (q->lone_numeral && !m.alone_on_line) || !resolve::unit_fits_context(*q, folded_, m.begin)) return nullptr;
  return &*q;
}

std::vector<QuantityScan::Mention>::iterator QuantityScan::first_from(std::size_t pos) {
  return std::lower_bound(mentions_.begin(), mentions_.end(), pos,
                          [](const Mention& m, std::size_t p) { return m.begin < p; });
}

const resolve::ParsedQuantity* QuantityScan::at(std::size_t b, std::size_t e) {
  auto it = first_from(b);
  return it != mentions_.end() && it->begin == b && it->end == e ? quantity_of(*it) : nullptr;
}

bool QuantityScan::has_mention_in(std::size_t from, std::size_t to) {
  auto it = first_from(from);
  return it != mentions_.end() && it->begin < to;
}

bool QuantityScan::any_in(std::size_t from, std::size_t to) {
  for (auto it = first_from(from); it != mentions_.end() && it->begin < to; ++it)
    if (quantity_of(*it)) return true;
  return false;
}

std::vector<FoundQuantity> QuantityScan::all() {
  std::vector<FoundQuantity> out;
  for (auto& m : mentions_)
    if (const auto* q = quantity_of(m)) out.push_back({m.begin, m.end, *q});
  return out;
}

}  // namespace zhibiao::match
