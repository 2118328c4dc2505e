// The rule filter keeps the answers it gave (Prefilter::given's memo): an
// answer taken from it must be the one FilteredRE2 gives, whatever order
// the atoms come in, and after the memo has been emptied for being full.
#define BOOST_TEST_MODULE prefilter
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "match/prefilter.hpp"

using zhibiao::match::Prefilter;

BOOST_AUTO_TEST_CASE(kept_answers_are_the_answers_for_those_atoms_in_any_order) {
  // Thirteen patterns, each needing one word: 8,192 sets of atoms, twice
  // the memo's size, each with exactly its words' patterns as answer.
  const std::vector<std::string> words = {"工业", "投资", "出口", "进口", "税收", "财政", "利润",
                                          "营收", "项目", "企业", "产值", "消费", "物价"};
  std::vector<std::string> patterns;
  for (const auto& w : words) patterns.push_back(w + "增长\\d+%");
  Prefilter filter(patterns, RE2::Options());
  // Which pattern each atom stands for (FilteredRE2 lists them its own way).
  std::vector<int> pattern_of_atom;
  for (const auto& atom : filter.atoms()) {
    auto it = std::find_if(words.begin(), words.end(), [&](const std::string& w) { return atom.find(w) == 0; });
    BOOST_REQUIRE(it != words.end());
    pattern_of_atom.push_back(static_cast<int>(it - words.begin()));
  }
  BOOST_REQUIRE(filter.atoms().size() == words.size());

  std::mt19937 shuffle_with(7);
  std::size_t asked = 0;
  for (int round = 0; round < 2; ++round) {  // the second round finds answers kept in the first
    for (unsigned set = 0; set < (1u << words.size()); ++set) {
      std::vector<int> atoms, expected;
      for (std::size_t a = 0; a < filter.atoms().size(); ++a)
        if (set & (1u << pattern_of_atom[a])) atoms.push_back(static_cast<int>(a));
      for (std::size_t p = 0; p < words.size(); ++p)
        if (set & (1u << p)) expected.push_back(static_cast<int>(p));
      std::shuffle(atoms.begin(), atoms.end(), shuffle_with);
      BOOST_TEST(filter.candidates_given(atoms) == expected, "set " << set << " round " << round);
      ++asked;
    }
  }
  BOOST_TEST(asked == 2u * 8192u);
  // And through a text, reusing the caller's space.
  Prefilter::Scratch scratch;
  BOOST_TEST(filter.candidates("出口增长5%，进口增长3%", scratch) == (std::vector<int>{2, 3}),
             boost::test_tools::per_element());
  BOOST_TEST(filter.candidates("进口增长3%，出口增长5%", scratch) == (std::vector<int>{2, 3}),
             boost::test_tools::per_element());
  BOOST_TEST(filter.candidates("没有数字", scratch).empty());
}
