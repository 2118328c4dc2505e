// Rule patterns compiled on first use, and the copies of them the rule
// filter compiles when the pack loads, with the macros that need no word
// and what optional parts hold left out (rules/lazy_regex.hpp,
// match/pattern_syntax.hpp, Loader::filter_copy).
#define BOOST_TEST_MODULE lazy_regex
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <random>
#include <set>
#include <thread>

#include "bundled_pack.hpp"
#include "core/once.hpp"
#include "match/pattern_syntax.hpp"
#include "match/prefilter.hpp"
#include "rules/lazy_regex.hpp"
#include "zhibiao/extractor.hpp"

using zhibiao::RuleError;
using zhibiao::RulePackError;
using zhibiao::detail::LazyRegex;
using zhibiao::match::replace_groups;
using zhibiao::match::copy_for_filter;
using zhibiao::match::optional_groups_as;
using zhibiao::match::unbounded_optional_repeats;
using zhibiao::match::without_repeats_of;

BOOST_AUTO_TEST_SUITE(replacing_groups)

BOOST_AUTO_TEST_CASE(a_whole_group_is_replaced_wherever_it_stands) {
  std::vector<std::string> number = {"(?:\\d+)"};
  BOOST_TEST(replace_groups("a(?:\\d+)b(?:\\d+)", number, "(?s:.*)") == "a(?s:.*)b(?s:.*)");
  BOOST_TEST(replace_groups("(?P<q>(?:\\d+)元)", number, "N") == "(?P<q>N元)");
  BOOST_TEST(replace_groups("(?:(?:\\d+)){0,7}?", number, "N") == "(?:N){0,7}?");
  // Two groups to replace; the longer one wins only where it stands whole.
  std::vector<std::string> two = {"(?:x)", "(?:x|y)"};
  BOOST_TEST(replace_groups("(?:x|y)(?:x)", two, "N") == "NN");
}

BOOST_AUTO_TEST_CASE(only_a_group_from_its_parenthesis_to_the_one_closing_it) {
  std::vector<std::string> x = {"(?:x)"};
  BOOST_TEST(replace_groups("(?:x)+", x, "N") == "N+");
  BOOST_TEST(replace_groups("(?:x|z)", x, "N") == "(?:x|z)");          // begins the same, but is longer
  BOOST_TEST(replace_groups("[(?:x)]", x, "N") == "[(?:x)]");          // a class: characters, not a group
  BOOST_TEST(replace_groups("\\((?:x)", x, "N") == "\\(N");            // an escaped parenthesis is none
  BOOST_TEST(replace_groups("[\\]](?:x)", x, "N") == "[\\]]N");        // a class read to its real end
  BOOST_TEST(replace_groups("((?:x)", x, "N") == "(N");                // malformed, and still so
  BOOST_TEST(replace_groups("(?:x)a[b", x, "N") == "(?:x)a[b");        // a class it cannot read: as it is
  BOOST_TEST(replace_groups("增长(?:x)%", x, "N") == "增长N%");
}

BOOST_AUTO_TEST_CASE(a_repeat_of_what_matches_anything_is_dropped) {
  constexpr std::string_view any = "(?s:.*)";
  BOOST_TEST(without_repeats_of("(?:(?s:.*)){0,7}?x", any) == "(?:(?s:.*))x");
  BOOST_TEST(without_repeats_of("a(?:(?s:.*)){1,15}?b", any) == "a(?:(?s:.*))b");
  BOOST_TEST(without_repeats_of("(?s:.*)*(?s:.*)+(?s:.*)?", any) == "(?s:.*)(?s:.*)(?s:.*)");
  BOOST_TEST(without_repeats_of("(?:(?:(?s:.*))*?){2,}", any) == "(?:(?:(?s:.*)))");
  BOOST_TEST(without_repeats_of("增长(?:(?s:.*)){3}%", any) == "增长(?:(?s:.*))%");
}

BOOST_AUTO_TEST_CASE(any_other_repeat_is_kept) {
  constexpr std::string_view any = "(?s:.*)";
  BOOST_TEST(without_repeats_of("(?:(?s:.*)){0}x", any) == "(?:(?s:.*)){0}x");     // the empty text only
  BOOST_TEST(without_repeats_of("(?:(?s:.*)){0,0}", any) == "(?:(?s:.*)){0,0}");
  BOOST_TEST(without_repeats_of("(?:(?s:.*)){,5}", any) == "(?:(?s:.*)){,5}");     // a literal brace to RE2
  BOOST_TEST(without_repeats_of("(?:(?s:.*)|a){0,3}", any) == "(?:(?s:.*)|a){0,3}");
  BOOST_TEST(without_repeats_of("(?:(?s:.*)a){2}", any) == "(?:(?s:.*)a){2}");
  BOOST_TEST(without_repeats_of("[(?s:.*)]{2}", any) == "[(?s:.*)]{2}");           // a class
  BOOST_TEST(without_repeats_of("\\((?s:.*)\\){2}", any) == "\\((?s:.*)\\){2}");   // the repeat is the \)'s
  BOOST_TEST(without_repeats_of("(?:x){0,7}", any) == "(?:x){0,7}");
  BOOST_TEST(without_repeats_of("(?:(?s:.*){2}", any) == "(?:(?s:.*){2}");         // malformed: as it is
}

