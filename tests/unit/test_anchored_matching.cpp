#define BOOST_TEST_MODULE anchored_matching
#include <boost/test/unit_test.hpp>

#include "bundled_pack.hpp"
#include "match/lead_chars.hpp"
#include "match/pattern_chars.hpp"
#include "rules/pattern_words.hpp"
#include "match/scan.hpp"
#include "match/scan_on_demand.hpp"
#include "rules/compiled_pack.hpp"
#include "rules/macros.hpp"

using zhibiao::match::LeadChars;

using zhibiao::testing::folded_seed_and_rule_tests;

namespace {

// Each match's groups, as text and where they lie ("-" for a group that
// took no part): two scans agree only when they find the same groups at
// the same places.
using Found = std::vector<std::vector<std::string>>;
auto record(Found& out) {
  return [&out](const zhibiao::match::Hit& h) {
    std::vector<std::string> groups;
    for (const auto& g : h.groups)
      groups.push_back(g.data() ? std::string(g.data(), g.size()) + "@" +
                                      std::to_string(reinterpret_cast<std::uintptr_t>(g.data()))
                                : "-");
    out.push_back(groups);
  };
}

}  // namespace

BOOST_AUTO_TEST_CASE(reads_the_first_characters_of_alternations_groups_and_classes) {
  auto lead = LeadChars::of("(?:新增|净增)?(?P<name>营业收入|营收)[^,]*?(?P<q>\\d+)亿元");
  BOOST_REQUIRE(lead);
  for (char32_t c : {U'新', U'净', U'营'}) BOOST_TEST(lead->contains(c));
  for (char32_t c : {U'增', U'收', U'1', U'亿'}) BOOST_TEST(!lead->contains(c));
  BOOST_TEST(lead->size() == 3u);

  auto digits = LeadChars::of("[,;](?:\\d|[一二三]){1,3}");
  BOOST_REQUIRE(digits);
  BOOST_TEST(digits->contains(U','));
  BOOST_TEST(!digits->contains(U'1'));

  auto ranges = LeadChars::of("[a-c\\d\\x{4E00}]x");
  BOOST_REQUIRE(ranges);
  for (char32_t c : {U'a', U'b', U'c', U'0', U'9', U'一'}) BOOST_TEST(ranges->contains(c));
  BOOST_TEST(!ranges->contains(U'd'));
}

// The bitmap stores equal blocks of 256 characters once: every character
// of the BMP (and some beyond) must still answer as the ranges read.
BOOST_AUTO_TEST_CASE(the_compact_bitmap_answers_as_the_ranges_for_every_character) {
  using zhibiao::match::CharsToRead;
  using zhibiao::match::read_pattern_chars;
  for (std::string p : {"[a-c\\d\\x{4E00}]x", "[\\x{4E00}-\\x{62FF}\\x{6300}-\\x{7000}]", "[\\x{00FF}\\x{0100}\\x{FFFF}]",
                        "(?:[\\x{3000}-\\x{30FF}]|[\\x{10000}-\\x{10010}])y", "(?:约|近|[一二三四五六七八九十])\\d"}) {
    auto lead = LeadChars::of(p);
    auto chars = read_pattern_chars(p, CharsToRead::first_only);
    BOOST_TEST_REQUIRE(lead.has_value(), p);
    BOOST_TEST_REQUIRE(chars.has_value(), p);
    std::size_t wrong = 0;
    for (char32_t c = 0; c < 0x10020; ++c) wrong += lead->contains(c) != zhibiao::match::contains(chars->first, c);
    BOOST_TEST(wrong == 0u, p);
  }
}

BOOST_AUTO_TEST_CASE(an_optional_or_repeated_start_adds_what_follows) {
  auto lead = LeadChars::of("^(?:约|近){0,2}\\.?(?:\\d)+%");
  BOOST_REQUIRE(lead);
  for (char32_t c : {U'约', U'近', U'.', U'5'}) BOOST_TEST(lead->contains(c));
  BOOST_TEST(!lead->contains(U'%'));
}

