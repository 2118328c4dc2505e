#include "match/pattern_syntax.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace zhibiao::match {
namespace {

constexpr auto npos = std::string_view::npos;

// \x, \x{...}, \p{...}: just past it, or npos.
std::size_t escape_end(std::string_view p, std::size_t i) {
  if (i + 1 >= p.size()) return npos;
  char c = p[i + 1];
  if ((c == 'x' || c == 'p' || c == 'P') && i + 2 < p.size() && p[i + 2] == '{') {
    std::size_t close = p.find('}', i + 3);
    return close == npos ? npos : close + 1;
  }
  return i + 1 + text::decode_at(p, i + 1).size;
}

// Just past the ']' closing the class opened at i, or npos: a ']' first
// (after any '^') is a literal, as are escapes and [:name:].
std::size_t class_end(std::string_view p, std::size_t i) {
  if (i >= p.size() || p[i] != '[') return npos;
  ++i;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;
  while (i < p.size()) {
    if (p[i] == ']') return i + 1;
    if (p[i] == '\\') {
      i = escape_end(p, i);
      if (i == npos) return npos;
    } else if (p.substr(i, 2) == "[:") {
      std::size_t close = p.find(":]", i + 2);
      if (close == npos) return npos;
      i = close + 2;
    } else {
      ++i;
    }
  }
  return npos;
}

// Just past the ')' closing the group opened at i, or npos.
std::size_t group_end(std::string_view p, std::size_t i) {
  int depth = 0;
  while (i < p.size()) {
    char c = p[i];
    if (c == '\\') {
      i = escape_end(p, i);
    } else if (c == '[') {
      i = class_end(p, i);
    } else {
      if (c == '(') ++depth;
      if (c == ')' && --depth == 0) return i + 1;
      ++i;
    }
    if (i == npos) return npos;
  }
  return npos;
}

}  // namespace

TopLevel read_top_level(std::string_view pattern) {
  TopLevel top;
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // []...] and [^]...]: a literal ]
    } else if (c == '(') {
      if (depth++ == 0) top.last_group_begin = i;
    } else if (c == ')') {
      if (--depth == 0) top.last_group_end = i;
      if (depth < 0) top.balanced = false;
    } else if (c == '|' && depth == 0) {
      top.alternation = true;
    }
  }
  if (depth != 0) top.balanced = false;
  return top;
}

std::size_t atom_end(std::string_view pattern, std::size_t i) {
  if (i >= pattern.size()) return npos;
  if (pattern[i] == '(') return group_end(pattern, i);
  if (pattern[i] == '[') return class_end(pattern, i);
  if (pattern[i] == '\\') return escape_end(pattern, i);
  return i + text::decode_at(pattern, i).size;
}

bool is_one_char_atom(std::string_view p, std::size_t i, std::size_t end) {
  if (i >= end || end > p.size()) return false;
  if (p[i] == '[') return class_end(p, i) == end;
  if (p[i] == '.') return end == i + 1;
  return p.substr(i, 3) == "(?:" && group_end(p, i) == end && end - i > 4 && atom_end(p, i + 3) == end - 1 &&
         is_one_char_atom(p, i + 3, end - 1);
}

int capturing_groups_from(std::string_view p, std::size_t i) {
  int n = 0;
  while (i < p.size()) {
    if (p[i] == '\\') {
      i = escape_end(p, i);
    } else if (p[i] == '[') {
      i = class_end(p, i);
    } else {
      if (p[i] == '(' && (p.substr(i + 1, 1) != "?" || p.substr(i, 4) == "(?P<")) ++n;
      ++i;
    }
    if (i == npos) return -1;
  }
  return n;
}

std::string replace_groups(std::string_view p, const std::vector<std::string>& groups, std::string_view with) {
  std::string out;
  out.reserve(p.size());
  std::size_t i = 0;
  while (i < p.size()) {
    std::size_t next = i + 1;
    if (p[i] == '\\') next = escape_end(p, i);
    else if (p[i] == '[') next = class_end(p, i);
    if (next == npos) return std::string(p);
    if (p[i] == '(') {
      auto whole = [&](const std::string& g) { return p.substr(i).starts_with(g) && group_end(p, i) == i + g.size(); };
      if (auto g = std::find_if(groups.begin(), groups.end(), whole); g != groups.end()) {
        out += with;
        i += g->size();
        continue;
      }
    }
    out.append(p, i, next - i);
    i = next;
  }
  return out;
}

}  // namespace zhibiao::match
