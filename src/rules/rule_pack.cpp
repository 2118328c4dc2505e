// Loading a rule pack: every *.toml under the pack directory, in path order.
//
// Two passes. The first reads what patterns are built from (the fold pairs,
// lexicons, lists and macros) from every file, so a file may use a macro that
// another file defines. The second compiles what uses them (quantity
// grammar, periods, modality, templates, indicator rules) and collects test
// cases. Every problem is collected with its file, line and column; loading
// fails at the end with all of them, so a rule author sees every mistake in
// one run.
#include "zhibiao/rule_pack.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "core/parallel.hpp"
#include "match/pattern_chars.hpp"
#include "match/pattern_syntax.hpp"
#include "resolve/number_parser.hpp"
#include "resolve/split_cache.hpp"
#include "rules/compiled_pack.hpp"
#include "rules/macros.hpp"
#include "rules/name_clues.hpp"
#include "rules/pattern_digits.hpp"
#include "rules/pattern_words.hpp"
#include "rules/toml_reader.hpp"
#include "text/utf8.hpp"

namespace zhibiao {

std::string RuleError::to_string() const {
  std::string out = fmt::format("{}:{}:{}: ", file, line, column);
  if (!rule.empty()) out += "rule " + rule + ": ";
  return out + message;
}

RulePackError::RulePackError(std::vector<RuleError> errors) : errors_(std::move(errors)) {
  for (const auto& e : errors_) message_ += e.to_string() + "\n";
  if (!message_.empty()) message_.pop_back();
}

namespace detail {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kInherit = "inherit";
constexpr std::string_view kList = "list";
// The modalities a lexicon lists words (and phrases) under.
constexpr std::array<std::string_view, 4> kModalityNames = {"actual", "planned", "expected", "target"};

// An error (or, with no message yet, where one would be) at a place in a
// rule file, for the rule `rule`.
RuleError error_at(const SourceLocation& where, std::string rule, std::string message = "") {
  return {where.file, where.line, where.column, std::move(rule), std::move(message)};
}

// A qualifier a word can give a figure (approx, gt, ge, lt, le): eq and
// range come from the figure itself.
std::optional<Qualifier> word_qualifier(std::string_view code) {
  auto q = parse_qualifier(code);
  if (!q || *q == Qualifier::eq || *q == Qualifier::range) return std::nullopt;
  return q;
}

struct LoadedFile {
  std::string display_name;
  toml::table table;
};

// Each pattern's memory (its programs and DFA cache) is capped so a pack of
// hundreds of rules stays within tens of megabytes. A DFA that outgrows its
// cap drops its states and builds them again (slower, never wrong).
RE2::Options regex_options(int64_t max_mem = 512 << 10) {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(max_mem);
  return o;
}

// A rule's memory: its programs and its DFA states grow with the pattern,
// so a large rule (a figure on each side of every name) gets more than a
// small one. Measured with bench/run.sh: a flat 2 MB a rule is about 10%
// faster but peaks at 92 MB; this keeps the process under 64 MB.
int64_t rule_memory(std::string_view pattern) {
  constexpr int64_t kBase = 128 << 10;
  constexpr int64_t kPerPatternByte = 64;
  return kBase + kPerPatternByte * static_cast<int64_t>(pattern.size());
}

// Compiling the rules is most of a pack's load time; it is spread over the
// machine's cores (a few at most).
unsigned compile_threads() { return std::clamp(std::thread::hardware_concurrency(), 1u, 4u); }

// The few patterns that scan whole documents (the quantity finder and its
// exclusions) get room for a large DFA.
constexpr int64_t kWholeTextMemory = 8 << 20;
// Any other pattern of the pack (indicator names and exclusions, quantity
// grammar, lexicon exclusions).
constexpr int64_t kPatternMemory = 1 << 20;
// Patterns tried far more often than the others (shared reject patterns,
// continuations, remainders shared by the indicators of a template) get a
// larger DFA.
constexpr int64_t kSharedMemory = 4 << 20;

// Folds a pattern's non-ASCII characters like document text, so a rule
// written in either script matches both. A full-width character that folds
// to a regex metacharacter (（ to "(") stays a literal.
std::string fold_pattern(const std::string& pattern, const text::CharFold& fold) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    text::Decoded d = text::decode_at(pattern, i);
    i += d.size;
    if (d.cp < 0x80) {
      out += static_cast<char>(d.cp);
      continue;
    }
    char32_t f = fold.fold(d.cp);
    if (f < 0x80 && std::string_view("\\.^$|?*+()[]{}-").find(static_cast<char>(f)) != std::string_view::npos)
      out += '\\';
    text::append_utf8(out, f);
  }
  return out;
}

// What follows `head` at the start of `expanded`, when it can be matched
// alone right after a match of head: no quantifier on head, and no | at the
// top level, where another branch (one without head) could begin.
//
// Every indicator of a template has the same remainder, a few kilobytes of
// pattern once the number grammar is expanded, so whether a remainder can
// stand alone is read once per distinct remainder (about 25 for 250 rules),
// and the remainder given is a view of the one copy kept here: a copy per
// rule took 1.4 MB while the pack loaded (memory first touched costs time at
// start-up, see bench/README.md).
class Remainders {
 public:
  std::optional<std::string_view> after(std::string_view expanded, std::string_view head) {
    if (!expanded.starts_with(head)) return std::nullopt;
    std::string_view rest = expanded.substr(head.size());
    auto known = stands_alone_.find(rest);
    if (known == stands_alone_.end()) known = stands_alone_.emplace(std::string(rest), can_stand_alone(rest)).first;
    return known->second ? std::optional<std::string_view>(known->first) : std::nullopt;
  }

  // The remainder of an exclusion after its indicator's name (its names'
  // alternation, as {NAME} expands), when every match begins with the name.
  std::optional<std::string_view> after_name(std::string_view expanded, std::string_view name_alternation) {
    if (name_alternation.empty()) return std::nullopt;
    return after(expanded, "(?:" + std::string(name_alternation) + ")");
  }

 private:
  static bool can_stand_alone(std::string_view rest) {
    if (!rest.empty() && std::string_view("*+?{").find(rest[0]) != std::string_view::npos) return false;
    match::TopLevel top = match::read_top_level(rest);
    return top.balanced && !top.alternation;
  }
  std::map<std::string, bool, std::less<>> stands_alone_;
};

// Whether every match of `pattern` ends with its group `name`: the pattern
// is one sequence whose last part is that group, with no quantifier after
// it.
bool ends_with_group(std::string_view pattern, std::string_view name) {
  match::TopLevel top = match::read_top_level(pattern);
  return top.balanced && !top.alternation && top.last_group_end + 1 == pattern.size() &&
         pattern.substr(top.last_group_begin).starts_with("(?P<" + std::string(name) + ">");
}

class Loader {
 public:
  explicit Loader(fs::path dir) { pack_->directory = std::move(dir); }

  std::shared_ptr<CompiledPack> load() {
    // The base folding table (ICU's folds, unpacked once per process) does
    // not depend on the files: it is built while they parse.
    std::vector<LoadedFile> files;
    {
      std::jthread fold_table([] { text::CharFold::base(); });
      files = parse_files();
    }
    build_fold(files);
    for (auto& f : files) read_lexicons(f);
    define_lexicon_macros();
    for (auto& f : files) read_macros(f);
    for (auto& f : files) read_templates(f);
    std::vector<FileScope> scopes;
    for (auto& f : files) scopes.push_back(compile_indicator_table(f));
    for (std::size_t i = 0; i < files.size(); ++i) read_rules(files[i], scopes[i]);
    // The rule filter, the largest part of loading, compiles on threads of
    // its own while this one reads on: the sections, the tests, then the
    // periods. (The rules' own patterns, names, exclusions and reject
    // patterns compile on first use, see rules/lazy_regex.hpp.)
    start_rule_filter();
    check_lazy_syntax();
    for (auto& f : files) compile_sections(f);
    for (std::size_t i = 0; i < files.size(); ++i) read_tests(files[i], scopes[i]);
    compile_periods();
    mark_phrases_within_sentences();
    read_rule_patterns();
    complete_rules();
    if (pack_->quantity.parts == nullptr && errors_.empty())
      errors_.push_back({pack_->directory.string(), 0, 0, "", "no [quantities] section in any rule file"});
    check_duplicate_rule_ids();
    if (!errors_.empty()) throw RulePackError(std::move(errors_));
    // Independent, so on two threads: finding the clues asks the rule
    // filter a few hundred questions.
    detail::parallel_for(2, compile_threads(), [&](std::size_t task) {
      if (task == 0) choose_name_clues();
      else {
        build_prefilters();
        build_quantity_windows();
      }
    });
    build_name_index();
    // Documents are folded with a table that also lists where the quantity
    // windows' needed characters land (see match::MatchWindows::find).
    if (const auto* needed = pack_->quantity.windows.needed_chars()) pack_->fold = fold_->with_watched(*needed);
    // And where the segmenter's line breaks and sentence ends land.
    pack_->fold = pack_->fold->with_breaks(segment_breaks());
    return pack_;
  }

 private:
  struct Template {
    std::string id;
    Measure measure;
    std::string pattern;
    std::string reject, reject_base;
    int priority;
    SourceLocation where;
    std::string bare_amount;  // see CompiledRule::bare_amount
  };

