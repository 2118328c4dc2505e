#include "rules/lazy_regex.hpp"

#include <re2/set.h>

namespace zhibiao::detail {

std::optional<std::string> LazyRegex::syntax_error(const std::string& pattern, const RE2::Options& options) {
  // RE2::Set::Add parses a pattern (with the same parser and flags as RE2
  // itself, and the same message) and leaves compiling to Compile().
  RE2::Set parse_only(options, RE2::UNANCHORED);
  std::string error;
  if (parse_only.Add(pattern, &error) < 0) return error;
  return std::nullopt;
}

const RE2& LazyRegex::compile_or_throw() const {
  compile_([this] {
    regex_ = std::make_unique<RE2>(pattern_, options_);
    ok_ = regex_->ok();
    if (ok_) std::string().swap(pattern_);
  });
  if (!regex_->ok()) {
    RuleError error = where_;
    error.message = "RE2 rejects the pattern: " + regex_->error();
    throw RulePackError({std::move(error)});
  }
  return *regex_;
}

}  // namespace zhibiao::detail
