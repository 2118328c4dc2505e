// extract: the command-line front end. Reads documents, writes facts or
// quantities as CSV or JSON Lines, or runs the rule pack's own tests.
#include <fmt/format.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/malloc_tunables.hpp"
#include "cli/options.hpp"
#include "cli/output_file.hpp"
#include "cli/pipeline.hpp"
#include "cli/progress.hpp"
#include "io/document_reader.hpp"
#include "io/fd_read_buffer.hpp"
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

// The columns to write: all (in the spec's order) or those asked for.
std::vector<std::string_view> columns_to_write(const cli::Options& options) {
  std::vector<std::string_view> all = options.quantities ? io::quantity_columns() : io::fact_columns();
  if (options.columns.empty()) return all;
  std::vector<std::string_view> chosen;
  for (const auto& c : options.columns) {
    auto it = std::find(all.begin(), all.end(), c);
    if (it == all.end()) {
      throw std::invalid_argument(fmt::format("unknown column '{}' (known: {})", c, fmt::join(all, ",")));
    }
    chosen.push_back(*it);
  }
  return chosen;
}

// A document's records as its only part.
template <class Record>
std::vector<std::vector<Record>> one_part(std::vector<Record> records) {
  std::vector<std::vector<Record>> parts;
  parts.push_back(std::move(records));
  return parts;
}

io::Fields pick(const io::Fields& fields, const std::vector<std::string_view>& columns) {
  io::Fields out;
  for (auto c : columns)
    for (const auto& f : fields)
      if (f.first == c) out.push_back(f);
  return out;
}

