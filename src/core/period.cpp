#include "zhibiao/period.hpp"

#include <fmt/format.h>

#include <charconv>

namespace zhibiao {

bool Period::valid() const {
  auto month_ok = [](int m) { return m >= 0 && m <= 12; };
  if (first_year < 1 || last_year < first_year) return false;
  if (!month_ok(first_month) || !month_ok(last_month)) return false;
  if ((first_month == 0) != (last_month == 0)) return false;
  if (first_year == last_year && first_month > last_month) return false;
  return true;
}

std::string Period::to_string() const {
  if (first_month == 0) {
    if (first_year == last_year) return fmt::format("{}", first_year);
    return fmt::format("{}/{}", first_year, last_year);
  }
  if (first_year == last_year && first_month == last_month)
    return fmt::format("{}-{:02}", first_year, first_month);
  return fmt::format("{}-{:02}/{}-{:02}", first_year, first_month, last_year, last_month);
}

namespace {

// "2023" or "2023-06" into (year, month); month 0 when absent.
std::optional<std::pair<int, int>> parse_point(std::string_view s) {
  int y = 0, m = 0;
  auto dash = s.find('-');
  std::string_view ys = s.substr(0, dash);
  if (ys.size() != 4) return std::nullopt;
  if (std::from_chars(ys.data(), ys.data() + ys.size(), y).ec != std::errc()) return std::nullopt;
  if (dash != std::string_view::npos) {
    std::string_view ms = s.substr(dash + 1);
    if (ms.size() != 2) return std::nullopt;
    if (std::from_chars(ms.data(), ms.data() + ms.size(), m).ec != std::errc()) return std::nullopt;
  }
  return std::pair{y, m};
}

}  // namespace

std::optional<Period> Period::parse(std::string_view text) {
  auto slash = text.find('/');
  auto a = parse_point(text.substr(0, slash));
  if (!a) return std::nullopt;
  auto b = slash == std::string_view::npos ? a : parse_point(text.substr(slash + 1));
  if (!b) return std::nullopt;
  Period p{a->first, a->second, b->first, b->second};
  if (!p.valid()) return std::nullopt;
  return p;
}

}  // namespace zhibiao
