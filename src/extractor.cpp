// The pipeline for one document:
//   normalise (keeping the offset map) -> segment -> match rules ->
//   resolve context (period, modality, subject) -> Fact records.
#include "zhibiao/extractor.hpp"

#include "zhibiao/document_stream.hpp"

#include <algorithm>
#include <iterator>
#include <optional>

#include "core/stage_times.hpp"
#include "document_carry.hpp"
#include "matched_part.hpp"
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

detail::TitleContext read_title(const std::string& title, resolve::DocumentDate date,
                                const detail::CompiledPack& pack) {
  detail::TitleContext out;
  if (title.empty()) return out;
  text::NormalizedText norm = text::normalize(title, *pack.fold);
  text::Segments segs = text::segment(norm.text, pack.segments, norm.breaks);
  auto periods = resolve::find_periods(norm.text, segs, pack, date, date.year);
  if (!periods.empty()) {
    out.period = periods.back().period;
    for (const auto& p : periods)
      if (p.explicit_year) out.year = p.period.last_year;
  }
  auto subjects = resolve::find_subjects(norm.text, pack);
  if (!subjects.empty()) {
    Span s = norm.to_original(subjects.front().begin, subjects.front().end);
    out.subject = title.substr(s.begin, s.end - s.begin);
  }
  return out;
}

// Whether sentence s breaks down the sentence before it in its paragraph:
// it opens with a breakdown word (其中, see ModalityLexicon::breakdown).
// Both are in the same part of a document read in parts, which are cut at
// line ends, unless a line runs on past twice a part's length
// (DocumentStream::next_cut): then the part after a cut inside it starts
// afresh.
bool breaks_down_previous(std::string_view folded, const text::Segments& segs, std::size_t s,
                          const detail::ModalityLexicon& lex) {
  if (s == 0 || lex.breakdown.empty() || segs.paragraph_of_sentence[s] != segs.paragraph_of_sentence[s - 1])
    return false;
  std::string_view sentence = folded.substr(segs.sentences[s].begin, segs.sentences[s].end - segs.sentences[s].begin);
  sentence.remove_prefix(std::min(sentence.find_first_not_of(' '), sentence.size()));
  return std::any_of(lex.breakdown.begin(), lex.breakdown.end(),
                     [&](const std::string& word) { return sentence.starts_with(word); });
}

// Whether paragraph p opens with the mark of a numbered item (1., (二)).
bool opens_with_item_mark(std::string_view folded, const text::Segments& segs, std::size_t p,
                          const detail::ModalityLexicon& lex) {
  if (!lex.list_item) return false;
  const text::Range& line = segs.paragraphs[p].range;
  std::string_view text = folded.substr(line.begin, line.end - line.begin);
  return lex.list_item->Match(text, 0, text.size(), RE2::ANCHOR_START, nullptr, 0);
}

// The line that leads in the list paragraph p belongs to, or an empty
// range. A lead-in is a line ending in a colon (主要预期目标是：), or a
// heading (2024年主要预期目标) over a list. The list begins on the next
// non-empty line and runs on over lines that end in a semicolon, items that
// say another follows (地区生产总值增长6%左右；\n固定资产投资增长8%；\n…),
// and over numbered items (1.…。\n2.…。). Under a heading, the first line
// must read as a list: a numbered item, a semicolon in its first sentence,
// or a figure in its first clause (地区生产总值增长5.5%左右，…: a list opens
// with its first item). A heading over prose names what the section is
// about (“十三五”时期发展成就和“十四五”时期主要目标任务, then 过去五年，…),
// not what each figure is. All the lines are in the same part of a document
// read in parts, as for breaks_down_previous.
text::Range list_lead_in(std::string_view folded, const text::Segments& segs, std::size_t p,
                         const detail::ModalityLexicon& lex, const resolve::FigureBetween& figure_in) {
  // A bound on the items walked back over: a list of targets holds a dozen.
  constexpr std::size_t kMaxItems = 30;
  std::size_t q = p;
  for (std::size_t items = 0; items < kMaxItems; ++items) {
    std::size_t line = q;
    while (q > 0 && segs.paragraphs[q - 1].range.begin == segs.paragraphs[q - 1].range.end) --q;
    if (q == 0) break;
    const text::Paragraph& prev = segs.paragraphs[--q];
    char last = folded[prev.range.end - 1];
    if (last == ':') return prev.range;
    bool numbered = opens_with_item_mark(folded, segs, line, lex);
    if (last == ';' || (numbered && opens_with_item_mark(folded, segs, q, lex))) continue;
    if (!prev.heading) break;
    const text::Range& first = segs.sentences[segs.paragraphs[line].first_sentence];
    std::string_view sentence = folded.substr(first.begin, first.end - first.begin);
    std::size_t clause_end = first.begin + std::min(sentence.find(','), sentence.size());
    bool reads_as_list =
        numbered || sentence.find(';') != std::string_view::npos || figure_in(first.begin, clause_end);
    return reads_as_list ? prev.range : text::Range{0, 0};
  }
  return {0, 0};
}

