// Micro-benchmarks of the stages extract spends its time in. Throughput is
// reported in bytes of input per second (SetBytesProcessed).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "io/document_reader.hpp"
#include "match/quantity_finder.hpp"
#include "match/rule_matcher.hpp"
#include "resolve/number_parser.hpp"
#include "rules/compiled_pack.hpp"
#include "text/normalizer.hpp"
#include "text/segmenter.hpp"
#include "zhibiao/zhibiao.hpp"

namespace {

const zhibiao::RulePack& pack() {
  static zhibiao::RulePack p = zhibiao::RulePack::load(ZHIBIAO_BENCH_RULES);
  return p;
}

const std::string& seed() {
  static std::string text = [] {
    std::ifstream in(ZHIBIAO_BENCH_SEED, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }();
  return text;
}

void BM_LoadRulePack(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(zhibiao::RulePack::load(ZHIBIAO_BENCH_RULES));
}
// One load per repetition, eleven of them: a run's median, since single
// loads on a busy machine vary by a third.
BENCHMARK(BM_LoadRulePack)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(11)->ReportAggregatesOnly(true);

// The same with every pattern compiled, as loading did before patterns
// were compiled on first use: what a run that meets every rule pays.
void BM_LoadRulePackAndCompileAll(benchmark::State& state) {
  for (auto _ : state) zhibiao::RulePack::load(ZHIBIAO_BENCH_RULES).compile_all();
}
BENCHMARK(BM_LoadRulePackAndCompileAll)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(11)
    ->ReportAggregatesOnly(true);

void BM_Normalize(benchmark::State& state) {
  const auto& fold = *pack().compiled().fold;
  for (auto _ : state) benchmark::DoNotOptimize(zhibiao::text::normalize(seed(), fold));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * seed().size()));
}
BENCHMARK(BM_Normalize);

// The texts of the corpus of government work reports (bench/run.sh's
// input), one string each; empty when the corpus is not there.
const std::vector<std::string>& corpus_texts() {
  static std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    std::ifstream in(ZHIBIAO_BENCH_CORPUS, std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      zhibiao::Document doc;
      if (zhibiao::io::parse_jsonl_record(line, doc).empty()) out.push_back(std::move(doc.text));
    }
    return out;
  }();
  return texts;
}

// The normaliser on the corpus: the seed article above is news, denser in
// figures and pinyin than most text; this is what bench/run.sh reads.
void BM_NormalizeCorpus(benchmark::State& state) {
  const auto& fold = *pack().compiled().fold;
  if (corpus_texts().empty()) return state.SkipWithError("no corpus at " ZHIBIAO_BENCH_CORPUS);
  std::size_t bytes = 0;
  for (const auto& t : corpus_texts()) bytes += t.size();
  for (auto _ : state)
    for (const auto& t : corpus_texts()) benchmark::DoNotOptimize(zhibiao::text::normalize(t, fold));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_NormalizeCorpus)->Unit(benchmark::kMillisecond);

void BM_ParseNumbers(benchmark::State& state) {
  const auto& lex = pack().compiled().numbers;
  const std::vector<std::string> numbers = {"193.2亿", "一百二十二", "两千三百万", "1.2万亿", "十三点五七", "34,507", "一千亿一千万一千零一"};
  std::size_t bytes = 0;
  for (const auto& n : numbers) bytes += n.size();
  for (auto _ : state)
    for (const auto& n : numbers) benchmark::DoNotOptimize(zhibiao::resolve::parse_number(n, lex));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_ParseNumbers);

void BM_FindQuantities(benchmark::State& state) {
  const auto& cp = pack().compiled();
  auto folded = zhibiao::text::normalize(seed(), *cp.fold).text;
  for (auto _ : state) {
    zhibiao::match::QuantityScan scan(folded, cp);
    benchmark::DoNotOptimize(scan.all());  // reads every mention
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * seed().size()));
}
BENCHMARK(BM_FindQuantities);

// The one pass that finds where the quantity finder and its exclusions can
// match (match/match_windows.hpp), without the scans inside the windows.
void BM_QuantityWindows(benchmark::State& state) {
  const auto& cp = pack().compiled();
  auto folded = zhibiao::text::normalize(seed(), *cp.fold).text;
  for (auto _ : state) benchmark::DoNotOptimize(cp.quantity.windows.find(folded));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * seed().size()));
}
BENCHMARK(BM_QuantityWindows);

void BM_MatchRules(benchmark::State& state) {
  const auto& cp = pack().compiled();
  auto folded = zhibiao::text::normalize(seed(), *cp.fold).text;
  auto segments = zhibiao::text::segment(folded, cp.segments);
  zhibiao::match::QuantityScan quantities(folded, cp);
  quantities.all();  // every mention read first: this measures rule matching alone
  for (auto _ : state) benchmark::DoNotOptimize(zhibiao::match::match_rules(folded, segments, cp, quantities));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * seed().size()));
}
BENCHMARK(BM_MatchRules);

void BM_ExtractDocument(benchmark::State& state) {
  zhibiao::Extractor extractor(pack());
  zhibiao::Document doc{"seed", seed(), "2023-07-12", ""};
  for (auto _ : state) benchmark::DoNotOptimize(extractor.facts(doc));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * seed().size()));
}
BENCHMARK(BM_ExtractDocument);

}  // namespace

BENCHMARK_MAIN();
