// A compiled rule pack: the lexicons, macros, indicator rules and their test
// cases loaded from a directory of TOML files (rules/zh/ ships with the
// library). Immutable once loaded; one pack serves any number of threads.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace zhibiao {

namespace detail {
struct CompiledPack;
}

// Where a problem in a rule file is: file, line, column, and the rule id when
// there is one.
struct RuleError {
  std::string file;
  int line = 0;
  int column = 0;
  std::string rule;
  std::string message;
  std::string to_string() const;
};

class RulePack {
 public:
  // Throws RulePackError listing every problem found.
  static RulePack load(const std::filesystem::path& directory);
  // The pack that ships with the library: $ZHIBIAO_RULES, else
  // PREFIX/share/zhibiao/rules/zh when the program runs from PREFIX/bin (an
  // installed extract, wherever the prefix is), else the source tree's
  // rules/zh (build tree), else the installed share/zhibiao/rules/zh.
  static std::filesystem::path default_directory();

  const std::filesystem::path& directory() const;
  std::size_t rule_count() const;
  // A rule's pattern is compiled the first time a sentence needs it (most
  // of loading was compiling them, and a document uses few). This compiles
  // every one now, and throws RulePackError listing those RE2 rejects: a
  // pattern whose program outgrows its memory budget, which loading cannot
  // tell (extraction throws the same error at its first use). extract
  // --test-rules calls it.
  void compile_all() const;
  const detail::CompiledPack& compiled() const { return *pack_; }

 private:
  explicit RulePack(std::shared_ptr<const detail::CompiledPack> pack) : pack_(std::move(pack)) {}
  std::shared_ptr<const detail::CompiledPack> pack_;
};

class RulePackError : public std::exception {
 public:
  explicit RulePackError(std::vector<RuleError> errors);
  const char* what() const noexcept override { return message_.c_str(); }
  const std::vector<RuleError>& errors() const { return errors_; }

 private:
  std::vector<RuleError> errors_;
  std::string message_;
};

}  // namespace zhibiao