// Spans found in the folded text of a part, in the whole document's bytes,
// and the original bytes of such a span.
struct ToOriginal {
  const text::NormalizedText& norm;
  std::string_view part;  // the part's original bytes
  std::size_t offset;     // of the part in the whole document
  Span operator()(std::size_t b, std::size_t e) const {
    Span s = norm.to_original(b, e);
    return {s.begin + offset, s.end + offset};
  }
  std::string text(Span span) const { return std::string(part.substr(span.begin - offset, span.end - span.begin)); }
};

// The periods of a part's paragraphs as far as `wanted_until` asks (see
// resolve::find_periods), resolved with what the parts before it stated;
// `carry` then holds what this part states too.
resolve::PeriodResolver resolve_periods(std::string_view folded, const text::Segments& segs,
                                        const std::vector<std::size_t>& wanted_until, const detail::CompiledPack& pack,
                                        detail::DocumentCarry& carry) {
  std::optional<int> scope_year = carry.title.year ? carry.title.year : carry.date.year;
  resolve::PeriodResolver periods(
      folded, segs, resolve::find_periods(folded, segs, pack, carry.date, scope_year, wanted_until, &carry.periods),
      carry.title.period, carry.periods.heading);
  carry.periods.heading = periods.last_heading();
  return periods;
}

// Reads the headings of a part with no fact, for the parts after it.
void carry_headings(std::string_view folded, const text::Segments& segs, const detail::CompiledPack& pack,
                    detail::DocumentCarry& carry) {
  std::vector<std::size_t> headings(segs.paragraphs.size());
  bool any = false;
  for (std::size_t p = 0; p < segs.paragraphs.size(); ++p) {
    const text::Paragraph& para = segs.paragraphs[p];
    headings[p] = para.heading ? para.range.end : para.range.begin;
    any |= para.heading;
  }
  if (any) resolve_periods(folded, segs, headings, pack, carry);
}

// The records of a long text read in parts: it is handed to a stream a
// part's length at a time, so the stream's buffer holds no copy of it all.
template <class Records>
auto in_parts(const Extractor& extractor, const Document& doc, Records records, std::vector<Warning>* warnings) {
  Document header{doc.id, {}, doc.date, doc.title};
  DocumentStream stream(extractor, std::move(header));
  decltype(records(stream, warnings)) out;
  auto drain = [&] {
    while (stream.part_ready()) {
      auto part = records(stream, warnings);
      std::move(part.begin(), part.end(), std::back_inserter(out));
    }
  };
  std::string_view text = doc.text;
  for (std::size_t at = 0; at < text.size(); at += DocumentStream::kPartBytes) {
    stream.add(text.substr(at, DocumentStream::kPartBytes));
    drain();
  }
  stream.close();
  drain();
  return out;
}

}  // namespace

std::vector<Fact> Extractor::facts(const Document& doc, std::vector<Warning>* warnings) const {
  if (doc.text.size() <= DocumentStream::kPartBytes) {
    detail::DocumentCarry carry;
    auto matched = match_part(doc.text, 0, false);
    carry.invalid.add(matched->invalid, warnings);
    carry.invalid.finish(warnings);
    return finish_part(*matched, doc, carry);
  }
  return in_parts(*this, doc, [](DocumentStream& s, std::vector<Warning>* w) { return s.facts(w); }, warnings);
}

std::vector<Quantity> Extractor::quantities(const Document& doc, std::vector<Warning>* warnings) const {
  if (doc.text.size() <= DocumentStream::kPartBytes) {
    detail::InvalidBytes invalid;
    auto out = quantities_of_part(doc.text, 0, invalid);
    detail::InvalidBytesReport report;
    report.add(invalid, warnings);
    report.finish(warnings);
    return out;
  }
  return in_parts(*this, doc, [](DocumentStream& s, std::vector<Warning>* w) { return s.quantities(w); }, warnings);
}

