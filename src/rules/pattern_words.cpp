#include "rules/pattern_words.hpp"

#include <set>

#include "match/name_finder.hpp"
#include "text/utf8.hpp"

namespace zhibiao::detail {
namespace {

using Words = std::vector<std::string>;

struct GiveUp {};

class Reader {
 public:
  Reader(std::string_view p, std::size_t limit) : p_(p), limit_(limit) {}

  Words pattern() {
    Words w = alternation();
    if (pos_ != p_.size()) throw GiveUp{};
    return w;
  }

 private:
  bool at_end() const { return pos_ >= p_.size(); }
  bool take(std::string_view s) {
    if (p_.substr(pos_, s.size()) != s) return false;
    pos_ += s.size();
    return true;
  }
  void check(const Words& w) const {
    if (w.size() > limit_) throw GiveUp{};
  }

  Words alternation() {
    Words out = concatenation();
    while (take("|")) {
      Words more = concatenation();
      out.insert(out.end(), more.begin(), more.end());
      check(out);
    }
    return out;
  }

  Words concatenation() {
    Words out{""};
    while (!at_end() && p_[pos_] != '|' && p_[pos_] != ')') {
      Words next = repetition();
      Words joined;
      for (const auto& a : out)
        for (const auto& b : next) joined.push_back(a + b);
      check(joined);
      out = std::move(joined);
    }
    return out;
  }

  Words repetition() {
    Words item = atom();
    if (at_end()) return item;
    std::size_t min = 1, max = 1;
    char c = p_[pos_];
    if (c == '?') {
      ++pos_;
      min = 0;
    } else if (c == '{') {
      std::size_t close = p_.find('}', pos_);
      if (close == std::string_view::npos) throw GiveUp{};
      std::string counts(p_.substr(pos_ + 1, close - pos_ - 1));
      std::size_t comma = counts.find(',');
      if (counts.empty() || counts.find_first_not_of("0123456789,") != std::string::npos || comma == 0 ||
          comma == counts.size() - 1 || counts.size() > 7)
        throw GiveUp{};  // {,n}, {n,} (unbounded) and malformed counts
      min = std::stoul(counts.substr(0, comma));
      max = comma == std::string::npos ? min : std::stoul(counts.substr(comma + 1));
      if (max < min || max > 16) throw GiveUp{};
      pos_ = close + 1;
    } else if (c == '*' || c == '+') {
      throw GiveUp{};  // unbounded
    } else {
      return item;
    }
    bool lazy = take("?");
    // Greedy: more repetitions first; lazy: fewer first.
    Words out;
    for (std::size_t i = 0; i <= max - min; ++i) {
      std::size_t k = lazy ? min + i : max - i;
      Words rep{""};
      for (std::size_t j = 0; j < k; ++j) {
        Words joined;
        for (const auto& a : rep)
          for (const auto& b : item) joined.push_back(a + b);
        check(joined);
        rep = std::move(joined);
      }
      out.insert(out.end(), rep.begin(), rep.end());
      check(out);
    }
    return out;
  }

  Words atom() {
    if (take("(?:")) return group();
    if (take("(?P<")) {
      std::size_t close = p_.find('>', pos_);
      if (close == std::string_view::npos) throw GiveUp{};
      pos_ = close + 1;
      return group();
    }
    if (take("(?")) throw GiveUp{};  // flags
    if (take("(")) return group();
    char c = p_[pos_];
    if (c == '[') return char_class();
    if (c == '\\') {
      ++pos_;
      if (take("d")) return digits();
      if (at_end()) throw GiveUp{};
      char e = p_[pos_++];
      bool punctuation = (e >= '!' && e <= '/') || (e >= ':' && e <= '@') || (e >= '[' && e <= '`') || (e >= '{' && e <= '~');
      if (!punctuation) throw GiveUp{};  // classes, assertions, \x...
      return {std::string(1, e)};
    }
    if (c == '.' || c == '^' || c == '$' || c == '*' || c == '+' || c == '?' || c == '{') throw GiveUp{};
    auto d = text::decode_at(p_, pos_);
    if (!d.valid) throw GiveUp{};
    std::string one(p_.substr(pos_, d.size));
    pos_ += d.size;
    return {one};
  }

  Words group() {
    Words w = alternation();
    if (!take(")")) throw GiveUp{};
    return w;
  }

  // \d: one word whose byte stands for any digit (match::kAnyDigit).
  static Words digits() { return {std::string(1, match::kAnyDigit)}; }

  // A class of listed characters ([年月], [0-9]); negated classes and ranges
  // beyond ASCII give up.
  Words char_class() {
    ++pos_;  // '['
    if (take("^")) throw GiveUp{};
    Words out;
    while (!take("]")) {
      if (at_end()) throw GiveUp{};
      if (take("\\d")) {
        Words d = digits();
        out.insert(out.end(), d.begin(), d.end());
        continue;
      }
      if (p_[pos_] == '\\' || p_[pos_] == '[') throw GiveUp{};
      auto d = text::decode_at(p_, pos_);
      if (!d.valid) throw GiveUp{};
      std::string one(p_.substr(pos_, d.size));
      pos_ += d.size;
      if (take("-")) {
        if (at_end() || p_[pos_] == ']' || d.cp >= 0x80) throw GiveUp{};
        char high = p_[pos_++];
        for (char c = one[0]; c <= high && c >= one[0]; ++c) out.emplace_back(1, c);
      } else {
        out.push_back(one);
      }
      check(out);
    }
    return out;
  }

  std::string_view p_;
  std::size_t limit_;
  std::size_t pos_ = 0;
};

}  // namespace

std::optional<std::vector<std::string>> pattern_words(std::string_view pattern, std::size_t limit) {
  Words words;
  try {
    words = Reader(pattern, limit).pattern();
  } catch (const GiveUp&) {
    return std::nullopt;
  }
  // A string reached again later is never tried with a different outcome.
  Words out;
  std::set<std::string> seen;
  for (auto& w : words)
    if (seen.insert(w).second) out.push_back(std::move(w));
  return out;
}

}  // namespace zhibiao::detail