BOOST_AUTO_TEST_CASE(a_repeat_that_may_take_no_copy_becomes_a_star) {
  BOOST_TEST(unbounded_optional_repeats("[^。]{0,40}?增长(?:x|y){0,3}%") == "[^。]*?增长(?:x|y)*%");
  BOOST_TEST(unbounded_optional_repeats("a{0,}b{0,1}") == "a*b*");
  BOOST_TEST(unbounded_optional_repeats("a{0}b{0,0}") == "a{0}b{0,0}");          // the empty text only
  BOOST_TEST(unbounded_optional_repeats("a{1,3}b{2}c{3,}") == "a{1,3}b{2}c{3,}");  // one copy at least
  BOOST_TEST(unbounded_optional_repeats("a{0,x}") == "a{0,x}");                  // a literal brace to RE2
  BOOST_TEST(unbounded_optional_repeats("\\{0,3}[{0,3}]") == "\\{0,3}[{0,3}]");    // escaped, in a class
  BOOST_TEST(unbounded_optional_repeats("a{0,3}[b") == "a{0,3}[b");              // malformed: as it is
}

BOOST_AUTO_TEST_CASE(what_an_optional_group_holds_is_replaced_and_listed) {
  std::vector<std::string> replaced;
  BOOST_TEST(optional_groups_as("(?:不低于|约)?5(?:亿|万)*元(?:以上){0,1}", "N", replaced) == "(?:N)?5(?:N)*元(?:N){0,1}");
  BOOST_TEST((replaced == std::vector<std::string>{"(?:不低于|约)", "(?:亿|万)", "(?:以上)"}));
  replaced.clear();
  // Kept: a group that must be there, one holding a capturing group, a
  // capturing group, and a class.
  BOOST_TEST(optional_groups_as("(?:亿|万)元(?:(?P<q>x))?(y)?[(?:z)]?(?:a){0}", "N", replaced) ==
             "(?:亿|万)元(?:(?P<q>x))?(y)?[(?:z)]?(?:a){0}");
  BOOST_TEST(replaced.empty());
  BOOST_TEST(optional_groups_as("(?:a(?:b)?", "N", replaced) == "(?:a(?:b)?");   // malformed: as it is
}

// Random patterns of the shapes rule patterns take: words, classes,
// escapes, groups (some capturing, some alternations) and quantifiers.
class RandomPatterns {
 public:
  explicit RandomPatterns(unsigned seed) : rng_(seed) {}
  std::string next() {
    group_ = 0;
    return sequence(0);
  }

 private:
  std::string pick(const std::vector<std::string>& from) { return from[rng_() % from.size()]; }
  std::string sequence(int depth) {
    static const std::vector<std::string> atoms = {"增长", "下降", "亿元", "同比", "中", "ab", "\\d", "\\(", "[^,。]",
                                                   "[(?:x)]", "(?s:.*)", "(?:\\d+)", "%", ".", "[0-9]"};
    static const std::vector<std::string> repeats = {"", "", "", "?", "*", "+", "??", "*?", "{0,3}", "{0,3}?",
                                                     "{2}", "{1,}", "{0}", "{0,1}", "{1,15}?"};
    std::string out;
    for (int parts = 1 + static_cast<int>(rng_() % 4); parts > 0; --parts) {
      std::string piece;
      switch (depth < 3 ? rng_() % 4 : 0) {
        case 2:
          piece = "(?:" + sequence(depth + 1) + (rng_() % 2 ? "|" + sequence(depth + 1) : "") + ")";
          break;
        case 3:
          piece = "(?P<g" + std::to_string(group_++) + ">" + sequence(depth + 1) + ")";
          break;
        default:
          piece = pick(atoms);
      }
      out += piece + pick(repeats);
    }
    return out;
  }
  std::mt19937 rng_;
  int group_ = 0;
};

