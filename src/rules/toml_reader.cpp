#include "rules/toml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace zhibiao::detail {

SourceLocation TomlReader::where(const toml::node& node) const {
  const auto& src = node.source();
  return {file_, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column)};
}

void TomlReader::error(const toml::node& node, const std::string& message, const std::string& rule) const {
  auto w = where(node);
  errors_.push_back({file_, w.line, w.column, rule, message});
}

void TomlReader::check_keys(const toml::table& table, const std::vector<std::string_view>& allowed,
                            const std::string& what, const std::string& rule) const {
  for (const auto& [key, value] : table) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      error(value, fmt::format("unknown key '{}' in {} (known: {})", key.str(), what, fmt::join(allowed, ", ")), rule);
    }
  }
}

std::optional<std::string> TomlReader::string(const toml::table& t, std::string_view key, bool required,
                                              const std::string& rule) const {
  const toml::node* node = t.get(key);
  if (!node) {
    if (required) error(t, fmt::format("missing required key '{}'", key), rule);
    return std::nullopt;
  }
  if (auto s = node->value<std::string>(); s && node->is_string()) return *s;
  error(*node, fmt::format("'{}' must be a string", key), rule);
  return std::nullopt;
}

std::optional<std::int64_t> TomlReader::integer(const toml::table& t, std::string_view key, bool required,
                                                const std::string& rule) const {
  const toml::node* node = t.get(key);
  if (!node) {
    if (required) error(t, fmt::format("missing required key '{}'", key), rule);
    return std::nullopt;
  }
  if (node->is_integer()) return node->value<std::int64_t>();
  error(*node, fmt::format("'{}' must be an integer", key), rule);
  return std::nullopt;
}

std::optional<bool> TomlReader::boolean(const toml::table& t, std::string_view key) const {
  const toml::node* node = t.get(key);
  if (!node) return std::nullopt;
  if (node->is_boolean()) return node->value<bool>();
  error(*node, fmt::format("'{}' must be true or false", key));
  return std::nullopt;
}

std::optional<std::vector<std::string>> TomlReader::strings(const toml::table& t, std::string_view key,
                                                            bool required, const std::string& rule) const {
  const toml::node* node = t.get(key);
  if (!node) {
    if (required) error(t, fmt::format("missing required key '{}'", key), rule);
    return std::nullopt;
  }
  const toml::array* arr = node->as_array();
  if (!arr) {
    error(*node, fmt::format("'{}' must be an array of strings", key), rule);
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : *arr) {
    if (!item.is_string()) {
      error(item, fmt::format("'{}' must hold only strings", key), rule);
      return std::nullopt;
    }
    out.push_back(*item.value<std::string>());
  }
  return out;
}

std::optional<std::map<std::string, std::string>> TomlReader::string_map(const toml::table& t,
                                                                          std::string_view key) const {
  const toml::table* sub = table(t, key);
  if (!sub) return std::nullopt;
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : *sub) {
    if (!v.is_string()) {
      error(v, fmt::format("'{}.{}' must be a string", key, k.str()));
      continue;
    }
    out[std::string(k.str())] = *v.value<std::string>();
  }
  return out;
}

const toml::table* TomlReader::table(const toml::table& t, std::string_view key) const {
  const toml::node* node = t.get(key);
  if (!node) return nullptr;
  if (const toml::table* sub = node->as_table()) return sub;
  error(*node, fmt::format("'{}' must be a table", key));
  return nullptr;
}

const toml::array* TomlReader::array_of_tables(const toml::table& t, std::string_view key) const {
  const toml::node* node = t.get(key);
  if (!node) return nullptr;
  const toml::array* arr = node->as_array();
  if (!arr || !arr->is_array_of_tables()) {
    error(*node, fmt::format("'{0}' must be an array of tables ([[{0}]])", key));
    return nullptr;
  }
  return arr;
}

}  // namespace zhibiao::detail
