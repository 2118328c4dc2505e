#include <array>
#include <ostream>
#include <utility>

#include "zhibiao/fact.hpp"

namespace zhibiao {
namespace {

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (const auto& [value, name] : table)
    if (value == e) return name;
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> value_of(const std::array<std::pair<E, std::string_view>, N>& table,
                          std::string_view s) {
  for (const auto& [value, name] : table)
    if (name == s) return value;
  return std::nullopt;
}

constexpr std::array<std::pair<Measure, std::string_view>, 4> kMeasures{{
    {Measure::level, "level"},
    {Measure::growth, "growth"},
    {Measure::share, "share"},
    {Measure::pp_change, "pp_change"},
}};
constexpr std::array<std::pair<Qualifier, std::string_view>, 7> kQualifiers{{
    {Qualifier::eq, "eq"},
    {Qualifier::approx, "approx"},
    {Qualifier::gt, "gt"},
    {Qualifier::ge, "ge"},
    {Qualifier::lt, "lt"},
    {Qualifier::le, "le"},
    {Qualifier::range, "range"},
}};
constexpr std::array<std::pair<Modality, std::string_view>, 4> kModalities{{
    {Modality::actual, "actual"},
    {Modality::planned, "planned"},
    {Modality::expected, "expected"},
    {Modality::target, "target"},
}};
constexpr std::array<std::pair<QuantityKind, std::string_view>, 4> kKinds{{
    {QuantityKind::number, "number"},
    {QuantityKind::percent, "percent"},
    {QuantityKind::money, "money"},
    {QuantityKind::pp, "pp"},
}};

}  // namespace

std::string_view to_string(Measure m) { return name_of(kMeasures, m); }
std::string_view to_string(Qualifier q) { return name_of(kQualifiers, q); }
std::string_view to_string(Modality m) { return name_of(kModalities, m); }
std::string_view to_string(QuantityKind k) { return name_of(kKinds, k); }
std::ostream& operator<<(std::ostream& o, Measure m) { return o << to_string(m); }
std::ostream& operator<<(std::ostream& o, Qualifier q) { return o << to_string(q); }
std::ostream& operator<<(std::ostream& o, Modality m) { return o << to_string(m); }
std::ostream& operator<<(std::ostream& o, QuantityKind k) { return o << to_string(k); }
std::optional<Measure> parse_measure(std::string_view s) { return value_of(kMeasures, s); }
std::optional<Qualifier> parse_qualifier(std::string_view s) { return value_of(kQualifiers, s); }
std::optional<Modality> parse_modality(std::string_view s) { return value_of(kModalities, s); }

}  // namespace zhibiao
