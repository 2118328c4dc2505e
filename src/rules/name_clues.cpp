#include "rules/name_clues.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace zhibiao::detail {

std::optional<std::vector<std::string>> find_name_clues(
    const std::vector<std::string>& literals, const std::vector<std::string>& names,
    const std::function<bool(const std::vector<int>& held)>& whole_rule_given) {
  std::vector<std::string> caseless_names;
  std::copy_if(names.begin(), names.end(), std::back_inserter(caseless_names),
               [](const std::string& name) { return text::is_caseless(name); });
  // The literals a text that names no indicator can hold.
  std::vector<int> without_names;
  for (std::size_t a = 0; a < literals.size(); ++a)
    if (std::none_of(caseless_names.begin(), caseless_names.end(),
                     [&](const std::string& name) { return literals[a].find(name) != std::string::npos; }))
      without_names.push_back(static_cast<int>(a));

  std::vector<bool> clue(without_names.size(), true);
  auto held_without_clues = [&] {
    std::vector<int> held;
    for (std::size_t i = 0; i < without_names.size(); ++i)
      if (!clue[i]) held.push_back(without_names[i]);
    return held;
  };
  for (std::size_t i = 0; i < without_names.size(); ++i) {
    clue[i] = false;
    if (whole_rule_given(held_without_clues())) clue[i] = true;
  }
  // Only when the filter gives such a rule whatever the text holds.
  if (whole_rule_given(held_without_clues())) return std::nullopt;

  std::vector<std::string> clues;
  for (std::size_t i = 0; i < without_names.size(); ++i) {
    if (!clue[i]) continue;
    const std::string& literal = literals[static_cast<std::size_t>(without_names[i])];
    if (!text::is_caseless(literal)) return std::nullopt;
    clues.push_back(literal);
  }
  return clues;
}

}  // namespace zhibiao::detail
