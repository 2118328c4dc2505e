// Issue 5, inputs: hostile documents through the library. No crash, no
// hang; bad bytes are reported with their offset and read as U+FFFD; the
// facts around them are still found, and their offsets point at the
// original bytes.
#define BOOST_TEST_MODULE hostile_documents
#include <boost/test/unit_test.hpp>

#include "bundled_pack.hpp"

#include <random>

#include "resolve/number_parser.hpp"
#include "robustness_common.hpp"
#include "rules/compiled_pack.hpp"
#include "zhibiao/zhibiao.hpp"

using namespace zhibiao;
using robustness::repeat;
using robustness::seconds_of;
using robustness::time_factor;

namespace {

const RulePack& pack() { return testing::bundled_pack(); }
const Extractor& extractor() {
  static Extractor e(pack());
  return e;
}

const std::string kFact = "上半年实现税收收入8.6亿元。";  // one tax_revenue level fact
const std::string kFactText = "税收收入8.6亿元";

// Every fact's and quantity's span is inside the document, non-empty, and
// its text is the original bytes there.
void check_offsets(const Document& doc) {
  for (const Fact& f : extractor().facts(doc)) {
    BOOST_TEST_REQUIRE(f.span.begin < f.span.end);
    BOOST_TEST_REQUIRE(f.span.end <= doc.text.size());
    BOOST_TEST(doc.text.substr(f.span.begin, f.span.end - f.span.begin) == f.text);
  }
  for (const Quantity& q : extractor().quantities(doc)) {
    BOOST_TEST_REQUIRE(q.span.begin < q.span.end);
    BOOST_TEST_REQUIRE(q.span.end <= doc.text.size());
    BOOST_TEST(doc.text.substr(q.span.begin, q.span.end - q.span.begin) == q.text);
  }
}

// The tax_revenue facts of `text`, with the warnings.
std::vector<Fact> tax_facts(const std::string& text, std::vector<Warning>* warnings = nullptr) {
  std::vector<Fact> out;
  for (Fact& f : extractor().facts({"d", text, "2023-07-12", ""}, warnings))
    if (f.indicator == "tax_revenue") out.push_back(std::move(f));
  return out;
}

struct BadBytes {
  const char* kind;
  std::string bytes;
};

const std::vector<BadBytes>& bad_byte_kinds() {
  static const std::vector<BadBytes> kinds = {
      {"truncated 2-byte", "\xC3"},
      {"truncated 3-byte", "\xE4\xBD"},
      {"truncated 4-byte", "\xF0\x9F\x98"},
      {"overlong slash (2 bytes)", "\xC0\xAF"},
      {"overlong NUL", "\xC0\x80"},
      {"overlong 3-byte", "\xE0\x80\xAF"},
      {"overlong 4-byte", "\xF0\x80\x80\xAF"},
      {"high surrogate", "\xED\xA0\x80"},
      {"low surrogate", "\xED\xBF\xBF"},
      {"surrogate pair (CESU-8)", "\xED\xA0\xBD\xED\xB8\x80"},
      {"beyond U+10FFFF", "\xF4\x90\x80\x80"},
      {"5-byte form", "\xF8\x88\x80\x80\x80"},
      {"stray continuation", "\x80"},
      {"stray continuations", "\x80\xBF\x80"},
      {"0xFE 0xFF", "\xFE\xFF"},
      {"lead byte then ASCII", "\xE4" "a"},
  };
  return kinds;
}

}  // namespace

BOOST_AUTO_TEST_CASE(invalid_utf8_of_every_kind_is_reported_and_skipped) {
  for (const auto& bad : bad_byte_kinds()) {
    BOOST_TEST_CONTEXT(bad.kind) {
      // Bad bytes before, between and after two facts.
      std::string text = bad.bytes + kFact + bad.bytes + kFact + bad.bytes;
      std::vector<Warning> warnings;
      auto facts = tax_facts(text, &warnings);
      BOOST_TEST(facts.size() == 2u);
      std::size_t second = bad.bytes.size() + kFact.size() + bad.bytes.size();
      for (const auto& f : facts) BOOST_TEST(f.text == kFactText);
      if (facts.size() == 2) {
        BOOST_TEST(facts[0].span.begin == bad.bytes.size() + kFact.find(kFactText));
        BOOST_TEST(facts[1].span.begin == second + kFact.find(kFactText));
      }
      // Reported at each of the three places, by byte offset.
      BOOST_TEST_REQUIRE(!warnings.empty());
      std::vector<std::size_t> expected_at = {0, bad.bytes.size() + kFact.size(), second + kFact.size()};
      for (std::size_t at : expected_at) {
        bool found = false;
        for (const auto& w : warnings) found = found || w.offset == at;
        BOOST_TEST(found, "a warning at byte " << at);
      }
      for (const auto& w : warnings) {
        BOOST_TEST(w.offset < text.size());
        BOOST_TEST(w.message.find(std::to_string(w.offset)) != std::string::npos);
      }
      check_offsets({"d", text, "2023-07-12", ""});
    }
  }
}

