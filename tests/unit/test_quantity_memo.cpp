// A document's mentions parsed once by text and split once by shape: the
// same results as parsing each mention on its own, and no sharing of splits
// when the grammar tells digits apart.
#define BOOST_TEST_MODULE quantity_memo
#include <boost/test/unit_test.hpp>

#include "bundled_pack.hpp"

#include "resolve/quantity_memo.hpp"
#include "rules/pattern_digits.hpp"
#include "zhibiao/rule_pack.hpp"

using namespace zhibiao;

namespace {

std::string describe(const std::optional<resolve::ParsedQuantity>& q) {
  if (!q) return "none";
  return q->value.to_string() + (q->value_max ? "~" + q->value_max->to_string() : "") + " " + q->unit + " " +
         std::to_string(static_cast<int>(q->qualifier)) + " " + std::to_string(static_cast<int>(q->kind));
}

}  // namespace

BOOST_AUTO_TEST_CASE(digits_alike_in_patterns) {
  using detail::treats_digits_alike;
  BOOST_TEST(treats_digits_alike(R"(\d+(?:,\d{3})*)"));
  BOOST_TEST(treats_digits_alike(R"(\d{1,2}|\d{4,}[\pN\w.])"));
  BOOST_TEST(treats_digits_alike(R"((?P<unit1>元)(?P<num_max>\d))"));
  BOOST_TEST(treats_digits_alike(R"([[:digit:]]+%)"));
  BOOST_TEST(treats_digits_alike(R"([^,;]+)"));
  BOOST_TEST(!treats_digits_alike(R"(\d+5)"));
  BOOST_TEST(!treats_digits_alike(R"([0-4]+)"));
  BOOST_TEST(!treats_digits_alike(R"([{3}])"));
  BOOST_TEST(!treats_digits_alike(R"([]0])"));
  BOOST_TEST(!treats_digits_alike(R"([[:alpha:]7])"));
  BOOST_TEST(!treats_digits_alike(R"(\x31|\061)"));
  BOOST_TEST(!treats_digits_alike(R"(a\{3})"));
}

BOOST_AUTO_TEST_CASE(bundled_grammar_treats_digits_alike) {
  // Else the memo would never share a split, and lose its point.
  BOOST_TEST(testing::bundled_pack().compiled().quantity.parts_treat_digits_alike);
}

BOOST_AUTO_TEST_CASE(memo_gives_what_each_parse_gives) {
  const auto& pack = testing::bundled_pack().compiled();
  // Mentions sharing a shape (5% and 9%; 12.5亿元 and 34.7亿元), a text seen
  // twice, and ones the grammar rejects or the parser refuses.
  std::vector<std::string> mentions = {"5%",      "9%",     "12.5亿元", "34.7亿元", "5%",        "1,234万元", "9,876万元",
                                       "约20%以上", "约35%以上", "3至5个",   "7至9个",   "一个",      "二分之一",  "10%-15%",
                                       "20%-25%", "1.2万亿", "8.9万亿",  "0.5个百分点", "1.5个百分点", "abc", "5%"};
  resolve::QuantityMemo memo(pack);
  for (const auto& m : mentions) BOOST_TEST(describe(memo.parse(m)) == describe(resolve::parse_quantity(m, pack)), m);
  BOOST_TEST(describe(memo.parse("9%")).rfind("9 ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(no_shared_split_when_the_grammar_tells_digits_apart) {
  // A lazy number with 5 as a unit: 15 splits as 1 + unit 5, 16 as the number
  // 16. Both have the shape 00; sharing the split would read 16 as 1.
  detail::CompiledPack pack;
  pack.quantity.parts = std::make_unique<RE2>(R"(^(?:(?P<num>\d+?)(?P<unit>5)?)$)");
  pack.quantity.part_groups[4] = 1;  // num
  pack.quantity.part_groups[9] = 2;  // unit
  pack.quantity.units["5"] = detail::UnitEntry{};
  pack.quantity.parts_treat_digits_alike = detail::treats_digits_alike(pack.quantity.parts->pattern());
  BOOST_TEST(!pack.quantity.parts_treat_digits_alike);
  resolve::QuantityMemo memo(pack);
  BOOST_TEST(describe(memo.parse("15")) == "1 5 0 0");
  BOOST_TEST(describe(memo.parse("16")) == "16  0 0");
}
