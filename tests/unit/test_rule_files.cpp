// The rule pack's own test cases (every [[test]] and [[quantity_test]] in
// rules/zh), and the coverage the project promises for each indicator.
#define BOOST_TEST_MODULE rule_files
#include <boost/test/unit_test.hpp>

#include <map>

#include "rules/compiled_pack.hpp"
#include "zhibiao/rule_pack.hpp"
#include "zhibiao/rule_tests.hpp"

using namespace zhibiao;

BOOST_AUTO_TEST_CASE(every_rule_file_test_passes) {
  RulePack pack = RulePack::load(ZHIBIAO_TEST_RULES);
  RuleTestReport report = run_rule_tests(pack);
  BOOST_TEST(report.cases > 50);
  for (const auto& f : report.failures) BOOST_ERROR(f.to_string());
}

BOOST_AUTO_TEST_CASE(every_indicator_carries_positive_and_negative_cases) {
  RulePack pack = RulePack::load(ZHIBIAO_TEST_RULES);
  std::map<std::string, std::pair<int, int>> counts;  // indicator -> (positive, negative)
  for (const auto& t : pack.compiled().tests) {
    if (t.quantities || t.indicator.empty()) continue;
    (t.expect.empty() ? counts[t.indicator].second : counts[t.indicator].first) += 1;
  }
  for (const auto& ind : pack.compiled().indicators) {
    BOOST_TEST_CONTEXT("indicator " << ind.id) {
      BOOST_TEST(counts[ind.id].first >= 5);
      BOOST_TEST(counts[ind.id].second >= 3);
    }
  }
}
