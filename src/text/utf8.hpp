// Minimal UTF-8 decoding and encoding for the hot path. ICU's U8_NEXT macro
// does the decoding (with its checks for overlongs and surrogates); this file
// only wraps it for std::string_view.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace zhibiao::text {

constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t cp;       // kReplacement when the bytes were invalid
  std::size_t size;  // bytes consumed, at least 1
  bool valid;
};

Decoded decode_at(std::string_view s, std::size_t pos);
void append_utf8(std::string& out, char32_t cp);
std::size_t count_code_points(std::string_view s);

}  // namespace zhibiao::text
