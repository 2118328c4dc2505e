// The rule pack that ships in rules/zh, loaded once per test program.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "rules/compiled_pack.hpp"
#include "text/normalizer.hpp"
#include "zhibiao/rule_pack.hpp"

namespace zhibiao::testing {

inline const RulePack& bundled_pack() {
  static const RulePack pack = RulePack::load(ZHIBIAO_TEST_RULES);
  return pack;
}

// The seed article and every rule-file test text of `pack`, folded like a
// document: text on which the bundled rules and names are known to occur.
inline std::string folded_seed_and_rule_tests(const detail::CompiledPack& pack) {
  std::ifstream in(ZHIBIAO_SEEDS "/seed-article.txt");
  std::stringstream seed;
  seed << in.rdbuf();
  std::string corpus = seed.str();
  for (const auto& t : pack.tests) corpus += "\n" + t.text;
  return text::normalize(corpus, *pack.fold).text;
}

}  // namespace zhibiao::testing
