// LiteralSet finds which words occur in a text: the same answer as an
// RE2::Set of the words, case-insensitive as FilteredRE2's atoms are meant.
#define BOOST_TEST_MODULE literal_set
#include <boost/test/unit_test.hpp>

#include <re2/set.h>

#include <algorithm>

#include "bundled_pack.hpp"
#include "match/literal_set.hpp"
#include "rules/compiled_pack.hpp"

using zhibiao::match::LiteralSet;

namespace {

std::vector<int> found(const LiteralSet& set, std::string_view text) {
  std::vector<int> out;
  set.find(text, out);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<int> found_by_re2(const std::vector<std::string>& words, std::string_view text) {
  RE2::Options o;
  o.set_case_sensitive(false);
  RE2::Set set(o, RE2::UNANCHORED);
  for (const auto& w : words) BOOST_REQUIRE(set.Add(RE2::QuoteMeta(w), nullptr) >= 0);
  BOOST_REQUIRE(set.Compile());
  std::vector<int> out;
  set.Match(text, &out);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(finds_overlapping_words_once_each_ascii_in_either_case) {
  std::vector<std::string> words = {"增加值", "工业增加值", "gdp", "r&d", "增长", "亿元"};
  LiteralSet set(words);
  BOOST_REQUIRE(set.usable());
  std::string text = "规模以上工业增加值增长8%，GDP增长5%，R&D经费增长";
  BOOST_TEST(found(set, text) == (std::vector<int>{0, 1, 2, 3, 4}), boost::test_tools::per_element());
  BOOST_TEST(found(set, text) == found_by_re2(words, text), boost::test_tools::per_element());
  BOOST_TEST(found(set, "").empty());
  BOOST_TEST(found(set, "增").empty());  // a word cut off at the end
}

BOOST_AUTO_TEST_CASE(a_word_that_needs_unicode_case_folding_is_left_to_re2) {
  BOOST_TEST(!LiteralSet({"增长", "α系数"}).usable());  // Greek has case
  BOOST_TEST(!LiteralSet({"GDP"}).usable());            // atoms come lower-cased
  BOOST_TEST(!LiteralSet({""}).usable());
  BOOST_TEST(LiteralSet({"增长", "gdp"}).usable());
}

BOOST_AUTO_TEST_CASE(same_as_an_re2_set_on_real_text) {
  // Every indicator name and a few ASCII words over the seed article and
  // the rule tests, folded as documents are, sentence by sentence.
  const auto& pack = zhibiao::testing::bundled_pack().compiled();
  std::vector<std::string> words = {"gdp", "cpi", "r&d", "%", "亿元"};
  for (const auto& ind : pack.indicators)
    for (const auto& n : ind.names)
      if (n.find(zhibiao::match::kAnyDigit) == std::string::npos) {
        std::string lower = n;  // as FilteredRE2 gives its atoms
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
        words.push_back(lower);
      }
  LiteralSet set(words);
  BOOST_REQUIRE(set.usable());
  std::string folded = zhibiao::testing::folded_seed_and_rule_tests(pack);
  std::size_t sentences = 0, hits = 0;
  for (std::size_t b = 0; b < folded.size();) {
    std::size_t e = folded.find('\n', b);
    if (e == std::string::npos) e = folded.size();
    std::string_view line(folded.data() + b, e - b);
    auto ours = found(set, line);
    BOOST_TEST(ours == found_by_re2(words, line), line);
    ++sentences;
    hits += ours.size();
    b = e + 1;
  }
  BOOST_TEST(sentences > 300u);
  BOOST_TEST(hits > 300u);
}

// Words are first compared eight bytes at a time, with the text's ASCII
// capitals lowered all at once: the characters beside A-Z in ASCII ('@' and
// '[', '`' and '{', which differ from letters by the case bit) must not be
// taken for letters, and a word cut off by the end of the text, or longer
// than eight bytes, must still be found only where it occurs.
BOOST_AUTO_TEST_CASE(eight_bytes_at_a_time_agrees_with_an_re2_set) {
  std::vector<std::string> words = {"a{b", "a[b", "x@y", "x`y", "abcdefgh", "abcdefghij", "mnopqrstuvwxyz",
                                    "gdp增长", "z", "增长abcdefg"};
  LiteralSet set(words);
  BOOST_REQUIRE(set.usable());
  std::vector<std::string> texts = {"A[B X@Y ABCDEFGH ABCDEFGHIJ MNOPQRSTUVWXYZ GDP增长 Z",
                                    "a{b x`y abcdefgh abcdefghiJ mnopqrstuvwxyZ gdp增长 z",
                                    "A{B",  // fewer than eight bytes left
                                    "ABCDEFG",
                                    "ABCDEFGH",
                                    "ABCDEFGHI",
                                    "增长ABCDEFG",
                                    "增长ABCDEF",
                                    "@[`{ @[`{ abcdefgH",
                                    "X@Y........"};
  for (const auto& t : texts) BOOST_TEST(found(set, t) == found_by_re2(words, t), t);
  BOOST_TEST(found(set, "A[B........") == (std::vector<int>{1}), boost::test_tools::per_element());
  BOOST_TEST(found(set, "A{B........") == (std::vector<int>{0}), boost::test_tools::per_element());
}