  std::vector<LoadedFile> parse_files() {
    std::vector<fs::path> paths;
    std::error_code ec;
    if (!fs::is_directory(pack_->directory, ec)) {
      errors_.push_back({pack_->directory.string(), 0, 0, "", "rule pack directory not found"});
      throw RulePackError(std::move(errors_));
    }
    for (auto it = fs::recursive_directory_iterator(pack_->directory, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file() && it->path().extension() == ".toml") paths.push_back(it->path());
    }
    std::sort(paths.begin(), paths.end());
    // The files parse on several threads (each into its own slot); files
    // and errors then follow in path order.
    std::vector<std::optional<LoadedFile>> parsed(paths.size());
    std::vector<std::optional<RuleError>> malformed(paths.size());
    parallel_for(paths.size(), compile_threads(), [&](std::size_t i) {
      // Named as the user would open it: the pack path they gave plus the file.
      std::string name = paths[i].lexically_normal().string();
      try {
        parsed[i] = LoadedFile{name, toml::parse_file(paths[i].string())};
      } catch (const toml::parse_error& e) {
        malformed[i] = RuleError{name, static_cast<int>(e.source().begin.line),
                                 static_cast<int>(e.source().begin.column), "",
                                 "malformed TOML: " + std::string(e.description())};
      }
    });
    std::vector<LoadedFile> files;
    for (std::size_t i = 0; i < paths.size(); ++i) {
      if (parsed[i]) files.push_back(std::move(*parsed[i]));
      if (malformed[i]) errors_.push_back(std::move(*malformed[i]));
    }
    if (files.empty() && errors_.empty())
      errors_.push_back({pack_->directory.string(), 0, 0, "", "no .toml rule files in the directory"});
    return files;
  }

  inline static const std::vector<std::string_view> kTopKeys = {
      "pack", "segment", "fold", "numbers", "unit", "qualifiers", "lists", "macros", "rule_filter", "quantities",
      "modality", "period", "periods", "subjects", "template", "indicator", "rule", "test", "quantity_test"};

  void build_fold(const std::vector<LoadedFile>& files) {
    std::map<char32_t, char32_t> pairs;
    for (const auto& f : files) {
      TomlReader r(f.display_name, errors_);
      r.check_keys(f.table, kTopKeys, "a rule file");
      const toml::table* fold = r.table(f.table, "fold");
      if (!fold) continue;
      r.check_keys(*fold, {"pairs"}, "[fold]");
      auto map = r.string_map(*fold, "pairs");
      if (!map) continue;
      for (const auto& [from, to] : *map) {
        auto a = text::decode_at(from, 0), b = text::decode_at(to, 0);
        if (a.size != from.size() || b.size != to.size() || from.empty() || to.empty()) {
          r.error(*fold, "fold pair '" + from + "' = '" + to + "' must map one character to one character");
          continue;
        }
        pairs[a.cp] = b.cp;
      }
    }
    fold_ = text::CharFold::base()->with_overrides(pairs);
    pack_->fold = fold_;
  }

  std::string fold_word(const std::string& w) const { return fold_->fold_string(w); }

  std::vector<std::string> fold_words(const std::vector<std::string>& ws) const {
    std::vector<std::string> out;
    for (const auto& w : ws) out.push_back(fold_word(w));
    return out;
  }

  // Pass 1: lexicons and lists (and pack metadata).
  void read_lexicons(const LoadedFile& f) {
    TomlReader r(f.display_name, errors_);
    const toml::table& t = f.table;
    if (const toml::table* p = r.table(t, "pack")) {
      r.check_keys(*p, {"name", "version", "language"}, "[pack]");
      pack_->name = r.string(*p, "name", false).value_or(pack_->name);
      pack_->version = r.string(*p, "version", false).value_or(pack_->version);
    }
    if (const toml::table* s = r.table(t, "segment")) {
      r.check_keys(*s, {"sentence_end", "heading_max_chars", "opens_sentence_piece", "closes_sentence_piece"},
                   "[segment]");
      // Each a string of characters, folded as the documents are.
      auto read_chars = [&](const char* key, std::vector<char32_t>& out) {
        auto chars = r.string(*s, key, false);
        if (!chars) return;
        std::string folded = fold_word(*chars);
        for (std::size_t i = 0; i < folded.size();) {
          auto d = text::decode_at(folded, i);
          out.push_back(d.cp);
          i += d.size;
        }
      };
      read_chars("sentence_end", pack_->segments.sentence_end);
      read_chars("opens_sentence_piece", pack_->segments.opens_sentence_piece);
      read_chars("closes_sentence_piece", pack_->segments.closes_sentence_piece);
      if (auto n = r.integer(*s, "heading_max_chars", false)) pack_->segments.heading_max_chars = static_cast<std::size_t>(*n);
    }
    if (const toml::table* n = r.table(t, "numbers")) read_numbers(r, *n);
    if (const toml::array* units = r.array_of_tables(t, "unit"))
      for (const auto& u : *units) read_unit(r, *u.as_table());
    if (const toml::table* q = r.table(t, "qualifiers")) read_qualifiers(r, *q);
    if (const toml::table* ind = t.get_as<toml::table>("indicator")) {
      // Every indicator's names, for {any_indicator_name}; errors are
      // reported when the table is compiled in pass 2.
      if (const toml::node* names = ind->get("names"); names && names->is_array())
        for (const auto& n : *names->as_array())
          if (auto w = n.value<std::string>()) all_names_.push_back(fold_word(*w));
      if (auto p = ind->get_as<std::string>("name_pattern")) all_name_patterns_.push_back(fold_pattern(p->get(), *fold_));
    }
    if (const toml::table* lists = r.table(t, "lists")) {
      for (const auto& [key, value] : *lists) {
        std::string name(key.str());
        auto words = r.strings(*lists, name, true);
        if (!words) continue;
        if (macros_.defined(name)) r.error(value, "macro {" + name + "} is defined twice");
        macros_.define(name, alternation_of(fold_words(*words)));
      }
    }
  }

  void read_numbers(const TomlReader& r, const toml::table& n) {
    r.check_keys(n, {"digits", "small_units", "large_units", "points", "fractions", "minus", "tens", "approximate"},
                 "[numbers]");
    auto int_map = [&](std::string_view key, std::map<std::string, int>& into) {
      const toml::table* sub = r.table(n, key);
      if (!sub) return;
      for (const auto& [k, v] : *sub) {
        if (!v.is_integer()) {
          r.error(v, "numbers." + std::string(key) + "." + std::string(k.str()) + " must be an integer");
          continue;
        }
        into[fold_word(std::string(k.str()))] = static_cast<int>(*v.value<std::int64_t>());
      }
    };
    int_map("digits", pack_->numbers.digits);
    int_map("small_units", pack_->numbers.small_units);
    int_map("large_units", pack_->numbers.large_units);
    int_map("tens", pack_->numbers.tens);
    if (auto points = r.strings(n, "points", false))
      for (const auto& p : *points) pack_->numbers.points.push_back(fold_word(p));
    if (auto minus = r.strings(n, "minus", false))
      for (const auto& m : *minus) pack_->numbers.minus.push_back(fold_word(m));
    if (auto fractions = r.string_map(n, "fractions")) {
      for (const auto& [k, v] : *fractions) {
        auto d = Decimal::parse(v);
        if (!d) r.error(n, "numbers.fractions." + k + " must be a decimal string");
        else pack_->numbers.fractions[fold_word(k)] = *d;
      }
    }
    if (const toml::table* approximate = r.table(n, "approximate")) {
      for (const auto& [k, v] : *approximate) {
        auto code = v.value<std::string>();
        auto qualifier = code ? word_qualifier(*code) : std::nullopt;
        if (!qualifier)
          r.error(v, "numbers.approximate." + std::string(k.str()) + " must be one of the qualifiers approx, gt, ge, lt, le");
        else pack_->numbers.approximate[fold_word(std::string(k.str()))] = *qualifier;
      }
    }
    resolve::index_number_words(pack_->numbers);
  }

  void read_unit(const TomlReader& r, const toml::table& u) {
    r.check_keys(u,
                 {"words", "before", "kind", "unit", "scale", "factor", "growth_percent_scale", "growth_doublings",
                  "only_after"},
                 "[[unit]]");
    auto words = r.strings(u, "words", true);
    auto kind = r.string(u, "kind", true);
    if (!words || !kind) return;
    UnitEntry e;
    if (*kind == "money") e.kind = QuantityKind::money;
    else if (*kind == "percent") e.kind = QuantityKind::percent;
    else if (*kind == "pp") e.kind = QuantityKind::pp;
    else if (*kind == "number") e.kind = QuantityKind::number;
    else {
      r.error(*u.get("kind"), "unknown unit kind '" + *kind + "' (money, percent, pp, number)");
      return;
    }
    e.unit = r.string(u, "unit", e.kind == QuantityKind::money).value_or("");
    if (e.kind == QuantityKind::percent && e.unit.empty()) e.unit = "percent";
    if (e.kind == QuantityKind::pp && e.unit.empty()) e.unit = "pp";
    e.scale = static_cast<int>(r.integer(u, "scale", false).value_or(0));
    if (auto g = r.integer(u, "growth_percent_scale", false)) e.growth_percent_scale = static_cast<int>(*g);
    e.growth_doublings = r.boolean(u, "growth_doublings").value_or(false);
    if (auto after = r.strings(u, "only_after", false))
      for (const auto& w : *after) e.only_after.push_back(fold_word(w));
    if (auto f = r.string(u, "factor", false)) {
      e.factor = Decimal::parse(*f);
      if (!e.factor) r.error(*u.get("factor"), "factor must be a decimal string such as \"2\"");
    }
    for (const auto& w : *words) {
      std::string folded = fold_word(w);
      pack_->quantity.units[folded] = e;
      unit_words_[*kind].push_back(folded);
    }
    // Words that stand before the number: 人民币3.14.
    if (auto before = r.strings(u, "before", false)) {
      for (const auto& w : *before) {
        std::string folded = fold_word(w);
        pack_->quantity.units_before[folded] = e;
        unit_words_["before"].push_back(folded);
      }
    }
  }

