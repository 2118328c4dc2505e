#include "match/leading_gap.hpp"

#include <cctype>

#include "match/pattern_chars.hpp"
#include "text/utf8.hpp"

namespace zhibiao::match {
namespace {

// The few pieces of RE2 syntax the split reads; anything else and the
// pattern is not split. Positions are byte offsets into the pattern.
class Syntax {
 public:
  explicit Syntax(std::string_view p) : p_(p) {}

  // The end of the atom at i: a group (to its closing parenthesis), a
  // bracket class, an escape, or one character; npos when malformed.
  std::size_t atom_end(std::size_t i) const {
    if (i >= p_.size()) return npos;
    if (p_[i] == '(') return group_end(i);
    if (p_[i] == '[') return class_end(i);
    if (p_[i] == '\\') return escape_end(i);
    return i + text::decode_at(p_, i).size;
  }

  // The end of the group opened at i (just past its ')'), or npos.
  std::size_t group_end(std::size_t i) const {
    int depth = 0;
    while (i < p_.size()) {
      char c = p_[i];
      if (c == '\\') {
        i = escape_end(i);
      } else if (c == '[') {
        i = class_end(i);
      } else {
        if (c == '(') ++depth;
        if (c == ')' && --depth == 0) return i + 1;
        ++i;
      }
      if (i == npos) return npos;
    }
    return npos;
  }

  // Whether a '|' stands outside every group in [i, end).
  bool has_top_level_bar(std::size_t i) const {
    while (i < p_.size()) {
      if (p_[i] == '|') return true;
      i = atom_end(i);
      if (i == npos) return true;  // malformed: say yes, so nothing is split
    }
    return false;
  }

  // The capturing groups opened in [i, end of pattern): every '(' not
  // followed by '?', and every "(?P<".
  int captures_from(std::size_t i) const {
    int n = 0;
    while (i < p_.size()) {
      if (p_[i] == '\\') {
        i = escape_end(i);
      } else if (p_[i] == '[') {
        i = class_end(i);
      } else {
        if (p_[i] == '(' && (p_.substr(i + 1, 1) != "?" || p_.substr(i, 4) == "(?P<")) ++n;
        ++i;
      }
      if (i == npos) return -1;
    }
    return n;
  }

  // Whether the atom [i, end) matches exactly one character: a bracket
  // class, '.', or such an atom inside non-capturing groups.
  bool one_char(std::size_t i, std::size_t end) const {
    if (end == class_end(i)) return p_[i] == '[';
    if (p_[i] == '.' && end == i + 1) return true;
    return p_.substr(i, 3) == "(?:" && end == group_end(i) && end - i > 4 && one_char(i + 3, end - 1) &&
           atom_end(i + 3) == end - 1;
  }

 private:
  static constexpr std::size_t npos = std::string_view::npos;

  // \x, \x{...}, \p{...}: just past it.
  std::size_t escape_end(std::size_t i) const {
    if (i + 1 >= p_.size()) return npos;
    char c = p_[i + 1];
    if ((c == 'x' || c == 'p' || c == 'P') && i + 2 < p_.size() && p_[i + 2] == '{') {
      std::size_t close = p_.find('}', i + 3);
      return close == npos ? npos : close + 1;
    }
    return i + 1 + text::decode_at(p_, i + 1).size;
  }

  // Just past the ']' closing the class opened at i ('[' at i), or npos: a
  // ']' first (after any '^') is a literal, as are escapes and [:name:].
  std::size_t class_end(std::size_t i) const {
    if (i >= p_.size() || p_[i] != '[') return npos;
    ++i;
    if (i < p_.size() && p_[i] == '^') ++i;
    if (i < p_.size() && p_[i] == ']') ++i;
    while (i < p_.size()) {
      if (p_[i] == ']') return i + 1;
      if (p_[i] == '\\') {
        i = escape_end(i);
        if (i == npos) return npos;
      } else if (p_.substr(i, 2) == "[:") {
        std::size_t close = p_.find(":]", i + 2);
        if (close == npos) return npos;
        i = close + 2;
      } else {
        ++i;
      }
    }
    return npos;
  }

