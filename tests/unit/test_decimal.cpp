#define BOOST_TEST_MODULE decimal
#include <boost/test/unit_test.hpp>

#include "zhibiao/decimal.hpp"

using zhibiao::Decimal;

static Decimal dec(const char* s) { return *Decimal::parse(s); }

BOOST_AUTO_TEST_CASE(parses_and_prints_plain_decimals) {
  BOOST_TEST(dec("193.2").to_string() == "193.2");
  BOOST_TEST(dec("-0.50").to_string() == "-0.5");
  BOOST_TEST(dec("007").to_string() == "7");
  BOOST_TEST(dec("0.001").to_string() == "0.001");
  BOOST_TEST(dec("-0").to_string() == "0");
  BOOST_TEST(!Decimal::parse("1.2.3"));
  BOOST_TEST(!Decimal::parse("1e5"));
  BOOST_TEST(!Decimal::parse(""));
  BOOST_TEST(!Decimal::parse("-"));
}

BOOST_AUTO_TEST_CASE(scaling_is_exact) {
  // 193.2亿 is 19320000000 exactly, never 19320000000.000004.
  BOOST_TEST(dec("193.2").scale_pow10(8)->to_string() == "19320000000");
  BOOST_TEST(dec("1.2").scale_pow10(12)->to_string() == "1200000000000");
  BOOST_TEST(dec("13.57").scale_pow10(8)->to_string() == "1357000000");
  BOOST_TEST(dec("5").scale_pow10(-3)->to_string() == "0.005");
}

BOOST_AUTO_TEST_CASE(arithmetic) {
  BOOST_TEST(dec("0.1").add(dec("0.2"))->to_string() == "0.3");
  BOOST_TEST(dec("100").add(dec("-100.5"))->to_string() == "-0.5");
  BOOST_TEST(dec("1.5").multiply(dec("-4"))->to_string() == "-6");
  BOOST_TEST(dec("1.50") == dec("1.5"));
  BOOST_TEST(dec("2") < dec("10"));
  BOOST_TEST(!(dec("10") < dec("2")));
}

BOOST_AUTO_TEST_CASE(exact_division_or_none) {
  BOOST_TEST(dec("1").divide_exact(dec("2"))->to_string() == "0.5");
  BOOST_TEST(dec("5").divide_exact(dec("1000"))->to_string() == "0.005");
  BOOST_TEST(dec("3").divide_exact(dec("8"))->to_string() == "0.375");
  BOOST_TEST(!dec("1").divide_exact(dec("3")));
  BOOST_TEST(!dec("1").divide_exact(dec("0")));
}

BOOST_AUTO_TEST_CASE(overflow_fails_instead_of_rounding) {
  std::string huge(500, '9');
  BOOST_TEST(!Decimal::parse(huge));
  auto big = dec("99999999999999999999999999999999999");  // 35 digits
  BOOST_TEST(!big.multiply(dec("100000")));
  BOOST_TEST(!big.scale_pow10(10));
  // Two figures each just under 10^38: their sum must fail, not wrap (found by fuzz_number_parser).
  auto near = dec("99999999999999999999999999999999999999");  // 38 nines
  BOOST_TEST(!near.add(near));
  BOOST_TEST(!near.negated().add(near.negated()));
  BOOST_TEST(near.add(near.negated())->to_string() == "0");
}