  void read_qualifiers(const TomlReader& r, const toml::table& q) {
    r.check_keys(q, {"before", "between", "after", "after_rate", "inside_words"}, "[qualifiers]");
    for (std::string_view position : {"before", "between", "after", "after_rate"}) {
      const toml::table* sub = r.table(q, position);
      if (!sub) continue;
      for (const auto& [code, value] : *sub) {
        auto qualifier = word_qualifier(code.str());
        if (!qualifier) {
          r.error(value, "unknown qualifier '" + std::string(code.str()) + "' (approx, gt, ge, lt, le)");
          continue;
        }
        auto words = r.strings(*sub, code.str(), true);
        if (!words) continue;
        for (const auto& w : *words) {
          std::string folded = fold_word(w);
          pack_->quantity.qualifier_words[folded] = *qualifier;
          qualifier_words_[std::string(position)].push_back(folded);
        }
      }
    }
    // 签约: a word whose end is a qualifier word before a number (约).
    auto words = r.strings(q, "inside_words", false);
    if (!words) return;
    const auto& before = qualifier_words_["before"];
    for (const auto& w : *words) {
      std::string folded = fold_word(w);
      bool split = false;
      for (std::size_t cut = 1; cut < folded.size() && !split; ++cut) {
        if ((static_cast<unsigned char>(folded[cut]) & 0xC0) == 0x80) continue;
        std::string tail = folded.substr(cut);
        if (std::find(before.begin(), before.end(), tail) == before.end()) continue;
        auto& known = pack_->quantity.qualifiers_inside_words;
        auto it = std::find_if(known.begin(), known.end(), [&](const auto& k) { return k.qualifier == tail; });
        if (it == known.end()) it = known.insert(known.end(), {tail, {}});
        it->heads.push_back(folded.substr(0, cut));
        pack_->quantity.inside_words_first_bytes.set(static_cast<unsigned char>(tail[0]));
        split = true;
      }
      if (!split)
        r.error(*q.get("inside_words"), "inside_words: '" + w + "' does not end in a word of [qualifiers.before]");
    }
  }

  // Macros every pack gets from its lexicons, named after the lexicon.
  void define_lexicon_macros() {
    auto keys = [](const auto& map) {
      std::vector<std::string> out;
      for (const auto& [k, v] : map) out.push_back(k);
      return out;
    };
    macros_.define("digit_cn", alternation_of(keys(pack_->numbers.digits)));
    macros_.define("small_unit", alternation_of(keys(pack_->numbers.small_units)));
    macros_.define("large_unit", alternation_of(keys(pack_->numbers.large_units)));
    macros_.define("point", alternation_of(pack_->numbers.points));
    macros_.define("fraction", alternation_of(keys(pack_->numbers.fractions)));
    macros_.define("minus_word", alternation_of(pack_->numbers.minus));
    macros_.define("tens_cn", alternation_of(keys(pack_->numbers.tens)));
    macros_.define("approximate_cn", alternation_of(keys(pack_->numbers.approximate)));
    for (std::string_view kind : {"money", "percent", "pp", "number"})
      macros_.define("unit_" + std::string(kind), alternation_of(unit_words_[std::string(kind)]));
    macros_.define("unit_any", alternation_of(keys(pack_->quantity.units)));
    macros_.define("unit_before", alternation_of(unit_words_["before"]));
    for (std::string_view position : {"before", "between", "after", "after_rate"})
      macros_.define("qual_" + std::string(position), alternation_of(qualifier_words_[std::string(position)]));
    std::string any_name = alternation_of(all_names_);
    for (const auto& p : all_name_patterns_) any_name += "|" + p;
    macros_.define("any_indicator_name", any_name);
  }

  void read_macros(const LoadedFile& f) {
    TomlReader r(f.display_name, errors_);
    if (const toml::table* filter = r.table(f.table, "rule_filter")) {
      r.check_keys(*filter, {"skip_macros"}, "[rule_filter]");
      if (auto names = r.strings(*filter, "skip_macros", false))
        for (const auto& name : *names) skipped_macros_.push_back({name, r.where(*filter->get("skip_macros"))});
    }
    auto map = r.string_map(f.table, "macros");
    if (!map) return;
    for (const auto& [name, body] : *map) {
      if (macros_.defined(name)) r.error(*f.table.get("macros"), "macro {" + name + "} is defined twice");
      macros_.define(name, fold_pattern(body, *fold_));
    }
  }

  void read_templates(const LoadedFile& f) {
    TomlReader r(f.display_name, errors_);
    const toml::array* arr = r.array_of_tables(f.table, "template");
    if (!arr) return;
    for (const auto& node : *arr) {
      const toml::table& t = *node.as_table();
      r.check_keys(t, {"bare_amount", "id", "measure", "pattern", "priority", "reject", "reject_base"}, "[[template]]");
      auto id = r.string(t, "id", true);
      auto measure = measure_of(r, t, id.value_or(""));
      auto pattern = r.string(t, "pattern", true, id.value_or(""));
      if (!id || !measure || !pattern) continue;
      if (templates_.count(*id)) r.error(t, "template '" + *id + "' is defined twice", *id);
      templates_[*id] = {*id, *measure, fold_pattern(*pattern, *fold_),
                         fold_pattern(r.string(t, "reject", false, *id).value_or(""), *fold_),
                         fold_pattern(r.string(t, "reject_base", false, *id).value_or(""), *fold_),
                         static_cast<int>(r.integer(t, "priority", false).value_or(0)), r.where(t),
                         r.string(t, "bare_amount", false, *id).value_or("")};
    }
  }

  // Whether `unit` is what one of the pack's money words stands for (CNY).
  bool is_money_unit(const std::string& unit) const {
    for (const auto* units : {&pack_->quantity.units, &pack_->quantity.units_before})
      for (const auto& [word, entry] : *units)
        if (entry.kind == QuantityKind::money && entry.unit == unit) return true;
    return false;
  }

  std::optional<Measure> measure_of(const TomlReader& r, const toml::table& t, const std::string& rule) {
    auto m = r.string(t, "measure", true, rule);
    if (!m) return std::nullopt;
    auto measure = parse_measure(*m);
    if (!measure) r.error(*t.get("measure"), "unknown measure '" + *m + "' (level, growth, share, pp_change)", rule);
    return measure;
  }

  // `pattern` with its macros expanded, or nullopt once the error is
  // reported at `at`.
  std::optional<std::string> expand(const TomlReader& r, const toml::node& at, const std::string& pattern,
                                    const std::string& rule, const std::map<std::string, std::string>& locals = {}) const {
    MacroExpansion x = macros_.expand(pattern, locals);
    if (x.error.empty()) return std::move(x.pattern);
    r.error(at, x.error, rule);
    return std::nullopt;
  }

  std::unique_ptr<RE2> compile(const TomlReader& r, const toml::node& at, const std::string& pattern,
                               const std::string& rule, const std::map<std::string, std::string>& locals = {},
                               int64_t max_mem = kPatternMemory) {
    auto expanded = expand(r, at, pattern, rule, locals);
    if (!expanded) return nullptr;
    auto re = std::make_unique<RE2>(*expanded, regex_options(max_mem));
    if (!re->ok()) {
      r.error(at, "RE2 rejects the pattern: " + re->error(), rule);
      return nullptr;
    }
    return re;
  }

  // Expands `pattern` into a regex compiled on first use (see
  // rules/lazy_regex.hpp): an indicator's names or one of its exclusions.
  // Null (an error reported) when it cannot be expanded. Its syntax is
  // checked by check_lazy_syntax, once the rule filter has started.
  std::unique_ptr<LazyRegex> lazy(const TomlReader& r, const toml::node& at, const std::string& pattern,
                                  const std::string& rule, const std::map<std::string, std::string>& locals) {
    auto expanded = expand(r, at, pattern, rule, locals);
    if (!expanded) return nullptr;
    auto regex = std::make_unique<LazyRegex>(std::move(*expanded), regex_options(kPatternMemory), error_at(r.where(at), rule));
    unchecked_.push_back(regex.get());
    return regex;
  }

  // The syntax of the names and exclusions lazy() made: read after the
  // rule filter has started, which needs every rule read first and is the
  // longest part of loading, so that it starts as early as it can.
  void check_lazy_syntax() {
    for (const LazyRegex* regex : unchecked_) {
      if (auto error = LazyRegex::syntax_error(regex->pattern(), regex->options())) {
        RuleError e = regex->where();
        e.message = "RE2 rejects the pattern: " + *error;
        errors_.push_back(std::move(e));
      }
    }
    unchecked_.clear();
  }

