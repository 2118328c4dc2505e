// A byte range [begin, end) of a text.
#pragma once

#include <cstddef>

namespace zhibiao::text {

struct Range {
  std::size_t begin;
  std::size_t end;
  bool contains(std::size_t pos) const { return pos >= begin && pos < end; }
};

}  // namespace zhibiao::text
