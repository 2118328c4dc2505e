#include "resolve/number_parser.hpp"

#include <vector>

#include "text/utf8.hpp"

namespace zhibiao::resolve {
namespace {

enum class TokenType { digit, small_unit, large_unit, point, fraction };

struct Token {
  TokenType type;
  int value;        // digit value, or power of ten for units
  Decimal fraction;
};

// Longest lexicon word at `pos`, as a token.
std::optional<Token> token_at(std::string_view s, std::size_t pos, const detail::NumberLexicon& lex,
                              std::size_t& length) {
  std::optional<Token> best;
  length = 0;
  auto consider = [&](const auto& map, TokenType type) {
    for (const auto& [word, value] : map) {
      if (word.size() > length && s.substr(pos, word.size()) == word) {
        length = word.size();
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, Decimal>) best = Token{type, 0, value};
        else best = Token{type, value, {}};
      }
    }
  };
  consider(lex.digits, TokenType::digit);
  consider(lex.small_units, TokenType::small_unit);
  consider(lex.large_units, TokenType::large_unit);
  consider(lex.fractions, TokenType::fraction);
  for (const auto& p : lex.points)
    if (p.size() > length && s.substr(pos, p.size()) == p) {
      length = p.size();
      best = Token{TokenType::point, 0, {}};
    }
  return best;
}

std::optional<std::vector<Token>> tokenize(std::string_view s, const detail::NumberLexicon& lex) {
  std::vector<Token> out;
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t length = 0;
    auto t = token_at(s, pos, lex, length);
    if (!t) return std::nullopt;
    out.push_back(*t);
    pos += length;
  }
  return out;
}

Decimal pow10(int p) { return *Decimal::from_int(1).scale_pow10(p); }

std::optional<Decimal> add(const std::optional<Decimal>& a, const std::optional<Decimal>& b) {
  if (!a || !b) return std::nullopt;
  return a->add(*b);
}

// Arabic digits with optional sign, separators and decimal part; returns the
// number of bytes read.
std::optional<Decimal> read_arabic(std::string_view s, std::size_t& used) {
  std::string digits;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) digits += s[i++];
  bool any = false, point = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      any = true;
    } else if (c == ',' && any && !point) {
      continue;
    } else if (c == '.' && any && !point && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') {
      digits += c;
      point = true;
    } else {
      break;
    }
  }
  used = i;
  if (!any) return std::nullopt;
  return Decimal::parse(digits);
}

