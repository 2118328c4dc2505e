#include "text/utf8.hpp"

#include <unicode/utf8.h>

namespace zhibiao::text {

Decoded decode_at(std::string_view s, std::size_t pos) {
  auto i = static_cast<int32_t>(pos);
  auto length = static_cast<int32_t>(s.size());
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, length, c);
  auto used = static_cast<std::size_t>(i) - pos;
  if (c < 0) return {kReplacement, used == 0 ? 1 : used, false};
  return {static_cast<char32_t>(c), used, true};
}

void append_utf8(std::string& out, char32_t cp) {
  uint8_t buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, 4, static_cast<UChar32>(cp), error);
  if (error) {
    append_utf8(out, kReplacement);
    return;
  }
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += decode_at(s, i).size) ++n;
  return n;
}

}  // namespace zhibiao::text
