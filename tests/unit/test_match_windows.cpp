#define BOOST_TEST_MODULE match_windows
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "bundled_pack.hpp"
#include "match/match_windows.hpp"
#include "match/pattern_chars.hpp"
#include "match/scan.hpp"
#include "text/normalizer.hpp"

using zhibiao::match::CharRanges;
using zhibiao::match::MatchWindows;
using zhibiao::match::read_pattern_chars;
using zhibiao::match::contains;

namespace {

CharRanges chars(std::u32string s) {
  CharRanges r;
  for (char32_t c : s) r.emplace_back(c, c);
  zhibiao::match::normalize(r);
  return r;
}

// The text of each window.
std::vector<std::string> texts_of(const std::string& text, const std::vector<zhibiao::text::Range>& windows) {
  std::vector<std::string> out;
  for (const auto& w : windows) out.push_back(text.substr(w.begin, w.end - w.begin));
  return out;
}

using Matches = std::vector<std::string>;  // each match as "begin:text"

auto recorder(Matches& out, std::string_view text) {
  return [&out, text](const zhibiao::match::Hit& h) {
    out.push_back(std::to_string(h.begin) + ":" + std::string(text.substr(h.begin, h.end - h.begin)));
  };
}

Matches scanned_whole(const RE2& re, std::string_view text) {
  Matches out;
  zhibiao::match::scan(re, text, recorder(out, text));
  return out;
}

Matches scanned_in_windows(const RE2& re, const std::optional<zhibiao::match::LeadChars>& lead, std::string_view text,
                           const std::vector<zhibiao::text::Range>& windows) {
  Matches out;
  zhibiao::match::scan_in_windows(re, lead, text, windows, recorder(out, text));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(reads_what_a_match_can_contain_and_what_it_needs) {
  auto p = read_pattern_chars("(?:约)?\\d+(?:亿|万)?元");
  BOOST_REQUIRE(p);
  BOOST_TEST((p->any == chars(U"约0123456789亿万元")));
  BOOST_TEST((p->first == chars(U"约0123456789")));
  BOOST_TEST(!p->nullable);
  BOOST_TEST(!p->has_assertion);
  // \d+ and 元 are both needed; 元 alone is the smaller promise.
  BOOST_REQUIRE(p->needed);
  BOOST_TEST((*p->needed == chars(U"元")));

  // A branch needs its own: together, what every match holds one of.
  auto alt = read_pattern_chars("(?:a|bc)d?");
  BOOST_REQUIRE(alt);
  BOOST_REQUIRE(alt->needed);
  BOOST_TEST((*alt->needed == chars(U"ab")));
  BOOST_TEST((alt->any == chars(U"abcd")));

  // What may be absent promises nothing.
  for (const char* absent : {"x*", "x?", "x{0,3}", "x*?", "(?:x|)", "^$"}) {
    auto q = read_pattern_chars(absent);
    BOOST_REQUIRE(q);
    BOOST_TEST(!q->needed, absent);
  }
  BOOST_TEST((*read_pattern_chars("x{2,3}")->needed == chars(U"x")));
  // A branch that needs nothing makes its alternation promise nothing.
  BOOST_TEST((*read_pattern_chars("(?:x|y?)z")->needed == chars(U"z")));
  BOOST_TEST((read_pattern_chars("[^,]")->any.size() == 2u));  // everything but ','
}

BOOST_AUTO_TEST_CASE(a_branch_needs_what_adds_least_to_the_other_branches) {
  // 上百 needs 上 or 百; the other branch needs the digits and 百 already,
  // so the alternation needs 百 for it rather than one more character.
  auto p = read_pattern_chars("[0-9百千]|[上数][百千万]");
  BOOST_REQUIRE(p && p->needed);
  BOOST_TEST((*p->needed == chars(U"0123456789百千万")));
  // With nothing to share, the smaller set still wins.
  auto q = read_pattern_chars("a|[xy][pqr]");
  BOOST_REQUIRE(q && q->needed);
  BOOST_TEST((*q->needed == chars(U"axy")));
  // Inside a group the choice is made against the group's own branches.
  auto g = read_pattern_chars("(?:7|[上数][78])元?");
  BOOST_REQUIRE(g && g->needed);
  BOOST_TEST((*g->needed == chars(U"78")));
}

BOOST_AUTO_TEST_CASE(reads_the_fewest_characters_a_match_holds) {
  BOOST_TEST(read_pattern_chars("\\d{4}年")->min_length == 5u);
  BOOST_TEST(read_pattern_chars("(?:约)?\\d+(?:亿|万)?元")->min_length == 2u);
  BOOST_TEST(read_pattern_chars("第\\d|1[3-9]\\d{9}")->min_length == 2u);  // the shorter branch
  BOOST_TEST(read_pattern_chars("(?:ab){2,3}c*")->min_length == 4u);
  BOOST_TEST(read_pattern_chars("x?")->min_length == 0u);
}

BOOST_AUTO_TEST_CASE(notes_assertions_and_gives_up_on_syntax_it_does_not_read) {
  BOOST_TEST(read_pattern_chars("^\\d+")->has_assertion);
  BOOST_TEST(read_pattern_chars("\\d+\\b")->has_assertion);
  // Multi-line mode changes only what ^ and $ assert.
  auto line_start = read_pattern_chars("(?:(?m:^)|[,;])\\d年");
  BOOST_REQUIRE(line_start);
  BOOST_TEST(line_start->has_assertion);
  BOOST_TEST((line_start->first == CharRanges{{',', ','}, {'0', '9'}, {';', ';'}}));
  BOOST_TEST(!read_pattern_chars("(?i)x"));
  BOOST_TEST(!read_pattern_chars("(?s:.)"));
  BOOST_TEST(!read_pattern_chars("[^\\P{Han}个]"));  // Unicode classes only when asked for
}

BOOST_AUTO_TEST_CASE(reads_unicode_classes_with_icu_when_asked) {
  using zhibiao::match::CharsToRead;
  using zhibiao::match::UnicodeClasses;
  auto read = [](const char* pattern) {
    return read_pattern_chars(pattern, CharsToRead::everything, UnicodeClasses::from_icu);
  };
  auto han_but = read("[^\\P{Han}个]{2}园区");
  BOOST_REQUIRE(han_but);
  for (char32_t c : {U'苏', U'州', U'园'}) BOOST_TEST(contains(han_but->any, c));
  for (char32_t c : {U'个', U'。', U'a', U'1'}) BOOST_TEST(!contains(han_but->any, c));
  auto han = read("\\p{Han}");
  BOOST_REQUIRE(han);
  BOOST_TEST(contains(han->any, U'个'));
  BOOST_TEST((read("\\p{^Han}")->any == read("\\P{Han}")->any));
  auto digits = read("\\pN");
  BOOST_REQUIRE(digits);
  for (char32_t c : {U'5', U'٣', U'Ⅻ'}) BOOST_TEST(contains(digits->any, c));
  BOOST_TEST(!contains(digits->any, U'a'));
  BOOST_TEST(!read("\\p{NoSuchClass}"));
  BOOST_TEST(!read("\\p{Han"));
  BOOST_TEST(!read_pattern_chars("\\pN"));
  BOOST_TEST(!read_pattern_chars("x{,3}"));  // literal text to RE2
  BOOST_TEST(!read_pattern_chars("(x"));
}

BOOST_AUTO_TEST_CASE(a_window_is_a_run_of_possible_characters_holding_a_needed_one) {
  MatchWindows windows;
  auto slot = windows.add("\\d+(?:亿|万)?元");
  BOOST_REQUIRE(slot);
  std::string text = "投资12亿元，建设3万元和元，亿万";
  auto spans = texts_of(text, windows.find(text)[*slot]);
  // 元 alone is shorter than any match; 亿万 holds no 元.
  BOOST_TEST(spans == (std::vector<std::string>{"12亿元", "3万元"}), boost::test_tools::per_element());

  // A run too short for any match is no window: 年 alone is no year.
  auto years = windows.add("\\d+年");
  BOOST_REQUIRE(years);
  std::string dates = "年 5年 年年";
  BOOST_TEST(texts_of(dates, windows.find(dates)[*years]) == (std::vector<std::string>{"5年", "年年"}),
             boost::test_tools::per_element());

  // No windows for patterns that look around a match or can be empty.
  BOOST_TEST(!windows.add("^\\d+"));
  BOOST_TEST(!windows.add("\\d*"));
  BOOST_TEST(!windows.add("(?i)x\\d"));
}

// Characters beyond the BMP are looked up apart from the others: needed
// or not, possible or not, they must count as the pattern says.
BOOST_AUTO_TEST_CASE(characters_beyond_the_bmp_count_like_any_other) {
  MatchWindows windows;
  auto slot = windows.add("[\\x{20000}-\\x{20010}a]*\\x{20001}");  // 𠀁 needed; 𠀀 and a possible
  BOOST_REQUIRE(slot);
  std::string text = "x𠀀a𠀁y𠀂𠀁😀a";
  auto spans = texts_of(text, windows.find(text)[*slot]);
  // 😀 is beyond the BMP too, but cannot be in a match: it ends the run.
  BOOST_TEST(spans == (std::vector<std::string>{"𠀀a𠀁", "𠀂𠀁"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_pattern_no_windows) {
  MatchWindows none;
  BOOST_TEST(none.find("12亿元").empty());
  BOOST_TEST(!none.add("^x"));
  BOOST_TEST(none.find("12亿元").empty());  // still none after a pattern it could not take
}

BOOST_AUTO_TEST_CASE(windows_of_several_patterns_are_found_in_one_pass) {
  MatchWindows windows;
  auto digits = windows.add("\\d+");
  auto words = windows.add("[a-z]+!");
  BOOST_REQUIRE(digits);
  BOOST_REQUIRE(words);
  std::string text = "ab12cd! 7 x";
  auto found = windows.find(text);
  BOOST_TEST(found[*digits].size() == 2u);  // "12", "7"
  BOOST_REQUIRE(found[*words].size() == 1u);
  BOOST_TEST(text.substr(found[*words][0].begin, found[*words][0].end - found[*words][0].begin) == "cd!");
}

// The property QuantityScan relies on: for the bundled finder and
// exclusions, scanning only their windows (with anchored tries at their
// lead characters) finds exactly the matches of scanning the whole text.
BOOST_AUTO_TEST_CASE(scanning_the_windows_finds_what_scanning_everything_finds_for_the_bundled_quantities) {
  const auto& grammar = zhibiao::testing::bundled_pack().compiled().quantity;
  BOOST_REQUIRE(grammar.finder_windows);
  BOOST_REQUIRE(grammar.exclude_windows);
  BOOST_REQUIRE(grammar.finder_lead);
  BOOST_REQUIRE(grammar.exclude_lead);
  std::string text = zhibiao::testing::folded_seed_and_rule_tests(zhibiao::testing::bundled_pack().compiled());
  text += "\n约1.2万亿元以上、3至5个百分点、二〇二三年一季度、第12、5G、0571-88886666、13912345678、8:30、1/2、半";
  auto windows = grammar.windows.find(text);
  std::size_t window_bytes = 0;
  for (const auto& w : windows[*grammar.finder_windows]) window_bytes += w.end - w.begin;
  BOOST_TEST(window_bytes < text.size() / 2);  // the point of it

  // The windows found from where normalize listed the needed characters
  // (the pack's fold table watches them) are those found by reading the
  // text.
  const auto& fold = *zhibiao::testing::bundled_pack().compiled().fold;
  auto listed = zhibiao::text::normalize(text, fold);
  BOOST_REQUIRE(listed.text == text);  // the text is folded already
  BOOST_TEST(listed.watched.size() > 300u);
  auto from_listed = grammar.windows.find(text, listed.watched);
  BOOST_REQUIRE(from_listed.size() == windows.size());
  for (std::size_t slot = 0; slot < windows.size(); ++slot) {
    BOOST_REQUIRE(from_listed[slot].size() == windows[slot].size());
    for (std::size_t w = 0; w < windows[slot].size(); ++w) {
      BOOST_TEST(from_listed[slot][w].begin == windows[slot][w].begin);
      BOOST_TEST(from_listed[slot][w].end == windows[slot][w].end);
    }
  }

  auto whole = scanned_whole(*grammar.finder, text);
  BOOST_TEST(whole.size() > 500u);
  BOOST_TEST(scanned_in_windows(*grammar.finder, std::nullopt, text, windows[*grammar.finder_windows]) == whole,
             boost::test_tools::per_element());
  BOOST_TEST(scanned_in_windows(*grammar.finder, grammar.finder_lead, text, windows[*grammar.finder_windows]) == whole,
             boost::test_tools::per_element());
  auto whole_excluded = scanned_whole(*grammar.any_exclude, text);
  BOOST_TEST(whole_excluded.size() > 100u);
  BOOST_TEST(scanned_in_windows(*grammar.any_exclude, grammar.exclude_lead, text, windows[*grammar.exclude_windows]) ==
                 whole_excluded,
             boost::test_tools::per_element());
}
