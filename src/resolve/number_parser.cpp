#include "resolve/number_parser.hpp"

#include <charconv>
#include <vector>

#include "text/utf8.hpp"

namespace zhibiao::resolve {
namespace {

using text::is_ascii_digit;

enum class TokenType { chinese_digit, arabic, small_unit, large_unit, point, fraction, minus, approximate };

struct Token {
  TokenType type;
  int power = 0;        // units: the power of ten
  Decimal value;        // digits, Arabic numbers, fractions
  std::string_view text;
  Qualifier qualifier = Qualifier::eq;  // approximate digits
};

// An Arabic number at `pos` (digits, thousands separators, a decimal part,
// or a bare decimal part such as .77); its length, or 0.
std::size_t arabic_length(std::string_view s, std::size_t pos) {
  std::size_t i = pos;
  while (i < s.size() && is_ascii_digit(s[i])) ++i;
  if (i > pos) {
    // Thousands separators only in groups of three.
    while (i + 3 < s.size() && s[i] == ',' && is_ascii_digit(s[i + 1]) && is_ascii_digit(s[i + 2]) &&
           is_ascii_digit(s[i + 3]) && (i + 4 >= s.size() || !is_ascii_digit(s[i + 4])))
      i += 4;
  }
  if (i < s.size() && s[i] == '.' && i + 1 < s.size() && is_ascii_digit(s[i + 1])) {
    i += 1;
    while (i < s.size() && is_ascii_digit(s[i])) ++i;
  }
  return i - pos;
}

std::optional<Decimal> arabic_value(std::string_view text) {
  std::string digits;
  for (char c : text)
    if (c != ',') digits += c;
  if (!digits.empty() && digits[0] == '.') digits.insert(digits.begin(), '0');
  return Decimal::parse(digits);
}

// The longest lexicon word at `pos`, as a token (the first tried of equal
// length).
std::optional<Token> word_at(std::string_view s, std::size_t pos, const detail::NumberLexicon& lex) {
  using Kind = detail::NumberLexicon::Kind;
  const detail::NumberLexicon::Word* best = nullptr;
  for (const auto& w : lex.by_first_byte[static_cast<unsigned char>(s[pos])])
    if ((!best || w.text.size() > best->text.size()) && s.compare(pos, w.text.size(), w.text) == 0) best = &w;
  if (!best) return std::nullopt;
  std::string_view text = s.substr(pos, best->text.size());
  switch (best->kind) {
    case Kind::digit: return Token{TokenType::chinese_digit, 0, Decimal::from_int(best->number), text};
    case Kind::small_unit: return Token{TokenType::small_unit, best->number, {}, text};
    case Kind::large_unit: return Token{TokenType::large_unit, best->number, {}, text};
    case Kind::fraction: return Token{TokenType::fraction, 0, best->fraction, text};
    case Kind::point: return Token{TokenType::point, 0, {}, text};
    case Kind::minus: return Token{TokenType::minus, 0, {}, text};
    case Kind::tens: return Token{TokenType::chinese_digit, 1, Decimal::from_int(best->number), text};
    case Kind::approximate: return Token{TokenType::approximate, 0, Decimal::from_int(1), text, best->qualifier};
  }
  return std::nullopt;
}

std::optional<std::vector<Token>> tokenize(std::string_view s, const detail::NumberLexicon& lex) {
  std::vector<Token> out;
  for (std::size_t pos = 0; pos < s.size();) {
    if (s[pos] == '-' || s[pos] == '+') {
      if (pos != 0) return std::nullopt;
      if (s[pos] == '-') out.push_back({TokenType::minus, 0, {}, s.substr(pos, 1)});
      ++pos;
      continue;
    }
    if (std::size_t n = arabic_length(s, pos)) {
      auto v = arabic_value(s.substr(pos, n));
      if (!v) return std::nullopt;
      out.push_back({TokenType::arabic, 0, *v, s.substr(pos, n)});
      pos += n;
      continue;
    }
    auto t = word_at(s, pos, lex);
    if (!t) return std::nullopt;
    if (t->type == TokenType::chinese_digit && t->power == 1) {
      // 廿 is two tokens: 二 and 十.
      out.push_back({TokenType::chinese_digit, 0, t->value, t->text});
      out.push_back({TokenType::small_unit, 1, {}, t->text});
    } else {
      out.push_back(*t);
    }
    pos += t->text.size();
  }
  return out;
}

std::optional<Decimal> add(const std::optional<Decimal>& a, const std::optional<Decimal>& b) {
  if (!a || !b) return std::nullopt;
  return a->add(*b);
}

std::optional<Decimal> times_pow10(const std::optional<Decimal>& a, int p) {
  if (!a) return std::nullopt;
  return a->scale_pow10(p);
}

// The integer part: tokens up to the decimal point. Sets `out.scale_power`
// when the part ends in a large unit, and `out.qualifier` when it holds an
// approximate digit.
std::optional<Decimal> read_integer(const std::vector<Token>& t, std::size_t& i, ParsedNumber& out) {
  bool units = false;
  std::size_t end = i;
  while (end < t.size() && t[end].type != TokenType::point && t[end].type != TokenType::fraction) {
    if (t[end].type == TokenType::small_unit || t[end].type == TokenType::large_unit) units = true;
    ++end;
  }
  if (end == i) return std::nullopt;

  if (!units) {  // positional: 二〇二三, or one Arabic number
    if (end - i == 1 && t[i].type == TokenType::arabic) return t[i++].value;
    std::optional<Decimal> v = Decimal();
    for (; i < end; ++i) {
      if (t[i].type != TokenType::chinese_digit) return std::nullopt;
      v = add(v ? v->multiply(Decimal::from_int(10)) : std::nullopt, t[i].value);
      if (!v) return std::nullopt;
    }
    return v;
  }

  struct Part {
    Decimal value;
    int power;
  };
  std::vector<Part> parts;
  std::optional<Decimal> section = Decimal();
  std::optional<Token> digit;           // the digit waiting for its unit
  int last_unit_power = -1;             // the unit's power while the previous token was a unit, else -1
  // A bare Chinese digit right after a unit stands one place below it.
  auto pending_digit = [&]() -> std::optional<Decimal> {
    if (!digit) return Decimal();
    int place = last_unit_power - 1;
    if (digit->type == TokenType::chinese_digit && place >= 0) return digit->value.scale_pow10(place);
    return digit->value;
  };
  bool started = false;
  for (; i < end; ++i) {
    const Token& tok = t[i];
    switch (tok.type) {
      case TokenType::chinese_digit:
      case TokenType::arabic:
        started = true;
        if (tok.type == TokenType::chinese_digit && tok.value.is_zero()) {  // 零 marks a skipped place
          if (digit) return std::nullopt;
          last_unit_power = -1;
          continue;
        }
        if (digit) return std::nullopt;  // two digits in a row: 十二五
        digit = tok;
        continue;
      case TokenType::approximate:  // 几十, 上百: a digit no one counted, always before its unit
        if (digit || i + 1 == end ||
            (t[i + 1].type != TokenType::small_unit && t[i + 1].type != TokenType::large_unit))
          return std::nullopt;
        started = true;
        digit = tok;
        out.qualifier = tok.qualifier;
        continue;
      case TokenType::small_unit: {
        // A small unit right after a large unit (万千) or after one no
        // larger than itself (千千万万, 十百) is no number; after a larger
        // small unit it is a place (二百十七 = 217).
        if (i > 0 && (t[i - 1].type == TokenType::large_unit ||
                      (t[i - 1].type == TokenType::small_unit && t[i - 1].power <= tok.power)))
          return std::nullopt;
        Decimal d = digit ? digit->value : Decimal::from_int(1);
        section = add(section, d.scale_pow10(tok.power));
        digit.reset();
        last_unit_power = tok.power;
        started = true;
        break;
      }
      case TokenType::large_unit: {
        if (!started) return std::nullopt;  // 万 alone is no number
        std::optional<Decimal> below = add(section, pending_digit());
        while (!parts.empty() && parts.back().power < tok.power) {
          below = add(below, parts.back().value);
          parts.pop_back();
        }
        auto scaled = times_pow10(below, tok.power);
        if (!scaled) return std::nullopt;
        parts.push_back({*scaled, tok.power});
        section = Decimal();
        digit.reset();
        last_unit_power = tok.power;
        break;
      }
      default:
        return std::nullopt;
    }
    if (!section) return std::nullopt;
  }
  std::optional<Decimal> total = add(section, pending_digit());
  if (!total) return std::nullopt;
  // Only a number that ends in its large unit (八亿, 两千三百万) is "scaled".
  out.scale_power = total->is_zero() && !parts.empty() ? parts.back().power : 0;
  if (!parts.empty() && !total->is_zero()) {
    out.after_large_unit = *total;
    out.large_unit_power = parts.back().power;
  }
  for (const auto& p : parts) total = add(total, p.value);
  return total;
}

}  // namespace

std::optional<int> parse_scale(std::string_view s, const detail::NumberLexicon& lex, int place_power) {
  auto tokens = tokenize(s, lex);
  if (!tokens || tokens->empty()) return std::nullopt;
  int power = 0;
  for (const auto& t : *tokens) {
    if (t.type != TokenType::small_unit && t.type != TokenType::large_unit) return std::nullopt;
    if (t.power > place_power) power += t.power;
  }
  return power;
}

std::optional<Decimal> scale_after_qualifier(const ParsedNumber& n, const Decimal& value, int power) {
  if (!n.after_large_unit || power >= n.large_unit_power) return value.scale_pow10(power);
  auto head = value.add(n.after_large_unit->negated());
  auto tail = n.after_large_unit->scale_pow10(power);
  if (!head || !tail) return std::nullopt;
  return head->add(*tail);
}

namespace {

bool is_digit_token(const Token& t) { return t.type == TokenType::chinese_digit || t.type == TokenType::arabic; }

// Where two neighbouring Chinese digits stand side by side (五六, 三四十,
// 十五六, 两三百): the index of the first, when they are the only two digits
// in a row there and the number has no Arabic digits, decimal point,
// fraction, approximate digit or minus. Any other two digits in a row are read
// positionally (九八, 二〇二三) or are no number (十二五).
std::optional<std::size_t> neighbouring_digits(const std::vector<Token>& t) {
  for (const auto& tok : t)
    if (tok.type == TokenType::arabic || tok.type == TokenType::point || tok.type == TokenType::fraction ||
        tok.type == TokenType::approximate || tok.type == TokenType::minus)
      return std::nullopt;
  for (std::size_t j = 0; j + 1 < t.size(); ++j) {
    if (t[j].type != TokenType::chinese_digit || t[j + 1].type != TokenType::chinese_digit) continue;
    bool alone = (j == 0 || !is_digit_token(t[j - 1])) && (j + 2 == t.size() || !is_digit_token(t[j + 2]));
    if (alone && !t[j].value.is_zero() && t[j + 1].value == t[j].value.add(Decimal::from_int(1))) return j;
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<ParsedNumber> read_tokens(const std::vector<Token>& tokens, std::string_view s) {
  ParsedNumber out;
  out.numeral_chars = text::count_code_points(s);
  for (const auto& t : tokens)
    if (t.type != TokenType::arabic && t.type != TokenType::minus) out.chinese = true;

  std::size_t i = 0;
  bool negative = false;
  if (tokens[0].type == TokenType::minus) {
    negative = true;
    ++i;
  }
  if (i < tokens.size() && tokens[i].type == TokenType::fraction && i + 1 == tokens.size()) {
    out.value = negative ? tokens[i].value.negated() : tokens[i].value;
    return out;
  }
  // 点五 alone is no number: the integer part is required.
  std::optional<Decimal> value = read_integer(tokens, i, out);
  if (!value) return std::nullopt;
  const Token& last = tokens[i - 1];
  if (last.type == TokenType::small_unit || last.type == TokenType::large_unit) out.place_power = last.power;

  if (i < tokens.size() && tokens[i].type == TokenType::point) {
    ++i;
    std::string digits = "0.";
    for (; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      if (t.type == TokenType::chinese_digit) digits += t.value.to_string();
      else if (t.type == TokenType::arabic && t.text.find_first_not_of("0123456789") == std::string_view::npos)
        digits += std::string(t.text);
      else break;
    }
    if (digits.size() == 2) return std::nullopt;
    value = add(value, Decimal::parse(digits));
    if (!value) return std::nullopt;
    // Large units after the fraction: 一点五亿.
    for (; i < tokens.size() && tokens[i].type == TokenType::large_unit; ++i) {
      value = times_pow10(value, tokens[i].power);
      if (!value) return std::nullopt;
      out.scale_power += tokens[i].power;
    }
  }
  if (i != tokens.size()) return std::nullopt;
  out.value = negative ? value->negated() : *value;
  if (negative && out.after_large_unit) out.after_large_unit = out.after_large_unit->negated();
  return out;
}

}  // namespace

std::optional<ParsedNumber> parse_number(std::string_view s, const detail::NumberLexicon& lex) {
  auto tokens = tokenize(s, lex);
  if (!tokens || tokens->empty()) return std::nullopt;
  auto pair = neighbouring_digits(*tokens);
  if (!pair) return read_tokens(*tokens, s);
  // Read twice, once with each digit: 三四十 is 三十 to 四十.
  auto with_first = *tokens, with_second = *tokens;
  with_first.erase(with_first.begin() + static_cast<std::ptrdiff_t>(*pair) + 1);
  with_second.erase(with_second.begin() + static_cast<std::ptrdiff_t>(*pair));
  auto low = read_tokens(with_first, s), high = read_tokens(with_second, s);
  if (!low || !high) return std::nullopt;
  low->value_max = high->value;
  low->range_at_end = *pair + 2 == tokens->size();
  return low;
}

std::optional<int> small_whole_number(std::string_view folded, const detail::NumberLexicon& lexicon) {
  auto n = parse_number(folded, lexicon);
  if (!n || n->value.is_negative() || n->value_max || n->qualifier) return std::nullopt;
  std::string digits = n->value.to_string();
  if (digits.find('.') != std::string::npos || digits.size() > 6) return std::nullopt;
  int v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

void index_number_words(detail::NumberLexicon& lex) {
  using Kind = detail::NumberLexicon::Kind;
  for (auto& bucket : lex.by_first_byte) bucket.clear();
  auto add = [&](const std::string& text, Kind kind, int number, Decimal fraction = {},
                 Qualifier qualifier = Qualifier::eq) {
    if (text.empty()) return;
    lex.by_first_byte[static_cast<unsigned char>(text[0])].push_back(
        {text, kind, number, std::move(fraction), qualifier});
  };
  for (const auto& [w, v] : lex.digits) add(w, Kind::digit, v);
  for (const auto& [w, p] : lex.small_units) add(w, Kind::small_unit, p);
  for (const auto& [w, p] : lex.large_units) add(w, Kind::large_unit, p);
  for (const auto& [w, v] : lex.fractions) add(w, Kind::fraction, 0, v);
  for (const auto& w : lex.points) add(w, Kind::point, 0);
  for (const auto& w : lex.minus) add(w, Kind::minus, 0);
  for (const auto& [w, v] : lex.tens) add(w, Kind::tens, v);
  for (const auto& [w, q] : lex.approximate) add(w, Kind::approximate, 1, {}, q);
}

}  // namespace zhibiao::resolve
