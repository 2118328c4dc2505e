// The quantity scan reads a mention only when asked about it; whatever is
// asked, and in whatever order, the answers are those of reading every
// mention.
#define BOOST_TEST_MODULE quantity_scan
#include <boost/test/unit_test.hpp>

#include "bundled_pack.hpp"

#include "match/quantity_finder.hpp"
#include "text/normalizer.hpp"
#include "zhibiao/rule_pack.hpp"

using zhibiao::match::QuantityScan;

namespace {

const zhibiao::detail::CompiledPack& pack() { return zhibiao::testing::bundled_pack().compiled(); }

// 一是 is a lone numeral inside a line (no quantity), 2023年 an excluded
// year, the rest quantities. Folded on first use, once the pack is loaded.
const std::string& text() {
  static const std::string folded =
      zhibiao::text::normalize("一是2023年全区生产总值193.2亿元，增长5%；\n三\n新签约项目24个。", *pack().fold).text;
  return folded;
}

std::size_t at_text(const std::string& s) { return text().find(s); }

}  // namespace

BOOST_AUTO_TEST_CASE(all_reads_every_mention_in_text_order) {
  QuantityScan scan(text(), pack());
  std::vector<std::string> found;
  for (const auto& q : scan.all()) found.push_back(text().substr(q.begin, q.end - q.begin));
  // 三 stands alone on its line: a number there.
  BOOST_TEST(found == (std::vector<std::string>{"193.2亿元", "5%", "三", "24个"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(questions_answered_as_if_every_mention_were_read) {
  QuantityScan scan(text(), pack());
  std::size_t money = at_text("193.2亿元");
  const auto* q = scan.at(money, money + std::string("193.2亿元").size());
  BOOST_REQUIRE(q);
  BOOST_TEST(q->value.to_string() == "19320000000");
  BOOST_TEST(!scan.at(money, money + 3));                  // no mention spans just 193
  BOOST_TEST(!scan.any_in(0, at_text("2023")));            // 一是: no quantity
  BOOST_TEST(!scan.any_in(0, money));                      // nor the year
  BOOST_TEST(scan.any_in(0, money + 1));
  BOOST_TEST(scan.any_between(money, at_text("24")));      // 5% and 三 lie between
  BOOST_TEST(!scan.any_between(at_text("5%"), at_text("\n三")));
  BOOST_TEST(!scan.any_in(at_text("24"), at_text("24")));  // an empty range

  // The same answers from a scan asked in the opposite order.
  QuantityScan other(text(), pack());
  BOOST_TEST(!other.any_between(at_text("5%"), at_text("\n三")));
  BOOST_TEST(other.any_between(money, at_text("24")));
  BOOST_TEST(other.any_in(0, money + 1));
  BOOST_TEST(other.at(money, money + std::string("193.2亿元").size())->value.to_string() == "19320000000");
  BOOST_TEST(other.all().size() == scan.all().size());
}

// has_mention_in answers without reading a mention, so it is true where a
// mention is no quantity (三分之一 has no exact decimal) and false only where
// any_in is false too.
BOOST_AUTO_TEST_CASE(a_mention_is_found_without_reading_it) {
  const std::string folded = zhibiao::text::normalize("占三分之一。增长5%。全面推进。", *pack().fold).text;
  QuantityScan scan(folded, pack());
  std::size_t second = folded.find("增长"), third = folded.find("全面");
  BOOST_TEST(scan.has_mention_in(0, second));
  BOOST_TEST(!scan.any_in(0, second));
  BOOST_TEST(scan.has_mention_in(second, third));
  BOOST_TEST(scan.any_in(second, third));
  BOOST_TEST(!scan.has_mention_in(third, folded.size()));
  BOOST_TEST(!scan.any_in(third, folded.size()));
}
