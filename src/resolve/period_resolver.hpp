// Which period a fact has, as the spec's reader decides it.
//
// Period phrases are found with the pack's [[period]] rules (longest match
// wins where they overlap; a phrase that is a publication date yields no
// period; a year right after a comparison word such as 较 or 比 is a base,
// not a period). Each phrase is then resolved to a Period in document order:
// a stated year is taken as is; a relative one (上半年, 1-5月, 全年) takes
// the year in scope, that is the last stated year earlier in its paragraph,
// else that of the nearest heading above with one, else the title's, else
// the document date's; 今年/去年 count from the document date.
//
// A fact then takes, in this order: a period in brackets right after its
// figure; the nearest period before the figure in its sentence; the nearest
// earlier in its paragraph; that of the nearest heading above; the title's;
// none. A scoped phrase (年任务) counts only for the figure right after it;
// a cumulative one (截至3月底) gives a stock (企业总数) its last month only;
// one in a bracketed aside with a figure of its own (增长6.6%(去年同期增长
// 4.1%)) only for the figures in it, and it sets no year in scope.
//
// With no publication date, the document's year is the last year it states
// in full, so 1-3月 in an undated report of 2016 is 2016's.
#pragma once

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "resolve/figures.hpp"
#include "rules/compiled_pack.hpp"
#include "text/segmenter.hpp"
#include "zhibiao/period.hpp"

namespace zhibiao::resolve {

struct PeriodMention {
  std::size_t begin, end;
  Period period;
  bool explicit_year;
  bool cumulative;  // 截至3月底: a stock takes the last month only
  bool scoped;      // 年任务: applies to the next figure only
  // In a bracketed aside with a figure of its own (增长6.6%(去年同期增长
  // 4.1%)): just past its closing bracket, where the phrase stops counting.
  // 0 for any other phrase.
  std::size_t aside_end = 0;
};

// The publication date as far as periods need it.
struct DocumentDate {
  std::optional<int> year;
  std::optional<int> month;
};

// What the periods of one part of a document tell the parts after it, for
// a document read in parts (`DocumentStream`): the headings' periods and
// years hold until the next heading that states one, whichever part it is
// in. Empty before the first part.
struct PeriodCarry {
  std::optional<int> stated_year;        // with no date: the last year stated in full so far
  std::optional<int> heading_year;       // the last year stated in full in a heading so far
  std::optional<PeriodMention> heading;  // the last period stated in a heading so far
};

// Finds and resolves the period phrases of one text. `fallback_scope_year`
// is the year relative phrases take when nothing in the text fixes one.
// `wanted_until`: per paragraph, where the phrases it needs stop: the end
// of one of its sentences (the phrases that begin there or after may be
// left out), its end to read it all, its start to read none of it. A fact
// needs only the phrases that begin before the end of the sentence after
// its figure (PeriodResolver::period_for), and a heading all of its own.
// Empty means every paragraph whole. `carry`, for a text that is one part
// of a document: what the parts before it stated, updated with what this
// one states.
std::vector<PeriodMention> find_periods(std::string_view folded, const text::Segments& segments,
                                        const detail::CompiledPack& pack, DocumentDate document,
                                        std::optional<int> fallback_scope_year,
                                        const std::vector<std::size_t>& wanted_until = {}, PeriodCarry* carry = nullptr);

class PeriodResolver {
 public:
  // `heading_before`: the last period a heading stated in the parts of the
  // document before this text, if any.
  PeriodResolver(std::string_view folded, const text::Segments& segments, std::vector<PeriodMention> mentions,
                 std::optional<Period> title_period, std::optional<PeriodMention> heading_before = std::nullopt);

  // `figure_between`: whether a figure of the text begins between two
  // positions; `stock`: the fact's indicator is a level at a point in time.
  std::optional<Period> period_for(std::size_t figure_begin, std::size_t figure_end,
                                   const FigureBetween& figure_between, bool stock) const;
  // Over a span of years (五年来, 2013-2017年), a level at `figure_begin`
  // stated as where the change started (从54万亿元, the pack's span_start)
  // belongs to the year before the span, and one stated as where it ended
  // (增加到82.7万亿元, span_end) to the span's last year; rates and totals
  // over the span keep it. `period` is the one period_for() gave.
  Period endpoint_of_span(const Period& period, std::size_t figure_begin, const detail::CompiledPack& pack) const;
  // The years an average rate a year runs over (平均每年递增8.7%), for a
  // growth at `figure_begin` whose period_for() is one year Y: from the year
  // after a base year stated before it in its sentence (比一九八○年增长…,
  // 从1997年的…), else the span of years ending in Y stated earlier in its
  // paragraph or its heading (第六个五年计划期间…到一九八五年). `period` as
  // it is when the text before the figure is no average rate (the pack's
  // annual_average), or neither is stated.
  Period span_of_average(const Period& period, std::size_t figure_begin, const detail::CompiledPack& pack) const;
  // The last period stated in a heading up to the end of the text (or
  // before it), for the parts of a document after this one.
  std::optional<PeriodMention> last_heading() const;

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const PeriodMention* heading_mention(std::size_t paragraph) const;
  // The text of its sentence just before the figure at `figure_begin`, at
  // most `look_back` bytes of it, where span_start, span_end and
  // annual_average are looked for.
  static constexpr std::size_t kAverageLookBack = 48;  // bytes before the figure: 平均每年实际增长
  std::string_view just_before(std::size_t figure_begin, std::size_t look_back) const;
  // The last mention that begins at or after `paragraph_begin`, ends by
  // `figure_begin` and that `accept` takes, or null. Mentions are disjoint
  // and in text order.
  template <typename Accept>
  const PeriodMention* last_before(std::size_t figure_begin, std::size_t paragraph_begin, Accept&& accept) const {
    auto it = std::upper_bound(mentions_.begin(), mentions_.end(), figure_begin,
                               [](std::size_t pos, const PeriodMention& m) { return pos < m.begin; });
    while (it != mentions_.begin()) {
      const PeriodMention& m = *--it;
      if (m.begin < paragraph_begin) break;
      if (m.end <= figure_begin && accept(m)) return &m;
    }
    return nullptr;
  }
  std::string_view folded_;
  const text::Segments& segments_;
  std::vector<PeriodMention> mentions_;
  std::optional<Period> title_period_;
  std::optional<PeriodMention> heading_before_;
  std::vector<std::size_t> heading_above_;  // per paragraph: index into mentions_, or kNone
  std::size_t last_heading_ = kNone;        // the last heading's mention in the text, or kNone
};

// The document's date: from its date string (YYYY-MM-DD), else from a header
// line matched by the pack's document_date patterns (capture 1 the year,
// capture 2 the month).
DocumentDate document_date(std::string_view date, std::string_view folded, const detail::CompiledPack& pack);

}  // namespace zhibiao::resolve
