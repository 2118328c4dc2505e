#include "match/lead_chars.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace zhibiao::match {
namespace {

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

constexpr char32_t kMaxChar = 0x10FFFF;
// More lead characters than this (a negated class is about a million) and
// anchored tries would run at nearly every position: not worth it.
constexpr std::size_t kMaxLeadChars = 20000;

struct Unsupported {};

// What a piece of pattern can begin with, and whether it can match nothing.
struct First {
  Ranges chars;
  bool nullable = false;
};

void normalize(Ranges& r) {
  std::sort(r.begin(), r.end());
  Ranges out;
  for (auto [b, e] : r) {
    if (!out.empty() && b <= out.back().second + 1) out.back().second = std::max(out.back().second, e);
    else out.emplace_back(b, e);
  }
  r = std::move(out);
}

Ranges complement(Ranges r) {
  normalize(r);
  Ranges out;
  char32_t next = 0;
  for (auto [b, e] : r) {
    if (b > next) out.emplace_back(next, b - 1);
    next = e + 1;
  }
  if (next <= kMaxChar) out.emplace_back(next, kMaxChar);
  return out;
}

// A recursive-descent reader of RE2 syntax that keeps only First.
class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  First pattern() {
    First f = alternation();
    if (pos_ != p_.size()) throw Unsupported{};  // an unmatched ')'
    return f;
  }

 private:
  bool at_end() const { return pos_ >= p_.size(); }
  char peek() const { return p_[pos_]; }
  bool take(std::string_view s) {
    if (p_.substr(pos_, s.size()) != s) return false;
    pos_ += s.size();
    return true;
  }
  char32_t next_char() {
    auto d = text::decode_at(p_, pos_);
    if (!d.valid) throw Unsupported{};
    pos_ += d.size;
    return d.cp;
  }

  First alternation() {
    First out = concatenation();
    while (take("|")) {
      First f = concatenation();
      out.chars.insert(out.chars.end(), f.chars.begin(), f.chars.end());
      out.nullable = out.nullable || f.nullable;
    }
    return out;
  }

  First concatenation() {
    First out{{}, true};
    while (!at_end() && peek() != '|' && peek() != ')') {
      First f = repetition();
      if (out.nullable) out.chars.insert(out.chars.end(), f.chars.begin(), f.chars.end());
      out.nullable = out.nullable && f.nullable;
    }
    return out;
  }

  First repetition() {
    First f = atom();
    while (!at_end()) {
      char c = peek();
      if (c == '*' || c == '?') {
        ++pos_;
        f.nullable = true;
      } else if (c == '+') {
        ++pos_;
      } else if (c == '{') {
        std::size_t close = p_.find('}', pos_);
        if (close == std::string_view::npos) throw Unsupported{};
        std::string_view counts = p_.substr(pos_ + 1, close - pos_ - 1);
        if (counts.empty() || counts.find_first_not_of("0123456789,") != std::string_view::npos) throw Unsupported{};
        if (counts.front() == '0' && (counts.size() == 1 || counts[1] == ',')) f.nullable = true;
        pos_ = close + 1;
      } else {
        break;
      }
      take("?");  // lazy: the same characters
    }
    return f;
  }

  First atom() {
    char c = peek();
    if (c == '(') {
      if (take("(?:")) {
      } else if (take("(?P<")) {
        std::size_t close = p_.find('>', pos_);
        if (close == std::string_view::npos) throw Unsupported{};
        pos_ = close + 1;
      } else if (take("(?")) {
        throw Unsupported{};  // flags such as (?i) change what a character matches
      } else {
        ++pos_;
      }
      First f = alternation();
      if (!take(")")) throw Unsupported{};
      return f;
    }
    if (c == '[') return First{char_class(), false};
    if (c == '.') {
      ++pos_;
      return First{{{0, '\n' - 1}, {'\n' + 1, kMaxChar}}, false};
    }
    if (c == '^' || c == '$') {
      ++pos_;
      return First{{}, true};
    }
    if (c == '\\') {
      ++pos_;
      if (at_end()) throw Unsupported{};
      char e = peek();
      if (e == 'b' || e == 'B' || e == 'A' || e == 'z') {
        ++pos_;
        return First{{}, true};
      }
      return First{escape(), false};
    }
    if (c == '*' || c == '+' || c == '?' || c == '{') throw Unsupported{};
    char32_t ch = next_char();
    return First{{{ch, ch}}, false};
  }

