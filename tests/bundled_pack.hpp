// The rule pack that ships in rules/zh, loaded once per test program.
#pragma once

#include "zhibiao/rule_pack.hpp"

namespace zhibiao::testing {

inline const RulePack& bundled_pack() {
  static const RulePack pack = RulePack::load(ZHIBIAO_TEST_RULES);
  return pack;
}

}  // namespace zhibiao::testing
