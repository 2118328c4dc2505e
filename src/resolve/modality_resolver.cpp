#include "resolve/modality_resolver.hpp"

#include <algorithm>

#include "match/name_finder.hpp"
#include "match/scan.hpp"
#include "resolve/number_parser.hpp"

namespace zhibiao::resolve {

ModalityResolver::ModalityResolver(std::string_view folded, const detail::CompiledPack& pack,
                                   const std::vector<text::Range>& ranges, std::optional<int> document_year) {
  const auto& lex = pack.modality;
  if (!lex.words) return;
  std::vector<int> matching;
  std::vector<std::vector<match::NameAt>> words;
  for (const auto& range : ranges) {
    std::vector<std::pair<std::size_t, std::size_t>> excluded;
    auto scan_exclude = [&](const RE2& re) {
      match::scan(re, folded, [&](const match::Hit& h) { excluded.emplace_back(h.begin, h.end); }, range.begin,
                  range.end);
    };
    // Most sentences hold no exclude at all: the set says which do, in one
    // pass, and only those are scanned (all of them if it cannot say).
    matching.clear();
    RE2::Set::ErrorInfo error{};
    if (lex.any_exclude &&
        (lex.any_exclude->Match(folded.substr(range.begin, range.end - range.begin), &matching, &error) ||
         error.kind == RE2::Set::kNoError)) {
      for (int i : matching) scan_exclude(*lex.excludes[static_cast<std::size_t>(i)]);
    } else {
      for (const auto& re : lex.excludes) scan_exclude(*re);
    }
    auto is_excluded = [&](std::size_t begin, std::size_t end) {
      return std::any_of(excluded.begin(), excluded.end(),
                         [&](std::pair<std::size_t, std::size_t> x) { return x.first <= begin && end <= x.second; });
    };
    lex.words->find(folded, range.begin, range.end, words);
    for (const match::NameAt& w : match::leftmost_first(words.front())) {
      if (is_excluded(w.begin, w.end)) continue;
      auto it = lex.by_word.find(folded.substr(w.begin, w.end - w.begin));
      if (it != lex.by_word.end()) signals_.push_back({w.begin, it->second});
    }
    for (const auto& phrase : lex.phrases) {
      match::scan_with(*phrase.pattern, phrase.lead, folded, [&](const match::Hit& h) {
        if (!is_excluded(h.begin, h.end)) signals_.push_back({h.begin, {phrase.modality, false, false}});
      }, range.begin, range.end);
    }
    if (lex.future_year && document_year) {
      match::scan_with(*lex.future_year, lex.future_year_lead, folded, [&](const match::Hit& h) {
        auto [b, e] = h.group(folded, 1);
        if (b == std::string_view::npos) return;
        auto year = small_whole_number(folded.substr(b, e - b), pack.numbers);
        if (year && *year > *document_year) signals_.push_back({h.begin, {Modality::target, true, false}});
      }, range.begin, range.end);
    }
  }
  // Ranges may come out of order (a list's lead-in); `at` searches by position.
  std::stable_sort(signals_.begin(), signals_.end(), [](const Signal& a, const Signal& b) { return a.begin < b.begin; });
}

Modality ModalityResolver::at(std::size_t sentence_begin, std::size_t figure_begin,
                              const FigureBetween& figure_between, text::Range lead_in,
                              std::optional<Modality> carried, bool ends_after_document_year) const {
  std::optional<Modality> current = carried;
  bool said = carried.has_value();  // by a word other than a result verb
  auto first = std::lower_bound(signals_.begin(), signals_.end(), sentence_begin,
                                [](const Signal& s, std::size_t pos) { return s.begin < pos; });
  for (auto it = first; it != signals_.end(); ++it) {
    const Signal& s = *it;
    if (s.begin >= figure_begin) break;
    if (s.word.scoped && figure_between(s.begin, figure_begin)) continue;  // it named another figure's plan
    bool prospective = current && *current != Modality::actual;
    if (s.word.weak && prospective) continue;
    current = s.word.modality;
    said = said || !s.word.weak;
  }
  if (!current && lead_in.begin < lead_in.end) {
    auto from = std::lower_bound(signals_.begin(), signals_.end(), lead_in.begin,
                                 [](const Signal& s, std::size_t pos) { return s.begin < pos; });
    for (auto it = from; it != signals_.end() && lead_in.contains(it->begin); ++it)
      if (!it->word.weak) current = it->word.modality, said = true;
  }
  if (ends_after_document_year && !said) return Modality::target;
  return current.value_or(Modality::actual);
}

}  // namespace zhibiao::resolve
