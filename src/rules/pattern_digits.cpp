#include "rules/pattern_digits.hpp"

#include "text/utf8.hpp"

namespace zhibiao::detail {
namespace {

// The length of the counted repetition ({m}, {m,}, {m,n}) at pattern[i], or 0.
std::size_t repetition_at(std::string_view pattern, std::size_t i) {
  if (pattern[i] != '{') return 0;
  std::size_t j = i + 1;
  std::size_t digits = 0;
  while (j < pattern.size() && text::is_ascii_digit(pattern[j])) ++j, ++digits;
  if (digits == 0) return 0;
  if (j < pattern.size() && pattern[j] == ',') {
    ++j;
    while (j < pattern.size() && text::is_ascii_digit(pattern[j])) ++j;
  }
  return j < pattern.size() && pattern[j] == '}' ? j + 1 - i : 0;
}

}  // namespace

bool treats_digits_alike(std::string_view pattern) {
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      if (i + 1 >= pattern.size()) return false;
      char e = pattern[++i];
      // \x31 and \061 spell digits; \d, \pN, \w and the like take all ten.
      if (text::is_ascii_digit(e) || e == 'x' || e == 'X') return false;
      continue;
    }
    if (text::is_ascii_digit(c)) return false;  // a digit in a class or a literal
    if (in_class) {
      // [:digit:] inside a class does not end it.
      if (c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
        std::size_t close = pattern.find(":]", i + 2);
        if (close == std::string_view::npos) return false;
        i = close + 1;
      } else if (c == ']') {
        in_class = false;
      }
      continue;
    }
    if (c == '[') {
      in_class = true;
      // A ] right after [ or [^ is a member, not the end.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;
      continue;
    }
    if (pattern.substr(i, 4) == "(?P<") {  // a group's name (unit1) matches nothing
      std::size_t close = pattern.find('>', i + 4);
      if (close == std::string_view::npos) return false;
      i = close;
      continue;
    }
    if (std::size_t n = repetition_at(pattern, i)) i += n - 1;
  }
  return true;
}

}  // namespace zhibiao::detail