  // After a backslash, outside or inside a class.
  Ranges escape() {
    char e = peek();
    ++pos_;
    switch (e) {
      case 'd': return {{'0', '9'}};
      case 'n': return {{'\n', '\n'}};
      case 't': return {{'\t', '\t'}};
      case 'r': return {{'\r', '\r'}};
      case 'f': return {{'\f', '\f'}};
      case 'v': return {{'\v', '\v'}};
      case 'x': {
        std::size_t end = pos_;
        std::string_view digits;
        if (take("{")) {
          end = p_.find('}', pos_);
          if (end == std::string_view::npos) throw Unsupported{};
          digits = p_.substr(pos_, end - pos_);
          pos_ = end + 1;
        } else {
          digits = p_.substr(pos_, 2);
          pos_ += 2;
        }
        if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos)
          throw Unsupported{};
        auto cp = static_cast<char32_t>(std::stoul(std::string(digits), nullptr, 16));
        return {{cp, cp}};
      }
      default:
        // Punctuation stands for itself (\. \( \\); letters and digits are
        // classes, backreferences or flags this reader does not know.
        if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9') ||
            static_cast<unsigned char>(e) >= 0x80)
          throw Unsupported{};
        return {{static_cast<char32_t>(e), static_cast<char32_t>(e)}};
    }
  }

  Ranges char_class() {
    ++pos_;  // '['
    bool negated = take("^");
    Ranges r;
    bool first = true;
    while (true) {
      if (at_end()) throw Unsupported{};
      if (peek() == ']' && !first) {
        ++pos_;
        break;
      }
      first = false;
      if (take("[:")) throw Unsupported{};  // [[:alpha:]]
      Ranges item;
      if (take("\\")) {
        if (at_end()) throw Unsupported{};
        item = escape();
      } else {
        char32_t ch = next_char();
        item = {{ch, ch}};
      }
      // A range a-z (a '-' before ']' is a literal).
      if (item.size() == 1 && item[0].first == item[0].second && pos_ + 1 < p_.size() && peek() == '-' &&
          p_[pos_ + 1] != ']') {
        ++pos_;
        char32_t high;
        if (take("\\")) {
          Ranges h = escape();
          if (h.size() != 1 || h[0].first != h[0].second) throw Unsupported{};
          high = h[0].first;
        } else {
          high = next_char();
        }
        if (high < item[0].first) throw Unsupported{};
        item[0].second = high;
      }
      r.insert(r.end(), item.begin(), item.end());
    }
    return negated ? complement(std::move(r)) : r;
  }

  std::string_view p_;
  std::size_t pos_ = 0;
};

}  // namespace

std::optional<LeadChars> LeadChars::of(std::string_view pattern) {
  First f;
  try {
    f = Reader(pattern).pattern();
  } catch (const Unsupported&) {
    return std::nullopt;
  } catch (const std::exception&) {  // std::stoul on a malformed \x
    return std::nullopt;
  }
  if (f.nullable || f.chars.empty()) return std::nullopt;
  LeadChars lead;
  lead.ranges_ = std::move(f.chars);
  normalize(lead.ranges_);
  if (lead.size() > kMaxLeadChars) return std::nullopt;
  lead.bmp_.assign(kBmp / 64, 0);
  for (auto [b, e] : lead.ranges_)
    for (char32_t c = b; c <= e && c < kBmp; ++c) lead.bmp_[c >> 6] |= std::uint64_t{1} << (c & 63);
  return lead;
}

bool LeadChars::contains_beyond_bmp(char32_t c) const {
  auto it = std::upper_bound(ranges_.begin(), ranges_.end(), c,
                             [](char32_t x, const std::pair<char32_t, char32_t>& r) { return x < r.first; });
  return it != ranges_.begin() && std::prev(it)->second >= c;
}

std::size_t LeadChars::size() const {
  std::size_t n = 0;
  for (auto [b, e] : ranges_) n += e - b + 1;
  return n;
}

}  // namespace zhibiao::match