BOOST_AUTO_TEST_CASE(invalid_bytes_inside_a_figure_do_not_move_offsets) {
  // A broken character right inside the name: the fact may or may not be
  // found, but whatever is found maps back exactly.
  std::string text = "上半年实现税收\xE6\x94收入8.6亿元。" + kFact;
  check_offsets({"d", text, "2023-07-12", ""});
  auto facts = tax_facts(text);
  BOOST_TEST(!facts.empty());
  BOOST_TEST(facts.back().span.begin == text.size() - kFact.size() + kFact.find(kFactText));
}

BOOST_AUTO_TEST_CASE(nul_bytes) {
  std::string text = std::string("\0\0", 2) + kFact + std::string("\0", 1) + kFact + std::string("\0", 1);
  auto facts = tax_facts(text);
  BOOST_TEST(facts.size() == 2u);
  for (const auto& f : facts) BOOST_TEST(f.text == kFactText);
  check_offsets({"d", text, "2023-07-12", ""});
}

BOOST_AUTO_TEST_CASE(empty_and_blank_documents) {
  for (std::string text : {std::string(), std::string("\n"), std::string("\r\n\r\n"), std::string("   \t "),
                           std::string("\xEF\xBB\xBF"), std::string("。。。"), std::string("\0", 1)}) {
    std::vector<Warning> warnings;
    BOOST_TEST(extractor().facts({"d", text, "2023-07-12", ""}, &warnings).empty());
    BOOST_TEST(extractor().quantities({"d", text, "", ""}).empty());
    BOOST_TEST(warnings.empty());
  }
}

BOOST_AUTO_TEST_CASE(a_bom_is_not_text_and_offsets_count_it) {
  std::string text = "\xEF\xBB\xBF" + kFact;
  std::vector<Warning> warnings;
  auto facts = tax_facts(text, &warnings);
  BOOST_TEST_REQUIRE(facts.size() == 1u);
  BOOST_TEST(facts[0].span.begin == 3 + kFact.find(kFactText));
  BOOST_TEST(warnings.empty());
  // A BOM elsewhere (U+FEFF as a zero-width no-break space) is no error either.
  check_offsets({"d", kFact + "\xEF\xBB\xBF" + kFact, "2023-07-12", ""});
}

BOOST_AUTO_TEST_CASE(crlf_and_lone_cr_line_ends) {
  std::string doc = "日期:2023-07-12\r\n上半年实现税收收入8.6亿元。\r固定资产投资增长8%。\r\n\r\n全年计划税收收入20亿元。\r";
  auto facts = extractor().facts({"d", doc, "", ""});
  BOOST_TEST(facts.size() == 3u);
  for (const auto& f : facts) BOOST_TEST(f.text.find('\r') == std::string::npos);
  check_offsets({"d", doc, "", ""});
  // The date line is read through a CRLF.
  if (!facts.empty()) BOOST_TEST(facts[0].period.has_value());
}

BOOST_AUTO_TEST_CASE(binary_data) {
  std::mt19937 rng(20230712);
  for (std::size_t size : {1u << 10, 1u << 16, 1u << 20}) {
    std::string bytes(size, '\0');
    for (auto& c : bytes) c = static_cast<char>(rng() & 0xFF);
    // Random bytes, and random bytes with facts spliced in.
    check_offsets({"bin", bytes, "2023-07-12", ""});
    std::string spliced = bytes.substr(0, size / 2) + kFact + bytes.substr(size / 2);
    check_offsets({"bin", spliced, "2023-07-12", ""});
  }
}

