// Macro expansion: what a pattern becomes, and that a macro expanded once
// and kept for reuse expands the same as before wherever locals shadow it.
#define BOOST_TEST_MODULE macros
#include <boost/test/unit_test.hpp>

#include "rules/macros.hpp"

#include <re2/re2.h>

using zhibiao::detail::MacroTable;

namespace {

MacroTable number_table() {
  MacroTable t;
  t.define("digit", "[0-9]");
  t.define("number", "{digit}+(?:\\.{digit}+)?");
  t.define("figure", "{number}{unit}");
  t.define("unit", "元");
  return t;
}

}  // namespace

BOOST_AUTO_TEST_CASE(each_expansion_is_one_group_and_braces_of_counts_stay) {
  MacroTable t = number_table();
  auto x = t.expand("a{number}b{2,5}\\p{Han}");
  BOOST_TEST(x.error == "");
  BOOST_TEST(x.pattern == "a(?:(?:[0-9])+(?:\\.(?:[0-9])+)?)b{2,5}\\p{Han}");
}

BOOST_AUTO_TEST_CASE(a_kept_expansion_is_the_same_as_the_first) {
  MacroTable t = number_table();
  auto first = t.expand("{figure}|{number}");
  auto again = t.expand("{figure}|{number}");
  BOOST_TEST(first.error == "");
  BOOST_TEST(again.pattern == first.pattern);
  BOOST_TEST(first.pattern == "(?:(?:(?:[0-9])+(?:\\.(?:[0-9])+)?)(?:元))|(?:(?:[0-9])+(?:\\.(?:[0-9])+)?)");
}

BOOST_AUTO_TEST_CASE(a_local_shadows_a_macro_inside_one_already_expanded) {
  MacroTable t = number_table();
  BOOST_TEST(t.expand("{figure}").pattern.find("元") != std::string::npos);
  // {unit} is used inside {figure}, whose expansion was kept above.
  auto shadowed = t.expand("{figure}", {{"unit", "美元"}});
  BOOST_TEST(shadowed.pattern.find("(?:美元)") != std::string::npos);
  BOOST_TEST(shadowed.pattern.find("(?:元)") == std::string::npos);
  // And a local of the macro's own name wins over the kept expansion.
  BOOST_TEST(t.expand("{number}", {{"number", "x"}}).pattern == "(?:x)");
  // Without locals the table's expansion comes back.
  BOOST_TEST(t.expand("{figure}").pattern.find("(?:元)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(redefining_a_macro_drops_what_was_kept) {
  MacroTable t = number_table();
  t.expand("{figure}");
  t.define("unit", "吨");
  BOOST_TEST(t.expand("{figure}").pattern.find("(?:吨)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(errors_are_found_after_other_expansions_were_kept) {
  MacroTable t = number_table();
  t.expand("{figure}");
  t.define("loop_a", "{number}{loop_b}");
  t.define("loop_b", "{loop_a}");
  auto loop = t.expand("{loop_a}");
  BOOST_TEST(loop.error.find("macro refers to itself") != std::string::npos);
  BOOST_TEST(loop.pattern == "");
  auto undefined = t.expand("{figure}{nothing}");
  BOOST_TEST(undefined.error == "undefined macro {nothing}");
}

// A list of words becomes an alternation, longest word first; a list of
// single characters a class, which matches the same texts.
BOOST_AUTO_TEST_CASE(a_list_of_single_characters_is_a_class_with_the_same_matches) {
  using zhibiao::detail::alternation_of;
  std::string chars = alternation_of({"万", "亿", "k", "万"});
  BOOST_TEST(chars.front() == '[');
  BOOST_TEST(chars.find('|') == std::string::npos);
  RE2 as_class("(?:" + chars + ")");
  for (const char* yes : {"万", "亿", "k"}) BOOST_TEST(RE2::FullMatch(yes, as_class), yes);
  for (const char* no : {"", "元", "万亿", "K", "[", "|"}) BOOST_TEST(!RE2::FullMatch(no, as_class), no);

  // A character a class would read as syntax, or a longer word: an
  // alternation, in which each is matched as written.
  for (std::vector<std::string> words : std::vector<std::vector<std::string>>{{"-", "至"}, {"]", "^"}, {"万亿", "万"}}) {
    std::string alt = alternation_of(words);
    BOOST_TEST(alt.find('|') != std::string::npos, alt);
    RE2 re("(?:" + alt + ")");
    for (const auto& w : words) BOOST_TEST(RE2::FullMatch(w, re), w);
    BOOST_TEST(!RE2::FullMatch("x", re));
  }
  BOOST_TEST(alternation_of({"万亿", "万"}) == "万亿|万");  // the longer word first
}
