// The extract command's options, parsed with CLI11.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace zhibiao::cli {

struct Options {
  std::vector<std::string> inputs;  // empty or "-" = standard input
  std::string output;               // empty = standard output
  std::string format = "csv";       // csv | jsonl
  std::string input_format = "auto";
  std::string rules;                // empty = the bundled pack
  std::string date;
  bool quantities = false;
  std::optional<std::string> test_rules;  // set (maybe empty) when --test-rules is given
  unsigned jobs = 1;
  bool quiet = false;
  bool excel = false;                // CSV with a byte order mark, for Excel
  std::vector<std::string> columns;  // empty = all, in the spec's order
  bool no_header = false;            // CSV without its header line (for parts of a split run)
};

// Exit status for usage errors.
constexpr int kUsageError = 2;

// Parses argv. Returns an exit status when the program should stop now
// (--help, --version, a usage error), after printing what CLI11 prints.
std::optional<int> parse_options(int argc, char** argv, Options& options);

}  // namespace zhibiao::cli
