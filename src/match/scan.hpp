// Iterating over every non-overlapping match of a pattern in a text.
#pragma once

#include <re2/re2.h>

#include <string_view>
#include <type_traits>
#include <vector>

namespace zhibiao::match {

struct Hit {
  std::size_t begin, end;
  std::vector<re2::StringPiece> groups;  // [0] is the whole match
  // Byte range of group i in the text, or {npos, npos} when it did not take part.
  std::pair<std::size_t, std::size_t> group(std::string_view text, int i) const {
    const auto& g = groups[static_cast<std::size_t>(i)];
    if (i <= 0 || g.data() == nullptr) return {std::string_view::npos, std::string_view::npos};
    auto b = static_cast<std::size_t>(g.data() - text.data());
    return {b, b + g.size()};
  }
};

// Calls visit(const Hit&) for each match, left to right. When visit returns
// a position (it returns std::size_t), the scan goes on from there rather
// than from the match's end: a caller that voids a match can let a later,
// overlapping one be found. An empty match, or a position not past the
// match's start, advances by one character so the scan always ends.
template <typename Visit>
void scan(const RE2& re, std::string_view text, Visit&& visit, std::size_t from = 0, std::size_t to = std::string_view::npos) {
  if (to > text.size()) to = text.size();
  int n = re.NumberOfCapturingGroups() + 1;
  Hit hit;
  hit.groups.resize(static_cast<std::size_t>(n));
  std::size_t pos = from;
  while (pos <= to && re.Match(text, pos, to, RE2::UNANCHORED, hit.groups.data(), n)) {
    hit.begin = static_cast<std::size_t>(hit.groups[0].data() - text.data());
    hit.end = hit.begin + hit.groups[0].size();
    if (hit.end == hit.begin) {
      pos = hit.end + 1;
      while (pos < to && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
      continue;
    }
    if constexpr (std::is_same_v<decltype(visit(static_cast<const Hit&>(hit))), std::size_t>) {
      std::size_t next = visit(static_cast<const Hit&>(hit));
      if (next <= hit.begin) {
        next = hit.begin + 1;
        while (next < to && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
      }
      pos = next;
    } else {
      visit(static_cast<const Hit&>(hit));
      pos = hit.end;
    }
  }
}

}  // namespace zhibiao::match
