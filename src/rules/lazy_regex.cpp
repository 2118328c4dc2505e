#include "rules/lazy_regex.hpp"

namespace zhibiao::detail {

const RE2& LazyRegex::get() const {
  std::call_once(once_, [this] {
    regex_ = std::make_unique<RE2>(pattern_, options_);
    compiled_.store(true, std::memory_order_release);
  });
  if (!regex_->ok()) {
    RuleError error = where_;
    error.message = "RE2 rejects the pattern: " + regex_->error();
    throw RulePackError({std::move(error)});
  }
  return *regex_;
}

}  // namespace zhibiao::detail
