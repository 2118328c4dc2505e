#include "cli/options.hpp"

#include <CLI/CLI.hpp>
#include <regex>

namespace zhibiao::cli {

std::optional<int> parse_options(int argc, char** argv, Options& o) {
  CLI::App app{
      "extract: pull economic indicators (GDP, investment, growth rates, tax, trade, ...) out of Chinese text\n"
      "as typed CSV records with exact values, units, qualifiers, modality, period and byte offsets.",
      "extract"};
  app.footer(
      "Inputs: a .txt file is one document (doc = its path); a .jsonl file is one document a line\n"
      "({\"id\", \"text\", optional \"date\", \"title\"}); no file or - reads standard input.\n\n"
      "Examples:\n"
      "  extract seeds/seed-article.txt\n"
      "  extract --date 2023-07-12 < article.txt > facts.csv\n"
      "  extract -j 2 news.jsonl -o facts.csv\n"
      "  extract --excel --columns doc,indicator,value,unit,period news.jsonl > facts.csv\n"
      "  extract --quantities --format jsonl report.txt\n"
      "  cat archive.jsonl | parallel --pipe -k extract --format jsonl > facts.jsonl\n"
      "  extract --test-rules rules/zh\n\n"
      "Exit status: 0 all went well; 1 some input was bad (the rest was processed);\n"
      "2 usage or rule-pack error.");
  app.set_version_flag("--version", std::string("extract (zhibiao) ") + ZHIBIAO_VERSION);
  app.add_option("files", o.inputs, "input files (.txt, .jsonl); none or - for standard input");
  app.add_option("-o,--output", o.output, "write to FILE instead of standard output");
  app.add_option("--format", o.format, "output format")->check(CLI::IsMember({"csv", "jsonl"}))->capture_default_str();
  app.add_option("--input-format", o.input_format, "how to read inputs (auto: by extension; stdin: by first byte)")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}))
      ->capture_default_str();
  app.add_option("--rules", o.rules, "rule pack directory (default: the pack that ships with extract)");
  app.add_option("--date", o.date, "publication date YYYY-MM-DD for inputs that carry none")
      ->check([](const std::string& d) {
        static const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
        return std::regex_match(d, iso) ? std::string() : std::string("--date must be YYYY-MM-DD");
      });
  app.add_flag("--quantities", o.quantities, "write every numeric mention (the quantity layer) instead of facts");
  app.add_option("-j,--jobs", o.jobs, "threads to extract with; output stays in input order")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  app.add_flag("-q,--quiet", o.quiet, "no progress line on stderr (shown only when stderr is a terminal)");
  app.add_flag("--excel", o.excel, "CSV with a byte order mark so Excel reads the Chinese text right");
  app.add_option("--columns", o.columns, "columns to write, comma-separated (default: all, in the spec's order)")
      ->delimiter(',')
      ->allow_extra_args(false);  // one comma-separated argument: files after it stay files
  app.add_flag("--no-header", o.no_header, "no CSV header line (for the parts of a run split with GNU parallel)");
  std::string test_dir;
  auto* test = app.add_option("--test-rules", test_dir,
                              "run every rule file's test cases (in DIR, else --rules, else the bundled pack)")
                   ->expected(0, 1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kUsageError;
  }
  if (test->count() > 0) o.test_rules = test_dir;
  return std::nullopt;
}

}  // namespace zhibiao::cli
