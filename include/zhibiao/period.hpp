// A normalised period: a year, a month, a span of months or a span of years.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zhibiao {

struct Period {
  // first_month/last_month are 0 when the period is whole years.
  int first_year = 0;
  int first_month = 0;
  int last_year = 0;
  int last_month = 0;

  static Period year(int y) { return {y, 0, y, 0}; }
  static Period years(int from, int to) { return {from, 0, to, 0}; }
  static Period month(int y, int m) { return {y, m, y, m}; }
  static Period months(int y, int from, int to) { return {y, from, y, to}; }

  // "2023", "2023-06", "2023-01/2023-06", "2018/2022".
  std::string to_string() const;
  static std::optional<Period> parse(std::string_view text);
  bool valid() const;
  friend bool operator==(const Period&, const Period&) = default;
};

}  // namespace zhibiao
