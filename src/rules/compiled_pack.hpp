// What a rule pack compiles into. Everything the engine knows about the
// language is here, loaded from rules/zh; nothing in src/ names a word.
#pragma once

#include <re2/re2.h>

#include <array>
#include <bitset>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "match/clause_starts.hpp"
#include "match/lead_chars.hpp"
#include "match/leading_gap.hpp"
#include "match/match_windows.hpp"
#include "match/name_finder.hpp"
#include "match/prefilter.hpp"
#include "rules/lazy_regex.hpp"
#include "text/char_fold.hpp"
#include "text/segmenter.hpp"
#include "zhibiao/decimal.hpp"
#include "zhibiao/fact.hpp"

namespace zhibiao::resolve {
class SplitCache;
}

namespace zhibiao::detail {

// Where a piece of the pack came from, for error messages and test reports.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

// Words that build numbers: 一 → 1, 十 → 10, 万 → 10^4, 点 (decimal point).
struct NumberLexicon {
  std::map<std::string, int> digits;
  std::map<std::string, int> small_units;  // power of ten: 十 → 1, 百 → 2, 千 → 3
  std::map<std::string, int> large_units;  // 万 → 4, 亿 → 8, 万亿 → 12
  std::vector<std::string> points;         // decimal point words
  std::map<std::string, Decimal> fractions;  // 半 → 0.5
  std::vector<std::string> minus;            // 负
  std::map<std::string, int> tens;           // 廿 → 2 (two tens)
  // Words that stand for an unknown digit before a unit word, with the
  // qualifier they give the number: 几十 and 数十 are more than ten (gt),
  // 上百 is a hundred or more (ge). Read as the digit 1.
  std::map<std::string, Qualifier> approximate;