// Chinese numerals (see the header for how they compose).
std::optional<ParsedNumber> read_chinese(const std::vector<Token>& tokens) {
  bool has_units = false;
  for (const auto& t : tokens) {
    if (t.type == TokenType::point) break;
    if (t.type == TokenType::small_unit || t.type == TokenType::large_unit) has_units = true;
  }
  ParsedNumber out;
  out.chinese = true;
  out.numeral_chars = tokens.size();
  if (tokens.size() == 1 && tokens[0].type == TokenType::fraction) {
    out.value = tokens[0].fraction;
    return out;
  }

  std::optional<Decimal> integer = Decimal();
  std::size_t i = 0;
  if (!has_units) {  // positional
    bool any = false;
    for (; i < tokens.size() && tokens[i].type == TokenType::digit; ++i) {
      integer = add(integer->multiply(Decimal::from_int(10)), Decimal::from_int(tokens[i].value));
      if (!integer) return std::nullopt;
      any = true;
    }
    if (!any) return std::nullopt;
  } else {
    struct Part {
      Decimal value;
      int power;
    };
    std::vector<Part> parts;
    std::optional<Decimal> section = Decimal();
    std::optional<int> digit;
    std::optional<int> last_unit_power;  // set while the previous token was a unit
    bool started = false;
    for (; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      if (t.type == TokenType::point || t.type == TokenType::fraction) break;
      if (t.type == TokenType::digit) {
        started = true;
        if (t.value == 0) {  // 零 only marks a skipped place
          digit.reset();
          last_unit_power.reset();
          continue;
        }
        if (digit) return std::nullopt;  // two digits in a row: 十二五
        // last_unit_power is kept: it says this digit came right after a unit.
        digit = t.value;
        continue;
      }
      if (t.type == TokenType::small_unit) {
        section = add(section, pow10(t.value).multiply(Decimal::from_int(digit.value_or(1))));
        digit.reset();
        last_unit_power = t.value;
        started = true;
      } else {  // large unit
        if (!started) return std::nullopt;  // 万 alone is no number
        std::optional<Decimal> below = add(section, Decimal::from_int(digit.value_or(0)));
        while (!parts.empty() && parts.back().power < t.value) {
          below = add(below, parts.back().value);
          parts.pop_back();
        }
        if (!below) return std::nullopt;
        auto scaled = below->scale_pow10(t.value);
        if (!scaled) return std::nullopt;
        parts.push_back({*scaled, t.value});
        section = Decimal();
        digit.reset();
        last_unit_power = t.value;
        out.scale_power = t.value;
      }
      if (!section) return std::nullopt;
    }
    if (digit) {
      // A bare digit right after a unit is one place below it.
      int place = last_unit_power ? *last_unit_power - 1 : 0;
      auto d = Decimal::from_int(*digit).scale_pow10(place < 0 ? 0 : place);
      section = add(section, d);
    }
    integer = section;
    for (const auto& p : parts) integer = add(integer, p.value);
    if (!integer || !section) return std::nullopt;
    // Only a number that ends in its large unit (八亿, 两千三百万) is "scaled".
    if (!section->is_zero()) out.scale_power = 0;
  }

  Decimal value = *integer;
  if (i < tokens.size() && tokens[i].type == TokenType::point) {
    ++i;
    int place = -1;
    bool any = false;
    for (; i < tokens.size() && tokens[i].type == TokenType::digit; ++i, --place) {
      auto d = Decimal::from_int(tokens[i].value).scale_pow10(place);
      auto sum = d ? value.add(*d) : std::nullopt;
      if (!sum) return std::nullopt;
      value = *sum;
      any = true;
    }
    if (!any) return std::nullopt;
    // Scale words after the fraction: 一点五亿.
    for (; i < tokens.size() && tokens[i].type == TokenType::large_unit; ++i) {
      auto scaled = value.scale_pow10(tokens[i].value);
      if (!scaled) return std::nullopt;
      value = *scaled;
      out.scale_power += tokens[i].value;
    }
  }
  if (i != tokens.size()) return std::nullopt;
  out.value = value;
  return out;
}

}  // namespace

std::optional<int> parse_scale(std::string_view s, const detail::NumberLexicon& lex) {
  auto tokens = tokenize(s, lex);
  if (!tokens || tokens->empty()) return std::nullopt;
  int power = 0;
  for (const auto& t : *tokens) {
    if (t.type != TokenType::small_unit && t.type != TokenType::large_unit) return std::nullopt;
    power += t.value;
  }
  return power;
}

std::optional<ParsedNumber> parse_number(std::string_view s, const detail::NumberLexicon& lex) {
  if (s.empty()) return std::nullopt;
  char c0 = s[0];
  bool arabic = (c0 >= '0' && c0 <= '9') || ((c0 == '-' || c0 == '+') && s.size() > 1);
  if (arabic) {
    std::size_t used = 0;
    auto value = read_arabic(s, used);
    if (!value) return std::nullopt;
    ParsedNumber out{*value, 0, false, 0};
    if (used < s.size()) {
      auto power = parse_scale(s.substr(used), lex);
      if (!power) return std::nullopt;
      auto scaled = value->scale_pow10(*power);
      if (!scaled) return std::nullopt;
      out.value = *scaled;
      out.scale_power = *power;
    }
    return out;
  }
  auto tokens = tokenize(s, lex);
  if (!tokens || tokens->empty()) return std::nullopt;
  auto out = read_chinese(*tokens);
  if (out) out->numeral_chars = text::count_code_points(s);
  return out;
}

}  // namespace zhibiao::resolve