int run(const cli::Options& options) {
  std::vector<std::string_view> columns;
  try {
    columns = columns_to_write(options);
  } catch (const std::invalid_argument& e) {
    std::cerr << "extract: " << e.what() << '\n';
    return cli::kUsageError;
  }
  // The pack is never freed: freeing hundreds of compiled patterns at exit
  // takes longer than extracting from a small document. A static pointer
  // keeps it reachable, so leak checkers do not count it.
  static const RulePack* retained_pack = nullptr;
  retained_pack =
      new RulePack(RulePack::load(options.rules.empty() ? RulePack::default_directory() : fs::path(options.rules)));
  const RulePack& pack = *retained_pack;
  Extractor extractor(pack);
  cli::OutputFile output(options.output);
  std::ostream& out = output.stream();
  if (options.excel && options.format == "csv") out << "\xEF\xBB\xBF";
  if (!options.no_header) {
    std::ostringstream header;
    auto writer = options.format == "jsonl" ? io::make_jsonl_writer(header) : io::make_csv_writer(header);
    writer->header(columns);
    out << header.str();
  }

  // The records of one document or of a few parts of one as text, with its
  // warnings. `facts_of` and `quantities_of` extract them, part by part
  // (a document read whole is one part). Runs on any thread.
  auto format_records = [&](const std::string& id, auto facts_of, auto quantities_of) {
    cli::Formatted result;
    std::ostringstream records;
    auto writer = options.format == "jsonl" ? io::make_jsonl_writer(records) : io::make_csv_writer(records);
    // Without --columns every field is written, in the order the records
    // hold them: no copy of the record is needed.
    auto write = [&](const io::Fields& fields) {
      if (options.columns.empty()) writer->record(fields);
      else writer->record(pick(fields, columns));
      ++result.record_count;
    };
    std::vector<Warning> warnings;
    if (options.quantities) {
      for (const auto& part : quantities_of(&warnings))
        for (const auto& q : part) write(io::quantity_fields(id, q));
    } else {
      for (const auto& part : facts_of(&warnings))
        for (const auto& f : part) write(io::fact_fields(id, f));
    }
    result.records = std::move(records).str();  // C++20: the buffer itself, not a copy
    for (const auto& w : warnings) result.diagnostics += "extract: " + id + ": " + w.message + "\n";
    return result;
  };
  auto format = [&](const Document& doc) {
    return format_records(
        doc.id, [&](std::vector<Warning>* w) { return one_part(extractor.facts(doc, w)); },
        [&](std::vector<Warning>* w) { return one_part(extractor.quantities(doc, w)); });
  };

  cli::Progress progress(!options.quiet && ::isatty(STDERR_FILENO));
  cli::Pipeline pipeline(options.jobs, format, out, std::cerr,
                         [&](std::size_t docs, std::size_t bytes, std::size_t records) { progress.add(docs, bytes, records); });

  int status = 0;
  auto on_error = [&](const io::InputError& e) {
    std::cerr << "extract: " << e.where << ": " << e.message << '\n';
    status = kBadInput;
  };
  auto on_document = [&](Document&& doc) {
    if (doc.date.empty()) doc.date = options.date;
    pipeline.add(std::move(doc));
  };
  // A text too long to read whole is extracted part by part as it is read,
  // with -j N up to N parts at a time (what carries from part to part is
  // then taken in order). The documents before it are written first, so
  // output keeps input order.
  std::unique_ptr<DocumentStream> long_document;
  auto write_ready_parts = [&] {
    DocumentStream& stream = *long_document;
    for (;;) {
      std::size_t before = stream.bytes_extracted();
      cli::Formatted parts = format_records(
          stream.header().id, [&](std::vector<Warning>* w) { return stream.ready_facts(options.jobs, w); },
          [&](std::vector<Warning>* w) { return stream.ready_quantities(options.jobs, w); });
      if (stream.bytes_extracted() == before) break;  // no part was ready
      pipeline.write(parts, stream.bytes_extracted() - before);
    }
  };
  // Blocks of the text as it is read. With one thread, a part's length:
  // DocumentStream appends each block to what it has not cut yet, and 1 MB
  // blocks held 3 MB between them and that buffer (73 MB of text dense
  // with figures peaked at 61,600-65,516 KB with -j 1, now 56,620-60,684 KB).
  // With helpers, 1 MB, five parts at a time: with one part a block a
  // helper waited for each part as it was read (100 MB of reports as one
  // text, -j 2: 0.895 s against 0.815 s, medians of 6 runs in turn;
  // bench/README.md, "The twenty-fifth session").
  constexpr std::size_t kBlockBytesForHelpers = 1 << 20;
  io::LongTextSink long_text{
      [&](Document&& header) {
        pipeline.finish();
        if (header.date.empty()) header.date = options.date;
        long_document = std::make_unique<DocumentStream>(extractor, std::move(header));
      },
      [&](std::string_view block) {
        long_document->add(block);
        write_ready_parts();
      },
      [&] {
        if (!long_document) return;
        long_document->close();
        write_ready_parts();
        pipeline.count_document();
        long_document.reset();
      }};
  if (options.jobs > 1) long_text.block_bytes = kBlockBytesForHelpers;
  auto input_format = options.input_format == "text"    ? io::InputFormat::text
                      : options.input_format == "jsonl" ? io::InputFormat::jsonl
                                                        : io::InputFormat::automatic;

  std::vector<std::string> inputs = options.inputs.empty() ? std::vector<std::string>{"-"} : options.inputs;
  for (const auto& path : inputs) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      on_error({path, "is a directory"});
      continue;
    }
    int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      on_error({path, "cannot open: " + std::string(std::strerror(errno))});
      continue;
    }
    io::FdReadBuffer buffer(fd, /*owns_fd=*/path != "-");
    std::istream in(&buffer);
    io::read_documents(in, path, input_format, on_document, on_error, &long_text);
    long_text.end();  // when a read error threw before the text's end
  }
  pipeline.finish();
  progress.finish();
  output.commit();
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  cli::Options options;
  if (auto stop = cli::parse_options(argc, argv, options)) return *stop;
  // After --help, --version and usage errors, which need no memory.
  cli::rerun_with_malloc_tunables(argv, options.jobs);
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
