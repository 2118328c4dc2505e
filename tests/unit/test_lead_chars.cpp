// LeadChars says where a match can begin and, when every match has a
// second character, what that character can be. scan_at_leads asks RE2
// only where both hold, so neither may ever rule out a place where a match
// begins.
#define BOOST_TEST_MODULE lead_chars
#include <boost/test/unit_test.hpp>

#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "match/lead_chars.hpp"
#include "match/pattern_chars.hpp"
#include "text/utf8.hpp"

using zhibiao::match::LeadChars;
using zhibiao::match::read_pattern_chars;

namespace {

// Whether the lead characters let a try at the start of `text` go to RE2.
bool tried_at_start(const LeadChars& lead, const std::string& text) {
  if (text.empty()) return false;
  auto first = zhibiao::text::decode_valid_at(text, 0);
  return lead.contains(first.cp) && lead.may_go_on(text, first.size, text.size());
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_second_character_of_a_year) {
  auto lead = LeadChars::of("(\\d{4}|[〇一二三四五六七八九]{4})年");
  BOOST_REQUIRE(lead.has_value());
  BOOST_TEST(tried_at_start(*lead, "2023年"));
  BOOST_TEST(tried_at_start(*lead, "二〇二三年"));
  BOOST_TEST(tried_at_start(*lead, "12.5%"));   // 2 may come second: RE2 decides
  BOOST_TEST(!tried_at_start(*lead, "一批项目"));  // 一 begins a year, 批 is never second
  BOOST_TEST(!tried_at_start(*lead, "5个"));
  BOOST_TEST(!tried_at_start(*lead, "5"));  // no second character at all
}

BOOST_AUTO_TEST_CASE(what_can_come_second) {
  auto chars = [](const char* pattern) {
    auto c = read_pattern_chars(pattern);
    BOOST_REQUIRE(c.has_value());
    return *c;
  };
  using R = zhibiao::match::CharRanges;
  BOOST_TEST((chars("ab").second == R{{'b', 'b'}}));
  BOOST_TEST(!chars("ab").one_char);
  BOOST_TEST((chars("a?bc").second == R{{'b', 'c'}}));  // abc, bc
  BOOST_TEST((chars("x{2,}").second == R{{'x', 'x'}}));
  BOOST_TEST(!chars("x{2,}").one_char);
  BOOST_TEST(chars("x{1,2}").one_char);
  BOOST_TEST(chars("ab|c").one_char);
  BOOST_TEST(chars("(?:ab)*c").one_char);
  BOOST_TEST((chars("(?:ab)*c").second == R{{'b', 'b'}}));
  BOOST_TEST((chars("(?:a|bc)+d").second == R{{'a', 'd'}}));  // aa, ad, bc…
  BOOST_TEST((chars("a(?:)?\\b(?:b|c)").second == R{{'b', 'c'}}));  // assertions hold no character
  // With first_only the reader stops once two characters are certain.
  auto quick = read_pattern_chars("月份(?:[一二]|三)", zhibiao::match::CharsToRead::first_only);
  BOOST_REQUIRE(quick.has_value());
  BOOST_TEST((quick->second == R{{U'份', U'份'}}));
}

BOOST_AUTO_TEST_CASE(a_match_that_can_be_one_character_is_never_ruled_out_by_the_next) {
  auto lead = LeadChars::of("[一二三](?:[十百])?");
  BOOST_REQUIRE(lead.has_value());
  BOOST_TEST(tried_at_start(*lead, "一批"));
  BOOST_TEST(tried_at_start(*lead, "三"));
}

// For many patterns and texts made of the characters they name (and one
// they do not), RE2 never matches at a place the lead characters rule out.
BOOST_AUTO_TEST_CASE(no_match_is_ever_ruled_out) {
  struct Case {
    std::string pattern;
    std::vector<std::string> alphabet;
  };
  const std::vector<Case> cases = {
      {"(\\d{4}|[一二三]{4})年", {"1", "2", "一", "二", "三", "年", "个"}},
      {"比(?:上|去)?年(?:同期)?增长", {"比", "上", "去", "年", "同", "期", "增", "长", "较"}},
      {"a{2,3}b", {"a", "b", "c"}},
      {"(?:ab|c)+d?e", {"a", "b", "c", "d", "e", "f"}},
      {"x(?:y?){2}z", {"x", "y", "z", "w"}},
      {"(?:年)?(?:一|二){1,2}月", {"年", "一", "二", "月", "日"}},
      {"[ab]\\b[bc ]", {"a", "b", "c", " ", "-"}},
      {"(?:占|比重)(?:的)?[0-9]+", {"占", "比", "重", "的", "1", "2", "%"}},
      {"(?:a|)(?:b|)c{2}", {"a", "b", "c", "d"}},
      {"(?:a?){2}bc", {"a", "b", "c"}},  // one a among empty ones, then b second
  };
  std::mt19937 random(20261202);
  std::uniform_int_distribution<std::size_t> length(1, 7);
  for (const auto& c : cases) {
    RE2 anchored("^(?:" + c.pattern + ")");
    BOOST_REQUIRE(anchored.ok());
    auto lead = LeadChars::of(c.pattern);
    BOOST_REQUIRE_MESSAGE(lead.has_value(), c.pattern);
    std::uniform_int_distribution<std::size_t> pick(0, c.alphabet.size() - 1);
    int matches = 0, ruled_out = 0;
    for (int i = 0; i < 200000; ++i) {
      std::string text;
      for (std::size_t n = length(random); n > 0; --n) text += c.alphabet[pick(random)];
      bool tried = tried_at_start(*lead, text);
      if (!tried) ++ruled_out;
      if (!RE2::PartialMatch(text, anchored)) continue;
      ++matches;
      BOOST_TEST_REQUIRE(tried, c.pattern << " matches " << text);
    }
    // The texts hold matches, and places to rule out.
    BOOST_TEST(matches > 20, c.pattern << ": " << matches);
    BOOST_TEST(ruled_out > 1000, c.pattern);
  }
}
