#include "match/pattern_chars.hpp"

#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "text/utf8.hpp"

namespace zhibiao::match {
namespace {

constexpr char32_t kMaxChar = 0x10FFFF;
// Minimum lengths stop growing here (x{1000}{1000} must not overflow).
constexpr std::size_t kLongEnough = std::size_t{1} << 20;

struct Unsupported {};

CharRanges complement(CharRanges r) {
  normalize(r);
  CharRanges out;
  char32_t next = 0;
  for (auto [b, e] : r) {
    if (b > next) out.emplace_back(next, b - 1);
    next = e + 1;
  }
  if (next <= kMaxChar) out.emplace_back(next, kMaxChar);
  return out;
}

void append(CharRanges& to, const CharRanges& from) { to.insert(to.end(), from.begin(), from.end()); }

// A concatenation keeps the smallest few of its parts' needed sets as
// choices (a rule is a long concatenation, and only a short one inside an
// alternation is ever chosen from).
constexpr std::size_t kMaxNeededChoices = 4;

void add_needed_choice(std::vector<PatternChars::NeededChoice>& to, PatternChars::NeededChoice choice) {
  auto at = std::upper_bound(to.begin(), to.end(), choice.count,
                             [](std::size_t count, const PatternChars::NeededChoice& c) { return count < c.count; });
  if (at == to.end() && to.size() >= kMaxNeededChoices) return;
  to.insert(at, std::move(choice));
  if (to.size() > kMaxNeededChoices) to.pop_back();
}

// How many characters two normalized sets share.
std::size_t shared_chars(const CharRanges& a, const CharRanges& b) {
  std::size_t shared = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    char32_t lo = std::max(i->first, j->first), hi = std::min(i->second, j->second);
    if (lo <= hi) shared += hi - lo + 1;
    if (i->second < j->second) ++i;
    else ++j;
  }
  return shared;
}

// A piece matching only the empty string (an assertion, or nothing).
PatternChars empty_width(bool assertion) {
  PatternChars p;
  p.nullable = true;
  p.has_assertion = assertion;
  return p;
}

// A recursive-descent reader of RE2 syntax that keeps only PatternChars.
class Reader {
 public:
  Reader(std::string_view p, CharsToRead what, UnicodeClasses classes) : p_(p), what_(what), classes_(classes) {}

