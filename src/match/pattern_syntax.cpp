#include "match/pattern_syntax.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

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

namespace {

// Rewrites a pattern's text piece by piece. At each place outside a class
// or an escape (which are copied whole, never read into), rewrite(p, i,
// out) either writes what stands for the piece beginning at i and returns
// just past that piece, or returns i to keep the character as it is, or
// npos when the pattern is malformed there. nullopt when it is malformed
// anywhere.
template <typename Rewrite>
std::optional<std::string> rewritten(std::string_view p, Rewrite&& rewrite) {
  std::string out;
  out.reserve(p.size());
  for (std::size_t i = 0; i < p.size();) {
    std::size_t next = i + 1;
    if (p[i] == '\\') {
      next = escape_end(p, i);
    } else if (p[i] == '[') {
      next = class_end(p, i);
    } else if (std::size_t past = rewrite(p, i, out); past != i) {
      if (past == npos) return std::nullopt;
      i = past;
      continue;
    }
    if (next == npos) return std::nullopt;
    out.append(p, i, next - i);
    i = next;
  }
  return out;
}

// Whether the group at i begins as one holding only `any` would: a quick
// test before its end is looked for.
bool may_hold_only(std::string_view p, std::size_t i, std::string_view any) {
  while (p.compare(i, 3, "(?:") == 0) i += 3;
  return p.compare(i, any.size(), any) == 0;
}

// Whether the group [i, end) is `any`, alone or inside non-capturing
// groups of nothing else.
bool holds_only(std::string_view p, std::size_t i, std::size_t end, std::string_view any) {
  std::string_view group = p.substr(i, end - i);
  while (group != any && group.starts_with("(?:") && group.ends_with(")") && group_end(group, 0) == group.size())
    group = group.substr(3, group.size() - 4);
  return group == any;
}

// Just past the quantifier at i (*, +, ?, {n}, {n,}, {n,m}, each perhaps
// lazy), or i when there is none or it repeats at most zero times.
std::size_t repeat_end(std::string_view p, std::size_t i) {
  if (i >= p.size()) return i;
  std::size_t end = i;
  if (p[i] == '*' || p[i] == '+' || p[i] == '?') {
    end = i + 1;
  } else if (p[i] == '{') {
    std::size_t close = p.find('}', i);
    if (close == npos) return i;
    std::string_view inside = p.substr(i + 1, close - i - 1);
    std::size_t comma = inside.find(',');
    std::string_view min = inside.substr(0, comma), max = comma == npos ? min : inside.substr(comma + 1);
    auto digits = [](std::string_view d) { return std::all_of(d.begin(), d.end(), text::is_ascii_digit); };
    if (min.empty() || !digits(min) || !digits(max)) return i;  // no repeat: RE2 reads a literal {
    if (!max.empty() && max.find_first_not_of('0') == npos) return i;  // {0}, {0,0}: the empty text only
    end = close + 1;
  }
  if (end > i && end < p.size() && p[end] == '?') ++end;
  return end;
}

}  // namespace

std::string replace_groups(std::string_view p, const std::vector<std::string>& groups, std::string_view with) {
  auto out = rewritten(p, [&](std::string_view text, std::size_t i, std::string& to) {
    if (text[i] != '(') return i;
    auto whole = [&](const std::string& g) { return text.substr(i).starts_with(g) && group_end(text, i) == i + g.size(); };
    auto g = std::find_if(groups.begin(), groups.end(), whole);
    if (g == groups.end()) return i;
    to += with;
    return i + g->size();
  });
  return out ? std::move(*out) : std::string(p);
}

std::string without_repeats_of(std::string_view pattern, std::string_view any) {
  auto drop_repeat = [&](std::string_view p, std::size_t i, std::string& out) {
    if (p[i] != '(' || !may_hold_only(p, i, any)) return i;
    std::size_t end = group_end(p, i);
    if (end == npos) return npos;
    if (!holds_only(p, i, end, any)) return i;
    out.append(p, i, end - i);
    return repeat_end(p, end);
  };
  // One pass drops the repeats of the innermost such groups; a group that
  // held one of them may hold only `any` now, so passes go on until one
  // changes nothing.
  std::string in(pattern);
  for (;;) {
    auto out = rewritten(in, drop_repeat);
    if (!out) return std::string(pattern);
    if (*out == in) return in;
    in = std::move(*out);
  }
}

std::string unbounded_optional_repeats(std::string_view p) {
  auto out = rewritten(p, [](std::string_view text, std::size_t i, std::string& to) {
    if (text.compare(i, 3, "{0,") != 0 || repeat_end(text, i) == i) return i;
    to += '*';  // a lazy ? after it stays
    return text.find('}', i) + 1;
  });
  return out ? std::move(*out) : std::string(p);
}

std::string optional_groups_as(std::string_view p, std::string_view any, std::vector<std::string>& replaced) {
  auto out = rewritten(p, [&](std::string_view text, std::size_t i, std::string& to) {
    if (text.compare(i, 3, "(?:") != 0) return i;
    std::size_t end = group_end(text, i);
    if (end == npos) return npos;
    bool optional = end < text.size() && (text[end] == '?' || text[end] == '*' || text.compare(end, 3, "{0,") == 0);
    if (!optional || capturing_groups_from(text.substr(i, end - i), 0) != 0) return i;
    replaced.emplace_back(text.substr(i, end - i));
    to += "(?:";
    to += any;
    to += ')';
    return end;
  });
  return out ? std::move(*out) : std::string(p);
}

std::string copy_for_filter(std::string_view pattern, const std::vector<std::string>& skipped, std::string_view any,
                            std::vector<std::string>& optional_groups) {
  std::string copy = unbounded_optional_repeats(replace_groups(pattern, skipped, any));
  return without_repeats_of(optional_groups_as(copy, any, optional_groups), any);
}

std::optional<LazyGap> read_lazy_gap(std::string_view p, std::size_t i) {
  std::size_t atom = atom_end(p, i);
  if (atom == std::string_view::npos) return std::nullopt;
  std::string_view after = p.substr(atom);
  if (after.starts_with("*?")) {
    if (!is_one_char_atom(p, i, atom)) return std::nullopt;
    return LazyGap{atom + 2, i, atom, std::nullopt};
  }
  if (after.starts_with("{0,")) {
    std::size_t digits = 3;
    std::size_t n = 0;
    while (digits < after.size() && std::isdigit(static_cast<unsigned char>(after[digits])) && digits < 9)
      n = n * 10 + static_cast<std::size_t>(after[digits++] - '0');
    if (digits == 3 || after.substr(digits, 2) != "}?" || !is_one_char_atom(p, i, atom)) return std::nullopt;
    return LazyGap{atom + digits + 2, i, atom, n};
  }
  // A non-capturing group around exactly the gap.
  if (p.substr(i, 3) != "(?:") return std::nullopt;
  auto inner = read_lazy_gap(p, i + 3);
  if (!inner || inner->end != atom - 1) return std::nullopt;
  inner->end = atom;
  return inner;
}

}  // namespace zhibiao::match
