#include "match/quantity_finder.hpp"

#include <algorithm>

#include "match/scan.hpp"

namespace zhibiao::match {

std::vector<FoundQuantity> find_quantities(std::string_view folded, const detail::CompiledPack& pack) {
  // Bytes covered by an exclusion (a year, a date, an ordinal); a mention
  // touching any of them is no quantity.
  std::vector<bool> excluded(folded.size(), false);
  for (const auto& re : pack.quantity.excludes)
    scan(*re, folded, [&](const Hit& h) { std::fill(excluded.begin() + static_cast<std::ptrdiff_t>(h.begin),
                                                    excluded.begin() + static_cast<std::ptrdiff_t>(h.end), true); });
  auto overlaps_excluded = [&](std::size_t b, std::size_t e) {
    return std::find(excluded.begin() + static_cast<std::ptrdiff_t>(b), excluded.begin() + static_cast<std::ptrdiff_t>(e),
                     true) != excluded.begin() + static_cast<std::ptrdiff_t>(e);
  };

  std::vector<FoundQuantity> out;
  scan(*pack.quantity.finder, folded, [&](const Hit& h) {
    if (overlaps_excluded(h.begin, h.end)) return;
    auto q = resolve::parse_quantity(folded.substr(h.begin, h.end - h.begin), pack);
    if (!q) return;
    // A single numeral character (一是, 三农) is a number only when it stands
    // alone on its line.
    if (q->lone_numeral) {
      bool line_start = h.begin == 0 || folded[h.begin - 1] == '\n';
      bool line_end = h.end == folded.size() || folded[h.end] == '\n';
      if (!line_start || !line_end) return;
    }
    out.push_back({h.begin, h.end, std::move(*q)});
  });
  return out;
}

}  // namespace zhibiao::match
