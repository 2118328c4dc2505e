// Which literals let a sentence that names no indicator be skipped before
// the rule filter is asked about it (CompiledPack::name_clues).
//
// The filter's answer only grows with the literals a text holds. A text
// that names no indicator holds no literal with a name inside; leave out
// the clues too, and the filter must give no rule matched whole (a rule
// matched after a name needs the name; a continuation, a fact before it).
// The clues start as every other literal, and each that the answer stays
// free of such rules without is dropped in turn, so a few are left.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace zhibiao::detail {

// `literals`: what the filter looks for, by index; `names`: the
// indicators' names; whole_rule_given(held): whether the filter gives a
// rule matched whole for a text holding exactly the literals `held`.
// None when no clues can tell: the filter gives such a rule whatever the
// text holds, or a clue has a letter with another case (the filter matches
// literals in either case, and the name index compares words as written).
// A name with such a letter is not looked for inside literals, for the
// same reason.
std::optional<std::vector<std::string>> find_name_clues(
    const std::vector<std::string>& literals, const std::vector<std::string>& names,
    const std::function<bool(const std::vector<int>& held)>& whole_rule_given);

}  // namespace zhibiao::detail