// Reading only the first characters skips the characters of everything
// after a part that cannot be empty, but not its syntax: the answer is that
// of a full reading, for made-up patterns and for every pattern of the pack.
BOOST_AUTO_TEST_CASE(reading_only_the_first_characters_agrees_with_a_full_reading) {
  using zhibiao::match::CharsToRead;
  using zhibiao::match::read_pattern_chars;
  auto same = [](const std::string& pattern) {
    auto first = read_pattern_chars(pattern, CharsToRead::first_only);
    auto full = read_pattern_chars(pattern, CharsToRead::everything);
    BOOST_TEST(first.has_value() == full.has_value(), pattern);
    if (first && full) {
      BOOST_TEST((first->first == full->first), pattern);
      BOOST_TEST(first->nullable == full->nullable, pattern);
      BOOST_TEST(first->min_length == full->min_length, pattern);
      BOOST_TEST(first->has_assertion == full->has_assertion, pattern);
    }
  };
  for (std::string p : {"a(?:b|c)*d", "(?:x?)(?:y|)z[^,]", "ab(?i)c", "ab\\pN", "a[b", "a(b", "a)b",
                        "(?:a|b?)c{0,2}(?:d|e)", "a(?:b(?:c|d)?|)e*$", "x[^\\d]y.\\x{4E00}"})
    same(p);
  const auto& pack = zhibiao::testing::bundled_pack().compiled();
  for (const auto& rule : pack.rules) same(rule.whole_pattern());
  for (std::size_t i = 0; i < pack.rule_regexes.size(); ++i) same(pack.rule_regexes[i]->pattern());
}

BOOST_AUTO_TEST_CASE(gives_up_where_anchoring_would_be_wrong_or_useless) {
  BOOST_TEST(!LeadChars::of("a*"));             // matches the empty string
  BOOST_TEST(!LeadChars::of("(?:x)?|y"));       // so does one branch
  BOOST_TEST(!LeadChars::of("[^,;]+增长"));     // a negated class: nearly every character
  BOOST_TEST(!LeadChars::of(".增长"));
  BOOST_TEST(!LeadChars::of("(?i)gdp"));        // flags change what a character matches
  BOOST_TEST(!LeadChars::of("\\pN+"));          // a Unicode class not read here
  BOOST_TEST(!LeadChars::of("(a"));             // malformed
  BOOST_TEST(!LeadChars::of("[a"));
}

// A pattern that begins with an unbounded lazy gap has no lead characters,
// but its leftmost match begins where a scan begins, at its optional first
// character, or right after a character the gap cannot take.
BOOST_AUTO_TEST_CASE(clause_starts_are_read_only_from_an_optional_character_and_an_unbounded_gap) {
  using zhibiao::match::ClauseStarts;
  using zhibiao::match::scan;
  using zhibiao::match::scan_at_clause_starts;
  auto starts = ClauseStarts::of("[,;]?(?:[^,;:%])*?增长(?P<q>\\d+)%");
  BOOST_REQUIRE(starts);
  // Places: the start, a comma (the optional character), and after the
  // characters the gap cannot take: ',', '%' and ':'.
  std::string text = "投资稳步回升,同比增长12%较上年加快:其中增长3%";
  std::vector<std::size_t> places;
  for (std::size_t p = 0; p < text.size(); p = starts->next_after(text, p, text.size())) places.push_back(p);
  std::vector<std::size_t> expected{0, text.find(','), text.find("同"), text.find("较"), text.find("其中")};
  BOOST_TEST(places == expected, boost::test_tools::per_element());
  // The same matches, groups and all, as a search.
  RE2 re("[,;]?(?:[^,;:%])*?增长(?P<q>\\d+)%");
  std::vector<std::string> searched, tried;
  auto record = [](std::vector<std::string>& out) {
    return [&out](const zhibiao::match::Hit& h) {
      out.push_back(std::to_string(h.begin) + "-" + std::to_string(h.end) + ":" + std::string(h.groups[1].data(), h.groups[1].size()));
    };
  };
  scan(re, text, record(searched));
  scan_at_clause_starts(re, *starts, text, record(tried));
  BOOST_TEST(searched.size() == 2u);
  BOOST_TEST(searched == tried, boost::test_tools::per_element());

  BOOST_TEST(ClauseStarts::of("(?:[^,;])*?增长").has_value());               // no optional character
  BOOST_TEST(!ClauseStarts::of("[,;]?(?:[^,;]){0,7}?增长"));       // a bounded gap: no earlier start
  BOOST_TEST(!ClauseStarts::of("[,;]?(?:[^,;])*?增长|下降"));      // a top-level | is not G then S
  BOOST_TEST(!ClauseStarts::of("[,;]?(?:[^,;])*?(?:增长)?"));      // can match the empty string
  BOOST_TEST(!ClauseStarts::of("[,;]?(?:[^,;])*增长"));            // a greedy gap is not read
  BOOST_TEST(!ClauseStarts::of("(?:[,;])*?增长"));                 // a gap that stops at nearly everything
}

