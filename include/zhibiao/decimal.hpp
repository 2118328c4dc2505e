// An exact decimal number: value = mantissa * 10^exponent.
//
// Figures in economic text are decimal by nature (193.2亿元), and a binary
// double cannot hold most of them exactly, so every value the library
// reports is a Decimal. The mantissa is a 128-bit integer, which holds any
// figure a document states (10^38) with room to scale by 亿 and 万亿; an
// operation that would overflow fails instead of rounding.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace zhibiao {

// GCC and Clang's 128-bit integer; __extension__ keeps -Wpedantic quiet.
__extension__ typedef __int128 Int128;

class Decimal {
 public:
  Decimal() = default;
  static Decimal from_int(std::int64_t v) { return Decimal(v, 0); }
  // Parses "-12.50", "3", "0.001". No exponent, no separators.
  static std::optional<Decimal> parse(std::string_view text);

  // Plain decimal: no exponent, no trailing zeros after the point, "-0" never.
  std::string to_string() const;
  bool is_zero() const { return mantissa_ == 0; }
  bool is_negative() const { return mantissa_ < 0; }

  // Arithmetic that fails (returns nullopt) rather than overflow.
  std::optional<Decimal> add(const Decimal& other) const;
  std::optional<Decimal> multiply(const Decimal& other) const;
  std::optional<Decimal> scale_pow10(int power) const;
  // this / divisor when the quotient has a finite decimal expansion of at
  // most `max_fraction_digits` places (1/2 yes, 1/3 no).
  std::optional<Decimal> divide_exact(const Decimal& divisor, int max_fraction_digits = 12) const;
  Decimal negated() const { return Decimal(-mantissa_, exponent_); }

  friend bool operator==(const Decimal& a, const Decimal& b);
  friend bool operator<(const Decimal& a, const Decimal& b);

 private:
  Decimal(Int128 m, int e) : mantissa_(m), exponent_(e) {}
  Decimal trimmed() const;
  Int128 mantissa_ = 0;
  int exponent_ = 0;
};

std::ostream& operator<<(std::ostream& out, const Decimal& d);

}  // namespace zhibiao
