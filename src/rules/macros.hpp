// Macro expansion for rule patterns.
//
// A pattern may refer to a macro as {name} (a letter first, then letters,
// digits, _); RE2's own repetition braces {2,5} start with a digit and are
// left alone. Each expansion is wrapped in (?:...) so a macro behaves as one
// unit. Expansion is recursive; a macro that reaches itself is an error, as
// is a name with no definition, and so is an expansion longer than
// kMaxExpansion bytes (macros that double each other grow exponentially,
// and RE2 could not compile such a pattern anyway).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace zhibiao::detail {

struct MacroExpansion {
  std::string pattern;
  std::string error;  // empty on success
};

class MacroTable {
 public:
  static constexpr std::size_t kMaxExpansion = 4 << 20;

  void define(const std::string& name, const std::string& body) {
    bodies_[name] = body;
    expanded_.clear();
  }
  bool defined(const std::string& name) const { return bodies_.count(name) != 0; }
  // `locals` shadow the table (an indicator's {NAME}).
  MacroExpansion expand(const std::string& pattern,
                        const std::map<std::string, std::string>& locals = {}) const;

 private:
  // A macro's full expansion, kept for the next pattern that uses it (the
  // number grammar is in every rule), with every name it looked up on the
  // way: it holds only while no local shadows one of them.
  struct Expanded {
    std::string pattern;
    std::vector<std::string> names;
  };
  bool expand_into(const std::string& pattern, const std::map<std::string, std::string>& locals,
                   std::vector<std::string>& stack, std::vector<std::string>& looked_up, std::string& out,
                   std::string& error) const;
  std::map<std::string, std::string> bodies_;
  mutable std::map<std::string, Expanded> expanded_;  // by macro name; not thread-safe, as the loader is not
};

// The words in the order an alternation of them prefers: longest first (so
// 规模以上工业增加值 wins over 工业增加值 at the same place), without
// duplicates or empty words.
std::vector<std::string> alternation_order(std::vector<std::string> words);
// A regex alternation matching any of `words` literally, in that order
// (a class when every word is one letter, digit or non-ASCII character).
std::string alternation_of(std::vector<std::string> words);

}  // namespace zhibiao::detail
