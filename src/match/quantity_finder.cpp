#include "match/quantity_finder.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "match/scan.hpp"
#include "resolve/quantity_memo.hpp"
#include "text/utf8.hpp"

namespace zhibiao::match {

bool QuantityScan::touches_excluded(std::size_t b, std::size_t e) const {
  // The first excluded span that ends after b; it touches when it starts before e.
  auto it = std::lower_bound(excluded.begin(), excluded.end(), b,
                             [](const std::pair<std::size_t, std::size_t>& s, std::size_t pos) { return s.second <= pos; });
  return it != excluded.end() && it->first < e;
}

const FoundQuantity* QuantityScan::at(std::size_t b, std::size_t e) const {
  auto it = std::lower_bound(quantities.begin(), quantities.end(), b,
                             [](const FoundQuantity& q, std::size_t pos) { return q.begin < pos; });
  return it != quantities.end() && it->begin == b && it->end == e ? &*it : nullptr;
}

QuantityScan scan_quantities(std::string_view folded, const detail::CompiledPack& pack) {
  QuantityScan out;
  // One pass with all exclusions in one pattern (spans come out sorted and
  // disjoint); the separate patterns only when that could not be built.
  if (pack.quantity.any_exclude) {
    scan(*pack.quantity.any_exclude, folded, [&](const Hit& h) { out.excluded.emplace_back(h.begin, h.end); });
  } else {
    for (const auto& re : pack.quantity.excludes)
      scan(*re, folded, [&](const Hit& h) { out.excluded.emplace_back(h.begin, h.end); });
    std::sort(out.excluded.begin(), out.excluded.end());
    // Merge overlaps so the binary search in touches_excluded holds.
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (auto s : out.excluded) {
      if (!merged.empty() && s.first <= merged.back().second) merged.back().second = std::max(merged.back().second, s.second);
      else merged.push_back(s);
    }
    out.excluded = std::move(merged);
  }

  resolve::QuantityMemo parsed(pack);
  scan(*pack.quantity.finder, folded, [&](const Hit& h) {
    if (out.touches_excluded(h.begin, h.end)) return;
    // A single numeral character (一是, 三农) is a number only when it stands
    // alone on its line.
    bool alone_on_line = (h.begin == 0 || folded[h.begin - 1] == '\n') &&
                         (h.end == folded.size() || folded[h.end] == '\n');
    // Most such mentions are one Chinese character inside a word (进一步):
    // known to be lone numerals without parsing them.
    bool one_chinese_char = static_cast<unsigned char>(folded[h.begin]) >= 0x80 &&
                            text::decode_at(folded, h.begin).size == h.end - h.begin;
    if (one_chinese_char && !alone_on_line) return;
    const auto& q = parsed.parse(folded.substr(h.begin, h.end - h.begin));
    if (!q) return;
    if (q->lone_numeral && !alone_on_line) return;
    out.quantities.push_back({h.begin, h.end, *q});
  });
  return out;
}

}  // namespace zhibiao::match
