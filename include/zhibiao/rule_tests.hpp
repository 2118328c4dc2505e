// Runs the test cases every rule file carries (its [[test]] tables).
#pragma once

#include <string>
#include <vector>

#include "zhibiao/rule_pack.hpp"

namespace zhibiao {

struct RuleTestFailure {
  std::string file;
  int line = 0;
  std::string text;      // the test's input
  std::string expected;  // what the case asks for
  std::string got;       // what the extractor produced
  std::string to_string() const;
};

struct RuleTestReport {
  int cases = 0;
  std::vector<RuleTestFailure> failures;
};

// Compiles every pattern first (RulePack::compile_all), so it throws
// RulePackError when RE2 rejects one.
RuleTestReport run_rule_tests(const RulePack& pack);

}  // namespace zhibiao