  // A reject pattern comes from a template, so most indicators share the
  // same one: one regex, its DFA warmed by every rule that uses it. The
  // expansion, the pattern's key in shared_regexes_ (or in shared_errors_,
  // reported at each rule that uses it, see complete_rules), or nullopt
  // (an error reported) when it cannot be expanded.
  std::optional<std::string> share(const TomlReader& r, const toml::node& at, const std::string& pattern,
                                   const std::string& rule, const std::map<std::string, std::string>& locals) {
    auto expanded = expand(r, at, pattern, rule, locals);
    if (!expanded || shared_regexes_.count(*expanded) || shared_errors_.count(*expanded)) return expanded;
    RE2::Options options = regex_options(kSharedMemory);
    if (auto error = LazyRegex::syntax_error(*expanded, options)) {
      shared_errors_[*expanded] = *error;
    } else {
      shared_regexes_[*expanded] = std::make_shared<LazyRegex>(*expanded, options, error_at(r.where(at), rule));
    }
    return expanded;
  }

  std::vector<std::unique_ptr<RE2>> compile_all(const TomlReader& r, const toml::table& t, std::string_view key,
                                                const std::map<std::string, std::string>& locals = {}) {
    std::vector<std::unique_ptr<RE2>> out;
    auto patterns = r.strings(t, key, false);
    if (!patterns) return out;
    for (const auto& p : *patterns)
      if (auto re = compile(r, *t.get(key), fold_pattern(p, *fold_), "", locals)) out.push_back(std::move(re));
    return out;
  }

  // Pass 2: everything that uses macros, in three steps so a rule in any
  // file can name an indicator defined in any other.
  void compile_sections(const LoadedFile& f) {
    TomlReader r(f.display_name, errors_);
    const toml::table& t = f.table;
    if (const toml::table* q = r.table(t, "quantities")) compile_quantities(r, *q);
    if (const toml::table* m = r.table(t, "modality")) compile_modality(r, *m);
    if (const toml::array* periods = r.array_of_tables(t, "period"))
      for (const auto& p : *periods) compile_period(r, *p.as_table());
    if (const toml::table* p = r.table(t, "periods")) {
      r.check_keys(*p, {"comparison_base", "document_date", "span_start", "span_end", "annual_average", "since_base"},
                   "[periods]");
      if (auto base = r.string(*p, "comparison_base", false))
        pack_->periods.comparison_base = compile(r, *p, fold_pattern(*base, *fold_), "");
      if (auto start = r.string(*p, "span_start", false))
        pack_->periods.span_start = compile(r, *p, fold_pattern(*start, *fold_), "");
      if (auto end = r.string(*p, "span_end", false))
        pack_->periods.span_end = compile(r, *p, fold_pattern(*end, *fold_), "");
      if (auto average = r.string(*p, "annual_average", false))
        pack_->periods.annual_average = compile(r, *p, fold_pattern(*average, *fold_), "");
      if (auto base = r.string(*p, "since_base", false)) {
        pack_->periods.since_base = compile(r, *p, fold_pattern(*base, *fold_), "");
        if (pack_->periods.since_base && pack_->periods.since_base->NumberOfCapturingGroups() < 1)
          r.error(*p, "since_base must capture the base year (group 1)", "");
      }
      auto dates = compile_all(r, *p, "document_date");
      for (auto& d : dates) pack_->periods.document_date.push_back(std::move(d));
    }
    if (const toml::table* s = r.table(t, "subjects")) {
      r.check_keys(*s, {"patterns", "not_after"}, "[subjects]");
      for (auto& re : compile_all(r, *s, "patterns")) pack_->subjects.patterns.push_back(std::move(re));  // added to
      if (auto words = r.strings(*s, "not_after", false))
        for (const auto& w : *words) pack_->subjects.not_after.push_back(fold_word(w));
    }
  }

  struct FileScope {
    std::string indicator;
    std::map<std::string, std::string> locals;  // {NAME}
  };

  FileScope compile_indicator_table(const LoadedFile& f) {
    TomlReader r(f.display_name, errors_);
    FileScope scope;
    if (const toml::table* ind = r.table(f.table, "indicator")) scope.indicator = compile_indicator(r, *ind, scope.locals);
    return scope;
  }

  void read_rules(const LoadedFile& f, const FileScope& scope) {
    TomlReader r(f.display_name, errors_);
    if (const toml::array* rules = r.array_of_tables(f.table, "rule"))
      for (const auto& node : *rules) compile_rule(r, *node.as_table(), scope.indicator, scope.locals);
  }

  void read_tests(const LoadedFile& f, const FileScope& scope) {
    TomlReader r(f.display_name, errors_);
    const toml::table& t = f.table;
    if (const toml::array* tests = r.array_of_tables(t, "test"))
      for (const auto& node : *tests) read_test(r, *node.as_table(), scope.indicator, false);
    if (const toml::array* tests = r.array_of_tables(t, "quantity_test"))
      for (const auto& node : *tests) read_test(r, *node.as_table(), "", true);
  }

  void compile_quantities(const TomlReader& r, const toml::table& q) {
    r.check_keys(q, {"finder", "parts", "excludes"}, "[quantities]");
    if (pack_->quantity.parts) r.error(q, "[quantities] is defined twice");
    auto finder = r.string(q, "finder", true);
    auto parts = r.string(q, "parts", true);
    if (finder) pack_->quantity.finder = compile(r, *q.get("finder"), fold_pattern(*finder, *fold_), "", {}, kWholeTextMemory);
    if (parts) pack_->quantity.parts = compile(r, *q.get("parts"), "^(?:" + fold_pattern(*parts, *fold_) + ")$", "");
    if (pack_->quantity.parts) {
      const auto& names = pack_->quantity.parts->NamedCapturingGroups();
      if (!names.count("num")) r.error(*q.get("parts"), "the quantity grammar needs a (?P<num>...) group");
      for (std::size_t i = 0; i < kQuantityParts.size(); ++i)
        if (auto it = names.find(kQuantityParts[i]); it != names.end()) pack_->quantity.part_groups[i] = it->second;
      pack_->quantity.parts_treat_digits_alike = treats_digits_alike(pack_->quantity.parts->pattern());
      pack_->quantity.splits = std::make_shared<resolve::SplitCache>();
    }
    pack_->quantity.excludes = compile_all(r, q, "excludes");
  }

  void compile_modality(const TomlReader& r, const toml::table& m) {
    r.check_keys(m,
                 {"actual", "planned", "expected", "target", "weak", "scoped", "excludes", "future_year", "breakdown",
                  "phrases", "list_item"},
                 "[modality]");
    if (auto words = r.strings(m, "breakdown", false)) {
      for (const auto& w : *words) {
        if (w.empty()) r.error(*m.get("breakdown"), "a breakdown word cannot be empty");
        else pack_->modality.breakdown.push_back(fold_word(w));
      }
    }
    // A [modality] section in another file adds to the pack's: its words
    // join those read before (the index is built again from all of them),
    // its excludes and phrases are added.
    for (std::string_view name : kModalityNames) {
      auto words = r.strings(m, name, false);
      if (!words) continue;
      for (const auto& w : *words) pack_->modality.by_word[fold_word(w)] = {*parse_modality(name), false, false};
    }
    for (std::string_view flag : {"weak", "scoped"}) {
      auto words = r.strings(m, flag, false);
      if (!words) continue;
      for (const auto& w : *words) {
        auto it = pack_->modality.by_word.find(fold_word(w));
        if (it == pack_->modality.by_word.end())
          r.error(*m.get(flag), std::string(flag) + " word '" + w + "' is not listed under a modality");
        else (flag == "weak" ? it->second.weak : it->second.scoped) = true;
      }
    }
    std::vector<std::string> all;
    for (const auto& [word, modality] : pack_->modality.by_word) all.push_back(word);
    pack_->modality.words.emplace(std::vector<std::vector<std::string>>{alternation_order(std::move(all))});
    for (auto& re : compile_all(r, m, "excludes")) pack_->modality.excludes.push_back(std::move(re));
    pack_->modality.any_exclude = set_of(pack_->modality.excludes);
    if (auto future = r.string(m, "future_year", false)) {
      pack_->modality.future_year = compile(r, *m.get("future_year"), fold_pattern(*future, *fold_), "");
      if (pack_->modality.future_year && pack_->modality.future_year->NumberOfCapturingGroups() < 1) {
        r.error(*m.get("future_year"), "future_year needs a capture group around the year");
        pack_->modality.future_year.reset();
      }
      if (pack_->modality.future_year)
        pack_->modality.future_year_lead = match::LeadChars::of(pack_->modality.future_year->pattern());
    }
    if (const toml::table* phrases = r.table(m, "phrases")) compile_modality_phrases(r, *phrases);
    if (auto item = r.string(m, "list_item", false))
      pack_->modality.list_item = compile(r, *m.get("list_item"), fold_pattern(*item, *fold_), "");
  }

