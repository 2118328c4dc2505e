// The quantity scan reads a mention only when asked about it; whatever is
// asked, and in whatever order, the answers are those of reading every
// mention.
#define BOOST_TEST_MODULE quantity_scan
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <numeric>
#include <random>

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

namespace {

std::string read_seed_article() {
  std::ifstream in(std::string(ZHIBIAO_SEEDS) + "/seed-article.txt", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every answer a scan gives about `folded`, asked in the order given.
struct Answers {
  std::vector<int> mentions, quantities, excluded;
  std::vector<std::string> exact;  // the value of the quantity spanning the range, or "-"
  bool operator==(const Answers&) const = default;
};

Answers ask(QuantityScan& scan, const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
  Answers a;
  for (auto [b, e] : ranges) {
    a.mentions.push_back(scan.has_mention_in(b, e));
    a.quantities.push_back(scan.any_in(b, e));
    a.excluded.push_back(scan.touches_excluded(b, e));
    const auto* q = scan.at(b, e);
    a.exact.push_back(q ? q->value.to_string() : "-");
  }
  return a;
}

}  // namespace

// A scan finds a window's mentions only when a question first reaches it.
// Whether every window was scanned before the questions (all() scans them
// all) or each only as it is reached, in any order, the answers are the
// same: those of scanning the whole text.
BOOST_AUTO_TEST_CASE(answers_do_not_depend_on_the_order_windows_are_scanned_in) {
  // The seed article, then years, dates, ordinals, codes and lone numerals
  // beside figures, and a long run of digits.
  const std::string folded =
      zhibiao::text::normalize(read_seed_article() +
                                   "\n2023年1—5月，第一季度增长5.6%，G20峰会，第3名；\n三\n一是投资约1.2万亿元以上，"
                                   "2024年12月31日签约项目5-8个，占比12.5%，提高0.8个百分点。" +
                                   std::string(300, '7') + "亿元。",
                               *pack().fold)
          .text;
  BOOST_REQUIRE(folded.size() > 2500);
  // The exact spans of the mentions, the sentences, and random ranges.
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  {
    QuantityScan scan(folded, pack());
    for (const auto& q : scan.all()) ranges.emplace_back(q.begin, q.end);
  }
  BOOST_REQUIRE(ranges.size() > 15);
  for (std::size_t b = 0, e; b < folded.size(); b = e + 1) {
    e = std::min(folded.find("。", b), folded.size());
    ranges.emplace_back(b, e);
  }
  std::mt19937 random(20261130);
  std::uniform_int_distribution<std::size_t> position(0, folded.size());
  for (int i = 0; i < 400; ++i) {
    std::size_t b = position(random), length = std::uniform_int_distribution<std::size_t>(0, 60)(random);
    ranges.emplace_back(b, std::min(b + length, folded.size()));
  }

  QuantityScan scanned_first(folded, pack());
  auto every_quantity = scanned_first.all();
  Answers expected = ask(scanned_first, ranges);
  for (int round = 0; round < 5; ++round) {
    std::vector<std::size_t> order(ranges.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random);
    std::vector<std::pair<std::size_t, std::size_t>> shuffled;
    for (std::size_t i : order) shuffled.push_back(ranges[i]);
    QuantityScan lazy(folded, pack());
    Answers got = ask(lazy, shuffled);
    Answers want;
    for (std::size_t i : order) {
      want.mentions.push_back(expected.mentions[i]);
      want.quantities.push_back(expected.quantities[i]);
      want.excluded.push_back(expected.excluded[i]);
      want.exact.push_back(expected.exact[i]);
    }
    BOOST_TEST((got == want), "round " << round);
    BOOST_TEST(lazy.all().size() == every_quantity.size());
  }
}