std::unique_ptr<detail::MatchedPart> Extractor::match_part(std::string_view part, std::size_t offset,
                                                           bool more_parts) const {
  const detail::CompiledPack& pack = pack_.compiled();
  detail::StageClock clock;
  auto m = std::make_unique<detail::MatchedPart>();
  m->text = part;
  m->offset = offset;
  m->more_parts = more_parts;
  m->norm = text::normalize(part, *pack.fold, offset == 0);
  m->invalid = detail::invalid_bytes(m->norm, offset);
  const std::string& folded = m->norm.text;
  clock.done(detail::Stage::normalize);

  // Only sentences with a quantity can hold a fact; everything after this
  // reads just those sentences, their paragraphs and the headings.
  m->quantities.emplace(folded, pack, &m->norm.watched);
  bool any_quantity = m->quantities->any_in(0, folded.size());
  clock.done(detail::Stage::quantities);
  // With more parts to come, this part's headings are read even when it has
  // no fact: their periods hold for the parts after it.
  if (!any_quantity && !more_parts) return m;
  m->segments = text::segment(folded, pack.segments, m->norm.breaks);
  clock.done(detail::Stage::segment);
  if (any_quantity) m->candidates = match::match_rules(folded, m->segments, pack, *m->quantities);
  clock.done(detail::Stage::rules);
  return m;
}