BOOST_AUTO_TEST_CASE(ten_megabytes_of_one_character_finish_in_bounded_time) {
  // Each of these once risked quadratic scanning: 亿 is a unit that extends
  // any number, % a unit with no number, 一 a numeral that extends itself.
  for (const char* ch : {"亿", "%", "一", "9", "万亿", "约", "增长", "1.", "，"}) {
    std::string text = repeat(ch, 10u << 20);
    BOOST_TEST_CONTEXT("10 MB of " << ch) {
      double s = seconds_of([&] {
        (void)extractor().facts({"d", text, "2023-07-12", ""});
        (void)extractor().quantities({"d", text, "", ""});
      });
      BOOST_TEST_MESSAGE("10 MB of " << ch << ": " << s << " s");
      BOOST_TEST(s < 60 * time_factor());
    }
  }
}

BOOST_AUTO_TEST_CASE(extraction_is_linear_in_the_number_of_facts) {
  // A long document dense with facts. Making it four times as long must cost
  // about x4, not x16: a quadratic pass over matches or facts shows here
  // long before it shows as a hang on a 200 MB input. Generous: x8, and
  // inputs that finish in under a second in all pass.
  const std::string sentence = "上半年实现税收收入8.6亿元，增长12.5%，固定资产投资完成193.2亿元。";
  std::string small = repeat(sentence, 512u << 10);
  std::string large = repeat(sentence, 2u << 20);
  double t_small = seconds_of([&] { (void)extractor().facts({"d", small, "2023-07-12", ""}); });
  double t_large = seconds_of([&] { (void)extractor().facts({"d", large, "2023-07-12", ""}); });
  BOOST_TEST_MESSAGE("facts: 512 KB " << t_small << " s, 2 MB " << t_large << " s");
  BOOST_TEST((t_large < 1.0 * time_factor() || t_large < 8 * t_small),
             "2 MB took " << t_large << " s, 512 KB " << t_small << " s: super-linear");
  BOOST_TEST(t_large < 10 * time_factor());
}

BOOST_AUTO_TEST_CASE(numbers_with_500_digits) {
  std::string nines(500, '9');
  std::string ones = "1" + std::string(499, '0');
  std::string frac = "0." + std::string(499, '0') + "1";
  for (const std::string& n : {nines, ones, frac, nines + "." + nines, std::string(500, '0') + "1"}) {
    BOOST_TEST_CONTEXT(n.substr(0, 12) << "... (" << n.size() << " chars)") {
      // The parser either reads it exactly or declines; it never rounds.
      auto parsed = resolve::parse_number(n, pack().compiled().numbers);
      if (parsed) {
        auto exact = Decimal::parse(n);
        BOOST_TEST((exact && *exact == parsed->value), "read as " << parsed->value.to_string());
      }
      std::string text = "全区实现税收收入" + n + "亿元，同比增长" + n + "%。" + kFact;
      // A figure too large for a Decimal is no fact, and it does not hide
      // the next one.
      auto facts = tax_facts(text);
      BOOST_TEST(!facts.empty());
      BOOST_TEST(facts.back().text == kFactText);
      for (const auto& f : facts) {
        if (f.text == kFactText) continue;
        auto stated = Decimal::parse(n);
        BOOST_TEST(stated.has_value());  // only a representable figure may come out
      }
      check_offsets({"d", text, "2023-07-12", ""});
    }
  }
  // 500 Chinese numerals.
  std::string chinese;
  for (int i = 0; i < 500; ++i) chinese += "九";
  check_offsets({"d", "税收收入" + chinese + "亿元。" + kFact, "2023-07-12", ""});
  BOOST_TEST(resolve::parse_number(chinese, pack().compiled().numbers).has_value() == false);
}

BOOST_AUTO_TEST_CASE(hostile_titles_and_dates) {
  std::string bad = "\xC0\xAF\xED\xA0\x80\x80";
  for (const std::string& date : {std::string(), std::string("2023-07-12"), std::string("0000-00-00"),
                                  std::string("9999-99-99"), std::string("2023-02-30"), bad}) {
    Document doc{"d", kFact + "今年计划税收收入20亿元。", date, bad + "2022年" + bad};
    check_offsets(doc);
  }
}
