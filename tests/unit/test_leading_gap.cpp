#define BOOST_TEST_MODULE leading_gap
#include <boost/test/unit_test.hpp>

#include <functional>
#include <random>
#include <string>
#include <vector>

#include "match/leading_gap.hpp"

using zhibiao::match::LeadingGap;

namespace {

// Split patterns that find groups from their first use, so that every call
// below exercises the split.
std::unique_ptr<LeadingGap> split(const std::string& pattern) { return LeadingGap::of(pattern, RE2::Options(), 0); }

// "text@offset" for each group, "-" for one that took no part.
std::vector<std::string> shown(const std::string& text, const std::vector<re2::StringPiece>& groups) {
  std::vector<std::string> out;
  for (const auto& g : groups)
    out.push_back(g.data() ? std::string(g.data(), g.size()) + "@" + std::to_string(g.data() - text.data()) : "-");
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(splits_a_lazy_gap_over_one_character_from_what_follows) {
  auto gap = split("(?:(?:(?:[^,;]))*?)(?P<q>\\d+)");
  BOOST_REQUIRE(gap);
  BOOST_TEST(gap->gap_char() == "(?:(?:[^,;]))");
  BOOST_TEST(gap->rest() == "(?P<q>\\d+)");
  BOOST_TEST(!gap->max_chars());
  BOOST_TEST(gap->rest_is_one_group());

  auto bounded = split("(?:[^,]){0,7}?增长(?P<q>\\d+)%");
  BOOST_REQUIRE(bounded);
  BOOST_TEST(*bounded->max_chars() == 7u);
  BOOST_TEST(bounded->rest() == "增长(?P<q>\\d+)%");
  BOOST_TEST(!bounded->rest_is_one_group());

  BOOST_REQUIRE(split(".*?(?P<q>\\d+)"));
  BOOST_TEST(!split("[^,]*?(?P<q>\\d+)?")->rest_is_one_group());  // the group may take no part
  BOOST_TEST(!split("[^,]*?(?P<q>\\d+)(\\d)")->rest_is_one_group());
  BOOST_TEST(!split("[^\\]]*?(?P<q>[\\d]+)元")->rest_is_one_group());
}

BOOST_AUTO_TEST_CASE(leaves_every_other_shape_alone) {
  BOOST_TEST(!split("[^,]*(?P<q>\\d+)"));          // greedy: the longest gap first
  BOOST_TEST(!split("[^,]{1,3}?(?P<q>\\d+)"));     // not down to no gap
  BOOST_TEST(!split("([^,])*?(?P<q>\\d+)"));       // a group of its own to fill
  BOOST_TEST(!split("(?:ab)*?(?P<q>\\d+)"));       // two characters a step
  BOOST_TEST(!split("(?:[^,]|ab)*?(?P<q>\\d+)"));
  BOOST_TEST(!split("[^,]*?(?P<q>\\d+)|x"));       // G S|T is no G followed by S
  BOOST_TEST(!split("[^,]*?"));                    // nothing follows
  BOOST_TEST(!split("(?P<name>营收)[^,]*?(?P<q>\\d+)"));
  BOOST_TEST(!split("(?:[^,]*?(?P<q>\\d+)"));      // malformed
}

// Every match's groups, found through the split, are RE2's own, on short
// texts where the gap, the figure and the group before it compete for the
// same characters (a wrong choice of the gap's end shows as other groups).
BOOST_AUTO_TEST_CASE(gives_the_groups_re2_gives_for_every_match) {
  const std::vector<std::string> patterns = {
      "[^,]*?(?P<q>\\d*)",
      "(?:[^,]){0,2}?(?P<q>\\d+万?)",
      "(?:(?:[^,;]))*?(?:(?P<a>1)|12)(?P<q>2?万)",
      "[^,]*?(?:增(?P<n>x)?|增x)(?:[^,]){0,1}?(?P<q>\\d+)",
      ".*?(?P<q>(?:1|12|2)+)(?P<u>万)?",
      // A word, a second gap, the figure; a level that may stand before
      // the word (and begin like it), or a word that is a prefix of another
      // or of the gap.
      "[^,]*?(?:1万)?(?:增|(?P<n>a))(?:[^,]){0,2}?(?P<q>\\d+)",
      "[^,]*?(?:\\d+万)?(?:增|增x|(?P<n>x))(?:[^,]){0,2}?(?P<q>\\d+万?)",
      "(?:[^,]){0,3}?(?:[12]+x)?(?:(?P<a>增)|增x|(?P<n>x增?))[^,]*?(?P<q>\\d+)",
      "[^,]*?(?:(?:增|x){1,2})(?:[^,]){0,1}?(?P<q>(?P<d>\\d)万?)",
      "[^,]*?(?:x1)?(?:(?P<w>x)|(?P<n>增))(?:[^,]){0,2}?(?P<q>\\d+)",  // x1x5: the level first
  };
  const std::vector<std::string> alphabet = {"1", "2", "x", "增", "万", ",", "a"};
  std::mt19937 random(20261129);
  std::size_t compared = 0;
  for (const auto& pattern : patterns) {
    auto gap = split(pattern);
    BOOST_REQUIRE_MESSAGE(gap, pattern);
    // The last five are split again after their word.
    if (&pattern >= &patterns[patterns.size() - 5]) BOOST_TEST(gap->then(), pattern);
    RE2 whole(pattern);
    int n = whole.NumberOfCapturingGroups() + 1;
    for (int t = 0; t < 400; ++t) {
      std::string text;
      for (int k = std::uniform_int_distribution<int>(0, 7)(random); k > 0; --k)
        text += alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(random)];
      for (std::size_t end = 0; end <= text.size(); ++end) {
        std::vector<re2::StringPiece> expected(static_cast<std::size_t>(n)), found(static_cast<std::size_t>(n));
        if (!whole.Match(text, 0, end, RE2::ANCHOR_BOTH, expected.data(), n)) continue;
        BOOST_REQUIRE_MESSAGE(gap->groups(text, 0, end, found.data(), n), pattern << " on " << text.substr(0, end));
        // A match begins here, so the cheap test must not say otherwise.
        BOOST_TEST(gap->may_match_at(text, 0, end), pattern << " on " << text.substr(0, end));
        BOOST_TEST(shown(text, found) == shown(text, expected), pattern << " on " << text.substr(0, end));
        ++compared;
      }
    }
  }
  BOOST_TEST(compared > 1000u);
}

// An assertion after the gap would see the text around where the rest
// begins, which the whole pattern's match did not look at: such a split is
// made (only the outline is read when the pack loads) but never used.
BOOST_AUTO_TEST_CASE(an_assertion_after_the_gap_leaves_the_groups_to_re2) {
  auto asserted = split("[^,]*?\\b(?P<q>\\d+)");
  BOOST_REQUIRE(asserted);
  std::vector<re2::StringPiece> groups(2);
  BOOST_TEST(RE2::FullMatch("a 12", RE2("[^,]*?\\b(?P<q>\\d+)")));
  BOOST_TEST(!asserted->groups("a 12", 0, 4, groups.data(), 2));
  BOOST_TEST(asserted->may_match_at(",,,", 0, 3));  // no test either
}

// The same on patterns made at random from the pieces rule patterns use
// (classes, literals, groups, alternations, optional and repeated parts,
// lazy or greedy), after one of the gaps: every match's groups are RE2's,
// and where a match begins the cheap test agrees.
BOOST_AUTO_TEST_CASE(gives_re2s_groups_on_patterns_made_at_random) {
  std::mt19937 random(11292026);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  const std::vector<std::string> gaps = {"[^,]*?", "(?:[^,]){0,2}?", "(?:(?:[^,;]))*?", ".*?", "(?:[^,]){0,0}?"};
  const std::vector<std::string> atoms = {"1", "2", "x", "增", "万", "[12]", "\\d", "[^,]", "(?:增x|增)", "(?:1|12)"};
  const std::vector<std::string> quantifiers = {"", "", "?", "??", "*", "*?", "+", "{0,2}", "{1,2}?"};
  int next_group = 0;
  std::function<std::string(int)> piece = [&](int depth) -> std::string {
    std::string p;
    switch (depth > 1 ? 0 : pick(4)) {
      case 0: p = atoms[pick(atoms.size())]; break;
      case 1: p = "(?P<g" + std::to_string(next_group++) + ">" + piece(depth + 1) + ")"; break;
      case 2: p = "(?:" + piece(depth + 1) + "|" + piece(depth + 1) + ")"; break;
      default: p = "(?:" + piece(depth + 1) + piece(depth + 1) + ")"; break;
    }
    return p + quantifiers[pick(quantifiers.size())];
  };
  const std::vector<std::string> alphabet = {"1", "2", "x", "增", "万", ",", "a"};
  std::size_t patterns = 0, compared = 0;
  for (int k = 0; k < 300; ++k) {
    next_group = 0;
    std::string rest;
    for (std::size_t parts = 1 + pick(3); parts > 0; --parts) rest += piece(0);
    if (pick(2)) rest += "(?P<q>\\d+万?)";
    std::string pattern = gaps[pick(gaps.size())] + rest;
    RE2 whole(pattern);
    auto gap = split(pattern);
    if (!whole.ok() || !gap) continue;
    ++patterns;
    int n = whole.NumberOfCapturingGroups() + 1;
    for (int t = 0; t < 60; ++t) {
      std::string text;
      for (std::size_t c = pick(8); c > 0; --c) text += alphabet[pick(alphabet.size())];
      if (whole.Match(text, 0, text.size(), RE2::ANCHOR_START, nullptr, 0))
        BOOST_TEST(gap->may_match_at(text, 0, text.size()), pattern << " at the start of " << text);
      for (std::size_t end = 0; end <= text.size(); ++end) {
        std::vector<re2::StringPiece> expected(static_cast<std::size_t>(n)), found(static_cast<std::size_t>(n));
        if (!whole.Match(text, 0, end, RE2::ANCHOR_BOTH, expected.data(), n)) continue;
        // (With no assertion in the pattern, the split is always usable.)
        BOOST_TEST(gap->groups(text, 0, end, found.data(), n), pattern << " on " << text.substr(0, end));
        BOOST_TEST(shown(text, found) == shown(text, expected), pattern << " on " << text.substr(0, end));
        ++compared;
      }
    }
  }
  BOOST_TEST(patterns > 200u);
  BOOST_TEST(compared > 3000u);
}

BOOST_AUTO_TEST_CASE(says_so_when_the_span_is_no_match) {
  auto gap = split("(?:[^,]){0,1}?(?P<q>\\d+)");
  BOOST_REQUIRE(gap);
  std::vector<re2::StringPiece> groups(2);
  BOOST_TEST(!gap->groups("ab12", 0, 4, groups.data(), 2));  // two characters before the figure
  BOOST_TEST(!gap->groups(",12", 0, 3, groups.data(), 2));   // a comma is no gap
  BOOST_TEST(gap->groups("a12", 0, 3, groups.data(), 2));
  BOOST_TEST(std::string(groups[1].data(), groups[1].size()) == "12");
}

BOOST_AUTO_TEST_CASE(leaves_the_first_uses_to_re2_then_finds_the_groups_itself) {
  auto gap = LeadingGap::of("(?:[^,]){0,3}?(?P<q>\\d+)", RE2::Options());
  BOOST_REQUIRE(gap);
  std::vector<re2::StringPiece> groups(2);
  for (std::uint32_t use = 0; use < LeadingGap::kUsesBeforeCompiling; ++use)
    BOOST_TEST(!gap->groups("ab12", 0, 4, groups.data(), 2), "use " << use);
  BOOST_TEST(gap->groups("ab12", 0, 4, groups.data(), 2));
  BOOST_TEST(std::string(groups[1].data(), groups[1].size()) == "12");
}

BOOST_AUTO_TEST_CASE(tells_cheaply_where_no_match_can_begin) {
  auto gap = split("(?:[^,]){0,2}?(?P<q>\\d+)");
  BOOST_REQUIRE(gap);
  BOOST_TEST(gap->may_match_at("ab1", 0, 3));
  BOOST_TEST(gap->may_match_at("1", 0, 1));
  BOOST_TEST(!gap->may_match_at("abc1", 0, 4));  // the digit is past the gap's reach
  BOOST_TEST(!gap->may_match_at("a,1", 0, 3));   // a comma is no gap
  BOOST_TEST(!gap->may_match_at("ab1", 0, 2));   // the digit is past `to`
  BOOST_TEST(!gap->may_match_at("", 0, 0));
  BOOST_TEST(gap->may_match_at("ab1", 1, 3));
  // Past the first character the rest can begin with nothing is promised:
  // a test, not a match.
  BOOST_TEST(gap->may_match_at("a1x", 0, 3));

  auto unbounded = split("[^,]*?增(?P<q>\\d+)");
  BOOST_REQUIRE(unbounded);
  BOOST_TEST(unbounded->may_match_at("今年全年增5", 0, std::string_view("今年全年增5").size()));
  BOOST_TEST(!unbounded->may_match_at("今年,增5", 0, std::string_view("今年,增5").size()));

  // A rest that can be empty begins anywhere.
  auto empty_rest = split("[^,]*?(?P<q>\\d*)");
  BOOST_REQUIRE(empty_rest);
  BOOST_TEST(empty_rest->may_match_at(",,,", 0, 3));
}

BOOST_AUTO_TEST_CASE(splits_the_rest_into_a_word_and_a_second_gap) {
  auto gap = split("[^,]*?(?:1万)?(?:增|(?P<n>减))(?:[^,]){0,2}?(?P<q>\\d+)");
  BOOST_REQUIRE(gap);
  BOOST_TEST(gap->head() == "(?:1万)");
  BOOST_TEST(gap->word() == "(?:增|(?P<n>减))");
  BOOST_REQUIRE(gap->then());
  BOOST_TEST(gap->then()->rest() == "(?P<q>\\d+)");
  BOOST_TEST(!split("[^,]*?(?:增|减)?(?:[^,]){0,2}?(?P<q>\\d+)")->then());  // an optional word
  BOOST_TEST(!split("[^,]*?(?:1万)?(?:增|减)(?P<q>\\d+)")->then());         // no second gap
  BOOST_TEST(!split("[^,]*?(?P<h>1万)?增(?:[^,]){0,2}?(?P<q>\\d+)")->then());  // a level with a group
}

// Where the level before the word could take part, the word's own match
// at the gap's end is not the one RE2 reports: x1x2 is the level x1, the
// word x, the figure 2. The word begins where the word and what follows it
// match to the end, when that is one place (2 in x1x2 with the word 增);
// with two (0 and 2 with the word x), RE2 decides.
BOOST_AUTO_TEST_CASE(a_level_that_may_take_part_moves_the_word_to_where_only_it_can_begin) {
  for (const std::string word : {"x", "增"}) {
    const std::string pattern = "[^,]*?(?:x1)?(?:(?P<w>" + word + ")|(?P<n>减))(?:[^,]){0,2}?(?P<q>\\d+)";
    auto gap = split(pattern);
    BOOST_REQUIRE(gap && gap->then());
    RE2 whole(pattern);
    for (std::string text : {"x1x2", "ax1x2", "x2", "x12", "x1增2", "x1减2", "a增x12", "x1增1增2"}) {
      std::vector<re2::StringPiece> expected(4), found(4);
      if (!whole.Match(text, 0, text.size(), RE2::ANCHOR_BOTH, expected.data(), 4)) continue;
      BOOST_REQUIRE(gap->groups(text, 0, text.size(), found.data(), 4));
      BOOST_TEST(shown(text, found) == shown(text, expected), pattern << " on " << text);
    }
  }
  auto x = split("[^,]*?(?:x1)?(?:(?P<w>x)|(?P<n>减))(?:[^,]){0,2}?(?P<q>\\d+)");
  constexpr std::size_t kNone = 99;
  BOOST_TEST(x->word_begin("x1x2", 0, 4).value_or(kNone) == kNone);  // x at 0 and at 2
  BOOST_TEST(x->word_begin("x2", 0, 2).value_or(kNone) == 0u);       // no 1: the level cannot take part
  auto zeng = split("[^,]*?(?:x1)?(?:(?P<w>增)|(?P<n>减))(?:[^,]){0,2}?(?P<q>\\d+)");
  const std::string level_first = "x1增2";
  BOOST_TEST(zeng->word_begin(level_first, 0, level_first.size()).value_or(kNone) == 2u);
  const std::string two_words = "x1增1增2";  // 增1增2 and 增2 both match to the end
  BOOST_TEST(zeng->word_begin(two_words, 0, two_words.size()).value_or(kNone) == kNone);
}

// A continuation begins with [,;] and then the gap: what follows that one
// character is split, and its groups are the whole pattern's.
BOOST_AUTO_TEST_CASE(splits_what_follows_a_first_character) {
  const std::string pattern = "[,;][^,;]*?(?:1万)?(?:增|(?P<n>减))(?:[^,;]){0,2}?(?P<q>\\d+)";
  auto gap = LeadingGap::after_first_char(pattern, RE2::Options(), 0);
  BOOST_REQUIRE(gap);
  BOOST_TEST(gap->rest() == "(?:1万)?(?:增|(?P<n>减))(?:[^,;]){0,2}?(?P<q>\\d+)");
  BOOST_TEST(gap->head() == "(?:1万)");
  RE2 whole(pattern);
  const std::vector<std::string> alphabet = {"1", "2", "万", "增", "减", "a", ",", ";"};
  std::mt19937 random(20261130);
  std::size_t compared = 0;
  for (int t = 0; t < 2000; ++t) {
    std::string text = t % 2 ? "," : ";";
    for (int k = std::uniform_int_distribution<int>(0, 7)(random); k > 0; --k)
      text += alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(random)];
    for (std::size_t end = 1; end <= text.size(); ++end) {
      std::vector<re2::StringPiece> expected(3), found(3);
      if (!whole.Match(text, 0, end, RE2::ANCHOR_BOTH, expected.data(), 3)) continue;
      BOOST_REQUIRE_MESSAGE(gap->groups(text, 1, end, found.data(), 3), text.substr(0, end));
      found[0] = expected[0];  // the split's own [0] begins after the first character
      BOOST_TEST(shown(text, found) == shown(text, expected), text.substr(0, end));
      ++compared;
    }
  }
  BOOST_TEST(compared > 300u);

  // The first character must be one, always there, and hold no group.
  BOOST_TEST(!LeadingGap::after_first_char("[,;]?[^,]*?(?P<q>\\d+)", RE2::Options()));
  BOOST_TEST(!LeadingGap::after_first_char("[,;]+[^,]*?(?P<q>\\d+)", RE2::Options()));
  BOOST_TEST(!LeadingGap::after_first_char("(?P<c>[,;])[^,]*?(?P<q>\\d+)", RE2::Options()));
  BOOST_TEST(!LeadingGap::after_first_char("[,;]增(?P<q>\\d+)", RE2::Options()));  // no gap after it
  BOOST_TEST(!LeadingGap::after_first_char("[,;][^,]*?增|减(?P<q>\\d+)", RE2::Options()));  // a top-level |
  BOOST_TEST(LeadingGap::after_first_char("(?:[,;])[^,]*?(?P<q>\\d+)", RE2::Options()));
}
