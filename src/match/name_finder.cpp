#include "match/name_finder.hpp"

#include "text/utf8.hpp"

namespace zhibiao::match {

std::vector<NameAt> find_names(const std::vector<std::string>& names, std::string_view text, std::size_t from,
                               std::size_t to) {
  std::vector<NameAt> out;
  for (std::size_t pos = from; pos < to; pos += text::decode_at(text, pos).size) {
    for (const auto& name : names) {
      if (name.empty() || name.size() > to - pos || text[pos] != name[0]) continue;
      if (text.compare(pos, name.size(), name) == 0) out.push_back({pos, pos + name.size()});
    }
  }
  return out;
}

}  // namespace zhibiao::match