// What the rule filter reads of a valid pattern is valid, has the same
// groups, and gives FilteredRE2 the same words and the same answers.
BOOST_AUTO_TEST_CASE(the_copy_of_a_random_pattern_keeps_its_groups_and_what_the_filter_picks) {
  RE2::Options options;
  options.set_log_errors(false);
  const std::vector<std::string> skipped = {"(?:\\d+)"};
  const std::vector<std::string> texts = {"", "增长", "同比下降", "亿元中", "ab增长亿元", "下降%同比", "x增长(3)亿元ab",
                                          "同比增长5%", "中ab中", "亿元下降增长同比"};
  RandomPatterns random(20261129);
  int checked = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string pattern = random.next();
    RE2 whole(pattern, options);
    if (!whole.ok()) continue;  // a shape RE2 refuses: nothing to keep
    std::vector<std::string> optional_groups;
    std::string copy = copy_for_filter(pattern, skipped, "(?s:.*)", optional_groups);
    RE2 read(copy, options);
    BOOST_TEST_REQUIRE(read.ok(), pattern << " -> " << copy << ": " << read.error());
    BOOST_TEST(read.NumberOfCapturingGroups() == whole.NumberOfCapturingGroups(), pattern << " -> " << copy);
    BOOST_TEST((read.NamedCapturingGroups() == whole.NamedCapturingGroups()), pattern << " -> " << copy);
    for (const auto& group : optional_groups) BOOST_TEST(RE2(group, options).ok(), group);
    zhibiao::match::Prefilter of_whole({pattern}, options), of_copy({copy}, options);
    auto words = [](const zhibiao::match::Prefilter& f) { return std::set(f.atoms().begin(), f.atoms().end()); };
    BOOST_TEST((words(of_whole) == words(of_copy)), pattern << " -> " << copy);
    for (const auto& text : texts)
      BOOST_TEST((of_whole.candidates(text) == of_copy.candidates(text)), pattern << " -> " << copy << " on " << text);
    ++checked;
  }
  BOOST_TEST(checked > 500);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(lazy_regex)

BOOST_AUTO_TEST_CASE(compiled_once_by_the_first_thread_to_ask) {
  RE2::Options options;
  LazyRegex lazy("(?P<q>\\d+)亿元", options, RuleError{"f.toml", 3, 1, "r.x", ""});
  BOOST_TEST(!lazy.compiled());
  std::vector<const RE2*> seen(8, nullptr);
  {
    std::vector<std::jthread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t) threads.emplace_back([&, t] { seen[t] = &lazy.get(); });
  }
  BOOST_TEST(lazy.compiled());
  BOOST_TEST(std::set<const RE2*>(seen.begin(), seen.end()).size() == 1u);
  BOOST_TEST(seen[0]->ok());
  BOOST_TEST(RE2::FullMatch("12亿元", *seen[0]));
  BOOST_TEST(&lazy.get() == seen[0]);
}

// The work of a detail::Once runs once however many threads ask, and
// work that throws has not run: the next to ask runs it again.
BOOST_AUTO_TEST_CASE(once_runs_its_work_once_and_again_after_a_throw) {
  zhibiao::detail::Once once;
  std::atomic<int> runs{0};
  BOOST_CHECK_THROW(once([&] {
    ++runs;
    throw std::runtime_error("not yet");
  }), std::runtime_error);
  BOOST_TEST(!once.done());
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < 8; ++t)
      threads.emplace_back([&] {
        for (int i = 0; i < 1000; ++i) once([&] { ++runs; });
      });
  }
  BOOST_TEST(once.done());
  BOOST_TEST(runs.load() == 2);
}

