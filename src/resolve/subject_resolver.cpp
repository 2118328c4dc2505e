#include "resolve/subject_resolver.hpp"

#include <algorithm>

#include "match/scan.hpp"
#include "text/ends_with_any.hpp"

namespace zhibiao::resolve {

std::vector<SubjectMention> find_subjects(std::string_view folded, const detail::CompiledPack& pack,
                                          const text::Segments* segments, const std::vector<std::size_t>& wanted_until) {
  std::vector<SubjectMention> out;
  std::vector<text::Range> ranges;
  if (segments && !wanted_until.empty()) {
    // Read only as far as needed when no mention can cross a sentence's
    // end: the mentions before it are then those of the whole paragraph.
    for (std::size_t p = 0; p < segments->paragraphs.size(); ++p) {
      text::Range para = segments->paragraphs[p].range;
      if (wanted_until[p] <= para.begin) continue;
      if (pack.subjects.within_sentences) para.end = std::min(para.end, wanted_until[p]);
      ranges.push_back(para);
    }
  } else {
    ranges.push_back({0, folded.size()});
  }
  for (const auto& re : pack.subjects.patterns) {
    for (const auto& range : ranges) {
      match::scan(*re, folded, [&](const match::Hit& h) {
        auto [b, e] = re->NumberOfCapturingGroups() >= 1 ? h.group(folded, 1) : std::pair{h.begin, h.end};
        // 占全市比重, 高于全省: a place after such a word is a whole or a
        // yardstick, not who a fact is about.
        if (b != std::string_view::npos && b < e && !text::ends_with_any(folded.substr(0, b), pack.subjects.not_after))
          out.push_back({b, e});
      }, range.begin, range.end);
    }
  }
  // By start, and the longest last among those that start together, so
  // that subject_for, going back, meets 全市工业园区 before 全市.
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
  return out;
}

const SubjectMention* subject_for(const std::vector<SubjectMention>& mentions, const text::Range& paragraph,
                                  std::size_t fact_begin) {
  // The last mention starting before the fact; mentions are sorted by start.
  auto it = std::lower_bound(mentions.begin(), mentions.end(), fact_begin,
                             [](const SubjectMention& m, std::size_t pos) { return m.begin < pos; });
  while (it != mentions.begin()) {
    --it;
    if (it->begin < paragraph.begin) return nullptr;
    if (it->end <= fact_begin) return &*it;
  }
  return nullptr;
}

}  // namespace zhibiao::resolve
