// Fuzz target: the number parser (Arabic digits, Chinese numerals, mixes).
//
// The parser is fed the input as it is, and again folded by the normaliser
// as the matcher would hand it over. Invariants: no crash, no sanitizer
// report; a number read prints as a decimal that parses back to itself and
// reads no more characters than there are.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "resolve/number_parser.hpp"
#include "rules/compiled_pack.hpp"
#include "text/normalizer.hpp"

using namespace zhibiao;

namespace {

void parse(std::string_view s) {
  const auto& lexicon = fuzz::bundled_pack().compiled().numbers;
  if (auto n = resolve::parse_number(s, lexicon)) {
    std::string printed = n->value.to_string();
    auto back = Decimal::parse(printed);
    ZHIBIAO_FUZZ_CHECK(back && *back == n->value, "value " + printed);
    ZHIBIAO_FUZZ_CHECK(n->numeral_chars <= text::count_code_points(s), "numeral_chars beyond the input");
  }
  (void)resolve::parse_scale(s, lexicon);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  parse(raw);
  parse(text::normalize(raw, *fuzz::bundled_pack().compiled().fold).text);
  return 0;
}