std::vector<Fact> Extractor::finish_part(detail::MatchedPart& m, const Document& header,
                                         detail::DocumentCarry& carry) const {
  const detail::CompiledPack& pack = pack_.compiled();
  detail::StageClock clock;
  const std::string& folded = m.norm.text;
  const text::Segments& segs = m.segments;
  match::QuantityScan& quantities = *m.quantities;
  std::vector<match::Candidate>& candidates = m.candidates;
  const ToOriginal to_original{m.norm, m.text, m.offset};
  // The date and the title are read with the first part, and only once
  // they are needed in a document read whole (most have no fact at all).
  auto read_date_and_title = [&] {
    if (carry.started) return;
    carry.started = true;
    carry.date = resolve::document_date(header.date, folded, pack);
    carry.title = read_title(header.title, carry.date, pack);
  };
  if (m.more_parts) read_date_and_title();
  if (candidates.empty()) {
    if (m.more_parts) carry_headings(folded, segs, pack, carry);
    return {};
  }
  read_date_and_title();
  const detail::TitleContext& title = carry.title;

  std::vector<bool> paragraphs(segs.paragraphs.size(), false);
  std::vector<text::Range> sentences;
  for (const auto& c : candidates) {
    std::size_t s = segs.sentence_at(c.q_begin);
    paragraphs[segs.paragraph_of_sentence[s]] = true;
    if (sentences.empty() || sentences.back().begin != segs.sentences[s].begin) sentences.push_back(segs.sentences[s]);
    // A breakdown's signal words include those of the sentences it breaks down.
    for (std::size_t t = s; breaks_down_previous(folded, segs, t, pack.modality); --t)
      sentences.push_back(segs.sentences[t - 1]);
  }
  // The lead-in of each list with a fact (see list_lead_in); its signal
  // words are read too.
  std::vector<text::Range> lead_in(segs.paragraphs.size(), text::Range{0, 0});
  for (std::size_t p = 0; p < segs.paragraphs.size(); ++p) {
    if (!paragraphs[p]) continue;
    lead_in[p] = list_lead_in(folded, segs, p, pack.modality,
                              [&](std::size_t b, std::size_t e) { return quantities.any_in(b, e); });
    if (lead_in[p].begin < lead_in[p].end) sentences.push_back(lead_in[p]);
  }
  // How far into its paragraph a fact reads periods and subjects: to the
  // end of the sentence after its figure (the sentence holding the figure's
  // next character: a bracketed period right after the figure is in it).
  // A fact's subject ends before its text, which begins before its figure.
  std::vector<std::size_t> facts_until(segs.paragraphs.size());
  for (std::size_t p = 0; p < segs.paragraphs.size(); ++p) facts_until[p] = segs.paragraphs[p].range.begin;
  for (const auto& c : candidates) {
    std::size_t p = segs.paragraph_of_sentence[segs.sentence_at(c.q_begin)];
    std::size_t until = std::min(segs.sentences[segs.sentence_at(c.q_end)].end, segs.paragraphs[p].range.end);
    facts_until[p] = std::max(facts_until[p], until);
  }
  // The period phrases read (see resolve::PeriodResolver::period_for):
  // those, and all of every heading's.
  std::vector<std::size_t> period_until = facts_until;
  for (std::size_t p = 0; p < segs.paragraphs.size(); ++p)
    if (segs.paragraphs[p].heading) period_until[p] = segs.paragraphs[p].range.end;
  std::sort(sentences.begin(), sentences.end(), [](const text::Range& a, const text::Range& b) { return a.begin < b.begin; });
  sentences.erase(std::unique(sentences.begin(), sentences.end(),
                              [](const text::Range& a, const text::Range& b) { return a.begin == b.begin; }),
                  sentences.end());

  resolve::PeriodResolver periods = resolve_periods(folded, segs, period_until, pack, carry);
  clock.done(detail::Stage::periods);
  resolve::ModalityResolver modality(folded, pack, sentences, carry.date.year);
  clock.done(detail::Stage::modality);
  auto figure_between = [&](std::size_t after, std::size_t before) { return quantities.any_between(after, before); };
  // The plan, forecast or target a breakdown sentence takes from the one
  // before it, which may be a breakdown too: from the first of the chain on.
  auto carried_modality = [&](std::size_t s) -> std::optional<Modality> {
    std::size_t first = s;
    while (breaks_down_previous(folded, segs, first, pack.modality)) --first;
    std::optional<Modality> carried;
    for (std::size_t t = first; t < s; ++t) {
      const text::Range& sentence = segs.sentences[t];
      Modality at_end = modality.at(sentence.begin, sentence.end, figure_between,
                                    lead_in[segs.paragraph_of_sentence[t]], carried);
      carried = at_end == Modality::actual ? std::nullopt : std::optional(at_end);
    }
    return carried;
  };
  auto subjects = resolve::find_subjects(folded, pack, &segs, facts_until);
  clock.done(detail::Stage::subjects);

  std::vector<Fact> out;
  out.reserve(candidates.size());
  for (const auto& c : candidates) {
    Fact f;
    f.span = to_original(c.begin, c.end);
    f.text = to_original.text(f.span);
    f.indicator = c.indicator;
    f.measure = c.rule->measure;
    f.value = c.quantity.value;
    f.value_max = c.quantity.value_max;
    f.qualifier = c.quantity.qualifier;
    f.unit = c.quantity.unit;
    f.rule = c.rule->id;
    std::size_t s = segs.sentence_at(c.q_begin);
    const detail::IndicatorInfo* info = pack.indicator(f.indicator);
    f.period = periods.period_for(c.q_begin, c.q_end, figure_between, info && info->stock);
    if (f.period && (f.measure == Measure::level || f.measure == Measure::share))
      f.period = periods.endpoint_of_span(*f.period, c.q_begin, pack);
    if (f.period && f.measure == Measure::growth) f.period = periods.span_of_average(*f.period, c.q_begin, pack);
    bool ends_after_document_year = f.period && carry.date.year && f.period->last_year > *carry.date.year;
    f.modality = modality.at(segs.sentences[s].begin, c.q_begin, figure_between, lead_in[segs.paragraph_of_sentence[s]],
                             carried_modality(s), ends_after_document_year);
    const auto& para = segs.paragraphs[segs.paragraph_of_sentence[s]].range;
    if (const auto* subject = resolve::subject_for(subjects, para, c.begin))
      f.subject = to_original.text(to_original(subject->begin, subject->end));
    else
      f.subject = title.subject;
    if (c.base_begin != std::string::npos && c.base_begin < c.base_end)
      f.base = to_original.text(to_original(c.base_begin, c.base_end));
    out.push_back(std::move(f));
  }
  clock.done(detail::Stage::records);
  return out;
}

std::vector<Quantity> Extractor::quantities_of_part(std::string_view part, std::size_t offset,
                                                    detail::InvalidBytes& invalid) const {
  const detail::CompiledPack& pack = pack_.compiled();
  text::NormalizedText norm = text::normalize(part, *pack.fold, offset == 0);
  invalid = detail::invalid_bytes(norm, offset);
  const ToOriginal to_original{norm, part, offset};
  std::vector<Quantity> out;
  match::QuantityScan scan(norm.text, pack, &norm.watched);
  for (auto& found : scan.all()) {
    Quantity q;
    q.span = to_original(found.begin, found.end);
    q.text = to_original.text(q.span);
    q.kind = found.quantity.kind;
    q.value = found.quantity.value;
    q.value_max = found.quantity.value_max;
    q.qualifier = found.quantity.qualifier;
    q.unit = found.quantity.unit;
    if (q.kind == QuantityKind::number && found.quantity.unit_length > 0) {
      // A counter is reported as written (個 stays 個).
      std::size_t ub = found.begin + found.quantity.unit_offset;
      q.unit = to_original.text(to_original(ub, ub + found.quantity.unit_length));
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace zhibiao
