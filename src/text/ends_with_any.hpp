// Whether the text before a position ends with one of a few words: the
// context a unit or a subject needs (番 only after 翻; no subject after 占).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace zhibiao::text {

inline bool ends_with_any(std::string_view text, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return text.ends_with(w); });
}

}  // namespace zhibiao::text
