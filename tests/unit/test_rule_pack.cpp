// Loading rule packs: every kind of mistake a rule author can make is
// reported with its file, line and column (and rule id), never a crash.
#define BOOST_TEST_MODULE rule_pack
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "resolve/period_resolver.hpp"
#include "resolve/subject_resolver.hpp"
#include "rules/compiled_pack.hpp"
#include "text/normalizer.hpp"
#include "text/segmenter.hpp"
#include "zhibiao/extractor.hpp"
#include "zhibiao/rule_pack.hpp"

using namespace zhibiao;
namespace fs = std::filesystem;

namespace {

// A temporary pack: the bundled pack plus one extra file, with some of its
// files (paths relative to the pack) given other contents.
struct TempPack {
  fs::path dir;
  explicit TempPack(const std::string& extra_file, const std::map<std::string, std::string>& replaced = {}) {
    dir = fs::temp_directory_path() / fs::path("zhibiao-pack-" + std::to_string(::getpid()) + "-" +
                                               std::to_string(counter()++));
    fs::remove_all(dir);
    fs::copy(fs::path(ZHIBIAO_TEST_RULES), dir, fs::copy_options::recursive);
    std::ofstream(dir / "zz_extra.toml") << extra_file;
    for (const auto& [path, contents] : replaced) {
      BOOST_REQUIRE(fs::exists(dir / path));
      std::ofstream(dir / path, std::ios::trunc) << contents;
    }
  }
  ~TempPack() { fs::remove_all(dir); }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

// The errors loading `extra` gives, or an empty list.
std::vector<RuleError> errors_of(const std::string& extra, const std::map<std::string, std::string>& replaced = {}) {
  TempPack p(extra, replaced);
  try {
    RulePack::load(p.dir);
  } catch (const RulePackError& e) {
    return e.errors();
  }
  return {};
}

bool any_error(const std::vector<RuleError>& errors, const std::string& needle, int line = 0,
               const std::string& rule = "", const std::string& file = "zz_extra.toml") {
  for (const auto& e : errors)
    if (e.message.find(needle) != std::string::npos && (line == 0 || e.line == line) && (rule.empty() || e.rule == rule) &&
        e.file.find(file) != std::string::npos)
      return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_bundled_pack_loads) {
  RulePack pack = RulePack::load(ZHIBIAO_TEST_RULES);
  BOOST_TEST(pack.rule_count() > 20u);
}

BOOST_AUTO_TEST_CASE(a_valid_extra_indicator_works_without_recompiling) {
  TempPack p(R"(
[indicator]
id = "widget_output"
names = ["小部件产量"]
templates = ["level.v1"]
)");
  RulePack pack = RulePack::load(p.dir);
  Extractor ex(pack);
  auto facts = ex.facts({"d", "小部件产量达到3亿元。", "", ""});
  BOOST_REQUIRE(facts.size() == 1u);
  BOOST_TEST(facts[0].indicator == "widget_output");
  BOOST_TEST(facts[0].value.to_string() == "300000000");
}

// An exclusion is tried only at its indicator's names (match::scan_at_starts)
// when nothing else can begin a match: not a word before the name, a
// quantifier on it, or another branch.
BOOST_AUTO_TEST_CASE(an_exclusion_that_begins_with_the_name_is_tried_only_at_names) {
  TempPack p(R"(
[indicator]
id = "widget_output"
names = ["小部件产量", "部件产量"]
templates = ["level.v1"]
excludes = ['{NAME}能耗', '人均{NAME}', '{NAME}?指数', '{NAME}中|人均', '{NAME}(?:总量)?中', '{NAME}{2}']
)");
  RulePack pack = RulePack::load(p.dir);
  const detail::IndicatorInfo* info = pack.compiled().indicator("widget_output");
  BOOST_REQUIRE(info);
  BOOST_REQUIRE(info->excludes.size() == 6u);
  std::vector<bool> at_names(info->exclude_at_names.begin(), info->exclude_at_names.end());
  BOOST_TEST((at_names == std::vector<bool>{true, false, false, false, true, false}));
  BOOST_REQUIRE(info->exclude_rest_leads[0]);
  BOOST_TEST(info->exclude_rest_leads[0]->contains(U'能'));
  BOOST_TEST(info->exclude_rest_leads[0]->size() == 1u);
  BOOST_REQUIRE(info->exclude_rest_leads[4]);
  BOOST_TEST(info->exclude_rest_leads[4]->contains(U'总'));
  BOOST_TEST(info->exclude_rest_leads[4]->contains(U'中'));
  // And the exclusion holds: 小部件产量能耗 is no output level.
  Extractor ex(pack);
  BOOST_TEST(ex.facts({"d", "小部件产量能耗达到3亿元。", "", ""}).empty());
  BOOST_TEST(ex.facts({"d", "小部件产量达到3亿元。", "", ""}).size() == 1u);
}

// A figure never begins with a sign right after a digit: 5-8个 read by a
// rule whose figure has no range is no count of -8.
BOOST_AUTO_TEST_CASE(a_sign_after_a_digit_begins_no_figure) {
  TempPack p(R"(
[indicator]
id = "widget_count"
names = ["小部件"]

[[rule]]
id = "widget_count.level.v1"
measure = "level"
pattern = '(?P<name>小部件)(?:{gap_char}){0,7}?(?P<q>(?:{number})个)'
)");
  RulePack pack = RulePack::load(p.dir);
  Extractor ex(pack);
  BOOST_TEST(ex.facts({"d", "小部件5-8个。", "", ""}).empty());
  auto facts = ex.facts({"d", "小部件共-8个。", "", ""});
  BOOST_REQUIRE(facts.size() == 1u);
  BOOST_TEST(facts[0].value.to_string() == "-8");
}

BOOST_AUTO_TEST_CASE(malformed_toml) {
  auto errors = errors_of("[indicator\nid = 1\n");
  BOOST_TEST(any_error(errors, "malformed TOML", 1));
}

BOOST_AUTO_TEST_CASE(unknown_keys_missing_fields_wrong_types) {
  BOOST_TEST(any_error(errors_of("[indicator]\nid = \"x\"\nnames = [\"某\"]\ncolour = \"red\"\n"), "unknown key 'colour'", 4));
  BOOST_TEST(any_error(errors_of("[[rule]]\nid = \"r1\"\nindicator = \"gdp\"\nmeasure = \"level\"\n"),
                       "missing required key 'pattern'", 1, "r1"));
  BOOST_TEST(any_error(errors_of("[indicator]\nid = 42\nnames = [\"某\"]\n"), "'id' must be a string", 2));
  BOOST_TEST(any_error(errors_of("wat = 1\n"), "unknown key 'wat'", 1));
}

BOOST_AUTO_TEST_CASE(bad_rules) {
  BOOST_TEST(any_error(errors_of("[[rule]]\nid = \"gdp.level.v1\"\nindicator = \"gdp\"\nmeasure = \"level\"\n"
                                 "pattern = '(?P<q>{money})'\n"),
                       "duplicate rule id"));
  BOOST_TEST(any_error(errors_of("[[rule]]\nid = \"r2\"\nindicator = \"gdp\"\nmeasure = \"level\"\npattern = '(?P<q>[a'\n"),
                       "RE2 rejects the pattern", 1, "r2"));
  BOOST_TEST(any_error(errors_of("[[rule]]\nid = \"r3\"\nindicator = \"gdp\"\nmeasure = \"level\"\n"
                                 "pattern = '(?P<q>{no_such_macro})'\n"),
                       "undefined macro {no_such_macro}", 1, "r3"));
  BOOST_TEST(any_error(errors_of("[[rule]]\nid = \"r4\"\nindicator = \"nope\"\nmeasure = \"level\"\npattern = '(?P<q>1)'\n"),
                       "unknown indicator 'nope'", 1, "r4"));
  BOOST_TEST(any_error(errors_of("[[rule]]\nid = \"r5\"\nindicator = \"gdp\"\nmeasure = \"speed\"\npattern = '(?P<q>1)'\n"),
                       "unknown measure 'speed'", 4, "r5"));
  BOOST_TEST(any_error(errors_of("[[rule]]\nid = \"r6\"\nindicator = \"gdp\"\nmeasure = \"level\"\npattern = '(1)'\n"),
                       "no (?P<q>...) group", 1, "r6"));
}

BOOST_AUTO_TEST_CASE(bad_modality_phrases) {
  // The bundled [modality] section given phrases, in its own file: the
  // errors name that file and line.
  auto modality_with = [](const std::string& phrases) {
    return errors_of("", {{"lexicon/modality.toml", "[modality]\ntarget = [\"目标\"]\n\n[modality.phrases]\n" + phrases}});
  };
  const std::string file = "modality.toml";
  BOOST_TEST(any_error(modality_with("soon = ['把.*控制在']\n"), "unknown key 'soon'", 5, "", file));
  BOOST_TEST(any_error(modality_with("target = ['把[']\n"), "RE2 rejects the pattern", 5, "", file));
  BOOST_TEST(any_error(modality_with("target = '把'\n"), "'target' must be an array of strings", 5, "", file));
  BOOST_TEST(modality_with("target = ['把.*?控制在']\n").empty());
}

BOOST_AUTO_TEST_CASE(a_modality_section_in_another_file_adds_to_the_packs) {
  // It once replaced the bundled words: 计划 and 预计 were then no signal.
  TempPack p("[modality]\ntarget = [\"力保\"]\nexcludes = ['力保不了']\n");
  RulePack pack = RulePack::load(p.dir);
  Extractor ex(pack);
  Document doc;
  doc.id = "d";
  doc.date = "2024-03-05";
  doc.text = "全年计划投资80亿元。预计全年税收收入20亿元。力保全年地区生产总值增长6%。";
  auto facts = ex.facts(doc);
  auto modality_of = [&](const std::string& indicator) {
    for (const auto& f : facts)
      if (f.indicator == indicator) return std::string(to_string(f.modality));
    return std::string("none");
  };
  BOOST_TEST(modality_of("investment") == "planned");
  BOOST_TEST(modality_of("tax_revenue") == "expected");
  BOOST_TEST(modality_of("gdp") == "target");
  // The bundled exclusions stay, next to the new one.
  BOOST_TEST(pack.compiled().modality.excludes.size() == RulePack::load(ZHIBIAO_TEST_RULES).compiled().modality.excludes.size() + 1);
}

BOOST_AUTO_TEST_CASE(a_reject_pattern_re2_rejects_is_reported_at_each_rule_using_it) {
  // A shared reject pattern is checked once (and compiled on first use):
  // the error still names the rule, its line, and every rule that uses it.
  auto errors = errors_of("[[rule]]\nid = \"r8\"\nindicator = \"gdp\"\nmeasure = \"level\"\n"
                          "pattern = '(?P<q>{money})'\nreject = '(?:占'\n\n"
                          "[[rule]]\nid = \"r9\"\nindicator = \"gdp\"\nmeasure = \"level\"\n"
                          "pattern = '(?P<q>{percent})'\nreject = '(?:占'\n");
  BOOST_TEST(any_error(errors, "RE2 rejects the pattern", 1, "r8"));
  BOOST_TEST(any_error(errors, "RE2 rejects the pattern", 8, "r9"));
}

BOOST_AUTO_TEST_CASE(macros_that_refer_to_themselves) {
  auto errors = errors_of("[macros]\nloop_a = '{loop_b}'\nloop_b = '{loop_a}'\n\n[[rule]]\nid = \"r7\"\n"
                          "indicator = \"gdp\"\nmeasure = \"level\"\npattern = '(?P<q>{loop_a})'\n");
  BOOST_TEST(any_error(errors, "macro refers to itself", 5, "r7"));
}

BOOST_AUTO_TEST_CASE(missing_directory) {
  BOOST_CHECK_THROW(RulePack::load("/nonexistent/zhibiao/pack"), RulePackError);
}

// A sentence that names no indicator is skipped before the rule filter is
// asked about it unless it holds a clue: a literal some rule matched whole
// needs when it needs no name (CompiledPack::name_clues). The bundled pack
// has a few; a rule added with a literal of its own adds that literal,
// and a rule with no literal at all turns the skip off. Either way, what
// such a rule finds in a sentence with no name is still found.
BOOST_AUTO_TEST_CASE(sentences_without_a_name_are_skipped_only_when_no_rule_can_match_them) {
  RulePack bundled = RulePack::load(ZHIBIAO_TEST_RULES);
  BOOST_REQUIRE(bundled.compiled().name_clues);
  BOOST_TEST(bundled.compiled().name_clues->size() < 20u);

  const std::string widget = R"(
[indicator]
id = "widget_output"
names = ["小部件产量"]
templates = ["level.v1"]

[[rule]]
id = "widget_output.bare.v1"
)";
  TempPack with_literal(widget + "measure = 'level'\npattern = '部件合计(?P<q>{money})'\n");
  RulePack pack = RulePack::load(with_literal.dir);
  const auto& clues = pack.compiled().name_clues;
  BOOST_REQUIRE(clues);
  BOOST_TEST((std::find(clues->begin(), clues->end(), "部件合计") != clues->end()));
  auto facts = Extractor(pack).facts({"d", "部件合计3亿元。", "", ""});
  BOOST_REQUIRE(facts.size() == 1u);
  BOOST_TEST(facts[0].rule == "widget_output.bare.v1");

