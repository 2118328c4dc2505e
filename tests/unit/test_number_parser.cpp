#define BOOST_TEST_MODULE number_parser
#include <boost/test/unit_test.hpp>

#include "bundled_pack.hpp"

#include "resolve/number_parser.hpp"
#include "resolve/quantity_parser.hpp"
#include "zhibiao/rule_pack.hpp"

using namespace zhibiao;

namespace {

const RulePack& pack() { return testing::bundled_pack(); }

// The number read, "none" when it is none; with its high end when it is a
// range (五六: "5..6") and its qualifier when it has one (几十: "10 gt").
std::string number(const std::string& folded) {
  auto n = resolve::parse_number(folded, pack().compiled().numbers);
  if (!n) return "none";
  std::string out = n->value.to_string();
  if (n->value_max) out += ".." + n->value_max->to_string();
  if (n->qualifier) out += " " + std::string(to_string(*n->qualifier));
  return out;
}

// The value of the quantity read, "none" when it is none.
std::string quantity_value(const std::string& folded) {
  auto q = resolve::parse_quantity(folded, pack().compiled());
  return q ? q->value.to_string() : "none";
}

}  // namespace

BOOST_AUTO_TEST_CASE(arabic_numbers) {
  BOOST_TEST(number("122") == "122");
  BOOST_TEST(number("34,507") == "34507");
  BOOST_TEST(number("193.2") == "193.2");
  BOOST_TEST(number("-2.3") == "-2.3");
  BOOST_TEST(number("193.2亿") == "19320000000");
  BOOST_TEST(number("1.2万亿") == "1200000000000");
  BOOST_TEST(number("3千万") == "30000000");
  BOOST_TEST(number("100万") == "1000000");
}

BOOST_AUTO_TEST_CASE(chinese_numerals_with_units) {
  BOOST_TEST(number("一百二十二") == "122");
  BOOST_TEST(number("两千三百万") == "23000000");
  BOOST_TEST(number("十五") == "15");
  BOOST_TEST(number("二十") == "20");
  BOOST_TEST(number("一千零十") == "1010");
  BOOST_TEST(number("一百零五") == "105");
  BOOST_TEST(number("一万零一十一") == "10011");
  BOOST_TEST(number("一千亿一千万一千零一") == "100010001001");
  BOOST_TEST(number("一万亿") == "1000000000000");
  BOOST_TEST(number("两千六") == "2600");
  BOOST_TEST(number("一百二十万三") == "1203000");
  BOOST_TEST(number("一千二百亿") == "120000000000");
  BOOST_TEST(number("贰拾") == "20");
}

BOOST_AUTO_TEST_CASE(chinese_decimals_and_positional_digits) {
  BOOST_TEST(number("十三点五七") == "13.57");
  BOOST_TEST(number("三十四点三") == "34.3");
  BOOST_TEST(number("零点零零一") == "0.001");
  BOOST_TEST(number("一二三") == "123");
  BOOST_TEST(number("二〇二三") == "2023");
  BOOST_TEST(number("一七二零点一") == "1720.1");
  BOOST_TEST(number("一点五亿") == "150000000");
  BOOST_TEST(number("半") == "0.5");
}

BOOST_AUTO_TEST_CASE(not_numbers) {
  BOOST_TEST(number("十二五") == "none");  // a planning period, not 125
  BOOST_TEST(number("万") == "none");
  BOOST_TEST(number("点五") == "none");
  BOOST_TEST(number(std::string(500, '9')) == "none");
}

BOOST_AUTO_TEST_CASE(small_units_in_a_row) {
  BOOST_TEST(number("二百十七") == "217");  // after a larger unit: a place
  BOOST_TEST(number("千千万万") == "none");  // "countless"
  BOOST_TEST(number("十百") == "none");
  BOOST_TEST(number("300万千") == "none");  // 300万千瓦: the 千 is the unit's
}

BOOST_AUTO_TEST_CASE(neighbouring_digits_give_a_range) {
  BOOST_TEST(number("五六") == "5..6");
  BOOST_TEST(number("两三") == "2..3");
  BOOST_TEST(number("三四十") == "30..40");
  BOOST_TEST(number("十五六") == "15..16");
  BOOST_TEST(number("二十五六万") == "250000..260000");
  BOOST_TEST(number("两三百万") == "2000000..3000000");
  // Digits that are no neighbours, or more than two in a row, keep their places.
  BOOST_TEST(number("九八") == "98");
  BOOST_TEST(number("六五") == "65");
  BOOST_TEST(number("一二三") == "123");
  BOOST_TEST(number("二〇二三") == "2023");
  // With a decimal point or Arabic digits there is no range.
  BOOST_TEST(number("五六点一") == "56.1");
  BOOST_TEST(number("5六") == "none");
}