  // [modality.phrases]: under each modality's name, the patterns that
  // signal it.
  void compile_modality_phrases(const TomlReader& r, const toml::table& phrases) {
    r.check_keys(phrases, {kModalityNames.begin(), kModalityNames.end()}, "[modality.phrases]");
    for (std::string_view name : kModalityNames) {
      for (auto& re : compile_all(r, phrases, name)) {
        auto lead = match::LeadChars::of(re->pattern());
        pack_->modality.phrases.push_back({std::move(re), std::move(lead), *parse_modality(name)});
      }
    }
  }

  // The patterns in one RE2::Set (see ModalityLexicon::any_exclude), or
  // null when one has an assertion or cannot be read.
  std::unique_ptr<RE2::Set> set_of(const std::vector<std::unique_ptr<RE2>>& patterns) const {
    if (patterns.empty()) return nullptr;
    auto set = std::make_unique<RE2::Set>(regex_options(), RE2::UNANCHORED);
    for (const auto& re : patterns) {
      auto chars = match::read_pattern_chars(re->pattern(), match::CharsToRead::first_only);
      if (!chars || chars->has_assertion || set->Add(re->pattern(), nullptr) < 0) return nullptr;
    }
    return set->Compile() ? std::move(set) : nullptr;
  }

  void compile_period(const TomlReader& r, const toml::table& p) {
    r.check_keys(p,
                 {"id", "pattern", "date", "year", "last_year", "month_from", "month_to", "years_back", "year_offset",
                  "cumulative", "scoped"},
                 "[[period]]");
    auto id = r.string(p, "id", true);
    auto pattern = r.string(p, "pattern", true, id.value_or(""));
    if (!id || !pattern) return;
    PeriodRule rule;
    rule.id = *id;
    rule.where = r.where(p);
    // Compiled with the other period patterns in compile_periods().
    auto expanded = expand(r, *p.get("pattern"), fold_pattern(*pattern, *fold_), *id);
    if (!expanded) return;
    rule.expanded = std::move(*expanded);
    rule.is_date = r.boolean(p, "date").value_or(false);
    rule.cumulative = r.boolean(p, "cumulative").value_or(false);
    rule.scoped = r.boolean(p, "scoped").value_or(false);
    rule.year = r.string(p, "year", !rule.is_date, *id).value_or("");
    rule.last_year = r.string(p, "last_year", false, *id).value_or("");
    rule.month_from = r.string(p, "month_from", false, *id).value_or("");
    rule.month_to = r.string(p, "month_to", false, *id).value_or(rule.month_from);
    rule.years_back = r.string(p, "years_back", false, *id).value_or("");
    rule.year_offset = static_cast<int>(r.integer(p, "year_offset", false, *id).value_or(0));
    // A stated or document-relative year (2022年, 去年) sets the year in scope.
    rule.explicit_year = rule.year != "scope";
    auto is_literal_year = [](const std::string& y) {
      return y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!rule.is_date && rule.year != "doc" && rule.year != "scope" && !rule.year.starts_with("$") &&
        !is_literal_year(rule.year))
      r.error(*p.get("year"), "year must be \"$N\" (a capture), \"doc\", \"scope\" or a year such as \"1981\"", *id);
    if (!rule.last_year.empty() && rule.last_year != "doc" && !rule.last_year.starts_with("$") &&
        !is_literal_year(rule.last_year))
      r.error(*p.get("last_year"), "last_year must be \"$N\" (a capture), \"doc\" or a year such as \"1985\"", *id);
    pack_->periods.rules.push_back(std::move(rule));
  }

  std::string compile_indicator(const TomlReader& r, const toml::table& ind, std::map<std::string, std::string>& locals) {
    r.check_keys(ind, {"id", "names", "name_pattern", "templates", "excludes", "stock"}, "[indicator]");
    auto id = r.string(ind, "id", true);
    if (!id) return "";
    if (pack_->indicator(*id)) r.error(ind, "indicator '" + *id + "' is defined twice");
    auto names = r.strings(ind, "names", false, *id);
    auto name_pattern = r.string(ind, "name_pattern", false, *id);
    if (!names && !name_pattern) r.error(ind, "an indicator needs 'names' or 'name_pattern'", *id);
    std::string alternation = names ? alternation_of(fold_words(*names)) : "";
    if (name_pattern) alternation = (alternation.empty() ? "" : alternation + "|") + fold_pattern(*name_pattern, *fold_);
    locals["NAME"] = alternation;
    IndicatorInfo info{*id, r.where(ind), lazy(r, ind, alternation, *id, {}), alternation,
                       name_words(names, name_pattern), r.boolean(ind, "stock").value_or(false), {}, {}, {}, {}};
    if (auto excludes = r.strings(ind, "excludes", false)) {
      for (const auto& p : *excludes) {
        if (auto exclude = lazy(r, *ind.get("excludes"), fold_pattern(p, *fold_), "", locals)) {
          const std::string& expanded = exclude->pattern();
          info.exclude_leads.push_back(match::LeadChars::of(expanded));
          auto rest = info.names.empty() ? std::nullopt : remainders_.after_name(expanded, alternation);
          info.exclude_at_names.push_back(rest.has_value());
          info.exclude_rest_leads.push_back(rest ? match::LeadChars::of(*rest) : std::nullopt);
          info.excludes.push_back(std::move(exclude));
        }
      }
    }
    pack_->indicators.push_back(std::move(info));
    if (auto templates = r.strings(ind, "templates", false, *id)) {
      for (const auto& name : *templates) {
        auto it = templates_.find(name);
        if (it == templates_.end()) {
          r.error(*ind.get("templates"), "unknown template '" + name + "'", *id);
          continue;
        }
        const Template& tpl = it->second;
        add_rule(r, ind,
                 {*id + "." + name, *id, tpl.measure, tpl.pattern, tpl.reject, tpl.reject_base, tpl.priority, {}, "",
                  tpl.bare_amount, tpl.where},
                 locals);
      }
    }
    return *id;
  }

  void compile_rule(const TomlReader& r, const toml::table& t, const std::string& file_indicator,
                    const std::map<std::string, std::string>& locals) {
    auto id = r.string(t, "id", true);
    std::string rule_id = id.value_or("");
    r.check_keys(t,
                 {"bare_amount", "id", "indicator", "indicators", "measure", "pattern", "priority", "reject",
                  "reject_base", "reject_between"},
                 "[[rule]]", rule_id);
    // indicator = "inherit": the figure takes the indicator of the fact before it.
    // indicator = "list": a list rule whose names say which indicators (or
    // whose `indicators` array does).
    auto fixed = r.strings(t, "indicators", false, rule_id);
    bool needs_indicator = file_indicator.empty() && !fixed;
    auto indicator = r.string(t, "indicator", needs_indicator, rule_id).value_or(fixed ? std::string(kList) : file_indicator);
    auto measure = measure_of(r, t, rule_id);
    auto pattern = r.string(t, "pattern", true, rule_id);
    if (!id || !measure || !pattern || indicator.empty()) return;
    if (indicator != kInherit && indicator != kList && !pack_->indicator(indicator)) {
      r.error(t, "unknown indicator '" + indicator + "' (no [indicator] table defines it)", rule_id);
      return;
    }
    add_rule(r, t,
             {rule_id, indicator, *measure, fold_pattern(*pattern, *fold_),
              fold_pattern(r.string(t, "reject", false, rule_id).value_or(""), *fold_),
              fold_pattern(r.string(t, "reject_base", false, rule_id).value_or(""), *fold_),
              static_cast<int>(r.integer(t, "priority", false, rule_id).value_or(0)), fixed.value_or(std::vector<std::string>{}),
              fold_pattern(r.string(t, "reject_between", false, rule_id).value_or(""), *fold_),
              r.string(t, "bare_amount", false, rule_id).value_or(""), r.where(t)},
             locals);
  }

  struct RuleSpec {
    std::string id, indicator;
    Measure measure;
    std::string pattern, reject, reject_base;
    int priority;
    std::vector<std::string> list_indicators;
    std::string reject_between;  // a continuation's: see CompiledRule::reject_between
    std::string bare_amount;     // see CompiledRule::bare_amount
    SourceLocation bare_amount_where;  // where bare_amount is set: the template's, for a rule of a template
  };

  // Expands a rule's pattern; it is compiled with all the others at the end
  // (see compile_rules), where the rule is completed.
  void add_rule(const TomlReader& r, const toml::node& at, const RuleSpec& spec,
                const std::map<std::string, std::string>& locals) {
    auto expanded = expand(r, at, spec.pattern, spec.id, locals);
    if (!expanded) return;
    Split split = split_after_name(spec, *expanded, locals);
    PendingRule pending{spec, *expanded, std::move(split.rest), std::move(split.prefix_words), r.where(at), {}, {}};
    if (!spec.reject.empty() && !(pending.reject = share(r, at, spec.reject, spec.id, locals))) return;
    if (!spec.reject_base.empty() && !(pending.reject_base = share(r, at, spec.reject_base, spec.id, locals))) return;
    if (!spec.reject_between.empty() &&
        !(pending.reject_between = share(r, at, spec.reject_between, spec.id, locals)))
      return;
    pending_rules_.push_back(std::move(pending));
  }

