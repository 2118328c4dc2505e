#include "match/quantity_finder.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "match/scan.hpp"
#include "resolve/quantity_parser.hpp"
#include "text/utf8.hpp"

namespace zhibiao::match {
namespace {

// A single numeral character (一是, 三农) is a number only when it stands
// alone on its line.
bool alone_on_line(std::string_view folded, std::size_t begin, std::size_t end) {
  return (begin == 0 || folded[begin - 1] == '\n') && (end == folded.size() || folded[end] == '\n');
}

// Most such mentions are one Chinese character inside a word (进一步):
// known to be lone numerals without reading them.
bool one_chinese_char(std::string_view folded, std::size_t begin, std::size_t end) {
  return static_cast<unsigned char>(folded[begin]) >= 0x80 && text::decode_at(folded, begin).size == end - begin;
}

// The whole text as one window: for a pattern whose windows cannot be told.
std::vector<text::Range> whole(std::string_view folded) {
  if (folded.empty()) return {};
  return {text::Range{0, folded.size()}};
}

}  // namespace

QuantityScan::QuantityScan(std::string_view folded, const detail::CompiledPack& pack,
                           const std::vector<text::Range>* needed_at)
    : folded_(folded), pack_(pack), memo_(pack) {
  const auto& grammar = pack.quantity;
  std::vector<std::vector<text::Range>> windows =
      needed_at ? grammar.windows.find(folded, *needed_at) : grammar.windows.find(folded);
  bool exclusions_in_windows = grammar.any_exclude && grammar.exclude_windows;
  excluded_ = MatchesByWindow<Span>(exclusions_in_windows ? std::move(windows[*grammar.exclude_windows]) : whole(folded));
  if (grammar.finder_windows) {
    // A finder window of one Chinese character can only match that
    // character, which scan_mentions drops unless alone on its line: such
    // windows (一 in 进一步, a third of them) are never scanned.
    auto& finder = windows[*grammar.finder_windows];
    std::erase_if(finder, [&](const text::Range& w) {
      return one_chinese_char(folded, w.begin, w.end) && !alone_on_line(folded, w.begin, w.end);
    });
    mentions_ = MatchesByWindow<Mention>(std::move(finder));
  } else {
    mentions_ = MatchesByWindow<Mention>(whole(folded));
  }
}

void QuantityScan::scan_exclusions(const text::Range& w, std::vector<Span>& out) {
  const auto& grammar = pack_.quantity;
  auto add = [&](const Hit& h) { out.emplace_back(h.begin, h.end); };
  // One pass with all exclusions in one pattern (spans come out sorted and
  // disjoint); the separate patterns, through the whole text, only when
  // that could not be built.
  if (grammar.any_exclude) {
    if (grammar.exclude_windows) scan_in_window(*grammar.any_exclude, grammar.exclude_lead, folded_, w, add);
    else scan(*grammar.any_exclude, folded_, add);
    return;
  }
  std::vector<Span> spans;
  for (const auto& re : grammar.excludes)
    scan(*re, folded_, [&](const Hit& h) { spans.emplace_back(h.begin, h.end); });
  std::sort(spans.begin(), spans.end());
  // Merge overlaps so that the spans are disjoint.
  for (auto s : spans) {
    if (!out.empty() && s.first <= out.back().second) out.back().second = std::max(out.back().second, s.second);
    else out.push_back(s);
  }
}

void QuantityScan::scan_mentions(const text::Range& w, std::vector<Mention>& out) {
  const auto& grammar = pack_.quantity;
  auto add = [&](const Hit& h) {
    if (touches_excluded(h.begin, h.end)) return;
    std::size_t begin = resolve::past_word_holding_qualifier(folded_, h.begin, h.end, grammar);
    bool alone = alone_on_line(folded_, begin, h.end);
    if (one_chinese_char(folded_, begin, h.end) && !alone) return;
    out.push_back({begin, h.end, alone});
  };
  if (grammar.finder_windows) scan_in_window(*grammar.finder, grammar.finder_lead, folded_, w, add);
  else scan(*grammar.finder, folded_, add);
}

bool QuantityScan::touches_excluded(std::size_t b, std::size_t e) {
  // A span touches [b, e) when it ends after b and starts before e; so
  // does the window it lies in.
  auto scan_window = [&](const text::Range& w, std::vector<Span>& out) { scan_exclusions(w, out); };
  return excluded_.find(b, e, scan_window, [&](const Span& s) { return s.second > b && s.first < e; });
}

const resolve::ParsedQuantity* QuantityScan::quantity_of(Mention& m) {
  if (!m.parsed) m.parsed = &memo_.parse(folded_.substr(m.begin, m.end - m.begin));
  const auto& q = *m.parsed;
  if (!q || (q->lone_numeral && !m.alone_on_line) || !resolve::unit_fits_context(*q, folded_, m.begin)) return nullptr;
  return &*q;
}

template <typename Visit>
bool QuantityScan::find_mention(std::size_t from, std::size_t to, Visit&& visit) {
  if (from >= to) return false;
  auto scan_window = [&](const text::Range& w, std::vector<Mention>& out) { scan_mentions(w, out); };
  // A mention lies inside its window, so those that begin in [from, to)
  // are among the mentions of the windows that meet it.
  return mentions_.find(from, to, scan_window,
                        [&](Mention& m) { return m.begin >= from && m.begin < to && visit(m); });
}

const resolve::ParsedQuantity* QuantityScan::at(std::size_t b, std::size_t e) {
  const resolve::ParsedQuantity* found = nullptr;
  find_mention(b, b + 1, [&](Mention& m) {
    if (m.end == e) found = quantity_of(m);
    return true;
  });
  return found;
}

bool QuantityScan::may_have_mention_in(std::size_t from, std::size_t to) {
  return from < to && mentions_.any_window_in(from, to);
}

bool QuantityScan::has_mention_in(std::size_t from, std::size_t to) {
  return find_mention(from, to, [](const Mention&) { return true; });
}

bool QuantityScan::any_in(std::size_t from, std::size_t to) {
  return find_mention(from, to, [&](Mention& m) { return quantity_of(m) != nullptr; });
}

std::vector<FoundQuantity> QuantityScan::all() {
  std::vector<FoundQuantity> out;
  find_mention(0, folded_.size(), [&](Mention& m) {
    if (const auto* q = quantity_of(m)) out.push_back({m.begin, m.end, *q});
    return false;
  });
  return out;
}

}  // namespace zhibiao::match