  // No literal of three bytes or more: the filter gives it for any text.
  TempPack no_literal(widget + "measure = 'share'\npattern = '(?P<q>\\d+%)'\n");
  RulePack unfiltered = RulePack::load(no_literal.dir);
  BOOST_TEST(!unfiltered.compiled().name_clues);
  facts = Extractor(unfiltered).facts({"d", "份额5%。", "", ""});
  BOOST_REQUIRE(facts.size() == 1u);
  BOOST_TEST(facts[0].rule == "widget_output.bare.v1");
}

// A paragraph is read for period phrases only up to where its facts need
// them when no phrase can hold a sentence-final character; one that can
// makes every paragraph read whole.
BOOST_AUTO_TEST_CASE(a_period_phrase_that_can_hold_a_sentence_end_makes_paragraphs_read_whole) {
  BOOST_TEST(RulePack::load(ZHIBIAO_TEST_RULES).compiled().periods.within_sentences);
  TempPack p(R"(
[[period]]
id = "zz.across_sentences"
pattern = '(\d{4})年。下'
year = "$1"
)");
  RulePack pack = RulePack::load(p.dir);
  const auto& cp = pack.compiled();
  BOOST_TEST(!cp.periods.within_sentences);
  auto norm = text::normalize("投资2021年。下半年增长5%。", *cp.fold);
  auto segs = text::segment(norm.text, cp.segments);
  std::size_t first_end = segs.sentences[0].end;
  auto found = resolve::find_periods(norm.text, segs, cp, {2022, std::nullopt}, 2022, {first_end});
  BOOST_TEST((std::any_of(found.begin(), found.end(), [&](const resolve::PeriodMention& m) {
    return m.end > first_end && m.period.to_string() == "2021";
  })));
}

// The same for subjects: a pattern that can hold a sentence-final character
// makes every paragraph with a fact read whole.
BOOST_AUTO_TEST_CASE(a_subject_pattern_that_can_hold_a_sentence_end_makes_paragraphs_read_whole) {
  BOOST_TEST(RulePack::load(ZHIBIAO_TEST_RULES).compiled().subjects.within_sentences);
  TempPack p("", {{"lexicon/subjects.toml", R"(
[subjects]
patterns = ['本区。\p{Han}']
)"}});
  RulePack pack = RulePack::load(p.dir);
  const auto& cp = pack.compiled();
  BOOST_TEST(!cp.subjects.within_sentences);
  auto norm = text::normalize("投资在本区。下半年增长5%。", *cp.fold);
  auto segs = text::segment(norm.text, cp.segments);
  std::size_t first_end = segs.sentences[0].end;
  auto found = resolve::find_subjects(norm.text, cp, &segs, {first_end});
  BOOST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0].end > first_end);
}