  std::string_view p_;
};

struct Gap {
  std::size_t end;          // where the rest of the pattern begins
  std::size_t char_begin, char_end;  // the one-character atom repeated
  std::optional<std::size_t> max_chars;
};

// The lazy gap at the start of p: "A*?" or "A{0,n}?" with A one character,
// possibly inside non-capturing groups: "(?:(?:A)*?)".
std::optional<Gap> leading_gap(const Syntax& s, std::string_view p, std::size_t i = 0) {
  std::size_t atom = s.atom_end(i);
  if (atom == std::string_view::npos) return std::nullopt;
  std::string_view after = p.substr(atom);
  if (after.starts_with("*?")) {
    if (!s.one_char(i, atom)) return std::nullopt;
    return Gap{atom + 2, i, atom, std::nullopt};
  }
  if (after.starts_with("{0,")) {
    std::size_t digits = 3;
    std::size_t n = 0;
    while (digits < after.size() && std::isdigit(static_cast<unsigned char>(after[digits])) && digits < 9)
      n = n * 10 + static_cast<std::size_t>(after[digits++] - '0');
    if (digits == 3 || after.substr(digits, 2) != "}?" || !s.one_char(i, atom)) return std::nullopt;
    return Gap{atom + digits + 2, i, atom, n};
  }
  // A non-capturing group around exactly the gap.
  if (p.substr(i, 3) != "(?:") return std::nullopt;
  auto inner = leading_gap(s, p, i + 3);
  if (!inner || inner->end != atom - 1) return std::nullopt;
  inner->end = atom;
  return inner;
}

}  // namespace

std::unique_ptr<LeadingGap> LeadingGap::of(std::string_view pattern, const RE2::Options& options) {
  Syntax syntax(pattern);
  auto gap = leading_gap(syntax, pattern);
  if (!gap || gap->end >= pattern.size()) return nullptr;
  std::string_view rest = pattern.substr(gap->end);
  // "G S|T" is not G followed by S; and an assertion in S would see the
  // text around [p, end), which the whole pattern's match did not ask.
  if (syntax.has_top_level_bar(gap->end)) return nullptr;
  auto chars = read_pattern_chars(rest, CharsToRead::first_only);
  if (!chars || chars->has_assertion) return nullptr;
  // S is compiled only when first needed (compiled() checks this count).
  int groups = syntax.captures_from(gap->end);
  if (groups < 0) return nullptr;
  bool one_group = groups == 1 && rest.starts_with("(?P<") && syntax.atom_end(gap->end) == pattern.size();
  return std::unique_ptr<LeadingGap>(new LeadingGap(std::string(pattern.substr(gap->char_begin, gap->char_end - gap->char_begin)),
                                                    gap->max_chars, std::string(rest), one_group, groups, options));
}

bool LeadingGap::compiled() const {
  std::call_once(compile_once_, [&] {
    auto gap_char = std::make_unique<RE2>(gap_char_, options_);
    auto rest = std::make_unique<RE2>(rest_, options_);
    if (gap_char->ok() && rest->ok() && rest->NumberOfCapturingGroups() == groups_) {
      gap_char_re_ = std::move(gap_char);
      rest_re_ = std::move(rest);
    }
  });
  return rest_re_ != nullptr;
}

bool LeadingGap::groups(std::string_view text, std::size_t begin, std::size_t end, re2::StringPiece* groups,
                        int n) const {
  if (n > groups_ + 1 || !compiled()) return false;
  std::size_t p = begin;
  for (std::size_t chars = 0;; ++chars) {
    if (rest_re_->Match(text, p, end, RE2::ANCHOR_BOTH, nullptr, 0)) break;
    if (p >= end || (max_chars_ && chars == *max_chars_)) return false;
    std::size_t next = p + text::decode_at(text, p).size;
    if (next > end || !gap_char_re_->Match(text, p, next, RE2::ANCHOR_BOTH, nullptr, 0)) return false;
    p = next;
  }
  if (n > 1) {
    if (rest_is_one_group_) groups[1] = re2::StringPiece(text.data() + p, end - p);
    else if (!rest_re_->Match(text, p, end, RE2::ANCHOR_BOTH, groups, n)) return false;
  }
  if (n > 0) groups[0] = re2::StringPiece(text.data() + begin, end - begin);
  return true;
}

}  // namespace zhibiao::match