  // An indicator's names as words, in the order its alternation prefers
  // them: its words, then what its name pattern spells out. Empty when the
  // pattern cannot be spelled out (its rules are then matched whole).
  std::vector<std::string> name_words(const std::optional<std::vector<std::string>>& names,
                                      const std::optional<std::string>& name_pattern) const {
    std::vector<std::string> words = names ? alternation_order(fold_words(*names)) : std::vector<std::string>{};
    if (name_pattern) {
      auto spelled = pattern_words(fold_pattern(*name_pattern, *fold_));
      if (!spelled) return {};
      for (auto& w : *spelled) {
        if (w.empty()) return {};  // a name that can be nothing is not a word to look for
        if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(std::move(w));
      }
    }
    return words;
  }

  // How a rule that begins with its indicator's name is matched apart (see
  // match/name_finder.hpp): the remainder after the name, and the words of
  // an optional prefix before it ((?:{increment_word})?(?P<name>{NAME})...).
  // An empty remainder: the rule is matched whole, because it starts
  // otherwise, its indicator's names are no words, or the remainder would
  // not mean the same alone (a quantifier on the name, an alternation at
  // the top).
  struct Split {
    std::string_view rest;  // Remainders' copy
    std::vector<std::string> prefix_words;
  };

  Split split_after_name(const RuleSpec& spec, const std::string& expanded,
                         const std::map<std::string, std::string>& locals) {
    constexpr std::string_view kNameFirst = "(?P<name>{NAME})";
    const IndicatorInfo* info = pack_->indicator(spec.indicator);
    auto name = locals.find("NAME");
    if (!info || info->names.empty() || name == locals.end()) return {};
    if (name->second != info->name_alternation) return {};  // {NAME} is another indicator's
    // An optional prefix of plain words: (?:{macro})? right before the name.
    static const RE2 kOptionalPrefix(R"(\(\?:(\{[A-Za-z_][A-Za-z0-9_]*\})\)\?)");
    re2::StringPiece pattern(spec.pattern);
    std::string prefix_macro;
    std::string head;
    Split split;
    if (RE2::Consume(&pattern, kOptionalPrefix, &prefix_macro)) {
      MacroExpansion prefix = macros_.expand(prefix_macro, locals);
      auto words = prefix.error.empty() ? pattern_words(prefix.pattern) : std::nullopt;
      if (!words || words->empty() || std::find(words->begin(), words->end(), "") != words->end()) return {};
      split.prefix_words = std::move(*words);
      head = "(?:" + prefix.pattern + ")?";
    }
    if (!pattern.starts_with(re2::StringPiece(kNameFirst.data(), kNameFirst.size()))) return {};
    head += "(?P<name>(?:" + name->second + "))";
    auto rest = remainders_.after(expanded, head);
    if (!rest) return {};
    split.rest = *rest;
    return split;
  }

  // Compiles the period patterns in one Prefilter, which owns them and
  // picks the phrases worth trying on a paragraph.
  void compile_periods() {
    std::vector<std::string> patterns;
    for (const auto& p : pack_->periods.rules) patterns.push_back(p.expanded);
    pack_->period_filter = std::make_unique<match::Prefilter>(patterns, regex_options());
    std::vector<PeriodRule> compiled;
    for (std::size_t i = 0; i < pack_->periods.rules.size(); ++i) {
      PeriodRule& p = pack_->periods.rules[i];
      if (!pack_->period_filter->error(i).empty()) {
        errors_.push_back(error_at(p.where, p.id, "RE2 rejects the pattern: " + pack_->period_filter->error(i)));
        continue;
      }
      p.pattern = &pack_->period_filter->regex(i);
      p.lead = match::LeadChars::of(p.expanded);
      compiled.push_back(std::move(p));
    }
    pack_->periods.rules = std::move(compiled);
  }

  // Whether no match of any of `patterns` can hold a sentence-final
  // character (see PeriodLexicon::within_sentences). Unicode classes are
  // read with ICU's tables: whether 。 is a Han character is long settled.
  bool within_sentences(const std::vector<const RE2*>& patterns) const {
    const auto& ends = pack_->segments.sentence_end;
    return std::all_of(patterns.begin(), patterns.end(), [&](const RE2* re) {
      auto chars = match::read_pattern_chars(re->pattern(), match::CharsToRead::everything,
                                             match::UnicodeClasses::from_icu);
      return chars && std::none_of(ends.begin(), ends.end(), [&](char32_t c) { return match::contains(chars->any, c); });
    });
  }

  // The characters the segmenter reads (text::segment): the line break and
  // the sentence ends, as folded.
  text::WatchedChars segment_breaks() const {
    text::WatchedChars breaks;
    breaks.bmp.set('\n');
    for (char32_t c : pack_->segments.sentence_end) {
      if (c < 0x10000) breaks.bmp.set(c);
      else breaks.beyond_bmp = true;
    }
    return breaks;
  }

  // See PeriodLexicon::within_sentences and SubjectLexicon::within_sentences.
  void mark_phrases_within_sentences() {
    std::vector<const RE2*> periods, subjects;
    for (const auto& p : pack_->periods.rules) periods.push_back(p.pattern);
    for (const auto& re : pack_->subjects.patterns) subjects.push_back(re.get());
    pack_->periods.within_sentences = within_sentences(periods);
    pack_->subjects.within_sentences = within_sentences(subjects);
  }

  // Starts building the rule filter, a Prefilter of the rules' patterns as
  // kSkipped describes, on a thread of its own when there is a core for
  // it; complete_rules waits for it.
  void start_rule_filter() {
    // The patterns: each whole rule, and each distinct remainder once
    // however many indicators share it.
    std::vector<std::string> skipped = skipped_macro_groups();
    std::map<std::string_view, std::size_t> index_of;  // views of the pending rules' patterns and remainders
    for (const auto& p : pending_rules_) {
      std::string_view compiled = p.rest.empty() ? std::string_view(p.pattern) : p.rest;
      auto [it, added] = index_of.emplace(compiled, rule_patterns_.size());
      filter_of_rule_.push_back(it->second);
      if (added) {
        rule_patterns_.emplace_back(compiled);
        rule_pattern_facts_.emplace_back();
      }
      // Where a whole rule's matches can begin, read once per pattern (a
      // pattern may have come first as a remainder, which needs none).
      PatternFacts& facts = rule_pattern_facts_[it->second];
      if (p.rest.empty() && !facts.lead) facts.lead = match::LeadChars::of(compiled);
      if (!added) continue;
      // A continuation has no name to start at: it is tried at every
      // clause of every sentence with a figure; a shared remainder is tried
      // after the names of every indicator that shares it. A whole rule
      // that can begin with a figure (a digit among its first characters:
      // 12个…项目) is tried at every figure of the sentences given it, and
      // one whose first characters are not known is searched through them.
      // Their DFAs meet far more kinds of text than a rule tried at one
      // indicator's names: with a small cap, the DFA of a figure followed
      // by a gap dropped its states a hundred times in 5 MB of the corpus.
      bool busy = p.spec.indicator == kInherit || !p.rest.empty() || !*facts.lead || (*facts.lead)->contains('0');
      rule_options_.push_back(regex_options(busy ? kSharedMemory : rule_memory(compiled)));
    }
    // The thread makes the copies too. It reads the patterns and their
    // options, which stay as they are, and writes only the copies' errors,
    // read once it is joined.
    auto build = [this, skipped = std::move(skipped)] {
      std::vector<std::string> copies;
      copy_errors_.resize(rule_patterns_.size());
      for (std::size_t i = 0; i < rule_patterns_.size(); ++i)
        copies.push_back(filter_copy(rule_patterns_[i], skipped, rule_options_[i], copy_errors_[i]));
      // In one shard: each is asked about every sentence that names an
      // indicator, and RE2's answer (FilteredRE2::AllPotentials) costs about
      // as much for a shard as for all of them. Built on a thread of its own
      // while the pack loads on, one shard loads no slower than two
      // (bench/README.md).
      pack_->rule_filter = std::make_unique<match::Prefilter>(copies, rule_options_, 1u);
    };
    if (compile_threads() > 1) rule_filter_thread_ = std::jthread(build);
    else build();
  }

  // The rule filter compiles the rules' patterns with the macros in
  // [rule_filter] skip_macros (the number grammar, a gap's character) left
  // out, each written as kSkipped (and more left out, see filter_copy).
  // The filter picks rules by the words their matches must contain, and
  // these macros need none: left out, they change nothing it picks. A
  // macro that does need a word only makes it pick more rules (.* matches
  // whatever the macro did). The patterns themselves are compiled on first
  // use (rules/lazy_regex.hpp), so what loading checks of them is what the
  // filter compiles, what filter_copy reads of the groups it leaves out,
  // and each skipped macro alone here: that it compiles and has no
  // capturing group (the rule's groups are read off the filter's copy).
  // The macros' expansions as they stand in patterns.
  static constexpr std::string_view kSkipped = "(?s:.*)";

  // A rule's pattern as the rule filter reads it, with what the filter
  // cannot use left out: the skipped macros written as kSkipped, every
  // {0,n} as * (RE2 compiles x{0,7} as seven copies of x), what an
  // optional group holds as kSkipped, and no repeat of kSkipped. The
  // filter reads an optional part as matching anything, whatever it holds,
  // so it picks what it would from the whole pattern. What is left out of
  // the copy is not compiled with it: its syntax is read here, each
  // distinct group once, and an error in it is the copy's error.
  std::string filter_copy(const std::string& pattern, const std::vector<std::string>& skipped,
                          const RE2::Options& options, std::string& error) {
    std::vector<std::string> optional_groups;
    std::string copy = match::copy_for_filter(pattern, skipped, kSkipped, optional_groups);
    for (const auto& group : optional_groups) {
      // Options other than the memory budget are the same for every rule,
      // and the budget does not change what parses.
      auto known = group_syntax_errors_.find(group);
      if (known == group_syntax_errors_.end())
        known = group_syntax_errors_.emplace(group, LazyRegex::syntax_error(group, options)).first;
      if (known->second && error.empty()) error = *known->second;
    }
    return copy;
  }

