#include "text/utf8.hpp"

#include <unicode/uchar.h>

namespace zhibiao::text {

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += decode_at(s, i).size) ++n;
  return n;
}

bool has_case(char32_t cp) {
  auto c = static_cast<UChar32>(cp);
  return u_tolower(c) != c || u_toupper(c) != c || u_foldCase(c, U_FOLD_CASE_DEFAULT) != c;
}

bool is_caseless(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    Decoded d = decode_at(s, i);
    if (!d.valid || has_case(d.cp)) return false;
    i += d.size;
  }
  return true;
}

}  // namespace zhibiao::text
