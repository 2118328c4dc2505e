#include "resolve/period_resolver.hpp"

#include <algorithm>
#include <charconv>

#include "match/prefilter.hpp"
#include "match/scan.hpp"
#include "resolve/number_parser.hpp"

namespace zhibiao::resolve {
namespace {

constexpr int kMinYear = 1000, kMaxYear = 2999;
// How far back from a period phrase a comparison word may sit (bytes): the
// word and the year a part of a year is named after (比上年同期, 较2023年).
constexpr std::size_t kComparisonWindow = 24;

struct RawMention {
  std::size_t begin, end;
  const detail::PeriodRule* rule;
  std::vector<std::string> captures;  // [0] unused
};

// A rule field: "$N" (a capture), a literal integer, or empty.
std::optional<int> field(const std::string& spec, const RawMention& m, const detail::NumberLexicon& lex) {
  if (spec.empty()) return std::nullopt;
  if (spec[0] == '$') {
    std::size_t i = static_cast<std::size_t>(std::atoi(spec.c_str() + 1));
    if (i == 0 || i >= m.captures.size() || m.captures[i].empty()) return std::nullopt;
    return small_whole_number(m.captures[i], lex);
  }
  int v = 0;
  if (std::from_chars(spec.data(), spec.data() + spec.size(), v).ec != std::errc()) return std::nullopt;
  return v;
}

std::optional<Period> resolve_mention(const RawMention& m, DocumentDate document, std::optional<int> scope_year,
                                      const detail::NumberLexicon& lex) {
  const detail::PeriodRule& r = *m.rule;
  std::optional<int> year;
  if (r.year == "doc") year = document.year;
  else if (r.year == "scope") year = scope_year;
  else year = field(r.year, m, lex);
  if (!year) return std::nullopt;
  *year += r.year_offset;
  Period p = Period::year(*year);
  if (auto back = field(r.years_back, m, lex)) {
    if (*back < 1) return std::nullopt;
    p = Period::years(*year - *back, *year - 1);
  } else if (r.last_year == "doc") {
    // 2020年以来: from that year to the document's.
    if (!document.year) return std::nullopt;
    p = Period::years(*year, *document.year);
  } else if (auto last = field(r.last_year, m, lex)) {
    p = Period::years(*year, *last);
  }
  // "doc": the publication month (截至目前).
  auto from = r.month_from == "doc" ? document.month : field(r.month_from, m, lex);
  auto to = r.month_to == "doc" ? document.month : field(r.month_to, m, lex);
  if (!r.month_from.empty() && !from) return std::nullopt;
  if (from) p = Period::months(p.last_year, *from, to.value_or(*from));
  if (p.first_year < kMinYear || p.last_year > kMaxYear || !p.valid()) return std::nullopt;
  return p;
}

// How far from a period phrase the brackets around it may sit (bytes).
constexpr std::size_t kAsideReach = 90;

// Whether a figure begins at `at`: a digit, a percent sign, or a number
// word of the pack's that can begin one (a digit word, a unit word: 四, 百 of
// 百分之三; not 上 or 点, which begin other words too).
bool figure_at(std::string_view folded, std::size_t at, const detail::NumberLexicon& numbers) {
  unsigned char c = static_cast<unsigned char>(folded[at]);
  if ((c >= '0' && c <= '9') || c == '%') return true;
  using Kind = detail::NumberLexicon::Kind;
  std::string_view rest = folded.substr(at);
  return std::any_of(numbers.by_first_byte[c].begin(), numbers.by_first_byte[c].end(), [&](const auto& w) {
    return (w.kind == Kind::digit || w.kind == Kind::small_unit || w.kind == Kind::tens) && rest.starts_with(w.text);
  });
}

// Where the brackets around kept[i] close, when they hold a figure of their
// own: an aside (增长6.6%(去年同期增长4.1%), 增长5.2%(一季度为4.8%)) that
// gives another figure's period, not the one before it (113.26亿元(1-11月))
// nor the one after. Else 0. The figure is looked for outside the period
// phrases in the brackets; brackets end within their sentence.
std::size_t aside_end(std::string_view folded, const text::Segments& segments, const std::vector<RawMention>& kept,
                      std::size_t i, const detail::NumberLexicon& numbers) {
  const RawMention& m = kept[i];
  const text::Range& sentence = segments.sentences[segments.sentence_at(m.begin)];
  std::size_t open = std::string_view::npos, close = std::string_view::npos;
  std::size_t stop = std::max(sentence.begin, m.begin > kAsideReach ? m.begin - kAsideReach : 0);
  for (std::size_t at = m.begin; at > stop;) {
    char c = folded[--at];
    if (c == ')') return 0;
    if (c == '(') {
      open = at;
      break;
    }
  }
  if (open == std::string_view::npos) return 0;
  stop = std::min(sentence.end, m.end + kAsideReach);
  for (std::size_t at = m.end; at < stop; ++at) {
    char c = folded[at];
    if (c == '(') return 0;
    if (c == ')') {
      close = at;
      break;
    }
  }
  if (close == std::string_view::npos) return 0;
  // The period phrases in the brackets, as [first, last).
  std::size_t first = i, last = i + 1;
  while (first > 0 && kept[first - 1].end > open) --first;
  while (last < kept.size() && kept[last].begin < close) ++last;
  std::size_t at = open + 1;
  for (std::size_t k = first; k <= last; ++k) {
    std::size_t until = k < last ? std::max(kept[k].begin, at) : close;
    for (; at < until; ++at)
      if (figure_at(folded.substr(0, until), at, numbers)) return close + 1;
    if (k < last) at = std::max(at, kept[k].end);
  }
  return 0;
}

}  // namespace

DocumentDate document_date(std::string_view date, std::string_view folded, const detail::CompiledPack& pack) {
  int y = 0, m = 0;
  if (date.size() >= 4 && std::from_chars(date.data(), date.data() + 4, y).ec == std::errc() && y >= kMinYear &&
      y <= kMaxYear) {
    DocumentDate out{y, std::nullopt};
    if (date.size() >= 7 && std::from_chars(date.data() + 5, date.data() + 7, m).ec == std::errc() && m >= 1 && m <= 12)
      out.month = m;
    return out;
  }
  for (const auto& re : pack.periods.document_date) {
    DocumentDate found;
    match::scan(*re, folded, [&](const match::Hit& h) {
      if (found.year || re->NumberOfCapturingGroups() < 1) return;
      auto [b, e] = h.group(folded, 1);
      if (b == std::string_view::npos) return;
      auto v = small_whole_number(folded.substr(b, e - b), pack.numbers);
      if (!v || *v < kMinYear || *v > kMaxYear) return;
      found.year = v;
      if (re->NumberOfCapturingGroups() >= 2) {
        auto [mb, me] = h.group(folded, 2);
        if (mb != std::string_view::npos) {
          auto month = small_whole_number(folded.substr(mb, me - mb), pack.numbers);
          if (month && *month >= 1 && *month <= 12) found.month = month;
        }
      }
    });
    if (found.year) return found;
  }
  return {};
}

std::vector<PeriodMention> find_periods(std::string_view folded, const text::Segments& segments,
                                        const detail::CompiledPack& pack, DocumentDate document,
                                        std::optional<int> fallback_scope_year,
                                        const std::vector<std::size_t>& wanted_until, PeriodCarry* carry) {
  std::vector<RawMention> raw;
  match::Prefilter::Scratch filter_scratch;
  // A paragraph is read only up to where its phrases are needed when no
  // phrase can cross that sentence's end: the phrases before it are then
  // those of reading it whole, and the overlaps among them are settled the
  // same (leftmost first). Without a date, the document's year is the last
  // year stated in full, which takes every phrase of the paragraphs read.
  const bool read_part = pack.periods.within_sentences && document.year;
  for (std::size_t p = 0; p < segments.paragraphs.size(); ++p) {
    text::Range para = segments.paragraphs[p].range;
    if (!wanted_until.empty()) {
      if (wanted_until[p] <= para.begin) continue;
      if (read_part) para.end = std::min(para.end, wanted_until[p]);
    }
    std::string_view text = folded.substr(para.begin, para.end - para.begin);
    // The period phrases that can occur in this paragraph, in one pass.
    // Each is tried anchored where its lead characters stand: a search
    // with groups also runs RE2's reverse DFA, a second one per pattern,
    // to find where each match begins. 2-6% less time in all on the corpus
    // (bench/README.md, "The twenty-sixth session").
    for (int i : pack.period_filter->candidates(text, filter_scratch)) {
      const auto& rule = pack.periods.rules[static_cast<std::size_t>(i)];
      match::scan_with(*rule.pattern, rule.lead, folded, [&](const match::Hit& h) {
        RawMention m{h.begin, h.end, &rule, {}};
        m.captures.resize(h.groups.size());
        for (std::size_t g = 1; g < h.groups.size(); ++g)
          if (h.groups[g].data()) m.captures[g] = std::string(h.groups[g].data(), h.groups[g].size());
        raw.push_back(std::move(m));
      }, para.begin, para.end);
    }
  }
  // Leftmost, then longest, wins; "2023年1-5月" is one phrase, not three.
  std::sort(raw.begin(), raw.end(), [](const RawMention& a, const RawMention& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<RawMention> kept;
  std::size_t covered = 0;
  for (auto& m : raw) {
    if (m.begin < covered) continue;
    covered = m.end;
    if (m.rule->is_date) continue;
    if (pack.periods.comparison_base) {
      std::size_t from = m.begin > kComparisonWindow ? m.begin - kComparisonWindow : 0;
      while (from < m.begin && (static_cast<unsigned char>(folded[from]) & 0xC0) == 0x80) ++from;
      if (RE2::PartialMatch(folded.substr(from, m.begin - from), *pack.periods.comparison_base)) continue;
    }
    kept.push_back(std::move(m));
  }

  // The phrases in bracketed asides (增长6.6%(去年同期增长4.1%)) name the
  // period of the figures in them only: they set no year for what follows.
  std::vector<std::size_t> asides(kept.size());
  for (std::size_t i = 0; i < kept.size(); ++i) asides[i] = aside_end(folded, segments, kept, i, pack.numbers);

  // With no publication date, the last year the text states in full stands
  // in (for a document read in parts: the last it has stated so far).
  if (!document.year) {
    if (carry) document.year = carry->stated_year;
    for (std::size_t i = 0; i < kept.size(); ++i)
      if (const RawMention& m = kept[i]; m.rule->year.starts_with("$") && !asides[i])
        if (auto p = resolve_mention(m, document, std::nullopt, pack.numbers)) document.year = p->last_year;
    if (carry) carry->stated_year = document.year;
    if (!fallback_scope_year) fallback_scope_year = document.year;
  }

  // Resolve in document order, tracking the year in scope: the last stated
  // year of the paragraph, else of the headings passed so far, else the
  // fallback. Mentions come in text order, so a heading's year is known
  // before the paragraphs under it.
  std::vector<PeriodMention> out;
  std::optional<int> heading_year = carry && carry->heading_year ? carry->heading_year : fallback_scope_year;
  std::size_t paragraph = static_cast<std::size_t>(-1);
  std::optional<int> scope;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const RawMention& m = kept[i];
    std::size_t p = segments.paragraph_of_sentence[segments.sentence_at(m.begin)];
    if (p != paragraph) {
      paragraph = p;
      scope = heading_year;
    }
    auto period = resolve_mention(m, document, scope ? scope : document.year, pack.numbers);
    if (!period) continue;
    out.push_back({m.begin, m.end, *period, m.rule->explicit_year, m.rule->cumulative, m.rule->scoped, asides[i]});
    // A scoped phrase (五年累计) is its own figure's, and one in an aside
    // its figures': the year in scope for the phrases after it stays.
    if (m.rule->explicit_year && !m.rule->scoped && !asides[i]) {
      scope = period->last_year;
      if (segments.paragraphs[p].heading) {
        heading_year = period->last_year;
        if (carry) carry->heading_year = heading_year;
      }
    }
  }
  return out;
}

PeriodResolver::PeriodResolver(std::string_view folded, const text::Segments& segments,
                               std::vector<PeriodMention> mentions, std::optional<Period> title_period,
                               std::optional<PeriodMention> heading_before)
    : folded_(folded),
      segments_(segments),
      mentions_(std::move(mentions)),
      title_period_(title_period),
      heading_before_(std::move(heading_before)) {
  // For each paragraph, the last period stated in the nearest heading above
  // it, in one pass.
  heading_above_.assign(segments_.paragraphs.size(), kNone);
  std::size_t mention = 0, last_heading_mention = kNone;
  for (std::size_t p = 0; p < segments_.paragraphs.size(); ++p) {
    heading_above_[p] = last_heading_mention;
    const auto& para = segments_.paragraphs[p];
    std::size_t last_here = kNone;
    while (mention < mentions_.size() && mentions_[mention].begin < para.range.end) {
      if (para.range.contains(mentions_[mention].begin) && !mentions_[mention].aside_end) last_here = mention;
      ++mention;
    }
    if (para.heading && last_here != kNone) last_heading_mention = last_here;
  }
  last_heading_ = last_heading_mention;
}

const PeriodMention* PeriodResolver::heading_mention(std::size_t paragraph) const {
  std::size_t m = heading_above_[paragraph];
  if (m != kNone) return &mentions_[m];
  return heading_before_ ? &*heading_before_ : nullptr;
}

std::optional<PeriodMention> PeriodResolver::last_heading() const {
  if (last_heading_ != kNone) return mentions_[last_heading_];
  return heading_before_;
}

std::optional<Period> PeriodResolver::period_for(std::size_t figure_begin, std::size_t figure_end,
                                                 const FigureBetween& figure_between, bool stock) const {
  auto as_fact = [stock](const PeriodMention& m) {
    if (stock && m.cumulative && m.period.last_month != 0) return Period::month(m.period.last_year, m.period.last_month);
    return m.period;
  };
  // 1. In brackets right after the figure: 113.26亿元(1-11月); not in an
  // aside with a figure of its own, 增长5.2%(一季度为4.8%).
  for (const auto& m : mentions_) {
    if (m.begin < figure_end) continue;
    if (m.begin > figure_end + 1) break;
    if (m.begin == figure_end + 1 && folded_[figure_end] == '(' && !m.aside_end) return as_fact(m);
  }
  std::size_t s = segments_.sentence_at(figure_begin);
  std::size_t p = segments_.paragraph_of_sentence[s];
  const text::Range& para = segments_.paragraphs[p].range;
  // 2 and 3. The nearest before the figure in its sentence, else earlier in
  // its paragraph: both are the last phrase between the paragraph's start
  // and the figure. 年任务75亿元: a scoped phrase only for the figure right
  // after it; (去年同期增长4.1%): an aside's only for the figures in it.
  auto counts_here = [&](const PeriodMention& m) {
    return !(m.scoped && figure_between(m.begin, figure_begin)) && !(m.aside_end && m.aside_end <= figure_begin);
  };
  if (const PeriodMention* m = last_before(figure_begin, para.begin, counts_here)) return as_fact(*m);
  // 4. The nearest heading above that states a period.
  if (const PeriodMention* m = heading_mention(p)) return as_fact(*m);
  return title_period_;
}

std::string_view PeriodResolver::just_before(std::size_t figure_begin, std::size_t look_back) const {
  std::size_t sentence_begin = segments_.sentences[segments_.sentence_at(figure_begin)].begin;
  std::size_t from = figure_begin > sentence_begin + look_back ? figure_begin - look_back : sentence_begin;
  while (from < figure_begin && (static_cast<unsigned char>(folded_[from]) & 0xC0) == 0x80) ++from;
  return folded_.substr(from, figure_begin - from);
}

Period PeriodResolver::endpoint_of_span(const Period& period, std::size_t figure_begin,
                                        const detail::CompiledPack& pack) const {
  if (period.first_month != 0 || period.first_year == period.last_year) return period;
  // Read with the words the figure begins with before its number, a bound
  // or an approximation (突破300亿元, 约312亿元): 总量突破 is a level reached.
  // And as far back as the start of a long clause (span_end looks for a
  // total, 累计, in the clause of a level reached).
  constexpr std::size_t kLookBack = 96, kLeadReach = 12;
  const std::size_t lead_limit = std::min(folded_.size(), figure_begin + kLeadReach);
  std::size_t number_begin = figure_begin;
  while (number_begin < lead_limit) {
    unsigned char c = static_cast<unsigned char>(folded_[number_begin]);
    if (c >= '0' && c <= '9') break;
    const auto& words = pack.numbers.by_first_byte[c];
    std::string_view rest = folded_.substr(number_begin);
    if (std::any_of(words.begin(), words.end(), [&](const auto& w) { return rest.starts_with(w.text); })) break;
    do ++number_begin;  // past one character
    while (number_begin < folded_.size() && (static_cast<unsigned char>(folded_[number_begin]) & 0xC0) == 0x80);
  }
  if (number_begin >= lead_limit) number_begin = figure_begin;  // no number within reach: none of it
  std::string_view before = just_before(figure_begin, kLookBack);
  before = folded_.substr(static_cast<std::size_t>(before.data() - folded_.data()),
                          before.size() + (number_begin - figure_begin));
  if (pack.periods.span_end && RE2::PartialMatch(before, *pack.periods.span_end)) return Period::year(period.last_year);
  if (pack.periods.span_start && RE2::PartialMatch(before, *pack.periods.span_start))
    return Period::year(period.first_year - 1);
  return period;
}

Period PeriodResolver::span_of_average(const Period& period, std::size_t figure_begin,
                                       const detail::CompiledPack& pack) const {
  const detail::PeriodLexicon& lex = pack.periods;
  if (!lex.annual_average || period.first_month != 0 || period.first_year != period.last_year) return period;
  if (!RE2::PartialMatch(just_before(figure_begin, kAverageLookBack), *lex.annual_average)) return period;
  std::size_t s = segments_.sentence_at(figure_begin);
  std::size_t sentence_begin = segments_.sentences[s].begin;
  const int last = period.last_year;
  if (lex.since_base) {  // the last base year stated before the figure in its sentence
    std::optional<int> base;
    std::string_view before = folded_.substr(sentence_begin, figure_begin - sentence_begin);
    match::scan(*lex.since_base, before, [&](const match::Hit& h) {
      auto [b, e] = h.group(before, 1);
      if (b != std::string_view::npos) base = small_whole_number(before.substr(b, e - b), pack.numbers);
    });
    if (base && *base >= kMinYear && *base < last) return Period::years(*base + 1, last);
  }
  // A scoped span (五年累计) is its own figure's only.
  auto ends_in_last = [last](const PeriodMention& m) {
    return !m.scoped && m.period.first_month == 0 && m.period.first_year < last && m.period.last_year == last;
  };
  std::size_t p = segments_.paragraph_of_sentence[s];
  if (const PeriodMention* m = last_before(figure_begin, segments_.paragraphs[p].range.begin, ends_in_last))
    return m->period;
  if (const PeriodMention* m = heading_mention(p); m && ends_in_last(*m)) return m->period;
  return period;
}

}  // namespace zhibiao::resolve
