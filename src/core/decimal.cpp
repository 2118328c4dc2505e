#include "zhibiao/decimal.hpp"

#include <algorithm>
#include <ostream>

namespace zhibiao {
namespace {

// 10^38 fits in a signed 128-bit integer (max ~1.7e38); stay below it.
constexpr int kMaxDigits = 38;

Int128 pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

const Int128 kLimit = pow10(kMaxDigits);

bool fits(Int128 v) { return v < kLimit && v > -kLimit; }

int digit_count(Int128 v) {
  int n = 0;
  for (v = v < 0 ? -v : v; v != 0; v /= 10) ++n;
  return n;
}

// Every Decimal stays within 38 significant places either side of the point:
// |value| < 10^38 and no digit below 10^-38. Far beyond any figure in a
// document, and it keeps to_string() short.
bool in_range(Int128 m, long e) { return m == 0 || (digit_count(m) + e <= kMaxDigits && e >= -kMaxDigits); }

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  Int128 m = 0;
  int e = 0;
  bool seen_point = false, seen_digit = false;
  for (char c : text) {
    if (c == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    if (m == 0 && c == '0') {  // leading zeros add no digits
      if (seen_point) --e;
      continue;
    }
    // Checked before multiplying: 10 * m may not fit in 128 bits at all.
    if (m > (kLimit - 1 - (c - '0')) / 10) return std::nullopt;
    m = m * 10 + (c - '0');
    if (seen_point) --e;
  }
  if (!seen_digit || !in_range(m, e)) return std::nullopt;
  return Decimal(negative ? -m : m, e).trimmed();
}

Decimal Decimal::trimmed() const {
  if (mantissa_ == 0) return Decimal(0, 0);
  Int128 m = mantissa_;
  int e = exponent_;
  while (m % 10 == 0) {
    m /= 10;
    ++e;
  }
  return Decimal(m, e);
}

std::string Decimal::to_string() const {
  Decimal d = trimmed();
  Int128 m = d.mantissa_ < 0 ? -d.mantissa_ : d.mantissa_;
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(m % 10)));
    m /= 10;
  } while (m != 0);
  std::reverse(digits.begin(), digits.end());
  std::string out = d.mantissa_ < 0 ? "-" : "";
  if (d.exponent_ >= 0) {
    out += digits;
    out.append(static_cast<std::size_t>(d.exponent_), '0');
  } else {
    auto frac = static_cast<std::size_t>(-d.exponent_);
    if (digits.size() <= frac) {
      out += "0.";
      out.append(frac - digits.size(), '0');
      out += digits;
    } else {
      out += digits.substr(0, digits.size() - frac);
      out += '.';
      out += digits.substr(digits.size() - frac);
    }
  }
  return out;
}

std::optional<Decimal> Decimal::scale_pow10(int power) const {
  if (mantissa_ == 0) return Decimal();
  if (power < -kMaxDigits * 2 || power > kMaxDigits * 2) return std::nullopt;
  Decimal d = trimmed();
  if (!in_range(d.mantissa_, static_cast<long>(d.exponent_) + power)) return std::nullopt;
  d.exponent_ += power;
  return d;
}

std::optional<Decimal> Decimal::add(const Decimal& other) const {
  Decimal a = trimmed(), b = other.trimmed();
  if (a.mantissa_ == 0) return b;
  if (b.mantissa_ == 0) return a;
  int e = std::min(a.exponent_, b.exponent_);
  auto widen = [e](const Decimal& x) -> std::optional<Int128> {
    int shift = x.exponent_ - e;
    if (shift > kMaxDigits) return std::nullopt;
    Int128 p = pow10(shift);
    Int128 m = x.mantissa_;
    if (m != 0 && (m > kLimit / p || m < -kLimit / p)) return std::nullopt;
    return m * p;
  };
  auto ma = widen(a), mb = widen(b);
  if (!ma || !mb) return std::nullopt;
  // Each is below 10^38 in size, but their sum may not fit in 128 bits:
  // check before adding.
  if ((*ma > 0 && *mb > kLimit - *ma) || (*ma < 0 && *mb < -kLimit - *ma)) return std::nullopt;
  Int128 sum = *ma + *mb;
  if (!fits(sum) || !in_range(sum, e)) return std::nullopt;
  return Decimal(sum, e).trimmed();
}

std::optional<Decimal> Decimal::multiply(const Decimal& other) const {
  Decimal a = trimmed(), b = other.trimmed();
  if (a.mantissa_ == 0 || b.mantissa_ == 0) return Decimal();
  Int128 abs_b = b.mantissa_ < 0 ? -b.mantissa_ : b.mantissa_;
  Int128 abs_a = a.mantissa_ < 0 ? -a.mantissa_ : a.mantissa_;
  if (abs_a > kLimit / abs_b) return std::nullopt;
  long e = static_cast<long>(a.exponent_) + b.exponent_;
  Int128 m = a.mantissa_ * b.mantissa_;
  if (!in_range(m, e)) return std::nullopt;
  return Decimal(m, static_cast<int>(e)).trimmed();
}

std::optional<Decimal> Decimal::divide_exact(const Decimal& divisor, int max_fraction_digits) const {
  Decimal a = trimmed(), b = divisor.trimmed();
  if (b.mantissa_ == 0) return std::nullopt;
  if (a.mantissa_ == 0) return Decimal();
  // a.m * 10^a.e / (b.m * 10^b.e): scale a.m up until b.m divides it.
  Int128 m = a.mantissa_;
  long e = static_cast<long>(a.exponent_) - b.exponent_;
  for (int extra = 0; m % b.mantissa_ != 0; ++extra) {
    if (extra >= max_fraction_digits || m > kLimit / 10 || m < -kLimit / 10) return std::nullopt;
    m *= 10;
    --e;
  }
  m /= b.mantissa_;
  if (!in_range(m, e)) return std::nullopt;
  return Decimal(m, static_cast<int>(e)).trimmed();
}

bool operator==(const Decimal& a, const Decimal& b) {
  Decimal x = a.trimmed(), y = b.trimmed();
  return x.mantissa_ == y.mantissa_ && x.exponent_ == y.exponent_;
}

bool operator<(const Decimal& a, const Decimal& b) {
  auto diff = b.add(a.negated());
  if (diff) return diff->mantissa_ > 0;
  // Only on overflow: compare by sign, which is all such extremes need.
  return a.mantissa_ < b.mantissa_;
}

std::ostream& operator<<(std::ostream& out, const Decimal& d) { return out << d.to_string(); }

}  // namespace zhibiao
