// The pipeline for one document:
//   normalise (keeping the offset map) -> segment -> match rules ->
//   resolve context (period, modality, subject) -> Fact records.
#include "zhibiao/extractor.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/stage_times.hpp"
#include "match/quantity_finder.hpp"
#include "match/rule_matcher.hpp"
#include "resolve/modality_resolver.hpp"
#include "resolve/period_resolver.hpp"
#include "resolve/subject_resolver.hpp"
#include "rules/compiled_pack.hpp"
#include "text/normalizer.hpp"
#include "text/segmenter.hpp"

namespace zhibiao {
namespace {

std::string original_text(const std::string& original, Span span) {
  return original.substr(span.begin, span.end - span.begin);
}

void report_invalid(const text::NormalizedText& norm, std::vector<Warning>* warnings) {
  if (!warnings) return;
  for (const auto& bad : norm.invalid)
    warnings->push_back({bad.offset, fmt::format("invalid UTF-8 at byte {}, read as U+FFFD", bad.offset)});
}

// What the title (or nothing) says about period and subject.
struct TitleContext {
  std::optional<Period> period;
  std::optional<int> year;  // a year the title states, for relative periods
  std::string subject;
};

TitleContext read_title(const std::string& title, resolve::DocumentDate date, const detail::CompiledPack& pack) {
  TitleContext out;
  if (title.empty()) return out;
  text::NormalizedText norm = text::normalize(title, *pack.fold);
  text::Segments segs = text::segment(norm.text, pack.segments);
  auto periods = resolve::find_periods(norm.text, segs, pack, date, date.year);
  if (!periods.empty()) {
    out.period = periods.back().period;
    for (const auto& p : periods)
      if (p.explicit_year) out.year = p.period.last_year;
  }
  auto subjects = resolve::find_subjects(norm.text, pack);
  if (!subjects.empty()) {
    Span s = norm.to_original(subjects.front().begin, subjects.front().end);
    out.subject = original_text(title, s);
  }
  return out;
}

// Over a span of years (五年来, 2013-2017年), a level stated as where the
// change started (从54万亿元) belongs to the year before the span, and one
// stated as where it ended (增加到82.7万亿元) to the span's last year; rates
// and totals over the span keep it.
Period endpoint_of_span(const Period& period, std::string_view folded, std::size_t sentence_begin,
                        std::size_t figure_begin, const detail::CompiledPack& pack) {
  if (period.first_month != 0 || period.first_year == period.last_year) return period;
  constexpr std::size_t kLookBack = 48;  // bytes before the figure
  std::size_t from = figure_begin > sentence_begin + kLookBack ? figure_begin - kLookBack : sentence_begin;
  while (from < figure_begin && (static_cast<unsigned char>(folded[from]) & 0xC0) == 0x80) ++from;
  std::string_view before = folded.substr(from, figure_begin - from);
  if (pack.periods.span_end && RE2::PartialMatch(before, *pack.periods.span_end)) return Period::year(period.last_year);
  if (pack.periods.span_start && RE2::PartialMatch(before, *pack.periods.span_start))
    return Period::year(period.first_year - 1);
  return period;
}

}  // namespace

std::vector<Fact> Extractor::facts(const Document& doc, std::vector<Warning>* warnings) const {
  const detail::CompiledPack& pack = pack_.compiled();
  detail::StageClock clock;
  text::NormalizedText norm = text::normalize(doc.text, *pack.fold);
  report_invalid(norm, warnings);
  const std::string& folded = norm.text;
  clock.done(detail::Stage::normalize);

  // Only sentences with a quantity can hold a fact; everything after this
  // reads just those sentences, their paragraphs and the headings.
  match::QuantityScan quantities(folded, pack, &norm.watched);
  bool any_quantity = quantities.any_in(0, folded.size());
  clock.done(detail::Stage::quantities);
  if (!any_quantity) return {};
  text::Segments segs = text::segment(folded, pack.segments);
  clock.done(detail::Stage::segment);
  std::vector<match::Candidate> candidates = match::match_rules(folded, segs, pack, quantities);
  clock.done(detail::Stage::rules);
  if (candidates.empty()) return {};

  std::vector<bool> paragraphs(segs.paragraphs.size(), false);
  std::vector<text::Range> sentences;
  for (const auto& c : candidates) {
    std::size_t s = segs.sentence_at(c.q_begin);
    paragraphs[segs.paragraph_of_sentence[s]] = true;
    if (sentences.empty() || sentences.back().begin != segs.sentences[s].begin) sentences.push_back(segs.sentences[s]);
  }
  // A line ending in a colon (主要预期目标是：) leads in the list on the next
  // non-empty line; its signal words are read too.
  std::vector<text::Range> lead_in(segs.paragraphs.size(), text::Range{0, 0});
  for (std::size_t p = 0; p < segs.paragraphs.size(); ++p) {
    if (!paragraphs[p]) continue;
    std::size_t q = p;
    while (q > 0 && segs.paragraphs[q - 1].range.begin == segs.paragraphs[q - 1].range.end) --q;
    if (q == 0) continue;
    const text::Range& prev = segs.paragraphs[q - 1].range;
    if (prev.end > prev.begin && folded[prev.end - 1] == ':') {
      lead_in[p] = prev;
      sentences.push_back(prev);
    }
  }
  std::vector<bool> period_paragraphs = paragraphs;
  for (std::size_t p = 0; p < segs.paragraphs.size(); ++p)
    if (segs.paragraphs[p].heading) period_paragraphs[p] = true;
  std::sort(sentences.begin(), sentences.end(), [](const text::Range& a, const text::Range& b) { return a.begin < b.begin; });
  sentences.erase(std::unique(sentences.begin(), sentences.end(),
                              [](const text::Range& a, const text::Range& b) { return a.begin == b.begin; }),
                  sentences.end());

  resolve::DocumentDate date = resolve::document_date(doc.date, folded, pack);
  TitleContext title = read_title(doc.title, date, pack);
  std::optional<int> scope_year = title.year ? title.year : date.year;
  resolve::PeriodResolver periods(
      folded, segs, resolve::find_periods(folded, segs, pack, date, scope_year, period_paragraphs), title.period);
  clock.done(detail::Stage::periods);
  resolve::ModalityResolver modality(folded, pack, sentences);
  clock.done(detail::Stage::modality);
  auto figure_between = [&](std::size_t after, std::size_t before) { return quantities.any_between(after, before); };
  auto subjects = resolve::find_subjects(folded, pack, &segs, paragraphs);
  clock.done(detail::Stage::subjects);

  std::vector<Fact> out;
  out.reserve(candidates.size());
  for (const auto& c : candidates) {
    Fact f;
    f.span = norm.to_original(c.begin, c.end);
    f.text = original_text(doc.text, f.span);
    f.indicator = c.indicator;
    f.measure = c.rule->measure;
    f.value = c.quantity.value;
    f.value_max = c.quantity.value_max;
    f.qualifier = c.quantity.qualifier;
    f.unit = c.quantity.unit;
    f.rule = c.rule->id;
    std::size_t s = segs.sentence_at(c.q_begin);
    f.modality = modality.at(segs.sentences[s].begin, c.q_begin, figure_between, lead_in[segs.paragraph_of_sentence[s]]);
    const detail::IndicatorInfo* info = pack.indicator(f.indicator);
    f.period = periods.period_for(c.q_begin, c.q_end, figure_between, info && info->stock);
    if (f.period && (f.measure == Measure::level || f.measure == Measure::share))
      f.period = endpoint_of_span(*f.period, folded, segs.sentences[s].begin, c.q_begin, pack);
    const auto& para = segs.paragraphs[segs.paragraph_of_sentence[s]].range;
    if (const auto* subject = resolve::subject_for(subjects, para, c.q_begin))
      f.subject = original_text(doc.text, norm.to_original(subject->begin, subject->end));
    else
      f.subject = title.subject;
    if (c.base_begin != std::string::npos && c.base_begin < c.base_end)
      f.base = original_text(doc.text, norm.to_original(c.base_begin, c.base_end));
    out.push_back(std::move(f));
  }
  clock.done(detail::Stage::records);
  return out;
}

std::vector<Quantity> Extractor::quantities(const Document& doc, std::vector<Warning>* warnings) const {
  const detail::CompiledPack& pack = pack_.compiled();
  text::NormalizedText norm = text::normalize(doc.text, *pack.fold);
  report_invalid(norm, warnings);
  std::vector<Quantity> out;
  match::QuantityScan scan(norm.text, pack, &norm.watched);
  for (auto& found : scan.all()) {
    Quantity q;
    q.span = norm.to_original(found.begin, found.end);
    q.text = original_text(doc.text, q.span);
    q.kind = found.quantity.kind;
    q.value = found.quantity.value;
    q.value_max = found.quantity.value_max;
    q.qualifier = found.quantity.qualifier;
    q.unit = found.quantity.unit;
    if (q.kind == QuantityKind::number && found.quantity.unit_length > 0) {
      // A counter is reported as written (個 stays 個).
      std::size_t ub = found.begin + found.quantity.unit_offset;
      q.unit = original_text(doc.text, norm.to_original(ub, ub + found.quantity.unit_length));
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace zhibiao