  // Every word above by its first byte, in the order the number parser
  // tries them (digits, small units, large units, fractions, points, minus,
  // tens, approximate): filled by resolve::index_number_words once the pack
  // is read, so reading a character compares the few words that can begin
  // with it.
  enum class Kind { digit, small_unit, large_unit, fraction, point, minus, tens, approximate };
  struct Word {
    std::string text;
    Kind kind = Kind::digit;
    int number = 0;  // a digit's value, a unit's power of ten, a tens word's tens
    Decimal fraction;
    Qualifier qualifier = Qualifier::eq;  // an approximate word's
  };
  std::array<std::vector<Word>, 256> by_first_byte;
};

// A unit word after a number: a currency, a percent sign, a counter.
struct UnitEntry {
  QuantityKind kind = QuantityKind::number;
  std::string unit;   // CNY, USD, percent, pp; empty for counters (the word itself is the unit)
  int scale = 0;      // power of ten applied to the number (成 → 1: 三成 = 30%)
  std::optional<Decimal> factor;  // a multiplier that is no power of ten (一对 = 2)
  std::optional<int> growth_percent_scale;  // 倍 in a growth: 1倍 = 100%
  bool growth_doublings = false;            // 番 in a growth: 翻两番 = 300%
  std::vector<std::string> only_after;      // folded words the mention must follow (翻 for 番), if any
};

// The named groups of the quantity grammar's `parts` pattern the engine reads.
inline constexpr std::array<const char*, 11> kQuantityParts = {"pre", "unitpre", "pctpre", "den",   "num", "unit1",
                                                              "num_max", "mid", "scale", "unit", "post"};

struct QuantityGrammar {
  std::unique_ptr<RE2> finder;                  // unanchored, finds mentions
  std::unique_ptr<RE2> parts;                   // anchored, named groups
  std::array<int, kQuantityParts.size()> part_groups{};  // group number of each of kQuantityParts, 0 when absent
  bool parts_treat_digits_alike = false;       // see rules/pattern_digits.hpp
  std::vector<std::unique_ptr<RE2>> excludes;   // years, dates, ordinals, codes
  std::unique_ptr<RE2> any_exclude;             // all of them in one pattern, for one pass
  // Where the finder's and any_exclude's matches can lie (see
  // match/match_windows.hpp); a pattern without a slot is scanned whole.
  match::MatchWindows windows;
  std::optional<std::size_t> finder_windows, exclude_windows;
  std::optional<match::LeadChars> finder_lead, exclude_lead;  // tried anchored inside a window
  std::map<std::string, Qualifier> qualifier_words;
  // Words that end in a qualifier word without being one, by that word:
  // the 约 of 签约56个项目 makes 56 no approximation (see
  // resolve::past_word_holding_qualifier).
  struct QualifierInsideWords {
    std::string qualifier;           // 约
    std::vector<std::string> heads;  // 签, 节, 制, …
  };
  std::vector<QualifierInsideWords> qualifiers_inside_words;
  std::bitset<256> inside_words_first_bytes;  // the first bytes of those qualifiers
  std::map<std::string, UnitEntry> units;
  std::map<std::string, UnitEntry> units_before;  // currency words written before the number
  // The splits by `parts`, kept across documents (resolve/split_cache.hpp):
  // made when a pack loads; in a pack put together by hand (a test), null,
  // and each document splits its mentions anew.
  std::shared_ptr<resolve::SplitCache> splits;
};

struct ModalityWord {
  Modality modality;
  bool weak;    // a result verb that does not override an earlier plan or forecast
  bool scoped;  // names the plan of the next figure only (年度计划, 年初预算)
};

struct ModalityLexicon {
  // Every word, in one NameIndex entry in alternation order (longest
  // first): the matches of their alternation are its occurrences taken
  // leftmost first, without overlap. Unset with no [modality] section.
  std::optional<match::NameIndex> words;
  std::map<std::string, ModalityWord, std::less<>> by_word;
  std::vector<std::unique_ptr<RE2>> excludes;  // spans in which a word is not a signal
  // Which of the excludes match a sentence at all, in one pass, so that only
  // those are scanned; null when one of them has an assertion (^, \b), whose
  // match would depend on the text around the sentence.
  std::unique_ptr<RE2::Set> any_exclude;
  // Capture 1 a year (到2025年): later than the document's, a goal to reach,
  // a weak target signal. Null when the pack has none.
  std::unique_ptr<RE2> future_year;
  std::optional<match::LeadChars> future_year_lead;  // tried only where 到 or 至 stands
  // Constructions that signal a modality where no one word does (把…控制在:
  // a level to be held to, a goal): a signal at each match's start, as
  // strong as a word, and no signal inside an exclude.
  struct Phrase {
    std::unique_ptr<RE2> pattern;
    std::optional<match::LeadChars> lead;  // tried only where one of these stands
    Modality modality;
  };
  std::vector<Phrase> phrases;
  // The mark that opens a numbered item of a list at a line's start (1.,
  // (二), 一是): a list of such lines runs on past lines that end a sentence.
  // Null when the pack has none.
  std::unique_ptr<RE2> list_item;
  // Words that open a breakdown of the sentence before (其中，出口…): its
  // figures are parts of that sentence's, so they share its plan or
  // forecast unless their own sentence says otherwise. Folded.
  std::vector<std::string> breakdown;
};

// How a matched period phrase turns into a Period. Each field is a capture
// reference ("$2"), a literal ("6"), or for years "doc" / "scope".
struct PeriodRule {
  std::string id;
  SourceLocation where;
  std::string expanded;          // the pattern with its macros expanded
  const RE2* pattern = nullptr;  // owned by CompiledPack::period_filter
  std::optional<match::LeadChars> lead;  // what its matches begin with (see match/lead_chars.hpp)
  bool is_date = false;  // consumes a publication date; yields no period
  bool explicit_year = false;  // the phrase fixes its own year (2022年, 去年), not the scope's
  bool cumulative = false;     // 截至3月底: January to March for a flow, March for a stock
  bool scoped = false;         // 年任务: the period of the next figure only
  std::string year, last_year, month_from, month_to, years_back;
  int year_offset = 0;
};

struct PeriodLexicon {
  std::vector<PeriodRule> rules;
  std::unique_ptr<RE2> comparison_base;  // 较, 比: a year right after one is a base, not a period
  // A level stated as where a span of years started (从54万亿元) or ended
  // (增加到82.7万亿元): matched against the text just before the figure.
  std::unique_ptr<RE2> span_start, span_end;
  // An average rate a year (平均每年递增8.7%): matched against the text
  // just before the figure; and a base year (比一九八○年, capture 1) in its
  // sentence, from which the years of the average run (see
  // PeriodResolver::span_of_average).
  std::unique_ptr<RE2> annual_average, since_base;
  std::vector<std::unique_ptr<RE2>> document_date;  // header line with the publication date
  // No phrase can hold a sentence-final character, so the phrases that
  // begin in a paragraph before the end of one of its sentences are those
  // of the paragraph read up to there (an assertion such as $ or \b still
  // sees the text after it: RE2 reads it as context).
  bool within_sentences = false;
};

struct SubjectLexicon {
  std::vector<std::unique_ptr<RE2>> patterns;  // group 1 (or whole match) is the subject
  std::vector<std::string> not_after;          // folded words a subject never follows (占全市比重)
  // No match can hold a sentence-final character (as PeriodLexicon's).
  bool within_sentences = false;
};

struct CompiledRule {
  std::string id;
  std::string indicator;  // empty for a rule that inherits it (see inherits)
  Measure measure = Measure::level;
  SourceLocation where;
  // How the rule is matched: the whole pattern, or, for a rule that begins
  // with its indicator's name, that name among the indicator's names and
  // then `rest`, a remainder shared by the rules of the same template (see
  // match/name_finder.hpp). Owned by CompiledPack::rule_regexes, compiled
  // on first use.
  const LazyRegex* pattern = nullptr;
  const LazyRegex* rest = nullptr;
  std::vector<std::string> prefix_words;  // with rest: an optional prefix's words, before the name
  // With rest: what comes before it in the whole pattern (the prefix and
  // the name group), so that the whole is head + rest. Kept instead of the
  // whole, which extraction never compiles: the rules' whole patterns took
  // 1.9 MB of every process's heap.
  std::string head;
  // The whole pattern, macros expanded (for tests and tools).
  std::string whole_pattern() const { return rest ? head + rest->pattern() : pattern->pattern(); }
  // With rest, when it begins with a lazy gap: its groups found without the
  // NFA over the gap (see match/leading_gap.hpp); shared like rest.
  std::shared_ptr<const match::LeadingGap> rest_gap;
  // A continuation's, when its pattern begins with one character and then a
  // lazy gap ([,;]): the same for what follows that character.
  std::shared_ptr<const match::LeadingGap> gap_after_first_char;
  std::size_t indicator_index = 0;  // with rest: the indicator in CompiledPack::indicators
  std::size_t filter = 0;           // the pattern (or remainder) by its index in rule_filter and rule_regexes
  // The characters a match begins with, when they are few enough to try
  // anchored matches there instead of searching (see match/lead_chars.hpp).
  std::optional<match::LeadChars> lead;
  // Without them, where its matches can begin when its pattern says (a
  // continuation that begins with a gap: see match/clause_starts.hpp).
  std::optional<match::ClauseStarts> clause_starts;
  std::shared_ptr<const LazyRegex> reject;  // text before the name or between name and figure that voids the match
  std::shared_ptr<const LazyRegex> reject_base;  // a share's base that voids the match (年度计划: progress, not a share)
  // A continuation's: text between the owner's figure and this figure that
  // takes the figure away from the owner (reject when null).
  std::shared_ptr<const LazyRegex> reject_between;
  int group_q = 0, group_name = 0, group_base = 0, group_neg = 0;
  int priority = 0;
  // A level written without its currency, as headlines write it
  // (总投资910.1亿): a figure that is a whole mention and has no unit is an
  // amount in this unit (CNY). Empty: such a figure is no level.
  std::string bare_amount;
  // A rule with no name of its own (，增长9.2%): the figure belongs to the
  // indicator of the nearest fact before it in the same sentence.
  bool inherits = false;
  // Every match ends with the figure (the pattern's last part is its q
  // group): a match whose last byte is another fact's is void.
  bool figure_ends_match = false;
  // A list rule (A、B分别增长3%、5%): figure groups q1, q2, ... each paired
  // with name group n1, n2, ... (the indicator whose name it is), or with
  // the rule's fixed list of indicators, or else (a rule of an indicator,
  // whose name comes first) with the rule's own indicator.
  struct ListItem {
    int group_q = 0, group_name = 0;
  };
  std::vector<ListItem> list_items;
  std::vector<std::string> list_indicators;
};

struct IndicatorInfo {
  std::string id;
  SourceLocation where;
  std::unique_ptr<LazyRegex> name;  // the indicator's names, to tell which indicator a listed name is
  std::string name_alternation;    // the pattern {NAME} stands for in its rules
  // The same as words, in the order the alternation prefers them; empty
  // when a name pattern cannot be spelled out as words.
  std::vector<std::string> names;
  bool stock = false;         // a level at a point in time (企业总数), not a flow over a period
  std::vector<std::unique_ptr<LazyRegex>> excludes;  // a name inside such a span is not this indicator
  std::vector<std::optional<match::LeadChars>> exclude_leads;  // per exclude, see match/lead_chars.hpp
  // Per exclude: whether every match begins with one of `names` (the
  // pattern is {NAME} and a remainder, nothing can stand in the name's
  // place), so that it is tried only where a name was found (see
  // match::scan_at_starts); and then the characters the remainder begins
  // with, when known: a name followed by none of them is not tried.
  std::vector<bool> exclude_at_names;
  std::vector<std::optional<match::LeadChars>> exclude_rest_leads;
};

struct ExpectedRecord {
  std::map<std::string, std::string> fields;  // only the fields the test states
  int line = 0;
};

struct RuleTest {
  SourceLocation where;
  std::string text, date, title;
  std::string indicator;  // facts of this indicator only; empty = all facts
  bool quantities = false;
  std::vector<ExpectedRecord> expect;
};

struct CompiledPack {
  std::filesystem::path directory;
  std::string name, version;
  // ICU's folds and the pack's pairs; it watches the characters the
  // quantity windows need (quantity.windows.needed_chars()).
  std::shared_ptr<const text::CharFold> fold;
  text::SegmentOptions segments;
  NumberLexicon numbers;
  QuantityGrammar quantity;
  ModalityLexicon modality;
  PeriodLexicon periods;
  SubjectLexicon subjects;
  std::vector<IndicatorInfo> indicators;
  std::vector<CompiledRule> rules;
  std::vector<RuleTest> tests;

