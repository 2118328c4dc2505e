// Fuzz target: the rule-pack loader.
//
// The input is written as one more .toml file into a pack made of the
// bundled pack.toml, templates.toml and lexicons (no indicators: the input
// brings its own), and the pack is loaded. Invariants: loading either
// succeeds or throws RulePackError (never another exception, never a crash);
// every error names a file and a non-negative line and column. A pack that
// loads runs its own test cases and extracts from a sample text.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_common.hpp"
#include "zhibiao/zhibiao.hpp"

using namespace zhibiao;
namespace fs = std::filesystem;

namespace {

fs::path make_pack_dir() {
  fs::path dir = fs::temp_directory_path() / ("zhibiao-fuzz-pack-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path rules(ZHIBIAO_FUZZ_RULES);
  fs::copy(rules / "pack.toml", dir / "pack.toml");
  fs::copy(rules / "templates.toml", dir / "templates.toml");
  fs::copy(rules / "lexicon", dir / "lexicon", fs::copy_options::recursive);
  std::atexit([] {
    std::error_code ec;
    fs::remove_all(fs::temp_directory_path() / ("zhibiao-fuzz-pack-" + std::to_string(::getpid())), ec);
  });
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fs::path dir = make_pack_dir();
  {
    std::ofstream out(dir / "zz_fuzz.toml", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    RulePack pack = RulePack::load(dir);
    (void)run_rule_tests(pack);
    Extractor extractor(pack);
    (void)extractor.facts({"sample", "上半年全区实现地区生产总值193.2亿元，同比增长8.5%，占全市比重10%。", "2023-07-12", ""});
  } catch (const RulePackError& e) {
    ZHIBIAO_FUZZ_CHECK(!e.errors().empty(), "RulePackError with no errors");
    for (const RuleError& r : e.errors()) {
      ZHIBIAO_FUZZ_CHECK(!r.file.empty(), "error without a file: " + r.to_string());
      ZHIBIAO_FUZZ_CHECK(r.line >= 0 && r.column >= 0, "negative position: " + r.to_string());
      ZHIBIAO_FUZZ_CHECK(!r.message.empty(), "error without a message: " + r.to_string());
    }
  }
  // Any other exception escapes and libFuzzer reports it as a crash.
  return 0;
}