  PatternChars pattern() {
    PatternChars f = alternation();
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

  // A piece of pattern matching exactly one character of `chars`.
  PatternChars one_of(CharRanges chars) const {
    PatternChars p;
    p.min_length = 1;
    p.one_char = true;
    if (quiet_) return p;
    if (what_ == CharsToRead::everything) {
      p.any = chars;
      p.needed = chars;
      CharRanges normalized = chars;
      normalize(normalized);
      std::size_t count = count_chars(normalized);
      p.needed_choices.push_back({std::move(normalized), count});
    }
    p.first = std::move(chars);
    return p;
  }

  // A match is one branch's: it needs what every branch needs, together.
  PatternChars alternation() {
    PatternChars out = concatenation();
    bool alternatives = false;
    while (take("|")) {
      PatternChars f = concatenation();
      append(out.first, f.first);
      append(out.second, f.second);
      append(out.any, f.any);
      out.nullable = out.nullable || f.nullable;
      out.one_char = out.one_char || f.one_char;
      out.has_assertion = out.has_assertion || f.has_assertion;
      out.min_length = std::min(out.min_length, f.min_length);
      if (out.needed && f.needed) append(*out.needed, fewest_added(*out.needed, f));
      else out.needed.reset();
      alternatives = true;
    }
    if (alternatives) {
      out.needed_choices.clear();
      if (out.needed) {
        normalize(*out.needed);
        out.needed_choices.push_back({*out.needed, count_chars(*out.needed)});
      }
    }
    return out;
  }

  // Of the sets branch `f` could need, the one that adds the fewest
  // characters to `so_far` (normalized here).
  static const CharRanges& fewest_added(CharRanges& so_far, const PatternChars& f) {
    if (f.needed_choices.size() < 2) return *f.needed;
    normalize(so_far);
    const PatternChars::NeededChoice* best = nullptr;
    std::size_t best_added = 0;
    for (const auto& choice : f.needed_choices) {
      std::size_t added = choice.count - shared_chars(so_far, choice.chars);
      if (!best || added < best_added) {
        best = &choice;
        best_added = added;
      }
    }
    return best->chars;
  }

  // A match holds a match of every part, so any part's needed set will do:
  // the smallest, since the fewer the characters the fewer the places a
  // match can be.
  PatternChars concatenation() {
    PatternChars out = empty_width(false);
    const bool was_quiet = quiet_;
    while (!at_end() && peek() != '|' && peek() != ')') {
      // Once the parts so far hold two characters at least, what follows
      // adds nothing to a match's first two: with first_only it is read
      // without its characters (most of a rule, whose first part is its
      // name).
      if (what_ == CharsToRead::first_only && out.min_length >= 2) quiet_ = true;
      PatternChars f = repetition();
      // The second character: the parts' own second, or the first of this
      // part after a single character, or its second after nothing.
      if (out.one_char) append(out.second, f.first);
      if (out.nullable) append(out.second, f.second);
      out.one_char = (out.one_char && f.nullable) || (out.nullable && f.one_char);
      if (out.nullable) append(out.first, f.first);
      out.nullable = out.nullable && f.nullable;
      append(out.any, f.any);
      out.has_assertion = out.has_assertion || f.has_assertion;
      out.min_length = std::min(out.min_length + f.min_length, kLongEnough);
      if (f.needed) {
        normalize(*f.needed);
        for (auto& choice : f.needed_choices) add_needed_choice(out.needed_choices, std::move(choice));
        if (!out.needed || count_chars(*f.needed) < count_chars(*out.needed)) out.needed = std::move(f.needed);
      }
    }
    quiet_ = was_quiet;
    return out;
  }

  PatternChars repetition() {
    PatternChars f = atom();
    while (!at_end()) {
      char c = peek();
      std::size_t at_least = 1;  // times
      bool more_than_once = true;
      if (c == '*' || c == '?') {
        ++pos_;
        at_least = 0;
        more_than_once = c == '*';
      } else if (c == '+') {
        ++pos_;
      } else if (c == '{') {
        std::size_t close = p_.find('}', pos_);
        if (close == std::string_view::npos) throw Unsupported{};
        std::string_view counts = p_.substr(pos_ + 1, close - pos_ - 1);
        // ({,n} is no repetition to RE2 but literal text: not read here.)
        if (counts.empty() || counts.front() == ',' || counts.find_first_not_of("0123456789,") != std::string_view::npos)
          throw Unsupported{};
        at_least = std::min<std::size_t>(std::stoul(std::string(counts.substr(0, counts.find(',')))), kLongEnough);
        // x{0,1} and x{1} (x{0} too: fewer characters, never more) repeat
        // x at most once; anything else may twice.
        more_than_once = counts.find(',') == std::string_view::npos ? at_least >= 2 : counts != "0,1" && counts != "1,1";
        pos_ = close + 1;
      } else {
        break;
      }
      // Twice or more: after a one-character x, x's first character can
      // come second. A single character can be x once, or x once among
      // empty ones.
      if (more_than_once && f.one_char) append(f.second, f.first);
      f.one_char = f.one_char && (at_least <= 1 || f.nullable);
      if (at_least == 0) {
        f.nullable = true;
        f.needed.reset();
        f.needed_choices.clear();
      }
      f.min_length = std::min(f.min_length * at_least, kLongEnough);
      take("?");  // lazy: the same characters
    }
    return f;
  }

  PatternChars atom() {
    char c = peek();
    if (c == '(') {
      if (take("(?:")) {
      } else if (take("(?m:")) {
        // Multi-line mode changes only where ^ and $ assert, not what a
        // character matches.
      } else if (take("(?P<")) {
        std::size_t close = p_.find('>', pos_);
        if (close == std::string_view::npos) throw Unsupported{};
        pos_ = close + 1;
      } else if (take("(?")) {
        throw Unsupported{};  // flags such as (?i) change what a character matches
      } else {
        ++pos_;
      }
      PatternChars f = alternation();
      if (!take(")")) throw Unsupported{};
      return f;
    }
    if (c == '[') return one_of(char_class());
    if (c == '.') {
      ++pos_;
      return quiet_ ? one_of({}) : one_of({{0, '\n' - 1}, {'\n' + 1, kMaxChar}});
    }
    if (c == '^' || c == '$') {
      ++pos_;
      return empty_width(true);
    }
    if (c == '\\') {
      ++pos_;
      if (at_end()) throw Unsupported{};
      char e = peek();
      if (e == 'b' || e == 'B' || e == 'A' || e == 'z') {
        ++pos_;
        return empty_width(true);
      }
      return one_of(escape());
    }
    if (c == '*' || c == '+' || c == '?' || c == '{') throw Unsupported{};
    char32_t ch = next_char();
    return quiet_ ? one_of({}) : one_of({{ch, ch}});
  }

  // After a backslash, outside or inside a class.
  CharRanges escape() {
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
      case 'p':
      case 'P':
        if (classes_ != UnicodeClasses::from_icu) throw Unsupported{};
        return unicode_class(e == 'P');
      default:
        // Punctuation stands for itself (\. \( \\); letters and digits are
        // classes, backreferences or flags this reader does not know.
        if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9') ||
            static_cast<unsigned char>(e) >= 0x80)
          throw Unsupported{};
        return {{static_cast<char32_t>(e), static_cast<char32_t>(e)}};
    }
  }