  // Which rules (which period phrases) can match a sentence (a paragraph),
  // found in one pass over it instead of one per pattern. The rule filter
  // holds the rules' patterns with the pack's [rule_filter] skip_macros
  // left out; the patterns themselves are in rule_regexes, by the same
  // index.
  std::unique_ptr<match::Prefilter> rule_filter;
  std::vector<std::unique_ptr<LazyRegex>> rule_regexes;
  // The rules matched whole (no CompiledRule::rest), by the rule_filter
  // pattern that picks them.
  std::vector<std::vector<std::size_t>> whole_rules_by_filter;
  // The rules matched after a name (with a rest), by indicator, in rule
  // order. A remainder is shared by every indicator of its template, so the
  // filter's pick of one stands for a score of rules, and a sentence names
  // one or two of their indicators: it tries the rules of the indicators
  // it names whose remainder the filter picks.
  std::vector<std::vector<std::size_t>> rest_rules_by_indicator;
  // Where each indicator's names (IndicatorInfo::names) occur in a
  // sentence, in one pass. The rule filter only knows a rule matched after
  // a name by its remainder; these say whether, and where, to try it.
  // With name_clues, one entry more, after the indicators': the clues.
  match::NameIndex names;
  // The literals of the rule filter without which a sentence that names
  // no indicator can match no rule (the few rules matched whole that need
  // no name need one of them): such a sentence is skipped before the
  // filter is asked. Unset when they cannot be told (see
  // rules/name_clues.hpp).
  std::optional<std::vector<std::string>> name_clues;
  std::unique_ptr<match::Prefilter> period_filter;

  // Every regex compiled on first use, each once: the indicators' names
  // and exclusions, the rules' reject patterns, the rules' patterns.
  std::vector<const LazyRegex*> lazy_regexes() const {
    std::vector<const LazyRegex*> out;
    for (const auto& info : indicators) {
      if (info.name) out.push_back(info.name.get());
      for (const auto& e : info.excludes) out.push_back(e.get());
    }
    std::set<const LazyRegex*> rejects;  // shared by the rules of a template
    for (const auto& rule : rules)
      for (const LazyRegex* r : {rule.reject.get(), rule.reject_base.get(), rule.reject_between.get()})
        if (r && rejects.insert(r).second) out.push_back(r);
    for (const auto& r : rule_regexes) out.push_back(r.get());
    return out;
  }

  const IndicatorInfo* indicator(const std::string& id) const {
    for (const auto& i : indicators)
      if (i.id == id) return &i;
    return nullptr;
  }
};

}  // namespace zhibiao::detail