  std::vector<std::string> skipped_macro_groups() {
    std::vector<std::string> groups;
    for (const auto& skipped : skipped_macros_) {
      // Named, not a structured binding: clang 14 (the fuzz build) cannot
      // capture one in a lambda.
      const std::string& name = skipped.first;
      const SourceLocation& where = skipped.second;
      auto report = [&](const std::string& message) {
        errors_.push_back(error_at(where, "", "[rule_filter] skip_macros: " + message));
      };
      MacroExpansion x = macros_.expand("{" + name + "}");
      if (!x.error.empty()) {
        report(x.error);
        continue;
      }
      if (match::capturing_groups_from(x.pattern, 0) > 0) {
        report("macro {" + name + "} has a capturing group");
        continue;
      }
      if (RE2 alone(x.pattern, regex_options(kPatternMemory)); !alone.ok()) {
        report("macro {" + name + "}: RE2 rejects the pattern: " + alone.error());
        continue;
      }
      groups.push_back(std::move(x.pattern));
    }
    return groups;
  }

  // What completing a rule reads from its pattern's text alone, once per
  // pattern however many rules share it, while the rule filter is still
  // being built: the gap a remainder begins with (or a whole pattern, after
  // its first character: the same text could be both, split apart), and
  // whether the figure ends the match (where a whole rule's matches can
  // begin is read in start_rule_filter, which needs it to size the rule's
  // DFA).
  void read_rule_patterns() {
    for (std::size_t i = 0; i < pending_rules_.size(); ++i) {
      const PendingRule& rule = pending_rules_[i];
      std::size_t f = filter_of_rule_[i];
      PatternFacts& facts = rule_pattern_facts_[f];
      const std::string& pattern = rule_patterns_[f];
      if (!facts.figure_ends_match) facts.figure_ends_match = ends_with_group(pattern, "q");
      if (!rule.rest.empty() && !facts.gap) facts.gap = match::LeadingGap::of(pattern, rule_options_[f]);
      // Only a continuation's groups are found after its first character
      // (see match::candidate_of): no other rule's pattern is read for it.
      if (rule.spec.indicator == kInherit && rule.rest.empty() && !facts.gap_after_first_char)
        facts.gap_after_first_char = match::LeadingGap::after_first_char(pattern, rule_options_[f]);
    }
  }

  // Waits for the rule filter and completes the rules: capture groups, list
  // items, checks.
  void complete_rules() {
    if (rule_filter_thread_.joinable()) rule_filter_thread_.join();
    pack_->whole_rules_by_filter.assign(rule_patterns_.size(), {});
    pack_->rest_rules_by_indicator.assign(pack_->indicators.size(), {});
    pack_->rule_regexes.resize(rule_patterns_.size());
    // Reserved at once: grown a rule at a time, it briefly held twice its size.
    pack_->rules.reserve(pending_rules_.size());
    for (std::size_t i = 0; i < pending_rules_.size(); ++i) {
      PendingRule& p = pending_rules_[i];
      const RuleSpec& spec = p.spec;
      std::size_t filter = filter_of_rule_[i];
      auto report = [&](const std::string& message) {
        errors_.push_back(error_at(p.where, spec.id, message));
      };
      const std::string& rejected =
          pack_->rule_filter->error(filter).empty() ? copy_errors_[filter] : pack_->rule_filter->error(filter);
      if (!rejected.empty()) {
        report("RE2 rejects the pattern: " + rejected);
        continue;
      }
      // The filter's copy has the pattern's groups (a skipped macro has none).
      const auto& groups = pack_->rule_filter->regex(filter).NamedCapturingGroups();
      auto& regex = pack_->rule_regexes[filter];
      // The pattern moves: the filter's thread is joined and nothing reads it after.
      if (!regex)
        regex = std::make_unique<LazyRegex>(std::move(rule_patterns_[filter]), rule_options_[filter],
                                            error_at(p.where, spec.id));
      // A remainder's groups come after the name's, as in the whole pattern.
      int offset = p.rest.empty() ? 0 : 1;
      auto group = [&](const std::string& name) {
        if (offset == 1 && name == "name") return 1;
        auto it = groups.find(name);
        return it == groups.end() ? 0 : it->second + offset;
      };
      CompiledRule rule;
      rule.id = spec.id;
      rule.inherits = spec.indicator == kInherit;
      rule.indicator = rule.inherits ? "" : spec.indicator;
      rule.measure = spec.measure;
      rule.where = p.where;
      rule.filter = filter;
      const PatternFacts& facts = rule_pattern_facts_[filter];
      if (p.rest.empty()) {
        rule.pattern = regex.get();
        rule.lead = *facts.lead;
        if (!rule.lead) rule.clause_starts = match::ClauseStarts::of(p.pattern);
        if (rule.inherits) rule.gap_after_first_char = *facts.gap_after_first_char;
      } else {
        rule.rest = regex.get();
        rule.head = p.pattern.substr(0, p.pattern.size() - p.rest.size());
        rule.rest_gap = *facts.gap;
        rule.prefix_words = std::move(p.prefix_words);
        rule.indicator_index = static_cast<std::size_t>(pack_->indicator(spec.indicator) - pack_->indicators.data());
      }
      auto shared = [&](const std::optional<std::string>& key, std::shared_ptr<const LazyRegex>& to) {
        if (!key) return true;
        if (auto error = shared_errors_.find(*key); error != shared_errors_.end()) {
          report("RE2 rejects the pattern: " + error->second);
          return false;
        }
        to = shared_regexes_.at(*key);
        return true;
      };
      if (!shared(p.reject, rule.reject) || !shared(p.reject_base, rule.reject_base) ||
          !shared(p.reject_between, rule.reject_between))
        continue;
      rule.group_q = group("q");
      rule.figure_ends_match = *facts.figure_ends_match;
      rule.group_name = group("name");
      rule.group_base = group("base");
      rule.group_neg = group("neg");
      rule.priority = spec.priority;
      rule.list_indicators = spec.list_indicators;
      if (!spec.bare_amount.empty()) {
        if (spec.measure != Measure::level || !is_money_unit(spec.bare_amount)) {
          errors_.push_back(error_at(spec.bare_amount_where, spec.id,
                                     "bare_amount '" + spec.bare_amount +
                                         "' must be a money unit of the pack (a [[unit]] of kind money) on a level rule"));
          continue;
        }
        rule.bare_amount = spec.bare_amount;
      }
      for (char n = '1'; n <= '9'; ++n) {
        int q = group(std::string{'q', n});
        if (q == 0) break;
        rule.list_items.push_back({q, group(std::string{'n', n})});
      }
      if (spec.indicator == kList) {
        if (rule.list_items.empty()) {
          report("a list rule needs figure groups (?P<q1>...), (?P<q2>...), ...");
          continue;
        }
        bool complete = true;
        for (std::size_t k = 0; k < rule.list_items.size(); ++k) {
          if (rule.list_items[k].group_name == 0 && k >= rule.list_indicators.size()) {
            report("figure group q" + std::to_string(k + 1) + " has neither a name group n" + std::to_string(k + 1) +
                   " nor an entry in 'indicators'");
            complete = false;
          }
        }
        for (const auto& ind : rule.list_indicators)
          if (!pack_->indicator(ind)) report("unknown indicator '" + ind + "' in 'indicators'");
        if (!complete) continue;
        rule.indicator.clear();
      } else if (rule.group_q == 0 && rule.list_items.empty()) {
        // A rule of an indicator may also be a list (q1, q2, ...): a figure
        // group without a name group is then the indicator's own.
        report("the pattern has no (?P<q>...) group for the figure");
        continue;
      }
      if (rule.rest) pack_->rest_rules_by_indicator[rule.indicator_index].push_back(pack_->rules.size());
      else pack_->whole_rules_by_filter[filter].push_back(pack_->rules.size());
      pack_->rules.push_back(std::move(rule));
    }
  }

