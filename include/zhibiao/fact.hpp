// The records the library produces: facts (an indicator with its figure and
// context) and quantities (every numeric mention). See shared/spec/facts.md.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "zhibiao/decimal.hpp"
#include "zhibiao/period.hpp"

namespace zhibiao {

enum class Measure { level, growth, share, pp_change };
enum class Qualifier { eq, approx, gt, ge, lt, le, range };
enum class Modality { actual, planned, expected, target };
enum class QuantityKind { number, percent, money, pp };

std::string_view to_string(Measure);
std::string_view to_string(Qualifier);
std::string_view to_string(Modality);
std::string_view to_string(QuantityKind);
std::ostream& operator<<(std::ostream&, Measure);
std::ostream& operator<<(std::ostream&, Qualifier);
std::ostream& operator<<(std::ostream&, Modality);
std::ostream& operator<<(std::ostream&, QuantityKind);
std::optional<Measure> parse_measure(std::string_view);
std::optional<Qualifier> parse_qualifier(std::string_view);
std::optional<Modality> parse_modality(std::string_view);

// Byte offsets into the ORIGINAL document text, half-open.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

struct Fact {
  Span span;
  std::string indicator;  // canonical id, e.g. "gdp"
  Measure measure = Measure::level;
  Decimal value;
  std::string unit;  // CNY, USD, percent, pp, count, ...
  Qualifier qualifier = Qualifier::eq;
  std::optional<Decimal> value_max;  // set when qualifier == range
  Modality modality = Modality::actual;
  std::optional<Period> period;
  std::string subject;  // as written, may be empty
  std::string base;     // for shares, as written
  std::string text;     // original bytes of span
  std::string rule;     // id of the rule that produced it
};

struct Quantity {
  Span span;
  QuantityKind kind = QuantityKind::number;
  Decimal value;
  std::string unit;  // CNY/USD/... for money, percent, pp, or the counter word
  Qualifier qualifier = Qualifier::eq;
  std::optional<Decimal> value_max;
  std::string text;
};

}  // namespace zhibiao
