// Typed reads from toml++ tables that report problems as RuleErrors with the
// file, line and column of the offending value, and never throw.
#pragma once

#include <toml++/toml.h>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/compiled_pack.hpp"
#include "zhibiao/rule_pack.hpp"

namespace zhibiao::detail {

class TomlReader {
 public:
  TomlReader(std::string file, std::vector<RuleError>& errors) : file_(std::move(file)), errors_(errors) {}

  const std::string& file() const { return file_; }
  SourceLocation where(const toml::node& node) const;
  void error(const toml::node& node, const std::string& message, const std::string& rule = "") const;

  // Reports every key of `table` that is not in `allowed`.
  void check_keys(const toml::table& table, const std::vector<std::string_view>& allowed,
                  const std::string& what, const std::string& rule = "") const;

  // Each returns nullopt (and reports) when the key is present with the
  // wrong type; nullopt silently when absent and not required.
  std::optional<std::string> string(const toml::table& t, std::string_view key, bool required,
                                    const std::string& rule = "") const;
  std::optional<std::int64_t> integer(const toml::table& t, std::string_view key, bool required,
                                      const std::string& rule = "") const;
  std::optional<bool> boolean(const toml::table& t, std::string_view key) const;
  // An array of strings.
  std::optional<std::vector<std::string>> strings(const toml::table& t, std::string_view key,
                                                  bool required, const std::string& rule = "") const;
  // A table of string keys to strings.
  std::optional<std::map<std::string, std::string>> string_map(const toml::table& t, std::string_view key) const;
  // Reports when present but not a table / array of tables.
  const toml::table* table(const toml::table& t, std::string_view key) const;
  const toml::array* array_of_tables(const toml::table& t, std::string_view key) const;

 private:
  std::string file_;
  std::vector<RuleError>& errors_;
};

}  // namespace zhibiao::detail
