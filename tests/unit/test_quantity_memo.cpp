// A document's mentions parsed once by text and split once by shape: the
// same results as parsing each mention on its own, and no sharing of splits
// when the grammar tells digits apart; the pack keeps splits for later
// documents and threads.
#define BOOST_TEST_MODULE quantity_memo
#include <boost/test/unit_test.hpp>

#include <thread>

#include "bundled_pack.hpp"

#include "resolve/quantity_memo.hpp"
#include "resolve/split_cache.hpp"
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

BOOST_AUTO_TEST_CASE(a_split_serves_later_documents) {
  // Two documents' memos: the second reads a mention of a shape the first
  // split, from the pack's cache, and still gets its own digits.
  const auto& pack = testing::bundled_pack().compiled();
  BOOST_REQUIRE(pack.quantity.splits);
  std::size_t before = pack.quantity.splits->size();
  {
    resolve::QuantityMemo first_document(pack);
    BOOST_TEST(describe(first_document.parse("98.765亿美元")) == describe(resolve::parse_quantity("98.765亿美元", pack)));
  }
  BOOST_TEST(pack.quantity.splits->size() == before + 1);
  resolve::QuantityMemo second_document(pack);
  BOOST_TEST(describe(second_document.parse("12.345亿美元")) == describe(resolve::parse_quantity("12.345亿美元", pack)));
  BOOST_TEST(describe(second_document.parse("12.345亿美元")).rfind("1234500000 USD", 0) == 0);
  BOOST_TEST(pack.quantity.splits->size() == before + 1);
  // A mention without digits is kept by its text.
  BOOST_TEST(describe(second_document.parse("三百二十一个")) == describe(resolve::parse_quantity("三百二十一个", pack)));
  BOOST_TEST(pack.quantity.splits->size() == before + 2);
}

BOOST_AUTO_TEST_CASE(a_full_cache_keeps_no_more_and_still_splits) {
  resolve::SplitCache cache(2);
  int splits_made = 0;
  auto split_of = [&](std::uint32_t length) {
    return [&splits_made, length] {
      ++splits_made;
      resolve::QuantityParts parts;
      parts.at[4] = {0, length};
      return std::optional<resolve::QuantityParts>(parts);
    };
  };
  BOOST_TEST(cache.get("0%", split_of(1))->at[4].second == 1u);
  BOOST_TEST(cache.get("00%", split_of(2))->at[4].second == 2u);
  BOOST_TEST(cache.get("000%", split_of(3))->at[4].second == 3u);
  BOOST_TEST(cache.size() == 2u);
  BOOST_TEST(splits_made == 3);
  // Kept ones are not split again; the one left out is, each time.
  BOOST_TEST(cache.get("0%", split_of(9))->at[4].second == 1u);
  BOOST_TEST(cache.get("000%", split_of(3))->at[4].second == 3u);
  BOOST_TEST(splits_made == 4);
}

BOOST_AUTO_TEST_CASE(threads_share_the_cache) {
  // Two threads reading the same shapes at once get the splits each would
  // get alone (run under the sanitizers by scripts/sanitize).
  const auto& pack = testing::bundled_pack().compiled();
  std::vector<std::string> mentions;
  for (int i = 1; i <= 40; ++i) mentions.push_back(std::to_string(i) + "." + std::to_string(i % 7) + "万吨");
  std::vector<std::string> expected;
  for (const auto& m : mentions) expected.push_back(describe(resolve::parse_quantity(m, pack)));
  std::vector<int> wrong(2, 0);
  auto work = [&](int t) {
    for (int round = 0; round < 20; ++round) {
      resolve::QuantityMemo memo(pack);
      for (std::size_t i = 0; i < mentions.size(); ++i)
        if (describe(memo.parse(mentions[i])) != expected[i]) ++wrong[static_cast<std::size_t>(t)];
    }
  };
  std::thread other(work, 1);
  work(0);
  other.join();
  BOOST_TEST(wrong[0] == 0);
  BOOST_TEST(wrong[1] == 0);
}