  CharRanges char_class() {
    ++pos_;  // '['
    bool negated = take("^");
    CharRanges r;
    bool first = true;
    while (true) {
      if (at_end()) throw Unsupported{};
      if (peek() == ']' && !first) {
        ++pos_;
        break;
      }
      first = false;
      if (take("[:")) throw Unsupported{};  // [[:alpha:]]
      CharRanges item;
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
          CharRanges h = escape();
          if (h.size() != 1 || h[0].first != h[0].second) throw Unsupported{};
          high = h[0].first;
        } else {
          high = next_char();
        }
        if (high < item[0].first) throw Unsupported{};
        item[0].second = high;
      }
      if (!quiet_) append(r, item);
    }
    return negated && !quiet_ ? complement(std::move(r)) : r;
  }

  // After \p or \P: {Name}, {^Name} or a one-letter name, read with
  // ICU's property tables.
  CharRanges unicode_class(bool negated) {
    std::string name;
    if (take("{")) {
      std::size_t close = p_.find('}', pos_);
      if (close == std::string_view::npos) throw Unsupported{};
      name = std::string(p_.substr(pos_, close - pos_));
      pos_ = close + 1;
      if (name.starts_with('^')) {
        negated = !negated;
        name.erase(0, 1);
      }
    } else {
      if (at_end()) throw Unsupported{};
      name = std::string(1, p_[pos_++]);
    }
    auto name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    if (name.empty() || !std::all_of(name.begin(), name.end(), name_char)) throw Unsupported{};
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet set(icu::UnicodeString::fromUTF8("\\p{" + name + "}"), status);
    if (U_FAILURE(status)) throw Unsupported{};
    CharRanges r;
    for (int32_t i = 0; i < set.getRangeCount(); ++i)
      r.emplace_back(static_cast<char32_t>(set.getRangeStart(i)), static_cast<char32_t>(set.getRangeEnd(i)));
    return negated ? complement(std::move(r)) : r;
  }

  std::string_view p_;
  CharsToRead what_;
  UnicodeClasses classes_;
  std::size_t pos_ = 0;
  // Reading only for the syntax and the lengths, not the characters.
  bool quiet_ = false;
};

}  // namespace

void normalize(CharRanges& r) {
  std::sort(r.begin(), r.end());
  CharRanges out;
  for (auto [b, e] : r) {
    if (!out.empty() && b <= out.back().second + 1) out.back().second = std::max(out.back().second, e);
    else out.emplace_back(b, e);
  }
  r = std::move(out);
}

std::size_t count_chars(const CharRanges& ranges) {
  std::size_t n = 0;
  for (auto [b, e] : ranges) n += e - b + 1;
  return n;
}

bool contains(const CharRanges& ranges, char32_t c) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), c,
                             [](char32_t x, const std::pair<char32_t, char32_t>& r) { return x < r.first; });
  return it != ranges.begin() && std::prev(it)->second >= c;
}

std::optional<PatternChars> read_pattern_chars(std::string_view pattern, CharsToRead what, UnicodeClasses classes) {
  PatternChars f;
  try {
    f = Reader(pattern, what, classes).pattern();
  } catch (const Unsupported&) {
    return std::nullopt;
  } catch (const std::exception&) {  // std::stoul on a malformed \x
    return std::nullopt;
  }
  normalize(f.first);
  normalize(f.second);
  normalize(f.any);
  if (f.nullable) f.needed.reset();  // (an empty pattern, or one of only assertions)
  if (f.needed) normalize(*f.needed);
  f.needed_choices.clear();  // of use only while reading
  return f;
}

}  // namespace zhibiao::match
