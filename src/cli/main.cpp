// extract: the command-line front end. Reads documents, writes facts or
// quantities as CSV or JSON Lines, or runs the rule pack's own tests.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

#include "cli/options.hpp"
#include "io/document_reader.hpp"
#include "io/record_writer.hpp"
#include "zhibiao/zhibiao.hpp"

namespace {

using namespace zhibiao;
namespace fs = std::filesystem;

constexpr int kBadInput = 1;
constexpr int kRuleError = 2;

int run_rule_tests(const std::string& dir) {
  RulePack pack = RulePack::load(dir.empty() ? RulePack::default_directory() : fs::path(dir));
  RuleTestReport report = zhibiao::run_rule_tests(pack);
  for (const auto& f : report.failures) std::cerr << f.to_string() << '\n';
  int failed = static_cast<int>(report.failures.size());
  std::cout << fmt::format("rule tests: {} passed, {} failed\n", report.cases - failed, failed);
  return failed == 0 ? 0 : kRuleError;
}

// Output goes to a temporary file beside the target, renamed into place only
// when everything was written, so a failed run never leaves half a file.
class Output {
 public:
  explicit Output(const std::string& path) : path_(path) {
    if (path_.empty()) return;
    temp_ = path_ + fmt::format(".tmp.{}", ::getpid());
    file_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!file_) throw std::runtime_error("cannot write " + path_);
  }
  ~Output() {
    if (!temp_.empty() && !committed_) std::remove(temp_.c_str());
  }
  std::ostream& stream() { return path_.empty() ? std::cout : file_; }
  void commit() {
    stream().flush();
    if (path_.empty()) {
      if (!std::cout) throw std::runtime_error("error writing standard output");
      return;
    }
    file_.close();
    if (!file_ || std::rename(temp_.c_str(), path_.c_str()) != 0) throw std::runtime_error("cannot write " + path_);
    committed_ = true;
  }

 private:
  std::string path_, temp_;
  std::ofstream file_;
  bool committed_ = false;
};

int run(const cli::Options& options) {
  RulePack pack = RulePack::load(options.rules.empty() ? RulePack::default_directory() : fs::path(options.rules));
  Extractor extractor(pack);
  Output output(options.output);
  auto writer = options.format == "jsonl" ? io::make_jsonl_writer(output.stream()) : io::make_csv_writer(output.stream());
  writer->header(options.quantities ? io::quantity_columns() : io::fact_columns());

  int status = 0;
  auto on_error = [&](const io::InputError& e) {
    std::cerr << "extract: " << e.where << ": " << e.message << '\n';
    status = kBadInput;
  };
  auto on_document = [&](Document&& doc) {
    if (doc.date.empty()) doc.date = options.date;
    std::vector<Warning> warnings;
    if (options.quantities) {
      for (const auto& q : extractor.quantities(doc, &warnings)) writer->record(io::quantity_fields(doc.id, q));
    } else {
      for (const auto& f : extractor.facts(doc, &warnings)) writer->record(io::fact_fields(doc.id, f));
    }
    for (const auto& w : warnings) std::cerr << "extract: " << doc.id << ": " << w.message << '\n';
  };
  auto format = options.input_format == "text"    ? io::InputFormat::text
                : options.input_format == "jsonl" ? io::InputFormat::jsonl
                                                  : io::InputFormat::automatic;

  std::vector<std::string> inputs = options.inputs.empty() ? std::vector<std::string>{"-"} : options.inputs;
  for (const auto& path : inputs) {
    if (path == "-") {
      io::read_documents(std::cin, "-", format, on_document, on_error);
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      on_error({path, "is a directory"});
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      on_error({path, "cannot open: " + std::string(std::strerror(errno))});
      continue;
    }
    io::read_documents(in, path, format, on_document, on_error);
  }
  output.commit();
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  cli::Options options;
  if (auto stop = cli::parse_options(argc, argv, options)) return *stop;
  try {
    if (options.test_rules) return run_rule_tests(options.test_rules->empty() ? options.rules : *options.test_rules);
    return run(options);
  } catch (const RulePackError& e) {
    std::cerr << "extract: rule pack error:\n" << e.what() << '\n';
    return kRuleError;
  } catch (const std::exception& e) {
    std::cerr << "extract: " << e.what() << '\n';
    return kRuleError;
  }
}