BOOST_AUTO_TEST_CASE(a_pattern_re2_rejects_throws_with_its_rule_at_every_use) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(1 << 10);  // no room for any program
  LazyRegex lazy("(?P<q>\\pL{50})", options, RuleError{"f.toml", 3, 7, "r.x", ""});
  for (int twice = 0; twice < 2; ++twice) {
    try {
      lazy.get();
      BOOST_FAIL("no exception");
    } catch (const RulePackError& e) {
      BOOST_TEST_REQUIRE(e.errors().size() == 1u);
      BOOST_TEST(e.errors()[0].to_string() == "f.toml:3:7: rule r.x: RE2 rejects the pattern: pattern too large - compile failed");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bundled_pack)

// Loading compiles none of the rules' patterns, nor the indicators' names,
// exclusions and reject patterns; a sentence compiles those of the rules
// it is matched with, no more.
BOOST_AUTO_TEST_CASE(a_sentence_compiles_only_the_patterns_it_needs) {
  zhibiao::RulePack pack = zhibiao::RulePack::load(ZHIBIAO_TEST_RULES);
  const auto& regexes = pack.compiled().rule_regexes;
  auto is_compiled = [](const auto& r) { return r->compiled(); };
  auto compiled = [&] { return std::count_if(regexes.begin(), regexes.end(), is_compiled); };
  std::set<const LazyRegex*> others;  // names, exclusions, reject patterns
  for (const LazyRegex* r : pack.compiled().lazy_regexes()) others.insert(r);
  for (const auto& r : regexes) others.erase(r.get());
  auto others_compiled = [&] { return std::count_if(others.begin(), others.end(), is_compiled); };
  BOOST_TEST(regexes.size() > 20u);
  BOOST_TEST(others.size() > 100u);
  BOOST_TEST(compiled() == 0);
  BOOST_TEST(others_compiled() == 0);
  zhibiao::Extractor ex(pack);
  BOOST_TEST(ex.facts({"d", "上半年全市地区生产总值增长5.2%。", "2024-07-20", ""}).size() == 1u);
  BOOST_TEST(compiled() > 0);
  BOOST_TEST(compiled() < 6);
  BOOST_TEST(others_compiled() < 10);
  pack.compile_all();
  BOOST_TEST(static_cast<std::size_t>(compiled()) == regexes.size());
  BOOST_TEST(static_cast<std::size_t>(others_compiled()) == others.size());
}

BOOST_AUTO_TEST_CASE(a_filter_in_given_shards_has_them) {
  std::vector<std::string> patterns = {"增长(\\d+)", "下降(\\d+)", "占比(\\d+)"};
  std::vector<RE2::Options> options(patterns.size());
  zhibiao::match::Prefilter two(patterns, options, std::vector<std::size_t>{1, 3});
  BOOST_TEST((two.shard_ends() == std::vector<std::size_t>{1, 3}));
  BOOST_TEST((two.candidates("今年下降5") == std::vector<int>{1}));
  BOOST_TEST((zhibiao::match::Prefilter(patterns, options, 3u).shard_ends() == std::vector<std::size_t>{1, 2, 3}));
  // Cut by length, with no shard left empty when the first pattern is.
  std::vector<std::string> empty_first = {"", "增长(\\d+)"};
  BOOST_TEST((zhibiao::match::Prefilter(empty_first, RE2::Options(), 2u).shard_ends() == std::vector<std::size_t>{2}));
  for (const auto& bad : std::vector<std::vector<std::size_t>>{{}, {2}, {0, 3}, {2, 2, 3}, {2, 1, 3}})
    BOOST_CHECK_THROW(zhibiao::match::Prefilter(patterns, options, bad), std::invalid_argument);
}

// The filter reads the patterns with [rule_filter] skip_macros and what
// optional parts hold left out (Loader::filter_copy); it must pick the
// same rules as a filter of the whole patterns, sentence by sentence, on
// the seed article and every rule file's test texts.
BOOST_AUTO_TEST_CASE(the_filter_of_the_copies_picks_what_the_patterns_would) {
  const auto& pack = zhibiao::testing::bundled_pack().compiled();
  std::vector<std::string> whole;
  for (const auto& r : pack.rule_regexes) whole.push_back(r->pattern());
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  // In the same shards: which patterns share one decides some picks.
  zhibiao::match::Prefilter of_whole(whole, std::vector<RE2::Options>(whole.size(), options),
                                     pack.rule_filter->shard_ends());
  for (std::size_t i = 0; i < whole.size(); ++i) BOOST_TEST_REQUIRE(of_whole.error(i).empty(), whole[i]);
  BOOST_TEST((of_whole.atoms() == pack.rule_filter->atoms()));
  std::string folded = zhibiao::testing::folded_seed_and_rule_tests(pack);
  std::size_t sentences = 0, picked = 0;
  zhibiao::match::Prefilter::Scratch reused;  // from sentence to sentence, as rule matching keeps it
  for (std::size_t begin = 0; begin < folded.size();) {
    std::size_t end = std::min({folded.find('\n', begin), folded.find("。", begin), folded.size()});
    std::string_view sentence(folded.data() + begin, end - begin);
    auto expected = of_whole.candidates(sentence);
    BOOST_TEST(pack.rule_filter->candidates(sentence) == expected, sentence);
    BOOST_TEST(pack.rule_filter->candidates(sentence, reused) == expected, sentence);
    ++sentences;
    picked += expected.size();
    begin = end + (folded.compare(end, 3, "。") == 0 ? 3 : 1);
  }
  BOOST_TEST(sentences > 300u);
  BOOST_TEST(picked > 300u);  // the texts give the filter rules to pick
}

BOOST_AUTO_TEST_SUITE_END()
