// The clues that let a sentence naming no indicator be skipped: whatever
// else such a sentence holds, leaving the clues out must leave no rule
// matched whole in the filter's answer. A filter is stood in for here by
// a formula over the literals it holds.
#define BOOST_TEST_MODULE name_clues
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "rules/name_clues.hpp"

using zhibiao::detail::find_name_clues;

namespace {

using Held = std::vector<int>;
bool holds(const Held& held, int literal) { return std::find(held.begin(), held.end(), literal) != held.end(); }

}  // namespace

BOOST_AUTO_TEST_CASE(clues_are_what_the_rules_matched_whole_need) {
  // Literals 0..4; a rule matched whole needs 甲, or both 乙 and 丙.
  std::vector<std::string> literals = {"甲", "乙", "丙", "丁", "产值增长"};
  auto whole_rule = [](const Held& held) { return holds(held, 0) || (holds(held, 1) && holds(held, 2)); };
  auto clues = find_name_clues(literals, {"产值"}, whole_rule);
  BOOST_REQUIRE(clues);
  // 乙 alone is harmless once 丙 is a clue; 丁 never matters; 产值增长 holds
  // a name, so a text without names never holds it.
  BOOST_TEST((*clues == std::vector<std::string>{"甲", "丙"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_clues_when_a_rule_matched_whole_needs_nothing) {
  std::vector<std::string> literals = {"甲", "乙"};
  BOOST_TEST(!find_name_clues(literals, {}, [](const Held&) { return true; }));
  // No rule matched whole: nothing is a clue, and every sentence without
  // a name can be skipped.
  auto none = find_name_clues(literals, {}, [](const Held&) { return false; });
  BOOST_REQUIRE(none);
  BOOST_TEST(none->empty());
}

BOOST_AUTO_TEST_CASE(letters_with_another_case_are_not_trusted) {
  // The filter matches GDP in either case; the name index compares words
  // as written, so a clue with a letter tells nothing.
  auto whole_rule = [](const Held& held) { return holds(held, 0); };
  BOOST_TEST(!find_name_clues({"gdp增速"}, {}, whole_rule));
  // Nor does a name with one: 'gdp增速' might be held with a 'GDP' the
  // index would not find, so the literal stays a clue (and the case
  // disables the skip).
  BOOST_TEST(!find_name_clues({"gdp增速"}, {"gdp"}, whole_rule));
  // A caseless name inside the literal does rule it out.
  auto clues = find_name_clues({"地区生产总值增速"}, {"生产总值"}, whole_rule);
  BOOST_REQUIRE(clues);
  BOOST_TEST(clues->empty());
}
