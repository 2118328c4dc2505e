#include "text/utf8.hpp"

namespace zhibiao::text {

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += decode_at(s, i).size) ++n;
  return n;
}

}  // namespace zhibiao::text
