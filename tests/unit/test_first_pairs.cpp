// FirstPairs rules out the places where no word can begin by the text's
// first two characters; it must never rule out a place where one does.
#define BOOST_TEST_MODULE first_pairs
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>

#include "match/first_pairs.hpp"
#include "text/utf8.hpp"

using zhibiao::match::FirstPairs;

namespace {

// What may_begin says at the start of `text` (8 bytes or more).
bool may_begin_at_start(const FirstPairs& pairs, const std::string& text) {
  std::uint64_t here = 0;
  BOOST_REQUIRE(zhibiao::match::eight_bytes_at(text, 0, here));
  auto first = zhibiao::text::decode_at(text, 0);
  return pairs.may_begin(first.cp, first.size, here);
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_pair_of_three_byte_characters_admits_only_itself) {
  FirstPairs pairs;
  pairs.add("工业增加值", '\xFF');
  BOOST_TEST(may_begin_at_start(pairs, "工业增加值增长"));
  BOOST_TEST(may_begin_at_start(pairs, "工业和信息化"));  // the pair alone decides
  BOOST_TEST(!may_begin_at_start(pairs, "工作报告全文"));
  BOOST_TEST(!may_begin_at_start(pairs, "增加值增长了"));  // no word begins with 增
}

BOOST_AUTO_TEST_CASE(a_first_character_without_a_pair_admits_everything_after_it) {
  FirstPairs pairs;
  pairs.add("工业增加值", '\xFF');
  pairs.add("工", '\xFF');  // one character: no second to filter by
  BOOST_TEST(may_begin_at_start(pairs, "工作报告全文"));

  const std::string any_digit(1, '\xFF');
  FirstPairs with_digit;
  with_digit.add("财" + any_digit + "月收入", '\xFF');  // the wildcard as the second character
  with_digit.add("产gdp", '\xFF');                    // a second character of one byte
  BOOST_TEST(may_begin_at_start(with_digit, "财政收入增长了"));
  BOOST_TEST(may_begin_at_start(with_digit, "产业结构优化"));
}

BOOST_AUTO_TEST_CASE(a_first_character_of_another_length_is_never_filtered) {
  FirstPairs pairs;
  pairs.add("gdp增长", '\xFF');
  pairs.add("工业增加值", '\xFF');
  BOOST_TEST(may_begin_at_start(pairs, "gross domestic"));  // ASCII: the words are compared
  BOOST_TEST(may_begin_at_start(pairs, "éclair au café"));   // two bytes
  BOOST_TEST(may_begin_at_start(pairs, "\xF0\xA0\x80\x80工业增加"));  // beyond the BMP
}