BOOST_AUTO_TEST_CASE(approximate_digits_before_a_unit) {
  BOOST_TEST(number("几十") == "10 gt");
  BOOST_TEST(number("数十亿") == "1000000000 gt");
  BOOST_TEST(number("上百") == "100 ge");
  BOOST_TEST(number("几万万") == "100000000 gt");
  BOOST_TEST(number("二十") == "20");
  // Only before a unit word.
  BOOST_TEST(number("几") == "none");
  BOOST_TEST(number("数12") == "none");
  BOOST_TEST(number("十几") == "none");  // after a unit it is a qualifier word, not part of the number
}

BOOST_AUTO_TEST_CASE(scale_words_after_a_qualifier_word) {
  const auto& lex = pack().compiled().numbers;
  BOOST_TEST(*resolve::parse_scale("十万", lex) == 5);
  // In 一百几十万 the number ends in the hundreds: 十 is a place, 万 the scale.
  BOOST_TEST(*resolve::parse_scale("十万", lex, 2) == 4);
  auto q = resolve::parse_quantity("一百几十万元", pack().compiled());
  BOOST_REQUIRE(q);
  BOOST_TEST(q->value.to_string() == "1000000");
  BOOST_TEST(q->qualifier == Qualifier::gt);
  BOOST_TEST(quantity_value("十几万元") == "100000");
  // After 亿, 万 scales only what follows it; 亿 after 万 scales it all.
  BOOST_TEST(quantity_value("1亿3千多万") == "130000000");
  BOOST_TEST(quantity_value("2万多亿") == "2000000000000");
  BOOST_TEST(quantity_value("负1亿3千多万") == "-130000000");
}

BOOST_AUTO_TEST_CASE(scale_power_is_reported_for_ranges) {
  auto n = resolve::parse_number("8亿", pack().compiled().numbers);
  BOOST_REQUIRE(n);
  BOOST_TEST(n->scale_power == 8);
  auto q = resolve::parse_quantity("5至8亿元", pack().compiled());
  BOOST_REQUIRE(q);
  BOOST_TEST(q->value.to_string() == "500000000");
  BOOST_TEST(q->value_max->to_string() == "800000000");
  BOOST_TEST(q->qualifier == Qualifier::range);
}

BOOST_AUTO_TEST_CASE(quantity_parts) {
  auto q = resolve::parse_quantity("约198亿元", pack().compiled());
  BOOST_REQUIRE(q);
  BOOST_TEST(q->value.to_string() == "19800000000");
  BOOST_TEST(q->unit == "CNY");
  BOOST_TEST(q->qualifier == Qualifier::approx);
  q = resolve::parse_quantity("百分之三十四点三", pack().compiled());
  BOOST_REQUIRE(q);
  BOOST_TEST(q->value.to_string() == "34.3");
  BOOST_TEST(q->kind == QuantityKind::percent);
  q = resolve::parse_quantity("30多亿元", pack().compiled());
  BOOST_REQUIRE(q);
  BOOST_TEST(q->value.to_string() == "3000000000");
  BOOST_TEST(q->qualifier == Qualifier::gt);
}

// small_whole_number reads the years, months and counts of period phrases:
// whole numbers in any spelling, and nothing approximate, negative,
// fractional or a range.
BOOST_AUTO_TEST_CASE(small_whole_numbers_in_any_spelling) {
  const auto& lex = pack().compiled().numbers;
  auto whole = [&](const std::string& s) {
    auto v = resolve::small_whole_number(s, lex);
    return v ? std::to_string(*v) : "none";
  };
  BOOST_TEST(whole("2025") == "2025");
  BOOST_TEST(whole("二〇二五") == "2025");
  BOOST_TEST(whole("十二") == "12");
  BOOST_TEST(whole("05") == "5");
  BOOST_TEST(whole("999999") == "999999");
  BOOST_TEST(whole("1234567") == "none");  // more than six digits
  BOOST_TEST(whole("0000012") == "12");    // seven characters, two digits of value
  BOOST_TEST(whole("1.5") == "none");
  BOOST_TEST(whole("-3") == "none");
  BOOST_TEST(whole("三四") == "none");  // a range
  BOOST_TEST(whole("十余") == "none");  // approximate
  BOOST_TEST(whole("") == "none");
  for (int n = 0; n <= 2100; n += 7) BOOST_TEST(whole(std::to_string(n)) == std::to_string(n));
}