  void read_test(const TomlReader& r, const toml::table& t, const std::string& file_indicator, bool quantities) {
    r.check_keys(t, {"text", "date", "title", "indicator", "expect"}, quantities ? "[[quantity_test]]" : "[[test]]");
    RuleTest test;
    test.where = r.where(t);
    test.quantities = quantities;
    test.text = r.string(t, "text", true).value_or("");
    test.date = r.string(t, "date", false).value_or("");
    test.title = r.string(t, "title", false).value_or("");
    test.indicator = r.string(t, "indicator", false).value_or(file_indicator);
    static const RE2 kDate(R"(\d{4}-\d{2}-\d{2})");
    if (!test.date.empty() && !RE2::FullMatch(test.date, kDate))
      r.error(*t.get("date"), "date '" + test.date + "' must be YYYY-MM-DD");
    const toml::node* expect = t.get("expect");
    const toml::array* arr = expect ? expect->as_array() : nullptr;
    if (!arr) {
      r.error(expect ? *expect : static_cast<const toml::node&>(t),
              "a test needs 'expect', an array of expected records ([] for none)");
      return;
    }
    static const std::set<std::string> fact_fields{"indicator", "measure", "value", "unit", "qualifier", "value_max",
                                                   "modality", "period", "subject", "base", "text"};
    static const std::set<std::string> quantity_fields{"kind", "value", "unit", "qualifier", "value_max", "text"};
    const auto& allowed = quantities ? quantity_fields : fact_fields;
    for (const auto& item : *arr) {
      const toml::table* e = item.as_table();
      if (!e) {
        r.error(item, "each expected record must be an inline table { field = \"value\", ... }");
        continue;
      }
      ExpectedRecord rec;
      rec.line = r.where(item).line;
      for (const auto& [k, v] : *e) {
        std::string key(k.str());
        if (!allowed.count(key)) {
          r.error(v, "unknown field '" + key + "' in an expected record");
          continue;
        }
        if (!v.is_string()) {
          r.error(v, "expected field '" + key + "' must be a string (values too: \"1357000000\")");
          continue;
        }
        std::string value = *v.value<std::string>();
        if (std::string problem = invalid_expectation(key, value); !problem.empty()) r.error(v, problem);
        rec.fields[key] = std::move(value);
      }
      test.expect.push_back(std::move(rec));
    }
    pack_->tests.push_back(std::move(test));
  }

  // Every indicator's names, and the clues, found together (see
  // CompiledPack::names).
  void build_name_index() {
    std::vector<std::vector<std::string>> names_of;
    for (const auto& info : pack_->indicators) names_of.push_back(info.names);
    if (pack_->name_clues) names_of.push_back(*pack_->name_clues);
    pack_->names = match::NameIndex(names_of);
  }

  // See CompiledPack::name_clues.
  void choose_name_clues() {
    std::vector<std::string> names;
    for (const auto& info : pack_->indicators) names.insert(names.end(), info.names.begin(), info.names.end());
    const match::Prefilter& filter = *pack_->rule_filter;
    pack_->name_clues = detail::find_name_clues(filter.atoms(), names, [&](const std::vector<int>& held) {
      for (int f : filter.candidates_given(held))
        for (std::size_t r : pack_->whole_rules_by_filter[static_cast<std::size_t>(f)])
          if (!pack_->rules[r].inherits) return true;
      return false;
    });
  }

  // One alternation of the quantity exclusions, so they are one pass over a
  // text.
  void build_prefilters() {
    std::string any;
    for (const auto& re : pack_->quantity.excludes) any += (any.empty() ? "(?:" : "|(?:") + re->pattern() + ")";
    if (!any.empty()) {
      auto combined = std::make_unique<RE2>(any, regex_options(kWholeTextMemory));
      // Too big for RE2: the exclusions run one by one instead (slower, same spans).
      if (combined->ok()) pack_->quantity.any_exclude = std::move(combined);
    }
  }

  // The finder and the exclusions scan whole documents: only where their
  // matches can lie.
  void build_quantity_windows() {
    auto& q = pack_->quantity;
    if (q.finder) {
      q.finder_windows = q.windows.add(q.finder->pattern());
      q.finder_lead = match::LeadChars::of(q.finder->pattern());
    }
    if (q.any_exclude) {
      q.exclude_windows = q.windows.add(q.any_exclude->pattern());
      q.exclude_lead = match::LeadChars::of(q.any_exclude->pattern());
    }
  }

  // Why an expected field can never match, or "" (a test that expects
  // measure "speed" would fail for ever; better to say so when loading). An
  // indicator is not checked: removing an indicator's file from a pack must
  // leave the pack loadable; tests naming it then fail when run.
  std::string invalid_expectation(const std::string& key, const std::string& value) const {
    auto bad = [&](const std::string& what) { return "expected " + key + " '" + value + "' is not " + what; };
    if (key == "measure" && !parse_measure(value)) return "unknown measure '" + value + "' in an expected record";
    if (key == "modality" && !parse_modality(value)) return bad("a modality (actual, planned, expected, target)");
    if (key == "qualifier" && !parse_qualifier(value)) return bad("a qualifier (eq, approx, gt, ge, lt, le, range)");
    if ((key == "value" || key == "value_max") && !value.empty() && !Decimal::parse(value)) return bad("a decimal");
    if (key == "period" && !value.empty() && !Period::parse(value)) return bad("a period (2023, 2023-06, 2023-01/2023-06)");
    if (key == "kind" && value != "number" && value != "percent" && value != "money" && value != "pp")
      return bad("a kind (number, percent, money, pp)");
    return "";
  }

  void check_duplicate_rule_ids() {
    std::map<std::string, const CompiledRule*> seen;
    for (const auto& rule : pack_->rules) {
      auto [it, inserted] = seen.emplace(rule.id, &rule);
      if (!inserted)
        errors_.push_back(error_at(rule.where, rule.id,
                                   fmt::format("duplicate rule id (first defined at {}:{})", it->second->where.file,
                                               it->second->where.line)));
    }
  }

  std::shared_ptr<CompiledPack> pack_ = std::make_shared<CompiledPack>();
  std::shared_ptr<const text::CharFold> fold_;
  std::vector<RuleError> errors_;
  MacroTable macros_;
  std::map<std::string, Template> templates_;
  std::map<std::string, std::vector<std::string>> unit_words_;
  std::map<std::string, std::vector<std::string>> qualifier_words_;
  std::vector<std::string> all_names_, all_name_patterns_;

  struct PendingRule {
    RuleSpec spec;
    std::string pattern;  // expanded
    std::string_view rest;  // what follows the name, when matched apart (see split_after_name): Remainders' copy
    std::vector<std::string> prefix_words;  // and the words of an optional prefix before the name
    SourceLocation where;
    std::optional<std::string> reject, reject_base, reject_between;  // keys in shared_regexes_
  };
  std::vector<PendingRule> pending_rules_;
  std::vector<const LazyRegex*> unchecked_;  // see check_lazy_syntax
  std::map<std::string, std::shared_ptr<const LazyRegex>> shared_regexes_;  // by expanded pattern
  std::map<std::string, std::string> shared_errors_;  // those whose syntax RE2 rejects, with its message
  std::vector<std::size_t> filter_of_rule_;  // per pending rule, its pattern in the rule filter
  std::vector<std::string> rule_patterns_;    // the patterns of the rules, each distinct one once
  std::vector<RE2::Options> rule_options_;    // and their options
  // Written by the rule filter's thread (filter_copy), read once it is joined.
  std::vector<std::string> copy_errors_;  // what RE2 says of what a copy leaves out, when it fails to parse
  std::map<std::string, std::optional<std::string>> group_syntax_errors_;  // of each group a copy leaves out
  std::vector<std::pair<std::string, SourceLocation>> skipped_macros_;  // [rule_filter] skip_macros
  struct PatternFacts {                        // see start_rule_filter, read_rule_patterns
    std::optional<std::optional<match::LeadChars>> lead;
    std::optional<std::shared_ptr<const match::LeadingGap>> gap;  // as a remainder's
    std::optional<std::shared_ptr<const match::LeadingGap>> gap_after_first_char;  // as a whole pattern's
    std::optional<bool> figure_ends_match;
  };
  std::vector<PatternFacts> rule_pattern_facts_;  // by rule filter pattern
  Remainders remainders_;                          // of rules and exclusions after their names
  // Builds pack_->rule_filter (start_rule_filter). Last, so that it is
  // joined before anything it uses is destroyed when loading fails early.
  std::jthread rule_filter_thread_;
};

}  // namespace
}  // namespace detail

RulePack RulePack::load(const std::filesystem::path& directory) {
  detail::Loader loader(directory);
  return RulePack(loader.load());
}

std::filesystem::path RulePack::default_directory() {
  if (const char* env = std::getenv("ZHIBIAO_RULES"); env && *env) return env;
  std::error_code ec;
  // An installed program (PREFIX/bin/extract) finds the pack installed beside
  // it (PREFIX/share/zhibiao/rules/zh), wherever the prefix was moved to.
  if (auto exe = std::filesystem::read_symlink("/proc/self/exe", ec); !ec) {
    auto beside = exe.parent_path().parent_path() / "share/zhibiao/rules/zh";
    if (std::filesystem::is_directory(beside, ec)) return beside;
  }
  if (std::filesystem::is_directory(ZHIBIAO_SOURCE_RULES, ec)) return ZHIBIAO_SOURCE_RULES;
  return ZHIBIAO_INSTALL_RULES;
}

const std::filesystem::path& RulePack::directory() const { return pack_->directory; }
std::size_t RulePack::rule_count() const { return pack_->rules.size(); }

void RulePack::compile_all() const {
  const std::vector<const detail::LazyRegex*> regexes = pack_->lazy_regexes();
  std::vector<std::vector<RuleError>> errors(regexes.size());
  detail::parallel_for(regexes.size(), detail::compile_threads(), [&](std::size_t i) {
    try {
      regexes[i]->get();
    } catch (const RulePackError& e) {
      errors[i] = e.errors();
    }
  });
  std::vector<RuleError> all;
  for (auto& e : errors) all.insert(all.end(), e.begin(), e.end());
  if (!all.empty()) throw RulePackError(std::move(all));
}

}  // namespace zhibiao