BOOST_AUTO_TEST_CASE(spells_out_a_small_pattern_in_the_order_it_prefers) {
  using zhibiao::detail::pattern_words;
  using V = std::vector<std::string>;
  BOOST_TEST(*pattern_words("第一产业(?:累计)?(?:实现|完成)增加值") ==
             (V{"第一产业累计实现增加值", "第一产业累计完成增加值", "第一产业实现增加值", "第一产业完成增加值"}));
  BOOST_TEST(*pattern_words("a??b") == (V{"b", "ab"}));    // lazy: without first
  BOOST_TEST(*pattern_words("x{1,2}") == (V{"xx", "x"}));  // greedy: more first
  BOOST_TEST(*pattern_words("[12]月|1月") == (V{"1月", "2月"}));  // no duplicates
  BOOST_TEST(!pattern_words("a+"));                       // unbounded
  BOOST_TEST(!pattern_words("[^a]b"));
  BOOST_TEST(!pattern_words("[a-z]{1,2}[a-z]", 100));       // 18,278 strings
  // \d is one byte that stands for any digit: four words, not 12,100.
  const std::string d(1, zhibiao::match::kAnyDigit);
  BOOST_TEST(*pattern_words("\\d{1,2}-\\d{1,2}月", 100) == (V{d + d + "-" + d + d + "月", d + d + "-" + d + "月",
                                                                d + "-" + d + d + "月", d + "-" + d + "月"}));
  BOOST_TEST(!pattern_words("(?i)gdp"));
}

