// A pattern compiled the first time it is matched.
//
// Compiling the rules' patterns was most of the time a rule pack took to
// load, and a document uses few of them (the seed article 11 of 52, a
// sentence 3). So a rule's pattern is compiled when a sentence first needs
// it, by whichever thread gets there first, while the others wait for it.
// The pack has checked the pattern when it loaded (the rule filter compiles
// it with its numbers left out, see Loader::start_rule_filter); what RE2 can
// still reject here is a pattern whose program outgrows its memory budget.
// That is a RulePackError naming the rule, thrown to whoever matched first,
// and `extract --test-rules` compiles every pattern to find it before a run.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>

#include "core/once.hpp"
#include "zhibiao/rule_pack.hpp"

namespace zhibiao::detail {

class LazyRegex {
 public:
  // `where` is the rule reported when RE2 rejects the pattern.
  LazyRegex(std::string pattern, const RE2::Options& options, RuleError where)
      : pattern_(std::move(pattern)), options_(options), where_(std::move(where)) {}

  // The pattern; once compiled, RE2's own copy, and this one is released
  // (a rule's pattern is several kilobytes with its macros expanded).
  const std::string& pattern() const { return compile_.done() && ok_ ? regex_->pattern() : pattern_; }
  const RE2::Options& options() const { return options_; }
  const RuleError& where() const { return where_; }
  // What RE2 says of the pattern's syntax, read without compiling it (a
  // tenth of the time): nullopt when it parses.
  static std::optional<std::string> syntax_error(const std::string& pattern, const RE2::Options& options);
  // The compiled pattern; throws RulePackError when RE2 rejects it.
  const RE2& get() const {
    if (compile_.done() && ok_) return *regex_;  // asked at every match: no call
    return compile_or_throw();
  }
  // Whether it has been compiled (for tests and benchmarks).
  bool compiled() const { return compile_.done(); }

 private:
  mutable std::string pattern_;  // emptied once compiled
  RE2::Options options_;
  RuleError where_;
  const RE2& compile_or_throw() const;
  Once compile_;
  mutable std::unique_ptr<RE2> regex_;
  mutable bool ok_ = false;  // written before compile_ is done
};

}  // namespace zhibiao::detail
