#include "match/quantity_finder.hpp"

#include <algorithm>

#include "match/scan.hpp"

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

  scan(*pack.quantity.finder, folded, [&](const Hit& h) {
    if (out.touches_excluded(h.begin, h.end)) return;
    auto q = resolve::parse_quantity(folded.substr(h.begin, h.end - h.begin), pack);
    if (!q) return;
    // A single numeral character (一是, 三农) is a number only when it stands
    // alone on its line.
    if (q->lone_numeral) {
      bool line_start = h.begin == 0 || folded[h.begin - 1] == '\n';
      bool line_end = h.end == folded.size() || folded[h.end] == '\n';
      if (!line_start || !line_end) return;
    }
    out.quantities.push_back({h.begin, h.end, std::move(*q)});
  });
  return out;
}

}  // namespace zhibiao::match