BOOST_AUTO_TEST_CASE(an_optional_prefix_is_tried_before_the_name_alone) {
  using zhibiao::match::NameAt;
  // Byte positions only: prefix words at 0 and 6, names at 0 and 6.
  std::vector<NameAt> prefixes = {{0, 0, 6}, {6, 6, 12}};
  std::vector<NameAt> names = {{0, 0, 12}, {6, 6, 18}};
  std::vector<std::string> got;
  for (const auto& s : zhibiao::match::with_optional_prefix(prefixes, names))
    got.push_back(std::to_string(s.begin) + "/" + std::to_string(s.name_begin) + "-" + std::to_string(s.end));
  // At 0: the prefix and the name after it, then the name alone. At 6: no
  // name follows that prefix; the name alone.
  std::vector<std::string> expected = {"0/6-18", "0/0-12", "6/6-18"};
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

// Only the prefix words a name follows matter to with_optional_prefix, so
// prefixes_of looks only before the names; the starts must be the same as
// from every prefix word in the sentence.
BOOST_AUTO_TEST_CASE(prefixes_looked_for_before_names_give_the_same_starts) {
  using zhibiao::match::find_names;
  using zhibiao::match::prefixes_of;
  using zhibiao::match::with_optional_prefix;
  auto starts = [](const std::vector<zhibiao::match::NameAt>& at) {
    std::vector<std::string> out;
    for (const auto& s : at)
      out.push_back(std::to_string(s.begin) + "/" + std::to_string(s.name_begin) + "-" + std::to_string(s.end));
    return out;
  };
  const std::string d(1, zhibiao::match::kAnyDigit);
  const std::vector<std::string> words = {"新增", "增", "净增", d + "号", "年新"};
  const std::vector<std::string> names = {"收入", "营业收入", "营业", "入"};  // two at one start
  for (std::string text : {"新增营业收入增收入,净增收入", "增增收入新增", "营业收入", "3号收入年新增收入", "新增"}) {
    for (std::size_t from : {std::size_t{0}, std::size_t{3}}) {
      auto found = find_names(names, text, from, text.size());
      BOOST_TEST(starts(with_optional_prefix(prefixes_of(words, found, text, from), found)) ==
                     starts(with_optional_prefix(find_names(words, text, from, text.size()), found)),
                 text << " from " << from);
    }
  }
  // Every bundled rule with prefix words, on the seed article and the rule files' tests.
  const auto& pack = zhibiao::testing::bundled_pack().compiled();
  std::string folded = folded_seed_and_rule_tests(pack);
  std::size_t rules = 0;
  for (const auto& rule : pack.rules) {
    if (!rule.rest || rule.prefix_words.empty()) continue;
    ++rules;
    auto found = find_names(pack.indicators[rule.indicator_index].names, folded, 0, folded.size());
    BOOST_TEST(starts(with_optional_prefix(prefixes_of(rule.prefix_words, found, folded, 0), found)) ==
                   starts(with_optional_prefix(find_names(rule.prefix_words, folded, 0, folded.size()), found)),
               rule.id);
  }
  BOOST_TEST(rules > 10u);
}

BOOST_AUTO_TEST_CASE(the_name_index_finds_what_find_names_finds_for_each_indicator) {
  using zhibiao::match::NameAt;
  auto as_text = [](const std::vector<NameAt>& found) {
    std::vector<std::string> out;
    for (const auto& n : found) out.push_back(std::to_string(n.begin) + "-" + std::to_string(n.end));
    return out;
  };
  // Overlapping names, names of two indicators that begin alike, a name at
  // the very end, and a range that cuts a name off.
  std::vector<std::vector<std::string>> names_of = {{"工业增加值", "增加值"}, {"工业总产值", "产值"}, {}};
  zhibiao::match::NameIndex index(names_of);
  std::string text = "工业增加值增长5%,工业总产值和产值";
  std::vector<std::vector<NameAt>> reused;  // from range to range, as rule matching keeps it
  for (auto [from, to] : {std::pair<std::size_t, std::size_t>{0, text.size()}, {3, text.size() - 3}, {0, 3}}) {
    auto found = index.find(text, from, to);
    index.find(text, from, to, reused);
    BOOST_REQUIRE(found.size() == names_of.size());
    BOOST_REQUIRE(reused.size() == names_of.size());
    for (std::size_t i = 0; i < names_of.size(); ++i) {
      auto expected = as_text(zhibiao::match::find_names(names_of[i], text, from, to));
      BOOST_TEST(as_text(found[i]) == expected, boost::test_tools::per_element());
      BOOST_TEST(as_text(reused[i]) == expected, boost::test_tools::per_element());
    }
  }
  // What an index of `indicator_names` finds in the whole of `in`, checked
  // against find_names for each indicator.
  auto found_as_find_names = [&](const std::vector<std::vector<std::string>>& indicator_names, const std::string& in) {
    auto found = zhibiao::match::NameIndex(indicator_names).find(in, 0, in.size());
    for (std::size_t i = 0; i < indicator_names.size(); ++i)
      BOOST_TEST(as_text(found[i]) == as_text(zhibiao::match::find_names(indicator_names[i], in, 0, in.size())),
                 boost::test_tools::per_element());
    return found;
  };
  // Words with the any-digit byte, also as the first byte.
  const std::string d(1, zhibiao::match::kAnyDigit);
  auto digit_found = found_as_find_names({{"财政" + d + d + "月收入", "财政" + d + "月收入"}, {d + "月"}},
                                         "财政1月收入,财政12月收入,财政x月收入,3月");
  BOOST_TEST(as_text(digit_found[0]) == (std::vector<std::string>{"0-16", "17-34"}), boost::test_tools::per_element());
  BOOST_TEST(as_text(digit_found[1]) == (std::vector<std::string>{"6-10", "24-28", "52-56"}),
             boost::test_tools::per_element());
  // A one-character name beside longer ones that begin with it: the
  // pairs of the longer ones do not hide it (FirstPairs).
  auto short_found = found_as_find_names({{"工业总产值", "工"}, {"产值"}}, "工作报告,工业总产值和产值,工程");
  BOOST_TEST(short_found[0].size() == 4u);  // 工 of 工作, 工业总产值, 工 in it, 工 of 工程

  auto whole = index.find(text, 0, text.size());
  BOOST_TEST(whole[0].size() == 2u);  // 工业增加值, and 增加值 inside it
  BOOST_TEST(whole[1].size() == 3u);  // 工业总产值, 产值 inside it, 产值 at the end
  BOOST_TEST(whole[2].empty());

  // The same for every bundled indicator over the seed and the rule tests,
  // and for the clues (CompiledPack::name_clues), the entry after them.
  const auto& pack = zhibiao::testing::bundled_pack().compiled();
  std::string folded = folded_seed_and_rule_tests(pack);
  auto bundled = pack.names.find(folded, 0, folded.size());
  BOOST_REQUIRE(pack.name_clues);
  BOOST_REQUIRE(bundled.size() == pack.indicators.size() + 1);
  std::size_t occurrences = 0;
  for (std::size_t i = 0; i < pack.indicators.size(); ++i) {
    auto expected = zhibiao::match::find_names(pack.indicators[i].names, folded, 0, folded.size());
    BOOST_TEST(as_text(bundled[i]) == as_text(expected), pack.indicators[i].id);
    occurrences += expected.size();
  }
  BOOST_TEST(occurrences > 500u);
  auto clues = zhibiao::match::find_names(*pack.name_clues, folded, 0, folded.size());
  BOOST_TEST(as_text(bundled.back()) == as_text(clues), boost::test_tools::per_element());
  BOOST_TEST(!clues.empty());
}

// A voided name (an excluded one) costs no groups and moves the scan past
// the name, exactly as a visit of the whole pattern that voids the match
// and returns the name's end.
// The modality words are found with a NameIndex, and taken as RE2 takes
// the matches of their alternation: the same spans, in the same order.
BOOST_AUTO_TEST_CASE(words_taken_leftmost_first_are_the_matches_of_their_alternation) {
  auto alternation_matches = [](const std::vector<std::string>& words, const std::string& text) {
    RE2 re(zhibiao::detail::alternation_of(words));
    std::vector<std::string> out;  // begin-end
    zhibiao::match::scan(re, text, [&](const zhibiao::match::Hit& h) {
      out.push_back(std::to_string(h.begin) + "-" + std::to_string(h.end));
    });
    return out;
  };
  auto taken = [](const std::vector<std::string>& words, const std::string& text) {
    std::vector<std::string> out;
    auto ordered = zhibiao::detail::alternation_order(words);
    for (const auto& at : zhibiao::match::leftmost_first(zhibiao::match::find_names(ordered, text, 0, text.size())))
      out.push_back(std::to_string(at.begin) + "-" + std::to_string(at.end));
    return out;
  };
  // A longer word at the same place wins; a word that begins inside a
  // taken one is passed over, one that begins at its end is not.
  std::vector<std::string> words = {"计划", "年度计划", "划定", "定"};
  std::string text = "年度计划划定计划定";
  BOOST_TEST(taken(words, text) == alternation_matches(words, text), boost::test_tools::per_element());
  BOOST_TEST(taken(words, text).size() == 4u);  // 年度计划, 划定, 计划, 定

  const auto& pack = zhibiao::testing::bundled_pack().compiled();
  std::vector<std::string> modality;
  for (const auto& [word, info] : pack.modality.by_word) modality.push_back(word);
  std::string folded = folded_seed_and_rule_tests(pack);
  auto expected = alternation_matches(modality, folded);
  BOOST_TEST(expected.size() > 100u);
  BOOST_TEST(taken(modality, folded) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_voided_name_moves_the_scan_past_the_name) {
  using zhibiao::match::Hit;
  using zhibiao::match::NameAt;
  std::string text = "农业产值增长5%，产值增长8%";
  RE2 whole("(?P<name>农业产值|产值)(增长(\\d+)%)");
  RE2 rest("(增长(\\d+)%)");
  auto is_excluded = [&](std::size_t name_begin) { return text.compare(name_begin, 6, "农业") == 0; };
  std::vector<std::string> searched, after_names;
  zhibiao::match::scan(whole, text, [&](const Hit& h) -> std::size_t {
    auto [b, e] = h.group(text, 1);
    if (is_excluded(b)) return e;
    searched.push_back(text.substr(h.begin, h.end - h.begin));
    return h.end;
  });
  auto names = zhibiao::match::find_names({"农业产值", "产值"}, text, 0, text.size());
  std::size_t voided = 0;
  zhibiao::match::scan_after_names(
      rest, nullptr, names, text,
      [&](const Hit& h) {
        BOOST_TEST(!is_excluded(static_cast<std::size_t>(h.groups[1].data() - text.data())));
        after_names.push_back(text.substr(h.begin, h.end - h.begin));
      },
      [&](const NameAt& at) {
        voided += is_excluded(at.name_begin);
        return is_excluded(at.name_begin);
      });
  // 农业产值 is voided; the scan goes on after it, so the 产值 inside it is
  // not tried again, and the second sentence's figure is found.
  std::vector<std::string> expected = {"产值增长8%"};
  BOOST_TEST(searched == expected, boost::test_tools::per_element());
  BOOST_TEST(after_names == expected, boost::test_tools::per_element());
  BOOST_TEST(voided == 1u);
}

// A match the caller sets aside is skipped without its groups only when no
// lead character lies inside it, and only such a match is offered; either
// way the matches the caller uses are those of a scan that visits every
// match (and goes on from a void one's start, as a caller that voids a
// match does).
BOOST_AUTO_TEST_CASE(a_match_is_set_aside_only_when_no_lead_lies_inside_it) {
  using zhibiao::match::Hit;
  std::string text = ",1,2%;3%,4%";  // ",1,2%" holds the lead of ",2%"
  RE2 re("[,;](?:\\d+,)*\\d+%");
  auto lead = LeadChars::of(re.pattern());
  BOOST_REQUIRE(lead);
  std::vector<std::string> set_aside;
  auto used_matches = [&](std::size_t void_before, bool offer, std::size_t& visits) {
    std::vector<std::string> used;
    set_aside.clear();
    auto visit = [&](const Hit& h) -> std::size_t {
      ++visits;
      if (h.begin < void_before) return h.begin;
      used.push_back(text.substr(h.begin, h.end - h.begin));
      return h.end;
    };
    auto aside = [&](std::size_t begin, std::size_t end) {
      if (!offer || begin >= void_before) return false;
      set_aside.push_back(text.substr(begin, end - begin));
      return true;
    };
    zhibiao::match::scan_at_leads(re, *lead, text, visit, 0, text.size(), aside);
    return used;
  };
  std::size_t visits_all = 0, visits_told = 0;
  // Only ",1,2%" is void: it has a lead inside, so it is visited, never
  // offered, and ",2%" is found.
  auto all = used_matches(2, false, visits_all);
  auto told = used_matches(2, true, visits_told);
  std::vector<std::string> expected = {",2%", ";3%", ",4%"};
  BOOST_TEST(all == expected, boost::test_tools::per_element());
  BOOST_TEST(told == expected, boost::test_tools::per_element());
  BOOST_TEST(visits_told == visits_all);
  BOOST_TEST(set_aside.empty());
  // All but ",4%" void: ",2%" and ";3%" have no lead inside and are set aside.
  visits_all = visits_told = 0;
  all = used_matches(8, false, visits_all);
  told = used_matches(8, true, visits_told);
  BOOST_TEST(all == std::vector<std::string>{",4%"}, boost::test_tools::per_element());
  BOOST_TEST(told == all, boost::test_tools::per_element());
  BOOST_TEST(visits_all == 4u);
  BOOST_TEST(visits_told == 2u);
  BOOST_TEST(set_aside == (std::vector<std::string>{",2%", ";3%"}), boost::test_tools::per_element());
}

// The property the engine relies on: for every rule of the bundled pack,
// anchored tries at its lead characters (or its name, then its remainder)
// find exactly the matches an unanchored search of the whole pattern finds,
// groups included.
BOOST_AUTO_TEST_CASE(anchored_tries_find_the_same_matches_as_a_search_for_every_bundled_rule) {
  const auto& pack = zhibiao::testing::bundled_pack().compiled();
  std::string folded = folded_seed_and_rule_tests(pack);

  std::size_t anchored_rules = 0, clause_start_rules = 0, matches = 0;
  for (const auto& rule : pack.rules) {
    if (rule.rest) {  // matched as its name, then the shared remainder
      ++anchored_rules;
      RE2 whole(rule.whole_pattern());
      BOOST_REQUIRE(whole.ok());
      Found searched, after_names;
      zhibiao::match::scan(whole, folded, record(searched));
      using zhibiao::match::find_names;
      auto names = find_names(pack.indicators[rule.indicator_index].names, folded, 0, folded.size());
      if (!rule.prefix_words.empty())
        names = zhibiao::match::with_optional_prefix(find_names(rule.prefix_words, folded, 0, folded.size()), names);
      // With its leading gap, when it has one: the groups must be RE2's.
      zhibiao::match::scan_after_names(rule.rest->get(), rule.rest_gap.get(), names, folded, record(after_names),
                                       [](const zhibiao::match::NameAt&) { return false; });
      BOOST_TEST(searched == after_names, rule.id);
      // The same again with the answers kept (rule_matcher keeps them for a
      // sentence): the first scan fills them, the second reads them.
      zhibiao::match::RestAnswers answers;
      for (int round = 0; round < 2; ++round) {
        Found kept;
        zhibiao::match::scan_after_names(rule.rest->get(), rule.rest_gap.get(), names, folded, record(kept),
                                         [](const zhibiao::match::NameAt&) { return false; }, 0, folded.size(),
                                         &answers);
        BOOST_TEST(searched == kept, rule.id << " round " << round);
      }
      matches += searched.size();
      continue;
    }
    if (!rule.lead && rule.clause_starts) {
      ++clause_start_rules;
      Found searched, at_starts;
      zhibiao::match::scan(rule.pattern->get(), folded, record(searched));
      zhibiao::match::scan_at_clause_starts(rule.pattern->get(), *rule.clause_starts, folded, record(at_starts));
      BOOST_TEST(searched == at_starts, rule.id);
      matches += searched.size();
      continue;
    }
    if (!rule.lead) continue;
    ++anchored_rules;
    Found searched, anchored;
    zhibiao::match::scan(rule.pattern->get(), folded, record(searched));
    zhibiao::match::scan_at_leads(rule.pattern->get(), *rule.lead, folded, record(anchored));
    BOOST_TEST(searched == anchored, rule.id);
    matches += searched.size();
  }
  BOOST_TEST(anchored_rules > pack.rules.size() * 9 / 10);  // nearly every rule is anchored
  BOOST_TEST(clause_start_rules >= 1u);                     // inherit.pp_change.v1
  BOOST_TEST(matches > 500u);                               // and the texts exercise them
}

// The period phrases are tried the same way (find_periods): anchored where
// one of their lead characters stands, with the matches and groups of a
// search.
BOOST_AUTO_TEST_CASE(anchored_tries_find_the_same_period_phrases_as_a_search) {
  const auto& pack = zhibiao::testing::bundled_pack().compiled();
  std::string folded = folded_seed_and_rule_tests(pack);
  std::size_t anchored = 0, matches = 0;
  for (const auto& rule : pack.periods.rules) {
    if (!rule.lead) continue;
    ++anchored;
    Found searched, at_leads;
    zhibiao::match::scan(*rule.pattern, folded, record(searched));
    zhibiao::match::scan_at_leads(*rule.pattern, *rule.lead, folded, record(at_leads));
    BOOST_TEST(searched == at_leads, rule.id);
    matches += searched.size();
  }
  BOOST_TEST_MESSAGE(anchored << " of " << pack.periods.rules.size() << " period phrases anchored, " << matches
                              << " matches");
  BOOST_TEST(anchored > pack.periods.rules.size() / 2);  // most are
  BOOST_TEST(matches > 100u);                             // and the texts exercise them
}

// A match of a continuation whose figure is another fact's last byte is
// dropped without its groups (match_rules); that holds only for a rule
// whose every match ends with its figure, as the loader marks it.
BOOST_AUTO_TEST_CASE(a_rule_marked_as_ending_with_its_figure_ends_every_match_with_it) {
  const auto& pack = zhibiao::testing::bundled_pack().compiled();
  std::string folded = folded_seed_and_rule_tests(pack);
  std::size_t marked = 0, matches = 0;
  for (const auto& rule : pack.rules) {
    if (rule.inherits) BOOST_TEST(rule.figure_ends_match, rule.id);  // every bundled continuation
    if (rule.id == "project_count.level.counted.v1") BOOST_TEST(!rule.figure_ends_match);  // its name comes last
    if (!rule.figure_ends_match || rule.rest) continue;
    ++marked;
    zhibiao::match::scan(rule.pattern->get(), folded, [&](const zhibiao::match::Hit& h) {
      ++matches;
      BOOST_TEST(h.group(folded, rule.group_q).second == h.end, rule.id);
    });
  }
  BOOST_TEST(marked >= 6u);
  BOOST_TEST(matches > 20u);
}

// A scan on demand finds, for each position asked about, every match of
// the whole scan that begins by then, and in the end the whole scan's
// matches in the same order: with leads (anchored tries) and without
// (searches, where an empty match is skipped and a match beyond the
// position is kept for later).
BOOST_AUTO_TEST_CASE(a_scan_on_demand_finds_what_the_whole_scan_finds_up_to_each_position) {
  using Span = zhibiao::match::ScanOnDemand::Span;
  auto whole_scan = [](const RE2& re, const std::optional<LeadChars>& lead, std::string_view text) {
    std::vector<Span> out;
    zhibiao::match::scan_with(re, lead, text, [&](const zhibiao::match::Hit& h) { out.emplace_back(h.begin, h.end); });
    return out;
  };
  // Asks at every `step` bytes (a position may fall inside a character):
  // true when each answer holds the whole scan's matches that begin by
  // then, in order, and the last answer is all of them.
  auto agrees_when_asked_every = [](zhibiao::match::ScanOnDemand scan, const std::vector<Span>& whole,
                                    std::size_t size, std::size_t step) {
    for (std::size_t pos = 0;; pos += step) {
      const std::vector<Span>& found = scan.through(pos);
      std::size_t by_then = 0;
      while (by_then < whole.size() && whole[by_then].first <= pos) ++by_then;
      if (found.size() < by_then || found.size() > whole.size() ||
          !std::equal(found.begin(), found.end(), whole.begin()))
        return false;
      if (pos >= size) return found.size() == whole.size();
    }
  };

  RE2 xs("x*");  // empty matches, and no lead characters
  std::string_view text = "axxbxa";
  std::vector<Span> whole = whole_scan(xs, std::nullopt, text);
  BOOST_TEST((whole == std::vector<Span>{{1, 3}, {4, 5}}));
  zhibiao::match::ScanOnDemand xs_scan(xs, std::nullopt, text, 0, text.size());
  BOOST_TEST(xs_scan.through(0).empty());
  BOOST_TEST(xs_scan.through(3).size() == 1u);  // {4, 5} is ahead, kept
  BOOST_TEST((xs_scan.through(6) == whole));
  BOOST_TEST(agrees_when_asked_every({xs, std::nullopt, text, 0, text.size()}, whole, text.size(), 1));

  // Every indicator exclusion of the bundled pack, with its leads and
  // without, on the seed article and every rule-file test.
  const auto& pack = zhibiao::testing::bundled_pack().compiled();
  std::string folded = folded_seed_and_rule_tests(pack);
  std::size_t exclusions = 0, matches = 0, at_names = 0, with_rest_leads = 0, matches_at_names = 0;
  for (const auto& info : pack.indicators) {
    for (std::size_t i = 0; i < info.excludes.size(); ++i) {
      for (const std::optional<LeadChars>& lead : {info.exclude_leads[i], std::optional<LeadChars>{}}) {
        whole = whole_scan(info.excludes[i]->get(), lead, folded);
        for (std::size_t step : {1u, 97u, 5000u}) {
          zhibiao::match::ScanOnDemand scan(info.excludes[i]->get(), lead, folded, 0, folded.size());
          BOOST_TEST(agrees_when_asked_every(scan, whole, folded.size(), step), info.id << " every " << step);
        }
      }
      ++exclusions;
      matches += whole.size();
      if (!info.exclude_at_names[i]) continue;
      // Tried only at the indicator's names, with and without the check of
      // the character after the name.
      ++at_names;
      auto names = zhibiao::match::find_names(info.names, folded, 0, folded.size());
      for (const std::optional<LeadChars>& after : {info.exclude_rest_leads[i], std::optional<LeadChars>{}}) {
        for (std::size_t step : {1u, 97u, 5000u}) {
          zhibiao::match::ScanOnDemand scan(info.excludes[i]->get(), names, after, folded, 0, folded.size());
          BOOST_TEST(agrees_when_asked_every(scan, whole, folded.size(), step), info.id << " at names, every " << step);
        }
      }
      with_rest_leads += info.exclude_rest_leads[i].has_value();
      matches_at_names += whole.size();
    }
  }
  BOOST_TEST(exclusions > 20u);  // the pack's indicators have exclusions
  BOOST_TEST(matches > 20u);     // and the texts exercise them
  BOOST_TEST(at_names > 20u);    // many begin with the name
  BOOST_TEST(with_rest_leads > 20u);
  BOOST_TEST(matches_at_names > 5u);
}
