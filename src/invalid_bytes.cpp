#include "invalid_bytes.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace zhibiao::detail {

InvalidBytes invalid_bytes(const text::NormalizedText& norm, std::size_t offset) {
  InvalidBytes bad;
  bad.count = norm.invalid.size();
  if (bad.count == 0) return bad;
  std::size_t named = std::min(bad.count, kInvalidBytesNamed);
  for (std::size_t i = 0; i < named; ++i) bad.first.push_back(norm.invalid[i].offset + offset);
  bad.last = norm.invalid.back().offset + offset;
  return bad;
}

void InvalidBytesReport::add(const InvalidBytes& part, std::vector<Warning>* warnings) {
  if (part.count == 0) return;
  std::size_t named_here = 0;
  for (std::size_t at : part.first) {
    if (named_ == kInvalidBytesNamed) break;
    if (warnings) warnings->push_back({at, fmt::format("invalid UTF-8 at byte {}, read as U+FFFD", at)});
    ++named_;
    ++named_here;
  }
  unnamed_ += part.count - named_here;
  last_ = part.last;
}

void InvalidBytesReport::finish(std::vector<Warning>* warnings) {
  if (unnamed_ > 0 && warnings)
    warnings->push_back(
        {last_, fmt::format("{} more bytes of invalid UTF-8, the last at byte {}, read as U+FFFD", unnamed_, last_)});
  unnamed_ = 0;
}

}  // namespace zhibiao::detail
