// Regressions for bugs the robustness work (issue 5) found in src/: each
// case names the input, what happened, and where. Inputs that a fuzz target
// found are also in tests/fuzz/regressions/.
#define BOOST_TEST_MODULE found_bugs
#include <boost/test/unit_test.hpp>

#include "bundled_pack.hpp"

#include "resolve/number_parser.hpp"
#include "rules/compiled_pack.hpp"
#include "text/normalizer.hpp"
#include "text/utf8.hpp"
#include "zhibiao/zhibiao.hpp"

using namespace zhibiao;

namespace {
const RulePack& pack() { return testing::bundled_pack(); }
}  // namespace

// src/core/decimal.cpp, Decimal::parse: `m = m * 10 + digit` is checked with
// fits() only after the multiplication, so the 39th digit overflows the
// signed 128-bit mantissa (undefined behaviour; UBSan: "signed integer
// overflow ... * 10 cannot be represented in type '__int128'"). In practice
// it wraps: 40 nines read as -20847100762815390390123822295304634369.
BOOST_AUTO_TEST_CASE(decimal_parse_of_long_numbers_declines_instead_of_wrapping) {
  for (std::size_t n = 38; n <= 120; ++n) {
    for (char d : {'9', '5', '1'}) {
      std::string digits(n, d);
      auto v = Decimal::parse(digits);
      if (n <= 38) {
        BOOST_TEST_REQUIRE(v.has_value());
        BOOST_TEST(v->to_string() == digits);
      } else {
        BOOST_TEST(!v.has_value(), n << " x '" << d << "' read as " << v->to_string());
      }
      auto frac = Decimal::parse("0." + digits);
      if (frac) BOOST_TEST(frac->to_string() == "0." + digits);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_forty_digit_figure_is_no_negative_money) {
  Extractor ex(pack());
  std::string text = "税收收入" + std::string(40, '9') + "元。";
  for (const Quantity& q : ex.quantities({"d", text, "", ""}))
    BOOST_TEST(!q.value.is_negative(), "read as " << q.value.to_string());
  for (const Fact& f : ex.facts({"d", text, "2023-07-12", ""}))
    BOOST_TEST(!f.value.is_negative(), "read as " << f.value.to_string());
  auto n = resolve::parse_number(std::string(40, '9'), pack().compiled().numbers);
  BOOST_TEST(!n.has_value(), "read as " << n->value.to_string());
}

// src/text/normalizer.cpp, normalize(): a run of spaces between two Latin
// words is kept as one ' ' mapped to [pending_space, pending_space + 1),
// i.e. one byte, whatever the space was. A multi-byte space (U+00A0 NBSP,
// 2 bytes; U+3000 ideographic space, 3 bytes) maps to its first byte only:
// an original offset in the middle of a character. Found by fuzz_normalizer
// (tests/fuzz/regressions/normalizer/).
BOOST_AUTO_TEST_CASE(a_multibyte_space_between_latin_words_maps_to_whole_characters) {
  for (std::string space : {std::string("\xC2\xA0"), std::string("\xE3\x80\x80"), std::string(" \xC2\xA0"),
                            std::string("\xC2\xA0 ")}) {
    std::string original = "high" + space + "tech";
    auto n = text::normalize(original, *pack().compiled().fold);
    BOOST_TEST_REQUIRE(n.text == "high tech");
    Span s = n.to_original(4, 5);
    BOOST_TEST(s.begin == 4u);
    BOOST_TEST(s.end == 4 + space.size(), "the space maps to [" << s.begin << "," << s.end << ")");
    Span whole = n.to_original(0, n.text.size());
    BOOST_TEST(whole.end == original.size());
  }
}
